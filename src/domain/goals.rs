//! Goals: the four-part SMART goal, its steps, progress records and attainment levels.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::ids::{GoalId, TaskId};
use super::state::{check_range, check_text, AppData, DomainError, MAX_TEXT_CHARS};

/// Where a record came from: the person, or their occupational therapist's plan.
/// (Externally tagged, like every enum stored here: internally tagged and flattened enums make
/// serde generate far more code, all of which ships to the phone.)
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Me,
    Ot {
        /// The plan the item arrived in.
        plan: String,
        /// The item's key inside that plan, so an updated plan updates the same item.
        key: String,
    },
}

impl Source {
    pub fn is_me(&self) -> bool {
        matches!(self, Source::Me)
    }
}

/// Where a goal is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Paused,
    Completed,
    Archived,
}

/// What each Goal Attainment Scaling level would look like for this goal, in the person's words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttainmentLevels {
    #[serde(default)]
    pub much_less: String,
    #[serde(default)]
    pub somewhat_less: String,
    #[serde(default)]
    pub expected: String,
    #[serde(default)]
    pub somewhat_more: String,
    #[serde(default)]
    pub much_more: String,
}

/// How often a task is meant to be done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskFrequency {
    /// Once, then it is done.
    #[default]
    Once,
    Daily,
    /// A number of times a week.
    Weekly {
        times: u8,
    },
}

/// One time a task was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskCompletion {
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A step or task that moves a goal on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalTask {
    pub id: TaskId,
    pub title: String,
    #[serde(default)]
    pub frequency: TaskFrequency,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<TaskCompletion>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub dropped: bool,
    #[serde(default, skip_serializing_if = "Source::is_me")]
    pub source: Source,
}

/// The level reached on a given day, with a note. Never overwritten: history is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressRecord {
    pub date: NaiveDate,
    /// Goal Attainment Scaling level, -2 to +2.
    pub level: i8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// An optional 1 to 10 re-rating of importance, performance and satisfaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRating {
    pub date: NaiveDate,
    pub importance: u8,
    pub performance: u8,
    pub satisfaction: u8,
}

/// A SMART goal built from four parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    /// What I want to do.
    pub activity: String,
    /// The help I need.
    #[serde(default)]
    pub support: String,
    /// How much or how well.
    #[serde(default)]
    pub amount: String,
    /// By when.
    #[serde(default)]
    pub by_when: Option<NaiveDate>,
    #[serde(default)]
    pub levels: AttainmentLevels,
    /// The level at the start: -1 (some ability already) or -2.
    pub baseline: i8,
    /// Importance to the person, 0 to 3, for weighting.
    #[serde(default)]
    pub importance: Option<u8>,
    /// Difficulty judged by the therapist, 0 to 3, for weighting.
    #[serde(default)]
    pub difficulty: Option<u8>,
    #[serde(default)]
    pub status: GoalStatus,
    pub created: NaiveDate,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<GoalTask>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<GoalRating>,
    #[serde(default, skip_serializing_if = "Source::is_me")]
    pub source: Source,
}

// ---------------------------------------------------------------------------------------------
// Wording, the four-part goal builder, commands, summaries and Goal Attainment Scaling.

/// The longest a goal part, level description or step title can be.
pub const MAX_PART_CHARS: usize = 300;

/// A level in the person's own words, as their pages show it (no numbers): "What I expected",
/// "A bit better than I expected".
pub fn level_label(level: i8) -> &'static str {
    match level {
        -2 => "Much less than I expected",
        -1 => "A bit less than I expected",
        0 => "What I expected",
        1 => "A bit better than I expected",
        2 => "Much better than I expected",
        _ => "Not a level",
    }
}

/// The Goal Attainment Scaling level's meaning, as the OT's sheet shows it beside the number
/// (the person's pages use [`level_label`]).
pub fn level_name(level: i8) -> &'static str {
    match level {
        -2 => "Much less than expected",
        -1 => "A bit less than expected",
        0 => "What I expected",
        1 => "A bit more than expected",
        2 => "Much more than expected",
        _ => "Not a level",
    }
}

/// The level as a signed number: "+1", "0", "-2".
pub fn level_number(level: i8) -> &'static str {
    match level {
        -2 => "-2",
        -1 => "-1",
        0 => "0",
        1 => "+1",
        2 => "+2",
        _ => "?",
    }
}

impl AttainmentLevels {
    /// What the person said this level would look like (may be empty).
    pub fn describe(&self, level: i8) -> &str {
        match level {
            -2 => &self.much_less,
            -1 => &self.somewhat_less,
            0 => &self.expected,
            1 => &self.somewhat_more,
            2 => &self.much_more,
            _ => "",
        }
    }

    fn trimmed(self) -> AttainmentLevels {
        AttainmentLevels {
            much_less: self.much_less.trim().to_string(),
            somewhat_less: self.somewhat_less.trim().to_string(),
            expected: self.expected.trim().to_string(),
            somewhat_more: self.somewhat_more.trim().to_string(),
            much_more: self.much_more.trim().to_string(),
        }
    }
}

impl GoalStatus {
    /// The status in the person's words.
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "Working on it",
            GoalStatus::Paused => "On hold",
            GoalStatus::Completed => "Done",
            GoalStatus::Archived => "Put away",
        }
    }
}

impl TaskFrequency {
    /// "Once", "Every day", "3 times a week".
    pub fn label(self) -> String {
        match self {
            TaskFrequency::Once => "Once".into(),
            TaskFrequency::Daily => "Every day".into(),
            TaskFrequency::Weekly { times: 1 } => "Once a week".into(),
            TaskFrequency::Weekly { times: 2 } => "Twice a week".into(),
            TaskFrequency::Weekly { times } => format!("{times} times a week"),
        }
    }
}

/// Words that can start "the help I need" as written; anything else gets "with" in front.
const SUPPORT_STARTS: [&str; 16] = [
    "with", "using", "by", "on", "in", "at", "after", "before", "when", "if", "without", "from",
    "through", "and", "while", "once",
];

/// A part of a goal made ready to sit inside a sentence: trimmed, no full stop at the end,
/// no "I will" in front, and a capital that only started the part made small ("Walk" but
/// not "NHS" or "I").
fn phrase(part: &str) -> String {
    let mut p = part.trim().trim_end_matches(['.', ' ']);
    for prefix in ["i will ", "i want to ", "i would like to ", "to "] {
        if p.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            p = p[prefix.len()..].trim_start();
        }
    }
    let mut chars = p.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            super::case::lower_first(p)
        }
        _ => p.to_string(),
    }
}

