//! An iCalendar (RFC 5545) writer for the person's reminders: the review with the OT, each
//! measure due, each phased-return week and a daily diary reminder, each with an alarm, so the
//! phone's own calendar reminds the person when the app is closed.
//!
//! Times: an event with a time of day is written as a *floating* local time (RFC 5545 3.3.5,
//! form 1: no `Z`, no `TZID`), so 09:00 stays 09:00 in the person's own time zone through the
//! UK clock changes, and no time-zone table ships. An event about a day (the review, the start
//! of a phased-return week) is an all-day `VALUE=DATE` event. Only `DTSTAMP` and
//! `LAST-MODIFIED` are in UTC, as the RFC requires.
//!
//! Stable `UID`s come from the item's key, so importing an updated file updates the events
//! instead of adding copies; `SEQUENCE` grows with the time the file was made, for calendars
//! that want a higher sequence before they take an update.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// The longest a content line may be, in octets, not counting the CRLF (RFC 5545 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// When an event happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTime {
    /// An all-day event on this date (`VALUE=DATE`).
    Day(NaiveDate),
    /// A floating local time, lasting some minutes.
    At(NaiveDateTime, u16),
}

/// How an event repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    Daily,
    /// Every `n` weeks.
    Weeks(u8),
    /// Every `n` months.
    Months(u8),
}

/// One event with its alarms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable key of the thing this event is about (becomes the UID).
    pub key: String,
    pub summary: String,
    pub description: String,
    pub time: EventTime,
    pub repeat: Option<Repeat>,
    /// Alarms, in minutes before the start (negative: after); each becomes a DISPLAY alarm.
    pub alarms_before: Vec<i32>,
}

/// The text of the calendar file: CRLF line ends, folded lines, escaped text.
pub fn write_calendar(events: &[CalendarEvent], stamp_utc: NaiveDateTime) -> String {
    let mut out = String::new();
    let stamp = utc_stamp(stamp_utc);
    // Grows with the time of the file, so a later file always carries a higher sequence.
    let sequence = (stamp_utc
        - NaiveDate::from_ymd_opt(2026, 1, 1)
            .unwrap_or_default()
            .and_time(NaiveTime::MIN))
    .num_minutes()
    .max(0);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Everyday//Reminders 1//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Everyday reminders",
    ] {
        push_line(&mut out, line);
    }
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", uid(&e.key)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("LAST-MODIFIED:{stamp}"));
        push_line(&mut out, &format!("SEQUENCE:{sequence}"));
        match e.time {
            EventTime::Day(d) => {
                push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", ics_date(d)));
                push_line(
                    &mut out,
                    &format!(
                        "DTEND;VALUE=DATE:{}",
                        ics_date(super::dates::add_days(d, 1))
                    ),
                );
                // An all-day reminder should not show the person as busy.
                push_line(&mut out, "TRANSP:TRANSPARENT");
            }
            EventTime::At(at, minutes) => {
                push_line(&mut out, &format!("DTSTART:{}", floating(at)));
                push_line(
                    &mut out,
                    &format!(
                        "DTEND:{}",
                        floating(
                            at.checked_add_signed(Duration::minutes(minutes.into()))
                                .unwrap_or(at)
                        )
                    ),
                );
                push_line(&mut out, "TRANSP:TRANSPARENT");
            }
        }
        if let Some(r) = e.repeat {
            push_line(
                &mut out,
                &match r {
                    Repeat::Daily => "RRULE:FREQ=DAILY".to_string(),
                    Repeat::Weeks(1) => "RRULE:FREQ=WEEKLY".to_string(),
                    Repeat::Weeks(n) => format!("RRULE:FREQ=WEEKLY;INTERVAL={n}"),
                    Repeat::Months(n) => format!("RRULE:FREQ=MONTHLY;INTERVAL={n}"),
                },
            );
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary)));
        if !e.description.is_empty() {
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&e.description)),
            );
        }
        for before in &e.alarms_before {
            push_line(&mut out, "BEGIN:VALARM");
            push_line(&mut out, "ACTION:DISPLAY");
            push_line(&mut out, &format!("TRIGGER:{}", trigger(*before)));
            // A DISPLAY alarm must carry a DESCRIPTION (RFC 5545 3.6.6).
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&e.summary)),
            );
            push_line(&mut out, "END:VALARM");
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The event's UID from its key: letters, digits and `-` only, so it is the same text in every
/// file and needs no escaping.
pub fn uid(key: &str) -> String {
    let clean: String = key
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{clean}@everyday.invalid")
}

// Written by hand rather than with chrono's strftime, which would add its formatter to the
// download (see `domain::dates`).
fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

