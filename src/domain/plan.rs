//! The occupational therapist's plan: what the OT builds, how it travels (the share envelope,
//! kind `t`), the one checked path that reads it, and the rules that merge it into the
//! person's own data.
//!
//! Merge rules (all in [`import`]):
//!
//! - A plan is known by its `id` (made once by the OT's builder for this person) and has a
//!   `revision` that goes up each time the OT changes it. Items arrive with
//!   `Source::Ot { plan: id, key }`, so an updated plan finds the items it made before.
//! - First import: every goal, step, workplace adjustment and home hazard is added, marked as
//!   from the OT. Diary ratings the plan asks for are switched on (never off); pacing, the OT
//!   start date and the next review date are set.
//! - The same revision again changes nothing. An older revision is refused, nothing changed.
//! - An updated plan is a three-way merge, part by part: a part the person has not changed
//!   since the last import (it still equals what the OT sent then) takes the OT's new words; a
//!   part the person changed keeps the person's words. New items are added. An item the person
//!   removed (or an item the new plan no longer has) is left as it is: nothing is deleted or
//!   brought back.
//! - The person's own items and all history (progress, ticks, ratings, status, action logs,
//!   the diary, measures) are never touched.
//! - Plans are signed by the OT's practice, and the first plan's key is pinned: see
//!   [`signing`]. A revision may be at most [`signing::MAX_REVISION_STEP`] ahead of the one
//!   the person has, and no import takes a list past the app's own limit ([`MAX_ITEMS`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checklists::{
    AdviceKind, HazardCheck, ItemStatus, Owner, Room, WorkplaceItem, MAX_ITEMS, MAX_ITEM_CHARS,
};
use super::goals::{
    AttainmentLevels, Goal, GoalStatus, GoalTask, Source, TaskFrequency, MAX_PART_CHARS,
};
use super::ids::{GoalId, HazardId, TaskId, WorkplaceItemId};
use super::settings::DiaryRatingToggles;
use super::share::{decode_json, ShareError};
use super::state::{AppData, DomainError};

pub mod signing;
use signing::{VerifiedPlan, MAX_REVISION_STEP};

/// The version of the plan's own JSON (inside the share envelope).
pub const PLAN_VERSION: u32 = 1;
/// Limits that keep a plan small enough for a link and a phone.
pub const MAX_PLAN_GOALS: usize = 20;
pub const MAX_PLAN_TASKS: usize = 20;
pub const MAX_MESSAGE_CHARS: usize = 1_000;
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_OT_CHARS: usize = 80;

/// A step of a goal in a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTask {
    pub key: String,
    pub title: String,
    #[serde(default)]
    pub frequency: TaskFrequency,
}

/// A goal in a plan: the four parts, the five levels, the starting level and the OT's
/// difficulty rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanGoal {
    pub key: String,
    pub activity: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub support: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub amount: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_when: Option<NaiveDate>,
    #[serde(default)]
    pub levels: AttainmentLevels,
    pub baseline: i8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<u8>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<PlanTask>,
}

/// A workplace adjustment suggested in a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAdjustment {
    pub key: String,
    pub kind: AdviceKind,
    pub text: String,
}

/// A home-safety hazard added by the OT.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanHazard {
    pub key: String,
    pub room: Room,
    pub hazard: String,
    #[serde(default)]
    pub fix: String,
}

/// Which measure the OT asks the person to complete.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanMeasure {
    Confidence,
    SelfEfficacy,
    WorkAbility,
    /// GP appointments, days off sick and fit notes.
    Events,
    /// The falls self-check (for the older adults' group; usually every 3 months).
    Falls,
}

