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

// ---------------------------------------------------------------------------------------------
// GP appointments, sick days and fit notes

/// The four kinds of counted event, in the order they are shown.
pub const OUTCOME_KINDS: [OutcomeKind; 4] = [
    OutcomeKind::GpAppointment,
    OutcomeKind::SickDay,
    OutcomeKind::FitNoteRequested,
    OutcomeKind::FitNoteReceived,
];

fn kind_index(kind: OutcomeKind) -> usize {
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

    fn first_day(self) -> Option<NaiveDate> {
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
            format!(
                "{} {days} (about {} months)",
                self.days,
                one_decimal(months)
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

// ---------------------------------------------------------------------------------------------
// Forms

/// Read a date typed into a form; it must not be after today.
pub fn form_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Please enter a date.".into());
    }
    let date = crate::domain::dates::parse_iso_date(text)
        .ok_or_else(|| "Please enter a real date, for example 5 March 2026.".to_string())?;
    if date > today {
        return Err("That date is in the future. Please choose today or an earlier day.".into());
    }
    Ok(date)
}

/// The most days off sick recorded in one go.
pub const MAX_SICK_DAYS_AT_ONCE: u16 = 366;

/// Read "how many days in a row": a whole number from 1 to 366.
pub fn form_day_count(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(n) if (1..=MAX_SICK_DAYS_AT_ONCE).contains(&n) => Ok(n),
        _ => Err(format!(
            "Please enter how many days in a row, as a number from 1 to {MAX_SICK_DAYS_AT_ONCE}."
        )),
    }
}

/// The last of `days` days in a row from `first`, if it exists in the calendar.
pub fn last_sick_day(first: NaiveDate, days: u16) -> Option<NaiveDate> {
    first.checked_add_signed(Duration::days(i64::from(days.max(1)) - 1))
}

