//! Confidence and outcome measures: scoring the self-ratings, the change from the first rating,
//! GP appointments, sick days and fit notes per month before and since the OT start, and the
//! commands that record and correct them. Whole-number arithmetic only (scores are exact
//! fractions, shown in tenths), so there is no NaN, no drift and no division by zero.
//!
//! How per-month rates are worked out:
//!
//! - A calendar month is *recorded* when anything the person recorded in Everyday is dated in
//!   it: a confidence check-in, a questionnaire, a work ability score, a GP appointment, a day
//!   off sick, a fit note, a diary entry, a day mark or a goal progress record. A month with
//!   nothing recorded is "no data", never zero: we cannot tell whether nothing happened or it
//!   was not written down, so it is left out of every rate.
//! - The *days covered* by a period are its days that fall in recorded months and are not after
//!   today. The periods are: before the OT start date; from the OT start date up to today; or,
//!   with no start date, everything up to today.
//! - *Months covered* = days covered ÷ 30.4375 (the average month: 365.25 ÷ 12 = 1461 ÷ 48),
//!   so the part months at the start date and today count in part.
//! - Rate per month = events in the period ÷ months covered = events × 1461 ÷ (48 × days).
//!   No days covered: no rate ("nothing recorded"), never 0 and never a division by zero.
//! - Records dated after today, or more than [`MAX_MONTHS`] months before today, are left out.

use chrono::{Datelike, Duration, NaiveDate};

use super::dates::{long_date, month_year};
use super::ids::OutcomeId;
use super::outcomes::{OutcomeEvent, OutcomeKind};
use super::ratings::{ConfidenceCheckIn, SelfEfficacyResponse, WorkAbilityScore};
use super::state::{check_range, check_text, AppData, Command, DomainError, MAX_TEXT_CHARS};

/// `n ÷ d` rounded to the nearest whole number (halves away from zero); None when `d` is 0 (or
/// on an overflow, which the bounds on counts and days rule out in practice).
pub fn div_round(n: i64, d: i64) -> Option<i64> {
    if d == 0 {
        return None;
    }
    let (n, d) = if d < 0 {
        (n.checked_neg()?, d.checked_neg()?)
    } else {
        (n, d)
    };
    Some(if n >= 0 {
        n.checked_add(d / 2)? / d
    } else {
        -(n.checked_neg()?.checked_add(d / 2)? / d)
    })
}