impl PlanMeasure {
    pub const ALL: [PlanMeasure; 5] = [
        PlanMeasure::Confidence,
        PlanMeasure::SelfEfficacy,
        PlanMeasure::WorkAbility,
        PlanMeasure::Events,
        PlanMeasure::Falls,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PlanMeasure::Confidence => "The quick confidence check-in",
            PlanMeasure::SelfEfficacy => "The six-question confidence questionnaire",
            PlanMeasure::WorkAbility => "The work ability score",
            PlanMeasure::Events => "GP appointments, days off sick and fit notes",
            PlanMeasure::Falls => "The falls self-check",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            PlanMeasure::Confidence => "confidence",
            PlanMeasure::SelfEfficacy => "self_efficacy",
            PlanMeasure::WorkAbility => "work_ability",
            PlanMeasure::Events => "events",
            PlanMeasure::Falls => "falls",
        }
    }
}

/// How often to complete a measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureWhen {
    Daily,
    #[default]
    Weekly,
    /// Once before the next review.
    BeforeReview,
    /// At the start, then every 4 weeks.
    EveryFourWeeks,
    /// At the start, then every 3 months.
    EveryThreeMonths,
}

impl MeasureWhen {
    pub const ALL: [MeasureWhen; 5] = [
        MeasureWhen::Daily,
        MeasureWhen::Weekly,
        MeasureWhen::EveryFourWeeks,
        MeasureWhen::EveryThreeMonths,
        MeasureWhen::BeforeReview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MeasureWhen::Daily => "every day",
            MeasureWhen::Weekly => "once a week",
            MeasureWhen::BeforeReview => "once before the next review",
            MeasureWhen::EveryFourWeeks => "now, then every 4 weeks",
            MeasureWhen::EveryThreeMonths => "now, then every 3 months",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            MeasureWhen::Daily => "daily",
            MeasureWhen::Weekly => "weekly",
            MeasureWhen::BeforeReview => "review",
            MeasureWhen::EveryFourWeeks => "4weeks",
            MeasureWhen::EveryThreeMonths => "3months",
        }
    }
}

/// A measure to complete, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMeasureItem {
    pub measure: PlanMeasure,
    #[serde(default)]
    pub when: MeasureWhen,
}

/// Pacing as the OT sets it: on or off, with a daily budget from the baseline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPacing {
    pub on: bool,
    /// Minutes a day (the budget the OT worked out with the person).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u16>,
}

/// Everything in an OT's plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The plan format version.
    pub v: u32,
    /// The plan's identity, kept across updates.
    pub id: String,
    /// The OT (name and service) who made it.
    #[serde(default)]
    pub ot: String,
    /// Goes up each time the OT updates the plan.
    pub revision: u32,
    pub made: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ot_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<PlanGoal>,
    #[serde(default)]
    pub ratings: DiaryRatingToggles,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pacing: Option<PlanPacing>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workplace: Vec<PlanAdjustment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub home: Vec<PlanHazard>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<PlanMeasureItem>,
}

impl Plan {
    /// An empty plan with a fresh identity.
    pub fn new(id: String, made: NaiveDate) -> Plan {
        Plan {
            v: PLAN_VERSION,
            id,
            ot: String::new(),
            revision: 1,
            made,
            ot_start: None,
            next_review: None,
            message: String::new(),
            goals: Vec::new(),
            ratings: DiaryRatingToggles::default(),
            pacing: None,
            workplace: Vec::new(),
            home: Vec::new(),
            measures: Vec::new(),
        }
    }
}

/// A plan the person accepted, kept so an update can tell the person's edits from the OT's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedPlan {
    pub imported: NaiveDate,
    pub plan: Plan,
}

// ---------------------------------------------------------------------------------------------
// Reading and checking.

/// The plan as JSON, for a link, a file or a template.
pub fn plan_json(plan: &Plan) -> String {
    serde_json::to_string(plan).unwrap_or_default()
}

#[derive(Deserialize)]
struct VersionProbe {
    v: u32,
}

/// THE one path a plan from outside is read through: size limit, version (a newer plan gets a
/// plain message), then every value checked. Never panics, whatever the bytes.
pub fn decode_plan(bytes: &[u8]) -> Result<Plan, ShareError> {
    let probe: VersionProbe = decode_json(bytes)?;
    if probe.v > PLAN_VERSION {
        return Err(ShareError::Newer);
    }
    let plan: Plan = decode_json(bytes)?;
    check_plan(&plan).map_err(|e| match e {
        DomainError::Date(e) => ShareError::Date(e),
        _ => ShareError::Damaged,
    })?;
    Ok(plan)
}

