//! GP appointments, sick days and fit notes: the counted events, the month-by-month table, and
//! the rates per month before and since the OT start (see the rules at the top of `measures`).

use super::*;

/// The four kinds of counted event, in the order they are shown.
pub const OUTCOME_KINDS: [OutcomeKind; 4] = [
    OutcomeKind::GpAppointment,
    OutcomeKind::SickDay,
    OutcomeKind::FitNoteRequested,
    OutcomeKind::FitNoteReceived,
];

pub(super) fn kind_index(kind: OutcomeKind) -> usize {
    match kind {
        OutcomeKind::GpAppointment => 0,
        OutcomeKind::SickDay => 1,
        OutcomeKind::FitNoteRequested => 2,
        OutcomeKind::FitNoteReceived => 3,
    }
}

/// One event of this kind: "GP appointment".
pub fn kind_label(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::GpAppointment => "GP appointment",
        OutcomeKind::SickDay => "Day off sick",
        OutcomeKind::FitNoteRequested => "Fit note asked for",
        OutcomeKind::FitNoteReceived => "Fit note received",
    }
}

/// Several of this kind, at the start of a sentence: "GP appointments".
pub fn kind_plural(kind: OutcomeKind) -> &'static str {
    match kind {
        OutcomeKind::GpAppointment => "GP appointments",
        OutcomeKind::SickDay => "Days off sick",
        OutcomeKind::FitNoteRequested => "Fit notes asked for",
        OutcomeKind::FitNoteReceived => "Fit notes received",
    }
}

/// "GP appointment on 5 March 2026: back pain".
pub fn event_text(event: &OutcomeEvent) -> String {
    let mut text = format!("{} on {}", kind_label(event.kind), long_date(event.date));
    if !event.reason.is_empty() {
        text.push_str(": ");
        text.push_str(&event.reason);
    }
    text
}

/// Every counted event, newest first.
pub fn events_newest_first(data: &AppData) -> Vec<OutcomeEvent> {
    let mut events = data.outcomes.clone();
    sort_by_date(&mut events, |e| e.date);
    events.reverse();
    events
}

/// A calendar month, as a count of months from year 0 (March 2026 is 2026 × 12 + 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth(pub i32);

impl YearMonth {
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth(date.year() * 12 + date.month0() as i32)
    }

    pub fn label(self) -> String {
        month_year(self.0.div_euclid(12), self.0.rem_euclid(12) as u32 + 1)
    }

    pub(super) fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.0.div_euclid(12), self.0.rem_euclid(12) as u32 + 1, 1)
    }
}

/// How far back the monthly figures go.
pub const MAX_MONTHS: i32 = 1200;

/// One row of the month-by-month table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonthRow {
    /// A month with something recorded: the count of each kind (in [`OUTCOME_KINDS`] order).
    Recorded {
        month: YearMonth,
        counts: [u32; 4],
        /// This is the current month, so the counts are "so far".
        current: bool,
        /// The OT start date is in this month.
        ot_start: bool,
    },
    /// One or more months in a row with nothing recorded at all: no data, not zero.
    NothingRecorded { from: YearMonth, to: YearMonth },
}

impl MonthRow {
    /// "June 2026 (so far)", "April 2026 (OT started)", "May 2026 to July 2026".
    pub fn label(&self) -> String {
        match self {
            MonthRow::Recorded {
                month,
                current,
                ot_start,
                ..
            } => {
                let mut label = month.label();
                if *ot_start {
                    label.push_str(" (OT started)");
                }
                if *current {
                    label.push_str(" (so far)");
                }
                label
            }
            MonthRow::NothingRecorded { from, to } if from == to => from.label(),
            MonthRow::NothingRecorded { from, to } => {
                format!("{} to {}", from.label(), to.label())
            }
        }
    }
}

/// The figures for a period: how many days of it are covered, and the events in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    /// Days in recorded months, inside the period, not after today.
    pub days: i64,
    /// Events of each kind (in [`OUTCOME_KINDS`] order).
    pub counts: [u32; 4],
}

/// Days in a month, on average: 30.4375 = 1461 ÷ 48.
const MONTH_DAYS_NUM: i64 = 1461;
const MONTH_DAYS_DEN: i64 = 48;