/// "7", "5.5", "-0.5": a number of tenths, with no ".0" on whole numbers (scores and points).
pub fn tenths_text(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

/// "1 day", "3 days", "0 days": a count with its noun in the singular or plural.
pub fn count_words(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a, b and c": items joined with commas and a final "and".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "2.0", "0.7": a number of tenths, always with one decimal place (rates and months).
pub fn one_decimal(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    format!("{sign}{}.{}", a / 10, a % 10)
}

/// Sort by date, keeping the recorded order within a day. An insertion sort: stored lists are
/// already in date order (one pass), and it adds far less to the download than `sort_by`.
fn sort_by_date<T>(items: &mut [T], date: impl Fn(&T) -> NaiveDate) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && date(&items[j - 1]) > date(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scores

/// An exact score: `total ÷ count` (a mean of 22 over 4 answers stays exactly 5.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Score {
    total: i64,
    count: i64,
}

impl Score {
    /// A single whole-number rating.
    pub fn whole(value: u8) -> Score {
        Score {
            total: value.into(),
            count: 1,
        }
    }

    /// The score in tenths, rounded (5.45 is 55).
    pub fn tenths(self) -> i64 {
        div_round(self.total * 10, self.count).unwrap_or(0)
    }
}

/// The self-efficacy score needs at least this many of the six answers (more than two missing
/// is not scored).
pub const SELF_EFFICACY_MIN_ANSWERS: usize = 4;

/// The six Self-Efficacy for Managing Chronic Disease items, each finishing "How confident are
/// you that you can…", in plain words.
pub const SELF_EFFICACY_ITEMS: [&str; 6] = [
    "1. Keep tiredness (fatigue) caused by your health from getting in the way of the things you want to do?",
    "2. Keep physical discomfort or pain from getting in the way of the things you want to do?",
    "3. Keep emotional distress (feeling upset, worried or low) from getting in the way of the things you want to do?",
    "4. Keep any other symptoms or health problems from getting in the way of the things you want to do?",
    "5. Do the different things you need to do to manage your health, so that you need to see a doctor less?",
    "6. Do things other than just taking medicine to reduce how much your illness affects your everyday life?",
];

/// Mean of the answered items; None (not scored) when more than two are missing.
pub fn self_efficacy_score(items: &[Option<u8>; 6]) -> Option<Score> {
    let answered = items.iter().flatten();
    let count = answered.clone().count();
    (count >= SELF_EFFICACY_MIN_ANSWERS).then(|| Score {
        total: answered.map(|v| i64::from(*v)).sum(),
        count: count as i64,
    })
}

/// How many of the six items were left out.
pub fn unanswered(items: &[Option<u8>; 6]) -> usize {
    items.iter().filter(|v| v.is_none()).count()
}

/// What to tell the person after saving a questionnaire.
pub fn self_efficacy_saved(items: &[Option<u8>; 6]) -> String {
    match self_efficacy_score(items) {
        Some(s) => format!("Saved. Your score is {} out of 10.", tenths_text(s.tenths())),
        None => format!(
            "Saved, but without a score: {} of the 6 questions were not answered, and a score needs at least {SELF_EFFICACY_MIN_ANSWERS} answers.",
            unanswered(items)
        ),
    }
}

/// Work ability bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkAbilityBand {
    Poor,
    Moderate,
    GoodOrExcellent,
}

impl WorkAbilityBand {
    /// Poor 0 to 5, moderate 6 to 7, good or excellent 8 to 10.
    pub fn of(score: u8) -> WorkAbilityBand {
        match score {
            0..=5 => WorkAbilityBand::Poor,
            6..=7 => WorkAbilityBand::Moderate,
            _ => WorkAbilityBand::GoodOrExcellent,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            WorkAbilityBand::Poor => "poor",
            WorkAbilityBand::Moderate => "moderate",
            WorkAbilityBand::GoodOrExcellent => "good or excellent",
        }
    }
}

/// "7 out of 10 (moderate)".
pub fn work_ability_words(score: u8) -> String {
    format!("{score} out of 10 ({})", WorkAbilityBand::of(score).label())
}

// ---------------------------------------------------------------------------------------------
// Series of ratings and their change

/// The three self-rated measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The quick 0 to 10 check-in.
    Confidence,
    /// The six-item questionnaire, 1 to 10.
    SelfEfficacy,
    /// The single-item work ability score, 0 to 10.
    WorkAbility,
}

impl Measure {
    /// The lowest and highest possible score, in tenths.
    pub fn range(self) -> (i64, i64) {
        match self {
            Measure::SelfEfficacy => (10, 100),
            _ => (0, 100),
        }
    }

    /// What one record is called, for "Remove the … of 7 on 2 March 2026".
    fn record(self) -> &'static str {
        match self {
            Measure::Confidence => "check-in",
            Measure::SelfEfficacy => "questionnaire",
            Measure::WorkAbility => "work ability score",
        }
    }

    fn up_down(self, up: bool) -> &'static str {
        match (self, up) {
            (Measure::WorkAbility, true) => "higher",
            (Measure::WorkAbility, false) => "lower",
            (_, true) => "more confident",
            (_, false) => "less confident",
        }
    }

    fn words(self, score: Score) -> String {
        let tenths = score.tenths();
        match self {
            Measure::WorkAbility => work_ability_words((tenths / 10).clamp(0, 10) as u8),
            _ => format!("{} out of 10", tenths_text(tenths)),
        }
    }
}

/// A scored rating at a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub date: NaiveDate,
    pub score: Score,
}

/// One rating as a table row, with the commands that remove it and undo the removal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatingRow {
    pub date: NaiveDate,
    /// None when a questionnaire has too many answers missing to be scored.
    pub score: Option<Score>,
    /// The score as shown in the table: "7", "5.5", "7 (moderate)", "Not scored (3 not answered)".
    pub shown: String,
    pub note: String,
    /// "the check-in of 7 on 2 March 2026", for the remove button and its confirmation.
    pub describe: String,
    pub remove: Command,
    pub undo: Command,
}

