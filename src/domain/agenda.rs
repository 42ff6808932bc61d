//! Today's agenda: what is due today and soon, worked out from the person's data and today's
//! date, in order, each with where it is done and a stable key (so it can be put off until
//! tomorrow or dismissed); and the same schedule as calendar events for the `.ics` file.
//!
//! Rules:
//! - Goal steps: the steps of [`goals::tasks_for_day`] (the rules the Goals page uses).
//! - Measures the OT's plans ask for ([`PlanMeasureItem`]): every day (not done that day), once
//!   a week (not done since Monday), every 4 weeks or every 3 months (never done, or that long
//!   since the last time: "at the start, then every n"), or once before the review (not done
//!   in the [`REVIEW_SOON_DAYS`] before it). A measure done today is listed as done.
//! - The next review with the OT (the earliest review date on or after today, from the plans or
//!   the one the person entered), from [`REVIEW_SOON_DAYS`] days before it, with a prompt to
//!   make the summary.
//! - A phased-return week starting this week (Monday to Sunday) and not yet ticked off;
//!   workplace adjustments (and the plan) whose review date has come; home-safety hazards that
//!   apply with nothing done about them yet, one item per room; a backup once one is worth
//!   making (`backup::backup_is_due`: enough records and days, or something new since an old one).
//! - A day marked unwell, on holiday or a rest day keeps only the review: everything else is
//!   listed as able to wait.
//! - Keys carry the occurrence (the week, the due date), so putting off or dismissing this
//!   week's questionnaire does not dismiss next week's.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::activity::DayKind;
use super::backup::backup_is_due;
use super::dates::{iso_date, long_date, weekday_date};
use super::goals::{task_day, tasks_for_day, TaskFrequency};
use super::ics::{CalendarEvent, EventTime, Repeat};
use super::ids::{GoalId, TaskId};
use super::plan::{MeasureWhen, PlanMeasure, PlanMeasureItem};
use super::state::{AppData, DomainError};

/// The review shows this many days before it; "once before the review" measures fall due then.
pub const REVIEW_SOON_DAYS: i64 = 7;
/// The most dismissed keys kept (the oldest go first; a key names one occurrence, so an old
/// one is never needed again).
pub const MAX_DISMISSED: usize = 200;
/// The longest key a command may name.
pub const MAX_KEY_CHARS: usize = 80;
/// When measure reminders go off in the calendar, unless the person chose a diary time.
pub const MEASURE_REMINDER: (u32, u32) = (9, 0);

/// An item put off until a day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PutOff {
    pub key: String,
    pub until: NaiveDate,
}

/// What the person chose about the agenda and reminders (kept in settings, all additive).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaChoices {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub put_off: Vec<PutOff>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<String>,
    /// The time of the daily diary reminder in the calendar, if the person chose one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diary_reminder: Option<NaiveTime>,
}

impl AgendaChoices {
    pub fn is_default(&self) -> bool {
        self == &AgendaChoices::default()
    }
}

/// A change to the agenda choices. Items are named by their key, never by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgendaCommand {
    /// "Not today": hidden until `until` (tomorrow).
    PutOff {
        key: String,
        until: NaiveDate,
    },
    Dismiss {
        key: String,
    },
    /// Undo a put-off or a dismissal.
    Restore {
        key: String,
    },
    SetDiaryReminder(Option<NaiveTime>),
}

fn check_key(key: &str) -> Result<(), DomainError> {
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        Err(DomainError::Invalid(
            "That item could not be found. Your records are safe.".into(),
        ))
    } else {
        Ok(())
    }
}

