//! The summary a person takes to their OT: every figure for a chosen period, built from the
//! records by the existing domain rules (goals, measures) and, for the diary and checklists,
//! straight from their record types. Also the versioned summary file (its own
//! `{ format, version, data }` envelope, decoded through a size-limited, validated path), the
//! diary as CSV, and the OT's caseload table across several summaries.
//!
//! Figures are whole numbers (scores and rates in tenths) so the file holds no floats and the
//! same figures show on the phone and on the OT's computer. Where a stored record type fits
//! (progress records, outcome events, workplace items, phased return weeks, hazards, falls
//! checks) the file reuses it: its (de)serialising code is already in the app, and each new
//! list type would add its own.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::activity::{DayKind, LifeArea, PartOfDay};
use super::checklists::{
    AdviceKind, FallsCheck, HazardCheck, ItemStatus, Owner, PhasedReturnWeek, Room, WorkplaceItem,
};
use super::dates::{iso_date, long_date, short_date};
use super::envelope::{DecodeError, Envelope};
use super::goals::{self, latest_level, GoalStatus, ProgressRecord};
use super::measures::{self, div_round, Measure, Period, OUTCOME_KINDS};
use super::outcomes::{OutcomeEvent, OutcomeKind};
use super::state::{check_range, check_text, AppData, DomainError, MAX_NAME_CHARS};

/// Format name of a summary file.
pub const SUMMARY_FORMAT: &str = "everyday-summary";
/// The summary file's own format version. Raise it only with a way to read the old one.
pub const SUMMARY_VERSION: u32 = 1;
/// The largest summary file accepted. A summary of a year is well under 200 KB.
pub const MAX_SUMMARY_BYTES: usize = 1024 * 1024;
/// The "what I want to talk about" box.
pub const MAX_TALK_CHARS: usize = 2_000;
/// The longest text of one item in a summary (goal parts, step and checklist text).
const MAX_ITEM_CHARS: usize = 2_000;

// ---------------------------------------------------------------------------------------------
// The period

/// How the person chose the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    /// From the last review with the OT (or the OT start date) to today.
    SinceReview,
    /// The 28 days up to and including today.
    LastFourWeeks,
    /// Two dates the person picked.
    Dates,
}

/// The date "since the last review" starts from: the last review before today (the one the
/// person entered, or a review date their OT's plans carry), else the day they started seeing
/// their OT.
pub fn review_start(data: &AppData, today: NaiveDate) -> Option<NaiveDate> {
    super::agenda::last_review(data, today).or(data.settings.ot_start)
}

/// The first and last day (both included) of the chosen period, or what to fix, in words.
pub fn choose_period(
    choice: PeriodChoice,
    data: &AppData,
    today: NaiveDate,
    from: &str,
    to: &str,
) -> Result<(NaiveDate, NaiveDate), String> {
    match choice {
        PeriodChoice::LastFourWeeks => Ok((today - Duration::days(27), today)),
        PeriodChoice::SinceReview => match review_start(data, today) {
            Some(start) if start <= today => Ok((start, today)),
            Some(_) => Err("The date of your last review is after today. Please check it.".into()),
            None => Err(
                "Please enter the date of your last review with your OT, or choose another period."
                    .into(),
            ),
        },
        PeriodChoice::Dates => {
            let read = |text: &str, which: &str| {
                if text.trim().is_empty() {
                    return Err(format!("Please enter the {which} date."));
                }
                super::dates::parse_iso_date(text).ok_or_else(|| {
                    format!("Please enter a real {which} date, for example 5 March 2026.")
                })
            };
            let (from, to) = (read(from, "first")?, read(to, "last")?);
            if to > today {
                Err("The last date is after today. Please choose today or an earlier day.".into())
            } else if from > to {
                Err("The first date is after the last date. Please swap them.".into())
            } else {
                Ok((from, to))
            }
        }
    }
}

/// Days from `from` to `to`, both included (0 when `to` is before `from`).
pub fn days_in(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days() + 1).unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// The summary (this is also the `data` of the summary file)

/// A summary for a period. A part that is `None` was left out by the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The name or initials the person entered.
    #[serde(default)]
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day it was made.
    pub made: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ot_start: Option<NaiveDate>,
    /// "What I want to talk about"; `Some("")` when the box was left empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub talk_about: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goals: Option<GoalsPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratings: Option<RatingsPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcomes: Option<OutcomesPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diary: Option<DiaryPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workplace: Option<WorkplacePart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<HomePart>,
}