/// Every rating of one measure, oldest first (within a day, in the order recorded).
pub fn rating_rows(data: &AppData, measure: Measure) -> Vec<RatingRow> {
    let mut rows: Vec<RatingRow> = match measure {
        Measure::Confidence => data
            .ratings
            .confidence
            .iter()
            .map(|c| {
                let score = Score::whole(c.score);
                RatingRow {
                    date: c.date,
                    score: Some(score),
                    shown: c.score.to_string(),
                    note: c.note.clone(),
                    describe: String::new(),
                    remove: Command::Measure(MeasureCommand::RemoveCheckIn(c.clone())),
                    undo: Command::CheckInConfidence {
                        date: c.date,
                        score: c.score,
                        note: c.note.clone(),
                    },
                }
            })
            .collect(),
        Measure::SelfEfficacy => data
            .ratings
            .self_efficacy
            .iter()
            .map(|r| {
                let score = self_efficacy_score(&r.items);
                RatingRow {
                    date: r.date,
                    score,
                    shown: match score {
                        Some(s) => tenths_text(s.tenths()),
                        None => format!("Not scored ({} not answered)", unanswered(&r.items)),
                    },
                    note: String::new(),
                    describe: String::new(),
                    remove: Command::Measure(MeasureCommand::RemoveSelfEfficacy(r.clone())),
                    undo: Command::Measure(MeasureCommand::SelfEfficacy(r.clone())),
                }
            })
            .collect(),
        Measure::WorkAbility => data
            .ratings
            .work_ability
            .iter()
            .map(|w| RatingRow {
                date: w.date,
                score: Some(Score::whole(w.score)),
                shown: format!("{} ({})", w.score, WorkAbilityBand::of(w.score).label()),
                note: String::new(),
                describe: String::new(),
                remove: Command::Measure(MeasureCommand::RemoveWorkAbility(w.clone())),
                undo: Command::Measure(MeasureCommand::WorkAbility(w.clone())),
            })
            .collect(),
    };
    for row in &mut rows {
        let (what, on) = (measure.record(), long_date(row.date));
        row.describe = match row.score {
            Some(s) => format!("the {what} of {} on {on}", tenths_text(s.tenths())),
            None => format!("the {what} on {on}, which has no score"),
        };
    }
    sort_by_date(&mut rows, |r| r.date);
    rows
}

/// The scored ratings, oldest first.
pub fn points(rows: &[RatingRow]) -> Vec<Point> {
    rows.iter()
        .filter_map(|r| {
            r.score.map(|score| Point {
                date: r.date,
                score,
            })
        })
        .collect()
}

/// The first (baseline) and latest scored rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub first: Point,
    pub latest: Point,
    /// How many scored ratings there are.
    pub count: usize,
}

/// The change from the first scored rating (the baseline) to the latest; None with no ratings.
pub fn change(points: &[Point]) -> Option<Change> {
    Some(Change {
        first: *points.first()?,
        latest: *points.last()?,
        count: points.len(),
    })
}

impl Change {
    /// `latest - first` as an exact fraction: (numerator, denominator > 0). Scores are small
    /// (at most 60 over 6), so these products cannot overflow.
    fn difference(&self) -> (i64, i64) {
        let (a, b) = (self.first.score, self.latest.score);
        (b.total * a.count - a.total * b.count, a.count * b.count)
    }

    /// The change in points, in tenths (exact, then rounded).
    pub fn points_tenths(&self) -> i64 {
        let (n, d) = self.difference();
        div_round(n * 10, d).unwrap_or(0)
    }

    /// The change as a percentage of the first score, rounded; None when the first score is 0.
    pub fn percent(&self) -> Option<i64> {
        let (n, _) = self.difference();
        // (b/bc - a/ac) / (a/ac) = n / (a * bc)
        div_round(n * 100, self.first.score.total * self.latest.score.count)
    }
}

/// Baseline, latest and change in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeWords {
    /// "3 out of 10, on 2 March 2026".
    pub start: String,
    pub latest: String,
    /// "Up 2 points: 67% more confident than at the start."
    pub change: String,
}

fn points_words(tenths: i64) -> String {
    let a = tenths.abs();
    let unit = if a == 10 { "point" } else { "points" };
    format!(
        "{} {} {unit}",
        if tenths > 0 { "Up" } else { "Down" },
        tenths_text(a)
    )
}