pub fn apply(data: &mut AppData, command: AgendaCommand) -> Result<(), DomainError> {
    let c = &mut data.settings.agenda;
    match command {
        AgendaCommand::PutOff { key, until } => {
            check_key(&key)?;
            // Put-offs that have run out are no longer needed.
            c.put_off
                .retain(|p| p.key != key && p.until > super::dates::add_days(until, -1));
            c.put_off.push(PutOff { key, until });
        }
        AgendaCommand::Dismiss { key } => {
            check_key(&key)?;
            if !c.dismissed.contains(&key) {
                c.dismissed.push(key);
            }
            let over = c.dismissed.len().saturating_sub(MAX_DISMISSED);
            c.dismissed.drain(..over);
        }
        AgendaCommand::Restore { key } => {
            c.put_off.retain(|p| p.key != key);
            c.dismissed.retain(|k| *k != key);
        }
        AgendaCommand::SetDiaryReminder(t) => c.diary_reminder = t,
    }
    Ok(())
}

/// Check stored agenda choices (from a backup or storage).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    let c = &data.settings.agenda;
    if c.dismissed.len() > MAX_DISMISSED || c.put_off.len() > MAX_DISMISSED {
        return Err(DomainError::Invalid(
            "There are too many put-off or dismissed reminders.".into(),
        ));
    }
    for k in c.dismissed.iter().chain(c.put_off.iter().map(|p| &p.key)) {
        check_key(k)?;
    }
    Ok(())
}

/// What an item is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaKind {
    Review,
    Step,
    Measure(PlanMeasure),
    PhasedReturn,
    Workplace,
    HomeSafety,
    Backup,
}

impl AgendaKind {
    /// Order among items due the same day.
    fn rank(self) -> u8 {
        match self {
            AgendaKind::Review => 0,
            AgendaKind::Step => 1,
            AgendaKind::Measure(_) => 2,
            AgendaKind::PhasedReturn => 3,
            AgendaKind::Workplace => 4,
            AgendaKind::HomeSafety => 5,
            AgendaKind::Backup => 6,
        }
    }
}

/// Where an item is done (the page; the app's route table turns it into a path).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaLink {
    Goal(GoalId),
    Measure(PlanMeasure),
    Summary,
    PhasedReturn,
    Workplace,
    HomeRoom(super::checklists::Room),
    Settings,
}

/// One thing due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaItem {
    pub key: String,
    pub kind: AgendaKind,
    pub title: String,
    pub detail: String,
    /// The words of the link to where it is done.
    pub action: String,
    pub link: AgendaLink,
    /// When it fell (or falls) due.
    pub due: NaiveDate,
    /// For a goal step: which one.
    pub step: Option<(GoalId, TaskId)>,
}

/// Today's agenda.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Due today and soon, in order.
    pub due: Vec<AgendaItem>,
    /// On a marked day: what can wait.
    pub quiet: Vec<AgendaItem>,
    /// Done today (steps ticked, measures done).
    pub done: Vec<AgendaItem>,
    /// The goal steps to show on Today (due or done today, in the Goals page's order), less
    /// any put off or dismissed; on a marked day they are among the things that can wait.
    pub steps: Vec<(GoalId, TaskId)>,
    /// Put off until a later day, or dismissed.
    pub hidden: usize,
    /// Why today is quiet, if it is.
    pub marked: Option<DayKind>,
}