/// Goals with their levels over the period, steps done and the goal score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalsPart {
    #[serde(default)]
    pub goals: Vec<GoalLine>,
    /// How many goals the T-scores are over (those with a level by the end of the period).
    #[serde(default)]
    pub scored: u32,
    /// Kiresuk-Sherman T-score at the end of the period, in tenths (unweighted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t_now: Option<i32>,
    /// The same goals at their starting levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t_start: Option<i32>,
    /// Weighted by importance x difficulty, when every scored goal has both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t_weighted_now: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t_weighted_start: Option<i32>,
}

/// One goal in the summary, with its raw levels and weights (not only the score).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalLine {
    pub title: String,
    #[serde(default)]
    pub sentence: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_ot: bool,
    #[serde(default)]
    pub status: GoalStatus,
    /// The starting level, -1 or -2.
    pub baseline: i8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<u8>,
    /// The latest level before the period started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<i8>,
    /// Levels recorded in the period, oldest first (without their notes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ProgressRecord>,
    /// Steps ticked off in the period, with how many times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepDone>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDone {
    pub title: String,
    pub times: u32,
}

impl GoalLine {
    /// The level at the end of the period (the latest in it, else the latest before it).
    pub fn level_now(&self) -> Option<i8> {
        self.levels.last().map(|l| l.level).or(self.before)
    }

    /// Times any step was ticked off in the period.
    pub fn ticks(&self) -> u32 {
        self.steps.iter().map(|s| s.times).sum()
    }
}

impl GoalsPart {
    /// Step ticks in the period across all goals.
    pub fn ticks(&self) -> u32 {
        self.goals.iter().map(GoalLine::ticks).sum()
    }
}

/// The confidence check-in, the questionnaire and work ability: first (baseline) and latest.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingsPart {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<MeasureLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_efficacy: Option<MeasureLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_ability: Option<MeasureLine>,
}

/// A measure's baseline (its first score ever) and latest score by the end of the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureLine {
    pub first: ScoreAt,
    pub latest: ScoreAt,
    /// Scores given during the period.
    #[serde(default)]
    pub in_period: u32,
    /// Latest minus first, in tenths (worked out exactly, then rounded).
    #[serde(default)]
    pub change: i32,
    /// The change as a percentage of the first score; none when the first score was 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreAt {
    pub date: NaiveDate,
    /// The score in tenths (7.5 is 75).
    pub score: i32,
}

/// GP appointments, sick days and fit notes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomesPart {
    /// In the period: GP appointments, days off sick, fit notes asked for, fit notes received.
    #[serde(default)]
    pub counts: [u32; 4],
    /// Each one in the period, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<OutcomeEvent>,
    /// Before the OT start date, up to the end of the period (none without a start date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<RateSpan>,
    /// Since the OT start date (or everything, without one), up to the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<RateSpan>,
}

/// Days with records and the events in a span, for per-month rates (see `domain::measures`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateSpan {
    pub days: u32,
    pub counts: [u32; 4],
}

impl RateSpan {
    fn period(&self) -> Period {
        Period {
            days: i64::from(self.days),
            counts: self.counts,
        }
    }

    /// Events of a kind per month, in tenths; none with no days recorded.
    pub fn rate(&self, kind: OutcomeKind) -> Option<i64> {
        self.period().rate_tenths(kind)
    }

    /// "2.7 a month", "none", "nothing recorded".
    pub fn rate_words(&self, kind: OutcomeKind) -> String {
        self.period().rate_words(kind)
    }
}

/// The activity diary over the period.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryPart {
    /// Days in the period.
    pub days: u32,
    pub days_with_entries: u32,
    pub entries: u32,
    /// Time in each area of life, in `LifeArea::ALL` order.
    #[serde(default)]
    pub areas: Vec<AreaTime>,
    /// Average of each rating given at least once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<RatingAverage>,
    #[serde(default)]
    pub unwell_days: u32,
    #[serde(default)]
    pub holiday_days: u32,
    #[serde(default)]
    pub rest_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaTime {
    pub area: LifeArea,
    pub minutes: u32,
    pub entries: u32,
}

/// The optional diary ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiaryRating {
    Effort,
    Pain,
    Mood,
    Achievement,
    Closeness,
    Enjoyment,
}

