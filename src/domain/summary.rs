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

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::activity::{DayKind, LifeArea, PartOfDay};
use super::checklists::{FallsCheck, HazardCheck, PhasedReturnWeek, WorkplaceItem};
use super::dates::{add_days, iso_date, long_date, short_date};
use super::envelope::{DecodeError, Envelope};
use super::goals::{self, latest_level, GoalStatus, ProgressRecord};
use super::home_safety;
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
        PeriodChoice::LastFourWeeks => Ok((add_days(today, -27), today)),
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

    /// Why there is a goal score but no weighted one (every weight 0, or a weight missing), in
    /// the Goals page's words; `None` when there is a weighted score or no score at all.
    pub fn weighted_not_scored(&self) -> Option<goals::NotScored> {
        if self.t_now.is_none() || self.t_weighted_now.is_some() {
            return None;
        }
        // The goals scored at the end of the period, as `goals::review` picks them.
        self.goals
            .iter()
            .filter(|l| l.status != GoalStatus::Archived)
            .filter_map(|l| l.level_now().map(|level| (l, level)))
            .map(|(l, level)| match (l.importance, l.difficulty) {
                (Some(i), Some(d)) => goals::goal_weight(i, d).map(|w| (level, w)),
                _ => Err(goals::NotScored::WeightsMissing),
            })
            .collect::<Result<Vec<_>, _>>()
            .and_then(|weighted| goals::t_score(&weighted))
            .err()
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

    /// The one name of each rating, from the diary's own (`RatingKind::label`).
    pub fn label(self) -> &'static str {
        use super::diary::RatingKind;
        match self {
            DiaryRating::Effort => RatingKind::Effort.label(),
            DiaryRating::Pain => RatingKind::Pain.label(),
            DiaryRating::Mood => RatingKind::Mood.label(),
            DiaryRating::Achievement => RatingKind::Achievement.label(),
            DiaryRating::Closeness => RatingKind::Closeness.label(),
            DiaryRating::Enjoyment => RatingKind::Enjoyment.label(),
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

/// The points of a falls self-check, scored as the falls page scores it (some statements count
/// two points).
pub fn falls_points(check: &FallsCheck) -> u32 {
    u32::from(home_safety::falls_total(&check.answers))
}

/// "4 of 14 points. ..." for the sheet: the points as the falls page gives them, and the advice
/// the person was given.
pub fn falls_words(check: &FallsCheck) -> String {
    let points = falls_points(check);
    let advice = if points >= u32::from(home_safety::FALLS_TALK_AT) {
        format!(
            "With {} or more points, the check advised talking to the GP or OT about falls.",
            home_safety::FALLS_TALK_AT
        )
    } else {
        format!(
            "Under {} points: the check did not advise talking to anyone about falls.",
            home_safety::FALLS_TALK_AT
        )
    };
    format!("{points} of {} points. {advice}", home_safety::falls_max())
}

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
// Words, the file, the CSV and the caseload, each in its own file

mod caseload;
mod diary_csv;
mod file;
mod words;

pub use caseload::*;
pub use diary_csv::*;
pub use file::*;
pub use words::*;

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