/// Days off sick in a row must all be today or earlier.
pub fn check_sick_days(first: NaiveDate, days: u16, today: NaiveDate) -> Result<NaiveDate, String> {
    match last_sick_day(first, days) {
        Some(last) if last <= today => Ok(last),
        _ => Err(format!(
            "{days} days from {} would go past today. Please check the first day and the number of days.",
            long_date(first)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

/// Recording and correcting ratings and counted events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureCommand {
    /// A completed (or partly completed) six-item questionnaire.
    SelfEfficacy(SelfEfficacyResponse),
    WorkAbility(WorkAbilityScore),
    /// A GP appointment or a fit note (or a single day off sick).
    AddEvent {
        date: NaiveDate,
        kind: OutcomeKind,
        reason: String,
    },
    /// Days off sick in a row; days already recorded are skipped.
    AddSickDays {
        first: NaiveDate,
        days: u16,
    },
    EditEvent {
        id: OutcomeId,
        date: NaiveDate,
        kind: OutcomeKind,
        reason: String,
    },
    RemoveEvent(OutcomeId),
    /// Put back a removed event (undo).
    RestoreEvent(OutcomeEvent),
    RemoveCheckIn(ConfidenceCheckIn),
    RemoveSelfEfficacy(SelfEfficacyResponse),
    RemoveWorkAbility(WorkAbilityScore),
}

fn gone(what: &str) -> DomainError {
    DomainError::Invalid(format!(
        "That {what} is no longer there. It may have been changed in another tab."
    ))
}

/// Only GP appointments keep a reason.
fn clean_reason(kind: OutcomeKind, reason: &str) -> Result<String, DomainError> {
    if kind != OutcomeKind::GpAppointment {
        return Ok(String::new());
    }
    let reason = reason.trim();
    check_text("reason", reason, MAX_TEXT_CHARS)?;
    Ok(reason.to_string())
}

fn sick_day_taken(data: &AppData, date: NaiveDate, except: Option<OutcomeId>) -> bool {
    data.outcomes
        .iter()
        .any(|e| e.kind == OutcomeKind::SickDay && e.date == date && Some(e.id) != except)
}

fn insert_event(data: &mut AppData, event: OutcomeEvent) {
    let at = data.outcomes.partition_point(|e| e.date <= event.date);
    data.outcomes.insert(at, event);
}

/// A record number not used by any event (stored data may hold ids above `next_id`).
fn fresh_id(data: &mut AppData) -> Result<OutcomeId, DomainError> {
    for _ in 0..=data.outcomes.len() {
        let id = OutcomeId(data.take_id());
        if !data.outcomes.iter().any(|e| e.id == id) {
            return Ok(id);
        }
    }
    Err(DomainError::Invalid(
        "There is no room for more records. Please download a backup and ask for help.".into(),
    ))
}

/// The dates a command would store: each must be inside the accepted window, so nothing the
/// app stores is refused when it is read back.
fn command_dates(command: &MeasureCommand) -> Vec<NaiveDate> {
    match command {
        MeasureCommand::SelfEfficacy(r) => vec![r.date],
        MeasureCommand::WorkAbility(w) => vec![w.date],
        MeasureCommand::AddEvent { date, .. } | MeasureCommand::EditEvent { date, .. } => {
            vec![*date]
        }
        MeasureCommand::AddSickDays { first, days } => vec![
            *first,
            crate::domain::dates::add_days(*first, i64::from(*days).max(1) - 1),
        ],
        MeasureCommand::RestoreEvent(e) => vec![e.date],
        MeasureCommand::RemoveEvent(_)
        | MeasureCommand::RemoveCheckIn(_)
        | MeasureCommand::RemoveSelfEfficacy(_)
        | MeasureCommand::RemoveWorkAbility(_) => Vec::new(),
    }
}

/// Apply a measure command. On error nothing has changed.
pub fn apply(data: &mut AppData, command: MeasureCommand) -> Result<(), DomainError> {
    for date in command_dates(&command) {
        crate::domain::dates::check_date(date)?;
    }
    match command {
        MeasureCommand::SelfEfficacy(response) => {
            if response.items.iter().all(Option::is_none) {
                return Err(DomainError::Invalid(
                    "Please answer at least one question.".into(),
                ));
            }
            for v in response.items.iter().flatten() {
                check_range("answer", (*v).into(), 1, 10)?;
            }
            let list = &mut data.ratings.self_efficacy;
            let at = list.partition_point(|r| r.date <= response.date);
            list.insert(at, response);
        }
        MeasureCommand::WorkAbility(score) => {
            check_range("work ability score", score.score.into(), 0, 10)?;
            let list = &mut data.ratings.work_ability;
            let at = list.partition_point(|r| r.date <= score.date);
            list.insert(at, score);
        }
        MeasureCommand::AddEvent { date, kind, reason } => {
            let reason = clean_reason(kind, &reason)?;
            if kind == OutcomeKind::SickDay && sick_day_taken(data, date, None) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(date)
                )));
            }
            let id = fresh_id(data)?;
            insert_event(
                data,
                OutcomeEvent {
                    id,
                    date,
                    kind,
                    reason,
                },
            );
        }
        MeasureCommand::AddSickDays { first, days } => {
            check_range(
                "number of days",
                days.into(),
                1,
                MAX_SICK_DAYS_AT_ONCE.into(),
            )?;
            let new_days: Vec<NaiveDate> = (0..i64::from(days))
                .filter_map(|n| first.checked_add_signed(Duration::days(n)))
                .filter(|d| !sick_day_taken(data, *d, None))
                .collect();
            if new_days.is_empty() {
                return Err(DomainError::Invalid(if days == 1 {
                    format!(
                        "{} is already recorded as a day off sick.",
                        long_date(first)
                    )
                } else {
                    "Those days are already recorded as days off sick.".into()
                }));
            }
            let (kept, kept_next) = (data.outcomes.clone(), data.next_id);
            for date in new_days {
                match fresh_id(data) {
                    Ok(id) => insert_event(
                        data,
                        OutcomeEvent {
                            id,
                            date,
                            kind: OutcomeKind::SickDay,
                            reason: String::new(),
                        },
                    ),
                    Err(e) => {
                        data.outcomes = kept;
                        data.next_id = kept_next;
                        return Err(e);
                    }
                }
            }
        }
        MeasureCommand::EditEvent {
            id,
            date,
            kind,
            reason,
        } => {
            let at = data
                .outcomes
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| gone("record"))?;
            let reason = clean_reason(kind, &reason)?;
            if kind == OutcomeKind::SickDay && sick_day_taken(data, date, Some(id)) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(date)
                )));
            }
            data.outcomes.remove(at);
            insert_event(
                data,
                OutcomeEvent {
                    id,
                    date,
                    kind,
                    reason,
                },
            );
        }
        MeasureCommand::RemoveEvent(id) => {
            let at = data
                .outcomes
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| gone("record"))?;
            data.outcomes.remove(at);
        }
        MeasureCommand::RestoreEvent(event) => {
            if data.outcomes.iter().any(|e| e.id == event.id) {
                return Err(DomainError::Invalid("That record is already there.".into()));
            }
            if event.kind == OutcomeKind::SickDay && sick_day_taken(data, event.date, None) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(event.date)
                )));
            }
            check_text("reason", &event.reason, MAX_TEXT_CHARS)?;
            data.next_id = data.next_id.max(event.id.0.saturating_add(1));
            insert_event(data, event);
        }
        MeasureCommand::RemoveCheckIn(c) => {
            let list = &mut data.ratings.confidence;
            let at = list
                .iter()
                .position(|x| *x == c)
                .ok_or_else(|| gone("check-in"))?;
            list.remove(at);
        }
        MeasureCommand::RemoveSelfEfficacy(r) => {
            let list = &mut data.ratings.self_efficacy;
            let at = list
                .iter()
                .position(|x| *x == r)
                .ok_or_else(|| gone("questionnaire"))?;
            list.remove(at);
        }
        MeasureCommand::RemoveWorkAbility(w) => {
            let list = &mut data.ratings.work_ability;
            let at = list
                .iter()
                .position(|x| *x == w)
                .ok_or_else(|| gone("score"))?;
            list.remove(at);
        }
    }
    Ok(())
}