fn too_long(what: &str, max: usize) -> DomainError {
    DomainError::Invalid(format!(
        "The {what} is too long: please keep it under {max} characters."
    ))
}

fn text_ok(what: &str, text: &str, max: usize) -> Result<(), DomainError> {
    if text.chars().count() > max {
        Err(too_long(what, max))
    } else {
        Ok(())
    }
}

fn key_ok(key: &str, seen: &mut Vec<String>) -> Result<(), DomainError> {
    if key.is_empty() || key.len() > MAX_ID_CHARS || seen.iter().any(|k| k == key) {
        return Err(DomainError::Invalid(
            "The plan has an item without its own label.".into(),
        ));
    }
    seen.push(key.to_string());
    Ok(())
}

/// Check every value of a plan is in range. Used for plans from a link or file, and by the
/// builder before a plan is handed over.
pub fn check_plan(plan: &Plan) -> Result<(), DomainError> {
    super::dates::check_dates(plan)?;
    if plan.v == 0 || plan.v > PLAN_VERSION || plan.revision == 0 {
        return Err(DomainError::Invalid(
            "The plan's version is not known.".into(),
        ));
    }
    if plan.id.is_empty() || plan.id.len() > MAX_ID_CHARS {
        return Err(DomainError::Invalid("The plan has no identity.".into()));
    }
    text_ok("name of the occupational therapist", &plan.ot, MAX_OT_CHARS)?;
    text_ok("message", &plan.message, MAX_MESSAGE_CHARS)?;
    if plan.goals.len() > MAX_PLAN_GOALS {
        return Err(DomainError::Invalid(format!(
            "A plan can have up to {MAX_PLAN_GOALS} goals."
        )));
    }
    let mut keys = Vec::new();
    for g in &plan.goals {
        key_ok(&g.key, &mut keys)?;
        if g.activity.trim().is_empty() {
            return Err(DomainError::Invalid(
                "Each goal needs at least what the person wants to do.".into(),
            ));
        }
        for t in [&g.activity, &g.support, &g.amount] {
            text_ok("part of a goal", t, MAX_PART_CHARS)?;
        }
        for level in -2..=2 {
            text_ok(
                "description of a level",
                g.levels.describe(level),
                MAX_PART_CHARS,
            )?;
        }
        super::state::check_range("starting level", g.baseline.into(), -2, -1)?;
        if let Some(d) = g.difficulty {
            super::state::check_range("difficulty", d.into(), 0, 3)?;
        }
        if g.tasks.len() > MAX_PLAN_TASKS {
            return Err(DomainError::Invalid(format!(
                "A goal in a plan can have up to {MAX_PLAN_TASKS} steps."
            )));
        }
        for t in &g.tasks {
            key_ok(&t.key, &mut keys)?;
            if t.title.trim().is_empty() {
                return Err(DomainError::Invalid(
                    "Please write what each step is.".into(),
                ));
            }
            text_ok("step", &t.title, MAX_PART_CHARS)?;
            if let TaskFrequency::Weekly { times } = t.frequency {
                super::state::check_range("number of times a week", times.into(), 1, 21)?;
            }
        }
    }
    if plan.workplace.len() > MAX_ITEMS || plan.home.len() > MAX_ITEMS {
        return Err(DomainError::Invalid(format!(
            "A plan can have up to {MAX_ITEMS} checklist items of each kind."
        )));
    }
    for a in &plan.workplace {
        key_ok(&a.key, &mut keys)?;
        if a.text.trim().is_empty() {
            return Err(DomainError::Invalid(
                "Please write what each workplace adjustment is.".into(),
            ));
        }
        text_ok("workplace adjustment", &a.text, MAX_ITEM_CHARS)?;
    }
    for h in &plan.home {
        key_ok(&h.key, &mut keys)?;
        if h.hazard.trim().is_empty() {
            return Err(DomainError::Invalid(
                "Please write what each home hazard is.".into(),
            ));
        }
        text_ok("hazard", &h.hazard, MAX_ITEM_CHARS)?;
        text_ok("fix", &h.fix, MAX_ITEM_CHARS)?;
    }
    if plan.measures.len() > PlanMeasure::ALL.len() {
        return Err(DomainError::Invalid(
            "Each measure can be asked for once.".into(),
        ));
    }
    for (i, m) in plan.measures.iter().enumerate() {
        if plan.measures[..i].iter().any(|o| o.measure == m.measure) {
            return Err(DomainError::Invalid(
                "Each measure can be asked for once.".into(),
            ));
        }
    }
    if let Some(p) = &plan.pacing {
        if let Some(m) = p.minutes {
            super::state::check_range("daily pacing budget in minutes", m.into(), 1, 1440)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// What the person sees before accepting.

/// What accepting this plan would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanStatus {
    /// Not seen before.
    New,
    /// An update of a plan already accepted (the revision accepted before).
    Update(u32),
    /// This revision was accepted already: nothing to do.
    AlreadyHave,
    /// An older revision than the one accepted.
    Older,
    /// A revision too far ahead of the one accepted (0 for a plan not seen before): refused,
    /// so a made-up huge number can never block the genuine updates after it.
    TooFarAhead(u32),
}

pub fn plan_status(data: &AppData, plan: &Plan) -> PlanStatus {
    let have = data
        .plans
        .iter()
        .find(|p| p.plan.id == plan.id)
        .map(|p| p.plan.revision);
    match have {
        // Plans added before plans were signed (no key pinned yet) may carry any number, so
        // they never block a signed plan: it is taken as an update of them.
        Some(h) if data.plan_key.is_none() => PlanStatus::Update(h),
        Some(h) if h == plan.revision => PlanStatus::AlreadyHave,
        Some(h) if h > plan.revision => PlanStatus::Older,
        _ if plan.revision > have.unwrap_or(0).saturating_add(MAX_REVISION_STEP) => {
            PlanStatus::TooFarAhead(have.unwrap_or(0))
        }
        None => PlanStatus::New,
        Some(h) => PlanStatus::Update(h),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Plain-English lines saying what a plan holds.
pub fn plan_lines(plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    let tasks: usize = plan.goals.iter().map(|g| g.tasks.len()).sum();
    if !plan.goals.is_empty() {
        lines.push(format!(
            "{} with {}",
            count(plan.goals.len(), "goal", "goals"),
            count(tasks, "step", "steps")
        ));
    }
    let r = &plan.ratings;
    let mut ratings = Vec::new();
    use super::diary::RatingKind;
    for (on, kind) in [
        (r.effort, RatingKind::Effort),
        (r.pain, RatingKind::Pain),
        (r.mood, RatingKind::Mood),
    ] {
        if on {
            ratings.push(kind.label().to_ascii_lowercase());
        }
    }
    if r.activation {
        ratings.push(super::diary::ACTIVATION_SET.to_ascii_lowercase());
    }
    if !ratings.is_empty() {
        lines.push(format!(
            "Diary ratings to switch on: {}",
            ratings.join(", ")
        ));
    }
    if let Some(p) = &plan.pacing {
        lines.push(match (p.on, p.minutes) {
            (true, Some(m)) => format!("Pacing switched on, with a daily budget of {m} minutes"),
            (true, None) => "Pacing switched on".to_string(),
            (false, _) => "Pacing switched off".to_string(),
        });
    }
    if !plan.workplace.is_empty() {
        lines.push(count(
            plan.workplace.len(),
            "workplace adjustment to talk about",
            "workplace adjustments to talk about",
        ));
    }
    if !plan.home.is_empty() {
        lines.push(count(
            plan.home.len(),
            "home-safety item to check",
            "home-safety items to check",
        ));
    }
    for m in &plan.measures {
        lines.push(format!("{}: {}", m.measure.label(), m.when.label()));
    }
    if let Some(d) = plan.ot_start {
        lines.push(format!(
            "Your OT started working with you on {}",
            super::dates::long_date(d)
        ));
    }
    if let Some(d) = plan.next_review {
        lines.push(format!(
            "Your next review is on {}",
            super::dates::long_date(d)
        ));
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// Merging.

/// What accepting a plan did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    Added,
    Updated,
    Unchanged,
}

fn ot_source(plan: &Plan, key: &str) -> Source {
    Source::Ot {
        plan: plan.id.clone(),
        key: key.to_string(),
    }
}

fn is_from(source: &Source, plan: &str, key: &str) -> bool {
    matches!(source, Source::Ot { plan: p, key: k } if p == plan && k == key)
}

/// Take the OT's new value only when the person has not changed the part since the last
/// import.
fn merge_part<T: PartialEq + Clone>(current: &mut T, before: Option<&T>, new: &T) {
    if before.is_some_and(|b| b == current) {
        *current = new.clone();
    }
}

fn new_task(data: &mut AppData, plan: &Plan, t: &PlanTask) -> GoalTask {
    GoalTask {
        id: TaskId(data.take_id()),
        title: t.title.trim().to_string(),
        frequency: t.frequency,
        done: Vec::new(),
        dropped: false,
        source: ot_source(plan, &t.key),
    }
}

/// Accept a plan whose signature was checked: only with the pinned key, or, when none is
/// pinned yet, pinning its key. On error nothing has changed.
pub fn import(
    data: &mut AppData,
    plan: VerifiedPlan,
    today: NaiveDate,
) -> Result<ImportOutcome, DomainError> {
    let (plan, key) = plan.into_parts();
    signing::pinned_trust(data, &key)?;
    check_plan(&plan)?;
    let mut next = data.clone();
    let outcome = merge(&mut next, plan, today)?;
    next.plan_key = Some(key);
    room_left(data, &next)?;
    *data = next;
    Ok(outcome)
}

/// Refuse a plan that would take a list past the app's own limit (the person's own commands
/// stop at [`MAX_ITEMS`] too).
fn room_left(before: &AppData, after: &AppData) -> Result<(), DomainError> {
    let own_hazards = |d: &AppData| {
        d.home_safety
            .hazards
            .iter()
            .filter(|h| h.key.is_empty())
            .count()
    };
    for (what, was, now) in [
        (
            "workplace adjustments",
            before.workplace.items.len(),
            after.workplace.items.len(),
        ),
        (
            "home-safety items of your own and from your OT",
            own_hazards(before),
            own_hazards(after),
        ),
    ] {
        if now > MAX_ITEMS && now > was {
            return Err(DomainError::Invalid(format!(
                "Adding this plan would make more than {MAX_ITEMS} {what}, the most Everyday keeps, so it was not added. Please remove some you no longer need, then open the plan again."
            )));
        }
    }
    Ok(())
}

fn merge(data: &mut AppData, plan: Plan, today: NaiveDate) -> Result<ImportOutcome, DomainError> {
    let before: Option<Plan> = match plan_status(data, &plan) {
        PlanStatus::AlreadyHave => return Ok(ImportOutcome::Unchanged),
        PlanStatus::Older => {
            return Err(DomainError::Invalid(
                "You already have a newer version of this plan, so nothing was changed.".into(),
            ))
        }
        PlanStatus::TooFarAhead(have) => {
            return Err(signing::PlanRefusal::TooFarAhead {
                have,
                got: plan.revision,
            }
            .into())
        }
        PlanStatus::New => None,
        PlanStatus::Update(_) => data
            .plans
            .iter()
            .find(|p| p.plan.id == plan.id)
            .map(|p| p.plan.clone()),
    };
    let old = before.as_ref();
    let id = plan.id.clone();

    // Goals and their steps.
    for pg in &plan.goals {
        let old_goal = old.and_then(|o| o.goals.iter().find(|g| g.key == pg.key));
        let at = data
            .goals
            .iter()
            .position(|g| is_from(&g.source, &id, &pg.key));
        match at {
            Some(i) => {
                let mut tasks_to_add = Vec::new();
                {
                    let goal = &mut data.goals[i];
                    merge_part(
                        &mut goal.activity,
                        old_goal.map(|g| &g.activity),
                        &pg.activity,
                    );
                    merge_part(&mut goal.support, old_goal.map(|g| &g.support), &pg.support);
                    merge_part(&mut goal.amount, old_goal.map(|g| &g.amount), &pg.amount);
                    merge_part(&mut goal.by_when, old_goal.map(|g| &g.by_when), &pg.by_when);
                    merge_part(
                        &mut goal.baseline,
                        old_goal.map(|g| &g.baseline),
                        &pg.baseline,
                    );
                    merge_part(
                        &mut goal.difficulty,
                        old_goal.map(|g| &g.difficulty),
                        &pg.difficulty,
                    );
                    let ol = old_goal.map(|g| &g.levels);
                    let l = &mut goal.levels;
                    merge_part(
                        &mut l.much_less,
                        ol.map(|o| &o.much_less),
                        &pg.levels.much_less,
                    );
                    merge_part(
                        &mut l.somewhat_less,
                        ol.map(|o| &o.somewhat_less),
                        &pg.levels.somewhat_less,
                    );
                    merge_part(
                        &mut l.expected,
                        ol.map(|o| &o.expected),
                        &pg.levels.expected,
                    );
                    merge_part(
                        &mut l.somewhat_more,
                        ol.map(|o| &o.somewhat_more),
                        &pg.levels.somewhat_more,
                    );
                    merge_part(
                        &mut l.much_more,
                        ol.map(|o| &o.much_more),
                        &pg.levels.much_more,
                    );
                    for pt in &pg.tasks {
                        let old_task =
                            old_goal.and_then(|g| g.tasks.iter().find(|t| t.key == pt.key));
                        match goal
                            .tasks
                            .iter_mut()
                            .find(|t| is_from(&t.source, &id, &pt.key))
                        {
                            Some(task) => {
                                merge_part(&mut task.title, old_task.map(|t| &t.title), &pt.title);
                                merge_part(
                                    &mut task.frequency,
                                    old_task.map(|t| &t.frequency),
                                    &pt.frequency,
                                );
                            }
                            // A step the person dropped stays dropped; only new steps are added.
                            None if old_task.is_none() => tasks_to_add.push(pt.clone()),
                            None => {}
                        }
                    }
                }
                for pt in tasks_to_add {
                    let task = new_task(data, &plan, &pt);
                    data.goals[i].tasks.push(task);
                }
            }
            None if old_goal.is_none() => {
                let gid = GoalId(data.take_id());
                let tasks = pg.tasks.iter().map(|t| new_task(data, &plan, t)).collect();
                data.goals.push(Goal {
                    id: gid,
                    activity: pg.activity.trim().to_string(),
                    support: pg.support.trim().to_string(),
                    amount: pg.amount.trim().to_string(),
                    by_when: pg.by_when,
                    levels: pg.levels.clone(),
                    baseline: pg.baseline,
                    importance: None,
                    difficulty: pg.difficulty,
                    status: GoalStatus::Active,
                    created: today,
                    tasks,
                    progress: Vec::new(),
                    ratings: Vec::new(),
                    source: ot_source(&plan, &pg.key),
                });
            }
            None => {}
        }
    }

    // Workplace adjustments.
    for pa in &plan.workplace {
        let old_item = old.and_then(|o| o.workplace.iter().find(|a| a.key == pa.key));
        match data
            .workplace
            .items
            .iter_mut()
            .find(|i| is_from(&i.source, &id, &pa.key))
        {
            Some(item) => {
                merge_part(&mut item.text, old_item.map(|a| &a.text), &pa.text);
                merge_part(&mut item.kind, old_item.map(|a| &a.kind), &pa.kind);
            }
            None if old_item.is_none() => {
                let wid = WorkplaceItemId(data.take_id());
                data.workplace.items.push(WorkplaceItem {
                    id: wid,
                    kind: pa.kind,
                    text: pa.text.trim().to_string(),
                    status: ItemStatus::Suggested,
                    reason: String::new(),
                    owner: Owner::Me,
                    review: plan.next_review,
                    since: None,
                    note: String::new(),
                    private: false,
                    source: ot_source(&plan, &pa.key),
                });
                if !data.workplace.advice.contains(&pa.kind) {
                    data.workplace.advice.push(pa.kind);
                    data.workplace.advice.sort_unstable();
                }
            }
            None => {}
        }
    }

    // Home-safety hazards.
    for ph in &plan.home {
        let old_h = old.and_then(|o| o.home.iter().find(|h| h.key == ph.key));
        match data
            .home_safety
            .hazards
            .iter_mut()
            .find(|h| is_from(&h.source, &id, &ph.key))
        {
            Some(h) => {
                merge_part(&mut h.room, old_h.map(|o| &o.room), &ph.room);
                merge_part(&mut h.hazard, old_h.map(|o| &o.hazard), &ph.hazard);
                merge_part(&mut h.fix, old_h.map(|o| &o.fix), &ph.fix);
            }
            None if old_h.is_none() => {
                let hid = HazardId(data.take_id());
                data.home_safety.hazards.push(HazardCheck {
                    id: hid,
                    room: ph.room,
                    hazard: ph.hazard.trim().to_string(),
                    fix: ph.fix.trim().to_string(),
                    key: String::new(),
                    applies: true,
                    actions: Vec::new(),
                    source: ot_source(&plan, &ph.key),
                });
            }
            None => {}
        }
    }

    // Settings: ratings only ever switched on; the rest three-way like the items.
    let s = &mut data.settings;
    let r = &plan.ratings;
    let or = old.map(|o| &o.ratings);
    for (on, was, mine) in [
        (r.effort, or.map(|o| o.effort), &mut s.diary_ratings.effort),
        (r.pain, or.map(|o| o.pain), &mut s.diary_ratings.pain),
        (r.mood, or.map(|o| o.mood), &mut s.diary_ratings.mood),
        (
            r.activation,
            or.map(|o| o.activation),
            &mut s.diary_ratings.activation,
        ),
    ] {
        // Newly asked for in this plan: switch it on. Asked for before: the person's choice.
        if on && was != Some(true) {
            *mine = true;
        }
    }
    if let Some(p) = &plan.pacing {
        let op = old.and_then(|o| o.pacing.as_ref());
        match op {
            None => {
                s.pacing.on = p.on;
                if p.minutes.is_some() {
                    s.pacing.budget = p.minutes;
                }
            }
            Some(op) => {
                merge_part(&mut s.pacing.on, Some(&op.on), &p.on);
                if p.minutes.is_some() {
                    merge_part(&mut s.pacing.budget, Some(&op.minutes), &p.minutes);
                }
            }
        }
    }
    if plan.ot_start.is_some() {
        match old {
            None if s.ot_start.is_none() => s.ot_start = plan.ot_start,
            None => {}
            Some(o) => merge_part(&mut s.ot_start, Some(&o.ot_start), &plan.ot_start),
        }
    }
    if plan.next_review.is_some() {
        match old {
            None => s.next_review = plan.next_review,
            Some(o) => merge_part(&mut s.next_review, Some(&o.next_review), &plan.next_review),
        }
    }
    let outcome = if old.is_some() {
        ImportOutcome::Updated
    } else {
        ImportOutcome::Added
    };
    let record = ImportedPlan {
        imported: today,
        plan,
    };
    match data.plans.iter_mut().find(|p| p.plan.id == id) {
        Some(p) => *p = record,
        None => data.plans.push(record),
    }
    Ok(outcome)
}

/// Check the stored plans (from a backup or storage).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    signing::validate_pinned(data)?;
    for p in &data.plans {
        check_plan(&p.plan)?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
