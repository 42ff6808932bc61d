//! Words for the summary's figures, shared by the phone and the OT's view.

use super::*;

/// A score in tenths: "7", "5.5".
pub fn score_words(tenths: i32) -> String {
    measures::tenths_text(tenths.into())
}

/// A T-score in tenths: "56.2".
pub fn t_words(tenths: i32) -> String {
    measures::one_decimal(tenths.into())
}

/// "+1.5 points (25% more)", "-1 point", "no change".
pub fn change_words(line: &MeasureLine) -> String {
    if line.change == 0 {
        return "No change".into();
    }
    let a = line.change.abs();
    let unit = if a == 10 { "point" } else { "points" };
    let mut s = format!(
        "{}{} {unit}",
        if line.change > 0 { "+" } else { "-" },
        score_words(a)
    );
    if let Some(p) = line.percent.filter(|p| *p != 0) {
        s.push_str(&format!(
            " ({}% {})",
            p.abs(),
            if p > 0 { "higher" } else { "lower" }
        ));
    }
    s
}

/// "2 h 30 min", "45 min", "0 min".
pub fn minutes_words(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// Each area's share of the time, in whole per cent adding up to 100 (the week view's
/// largest-remainder rule); all zero with no time.
pub fn area_shares(part: &DiaryPart) -> Vec<u32> {
    let index = |area: LifeArea| LifeArea::ALL.iter().position(|a| *a == area).unwrap_or(0);
    let mut minutes = [0u32; 4];
    for a in &part.areas {
        if let Some(m) = minutes.get_mut(index(a.area)) {
            *m = m.saturating_add(a.minutes);
        }
    }
    let shares = crate::domain::diary::shares(&minutes);
    part.areas
        .iter()
        .map(|a| shares.get(index(a.area)).copied().unwrap_or(0))
        .collect()
}

/// "3 agreed, 2 in place, 1 not possible": the statuses that have items.
pub fn status_counts(items: &[WorkplaceItem]) -> String {
    let parts: Vec<String> = crate::domain::workplace::STATUSES
        .iter()
        .filter_map(|&s| {
            let n = items.iter().filter(|i| i.status == s).count();
            (n > 0).then(|| format!("{n} {}", s.label().to_lowercase()))
        })
        .collect();
    parts.join(", ")
}

/// Phased return progress at the end of the period, in words: "Week 3 of 6 (20 hours over 4
/// days); 2 weeks done."
pub fn phased_return_words(weeks: &[PhasedReturnWeek], to: NaiveDate) -> String {
    if weeks.is_empty() {
        return String::new();
    }
    let done = weeks.iter().filter(|w| w.done).count();
    let total = weeks.len();
    let current = weeks
        .iter()
        .rposition(|w| w.starts <= to && to < add_days(w.starts, 7));
    let head = match current {
        Some(i) => {
            let w = &weeks[i];
            format!(
                "Week {} of {total} ({} hours over {} days)",
                i + 1,
                w.hours,
                w.days
            )
        }
        None if weeks[0].starts > to => {
            format!("Starts on {} ({total} weeks)", long_date(weeks[0].starts))
        }
        None => format!("All {total} weeks are past"),
    };
    format!(
        "{head}; {done} {} of {total} marked done.",
        if done == 1 { "week" } else { "weeks" }
    )
}

/// "1 March 2026 to 28 March 2026 (28 days)".
pub fn period_words(from: NaiveDate, to: NaiveDate) -> String {
    let n = days_in(from, to);
    format!(
        "{} to {} ({n} {})",
        long_date(from),
        long_date(to),
        if n == 1 { "day" } else { "days" }
    )
}