/// The goal as one readable sentence: "I will walk to the corner shop with my stick, three
/// times a week, by 24 November 2026." Missing parts are left out (the activity is shown as
/// a gap to fill).
pub fn goal_sentence(
    activity: &str,
    support: &str,
    amount: &str,
    by_when: Option<NaiveDate>,
) -> String {
    let activity = phrase(activity);
    let mut s = String::from("I will ");
    if activity.is_empty() {
        s.push_str("(what you want to do)");
    } else {
        s.push_str(&activity);
    }
    let support = phrase(support);
    if !support.is_empty() {
        let first = support.split_whitespace().next().unwrap_or_default();
        let linked = SUPPORT_STARTS.iter().any(|w| first.eq_ignore_ascii_case(w));
        s.push_str(if linked { " " } else { " with " });
        s.push_str(&support);
    }
    let amount = phrase(amount);
    if !amount.is_empty() {
        s.push_str(", ");
        s.push_str(&amount);
    }
    if let Some(date) = by_when {
        s.push_str(", by ");
        s.push_str(&super::dates::long_date(date));
    }
    s.push('.');
    s
}

impl Goal {
    /// The goal as one readable sentence.
    pub fn sentence(&self) -> String {
        goal_sentence(&self.activity, &self.support, &self.amount, self.by_when)
    }

    /// A short name for lists: what the person wants to do, starting with a capital.
    pub fn title(&self) -> String {
        let p = phrase(&self.activity);
        if p.is_empty() {
            self.sentence()
        } else {
            super::case::upper_first(&p)
        }
    }

    /// A step of this goal.
    pub fn task(&self, id: TaskId) -> Option<&GoalTask> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// Steps still in use (not removed), in the order they were added.
    pub fn current_tasks(&self) -> impl Iterator<Item = &GoalTask> {
        self.tasks.iter().filter(|t| !t.dropped)
    }
}

/// Everything the person writes when setting or changing a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalDraft {
    pub activity: String,
    pub support: String,
    pub amount: String,
    pub by_when: Option<NaiveDate>,
    pub levels: AttainmentLevels,
    /// -1 (some ability already) or -2 (cannot do it yet).
    pub baseline: i8,
    pub importance: Option<u8>,
    pub difficulty: Option<u8>,
}

impl Default for GoalDraft {
    fn default() -> Self {
        GoalDraft {
            activity: String::new(),
            support: String::new(),
            amount: String::new(),
            by_when: None,
            levels: AttainmentLevels::default(),
            baseline: -1,
            importance: None,
            difficulty: None,
        }
    }
}

impl GoalDraft {
    /// The draft of an existing goal, to change part of it.
    pub fn from_goal(goal: &Goal) -> GoalDraft {
        GoalDraft {
            activity: goal.activity.clone(),
            support: goal.support.clone(),
            amount: goal.amount.clone(),
            by_when: goal.by_when,
            levels: goal.levels.clone(),
            baseline: goal.baseline,
            importance: goal.importance,
            difficulty: goal.difficulty,
        }
    }

    pub fn sentence(&self) -> String {
        goal_sentence(&self.activity, &self.support, &self.amount, self.by_when)
    }

    /// Gentle warnings for the parts not filled in. A goal can be saved without them.
    pub fn missing_parts(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.activity.trim().is_empty() {
            missing.push("You have not said what you want to do.");
        }
        if self.support.trim().is_empty() {
            missing.push(
                "You have not said what help you need. If you need none, you could write \"on my own\".",
            );
        }
        if self.amount.trim().is_empty() {
            missing.push("You have not said how much or how well.");
        }
        if self.by_when.is_none() {
            missing.push("You have not said by when.");
        }
        missing
    }

    /// The draft tidied and checked, or the reason it cannot be saved.
    fn checked(self) -> Result<GoalDraft, DomainError> {
        let draft = GoalDraft {
            activity: self.activity.trim().to_string(),
            support: self.support.trim().to_string(),
            amount: self.amount.trim().to_string(),
            levels: self.levels.trimmed(),
            ..self
        };
        for (what, text) in [
            ("part \"what I want to do\"", &draft.activity),
            ("part \"the help I need\"", &draft.support),
            ("part \"how much or how well\"", &draft.amount),
        ] {
            check_text(what, text, MAX_PART_CHARS)?;
        }
        for level in -2..=2 {
            check_text(
                "description of a level",
                draft.levels.describe(level),
                MAX_PART_CHARS,
            )?;
        }
        if draft.activity.is_empty()
            && draft.support.is_empty()
            && draft.amount.is_empty()
            && draft.by_when.is_none()
        {
            return Err(DomainError::Invalid(
                "The goal is empty. Please write at least what you want to do.".into(),
            ));
        }
        check_range("starting level", draft.baseline.into(), -2, -1)?;
        if let Some(i) = draft.importance {
            check_range("importance", i.into(), 0, 3)?;
        }
        if let Some(d) = draft.difficulty {
            check_range("difficulty", d.into(), 0, 3)?;
        }
        Ok(draft)
    }

    fn write_to(self, goal: &mut Goal) {
        goal.activity = self.activity;
        goal.support = self.support;
        goal.amount = self.amount;
        goal.by_when = self.by_when;
        goal.levels = self.levels;
        goal.baseline = self.baseline;
        goal.importance = self.importance;
        goal.difficulty = self.difficulty;
    }
}

/// A change to the person's goals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalCommand {
    /// A new goal of the person's own, set on `created`.
    Add {
        draft: GoalDraft,
        created: NaiveDate,
    },
    /// Change a goal's parts, levels, starting level or weighting.
    Change {
        goal: GoalId,
        draft: GoalDraft,
    },
    SetStatus {
        goal: GoalId,
        status: GoalStatus,
    },
    AddTask {
        goal: GoalId,
        title: String,
        frequency: TaskFrequency,
    },
    /// Take a step off the list. Its ticks are kept.
    DropTask {
        goal: GoalId,
        task: TaskId,
    },
    /// The step was done on `date` (can be several times a day).
    TickTask {
        goal: GoalId,
        task: TaskId,
        date: NaiveDate,
        note: String,
    },
    /// Take back a tick made by mistake: the one shown (found by its value, the last one equal
    /// to it, so another tab's tick on the same day is never taken instead).
    UndoTick {
        goal: GoalId,
        task: TaskId,
        tick: TaskCompletion,
    },
    /// The level reached on `date`. Added to the history; nothing is overwritten.
    RecordProgress {
        goal: GoalId,
        date: NaiveDate,
        level: i8,
        note: String,
    },
    /// A 1 to 10 re-rating of importance, performance and satisfaction.
    Rate {
        goal: GoalId,
        rating: GoalRating,
    },
}

fn goal_mut(data: &mut AppData, id: GoalId) -> Result<&mut Goal, DomainError> {
    data.goals.iter_mut().find(|g| g.id == id).ok_or_else(|| {
        DomainError::Invalid(
            "That goal could not be found. It may have been changed in another tab.".into(),
        )
    })
}