impl Period {
    /// Months covered, in tenths: days ÷ 30.4375.
    pub fn months_tenths(&self) -> i64 {
        div_round(
            self.days.saturating_mul(10 * MONTH_DAYS_DEN),
            MONTH_DAYS_NUM,
        )
        .unwrap_or(0)
    }

    /// Events of a kind per month, in tenths; None when no days are covered (no data).
    pub fn rate_tenths(&self, kind: OutcomeKind) -> Option<i64> {
        let count = i64::from(self.counts[kind_index(kind)]);
        div_round(
            count * 10 * MONTH_DAYS_NUM,
            self.days.checked_mul(MONTH_DAYS_DEN)?,
        )
    }

    /// "2.7 a month", "none", "under 0.1 a month", or "nothing recorded".
    pub fn rate_words(&self, kind: OutcomeKind) -> String {
        match self.rate_tenths(kind) {
            None => "nothing recorded".to_string(),
            Some(_) if self.counts[kind_index(kind)] == 0 => "none".to_string(),
            Some(0) => "under 0.1 a month".to_string(),
            Some(t) => format!("{} a month", one_decimal(t)),
        }
    }

    /// "45 days (about 1.5 months)", "12 days".
    pub fn time_words(&self) -> String {
        let days = if self.days == 1 { "day" } else { "days" };
        let months = self.months_tenths();
        if months < 10 {
            format!("{} {days}", self.days)
        } else {
            // "about 1 month", "about 2 months", "about 1.5 months".
            let unit = if months == 10 { "month" } else { "months" };
            format!(
                "{} {days} (about {} {unit})",
                self.days,
                tenths_text(months)
            )
        }
    }
}

/// The percentage change in a kind's rate from `before` to `since`, rounded; None when either
/// period has no days covered or there were none before (no division by zero).
pub fn rate_change_percent(before: &Period, since: &Period, kind: OutcomeKind) -> Option<i64> {
    let i = kind_index(kind);
    let (cb, cs) = (i64::from(before.counts[i]), i64::from(since.counts[i]));
    let (db, ds) = (before.days, since.days);
    if db == 0 || ds == 0 {
        return None;
    }
    // (cs/ds - cb/db) / (cb/db) = (cs*db - cb*ds) / (cb*ds)
    let n = cs.checked_mul(db)?.checked_sub(cb.checked_mul(ds)?)?;
    div_round(n.checked_mul(100)?, cb.checked_mul(ds)?)
}

/// Everything the Progress page shows about GP appointments, sick days and fit notes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeFigures {
    /// Newest first, from the current month back to the first recorded month.
    pub months: Vec<MonthRow>,
    /// With an OT start date: before it, and since it. Without: one period, everything.
    pub periods: Vec<(&'static str, Period)>,
    /// What changed, in words (only with an OT start date).
    pub sentences: Vec<String>,
}

/// Every date the person recorded something on, for deciding which months have data.
fn record_dates(data: &AppData) -> impl Iterator<Item = NaiveDate> + '_ {
    let r = &data.ratings;
    r.confidence
        .iter()
        .map(|c| c.date)
        .chain(r.self_efficacy.iter().map(|s| s.date))
        .chain(r.work_ability.iter().map(|w| w.date))
        .chain(data.outcomes.iter().map(|o| o.date))
        .chain(data.diary.iter().map(|e| e.date))
        .chain(data.day_marks.iter().map(|m| m.date))
        .chain(
            data.goals
                .iter()
                .flat_map(|g| g.progress.iter().map(|p| p.date)),
        )
}

