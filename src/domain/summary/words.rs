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
            (n > 0).then(|| format!("{n} {}", s.label().to_ascii_lowercase()))
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
                "Week {} of {total} ({} over {})",
                i + 1,
                w.week_hours().words(),
                measures::count_words(w.days.into(), "day", "days")
            )
        }
        None if weeks[0].starts > to => {
            format!(
                "Starts on {} ({})",
                long_date(weeks[0].starts),
                measures::count_words(total as u64, "week", "weeks")
            )
        }
        None if total == 1 => "The week is past".to_string(),
        None => format!("All {total} weeks are past"),
    };
    if total == 1 {
        let done = if done == 1 {
            "marked done"
        } else {
            "not marked done"
        };
        return format!("{head}; {done}.");
    }
    format!("{head}; {done} of the {total} weeks marked done.")
}

/// "1 March 2026 to 28 March 2026 (28 days)".
pub fn period_words(from: NaiveDate, to: NaiveDate) -> String {
    let n = days_in(from, to);
    format!(
        "{} to {} ({})",
        long_date(from),
        long_date(to),
        measures::count_words(n.into(), "day", "days")
    )
}

/// How the goals are going at the end of the period, in plain words for the person (the goal
/// score stays on the OT's sheet): "Of the 3 goals, 1 is going better than expected, 1 is going
/// as expected and 1 is not there yet."
pub fn goals_going_words(part: &GoalsPart) -> String {
    let mut counts = [0u64; 4];
    for g in &part.goals {
        let i = match g.level_now() {
            Some(l) if l > 0 => 0,
            Some(0) => 1,
            Some(_) => 2,
            None => 3,
        };
        counts[i] += 1;
    }
    let is = |n: u64| if n == 1 { "is" } else { "are" };
    let says = |i: usize, n: u64| match i {
        0 => format!("{} going better than expected", is(n)),
        1 => format!("{} going as expected", is(n)),
        2 => format!("{} not there yet", is(n)),
        _ => format!(
            "{} no level recorded yet",
            if n == 1 { "has" } else { "have" }
        ),
    };
    match part.goals.len() {
        0 => "No goals in this period.".into(),
        1 => {
            let i = counts.iter().position(|c| *c == 1).unwrap_or(3);
            format!("The goal {}.", says(i, 1))
        }
        n => {
            let parts: Vec<String> = counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .map(|(i, c)| format!("{c} {}", says(i, *c)))
                .collect();
            if parts.len() == 1 {
                // All alike: "All 3 goals are going as expected."
                let i = counts.iter().position(|c| *c > 0).unwrap_or(3);
                format!("All {n} goals {}.", says(i, 2))
            } else {
                format!("Of the {n} goals, {}.", measures::and_list(&parts))
            }
        }
    }
}

/// "2 of the 5 hazards checked apply to the home; something has been done about 1 of them."
pub fn hazards_words(part: &HomePart) -> String {
    let (apply, checked) = (part.hazards.len() as u64, u64::from(part.checked));
    let acted = part
        .hazards
        .iter()
        .filter(|z| !z.actions.is_empty())
        .count() as u64;
    let head = match (apply, checked) {
        (0, 1) => "The hazard checked does not apply to the home".to_string(),
        (0, n) => format!("None of the {n} hazards checked apply to the home"),
        (1, 1) => "The hazard checked applies to the home".to_string(),
        (1, n) => format!("1 of the {n} hazards checked applies to the home"),
        (a, n) if a == n => format!("All {n} hazards checked apply to the home"),
        (a, n) => format!("{a} of the {n} hazards checked apply to the home"),
    };
    let tail = match (apply, acted) {
        (0, _) => String::new(),
        (_, 0) => "; nothing has been done about it yet".to_string(),
        (1, 1) => "; something has been done about it".to_string(),
        (a, n) if a == n => "; something has been done about each of them".to_string(),
        (_, n) => format!("; something has been done about {n} of them"),
    };
    let tail = if apply > 1 && acted == 0 {
        "; nothing has been done about them yet".to_string()
    } else {
        tail
    };
    format!("{head}{tail}.")
}