fn monday_of(date: NaiveDate) -> NaiveDate {
    super::dates::add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// The next review with the OT on or after `today`: the earliest of the review dates the
/// plans carry and the one in settings.
pub fn next_review(data: &AppData, today: NaiveDate) -> Option<NaiveDate> {
    review_dates(data).filter(|d| *d >= today).min()
}

/// The last review with the OT before `today`: the latest of the date the person entered and
/// the review dates the plans carry that have passed. "Since the last review" starts there.
pub fn last_review(data: &AppData, today: NaiveDate) -> Option<NaiveDate> {
    let from_plans = review_dates(data).filter(|d| *d < today).max();
    match (data.settings.last_review, from_plans) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn review_dates(data: &AppData) -> impl Iterator<Item = NaiveDate> + '_ {
    data.settings
        .next_review
        .into_iter()
        .chain(data.plans.iter().filter_map(|p| p.plan.next_review))
}

/// The measures the person's plans ask for, one per measure (a later plan's choice wins).
pub fn asked_measures(data: &AppData) -> Vec<PlanMeasureItem> {
    let mut out: Vec<PlanMeasureItem> = Vec::new();
    for p in data.plans.iter().rev() {
        for m in &p.plan.measures {
            if !out.iter().any(|o| o.measure == m.measure) {
                out.push(m.clone());
            }
        }
    }
    // One item per measure and ALL lists each measure once: the keys are distinct.
    out.sort_unstable_by_key(|m| PlanMeasure::ALL.iter().position(|a| *a == m.measure));
    out
}

/// The days a measure was done on (any order).
fn done_dates(data: &AppData, measure: PlanMeasure) -> Vec<NaiveDate> {
    match measure {
        PlanMeasure::Confidence => data.ratings.confidence.iter().map(|c| c.date).collect(),
        PlanMeasure::SelfEfficacy => data.ratings.self_efficacy.iter().map(|c| c.date).collect(),
        PlanMeasure::WorkAbility => data.ratings.work_ability.iter().map(|c| c.date).collect(),
        PlanMeasure::Events => data.outcomes.iter().map(|o| o.date).collect(),
        PlanMeasure::Falls => data
            .home_safety
            .falls_checks
            .iter()
            .map(|c| c.date)
            .collect(),
    }
}

/// When a measure is next due, as of `today`, from the days it was done: `(due date, the
/// occurrence's key part)`. A due date on or before today means it is due now.
pub fn measure_next_due(
    when: MeasureWhen,
    dates: &[NaiveDate],
    today: NaiveDate,
    review: Option<NaiveDate>,
) -> Option<(NaiveDate, String)> {
    let last = dates.iter().filter(|d| **d <= today).max().copied();
    let done_since = |from: NaiveDate| last.is_some_and(|d| d >= from);
    match when {
        MeasureWhen::Daily => {
            let day = if done_since(today) {
                super::dates::add_days(today, 1)
            } else {
                today
            };
            Some((day, iso_date(day)))
        }
        MeasureWhen::Weekly => {
            let monday = monday_of(today);
            let week = if done_since(monday) {
                super::dates::add_days(monday, 7)
            } else {
                monday
            };
            Some((week, format!("w{}", iso_date(week))))
        }
        MeasureWhen::EveryFourWeeks | MeasureWhen::EveryThreeMonths => match last {
            None => Some((today, "start".into())),
            Some(l) => {
                let next = if when == MeasureWhen::EveryFourWeeks {
                    super::dates::add_days(l, 28)
                } else {
                    l.checked_add_months(Months::new(3))?
                };
                Some((next, iso_date(next)))
            }
        },
        MeasureWhen::BeforeReview => {
            let r = review?;
            let window = super::dates::add_days(r, -REVIEW_SOON_DAYS);
            if done_since(window) && today >= window {
                return None;
            }
            Some((window, format!("r{}", iso_date(r))))
        }
    }
}

fn measure_action(m: PlanMeasure) -> &'static str {
    match m {
        PlanMeasure::Confidence => "Do the check-in",
        PlanMeasure::SelfEfficacy => "Answer the questionnaire",
        PlanMeasure::WorkAbility => "Give your work ability score",
        PlanMeasure::Events => "Add any GP appointments, sick days or fit notes",
        PlanMeasure::Falls => "Do the falls self-check",
    }
}

fn measure_why(when: MeasureWhen) -> &'static str {
    match when {
        MeasureWhen::Daily => "Your OT asked for this every day.",
        MeasureWhen::Weekly => "Your OT asked for this once a week.",
        MeasureWhen::EveryFourWeeks => "Your OT asked for this at the start, then every 4 weeks.",
        MeasureWhen::EveryThreeMonths => {
            "Your OT asked for this at the start, then every 3 months."
        }
        MeasureWhen::BeforeReview => "Your OT asked for this before your review.",
    }
}