impl DiaryRating {
    pub const ALL: [DiaryRating; 6] = [
        DiaryRating::Effort,
        DiaryRating::Pain,
        DiaryRating::Mood,
        DiaryRating::Achievement,
        DiaryRating::Closeness,
        DiaryRating::Enjoyment,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DiaryRating::Effort => "Effort or energy",
            DiaryRating::Pain => "Pain or tiredness",
            DiaryRating::Mood => "Mood",
            DiaryRating::Achievement => "Achievement",
            DiaryRating::Closeness => "Closeness to others",
            DiaryRating::Enjoyment => "Enjoyment",
        }
    }

    fn of(self, r: &super::activity::EntryRatings) -> Option<u8> {
        match self {
            DiaryRating::Effort => r.effort,
            DiaryRating::Pain => r.pain,
            DiaryRating::Mood => r.mood,
            DiaryRating::Achievement => r.achievement,
            DiaryRating::Closeness => r.closeness,
            DiaryRating::Enjoyment => r.enjoyment,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingAverage {
    pub rating: DiaryRating,
    /// The mean, 0 to 10, in tenths.
    pub average: u32,
    pub count: u32,
}

/// The workplace plan and the phased return.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplacePart {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<WorkplaceItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    /// The phased return, in date order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weeks: Vec<PhasedReturnWeek>,
}

/// The home-safety checklist: hazards that apply and what was done about them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomePart {
    /// Hazards on the checklist.
    #[serde(default)]
    pub checked: u32,
    /// Hazards that apply to the home, each with what was done about it by the end of the
    /// period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hazards: Vec<HazardCheck>,
    /// The latest falls self-check by the end of the period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub falls: Option<FallsCheck>,
}

/// "Yes" answers on a falls self-check.
pub fn falls_points(check: &FallsCheck) -> u32 {
    check.answers.iter().filter(|a| **a).count() as u32
}

/// Four or more points on the falls self-check suggest talking to the GP or OT.
pub const FALLS_POINTS_TO_TALK: u32 = 4;

/// Which parts go in a summary: the person can leave any of them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    pub talk_about: bool,
    pub goals: bool,
    pub ratings: bool,
    pub outcomes: bool,
    pub diary: bool,
    pub workplace: bool,
    pub home: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        talk_about: true,
        goals: true,
        ratings: true,
        outcomes: true,
        diary: true,
        workplace: true,
        home: true,
    };
}

// ---------------------------------------------------------------------------------------------
// Building

fn t_tenths(t: Result<f64, goals::NotScored>) -> Option<i32> {
    // T is between about 13.5 and 86.5, so the cast cannot overflow.
    t.ok().map(|t| (t * 10.0).round() as i32)
}

fn in_period(d: NaiveDate, from: NaiveDate, to: NaiveDate) -> bool {
    from <= d && d <= to
}

fn goals_part(data: &AppData, from: NaiveDate, to: NaiveDate) -> GoalsPart {
    let mut lines = Vec::new();
    for g in &data.goals {
        if g.created > to {
            continue;
        }
        let mut levels: Vec<ProgressRecord> = g
            .progress
            .iter()
            .filter(|p| in_period(p.date, from, to))
            .map(|p| ProgressRecord {
                date: p.date,
                level: p.level,
                note: String::new(),
            })
            .collect();
        // Stored records are in date order; records from elsewhere need not be.
        insertion_sort(&mut levels, |l| l.date);
        let mut steps = Vec::new();
        for t in &g.tasks {
            let times = t
                .done
                .iter()
                .filter(|c| in_period(c.date, from, to))
                .count() as u32;
            if times > 0 {
                steps.push(StepDone {
                    title: t.title.clone(),
                    times,
                });
            }
        }
        // A goal put away is left out unless something happened to it in the period.
        if g.status == GoalStatus::Archived && levels.is_empty() && steps.is_empty() {
            continue;
        }
        let before = from
            .pred_opt()
            .and_then(|day| latest_level(g, day))
            .map(|p| p.level);
        lines.push(GoalLine {
            title: g.title(),
            sentence: g.sentence(),
            from_ot: !g.source.is_me(),
            status: g.status,
            baseline: g.baseline,
            importance: g.importance,
            difficulty: g.difficulty,
            before,
            levels,
            steps,
        });
    }
    let r = goals::review(&data.goals, to);
    GoalsPart {
        goals: lines,
        scored: r.goals_scored as u32,
        t_now: t_tenths(r.now.unweighted),
        t_start: t_tenths(r.at_start.unweighted),
        t_weighted_now: t_tenths(r.now.weighted),
        t_weighted_start: t_tenths(r.at_start.weighted),
    }
}