fn task_mut(data: &mut AppData, goal: GoalId, id: TaskId) -> Result<&mut GoalTask, DomainError> {
    goal_mut(data, goal)?
        .tasks
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| DomainError::Invalid("That step could not be found.".into()))
}

fn checked_note(note: String) -> Result<String, DomainError> {
    let note = note.trim().to_string();
    check_text("note", &note, MAX_TEXT_CHARS)?;
    Ok(note)
}

/// Check a goal rating: every answer from 1 to 10.
pub fn check_rating(rating: &GoalRating) -> Result<(), DomainError> {
    check_range("importance rating", rating.importance.into(), 1, 10)?;
    check_range(
        "rating of how well you do it",
        rating.performance.into(),
        1,
        10,
    )?;
    check_range("satisfaction rating", rating.satisfaction.into(), 1, 10)
}

/// Apply a goal command. Everything is checked before anything changes, so on error nothing
/// has changed.
pub fn apply(data: &mut AppData, command: GoalCommand) -> Result<(), DomainError> {
    match command {
        GoalCommand::Add { draft, created } => {
            let draft = draft.checked()?;
            let mut goal = Goal {
                id: GoalId(data.take_id()),
                activity: String::new(),
                support: String::new(),
                amount: String::new(),
                by_when: None,
                levels: AttainmentLevels::default(),
                baseline: -1,
                importance: None,
                difficulty: None,
                status: GoalStatus::Active,
                created,
                tasks: Vec::new(),
                progress: Vec::new(),
                ratings: Vec::new(),
                source: Source::Me,
            };
            draft.write_to(&mut goal);
            data.goals.push(goal);
        }
        GoalCommand::Change { goal, draft } => {
            let draft = draft.checked()?;
            draft.write_to(goal_mut(data, goal)?);
        }
        GoalCommand::SetStatus { goal, status } => goal_mut(data, goal)?.status = status,
        GoalCommand::AddTask {
            goal,
            title,
            frequency,
        } => {
            let title = title.trim().to_string();
            if title.is_empty() {
                return Err(DomainError::Invalid(
                    "Please write what the step is.".into(),
                ));
            }
            check_text("step", &title, MAX_PART_CHARS)?;
            if let TaskFrequency::Weekly { times } = frequency {
                check_range("number of times a week", times.into(), 1, 21)?;
            }
            goal_mut(data, goal)?;
            let id = TaskId(data.take_id());
            goal_mut(data, goal)?.tasks.push(GoalTask {
                id,
                title,
                frequency,
                done: Vec::new(),
                dropped: false,
                source: Source::Me,
            });
        }
        GoalCommand::DropTask { goal, task } => task_mut(data, goal, task)?.dropped = true,
        GoalCommand::TickTask {
            goal,
            task,
            date,
            note,
        } => {
            let note = checked_note(note)?;
            let task = task_mut(data, goal, task)?;
            // Kept in date order; a same-day tick goes after the earlier ones.
            let at = task.done.partition_point(|c| c.date <= date);
            task.done.insert(at, TaskCompletion { date, note });
        }
        GoalCommand::UndoTick { goal, task, tick } => {
            let task = task_mut(data, goal, task)?;
            let last = task.done.iter().rposition(|c| *c == tick);
            match last {
                Some(i) => {
                    task.done.remove(i);
                }
                None => {
                    return Err(DomainError::Invalid(
                        "There is no tick on that day to take back.".into(),
                    ))
                }
            }
        }
        GoalCommand::RecordProgress {
            goal,
            date,
            level,
            note,
        } => {
            check_range("goal level", level.into(), -2, 2)?;
            let note = checked_note(note)?;
            let goal = goal_mut(data, goal)?;
            let at = goal.progress.partition_point(|p| p.date <= date);
            goal.progress
                .insert(at, ProgressRecord { date, level, note });
        }
        GoalCommand::Rate { goal, rating } => {
            check_rating(&rating)?;
            let goal = goal_mut(data, goal)?;
            let at = goal.ratings.partition_point(|r| r.date <= rating.date);
            goal.ratings.insert(at, rating);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Summaries: the latest level, what is due on a day, the next step.

/// The latest level recorded on or before `date`: the last record of the latest day. Works on
/// records in any order (data from a file need not be sorted).
pub fn latest_level(goal: &Goal, date: NaiveDate) -> Option<&ProgressRecord> {
    let mut best: Option<&ProgressRecord> = None;
    for p in &goal.progress {
        if p.date <= date && best.is_none_or(|b| p.date >= b.date) {
            best = Some(p);
        }
    }
    best
}

/// How a step stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskDay {
    /// Ticks on the day.
    pub done_today: usize,
    /// Ticks from the Monday of that week up to and including the day.
    pub done_this_week: usize,
    /// The latest tick on or before the day.
    pub last_done: Option<NaiveDate>,
    /// Still to do on the day: a one-off step never done, a daily step not done that day, or
    /// a weekly step not done that day and short of its number for the week. A removed step
    /// is never due.
    pub due: bool,
}

/// How a step stands on `date`, respecting how often it is meant to be done.
pub fn task_day(task: &GoalTask, date: NaiveDate) -> TaskDay {
    let monday = super::diary::week_start(date);
    let mut day = TaskDay {
        done_today: 0,
        done_this_week: 0,
        last_done: None,
        due: false,
    };
    for c in &task.done {
        if c.date > date {
            continue;
        }
        if c.date == date {
            day.done_today += 1;
        }
        if c.date >= monday {
            day.done_this_week += 1;
        }
        if day.last_done.is_none_or(|d| c.date > d) {
            day.last_done = Some(c.date);
        }
    }
    day.due = !task.dropped
        && match task.frequency {
            TaskFrequency::Once => day.last_done.is_none(),
            TaskFrequency::Daily => day.done_today == 0,
            TaskFrequency::Weekly { times } => {
                day.done_today == 0 && day.done_this_week < usize::from(times)
            }
        };
    day
}

impl TaskDay {
    /// Where the step has got to, in words: "Not done yet today", "Done 2 times today",
    /// "Done 1 of 3 times this week", "Done on 3 Mar 2026".
    pub fn words(&self, frequency: TaskFrequency) -> String {
        let today = match self.done_today {
            0 => "not done yet today".to_string(),
            1 => "done today".to_string(),
            n => format!("done {n} times today"),
        };
        let text = match frequency {
            TaskFrequency::Once => match self.last_done {
                Some(d) if self.done_today == 0 => {
                    format!("done on {}", super::dates::short_date(d))
                }
                Some(_) => today,
                None => "not done yet".into(),
            },
            TaskFrequency::Daily => today,
            TaskFrequency::Weekly { times } => {
                format!("{today}, {} of {times} this week", self.done_this_week)
            }
        };
        super::case::upper_first(&text)
    }
}

/// A goal at a glance on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalSummary {
    pub id: GoalId,
    /// The latest level on or before the day, with its date.
    pub latest: Option<(NaiveDate, i8)>,
    /// The first step, in list order, still to do that day.
    pub next_task: Option<TaskId>,
    /// Steps in use (not removed).
    pub steps: usize,
    /// Steps still to do that day.
    pub due: usize,
}

/// Summarise a goal as it stands on `date`.
pub fn summarise(goal: &Goal, date: NaiveDate) -> GoalSummary {
    let mut summary = GoalSummary {
        id: goal.id,
        latest: latest_level(goal, date).map(|p| (p.date, p.level)),
        next_task: None,
        steps: 0,
        due: 0,
    };
    for task in goal.current_tasks() {
        summary.steps += 1;
        if task_day(task, date).due {
            summary.due += 1;
            summary.next_task = summary.next_task.or(Some(task.id));
        }
    }
    summary
}

/// The steps to show on a day's list: those of goals being worked on (not on hold, done or
/// put away) that are due that day or were already done that day, in goal and list order.
pub fn tasks_for_day(goals: &[Goal], date: NaiveDate) -> Vec<(GoalId, TaskId)> {
    goals
        .iter()
        .filter(|g| g.status == GoalStatus::Active)
        .flat_map(|g| {
            g.current_tasks().filter_map(move |t| {
                let day = task_day(t, date);
                (day.due || day.done_today > 0).then_some((g.id, t.id))
            })
        })
        .collect()
}

/// The first and the latest 1 to 10 rating of a goal, when it has been re-rated.
pub fn rating_change(goal: &Goal) -> Option<(&GoalRating, &GoalRating)> {
    let first = goal.ratings.first()?;
    let latest = goal.ratings.last()?;
    (goal.ratings.len() > 1).then_some((first, latest))
}

/// A change between two ratings in words: "up 3", "down 1", "no change".
pub fn change_words(from: u8, to: u8) -> String {
    match to.cmp(&from) {
        std::cmp::Ordering::Greater => format!("up {}", to - from),
        std::cmp::Ordering::Less => format!("down {}", from - to),
        std::cmp::Ordering::Equal => "no change".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Goal Attainment Scaling: the Kiresuk-Sherman T-score.

/// The assumed correlation between goals' scores in the Kiresuk-Sherman formula.
pub const RHO: f64 = 0.3;
/// The largest weight: importance (0 to 3) times difficulty (0 to 3).
pub const MAX_WEIGHT: u8 = 9;

/// Why there is no T-score, in words a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum NotScored {
    #[error("There is no goal score yet: record how a goal is going to get one.")]
    NoGoalsScored,
    #[error("The weighted score cannot be worked out, because every goal has an importance or a difficulty of 0.")]
    AllWeightsZero,
    #[error("The weighted score needs an importance and a difficulty for every goal that has been scored.")]
    WeightsMissing,
    #[error("A goal level must be between -2 and +2, but one was {0}.")]
    LevelOutOfRange(i8),
    #[error("Importance and difficulty must each be between 0 and 3, but one was {0}.")]
    WeightPartOutOfRange(u8),
    #[error(
        "A goal's weight must be between 0 and 9 (importance times difficulty), but one was {0}."
    )]
    WeightOutOfRange(u8),
}