/// GP appointments, sick days and fit notes by month and per month, before and since the OT
/// start date (see the module's notes for the rules).
pub fn outcome_figures(data: &AppData, today: NaiveDate) -> OutcomeFigures {
    let now = YearMonth::of(today);
    let oldest = YearMonth(now.0.saturating_sub(MAX_MONTHS - 1));
    let in_range = |d: NaiveDate| d <= today && YearMonth::of(d) >= oldest;
    let Some(first) = record_dates(data)
        .filter(|d| in_range(*d))
        .map(YearMonth::of)
        .min()
    else {
        return OutcomeFigures::default();
    };
    let len = (now.0 - first.0 + 1) as usize;
    let mut recorded = vec![false; len];
    let mut counts = vec![[0u32; 4]; len];
    for d in record_dates(data).filter(|d| in_range(*d)) {
        recorded[(YearMonth::of(d).0 - first.0) as usize] = true;
    }
    for e in data.outcomes.iter().filter(|e| in_range(e.date)) {
        let c = &mut counts[(YearMonth::of(e.date).0 - first.0) as usize][kind_index(e.kind)];
        *c = c.saturating_add(1);
    }
    let start = data.settings.ot_start;
    let start_month = start.map(YearMonth::of);

    // Periods: days of recorded months, split at the start date, up to today.
    let mut before = Period::default();
    let mut since = Period::default();
    for (i, month) in (first.0..=now.0).map(YearMonth).enumerate() {
        if !recorded[i] {
            continue;
        }
        let Some(month_start) = month.first_day() else {
            continue;
        };
        let month_end = YearMonth(month.0 + 1)
            .first_day()
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
            .min(today);
        let days = |from: NaiveDate, to: NaiveDate| (to - from).num_days().max(-1) + 1;
        match start {
            Some(s) if s > month_end => before.days += days(month_start, month_end),
            Some(s) if s > month_start => {
                before.days += days(month_start, crate::domain::dates::add_days(s, -1));
                since.days += days(s, month_end);
            }
            _ => since.days += days(month_start, month_end),
        }
    }
    for e in data.outcomes.iter().filter(|e| in_range(e.date)) {
        let period = match start {
            Some(s) if e.date < s => &mut before,
            _ => &mut since,
        };
        let c = &mut period.counts[kind_index(e.kind)];
        *c = c.saturating_add(1);
    }

    // Month rows, newest first; months in a row with nothing recorded share one row.
    let mut months: Vec<MonthRow> = Vec::new();
    for i in (0..len).rev() {
        let month = YearMonth(first.0 + i as i32);
        if recorded[i] {
            months.push(MonthRow::Recorded {
                month,
                counts: counts[i],
                current: month == now,
                ot_start: start_month == Some(month),
            });
        } else if let Some(MonthRow::NothingRecorded { from, .. }) = months.last_mut() {
            *from = month;
        } else {
            months.push(MonthRow::NothingRecorded {
                from: month,
                to: month,
            });
        }
    }

    let mut sentences = Vec::new();
    let periods = match start {
        None => vec![("All months with records", since)],
        Some(s) => {
            let when = long_date(s);
            if before.days == 0 {
                sentences.push(format!("Nothing was recorded before you started seeing your OT on {when}, so there is nothing to compare with."));
            } else if since.days == 0 {
                sentences.push(format!(
                    "Nothing has been recorded since you started seeing your OT on {when}."
                ));
            } else {
                for kind in OUTCOME_KINDS {
                    if let Some(s) = comparison_sentence(&before, &since, kind) {
                        sentences.push(s);
                    }
                }
                if since.days < 28 {
                    sentences.push("Less than a month has been recorded since you started, so these figures may still change a lot.".to_string());
                }
            }
            vec![("Before", before), ("Since", since)]
        }
    };
    OutcomeFigures {
        months,
        periods,
        sentences,
    }
}

/// "GP appointments: 2.7 a month before you started seeing your OT, 0.8 a month since: 69%
/// fewer." None when there were none in either period.
pub fn comparison_sentence(before: &Period, since: &Period, kind: OutcomeKind) -> Option<String> {
    let i = kind_index(kind);
    if before.counts[i] == 0 && since.counts[i] == 0 {
        return None;
    }
    let head = format!(
        "{}: {} before you started seeing your OT, {} since",
        kind_plural(kind),
        before.rate_words(kind),
        since.rate_words(kind)
    );
    let tail = match rate_change_percent(before, since, kind) {
        None if before.counts[i] == 0 => {
            ". With none before, the change cannot be given as a percentage.".to_string()
        }
        None => ".".to_string(),
        Some(0) => ": about the same.".to_string(),
        Some(p) if p < 0 => format!(": {}% fewer.", p.unsigned_abs()),
        Some(p) => format!(": {p}% more."),
    };
    Some(head + &tail)
}