/// Sort by a date, keeping the order within a day (small and stable; lists are nearly sorted).
fn insertion_sort<T>(items: &mut [T], date: impl Fn(&T) -> NaiveDate) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && date(&items[j - 1]) > date(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn measure_line(
    data: &AppData,
    measure: Measure,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<MeasureLine> {
    let rows = measures::rating_rows(data, measure);
    let points: Vec<measures::Point> = measures::points(&rows)
        .into_iter()
        .filter(|p| p.date <= to)
        .collect();
    let c = measures::change(&points)?;
    Some(MeasureLine {
        first: ScoreAt {
            date: c.first.date,
            score: c.first.score.tenths() as i32,
        },
        latest: ScoreAt {
            date: c.latest.date,
            score: c.latest.score.tenths() as i32,
        },
        in_period: points.iter().filter(|p| p.date >= from).count() as u32,
        change: c.points_tenths() as i32,
        percent: c.percent().map(|p| p as i32),
    })
}

fn outcomes_part(data: &AppData, from: NaiveDate, to: NaiveDate) -> OutcomesPart {
    let mut part = OutcomesPart::default();
    let mut events: Vec<OutcomeEvent> = data
        .outcomes
        .iter()
        .filter(|e| in_period(e.date, from, to))
        .cloned()
        .collect();
    insertion_sort(&mut events, |e| e.date);
    for e in &events {
        let i = kind_index(e.kind);
        part.counts[i] = part.counts[i].saturating_add(1);
    }
    part.events = events;
    let figures = measures::outcome_figures(data, to);
    let span = |p: &Period| RateSpan {
        days: u32::try_from(p.days).unwrap_or(0),
        counts: p.counts,
    };
    match figures.periods.as_slice() {
        [(_, before), (_, since)] => {
            part.before = Some(span(before));
            part.since = Some(span(since));
        }
        [(_, all)] => part.since = Some(span(all)),
        _ => {}
    }
    part
}

fn kind_index(kind: OutcomeKind) -> usize {
    OUTCOME_KINDS.iter().position(|k| *k == kind).unwrap_or(0)
}

fn diary_part(data: &AppData, from: NaiveDate, to: NaiveDate) -> DiaryPart {
    let mut part = DiaryPart {
        days: days_in(from, to),
        areas: LifeArea::ALL
            .iter()
            .map(|&area| AreaTime {
                area,
                minutes: 0,
                entries: 0,
            })
            .collect(),
        ..DiaryPart::default()
    };
    let mut days = BTreeSet::new();
    let mut sums = [(0u32, 0u32); 6];
    for e in data.diary.iter().filter(|e| in_period(e.date, from, to)) {
        part.entries += 1;
        days.insert(e.date);
        if let Some(a) = part.areas.iter_mut().find(|a| a.area == e.area) {
            a.minutes = a.minutes.saturating_add(e.minutes.into());
            a.entries += 1;
        }
        for (i, r) in DiaryRating::ALL.iter().enumerate() {
            if let Some(v) = r.of(&e.ratings) {
                sums[i].0 = sums[i].0.saturating_add(v.into());
                sums[i].1 += 1;
            }
        }
    }
    part.days_with_entries = days.len() as u32;
    for (i, &(total, count)) in sums.iter().enumerate() {
        if count > 0 {
            part.ratings.push(RatingAverage {
                rating: DiaryRating::ALL[i],
                average: div_round(i64::from(total) * 10, i64::from(count)).unwrap_or(0) as u32,
                count,
            });
        }
    }
    let marked: BTreeSet<(NaiveDate, u8)> = data
        .day_marks
        .iter()
        .filter(|m| in_period(m.date, from, to))
        .map(|m| (m.date, day_kind_code(m.kind)))
        .collect();
    for (_, code) in marked {
        match code {
            0 => part.unwell_days += 1,
            1 => part.holiday_days += 1,
            _ => part.rest_days += 1,
        }
    }
    part
}

fn day_kind_code(kind: DayKind) -> u8 {
    match kind {
        DayKind::Unwell => 0,
        DayKind::Holiday => 1,
        DayKind::Rest => 2,
    }
}

fn workplace_part(data: &AppData) -> WorkplacePart {
    let w = &data.workplace;
    let mut weeks = w.phased_return.clone();
    insertion_sort(&mut weeks, |p| p.starts);
    WorkplacePart {
        items: w.items.clone(),
        review: w.review,
        weeks,
    }
}

fn home_part(data: &AppData, to: NaiveDate) -> HomePart {
    let h = &data.home_safety;
    let falls = h
        .falls_checks
        .iter()
        .filter(|f| f.date <= to)
        .fold(None::<&FallsCheck>, |best, f| match best {
            Some(b) if b.date > f.date => Some(b),
            _ => Some(f),
        })
        .cloned();
    HomePart {
        checked: h.hazards.len() as u32,
        hazards: h
            .hazards
            .iter()
            .filter(|z| z.applies)
            .map(|z| HazardCheck {
                actions: z.actions.iter().filter(|a| a.date <= to).cloned().collect(),
                ..z.clone()
            })
            .collect(),
        falls,
    }
}

/// Build the summary of `from..=to` (both included), made on `made`, with the parts chosen.
pub fn build(
    data: &AppData,
    from: NaiveDate,
    to: NaiveDate,
    made: NaiveDate,
    parts: Parts,
) -> Summary {
    let s = &data.settings;
    Summary {
        name: s.name.clone(),
        from,
        to,
        made,
        ot_start: s.ot_start,
        talk_about: parts.talk_about.then(|| s.talk_about.trim().to_string()),
        goals: parts.goals.then(|| goals_part(data, from, to)),
        ratings: parts.ratings.then(|| RatingsPart {
            confidence: measure_line(data, Measure::Confidence, from, to),
            self_efficacy: measure_line(data, Measure::SelfEfficacy, from, to),
            work_ability: measure_line(data, Measure::WorkAbility, from, to),
        }),
        outcomes: parts.outcomes.then(|| outcomes_part(data, from, to)),
        diary: parts.diary.then(|| diary_part(data, from, to)),
        workplace: parts.workplace.then(|| workplace_part(data)),
        home: parts.home.then(|| home_part(data, to)),
    }
}

// ---------------------------------------------------------------------------------------------
// Words for the figures (shared by the phone and the OT's view)

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

/// Each area's share of the time, in whole per cent (rounded); all zero with no time.
pub fn area_shares(part: &DiaryPart) -> Vec<u32> {
    let total: u64 = part.areas.iter().map(|a| u64::from(a.minutes)).sum();
    part.areas
        .iter()
        .map(|a| {
            div_round(i64::from(a.minutes) * 100, total as i64)
                .map_or(0, |p| p.clamp(0, 100) as u32)
        })
        .collect()
}

pub fn advice_label(kind: AdviceKind) -> &'static str {
    match kind {
        AdviceKind::PhasedReturn => "Phased return",
        AdviceKind::AlteredHours => "Altered hours",
        AdviceKind::AmendedDuties => "Amended duties",
        AdviceKind::WorkplaceAdaptations => "Workplace adaptations",
        AdviceKind::WorkplaceAssessment => "Workplace assessment",
    }
}

/// Workplace item statuses, in the order they are counted.
pub const STATUSES: [ItemStatus; 6] = [
    ItemStatus::Suggested,
    ItemStatus::AskedFor,
    ItemStatus::Agreed,
    ItemStatus::InPlace,
    ItemStatus::NotPossible,
    ItemStatus::DidNotHelp,
];

pub fn status_label(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Suggested => "Suggested",
        ItemStatus::AskedFor => "Asked for",
        ItemStatus::Agreed => "Agreed",
        ItemStatus::InPlace => "In place",
        ItemStatus::NotPossible => "Not possible",
        ItemStatus::DidNotHelp => "Did not help",
    }
}