fn floating(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        ics_date(at.date()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

fn utc_stamp(at: NaiveDateTime) -> String {
    format!("{}Z", floating(at))
}

/// An alarm `minutes` before the start as a duration: `-PT15M`, `-P2DT15H`, `PT0S`.
pub fn trigger(minutes_before: i32) -> String {
    if minutes_before == 0 {
        return "PT0S".into();
    }
    let sign = if minutes_before > 0 { "-" } else { "" };
    let total = minutes_before.unsigned_abs();
    let (days, hours, minutes) = (total / 1440, total % 1440 / 60, total % 60);
    let mut s = format!("{sign}P");
    if days > 0 {
        s.push_str(&format!("{days}D"));
    }
    if hours > 0 || minutes > 0 {
        s.push('T');
        if hours > 0 {
            s.push_str(&format!("{hours}H"));
        }
        if minutes > 0 {
            s.push_str(&format!("{minutes}M"));
        }
    }
    s
}

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF (or a lone CR) is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT: left out.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Add one content line, folded so no line is longer than 75 octets (a fold is CRLF and one
/// space, RFC 5545 3.1), never splitting a UTF-8 character.
pub fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    let mut limit = MAX_LINE_OCTETS;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > limit {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts towards its 75 octets.
            used = 0;
            limit = MAX_LINE_OCTETS - 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The inverse of [`escape_text`], as a calendar reads it.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(o) => out.push(o),
                    None => out.push('\\'),
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    /// Undo folding: a CRLF followed by one space or tab is removed.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn escapes_the_four_special_characters() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf"),
            "a\\\\b\\;c\\,d\\ne\\nf".to_string()
        );
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn triggers_are_durations() {
        assert_eq!(trigger(0), "PT0S");
        assert_eq!(trigger(15), "-PT15M");
        assert_eq!(trigger(15 * 60), "-PT15H");
        assert_eq!(trigger(2 * 1440 + 15 * 60), "-P2DT15H");
        assert_eq!(trigger(1440), "-P1D");
        assert_eq!(trigger(-30), "PT30M");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &line);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        assert_eq!(unfold(&out), format!("{line}\r\n"));
        // "SUMMARY:" is 8 octets, so 33 two-octet characters fit on the first line (74), the
        // 34th would make 76.
        assert!(out.starts_with(&format!("SUMMARY:{}\r\n {}", "é".repeat(33), "é")));
    }

    /// A hand-checked file: one all-day review with two alarms and a daily diary reminder.
    #[test]
    fn writes_a_hand_checked_calendar() {
        let events = vec![
            CalendarEvent {
                key: "review".into(),
                summary: "Review with your OT".into(),
                description: "Make your summary, then bring it; or send it first.".into(),
                time: EventTime::Day(d(2026, 3, 30)),
                repeat: None,
                alarms_before: vec![2 * 1440 + 15 * 60, 15 * 60],
            },
            CalendarEvent {
                key: "diary".into(),
                summary: "Fill in your diary".into(),
                description: String::new(),
                time: EventTime::At(d(2026, 3, 28).and_hms_opt(20, 0, 0).unwrap(), 15),
                repeat: Some(Repeat::Daily),
                alarms_before: vec![0],
            },
        ];
        let stamp = d(2026, 3, 2).and_hms_opt(9, 30, 0).unwrap();
        let expected = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Everyday//Reminders 1//EN\r\n\
CALSCALE:GREGORIAN\r\n\
METHOD:PUBLISH\r\n\
X-WR-CALNAME:Everyday reminders\r\n\
BEGIN:VEVENT\r\n\
UID:review@everyday.invalid\r\n\
DTSTAMP:20260302T093000Z\r\n\
LAST-MODIFIED:20260302T093000Z\r\n\
SEQUENCE:86970\r\n\
DTSTART;VALUE=DATE:20260330\r\n\
DTEND;VALUE=DATE:20260331\r\n\
TRANSP:TRANSPARENT\r\n\
SUMMARY:Review with your OT\r\n\
DESCRIPTION:Make your summary\\, then bring it\\; or send it first.\r\n\
BEGIN:VALARM\r\n\
ACTION:DISPLAY\r\n\
TRIGGER:-P2DT15H\r\n\
DESCRIPTION:Review with your OT\r\n\
END:VALARM\r\n\
BEGIN:VALARM\r\n\
ACTION:DISPLAY\r\n\
TRIGGER:-PT15H\r\n\
DESCRIPTION:Review with your OT\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:diary@everyday.invalid\r\n\
DTSTAMP:20260302T093000Z\r\n\
LAST-MODIFIED:20260302T093000Z\r\n\
SEQUENCE:86970\r\n\
DTSTART:20260328T200000\r\n\
DTEND:20260328T201500\r\n\
TRANSP:TRANSPARENT\r\n\
RRULE:FREQ=DAILY\r\n\
SUMMARY:Fill in your diary\r\n\
BEGIN:VALARM\r\n\
ACTION:DISPLAY\r\n\
TRIGGER:PT0S\r\n\
DESCRIPTION:Fill in your diary\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";
        assert_eq!(write_calendar(&events, stamp), expected);
        // 60 days and 9.5 hours after 1 January 2026, in minutes.
        assert_eq!(86970, 60 * 1440 + 9 * 60 + 30);
    }

    #[test]
    fn uids_are_stable_and_plain() {
        assert_eq!(
            uid("measure:self_efficacy"),
            "measure-self-efficacy@everyday.invalid"
        );
        assert_eq!(uid("review"), uid("review"));
    }

    proptest! {
        #[test]
        fn escaping_round_trips(text in "\\PC{0,80}|[\\\\;,\\n a-z]{0,40}") {
            let text = text.replace('\r', "");
            let escaped = escape_text(&text);
            // Nothing in the escaped text breaks a line or a property.
            prop_assert!(!escaped.contains('\n'));
            prop_assert_eq!(unescape(&escaped), text.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect::<String>());
        }

        #[test]
        fn folding_keeps_lines_short_and_unfolds_to_the_original(line in "\\PC{0,300}") {
            let line = line.replace(['\r', '\n'], "");
            let mut out = String::new();
            push_line(&mut out, &line);
            prop_assert!(out.ends_with("\r\n"));
            for l in out.strip_suffix("\r\n").unwrap_or(&out).split("\r\n") {
                prop_assert!(l.len() <= MAX_LINE_OCTETS, "{} octets", l.len());
            }
            prop_assert_eq!(unfold(&out), format!("{line}\r\n"));
        }
    }
}