/// A goal's weight: importance (0 to 3, the person's) times difficulty (0 to 3, the therapist's).
pub fn goal_weight(importance: u8, difficulty: u8) -> Result<u8, NotScored> {
    for part in [importance, difficulty] {
        if part > 3 {
            return Err(NotScored::WeightPartOutOfRange(part));
        }
    }
    Ok(importance * difficulty)
}

/// The Kiresuk-Sherman T-score of goals given as (level, weight):
///
/// T = 50 + 10 * Σ(wᵢxᵢ) / √((1 − ρ)Σwᵢ² + ρ(Σwᵢ)²), with ρ = 0.3.
///
/// Unweighted scoring passes a weight of 1 for every goal. Levels must be -2 to +2 and weights
/// 0 to 9. With no goals, or when every weight is 0, the score is undefined (never a division
/// by zero): the error says why.
pub fn t_score(goals: &[(i8, u8)]) -> Result<f64, NotScored> {
    if goals.is_empty() {
        return Err(NotScored::NoGoalsScored);
    }
    let (mut sum_wx, mut sum_w, mut sum_w2) = (0.0_f64, 0.0_f64, 0.0_f64);
    for &(level, weight) in goals {
        if !(-2..=2).contains(&level) {
            return Err(NotScored::LevelOutOfRange(level));
        }
        if weight > MAX_WEIGHT {
            return Err(NotScored::WeightOutOfRange(weight));
        }
        let w = f64::from(weight);
        sum_wx += w * f64::from(level);
        sum_w += w;
        sum_w2 += w * w;
    }
    // Weights are whole numbers from 0 to 9, so the sum is exactly 0 only when all are 0, and
    // otherwise the value under the root is at least (1 - ρ) + ρ = 1.
    if sum_w == 0.0 {
        return Err(NotScored::AllWeightsZero);
    }
    let spread = ((1.0 - RHO) * sum_w2 + RHO * sum_w * sum_w).sqrt();
    Ok(50.0 + 10.0 * sum_wx / spread)
}

/// Unweighted and weighted T-scores of one set of levels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub unweighted: Result<f64, NotScored>,
    pub weighted: Result<f64, NotScored>,
}

/// The goals scored at a review, and their T-scores now and at the start.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Review {
    pub date: NaiveDate,
    /// How many goals were scored.
    pub goals_scored: usize,
    /// From each scored goal's latest level on or before the review date.
    pub now: Scores,
    /// From the same goals' starting levels (their baselines), to show the change.
    pub at_start: Scores,
}

fn scores(items: &[(i8, Option<u8>, Option<u8>)]) -> Scores {
    let unweighted: Vec<(i8, u8)> = items.iter().map(|&(x, _, _)| (x, 1)).collect();
    let weighted: Result<Vec<(i8, u8)>, NotScored> = items
        .iter()
        .map(|&(x, i, d)| match (i, d) {
            (Some(i), Some(d)) => Ok((x, goal_weight(i, d)?)),
            _ => Err(NotScored::WeightsMissing),
        })
        .collect();
    Scores {
        unweighted: t_score(&unweighted),
        weighted: if items.is_empty() {
            Err(NotScored::NoGoalsScored)
        } else {
            weighted.and_then(|w| t_score(&w))
        },
    }
}