pub fn owner_label(owner: Owner) -> &'static str {
    match owner {
        Owner::Me => "Me",
        Owner::Employer => "Employer",
        Owner::Ot => "OT",
    }
}

pub fn room_label(room: Room) -> &'static str {
    match room {
        Room::Entrance => "Entrance",
        Room::HallAndStairs => "Hall and stairs",
        Room::LivingRoom => "Living room",
        Room::Kitchen => "Kitchen",
        Room::Bedroom => "Bedroom",
        Room::Bathroom => "Bathroom",
        Room::GardenAndOutside => "Garden and outside",
    }
}

/// "3 agreed, 2 in place, 1 not possible": the statuses that have items.
pub fn status_counts(items: &[WorkplaceItem]) -> String {
    let parts: Vec<String> = STATUSES
        .iter()
        .filter_map(|&s| {
            let n = items.iter().filter(|i| i.status == s).count();
            (n > 0).then(|| format!("{n} {}", status_label(s).to_lowercase()))
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
        .rposition(|w| w.starts <= to && to < w.starts + Duration::days(7));
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

// ---------------------------------------------------------------------------------------------
// The summary file

/// The file name for a summary: `everyday-summary-2026-03-28.json`.
pub fn summary_file_name(s: &Summary) -> String {
    format!("everyday-summary-{}.json", iso_date(s.to))
}

/// Write a summary as its versioned file.
pub fn encode_summary(s: &Summary, at: NaiveDateTime) -> String {
    let envelope = Envelope {
        format: SUMMARY_FORMAT.to_string(),
        version: SUMMARY_VERSION,
        saved_at: Some(at),
        data: s,
    };
    // Compact, like the backup, so the (de)serialising code of the shared record types is
    // shared too. Serialising plain data to a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Read and check a summary file's bytes: size, JSON, format name, version, then every value.
pub fn read_summary(bytes: &[u8]) -> Result<Envelope<Summary>, DecodeError> {
    if bytes.len() > MAX_SUMMARY_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: MAX_SUMMARY_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotJson)?;
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(DecodeError::NotJson),
        Err(_) => {
            return Err(DecodeError::Damaged(
                "it has no Everyday format name or version".into(),
            ))
        }
    };
    if header.format != SUMMARY_FORMAT {
        return Err(DecodeError::WrongFormat {
            found: header.format.chars().take(40).collect(),
        });
    }
    if header.version > SUMMARY_VERSION {
        return Err(DecodeError::NewerVersion {
            found: header.version,
        });
    }
    if header.version == 0 {
        return Err(DecodeError::UnknownOldVersion { found: 0 });
    }
    let envelope: Envelope<Summary> =
        serde_json::from_str(text).map_err(|e| DecodeError::Damaged(e.to_string()))?;
    validate(&envelope.data)?;
    Ok(envelope)
}

fn check_t(t: Option<i32>) -> Result<(), DomainError> {
    if let Some(t) = t {
        check_range("goal score", t.into(), 0, 1000)?;
    }
    Ok(())
}

fn check_score(what: &str, s: &ScoreAt) -> Result<(), DomainError> {
    check_range(what, s.score.into(), 0, 100)
}

/// Every value of a summary within its range, so a damaged or altered file is reported rather
/// than shown.
pub fn validate(s: &Summary) -> Result<(), DomainError> {
    check_text("name", &s.name, MAX_NAME_CHARS)?;
    if s.from > s.to {
        return Err(DomainError::Invalid(
            "The summary's period ends before it starts.".into(),
        ));
    }
    if let Some(t) = &s.talk_about {
        check_text("\"what I want to talk about\" text", t, MAX_TALK_CHARS)?;
    }
    if let Some(g) = &s.goals {
        for t in [g.t_now, g.t_start, g.t_weighted_now, g.t_weighted_start] {
            check_t(t)?;
        }
        for line in &g.goals {
            check_text("goal", &line.title, MAX_ITEM_CHARS)?;
            check_text("goal", &line.sentence, MAX_ITEM_CHARS)?;
            check_range("goal's starting level", line.baseline.into(), -2, -1)?;
            for w in [line.importance, line.difficulty].into_iter().flatten() {
                check_range("goal's importance or difficulty", w.into(), 0, 3)?;
            }
            for l in line.levels.iter().map(|l| l.level).chain(line.before) {
                check_range("goal level", l.into(), -2, 2)?;
            }
            for step in &line.steps {
                check_text("step", &step.title, MAX_ITEM_CHARS)?;
            }
        }
    }
    if let Some(r) = &s.ratings {
        for line in [&r.confidence, &r.self_efficacy, &r.work_ability]
            .into_iter()
            .flatten()
        {
            check_score("score", &line.first)?;
            check_score("score", &line.latest)?;
            check_range("change in score", line.change.into(), -100, 100)?;
        }
    }
    if let Some(o) = &s.outcomes {
        for e in &o.events {
            check_text("reason", &e.reason, MAX_ITEM_CHARS)?;
        }
    }
    let dated = |what: &str, d: NaiveDate| {
        if d > s.to {
            Err(DomainError::Invalid(format!(
                "The summary has {what} dated after its period."
            )))
        } else {
            Ok(())
        }
    };
    if let Some(d) = &s.diary {
        for r in &d.ratings {
            check_range("average rating", r.average.into(), 0, 100)?;
        }
    }
    if let Some(w) = &s.workplace {
        for i in &w.items {
            check_text("workplace item", &i.text, MAX_ITEM_CHARS)?;
            check_text("reason", &i.reason, MAX_ITEM_CHARS)?;
            check_text("note", &i.note, MAX_ITEM_CHARS)?;
        }
        for wk in &w.weeks {
            check_range("hours in a phased return week", wk.hours.into(), 0, 80)?;
            check_range("days in a phased return week", wk.days.into(), 0, 7)?;
        }
    }
    if let Some(h) = &s.home {
        for z in &h.hazards {
            check_text("hazard", &z.hazard, MAX_ITEM_CHARS)?;
            check_text("suggested fix", &z.fix, MAX_ITEM_CHARS)?;
            for a in &z.actions {
                check_text("action", &a.what, MAX_ITEM_CHARS)?;
                dated("an action", a.date)?;
            }
        }
        if let Some(f) = &h.falls {
            dated("a falls self-check", f.date)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The diary as CSV

/// The CSV's column headings.
pub const CSV_HEADINGS: [&str; 14] = [
    "Date",
    "Day marked as",
    "Time",
    "Part of day",
    "Minutes",
    "Area of life",
    "What",
    "Note",
    "Effort or energy (0-10)",
    "Pain or tiredness (0-10)",
    "Mood (0-10)",
    "Achievement (0-10)",
    "Closeness (0-10)",
    "Enjoyment (0-10)",
];

/// Text a spreadsheet could take for a formula ("=", "+", "-", "@" first) starts with an
/// apostrophe, so it shows as the words that were written and never runs.
fn cell_text(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn part_label(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "Morning",
        PartOfDay::Afternoon => "Afternoon",
        PartOfDay::Evening => "Evening",
        PartOfDay::Night => "Night",
    }
}

/// The diary of `from..=to` as rows of cells (without the headings), oldest first: one row per
/// entry, and one row for each marked day with no entries.
pub fn diary_rows(data: &AppData, from: NaiveDate, to: NaiveDate) -> Vec<Vec<String>> {
    let marks: Vec<(NaiveDate, u8)> = data
        .day_marks
        .iter()
        .filter(|m| in_period(m.date, from, to))
        .map(|m| (m.date, day_kind_code(m.kind)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mark_of = |d: NaiveDate| {
        let labels: Vec<&str> = marks
            .iter()
            .filter(|m| m.0 == d)
            .map(|m| ["Unwell", "Holiday", "Rest day"][usize::from(m.1.min(2))])
            .collect();
        labels.join(", ")
    };
    let mut rows: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    let mut entry_days = BTreeSet::new();
    for x in data.diary.iter().filter(|e| in_period(e.date, from, to)) {
        entry_days.insert(x.date);
        let num = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
        let r = &x.ratings;
        rows.push((
            x.date,
            vec![
                iso_date(x.date),
                mark_of(x.date),
                x.time
                    .map(|t| {
                        use chrono::Timelike;
                        format!("{:02}:{:02}", t.hour(), t.minute())
                    })
                    .unwrap_or_default(),
                x.part.map(part_label).unwrap_or_default().to_string(),
                x.minutes.to_string(),
                x.area.label().to_string(),
                cell_text(&x.what),
                cell_text(&x.note),
                num(r.effort),
                num(r.pain),
                num(r.mood),
                num(r.achievement),
                num(r.closeness),
                num(r.enjoyment),
            ],
        ));
    }
    // A marked day with no entries still gets a row, in date order.
    let mut seen = BTreeSet::new();
    for &(d, _) in &marks {
        if !entry_days.contains(&d) && seen.insert(d) {
            let mut row = vec![String::new(); CSV_HEADINGS.len()];
            row[0] = iso_date(d);
            row[1] = mark_of(d);
            rows.push((d, row));
        }
    }
    insertion_sort(&mut rows, |r| r.0);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The diary of `from..=to` as a CSV file: UTF-8 with a byte order mark (so spreadsheets read
/// accented letters correctly), headings first, quoted where needed, CRLF line ends.
pub fn diary_csv(data: &AppData, from: NaiveDate, to: NaiveDate) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(CSV_HEADINGS);
    for row in diary_rows(data, from, to) {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut text = String::from("\u{feff}");
    text.push_str(&String::from_utf8(bytes).unwrap_or_default());
    text
}

/// The file name for the diary CSV: `everyday-diary-2026-03-01-to-2026-03-28.csv`.
pub fn diary_file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("everyday-diary-{}-to-{}.csv", iso_date(from), iso_date(to))
}

// ---------------------------------------------------------------------------------------------
// The OT's caseload across several summaries

/// One person's figures in the caseload table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseloadRow {
    pub name: String,
    pub period: String,
    pub t_now: Option<i32>,
    pub t_start: Option<i32>,
    /// Confidence check-in change, in tenths.
    pub confidence: Option<i32>,
    pub self_efficacy: Option<i32>,
    /// GP appointments a month, in tenths, before and since the OT start.
    pub gp_before: Option<i64>,
    pub gp_since: Option<i64>,
    /// Days off sick and fit notes (asked for and received) in the period.
    pub sick_days: Option<u32>,
    pub fit_notes: Option<u32>,
}

/// "x of y (z%)": a share of people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub of: u32,
    pub out_of: u32,
}

impl Share {
    pub fn percent(&self) -> Option<i64> {
        div_round(i64::from(self.of) * 100, i64::from(self.out_of))
    }

    /// "3 of 4 (75%)", or "no one to count" when there is no one with the figures.
    pub fn words(&self) -> String {
        match self.percent() {
            Some(p) => format!("{} of {} ({p}%)", self.of, self.out_of),
            None => "no one with these figures".into(),
        }
    }
}

/// Totals across people in the service's terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseloadTotals {
    pub people: u32,
    /// Of people with GP rates before and since: fewer a month since, and halved or better.
    pub fewer_gp: Share,
    pub halved_gp: Share,
    /// Average confidence check-in change in tenths, over people with a change.
    pub confidence_average: Option<i64>,
    pub more_confident: Share,
    pub self_efficacy_average: Option<i64>,
    /// Of people with days recorded before and since: any sick days before, and since.
    pub off_sick_before: Share,
    pub off_sick_since: Share,
    /// Fit notes in all the periods, over people who included them.
    pub fit_notes: u32,
    pub sick_days: u32,
    /// Average goal score (tenths) and people at 50 or more.
    pub t_average: Option<i64>,
    pub t_met: Share,
}

/// The caseload table: a row per summary and the totals.
pub fn caseload(summaries: &[Summary]) -> (Vec<CaseloadRow>, CaseloadTotals) {
    let mut rows = Vec::new();
    let mut t = CaseloadTotals {
        people: summaries.len() as u32,
        ..CaseloadTotals::default()
    };
    let (mut conf_sum, mut conf_n, mut se_sum, mut se_n, mut t_sum) =
        (0i64, 0i64, 0i64, 0i64, 0i64);
    for s in summaries {
        let g = s.goals.as_ref();
        let r = s.ratings.as_ref();
        let o = s.outcomes.as_ref();
        let gp = OutcomeKind::GpAppointment;
        let row = CaseloadRow {
            name: if s.name.is_empty() {
                "(no name given)".into()
            } else {
                s.name.clone()
            },
            period: format!("{} to {}", short_date(s.from), short_date(s.to)),
            t_now: g.and_then(|g| g.t_now),
            t_start: g.and_then(|g| g.t_start),
            confidence: r.and_then(|r| r.confidence.as_ref()).map(|c| c.change),
            self_efficacy: r.and_then(|r| r.self_efficacy.as_ref()).map(|c| c.change),
            gp_before: o.and_then(|o| o.before.as_ref()).and_then(|b| b.rate(gp)),
            gp_since: o.and_then(|o| o.since.as_ref()).and_then(|b| b.rate(gp)),
            sick_days: o.map(|o| o.counts[1]),
            fit_notes: o.map(|o| o.counts[2] + o.counts[3]),
        };
        // Shares compare exact rates (events x days), not the rounded tenths.
        if let Some((b, n)) = o.and_then(|o| Some((o.before.as_ref()?, o.since.as_ref()?))) {
            if b.days > 0 && n.days > 0 {
                let before = u64::from(b.counts[0]) * u64::from(n.days);
                let since = u64::from(n.counts[0]) * u64::from(b.days);
                if b.counts[0] > 0 {
                    t.fewer_gp.out_of += 1;
                    t.halved_gp.out_of += 1;
                    t.fewer_gp.of += u32::from(since < before);
                    t.halved_gp.of += u32::from(since * 2 <= before);
                }
                t.off_sick_before.out_of += 1;
                t.off_sick_since.out_of += 1;
                t.off_sick_before.of += u32::from(b.counts[1] > 0);
                t.off_sick_since.of += u32::from(n.counts[1] > 0);
            }
        }
        if let Some(c) = row.confidence {
            conf_sum += i64::from(c);
            conf_n += 1;
            t.more_confident.out_of += 1;
            t.more_confident.of += u32::from(c > 0);
        }
        if let Some(c) = row.self_efficacy {
            se_sum += i64::from(c);
            se_n += 1;
        }
        if let Some(now) = row.t_now {
            t_sum += i64::from(now);
            t.t_met.out_of += 1;
            t.t_met.of += u32::from(now >= 500);
        }
        t.sick_days += row.sick_days.unwrap_or(0);
        t.fit_notes += row.fit_notes.unwrap_or(0);
        rows.push(row);
    }
    t.confidence_average = div_round(conf_sum, conf_n);
    t.self_efficacy_average = div_round(se_sum, se_n);
    t.t_average = div_round(t_sum, i64::from(t.t_met.out_of));
    (rows, t)
}

/// A change in tenths with its sign: "+1.5", "-2", "0".
pub fn signed_tenths(tenths: i64) -> String {
    let sign = if tenths > 0 { "+" } else { "" };
    format!("{sign}{}", measures::tenths_text(tenths))
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