/// The change for one measure, in words.
pub fn change_words(measure: Measure, change: &Change) -> ChangeWords {
    let at = |p: Point| format!("{}, on {}", measure.words(p.score), long_date(p.date));
    let points = change.points_tenths();
    let (n, _) = change.difference();
    let text = if change.count < 2 {
        "This is your first score. The change will show after the next one.".to_string()
    } else if n == 0 {
        "None: the same as at the start.".to_string()
    } else {
        let up = n > 0;
        let percent = match change.percent() {
            None => " Your first score was 0, so the change cannot be given as a percentage."
                .to_string(),
            Some(0) => format!(": less than 1% {} than at the start.", measure.up_down(up)),
            Some(p) => format!(": {}% {} than at the start.", p.abs(), measure.up_down(up)),
        };
        // A change too small to show in tenths still says which way it went.
        let points = if points == 0 {
            format!("{} less than 0.1 points", if up { "Up" } else { "Down" })
        } else {
            points_words(points)
        };
        let stop = if percent.starts_with(' ') { "." } else { "" };
        format!("{points}{stop}{percent}")
    };
    ChangeWords {
        start: at(change.first),
        latest: at(change.latest),
        change: text,
    }
}

// ---------------------------------------------------------------------------------------------
// Chart

/// The chart's drawing area, in SVG units.
pub const CHART_WIDTH: i64 = 320;
pub const CHART_HEIGHT: i64 = 180;
const CHART_LEFT: i64 = 30;
const CHART_RIGHT: i64 = 12;
const CHART_TOP: i64 = 12;
const CHART_BOTTOM: i64 = 30;

/// A line chart of scores over time, as SVG coordinates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// The polyline's `points` attribute.
    pub line: String,
    pub dots: Vec<(i64, i64)>,
    /// The y of the lowest and the highest possible score (grid lines).
    pub low_y: i64,
    pub high_y: i64,
    /// The x where the plot starts and ends (date labels).
    pub left: i64,
    pub right: i64,
    /// The date under each end.
    pub first_date: String,
    pub last_date: String,
    /// One sentence for screen readers; the table beside it has every figure.
    pub summary: String,
}

/// Place the scores on the chart: x by date, y by score. Every coordinate is inside the chart.
pub fn chart(measure: Measure, points: &[Point]) -> Chart {
    let (low, high) = measure.range();
    let plot_w = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    let plot_h = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let y_of = |tenths: i64| {
        let v = tenths.clamp(low, high);
        CHART_TOP + div_round((high - v) * plot_h, high - low).unwrap_or(0)
    };
    let first = points.first().map(|p| p.date);
    let last = points.last().map(|p| p.date);
    let span = match (first, last) {
        (Some(f), Some(l)) => (l - f).num_days().max(0),
        _ => 0,
    };
    let dots: Vec<(i64, i64)> = points
        .iter()
        .map(|p| {
            let x = match first {
                Some(f) if span > 0 => {
                    let along = (p.date - f).num_days().clamp(0, span);
                    CHART_LEFT + div_round(along * plot_w, span).unwrap_or(0)
                }
                _ => CHART_LEFT + plot_w / 2,
            };
            (x, y_of(p.score.tenths()))
        })
        .collect();
    let line = dots
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = match (points.first(), points.last()) {
        (Some(f), Some(l)) if points.len() > 1 => format!(
            "Line chart of {} scores, from {} on {} to {} on {}. Every score is in the table below.",
            points.len(),
            tenths_text(f.score.tenths()),
            long_date(f.date),
            tenths_text(l.score.tenths()),
            long_date(l.date)
        ),
        (Some(f), _) => format!(
            "Chart with one score: {} on {}.",
            tenths_text(f.score.tenths()),
            long_date(f.date)
        ),
        _ => "Empty chart: no scores yet.".to_string(),
    };
    Chart {
        line,
        dots,
        low_y: y_of(low),
        high_y: y_of(high),
        left: CHART_LEFT,
        right: CHART_WIDTH - CHART_RIGHT,
        first_date: first.map(super::dates::short_date).unwrap_or_default(),
        last_date: last.map(super::dates::short_date).unwrap_or_default(),
        summary,
    }
}

mod commands;
mod outcomes;

pub use commands::*;
pub use outcomes::*;

#[cfg(test)]
mod tests;