/// Score the goals at a review on `date`.
///
/// A goal is scored at a review when it is not put away (archived) and has at least one level
/// recorded on or before the review date; its level is the latest one on or before that date
/// (the last recorded, if there are several that day). A goal with no level yet is not scored,
/// rather than being counted at its baseline. The weighted score uses importance times
/// difficulty and needs both for every scored goal.
pub fn review(goals: &[Goal], date: NaiveDate) -> Review {
    let mut now = Vec::new();
    let mut start = Vec::new();
    for goal in goals {
        if goal.status == GoalStatus::Archived {
            continue;
        }
        if let Some(p) = latest_level(goal, date) {
            now.push((p.level, goal.importance, goal.difficulty));
            start.push((goal.baseline, goal.importance, goal.difficulty));
        }
    }
    Review {
        date,
        goals_scored: now.len(),
        now: scores(&now),
        at_start: scores(&start),
    }
}

/// How the person's goals are going, in plain sentences for their own Goals page (the T-score
/// stays on the OT's sheet). Counts the goals not put away with a level recorded on or before
/// `date`, as [`review`] does.
pub fn goals_going(goals: &[Goal], date: NaiveDate) -> Vec<String> {
    let (mut scored, mut there, mut better, mut moved) = (0usize, 0usize, 0usize, 0usize);
    for goal in goals {
        if goal.status == GoalStatus::Archived {
            continue;
        }
        if let Some(p) = latest_level(goal, date) {
            scored += 1;
            there += usize::from(p.level >= 0);
            better += usize::from(p.level > 0);
            moved += usize::from(p.level > goal.baseline);
        }
    }
    let goals_word = |n: usize| {
        if n == 1 {
            "1 goal".to_string()
        } else {
            format!("{n} goals")
        }
    };
    let is_are = |n: usize| if n == 1 { "is" } else { "are" };
    if scored == 0 {
        return vec![
            "When you say how a goal is going, you will see here how your goals are going.".into(),
        ];
    }
    let mut lines = vec![format!(
        "You have said how {} {} going.",
        goals_word(scored),
        is_are(scored)
    )];
    lines.push(match (there, better) {
        (0, _) => "None is where you expected yet. That is fine: small steps count.".into(),
        (t, 0) if t == scored && t == 1 => "It is where you expected it to be.".into(),
        (t, 0) if t == scored => "All of them are where you expected.".into(),
        (t, b) if t == scored && b == scored && t == 1 => {
            "It is going better than you expected.".into()
        }
        (t, b) if t == scored && b == scored => {
            "All of them are going better than you expected.".into()
        }
        (t, b) if t == scored => format!(
            "All of them are where you expected, and {b} {} going better than that.",
            is_are(b)
        ),
        (t, _) => format!("{t} of them {} where you expected, or better.", is_are(t)),
    });
    if moved > 0 {
        lines.push(if moved == scored && scored > 1 {
            "All of them have moved on from where you started.".into()
        } else if moved == scored {
            "It has moved on from where you started.".into()
        } else {
            format!(
                "{moved} of them {} moved on from where you started.",
                if moved == 1 { "has" } else { "have" }
            )
        });
    }
    lines
}