/// Range checks for the counted events (the ratings are checked in `AppData::validate`).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    for e in &data.outcomes {
        check_text("reason", &e.reason, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::activity::{DayKind, DayMark};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn measure(data: &mut AppData, command: MeasureCommand) {
        data.apply(Command::Measure(command)).unwrap();
    }

    fn check_in(data: &mut AppData, date: NaiveDate, score: u8) {
        data.apply(Command::CheckInConfidence {
            date,
            score,
            note: String::new(),
        })
        .unwrap();
    }

    fn event(data: &mut AppData, date: NaiveDate, kind: OutcomeKind) {
        measure(
            data,
            MeasureCommand::AddEvent {
                date,
                kind,
                reason: String::new(),
            },
        );
    }

    fn scores(values: &[(NaiveDate, u8)]) -> Vec<Point> {
        values
            .iter()
            .map(|(date, v)| Point {
                date: *date,
                score: Score::whole(*v),
            })
            .collect()
    }

    #[test]
    fn rounding_and_number_words() {
        assert_eq!(div_round(7, 2), Some(4));
        assert_eq!(div_round(-7, 2), Some(-4));
        assert_eq!(div_round(1, 3), Some(0));
        assert_eq!(div_round(2, 3), Some(1));
        assert_eq!(div_round(7, -2), Some(-4));
        assert_eq!(div_round(5, 0), None);
        assert_eq!(tenths_text(55), "5.5");
        assert_eq!(tenths_text(70), "7");
        assert_eq!(tenths_text(-5), "-0.5");
        assert_eq!(tenths_text(0), "0");
        assert_eq!(one_decimal(20), "2.0");
        assert_eq!(one_decimal(7), "0.7");
    }

    #[test]
    fn self_efficacy_is_the_mean_of_answered_items() {
        // Two left out: (4 + 5 + 6 + 7) / 4 = 5.5.
        let two_missing = [Some(4), Some(5), None, Some(6), None, Some(7)];
        assert_eq!(
            self_efficacy_score(&two_missing).map(Score::tenths),
            Some(55)
        );
        assert_eq!(
            self_efficacy_saved(&two_missing),
            "Saved. Your score is 5.5 out of 10."
        );
        // All six: 42 / 6 = 7.
        let all = [Some(7), Some(7), Some(8), Some(6), Some(7), Some(7)];
        assert_eq!(self_efficacy_score(&all).map(Score::tenths), Some(70));
        // 21 / 4 = 5.25, shown as 5.3 (halves away from zero).
        let quarter = [Some(5), Some(5), Some(5), Some(6), None, None];
        assert_eq!(self_efficacy_score(&quarter).map(Score::tenths), Some(53));
        // Three left out: not scored.
        let three_missing = [None, None, None, Some(5), Some(6), Some(7)];
        assert_eq!(self_efficacy_score(&three_missing), None);
        assert_eq!(unanswered(&three_missing), 3);
        assert_eq!(
            self_efficacy_saved(&three_missing),
            "Saved, but without a score: 3 of the 6 questions were not answered, and a score needs at least 4 answers."
        );
        assert_eq!(self_efficacy_score(&[None; 6]), None);
    }

    #[test]
    fn work_ability_bands() {
        for (score, band) in [
            (0, "poor"),
            (5, "poor"),
            (6, "moderate"),
            (7, "moderate"),
            (8, "good or excellent"),
            (10, "good or excellent"),
        ] {
            assert_eq!(WorkAbilityBand::of(score).label(), band);
        }
        assert_eq!(work_ability_words(7), "7 out of 10 (moderate)");
    }

    #[test]
    fn change_from_the_first_rating() {
        // 3 to 5: up 2 points, 2 / 3 = 66.7% more.
        let c = change(&scores(&[
            (d(2026, 3, 2), 3),
            (d(2026, 4, 20), 4),
            (d(2026, 6, 20), 5),
        ]))
        .unwrap();
        assert_eq!((c.points_tenths(), c.percent(), c.count), (20, Some(67), 3));
        let w = change_words(Measure::Confidence, &c);
        assert_eq!(w.start, "3 out of 10, on 2 March 2026");
        assert_eq!(w.latest, "5 out of 10, on 20 June 2026");
        assert_eq!(
            w.change,
            "Up 2 points: 67% more confident than at the start."
        );
        // The example: 7 to 10 is 42.9%, so 43%.
        let c = change(&scores(&[(d(2026, 1, 1), 7), (d(2026, 2, 1), 10)])).unwrap();
        assert_eq!(
            change_words(Measure::Confidence, &c).change,
            "Up 3 points: 43% more confident than at the start."
        );
        // Down: 8 to 6 is 25% less.
        let c = change(&scores(&[
            (d(2026, 1, 1), 8),
            (d(2026, 2, 1), 7),
            (d(2026, 3, 1), 6),
        ]))
        .unwrap();
        assert_eq!(
            change_words(Measure::Confidence, &c).change,
            "Down 2 points: 25% less confident than at the start."
        );
        // One point is singular.
        let c = change(&scores(&[(d(2026, 1, 1), 4), (d(2026, 2, 1), 5)])).unwrap();
        assert_eq!(
            change_words(Measure::Confidence, &c).change,
            "Up 1 point: 25% more confident than at the start."
        );
    }

    #[test]
    fn a_first_score_of_zero_gives_no_percentage() {
        let c = change(&scores(&[(d(2026, 1, 1), 0), (d(2026, 2, 1), 4)])).unwrap();
        assert_eq!(c.percent(), None);
        assert_eq!(
            change_words(Measure::Confidence, &c).change,
            "Up 4 points. Your first score was 0, so the change cannot be given as a percentage."
        );
        let c = change(&scores(&[(d(2026, 1, 1), 0), (d(2026, 2, 1), 0)])).unwrap();
        assert_eq!(
            change_words(Measure::WorkAbility, &c).change,
            "None: the same as at the start."
        );
    }

    #[test]
    fn one_rating_or_none() {
        assert_eq!(change(&[]), None);
        let c = change(&scores(&[(d(2026, 1, 1), 6)])).unwrap();
        let w = change_words(Measure::WorkAbility, &c);
        assert_eq!(w.start, "6 out of 10 (moderate), on 1 January 2026");
        assert_eq!(w.start, w.latest);
        assert_eq!(
            w.change,
            "This is your first score. The change will show after the next one."
        );
    }

    #[test]
    fn change_is_worked_out_from_exact_means() {
        // 21/4 = 5.25 to 7: up 1.75 points (shown 1.8), 33.3% more.
        let first = Point {
            date: d(2026, 1, 1),
            score: self_efficacy_score(&[Some(5), Some(5), Some(5), Some(6), None, None]).unwrap(),
        };
        let latest = Point {
            date: d(2026, 3, 1),
            score: Score::whole(7),
        };
        let c = change(&[first, latest]).unwrap();
        assert_eq!((c.points_tenths(), c.percent()), (18, Some(33)));
        // 5.5 to 7.0: 1.5 / 5.5 = 27.3%.
        let first = Point {
            date: d(2026, 1, 1),
            score: self_efficacy_score(&[Some(4), Some(5), None, Some(6), None, Some(7)]).unwrap(),
        };
        let c = change(&[first, latest]).unwrap();
        assert_eq!(
            change_words(Measure::SelfEfficacy, &c).change,
            "Up 1.5 points: 27% more confident than at the start."
        );
        // Work ability says higher or lower.
        let c = change(&scores(&[(d(2026, 1, 1), 4), (d(2026, 2, 1), 7)])).unwrap();
        let w = change_words(Measure::WorkAbility, &c);
        assert_eq!(w.start, "4 out of 10 (poor), on 1 January 2026");
        assert_eq!(w.change, "Up 3 points: 75% higher than at the start.");
        // A change under 1% still says which way it went: 9.9 to 10 is 1%... 99/10 to 100/10.
        let tiny = [
            Point {
                date: d(2026, 1, 1),
                score: Score {
                    total: 59,
                    count: 6,
                },
            },
            Point {
                date: d(2026, 2, 1),
                score: Score {
                    total: 10,
                    count: 1,
                },
            },
        ];
        let c = change(&tiny).unwrap();
        assert_eq!(c.percent(), Some(2));
        let tiny = [
            tiny[0],
            Point {
                date: d(2026, 2, 1),
                score: Score {
                    total: 5901,
                    count: 600,
                },
            },
        ];
        let c = change(&tiny).unwrap();
        assert_eq!(
            change_words(Measure::SelfEfficacy, &c).change,
            "Up less than 0.1 points: less than 1% more confident than at the start."
        );
    }

    #[test]
    fn rating_rows_describe_each_rating_oldest_first() {
        let mut data = AppData::default();
        check_in(&mut data, d(2026, 3, 5), 6);
        check_in(&mut data, d(2026, 3, 2), 3);
        measure(
            &mut data,
            MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
                date: d(2026, 3, 3),
                items: [None, None, None, Some(5), Some(6), Some(7)],
            }),
        );
        measure(
            &mut data,
            MeasureCommand::WorkAbility(WorkAbilityScore {
                date: d(2026, 3, 2),
                score: 4,
            }),
        );
        let rows = rating_rows(&data, Measure::Confidence);
        assert_eq!(rows[0].shown, "3");
        assert_eq!(rows[0].describe, "the check-in of 3 on 2 March 2026");
        assert_eq!(rows[1].shown, "6");
        let rows = rating_rows(&data, Measure::SelfEfficacy);
        assert_eq!(rows[0].shown, "Not scored (3 not answered)");
        assert_eq!(
            rows[0].describe,
            "the questionnaire on 3 March 2026, which has no score"
        );
        assert!(points(&rows).is_empty());
        let rows = rating_rows(&data, Measure::WorkAbility);
        assert_eq!(rows[0].shown, "4 (poor)");

        // Remove the first check-in, then undo.
        let rows = rating_rows(&data, Measure::Confidence);
        let before = data.clone();
        data.apply(rows[0].remove.clone()).unwrap();
        assert_eq!(data.ratings.confidence.len(), 1);
        assert!(data.apply(rows[0].remove.clone()).is_err());
        data.apply(rows[0].undo.clone()).unwrap();
        assert_eq!(data, before);
        // Every measure's rows remove and come back.
        for m in [Measure::SelfEfficacy, Measure::WorkAbility] {
            let rows = rating_rows(&data, m);
            data.apply(rows[0].remove.clone()).unwrap();
            data.apply(rows[0].undo.clone()).unwrap();
            assert_eq!(data, before);
        }
    }

    /// The end-to-end journey's data, worked by hand: OT start 15 April 2026, today 20 June 2026.
    fn journey() -> (AppData, NaiveDate) {
        let mut data = AppData::default();
        data.apply(Command::SetOtStart(Some(d(2026, 4, 15))))
            .unwrap();
        check_in(&mut data, d(2026, 3, 2), 3);
        check_in(&mut data, d(2026, 4, 20), 4);
        check_in(&mut data, d(2026, 6, 20), 5);
        for date in [d(2026, 3, 5), d(2026, 3, 19), d(2026, 4, 2), d(2026, 4, 10)] {
            event(&mut data, date, OutcomeKind::GpAppointment);
        }
        event(&mut data, d(2026, 6, 3), OutcomeKind::GpAppointment);
        measure(
            &mut data,
            MeasureCommand::AddSickDays {
                first: d(2026, 3, 9),
                days: 5,
            },
        );
        event(&mut data, d(2026, 6, 1), OutcomeKind::SickDay);
        event(&mut data, d(2026, 3, 16), OutcomeKind::FitNoteRequested);
        event(&mut data, d(2026, 3, 18), OutcomeKind::FitNoteReceived);
        (data, d(2026, 6, 20))
    }

    #[test]
    fn rates_before_and_since_worked_by_hand() {
        let (data, today) = journey();
        let f = outcome_figures(&data, today);
        // Before: all of March (31 days) and 1 to 14 April (14) = 45 days = 1.48 months.
        // Since: 15 to 30 April (16) and 1 to 20 June (20) = 36 days; May has nothing recorded.
        let (before, since) = (f.periods[0].1, f.periods[1].1);
        assert_eq!((before.days, since.days), (45, 36));
        assert_eq!(before.counts, [4, 5, 1, 1]);
        assert_eq!(since.counts, [1, 1, 0, 0]);
        assert_eq!(before.time_words(), "45 days (about 1.5 months)");
        assert_eq!(since.time_words(), "36 days (about 1.2 months)");
        // GP: 4 × 30.4375 / 45 = 2.71; 1 × 30.4375 / 36 = 0.85; (0.85 - 2.71) / 2.71 = -68.75%.
        assert_eq!(before.rate_tenths(OutcomeKind::GpAppointment), Some(27));
        assert_eq!(since.rate_tenths(OutcomeKind::GpAppointment), Some(8));
        assert_eq!(
            rate_change_percent(&before, &since, OutcomeKind::GpAppointment),
            Some(-69)
        );
        // Sick days: 5 × 30.4375 / 45 = 3.38; 0.85; -75%.
        assert_eq!(before.rate_tenths(OutcomeKind::SickDay), Some(34));
        assert_eq!(
            f.sentences,
            vec![
                "GP appointments: 2.7 a month before you started seeing your OT, 0.8 a month since: 69% fewer.",
                "Days off sick: 3.4 a month before you started seeing your OT, 0.8 a month since: 75% fewer.",
                "Fit notes asked for: 0.7 a month before you started seeing your OT, none since: 100% fewer.",
                "Fit notes received: 0.7 a month before you started seeing your OT, none since: 100% fewer.",
            ]
        );
        assert_eq!((f.periods[0].0, f.periods[1].0), ("Before", "Since"));
        assert_eq!(
            f.months,
            vec![
                MonthRow::Recorded {
                    month: YearMonth::of(d(2026, 6, 1)),
                    counts: [1, 1, 0, 0],
                    current: true,
                    ot_start: false
                },
                MonthRow::NothingRecorded {
                    from: YearMonth::of(d(2026, 5, 1)),
                    to: YearMonth::of(d(2026, 5, 1))
                },
                MonthRow::Recorded {
                    month: YearMonth::of(d(2026, 4, 1)),
                    counts: [2, 0, 0, 0],
                    current: false,
                    ot_start: true
                },
                MonthRow::Recorded {
                    month: YearMonth::of(d(2026, 3, 1)),
                    counts: [2, 5, 1, 1],
                    current: false,
                    ot_start: false
                },
            ]
        );
        let labels: Vec<String> = f.months.iter().map(MonthRow::label).collect();
        assert_eq!(
            labels,
            [
                "June 2026 (so far)",
                "May 2026",
                "April 2026 (OT started)",
                "March 2026"
            ]
        );
    }

    #[test]
    fn a_month_with_nothing_recorded_is_not_a_zero() {
        let (mut data, today) = journey();
        let f = outcome_figures(&data, today);
        // Recording anything in May (a day mark here) makes May a month of zero events, which
        // lowers the rate since the start: 1 in 36 + 31 days.
        data.day_marks.push(DayMark {
            date: d(2026, 5, 10),
            kind: DayKind::Unwell,
        });
        let g = outcome_figures(&data, today);
        assert_eq!(g.periods[1].1.days, 67);
        assert_eq!(
            g.periods[1].1.rate_tenths(OutcomeKind::GpAppointment),
            Some(5)
        );
        assert_eq!(
            f.periods[1].1.rate_tenths(OutcomeKind::GpAppointment),
            Some(8)
        );
        assert!(matches!(
            g.months[1],
            MonthRow::Recorded {
                counts: [0, 0, 0, 0],
                ..
            }
        ));
        // Several empty months in a row share one row.
        let mut data = AppData::default();
        check_in(&mut data, d(2025, 10, 1), 5);
        check_in(&mut data, d(2026, 2, 1), 5);
        let f = outcome_figures(&data, d(2026, 2, 10));
        assert_eq!(f.months.len(), 3);
        assert_eq!(f.months[1].label(), "November 2025 to January 2026");
        // October (31) and 1 to 10 February (10).
        assert_eq!(
            f.periods,
            vec![(
                "All months with records",
                Period {
                    days: 41,
                    counts: [0; 4]
                }
            )]
        );
        assert_eq!(
            f.periods[0].1.rate_words(OutcomeKind::GpAppointment),
            "none"
        );
        assert!(f.sentences.is_empty());
    }

    #[test]
    fn empty_data_and_periods_without_days() {
        let today = d(2026, 6, 20);
        assert_eq!(
            outcome_figures(&AppData::default(), today),
            OutcomeFigures::default()
        );
        let empty = Period::default();
        assert_eq!(empty.rate_tenths(OutcomeKind::SickDay), None);
        assert_eq!(empty.rate_words(OutcomeKind::SickDay), "nothing recorded");
        assert_eq!(empty.time_words(), "0 days");
        assert_eq!(
            rate_change_percent(&empty, &empty, OutcomeKind::SickDay),
            None
        );
        // One event in a long period is under 0.1 a month.
        let long = Period {
            days: 700,
            counts: [1, 0, 0, 0],
        };
        assert_eq!(
            long.rate_words(OutcomeKind::GpAppointment),
            "under 0.1 a month"
        );
        let one = Period {
            days: 1,
            counts: [0; 4],
        };
        assert_eq!(one.time_words(), "1 day");
    }

    #[test]
    fn start_date_before_anything_or_after_today() {
        let (mut data, today) = journey();
        data.apply(Command::SetOtStart(Some(d(2026, 1, 1))))
            .unwrap();
        let f = outcome_figures(&data, today);
        assert_eq!(f.periods[0].1.days, 0);
        assert_eq!(f.sentences, ["Nothing was recorded before you started seeing your OT on 1 January 2026, so there is nothing to compare with."]);
        data.apply(Command::SetOtStart(Some(d(2026, 7, 1))))
            .unwrap();
        let f = outcome_figures(&data, today);
        assert_eq!(f.periods[1].1.days, 0);
        assert_eq!((f.periods[0].1.days), 31 + 30 + 20);
        assert_eq!(
            f.sentences,
            ["Nothing has been recorded since you started seeing your OT on 1 July 2026."]
        );
        // Started a few days ago: the figures come with a caution.
        data.apply(Command::SetOtStart(Some(d(2026, 6, 10))))
            .unwrap();
        let f = outcome_figures(&data, today);
        assert_eq!(f.periods[1].1.days, 11);
        assert!(f.sentences.last().unwrap().starts_with("Less than a month"));
        // None before, some since: no percentage, said in words.
        let mut data = AppData::default();
        data.apply(Command::SetOtStart(Some(d(2026, 3, 1))))
            .unwrap();
        check_in(&mut data, d(2026, 2, 1), 5);
        event(&mut data, d(2026, 3, 3), OutcomeKind::GpAppointment);
        let f = outcome_figures(&data, d(2026, 3, 31));
        assert_eq!(f.sentences, ["GP appointments: none before you started seeing your OT, 1.0 a month since. With none before, the change cannot be given as a percentage."]);
    }

    #[test]
    fn records_after_today_and_extreme_dates_are_left_out() {
        let (mut data, today) = journey();
        let f = outcome_figures(&data, today);
        event(&mut data, d(2026, 8, 1), OutcomeKind::GpAppointment);
        // The commands refuse dates outside the window; data that was never checked may still
        // hold them.
        for date in [NaiveDate::MAX, NaiveDate::MIN] {
            let far = Command::CheckInConfidence {
                date,
                score: 5,
                note: String::new(),
            };
            assert!(matches!(data.apply(far), Err(DomainError::Date(_))));
            data.ratings
                .confidence
                .push(crate::domain::ratings::ConfidenceCheckIn {
                    date,
                    score: 5,
                    note: String::new(),
                });
        }
        assert_eq!(outcome_figures(&data, today), f);
        // No panic at the ends of the calendar.
        let _ = outcome_figures(&data, NaiveDate::MAX);
        let _ = outcome_figures(&data, NaiveDate::MIN);
    }

    #[test]
    fn events_are_added_corrected_removed_and_restored() {
        let mut data = AppData::default();
        measure(
            &mut data,
            MeasureCommand::AddEvent {
                date: d(2026, 3, 5),
                kind: OutcomeKind::GpAppointment,
                reason: "  Back pain ".into(),
            },
        );
        event(&mut data, d(2026, 3, 1), OutcomeKind::FitNoteRequested);
        let events = events_newest_first(&data);
        assert_eq!(
            event_text(&events[0]),
            "GP appointment on 5 March 2026: Back pain"
        );
        assert_eq!(event_text(&events[1]), "Fit note asked for on 1 March 2026");
        // Change the appointment into a sick day: the reason goes.
        let id = events[0].id;
        measure(
            &mut data,
            MeasureCommand::EditEvent {
                id,
                date: d(2026, 2, 27),
                kind: OutcomeKind::SickDay,
                reason: "Back pain".into(),
            },
        );
        assert_eq!(data.outcomes[0].id, id, "kept in date order");
        assert_eq!(data.outcomes[0].reason, "");
        // A second sick day on the same date is refused, and nothing changes.
        let before = data.clone();
        assert!(data
            .apply(Command::Measure(MeasureCommand::AddEvent {
                date: d(2026, 2, 27),
                kind: OutcomeKind::SickDay,
                reason: String::new()
            }))
            .is_err());
        assert_eq!(data, before);
        // Days in a row skip the ones already recorded.
        measure(
            &mut data,
            MeasureCommand::AddSickDays {
                first: d(2026, 2, 26),
                days: 3,
            },
        );
        let sick: Vec<_> = data
            .outcomes
            .iter()
            .filter(|e| e.kind == OutcomeKind::SickDay)
            .map(|e| e.date)
            .collect();
        assert_eq!(sick, [d(2026, 2, 26), d(2026, 2, 27), d(2026, 2, 28)]);
        let before = data.clone();
        let err = data
            .apply(Command::Measure(MeasureCommand::AddSickDays {
                first: d(2026, 2, 27),
                days: 2,
            }))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Those days are already recorded as days off sick."
        );
        let err = data
            .apply(Command::Measure(MeasureCommand::AddSickDays {
                first: d(2026, 2, 27),
                days: 1,
            }))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "27 February 2026 is already recorded as a day off sick."
        );
        assert!(data
            .apply(Command::Measure(MeasureCommand::AddSickDays {
                first: d(2026, 2, 27),
                days: 0,
            }))
            .is_err());
        assert_eq!(data, before);
        // Remove, then undo.
        let removed = data.outcomes[1].clone();
        measure(&mut data, MeasureCommand::RemoveEvent(removed.id));
        assert!(data
            .apply(Command::Measure(MeasureCommand::RemoveEvent(removed.id)))
            .is_err());
        measure(&mut data, MeasureCommand::RestoreEvent(removed.clone()));
        assert_eq!(data, before);
        assert!(data
            .apply(Command::Measure(MeasureCommand::RestoreEvent(removed)))
            .is_err());
    }

    #[test]
    fn ratings_out_of_range_or_empty_are_refused() {
        let mut data = AppData::default();
        let empty = MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
            date: d(2026, 1, 1),
            items: [None; 6],
        });
        assert_eq!(
            data.apply(Command::Measure(empty)).unwrap_err().to_string(),
            "Please answer at least one question."
        );
        let zero = MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
            date: d(2026, 1, 1),
            items: [Some(0), None, None, None, None, None],
        });
        assert!(data.apply(Command::Measure(zero)).is_err());
        let eleven = MeasureCommand::WorkAbility(WorkAbilityScore {
            date: d(2026, 1, 1),
            score: 11,
        });
        assert!(data.apply(Command::Measure(eleven)).is_err());
        assert_eq!(data, AppData::default());
        let long = MeasureCommand::AddEvent {
            date: d(2026, 1, 1),
            kind: OutcomeKind::GpAppointment,
            reason: "x".repeat(MAX_TEXT_CHARS + 1),
        };
        assert!(data.apply(Command::Measure(long)).is_err());
        data.outcomes.push(OutcomeEvent {
            id: OutcomeId(1),
            date: d(2026, 1, 1),
            kind: OutcomeKind::GpAppointment,
            reason: "x".repeat(MAX_TEXT_CHARS + 1),
        });
        assert!(data.validate().is_err());
    }

    #[test]
    fn new_event_ids_skip_ids_already_used() {
        let mut data = AppData::default();
        data.outcomes.push(OutcomeEvent {
            id: OutcomeId(0),
            date: d(2026, 1, 1),
            kind: OutcomeKind::GpAppointment,
            reason: String::new(),
        });
        event(&mut data, d(2026, 1, 2), OutcomeKind::GpAppointment);
        assert_eq!(data.outcomes[1].id, OutcomeId(1));
    }

    #[test]
    fn form_values() {
        let today = d(2026, 6, 20);
        assert_eq!(form_date("2026-06-20", today), Ok(today));
        assert_eq!(form_date(" 2026-03-02 ", today), Ok(d(2026, 3, 2)));
        assert_eq!(form_date("", today).unwrap_err(), "Please enter a date.");
        assert!(form_date("2026-02-30", today)
            .unwrap_err()
            .starts_with("Please enter a real date"));
        assert!(form_date("2026-06-21", today)
            .unwrap_err()
            .contains("future"));
        assert_eq!(form_day_count("5"), Ok(5));
        assert!(form_day_count("0").is_err());
        assert!(form_day_count("367").is_err());
        assert!(form_day_count("two").is_err());
        assert_eq!(last_sick_day(d(2026, 3, 9), 5), Some(d(2026, 3, 13)));
        assert_eq!(last_sick_day(NaiveDate::MAX, 2), None);
        assert_eq!(check_sick_days(d(2026, 6, 16), 5, today), Ok(today));
        assert_eq!(
            check_sick_days(d(2026, 6, 17), 5, today).unwrap_err(),
            "5 days from 17 June 2026 would go past today. Please check the first day and the number of days."
        );
    }

    #[test]
    fn chart_places_points_by_date_and_score() {
        let pts = scores(&[
            (d(2026, 3, 1), 0),
            (d(2026, 3, 11), 10),
            (d(2026, 3, 21), 5),
        ]);
        let c = chart(Measure::Confidence, &pts);
        // Plot 30..308 wide and 12..150 high.
        assert_eq!(c.dots, vec![(30, 150), (169, 12), (308, 81)]);
        assert_eq!(c.line, "30,150 169,12 308,81");
        assert_eq!((c.low_y, c.high_y), (150, 12));
        assert_eq!(c.first_date, "1 Mar 2026");
        assert_eq!(
            c.summary,
            "Line chart of 3 scores, from 0 on 1 March 2026 to 5 on 21 March 2026. Every score is in the table below."
        );
        let one = chart(Measure::SelfEfficacy, &pts[2..]);
        assert_eq!(one.dots, vec![(169, 89)]);
        assert_eq!(
            chart(Measure::WorkAbility, &[]).summary,
            "Empty chart: no scores yet."
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn date() -> impl Strategy<Value = NaiveDate> {
            // About three years around the test's "today".
            (0i64..1100).prop_map(|n| d(2025, 1, 1) + Duration::days(n))
        }

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            prop_oneof![
                4 => date(),
                1 => (i32::from(i16::MIN)..i32::from(i16::MAX), 1u32..=12, 1u32..=28)
                    .prop_map(|(y, m, day)| d(y, m, day)),
                1 => Just(NaiveDate::MAX),
                1 => Just(NaiveDate::MIN),
            ]
        }

        fn kind() -> impl Strategy<Value = OutcomeKind> {
            prop::sample::select(OUTCOME_KINDS.to_vec())
        }

        fn items() -> impl Strategy<Value = [Option<u8>; 6]> {
            prop::array::uniform6(prop::option::of(1u8..=10))
        }

        fn command() -> impl Strategy<Value = MeasureCommand> {
            prop_oneof![
                (any_date(), items()).prop_map(|(date, items)| MeasureCommand::SelfEfficacy(
                    SelfEfficacyResponse { date, items }
                )),
                (any_date(), 0u8..=12).prop_map(|(date, score)| MeasureCommand::WorkAbility(
                    WorkAbilityScore { date, score }
                )),
                (any_date(), kind(), ".{0,8}").prop_map(|(date, kind, reason)| {
                    MeasureCommand::AddEvent { date, kind, reason }
                }),
                (any_date(), 0u16..=400)
                    .prop_map(|(first, days)| MeasureCommand::AddSickDays { first, days }),
                (0u32..40, any_date(), kind(), ".{0,8}").prop_map(|(id, date, kind, reason)| {
                    MeasureCommand::EditEvent {
                        id: OutcomeId(id),
                        date,
                        kind,
                        reason,
                    }
                }),
                (0u32..40).prop_map(|id| MeasureCommand::RemoveEvent(OutcomeId(id))),
                (0u32..40, any_date(), kind()).prop_map(|(id, date, kind)| {
                    MeasureCommand::RestoreEvent(OutcomeEvent {
                        id: OutcomeId(id),
                        date,
                        kind,
                        reason: String::new(),
                    })
                }),
            ]
        }

        /// Data with ratings and events on arbitrary dates (not through the commands).
        fn data() -> impl Strategy<Value = AppData> {
            (
                prop::collection::vec((date(), 0u8..=10), 0..12),
                prop::collection::vec((date(), kind()), 0..40),
                prop::option::of(date()),
            )
                .prop_map(|(ratings, events, start)| {
                    let mut data = AppData::default();
                    data.settings.ot_start = start;
                    for (date, score) in ratings {
                        data.ratings.confidence.push(ConfidenceCheckIn {
                            date,
                            score,
                            note: String::new(),
                        });
                    }
                    for (i, (date, kind)) in events.into_iter().enumerate() {
                        data.outcomes.push(OutcomeEvent {
                            id: OutcomeId(i as u32),
                            date,
                            kind,
                            reason: String::new(),
                        });
                    }
                    data
                })
        }

        proptest! {
            #[test]
            fn self_efficacy_scores_only_with_four_or_more_answers(items in items()) {
                let answered: Vec<u8> = items.iter().flatten().copied().collect();
                match self_efficacy_score(&items) {
                    Some(s) => {
                        prop_assert!(answered.len() >= 4);
                        let t = s.tenths();
                        prop_assert!((10..=100).contains(&t));
                        let mean = answered.iter().map(|v| f64::from(*v)).sum::<f64>() / answered.len() as f64;
                        prop_assert!((t as f64 / 10.0 - mean).abs() <= 0.05 + 1e-9);
                    }
                    None => prop_assert!(answered.len() < 4),
                }
                prop_assert!(!self_efficacy_saved(&items).is_empty());
            }

            #[test]
            fn change_never_divides_by_zero(values in prop::collection::vec((date(), 0u8..=10), 0..20)) {
                let mut values = values;
                sort_by_date(&mut values, |v| v.0);
                let pts = scores(&values);
                match change(&pts) {
                    None => prop_assert!(pts.is_empty()),
                    Some(c) => {
                        let (first, last) = (pts[0].score.tenths(), pts[pts.len() - 1].score.tenths());
                        prop_assert_eq!(c.points_tenths(), last - first);
                        match c.percent() {
                            None => prop_assert_eq!(first, 0),
                            Some(p) => {
                                prop_assert!(first > 0);
                                prop_assert_eq!(p.signum(), (last - first).signum());
                                let exact = (last - first) as f64 * 100.0 / first as f64;
                                prop_assert!((p as f64 - exact).abs() <= 0.5 + 1e-9);
                            }
                        }
                        for m in [Measure::Confidence, Measure::SelfEfficacy, Measure::WorkAbility] {
                            let w = change_words(m, &c);
                            for text in [&w.start, &w.latest, &w.change] {
                                prop_assert!(!text.is_empty());
                                prop_assert!(!text.contains("NaN") && !text.contains("inf"));
                            }
                        }
                        let ch = chart(Measure::Confidence, &pts);
                        for (x, y) in ch.dots {
                            prop_assert!((0..=CHART_WIDTH).contains(&x));
                            prop_assert!((0..=CHART_HEIGHT).contains(&y));
                        }
                    }
                }
            }

            #[test]
            fn outcome_figures_count_every_event_once_and_only_recorded_days(
                data in data(),
                today in date(),
            ) {
                let f = outcome_figures(&data, today);
                let counted: Vec<&OutcomeEvent> = data.outcomes.iter().filter(|e| e.date <= today).collect();
                let anything = data.ratings.confidence.iter().any(|c| c.date <= today) || !counted.is_empty();
                if !anything {
                    prop_assert_eq!(&f, &OutcomeFigures::default());
                    return Ok(());
                }
                // Each event is in exactly one period, and in its month's row.
                let mut period_total = [0u32; 4];
                for (_, p) in &f.periods {
                    for (i, c) in p.counts.iter().enumerate() {
                        period_total[i] += c;
                    }
                }
                let mut row_total = [0u32; 4];
                for row in &f.months {
                    if let MonthRow::Recorded { counts, .. } = row {
                        for (i, c) in counts.iter().enumerate() {
                            row_total[i] += c;
                        }
                    }
                }
                let mut expected = [0u32; 4];
                for e in &counted {
                    expected[kind_index(e.kind)] += 1;
                }
                prop_assert_eq!(period_total, expected);
                prop_assert_eq!(row_total, expected);
                // Days covered are exactly the days up to today in months with a record.
                let months: Vec<YearMonth> = data.ratings.confidence.iter().map(|c| c.date)
                    .chain(data.outcomes.iter().map(|e| e.date))
                    .filter(|x| *x <= today)
                    .map(YearMonth::of)
                    .collect();
                let first = months.iter().min().copied().unwrap();
                let mut covered = 0i64;
                let mut day = first.first_day().unwrap();
                while day <= today {
                    if months.contains(&YearMonth::of(day)) {
                        covered += 1;
                    }
                    day = day.succ_opt().unwrap();
                }
                let total_days: i64 = f.periods.iter().map(|(_, p)| p.days).sum();
                prop_assert_eq!(total_days, covered);
                // A month with nothing recorded is a gap, never a row of zeros.
                for row in &f.months {
                    match row {
                        MonthRow::Recorded { month, .. } => prop_assert!(months.contains(month)),
                        MonthRow::NothingRecorded { from, to } => {
                            prop_assert!(from <= to);
                            for m in from.0..=to.0 {
                                prop_assert!(!months.contains(&YearMonth(m)));
                            }
                        }
                    }
                }
                // Rates exist exactly when days are covered; they are never negative.
                for (_, p) in &f.periods {
                    for kind in OUTCOME_KINDS {
                        match p.rate_tenths(kind) {
                            None => prop_assert_eq!(p.days, 0),
                            Some(r) => prop_assert!(r >= 0),
                        }
                        prop_assert!(!p.rate_words(kind).contains("NaN"));
                    }
                }
                if f.periods.len() == 2 {
                    for kind in OUTCOME_KINDS {
                        if let Some(p) = rate_change_percent(&f.periods[0].1, &f.periods[1].1, kind) {
                            prop_assert!(p >= -100);
                        }
                    }
                }
            }

            #[test]
            fn commands_never_break_the_data(commands in prop::collection::vec(command(), 0..30)) {
                let mut data = AppData::default();
                for command in commands {
                    let before = data.clone();
                    match data.apply(Command::Measure(command)) {
                        Ok(()) => prop_assert!(data.validate().is_ok()),
                        Err(e) => {
                            prop_assert_eq!(&data, &before);
                            prop_assert!(!e.to_string().is_empty());
                        }
                    }
                    // Ids are unique; events stay in date order; one sick day per date.
                    for (i, e) in data.outcomes.iter().enumerate() {
                        for other in &data.outcomes[i + 1..] {
                            prop_assert!(e.id != other.id);
                            prop_assert!(e.date <= other.date);
                            prop_assert!(!(e.kind == OutcomeKind::SickDay && other.kind == OutcomeKind::SickDay && e.date == other.date));
                        }
                    }
                }
                let _ = outcome_figures(&data, d(2026, 6, 20));
                for m in [Measure::Confidence, Measure::SelfEfficacy, Measure::WorkAbility] {
                    let rows = rating_rows(&data, m);
                    let _ = change(&points(&rows)).map(|c| change_words(m, &c));
                }
            }

            #[test]
            fn form_readers_never_panic(text in ".{0,20}", today in any_date()) {
                let _ = form_date(&text, today);
                let _ = form_day_count(&text);
            }
        }
    }
}