fn days_words(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "today".into(),
        1 => "tomorrow".into(),
        _ => format!("on {}", weekday_date(date)),
    }
}

/// Work out the agenda for `now` (the local date and time).
pub fn agenda(data: &AppData, now: NaiveDateTime) -> Agenda {
    let today = now.date();
    let mut all: Vec<AgendaItem> = Vec::new();
    let mut done: Vec<AgendaItem> = Vec::new();

    // The review.
    let review = next_review(data, today);
    if let Some(r) = review {
        if (r - today).num_days() <= REVIEW_SOON_DAYS {
            all.push(AgendaItem {
                key: format!("review:{}", iso_date(r)),
                kind: AgendaKind::Review,
                title: format!("Your review with your OT is {}", days_words(r, today)),
                detail: "Make a summary of how things have gone to take with you.".into(),
                action: "Make a summary for your OT".into(),
                link: AgendaLink::Summary,
                due: r,
                step: None,
            });
        }
    }

    // Goal steps, by the Goals page's own rules.
    let day_steps = tasks_for_day(&data.goals, today);
    for &(gid, tid) in &day_steps {
        let Some(goal) = data.goals.iter().find(|g| g.id == gid) else {
            continue;
        };
        let Some(task) = goal.task(tid) else {
            continue;
        };
        let day = task_day(task, today);
        let occurrence = match task.frequency {
            TaskFrequency::Once => String::new(),
            TaskFrequency::Daily => format!(":{}", iso_date(today)),
            TaskFrequency::Weekly { .. } => format!(":w{}", iso_date(monday_of(today))),
        };
        let item = AgendaItem {
            key: format!("step:{}:{}{occurrence}", gid.0, tid.0),
            kind: AgendaKind::Step,
            title: task.title.clone(),
            detail: format!("For your goal: {}", goal.title()),
            action: "Go to the goal".into(),
            link: AgendaLink::Goal(gid),
            due: today,
            step: Some((gid, tid)),
        };
        if day.due {
            all.push(item);
        } else {
            done.push(item);
        }
    }

    // Measures the plans ask for.
    for m in asked_measures(data) {
        let dates = done_dates(data, m.measure);
        if dates.contains(&today) {
            done.push(AgendaItem {
                key: format!("measure:{}:{}", m.measure.code(), iso_date(today)),
                kind: AgendaKind::Measure(m.measure),
                title: m.measure.label().to_string(),
                detail: "Done today.".into(),
                action: measure_action(m.measure).into(),
                link: AgendaLink::Measure(m.measure),
                due: today,
                step: None,
            });
        }
        if let Some((due, part)) = measure_next_due(m.when, &dates, today, review) {
            if due <= today {
                all.push(AgendaItem {
                    key: format!("measure:{}:{part}", m.measure.code()),
                    kind: AgendaKind::Measure(m.measure),
                    title: m.measure.label().to_string(),
                    detail: measure_why(m.when).into(),
                    action: measure_action(m.measure).into(),
                    link: AgendaLink::Measure(m.measure),
                    due,
                    step: None,
                });
            }
        }
    }

    // The phased-return week that starts this week.
    let monday = monday_of(today);
    let weeks = &data.workplace.phased_return;
    for (i, w) in weeks.iter().enumerate() {
        if w.done || w.starts < monday || w.starts > super::dates::add_days(monday, 6) {
            continue;
        }
        let starts = if w.starts == today {
            "starts today".to_string()
        } else if w.starts < today {
            format!("started {}", days_words(w.starts, today))
        } else {
            format!("starts {}", days_words(w.starts, today))
        };
        all.push(AgendaItem {
            key: format!("return:{}", iso_date(w.starts)),
            kind: AgendaKind::PhasedReturn,
            title: format!(
                "Week {} of {} of your phased return {starts}",
                i + 1,
                weeks.len()
            ),
            detail: format!(
                "{}{}.",
                w.week_hours().words(),
                if w.days > 0 {
                    format!(" over {} days", w.days)
                } else {
                    String::new()
                }
            ),
            action: "See your phased return".into(),
            link: AgendaLink::PhasedReturn,
            due: w.starts,
            step: None,
        });
    }

    // Workplace reviews that have come.
    let wp = &data.workplace;
    if let Some(r) = wp.review.filter(|r| *r <= today) {
        all.push(AgendaItem {
            key: format!("workplan:{}", iso_date(r)),
            kind: AgendaKind::Workplace,
            title: "Time to review your workplace plan".into(),
            detail: format!("Its review date was {}.", long_date(r)),
            action: "Look at your workplace plan".into(),
            link: AgendaLink::Workplace,
            due: r,
            step: None,
        });
    }
    for item in &wp.items {
        let Some(r) = item.review.filter(|r| *r <= today) else {
            continue;
        };
        all.push(AgendaItem {
            key: format!("work:{}:{}", item.id.0, iso_date(r)),
            kind: AgendaKind::Workplace,
            title: format!("Review: {}", item.text),
            detail: format!(
                "{}. Its review date was {}.",
                item.status.label(),
                long_date(r)
            ),
            action: "Look at your workplace plan".into(),
            link: AgendaLink::Workplace,
            due: r,
            step: None,
        });
    }

    // Home-safety actions still to do, one item per room.
    for room in super::home_safety::ROOMS {
        let todo: Vec<_> = data
            .home_safety
            .hazards
            .iter()
            .filter(|h| h.room == room && h.applies && h.actions.is_empty())
            .collect();
        let Some(first) = todo.first() else {
            continue;
        };
        let n = todo.len();
        all.push(AgendaItem {
            key: format!("home:{}:{n}", room.code()),
            kind: AgendaKind::HomeSafety,
            title: format!(
                "Home safety, {}: {n} {} still to do",
                room.label().to_ascii_lowercase(),
                if n == 1 { "thing" } else { "things" }
            ),
            detail: if first.fix.is_empty() {
                first.hazard.clone()
            } else {
                format!("{}: {}", first.hazard, first.fix)
            },
            action: "Go to the room".into(),
            link: AgendaLink::HomeRoom(room),
            due: today,
            step: None,
        });
    }

    // A backup, once one is worth making (the rule is `backup::backup_is_due`).
    if backup_is_due(data, now) {
        let last = data.settings.last_backup.map(|b| b.date());
        all.push(AgendaItem {
            key: format!("backup:{}", last.map_or("never".into(), iso_date)),
            kind: AgendaKind::Backup,
            title: "Make a backup".into(),
            detail: match last {
                Some(d) => format!(
                    "Your last backup was on {}, and you have added things since.",
                    long_date(d)
                ),
                None => "You have not made a backup yet. It keeps your records safe if this phone is lost or reset.".into(),
            },
            action: "Make a backup in Settings".into(),
            link: AgendaLink::Settings,
            due: today,
            step: None,
        });
    }

    // Put off and dismissed.
    let c = &data.settings.agenda;
    let before = all.len();
    all.retain(|i| {
        !c.dismissed.contains(&i.key)
            && !c.put_off.iter().any(|p| p.key == i.key && p.until > today)
    });
    let hidden = before - all.len();
    let shown = |i: &&AgendaItem| {
        !c.dismissed.contains(&i.key)
            && !c.put_off.iter().any(|p| p.key == i.key && p.until > today)
    };
    let mut steps: Vec<(GoalId, TaskId)> = Vec::new();
    for i in all.iter().chain(done.iter().filter(shown)) {
        if let Some(s) = i.step {
            steps.push(s);
        }
    }
    // Back to the Goals page's order (due and done ones were collected apart). Every step is
    // one of `day_steps`, so the keys are distinct and an unstable sort gives the same order.
    steps.sort_unstable_by_key(|s| day_steps.iter().position(|o| o == s));

    // The review first (it is shown only in the week before it), then today's (anything
    // overdue counts as today), then what is coming soon; the same day by kind; stable.
    all.sort_by_key(|i| {
        let day = if i.kind == AgendaKind::Review {
            today
        } else {
            i.due.max(today)
        };
        (day, i.kind.rank())
    });

    let marked = data
        .day_marks
        .iter()
        .find(|m| m.date == today)
        .map(|m| m.kind);
    let (due, quiet) = if marked.is_some() {
        all.into_iter().partition(|i| i.kind == AgendaKind::Review)
    } else {
        (all, Vec::new())
    };
    Agenda {
        due,
        quiet,
        done,
        steps,
        hidden,
        marked,
    }
}