/// A T-score to one decimal place, written without float formatting (which is large in
/// WebAssembly): "56.2".
pub fn score_text(t: f64) -> String {
    let tenths = (t * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let tenths = tenths.abs();
    format!("{sign}{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::state::Command;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn draft(activity: &str) -> GoalDraft {
        GoalDraft {
            activity: activity.into(),
            ..GoalDraft::default()
        }
    }

    /// Data with one goal set on 2 March 2026 (a Monday); returns its id.
    fn one_goal() -> (AppData, GoalId) {
        let mut data = AppData::default();
        data.apply(Command::Goal(GoalCommand::Add {
            draft: draft("Walk to the shop"),
            created: day(2),
        }))
        .unwrap();
        let id = data.goals[0].id;
        (data, id)
    }

    fn add_task(data: &mut AppData, goal: GoalId, frequency: TaskFrequency) -> TaskId {
        apply(
            data,
            GoalCommand::AddTask {
                goal,
                title: "Practise".into(),
                frequency,
            },
        )
        .unwrap();
        data.goals[0].tasks.last().unwrap().id
    }

    fn tick(data: &mut AppData, goal: GoalId, task: TaskId, d: u32) {
        apply(
            data,
            GoalCommand::TickTask {
                goal,
                task,
                date: day(d),
                note: String::new(),
            },
        )
        .unwrap();
    }

    // --- How the goals are going, in plain words ---

    #[test]
    fn goals_going_in_plain_words() {
        let (mut data, id) = one_goal();
        assert_eq!(
            goals_going(&data.goals, day(20)),
            vec!["When you say how a goal is going, you will see here how your goals are going."]
        );
        let record = |data: &mut AppData, goal: GoalId, d: u32, level: i8| {
            apply(
                data,
                GoalCommand::RecordProgress {
                    goal,
                    date: day(d),
                    level,
                    note: String::new(),
                },
            )
            .unwrap();
        };
        // Baseline -1; recorded -1: no change yet.
        record(&mut data, id, 5, -1);
        assert_eq!(
            goals_going(&data.goals, day(20)),
            vec![
                "You have said how 1 goal is going.",
                "None is where you expected yet. That is fine: small steps count."
            ]
        );
        record(&mut data, id, 6, 0);
        assert_eq!(
            goals_going(&data.goals, day(20))[1..],
            [
                "It is where you expected it to be.",
                "It has moved on from where you started."
            ]
        );
        // A second goal at +1, a third at -2 (its baseline): 2 of 3 where hoped, 2 moved on.
        for (name, level) in [("Cook", 1), ("Read", -2)] {
            apply(
                &mut data,
                GoalCommand::Add {
                    draft: draft(name),
                    created: day(2),
                },
            )
            .unwrap();
            let g = data.goals.last().unwrap().id;
            record(&mut data, g, 7, level);
        }
        data.goals[2].baseline = -2;
        assert_eq!(
            goals_going(&data.goals, day(20)),
            vec![
                "You have said how 3 goals are going.",
                "2 of them are where you expected, or better.",
                "2 of them have moved on from where you started."
            ]
        );
        // Put the third away: all where hoped, one better; and nothing before its date counts.
        data.goals[2].status = GoalStatus::Archived;
        assert_eq!(
            goals_going(&data.goals, day(20))[1],
            "All of them are where you expected, and 1 is going better than that."
        );
        assert_eq!(goals_going(&data.goals, day(5)).len(), 2);
        // No clinical terms.
        for line in goals_going(&data.goals, day(20)) {
            assert!(!line.contains("score") && !line.contains('+') && !line.contains("-1"));
        }
        assert_eq!(level_label(1), "A bit better than I expected");
        assert_eq!(level_label(0), "What I expected");
    }

    // --- The T-score against hand-worked cases ---

    #[test]
    fn single_unweighted_goal_gives_30_to_70() {
        // One goal, w = 1: the spread is √(0.7·1 + 0.3·1²) = 1, so T = 50 + 10x.
        for (level, expected) in [(-2, 30.0), (-1, 40.0), (0, 50.0), (1, 60.0), (2, 70.0)] {
            assert!(close(t_score(&[(level, 1)]).unwrap(), expected), "{level}");
        }
    }

    #[test]
    fn two_unweighted_goals_by_hand() {
        // +1 and 0: Σwx = 1, Σw² = 2, Σw = 2; spread = √(0.7·2 + 0.3·4) = √2.6 = 1.6124515;
        // T = 50 + 10/1.6124515 = 56.2017367.
        let t = t_score(&[(1, 1), (0, 1)]).unwrap();
        assert!((t - 56.201_736_7).abs() < 1e-6);
        assert_eq!(score_text(t), "56.2");
        // +1 and +1: Σwx = 2, same spread; T = 50 + 20/1.6124515 = 62.4034735.
        assert!((t_score(&[(1, 1), (1, 1)]).unwrap() - 62.403_473_5).abs() < 1e-6);
        // +1, -1, 0 cancel out: Σwx = 0, T = 50.
        assert!(close(t_score(&[(1, 1), (-1, 1), (0, 1)]).unwrap(), 50.0));
        // Three goals all at -2: Σwx = -6, Σw² = 3, Σw = 3; spread = √(2.1 + 2.7) = √4.8
        // = 2.1908902; T = 50 - 60/2.1908902 = 22.6138721.
        assert!((t_score(&[(-2, 1); 3]).unwrap() - 22.613_872_1).abs() < 1e-6);
    }

    #[test]
    fn weighted_goals_by_hand() {
        // (x, w) = (+1, 6), (-1, 2), (0, 9): Σwx = 6 - 2 + 0 = 4; Σw² = 36 + 4 + 81 = 121;
        // Σw = 17, (Σw)² = 289; spread = √(0.7·121 + 0.3·289) = √(84.7 + 86.7) = √171.4
        // = 13.0919823; T = 50 + 40/13.0919823 = 53.0553051.
        let t = t_score(&[(1, 6), (-1, 2), (0, 9)]).unwrap();
        assert!((t - 53.055_305_1).abs() < 1e-6);
        assert_eq!(score_text(t), "53.1");
        // (+2, 9), (-2, 1): Σwx = 18 - 2 = 16; Σw² = 82; Σw = 10; spread = √(57.4 + 30)
        // = √87.4 = 9.3487967; T = 50 + 160/9.3487967 = 67.1145020.
        assert!((t_score(&[(2, 9), (-2, 1)]).unwrap() - 67.114_502_0).abs() < 1e-6);
        // A zero weight leaves that goal out: (+1, 6), (-1, 0): Σwx = 6, Σw² = 36, Σw = 6;
        // spread = √(25.2 + 10.8) = 6; T = 50 + 60/6 = 60.
        assert!(close(t_score(&[(1, 6), (-1, 0)]).unwrap(), 60.0));
        // Weights: importance × difficulty.
        assert_eq!(goal_weight(2, 3), Ok(6));
        assert_eq!(goal_weight(0, 3), Ok(0));
    }

    #[test]
    fn undefined_scores_say_why() {
        assert_eq!(t_score(&[]), Err(NotScored::NoGoalsScored));
        assert_eq!(t_score(&[(2, 0), (-1, 0)]), Err(NotScored::AllWeightsZero));
        assert_eq!(t_score(&[(3, 1)]), Err(NotScored::LevelOutOfRange(3)));
        assert_eq!(t_score(&[(-3, 1)]), Err(NotScored::LevelOutOfRange(-3)));
        assert_eq!(t_score(&[(0, 10)]), Err(NotScored::WeightOutOfRange(10)));
        assert_eq!(goal_weight(4, 1), Err(NotScored::WeightPartOutOfRange(4)));
        assert!(NotScored::AllWeightsZero.to_string().contains("importance"));
        assert!(NotScored::LevelOutOfRange(3)
            .to_string()
            .contains("-2 and +2"));
    }

    #[test]
    fn score_text_rounds_to_one_place() {
        assert_eq!(score_text(50.0), "50.0");
        assert_eq!(score_text(56.201), "56.2");
        assert_eq!(score_text(22.66), "22.7");
        assert_eq!(score_text(-1.25), "-1.3");
    }

    // --- Reviews ---

    fn scored_goal(id: u32, levels: &[(u32, i8)], weights: Option<(u8, u8)>) -> Goal {
        let (mut data, _) = one_goal();
        let mut goal = data.goals.remove(0);
        goal.id = GoalId(id);
        goal.importance = weights.map(|w| w.0);
        goal.difficulty = weights.map(|w| w.1);
        goal.progress = levels
            .iter()
            .map(|&(d, level)| ProgressRecord {
                date: day(d),
                level,
                note: String::new(),
            })
            .collect();
        goal
    }

    #[test]
    fn review_uses_each_goals_latest_level_on_or_before_the_date() {
        let goals = vec![
            // Same-day records: the last one recorded counts.
            scored_goal(1, &[(3, -1), (10, 0), (10, 1), (20, 2)], Some((2, 3))),
            scored_goal(2, &[(5, 0)], Some((1, 2))),
            // Nothing recorded yet: not scored.
            scored_goal(3, &[], Some((3, 3))),
        ];
        let r = review(&goals, day(15));
        assert_eq!(r.goals_scored, 2);
        // Unweighted: +1 and 0, as worked above: 56.2017367.
        assert!((r.now.unweighted.unwrap() - 56.201_736_7).abs() < 1e-6);
        // Weighted: (+1, 6) and (0, 2): Σwx = 6; Σw² = 40; Σw = 8; spread = √(28 + 19.2)
        // = √47.2 = 6.8702256; T = 50 + 60/6.8702256 = 58.7333…
        assert!((r.now.weighted.unwrap() - (50.0 + 60.0 / 47.2_f64.sqrt())).abs() < 1e-9);
        // At the start both were at baseline -1: unweighted 50 - 20/√2.6 = 37.5965265.
        assert!((r.at_start.unweighted.unwrap() - 37.596_526_5).abs() < 1e-6);
        // Before anything was recorded there is no score, and it says so.
        let early = review(&goals, day(1));
        assert_eq!(early.goals_scored, 0);
        assert_eq!(early.now.unweighted, Err(NotScored::NoGoalsScored));
        assert_eq!(early.now.weighted, Err(NotScored::NoGoalsScored));
    }

    #[test]
    fn review_leaves_out_put_away_goals_and_needs_every_weight() {
        let mut put_away = scored_goal(1, &[(3, -2)], Some((1, 1)));
        put_away.status = GoalStatus::Archived;
        let unweighted = scored_goal(2, &[(3, 1)], None);
        let r = review(&[put_away.clone(), unweighted], day(4));
        assert_eq!(r.goals_scored, 1);
        assert_eq!(r.now.unweighted.map(score_text), Ok("60.0".into()));
        assert_eq!(r.now.weighted, Err(NotScored::WeightsMissing));
        let zero = scored_goal(3, &[(3, 1)], Some((0, 2)));
        let r = review(&[zero], day(4));
        assert_eq!(r.now.weighted, Err(NotScored::AllWeightsZero));
        // A goal on hold or done is still scored.
        put_away.status = GoalStatus::Paused;
        assert_eq!(review(&[put_away], day(4)).goals_scored, 1);
    }

    // --- Commands ---

    #[test]
    fn goal_sentence_reads_as_one_sentence() {
        let d = GoalDraft {
            activity: "Walk to the corner shop.".into(),
            support: "my walking stick".into(),
            amount: "Three times a week".into(),
            by_when: Some(day(31)),
            ..GoalDraft::default()
        };
        assert_eq!(
            d.sentence(),
            "I will walk to the corner shop with my walking stick, three times a week, by 31 March 2026."
        );
        let d = GoalDraft {
            activity: "I will go back to work".into(),
            support: "on reduced hours".into(),
            ..GoalDraft::default()
        };
        assert_eq!(d.sentence(), "I will go back to work on reduced hours.");
        // A capital that only starts the part is made small; a name or an abbreviation is kept.
        assert_eq!(
            draft("Use the NHS App to order my prescriptions").sentence(),
            "I will use the NHS App to order my prescriptions."
        );
        assert_eq!(
            draft("Phone the GP surgery myself").sentence(),
            "I will phone the GP surgery myself."
        );
        assert_eq!(
            GoalDraft::default().sentence(),
            "I will (what you want to do)."
        );
        assert_eq!(GoalDraft::default().missing_parts().len(), 4);
        assert_eq!(d.missing_parts().len(), 2);
    }

    #[test]
    fn missing_parts_warn_but_do_not_block() {
        let (data, id) = one_goal();
        let goal = &data.goals[0];
        assert_eq!(goal.id, id);
        assert_eq!(goal.title(), "Walk to the shop");
        assert_eq!(goal.baseline, -1);
        assert!(goal.source.is_me());
        assert_eq!(GoalDraft::from_goal(goal).missing_parts().len(), 3);
        // Only an entirely empty goal is refused.
        let mut data = AppData::default();
        let err = apply(
            &mut data,
            GoalCommand::Add {
                draft: draft("   "),
                created: day(2),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("empty"));
        assert_eq!(data, AppData::default());
    }

    #[test]
    fn out_of_range_values_are_refused_and_change_nothing() {
        let (mut data, goal) = one_goal();
        let before = data.clone();
        let cases = [
            GoalCommand::RecordProgress {
                goal,
                date: day(3),
                level: 3,
                note: String::new(),
            },
            GoalCommand::Change {
                goal,
                draft: GoalDraft {
                    importance: Some(4),
                    ..draft("x")
                },
            },
            GoalCommand::Change {
                goal,
                draft: GoalDraft {
                    difficulty: Some(9),
                    ..draft("x")
                },
            },
            GoalCommand::Change {
                goal,
                draft: GoalDraft {
                    baseline: 0,
                    ..draft("x")
                },
            },
            GoalCommand::Rate {
                goal,
                rating: GoalRating {
                    date: day(3),
                    importance: 11,
                    performance: 5,
                    satisfaction: 5,
                },
            },
            GoalCommand::Rate {
                goal,
                rating: GoalRating {
                    date: day(3),
                    importance: 5,
                    performance: 0,
                    satisfaction: 5,
                },
            },
            GoalCommand::AddTask {
                goal,
                title: "x".into(),
                frequency: TaskFrequency::Weekly { times: 0 },
            },
            GoalCommand::AddTask {
                goal,
                title: " ".into(),
                frequency: TaskFrequency::Daily,
            },
            GoalCommand::RecordProgress {
                goal: GoalId(999),
                date: day(3),
                level: 0,
                note: String::new(),
            },
        ];
        let messages = [
            "between -2 and 2",
            "importance must be between 0 and 3",
            "difficulty must be between 0 and 3",
            "starting level must be between -2 and -1",
            "between 1 and 10",
            "between 1 and 10",
            "between 1 and 21",
            "write what the step is",
            "could not be found",
        ];
        for (command, message) in cases.into_iter().zip(messages) {
            let err = apply(&mut data, command).unwrap_err().to_string();
            assert!(err.contains(message), "{err}");
            assert_eq!(data, before);
        }
    }

    #[test]
    fn progress_history_is_kept_in_date_order() {
        let (mut data, goal) = one_goal();
        for (d, level) in [(9, 1), (4, -1), (9, 2), (6, 0)] {
            apply(
                &mut data,
                GoalCommand::RecordProgress {
                    goal,
                    date: day(d),
                    level,
                    note: " ok ".into(),
                },
            )
            .unwrap();
        }
        let g = &data.goals[0];
        let levels: Vec<_> = g.progress.iter().map(|p| (p.date, p.level)).collect();
        assert_eq!(
            levels,
            vec![(day(4), -1), (day(6), 0), (day(9), 1), (day(9), 2)]
        );
        assert_eq!(g.progress[0].note, "ok");
        assert_eq!(latest_level(g, day(9)).map(|p| p.level), Some(2));
        assert_eq!(latest_level(g, day(8)).map(|p| p.level), Some(0));
        assert_eq!(latest_level(g, day(3)), None);
        data.validate().unwrap();
    }

    #[test]
    fn ratings_and_their_change() {
        let (mut data, goal) = one_goal();
        for (d, p) in [(3, 3), (20, 7)] {
            apply(
                &mut data,
                GoalCommand::Rate {
                    goal,
                    rating: GoalRating {
                        date: day(d),
                        importance: 8,
                        performance: p,
                        satisfaction: 2,
                    },
                },
            )
            .unwrap();
        }
        let (first, latest) = rating_change(&data.goals[0]).unwrap();
        assert_eq!(change_words(first.performance, latest.performance), "up 4");
        assert_eq!(
            change_words(first.importance, latest.importance),
            "no change"
        );
        assert_eq!(change_words(5, 2), "down 3");
    }

    #[test]
    fn status_changes_keep_the_goal() {
        let (mut data, goal) = one_goal();
        for status in [
            GoalStatus::Paused,
            GoalStatus::Completed,
            GoalStatus::Archived,
        ] {
            apply(&mut data, GoalCommand::SetStatus { goal, status }).unwrap();
            assert_eq!(data.goals[0].status, status);
        }
        assert_eq!(data.goals.len(), 1);
        assert_eq!(GoalStatus::Archived.label(), "Put away");
    }

    // --- Steps and what is due ---

    #[test]
    fn daily_step_can_be_done_several_times_a_day_and_undone() {
        let (mut data, goal) = one_goal();
        let task = add_task(&mut data, goal, TaskFrequency::Daily);
        let t = |data: &AppData| task_day(&data.goals[0].tasks[0], day(3));
        assert!(t(&data).due);
        assert_eq!(summarise(&data.goals[0], day(3)).next_task, Some(task));
        tick(&mut data, goal, task, 3);
        tick(&mut data, goal, task, 3);
        assert_eq!(t(&data).done_today, 2);
        let mistake = data.goals[0].tasks[0].done[1].clone();
        assert!(!t(&data).due);
        assert_eq!(t(&data).words(TaskFrequency::Daily), "Done 2 times today");
        assert!(task_day(&data.goals[0].tasks[0], day(4)).due);
        apply(
            &mut data,
            GoalCommand::UndoTick {
                goal,
                task,
                tick: mistake.clone(),
            },
        )
        .unwrap();
        assert_eq!(t(&data).done_today, 1);
        assert!(apply(
            &mut data,
            GoalCommand::UndoTick {
                goal,
                task,
                tick: TaskCompletion {
                    date: day(9),
                    note: String::new(),
                },
            }
        )
        .is_err());
    }

    #[test]
    fn once_step_is_due_until_done() {
        let (mut data, goal) = one_goal();
        let task = add_task(&mut data, goal, TaskFrequency::Once);
        tick(&mut data, goal, task, 5);
        let g = &data.goals[0];
        assert!(task_day(&g.tasks[0], day(4)).due);
        assert!(!task_day(&g.tasks[0], day(5)).due);
        assert!(!task_day(&g.tasks[0], day(6)).due);
        assert_eq!(
            task_day(&g.tasks[0], day(6)).words(TaskFrequency::Once),
            "Done on 5 Mar 2026"
        );
        // Shown on the day it was done, not after.
        assert_eq!(tasks_for_day(&data.goals, day(5)), vec![(goal, task)]);
        assert!(tasks_for_day(&data.goals, day(6)).is_empty());
    }

    #[test]
    fn weekly_step_is_due_until_its_number_for_the_week() {
        // 2 March 2026 is a Monday.
        let (mut data, goal) = one_goal();
        let task = add_task(&mut data, goal, TaskFrequency::Weekly { times: 2 });
        tick(&mut data, goal, task, 2);
        tick(&mut data, goal, task, 3);
        let g = &data.goals[0];
        let wed = task_day(&g.tasks[0], day(4));
        assert_eq!(wed.done_this_week, 2);
        assert!(!wed.due);
        assert_eq!(
            wed.words(TaskFrequency::Weekly { times: 2 }),
            "Not done yet today, 2 of 2 this week"
        );
        // A new week starts on Monday 9 March.
        assert!(task_day(&g.tasks[0], day(9)).due);
        assert_eq!(task_day(&g.tasks[0], day(9)).done_this_week, 0);
        // Ticks after the day do not count for it.
        assert!(task_day(&g.tasks[0], day(1)).due);
    }

    #[test]
    fn only_active_goals_and_current_steps_are_listed_for_a_day() {
        let (mut data, goal) = one_goal();
        let a = add_task(&mut data, goal, TaskFrequency::Daily);
        let b = add_task(&mut data, goal, TaskFrequency::Daily);
        assert_eq!(
            tasks_for_day(&data.goals, day(3)),
            vec![(goal, a), (goal, b)]
        );
        apply(&mut data, GoalCommand::DropTask { goal, task: a }).unwrap();
        assert_eq!(tasks_for_day(&data.goals, day(3)), vec![(goal, b)]);
        let s = summarise(&data.goals[0], day(3));
        assert_eq!((s.steps, s.due, s.next_task), (1, 1, Some(b)));
        // The removed step keeps its place in the data.
        assert_eq!(data.goals[0].tasks.len(), 2);
        apply(
            &mut data,
            GoalCommand::SetStatus {
                goal,
                status: GoalStatus::Paused,
            },
        )
        .unwrap();
        assert!(tasks_for_day(&data.goals, day(3)).is_empty());
    }

    #[test]
    fn frequency_words() {
        assert_eq!(TaskFrequency::Once.label(), "Once");
        assert_eq!(TaskFrequency::Daily.label(), "Every day");
        assert_eq!(TaskFrequency::Weekly { times: 1 }.label(), "Once a week");
        assert_eq!(TaskFrequency::Weekly { times: 3 }.label(), "3 times a week");
        assert_eq!(level_name(1), "A bit more than expected");
        assert_eq!(level_number(-2), "-2");
    }

    #[test]
    fn summary_of_the_two_year_sample() {
        let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let data = super::super::sample::two_years(end);
        for goal in &data.goals {
            let s = summarise(goal, end);
            assert!(s.latest.is_some());
            assert_eq!(s.steps, 5);
        }
        let r = review(&data.goals, end);
        assert_eq!(r.goals_scored, 20);
        assert!(r.now.unweighted.is_ok_and(f64::is_finite));
        assert!(r.now.weighted.is_ok_and(f64::is_finite));
    }

    // --- Properties ---

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        fn goals() -> impl Strategy<Value = Vec<(i8, u8)>> {
            prop::collection::vec((-2i8..=2, 0u8..=9), 1..30)
        }

        proptest! {
            #[test]
            fn every_goal_at_expected_gives_50(weights in prop::collection::vec(0u8..=9, 1..30)) {
                let items: Vec<(i8, u8)> = weights.iter().map(|&w| (0, w)).collect();
                match t_score(&items) {
                    Ok(t) => prop_assert!((t - 50.0).abs() < 1e-9),
                    Err(e) => {
                        prop_assert_eq!(e, NotScored::AllWeightsZero);
                        prop_assert!(weights.iter().all(|&w| w == 0));
                    }
                }
            }

            #[test]
            fn raising_a_weighted_level_raises_the_score(items in goals(), pick in any::<prop::sample::Index>()) {
                let i = pick.index(items.len());
                prop_assume!(items[i].0 < 2 && items[i].1 > 0);
                let before = t_score(&items).unwrap();
                let mut raised = items.clone();
                raised[i].0 += 1;
                let after = t_score(&raised).unwrap();
                prop_assert!(after > before, "{} then {}", before, after);
            }

            #[test]
            fn never_panics_or_gives_nan(items in prop::collection::vec((any::<i8>(), any::<u8>()), 0..40)) {
                if let Ok(t) = t_score(&items) {
                    prop_assert!(t.is_finite());
                    // The lowest and highest possible: all at -2 or +2 with equal weights.
                    prop_assert!((0.0..=100.0).contains(&t));
                }
                // Unweighted, any levels in range always score.
                let unweighted: Vec<(i8, u8)> = items.iter().map(|&(x, _)| (x.clamp(-2, 2), 1)).collect();
                if !unweighted.is_empty() {
                    prop_assert!(t_score(&unweighted).is_ok_and(f64::is_finite));
                }
            }
        }
    }
}