/// The calendar events for the person's reminders, as of `today`: the next review, each
/// measure the plans ask for (repeating as asked), each phased-return week from this week on,
/// and the daily diary reminder if a time was chosen.
pub fn reminder_events(data: &AppData, today: NaiveDate) -> Vec<CalendarEvent> {
    let mut out = Vec::new();
    let review = next_review(data, today);
    if let Some(r) = review {
        out.push(CalendarEvent {
            key: "review".into(),
            summary: "Review with your OT".into(),
            description: "Before it, open Everyday and make a summary of how things have gone to take with you.".into(),
            time: EventTime::Day(r),
            repeat: None,
            // 09:00 three days before, and 09:00 the day before.
            alarms_before: vec![2 * 1440 + 15 * 60, 15 * 60],
        });
    }
    let (h, m) = MEASURE_REMINDER;
    let at = NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
    for item in asked_measures(data) {
        let dates = done_dates(data, item.measure);
        let Some((due, _)) = measure_next_due(item.when, &dates, today, review) else {
            continue;
        };
        let start = due.max(today);
        let repeat = match item.when {
            MeasureWhen::Daily => Some(Repeat::Daily),
            MeasureWhen::Weekly => Some(Repeat::Weeks(1)),
            MeasureWhen::EveryFourWeeks => Some(Repeat::Weeks(4)),
            MeasureWhen::EveryThreeMonths => Some(Repeat::Months(3)),
            MeasureWhen::BeforeReview => None,
        };
        out.push(CalendarEvent {
            key: format!("measure-{}", item.measure.code()),
            summary: item.measure.label().to_string(),
            description: format!(
                "{} {} in Everyday.",
                measure_why(item.when),
                measure_action(item.measure)
            ),
            time: EventTime::At(start.and_time(at), 15),
            repeat,
            alarms_before: vec![0],
        });
    }
    let weeks = &data.workplace.phased_return;
    let monday = monday_of(today);
    for (i, w) in weeks.iter().enumerate() {
        if w.starts < monday || w.done {
            continue;
        }
        out.push(CalendarEvent {
            key: format!("return-week-{}", i + 1),
            summary: format!("Phased return: week {} of {} starts", i + 1, weeks.len()),
            description: format!("{} this week.", w.week_hours().words()),
            time: EventTime::Day(w.starts),
            repeat: None,
            // 18:00 the evening before.
            alarms_before: vec![6 * 60],
        });
    }
    if let Some(t) = data.settings.agenda.diary_reminder {
        out.push(CalendarEvent {
            key: "diary".into(),
            summary: "Fill in your Everyday diary".into(),
            description: "A minute to note what you did today.".into(),
            time: EventTime::At(today.and_time(t), 15),
            repeat: Some(Repeat::Daily),
            alarms_before: vec![0],
        });
    }
    out
}

/// The calendar file's name.
pub const CALENDAR_FILE: &str = "everyday-reminders.ics";

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
