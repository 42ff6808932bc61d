//! Checklists: the workplace plan (shaped like the fit note and the AHP Health and Work Report)
//! and the room-by-room home-safety checklist with its action log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::goals::Source;
use super::ids::UNSET;
use super::ids::{ActionId, DifficultyId, FallsCheckId, HazardId, WeekId, WorkplaceItemId};
use super::state::{check_text, AppData, DomainError, MAX_TEXT_CHARS};

/// The kinds of advice on a fit note, plus the AHP report's "workplace assessment".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceKind {
    PhasedReturn,
    AlteredHours,
    AmendedDuties,
    WorkplaceAdaptations,
    WorkplaceAssessment,
}

/// Where a workplace adjustment has got to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    Suggested,
    AskedFor,
    Agreed,
    InPlace,
    /// Not possible: the reason is in the item's `reason`.
    NotPossible,
    DidNotHelp,
}

/// Who acts on an item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    #[default]
    Me,
    Employer,
    Ot,
}

/// One concrete adjustment on the workplace plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplaceItem {
    pub id: WorkplaceItemId,
    pub kind: AdviceKind,
    pub text: String,
    #[serde(default)]
    pub status: ItemStatus,
    /// Why it is not possible, when that is its status.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default)]
    pub owner: Owner,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    /// When the item got its current status (asked for on, agreed on, in place since).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A private item is never shared with the employer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    #[serde(default, skip_serializing_if = "Source::is_me")]
    pub source: Source,
}

/// A work-relevant difficulty and the recommendation or goal for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difficulty {
    /// Missing (0) in data saved before rows had ids; given one when the data is loaded.
    #[serde(default)]
    pub id: DifficultyId,
    pub difficulty: String,
    pub recommendation: String,
    /// A private row is never shared with the employer.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
}

/// One week of a phased return to work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhasedReturnWeek {
    /// Missing (0) in data saved before weeks had ids; given one when the data is loaded.
    #[serde(default)]
    pub id: WeekId,
    pub starts: NaiveDate,
    /// Whole hours to work that week (with `half_hour`, half an hour more).
    pub hours: u8,
    /// Half an hour more than `hours` (37.5 hours is 37 and this). Missing in data saved before
    /// half hours; an older version reading newer data sees the whole hours only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub half_hour: bool,
    /// Days to work that week (each week can have its own).
    #[serde(default)]
    pub days: u8,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// A Wellness Action Plan for people with mental health problems.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellnessActionPlan {
    #[serde(default)]
    pub keeps_me_well: String,
    #[serde(default)]
    pub warning_signs: String,
    #[serde(default)]
    pub effect_on_work: String,
    #[serde(default)]
    pub support_from_manager: String,
    #[serde(default)]
    pub review: Option<NaiveDate>,
}

/// The workplace plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkplacePlan {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub difficulties: Vec<Difficulty>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<WorkplaceItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phased_return: Vec<PhasedReturnWeek>,
    #[serde(default)]
    pub wellness: WellnessActionPlan,
    /// The fit note's kinds of advice this plan follows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<AdviceKind>,
    /// What the person chose to share with their employer (None: the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<ShareChoices>,
}

/// What goes into a share with the employer. Health details, the diary, ratings, goals and
/// anything marked private are never offered: see `domain::share::share_payload`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShareChoices {
    /// The person's name, as set in Settings.
    pub name: bool,
    /// The kinds of advice, the period the plan covers and its review date.
    pub period: bool,
    /// Adjustments agreed or in place.
    pub agreed: bool,
    /// Adjustments asked for but not yet agreed.
    pub asked_for: bool,
    /// Adjustments only suggested so far (marked as suggested on the employer's page). Missing
    /// in choices saved before it existed: off.
    pub suggested: bool,
    /// The notes on the shared adjustments.
    pub notes: bool,
    pub phased_return: bool,
    /// The difficulties and recommendations table.
    pub difficulties: bool,
    /// The Wellness Action Plan (off unless chosen: it is about mental health).
    pub wellness: bool,
}

impl Default for ShareChoices {
    fn default() -> Self {
        ShareChoices {
            name: true,
            period: true,
            agreed: true,
            // What a person expects the employer to see: what is agreed, in place or asked for.
            asked_for: true,
            suggested: false,
            notes: false,
            phased_return: true,
            difficulties: true,
            wellness: false,
        }
    }
}

/// The rooms of the home-safety checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Room {
    Entrance,
    HallAndStairs,
    LivingRoom,
    Kitchen,
    Bedroom,
    Bathroom,
    GardenAndOutside,
}

/// What was done about a hazard, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionLogEntry {
    /// Missing (0) in data saved before entries had ids; given one when the data is loaded.
    #[serde(default)]
    pub id: ActionId,
    pub date: NaiveDate,
    pub what: String,
}

/// A hazard on the home-safety checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HazardCheck {
    pub id: HazardId,
    pub room: Room,
    pub hazard: String,
    pub fix: String,
    /// The built-in hazard this record is for (empty for the person's or OT's own).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// Ticked by the person when this hazard applies to their home.
    #[serde(default)]
    pub applies: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionLogEntry>,
    #[serde(default, skip_serializing_if = "Source::is_me")]
    pub source: Source,
}

/// One completed falls self-check: yes/no answers in the order of the statements.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FallsCheck {
    /// Missing (0) in data saved before checks had ids; given one when the data is loaded.
    #[serde(default)]
    pub id: FallsCheckId,
    pub date: NaiveDate,
    pub answers: Vec<bool>,
}

/// The home-safety checklist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeSafety {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hazards: Vec<HazardCheck>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub falls_checks: Vec<FallsCheck>,
}

// ---------------------------------------------------------------------------------------------
// Commands: every change to the checklists, checked before anything changes.

/// The longest an adjustment, hazard or fix can be.
pub const MAX_ITEM_CHARS: usize = 300;
/// The most adjustments, difficulties or own hazards kept (more would not fit on a plan).
pub const MAX_ITEMS: usize = 200;

/// A hazard on the checklist: a built-in one (by key) or one already recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HazardRef {
    Library(String),
    Recorded(HazardId),
}

/// A change to the workplace plan or the home-safety checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChecklistCommand {
    /// The kinds of advice, the period the plan covers and its review date.
    SetPlan {
        advice: Vec<AdviceKind>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        review: Option<NaiveDate>,
    },
    AddItem {
        kind: AdviceKind,
        text: String,
        since: NaiveDate,
    },
    /// Change an item (found by its id); where it came from is kept.
    UpdateItem(WorkplaceItem),
    RemoveItem(WorkplaceItemId),
    /// Put back a removed item (undo).
    RestoreItem(WorkplaceItem),
    /// A new row (it gets a fresh id; the row's own is ignored).
    AddDifficulty(Difficulty),
    /// Change the row with this id (its id stays).
    ChangeDifficulty {
        id: DifficultyId,
        row: Difficulty,
    },
    RemoveDifficulty(DifficultyId),
    /// Put back a removed row with its id (undo), before the row that followed it, or at the
    /// end when that row is gone too.
    RestoreDifficulty {
        row: Difficulty,
        before: Option<DifficultyId>,
    },
    /// Replace the whole phased return schedule (weeks without an id get fresh ones).
    SetPhasedReturn(Vec<PhasedReturnWeek>),
    MarkWeek {
        week: WeekId,
        done: bool,
    },
    /// Change one week's hours (in half hours) and days: each week can have its own.
    ChangeWeek {
        week: WeekId,
        hours: super::workplace::HalfHours,
        days: u8,
    },
    SetWellness(WellnessActionPlan),
    SetShareChoices(ShareChoices),
    MarkHazard {
        hazard: HazardRef,
        applies: bool,
    },
    /// The person's own hazard (ticked as applying).
    AddHazard {
        room: Room,
        hazard: String,
        fix: String,
    },
    /// Log what was done. The entry keeps its id when it has one no other entry has (an undo
    /// putting it back); otherwise it gets a fresh one.
    LogAction {
        hazard: HazardId,
        entry: ActionLogEntry,
    },
    RemoveAction {
        hazard: HazardId,
        action: ActionId,
    },
    /// A completed self-check. It keeps its id when it has one no other check has (an undo
    /// putting it back); otherwise it gets a fresh one.
    AddFallsCheck(FallsCheck),
    /// Remove a falls self-check saved by mistake.
    RemoveFallsCheck(FallsCheckId),
}

fn invalid(message: impl Into<String>) -> DomainError {
    DomainError::Invalid(message.into())
}

fn gone(what: &str) -> DomainError {
    invalid(format!(
        "That {what} is no longer there. It may have been changed in another tab."
    ))
}

fn clean(what: &str, text: &str, max: usize, needed: bool) -> Result<String, DomainError> {
    let text = text.trim().to_string();
    if needed && text.is_empty() {
        return Err(invalid(format!("Please write the {what}.")));
    }
    check_text(what, &text, max)?;
    Ok(text)
}

fn check_dates(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<(), DomainError> {
    match (from, to) {
        (Some(f), Some(t)) if t < f => Err(invalid(
            "The end of the period is before its start. Please check the dates.",
        )),
        _ => Ok(()),
    }
}

fn clean_item(item: WorkplaceItem) -> Result<WorkplaceItem, DomainError> {
    let text = clean("adjustment", &item.text, MAX_ITEM_CHARS, true)?;
    let reason = clean("reason", &item.reason, MAX_TEXT_CHARS, false)?;
    if item.status == ItemStatus::NotPossible && reason.is_empty() {
        return Err(invalid(
            "Please say why it is not possible, so it is clear at the review.",
        ));
    }
    let note = clean("note", &item.note, MAX_TEXT_CHARS, false)?;
    Ok(WorkplaceItem {
        text,
        reason: if item.status == ItemStatus::NotPossible {
            reason
        } else {
            String::new()
        },
        note,
        ..item
    })
}

fn clean_row(row: Difficulty) -> Result<Difficulty, DomainError> {
    let difficulty = clean("difficulty", &row.difficulty, MAX_TEXT_CHARS, true)?;
    let recommendation = clean("recommendation", &row.recommendation, MAX_TEXT_CHARS, false)?;
    Ok(Difficulty {
        id: row.id,
        difficulty,
        recommendation,
        private: row.private,
    })
}

fn room_for_more(len: usize, what: &str) -> Result<(), DomainError> {
    if len >= MAX_ITEMS {
        return Err(invalid(format!(
            "There are already {MAX_ITEMS} {what}. Please remove some you no longer need first."
        )));
    }
    Ok(())
}

/// A fresh record number not used by any item or hazard.
fn fresh_id(data: &mut AppData) -> u32 {
    loop {
        let id = data.take_id();
        let used = data.workplace.items.iter().any(|i| i.id.0 == id)
            || data.home_safety.hazards.iter().any(|h| h.id.0 == id);
        if !used || data.next_id == u32::MAX {
            return id;
        }
    }
}

fn hazard_mut(data: &mut AppData, id: HazardId) -> Result<&mut HazardCheck, DomainError> {
    data.home_safety
        .hazards
        .iter_mut()
        .find(|h| h.id == id)
        .ok_or_else(|| gone("hazard"))
}

/// Apply a checklist command. On error nothing has changed.
pub fn apply(data: &mut AppData, command: ChecklistCommand) -> Result<(), DomainError> {
    let plan = &mut data.workplace;
    match command {
        ChecklistCommand::SetPlan {
            mut advice,
            from,
            to,
            review,
        } => {
            check_dates(from, to)?;
            // Equal kinds are identical, so an unstable sort gives the same list.
            advice.sort_unstable();
            advice.dedup();
            plan.advice = advice;
            plan.from = from;
            plan.to = to;
            plan.review = review;
        }
        ChecklistCommand::AddItem { kind, text, since } => {
            room_for_more(plan.items.len(), "adjustments")?;
            let item = clean_item(WorkplaceItem {
                id: WorkplaceItemId(0),
                kind,
                text,
                status: ItemStatus::Suggested,
                reason: String::new(),
                owner: Owner::Me,
                review: None,
                since: Some(since),
                note: String::new(),
                private: false,
                source: Source::Me,
            })?;
            let id = WorkplaceItemId(fresh_id(data));
            data.workplace.items.push(WorkplaceItem { id, ..item });
        }
        ChecklistCommand::UpdateItem(item) => {
            let at = plan
                .items
                .iter()
                .position(|i| i.id == item.id)
                .ok_or_else(|| gone("adjustment"))?;
            let source = plan.items[at].source.clone();
            plan.items[at] = WorkplaceItem {
                source,
                ..clean_item(item)?
            };
        }
        ChecklistCommand::RemoveItem(id) => {
            let at = plan
                .items
                .iter()
                .position(|i| i.id == id)
                .ok_or_else(|| gone("adjustment"))?;
            plan.items.remove(at);
        }
        ChecklistCommand::RestoreItem(item) => {
            if plan.items.iter().any(|i| i.id == item.id) {
                return Err(invalid("That adjustment is already there."));
            }
            room_for_more(plan.items.len(), "adjustments")?;
            let item = clean_item(item)?;
            data.next_id = data.next_id.max(item.id.0.saturating_add(1));
            data.workplace.items.push(item);
        }
        ChecklistCommand::AddDifficulty(row) => {
            room_for_more(plan.difficulties.len(), "difficulties")?;
            let row = clean_row(row)?;
            let id = DifficultyId(
                data.fresh_id(|d, id| d.workplace.difficulties.iter().any(|r| r.id.0 == id))?,
            );
            data.workplace.difficulties.push(Difficulty { id, ..row });
        }
        ChecklistCommand::ChangeDifficulty { id, row } => {
            let row = clean_row(row)?;
            *plan
                .difficulties
                .iter_mut()
                .find(|r| r.id == id)
                .ok_or_else(|| gone("row"))? = Difficulty { id, ..row };
        }
        ChecklistCommand::RemoveDifficulty(id) => {
            let at = plan
                .difficulties
                .iter()
                .position(|r| r.id == id)
                .ok_or_else(|| gone("row"))?;
            plan.difficulties.remove(at);
        }
        ChecklistCommand::RestoreDifficulty { row, before } => {
            if row.id.0 == UNSET || plan.difficulties.iter().any(|r| r.id == row.id) {
                return Err(invalid("That row is already there."));
            }
            room_for_more(plan.difficulties.len(), "difficulties")?;
            let row = clean_row(row)?;
            let at = before
                .and_then(|b| plan.difficulties.iter().position(|r| r.id == b))
                .unwrap_or(plan.difficulties.len());
            data.next_id = data.next_id.max(row.id.0.saturating_add(1));
            data.workplace.difficulties.insert(at, row);
        }
        ChecklistCommand::SetPhasedReturn(mut weeks) => {
            super::workplace::check_weeks(&weeks).map_err(DomainError::Invalid)?;
            // Every week needs an id of its own, so a week can be ticked by id.
            let mut seen = std::collections::BTreeSet::new();
            for i in 0..weeks.len() {
                let id = weeks[i].id.0;
                if id == UNSET || !seen.insert(id) {
                    let fresh = data.fresh_id(|d, id| {
                        d.workplace.phased_return.iter().any(|w| w.id.0 == id)
                            || weeks.iter().any(|w| w.id.0 == id)
                    })?;
                    seen.insert(fresh);
                    weeks[i].id = WeekId(fresh);
                } else {
                    data.next_id = data.next_id.max(id.saturating_add(1));
                }
            }
            data.workplace.phased_return = weeks;
        }
        ChecklistCommand::MarkWeek { week, done } => {
            plan.phased_return
                .iter_mut()
                .find(|w| w.id == week)
                .ok_or_else(|| gone("week"))?
                .done = done;
        }
        ChecklistCommand::ChangeWeek { week, hours, days } => {
            if !hours.within_max() {
                return Err(invalid(format!(
                    "Hours in a week must be from 0 to {}.",
                    super::workplace::MAX_WEEK_HOURS
                )));
            }
            if days > 7 {
                return Err(invalid("Days in a week must be from 0 to 7."));
            }
            let w = plan
                .phased_return
                .iter_mut()
                .find(|w| w.id == week)
                .ok_or_else(|| gone("week"))?;
            w.set_hours(hours);
            w.days = days;
        }
        ChecklistCommand::SetWellness(w) => {
            plan.wellness = WellnessActionPlan {
                keeps_me_well: clean("answer", &w.keeps_me_well, MAX_TEXT_CHARS, false)?,
                warning_signs: clean("answer", &w.warning_signs, MAX_TEXT_CHARS, false)?,
                effect_on_work: clean("answer", &w.effect_on_work, MAX_TEXT_CHARS, false)?,
                support_from_manager: clean(
                    "answer",
                    &w.support_from_manager,
                    MAX_TEXT_CHARS,
                    false,
                )?,
                review: w.review,
            };
        }
        ChecklistCommand::SetShareChoices(choices) => {
            plan.share = (choices != ShareChoices::default()).then_some(choices);
        }
        ChecklistCommand::MarkHazard { hazard, applies } => match hazard {
            HazardRef::Recorded(id) => hazard_mut(data, id)?.applies = applies,
            HazardRef::Library(key) => {
                let home = &mut data.home_safety;
                if let Some(h) = home.hazards.iter_mut().find(|h| h.key == key) {
                    h.applies = applies;
                } else {
                    let lib =
                        super::home_safety::library_hazard(&key).ok_or_else(|| gone("hazard"))?;
                    let id = HazardId(fresh_id(data));
                    data.home_safety.hazards.push(HazardCheck {
                        id,
                        room: lib.room,
                        hazard: lib.hazard.into(),
                        fix: lib.fix.into(),
                        key,
                        applies,
                        actions: Vec::new(),
                        source: Source::Me,
                    });
                }
            }
        },
        ChecklistCommand::AddHazard { room, hazard, fix } => {
            let own = data
                .home_safety
                .hazards
                .iter()
                .filter(|h| h.key.is_empty())
                .count();
            room_for_more(own, "of your own hazards")?;
            let hazard = clean("hazard", &hazard, MAX_ITEM_CHARS, true)?;
            let fix = clean("fix", &fix, MAX_ITEM_CHARS, false)?;
            let id = HazardId(fresh_id(data));
            data.home_safety.hazards.push(HazardCheck {
                id,
                room,
                hazard,
                fix,
                key: String::new(),
                applies: true,
                actions: Vec::new(),
                source: Source::Me,
            });
        }
        ChecklistCommand::LogAction { hazard, entry } => {
            if entry.what.trim().is_empty() {
                return Err(invalid("Please write what was done."));
            }
            let what = clean("note of what was done", &entry.what, MAX_TEXT_CHARS, true)?;
            let h = hazard_mut(data, hazard)?;
            room_for_more(h.actions.len(), "things done for this hazard")?;
            let action_used = |d: &AppData, id: u32| {
                d.home_safety
                    .hazards
                    .iter()
                    .flat_map(|h| &h.actions)
                    .any(|a| a.id.0 == id)
            };
            let id = if entry.id.0 != UNSET && !action_used(data, entry.id.0) {
                data.next_id = data.next_id.max(entry.id.0.saturating_add(1));
                entry.id
            } else {
                ActionId(data.fresh_id(action_used)?)
            };
            let h = hazard_mut(data, hazard)?;
            let at = h.actions.partition_point(|a| a.date <= entry.date);
            h.actions.insert(
                at,
                ActionLogEntry {
                    id,
                    date: entry.date,
                    what,
                },
            );
        }
        ChecklistCommand::RemoveAction { hazard, action } => {
            let h = hazard_mut(data, hazard)?;
            let at = h
                .actions
                .iter()
                .position(|a| a.id == action)
                .ok_or_else(|| gone("entry"))?;
            h.actions.remove(at);
        }
        ChecklistCommand::AddFallsCheck(check) => {
            super::home_safety::check_falls(&check).map_err(DomainError::Invalid)?;
            room_for_more(data.home_safety.falls_checks.len(), "self-checks")?;
            let check_used =
                |d: &AppData, id: u32| d.home_safety.falls_checks.iter().any(|c| c.id.0 == id);
            let id = if check.id.0 != UNSET && !check_used(data, check.id.0) {
                data.next_id = data.next_id.max(check.id.0.saturating_add(1));
                check.id
            } else {
                FallsCheckId(data.fresh_id(check_used)?)
            };
            let list = &mut data.home_safety.falls_checks;
            let at = list.partition_point(|c| c.date <= check.date);
            list.insert(at, FallsCheck { id, ..check });
        }
        ChecklistCommand::RemoveFallsCheck(id) => {
            let list = &mut data.home_safety.falls_checks;
            let at = list
                .iter()
                .position(|c| c.id == id)
                .ok_or_else(|| gone("self-check"))?;
            list.remove(at);
        }
    }
    Ok(())
}

/// Range checks for the checklists (used on anything restored from a file).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    let plan = &data.workplace;
    super::workplace::check_weeks(&plan.phased_return).map_err(DomainError::Invalid)?;
    for i in &plan.items {
        check_text("adjustment", &i.text, MAX_ITEM_CHARS)?;
        check_text("reason", &i.reason, MAX_TEXT_CHARS)?;
        check_text("note", &i.note, MAX_TEXT_CHARS)?;
    }
    for d in &plan.difficulties {
        check_text("difficulty", &d.difficulty, MAX_TEXT_CHARS)?;
        check_text("recommendation", &d.recommendation, MAX_TEXT_CHARS)?;
    }
    for h in &data.home_safety.hazards {
        check_text("hazard", &h.hazard, MAX_ITEM_CHARS)?;
        check_text("fix", &h.fix, MAX_ITEM_CHARS)?;
        for a in &h.actions {
            check_text("action", &a.what, MAX_TEXT_CHARS)?;
        }
    }
    for c in &data.home_safety.falls_checks {
        if c.answers.len() > super::home_safety::FALLS_STATEMENTS.len() {
            return Err(invalid("A falls self-check has too many answers."));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::state::Command;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn run(data: &mut AppData, c: ChecklistCommand) -> Result<(), DomainError> {
        data.apply(Command::Checklist(c))
    }

    fn add(data: &mut AppData, text: &str) -> WorkplaceItemId {
        run(
            data,
            ChecklistCommand::AddItem {
                kind: AdviceKind::AlteredHours,
                text: text.into(),
                since: d(3, 1),
            },
        )
        .unwrap();
        data.workplace.items.last().unwrap().id
    }

    #[test]
    fn items_are_added_changed_removed_and_restored() {
        let mut data = AppData::default();
        let id = add(&mut data, "  Start later in the morning ");
        let item = data.workplace.items[0].clone();
        assert_eq!(item.text, "Start later in the morning");
        assert_eq!(item.status, ItemStatus::Suggested);
        // Not possible needs a reason; the refusal changes nothing.
        let before = data.clone();
        let err = run(
            &mut data,
            ChecklistCommand::UpdateItem(WorkplaceItem {
                status: ItemStatus::NotPossible,
                ..item.clone()
            }),
        )
        .unwrap_err();
        assert!(err.to_string().contains("why it is not possible"));
        assert_eq!(data, before);
        run(
            &mut data,
            ChecklistCommand::UpdateItem(WorkplaceItem {
                status: ItemStatus::Agreed,
                reason: "left over".into(),
                owner: Owner::Employer,
                ..item.clone()
            }),
        )
        .unwrap();
        assert_eq!(data.workplace.items[0].owner, Owner::Employer);
        assert_eq!(data.workplace.items[0].reason, "");
        let kept = data.workplace.items[0].clone();
        run(&mut data, ChecklistCommand::RemoveItem(id)).unwrap();
        assert!(data.workplace.items.is_empty());
        assert!(run(&mut data, ChecklistCommand::RemoveItem(id)).is_err());
        run(&mut data, ChecklistCommand::RestoreItem(kept.clone())).unwrap();
        assert_eq!(data.workplace.items, vec![kept]);
        // Empty text is refused.
        assert!(run(
            &mut data,
            ChecklistCommand::AddItem {
                kind: AdviceKind::AlteredHours,
                text: "  ".into(),
                since: d(3, 1),
            }
        )
        .is_err());
    }

    #[test]
    fn plan_dates_and_difficulties() {
        let mut data = AppData::default();
        assert!(run(
            &mut data,
            ChecklistCommand::SetPlan {
                advice: vec![],
                from: Some(d(3, 9)),
                to: Some(d(3, 1)),
                review: None,
            }
        )
        .is_err());
        run(
            &mut data,
            ChecklistCommand::SetPlan {
                advice: vec![
                    AdviceKind::AmendedDuties,
                    AdviceKind::PhasedReturn,
                    AdviceKind::PhasedReturn,
                ],
                from: Some(d(3, 1)),
                to: Some(d(4, 1)),
                review: Some(d(3, 29)),
            },
        )
        .unwrap();
        assert_eq!(
            data.workplace.advice,
            vec![AdviceKind::PhasedReturn, AdviceKind::AmendedDuties]
        );
        let row = Difficulty {
            id: DifficultyId::default(),
            difficulty: "Lifting boxes".into(),
            recommendation: "No lifting over 5 kg".into(),
            private: false,
        };
        run(&mut data, ChecklistCommand::AddDifficulty(row.clone())).unwrap();
        assert!(run(
            &mut data,
            ChecklistCommand::AddDifficulty(Difficulty::default())
        )
        .is_err());
        let row = data.workplace.difficulties[0].clone();
        assert_ne!(row.id.0, UNSET);
        run(&mut data, ChecklistCommand::RemoveDifficulty(row.id)).unwrap();
        assert!(run(&mut data, ChecklistCommand::RemoveDifficulty(row.id)).is_err());
        run(
            &mut data,
            ChecklistCommand::RestoreDifficulty {
                row: row.clone(),
                before: Some(DifficultyId(99)),
            },
        )
        .unwrap();
        assert_eq!(data.workplace.difficulties, vec![row]);
    }

    #[test]
    fn weeks_are_ticked_and_checked() {
        let mut data = AppData::default();
        let weeks = crate::domain::workplace::plan_weeks(
            d(3, 2),
            4,
            crate::domain::workplace::HalfHours::whole(8),
            crate::domain::workplace::HalfHours::whole(36),
            3,
        )
        .unwrap();
        run(&mut data, ChecklistCommand::SetPhasedReturn(weeks)).unwrap();
        let week = data.workplace.phased_return[1].id;
        run(&mut data, ChecklistCommand::MarkWeek { week, done: true }).unwrap();
        assert!(data.workplace.phased_return[1].done);
        assert!(run(
            &mut data,
            ChecklistCommand::MarkWeek {
                week: WeekId(999),
                done: true
            }
        )
        .is_err());
        let mut bad = data.workplace.phased_return.clone();
        bad[2].hours = 99;
        assert!(run(&mut data, ChecklistCommand::SetPhasedReturn(bad)).is_err());
        // One week changed on its own: half hours and its own number of days.
        use crate::domain::workplace::HalfHours;
        let third = data.workplace.phased_return[2].id;
        run(
            &mut data,
            ChecklistCommand::ChangeWeek {
                week: third,
                hours: HalfHours(55),
                days: 4,
            },
        )
        .unwrap();
        let w = &data.workplace.phased_return[2];
        assert_eq!((w.hours, w.half_hour, w.days), (27, true, 4));
        assert_eq!(data.workplace.phased_return[1].days, 3);
        let before = data.clone();
        for (hours, days) in [(HalfHours(161), 4), (HalfHours(20), 8)] {
            assert!(run(
                &mut data,
                ChecklistCommand::ChangeWeek {
                    week: third,
                    hours,
                    days
                }
            )
            .is_err());
        }
        assert!(run(
            &mut data,
            ChecklistCommand::ChangeWeek {
                week: WeekId(999),
                hours: HalfHours(20),
                days: 3
            }
        )
        .is_err());
        assert_eq!(data, before);
    }

    #[test]
    fn hazards_ticked_logged_and_falls_checks() {
        let mut data = AppData::default();
        let lib = |k: &str| HazardRef::Library(k.into());
        run(
            &mut data,
            ChecklistCommand::MarkHazard {
                hazard: lib("living-rugs"),
                applies: true,
            },
        )
        .unwrap();
        run(
            &mut data,
            ChecklistCommand::MarkHazard {
                hazard: lib("living-rugs"),
                applies: false,
            },
        )
        .unwrap();
        run(
            &mut data,
            ChecklistCommand::MarkHazard {
                hazard: lib("living-rugs"),
                applies: true,
            },
        )
        .unwrap();
        assert_eq!(data.home_safety.hazards.len(), 1);
        let h = &data.home_safety.hazards[0];
        assert_eq!(h.room, Room::LivingRoom);
        assert!(h.applies);
        assert!(run(
            &mut data,
            ChecklistCommand::MarkHazard {
                hazard: lib("nope"),
                applies: true
            }
        )
        .is_err());
        let id = data.home_safety.hazards[0].id;
        for (day, what) in [(5, "Second"), (2, "First")] {
            run(
                &mut data,
                ChecklistCommand::LogAction {
                    hazard: id,
                    entry: ActionLogEntry {
                        id: ActionId::default(),
                        date: d(3, day),
                        what: what.into(),
                    },
                },
            )
            .unwrap();
        }
        let whats: Vec<_> = data.home_safety.hazards[0]
            .actions
            .iter()
            .map(|a| a.what.as_str())
            .collect();
        assert_eq!(whats, ["First", "Second"]);
        assert!(run(
            &mut data,
            ChecklistCommand::LogAction {
                hazard: id,
                entry: ActionLogEntry {
                    id: ActionId::default(),
                    date: d(3, 3),
                    what: " ".into()
                },
            }
        )
        .is_err());
        let action = data.home_safety.hazards[0].actions[0].id;
        run(
            &mut data,
            ChecklistCommand::RemoveAction { hazard: id, action },
        )
        .unwrap();
        assert_eq!(data.home_safety.hazards[0].actions.len(), 1);
        run(
            &mut data,
            ChecklistCommand::AddHazard {
                room: Room::Kitchen,
                hazard: "Wobbly stool".into(),
                fix: "".into(),
            },
        )
        .unwrap();
        let own = &data.home_safety.hazards[1];
        assert!(own.applies && own.key.is_empty() && own.id != id);
        assert!(run(
            &mut data,
            ChecklistCommand::AddFallsCheck(FallsCheck {
                id: FallsCheckId::default(),
                date: d(3, 1),
                answers: vec![true]
            })
        )
        .is_err());
        run(
            &mut data,
            ChecklistCommand::AddFallsCheck(FallsCheck {
                id: FallsCheckId::default(),
                date: d(3, 1),
                answers: vec![false; 12],
            }),
        )
        .unwrap();
        assert_eq!(data.home_safety.falls_checks.len(), 1);
        assert!(data.validate().is_ok());
        // One saved by mistake is removed; an id no check has is refused and changes nothing.
        let check = data.home_safety.falls_checks[0].id;
        assert!(run(
            &mut data,
            ChecklistCommand::RemoveFallsCheck(FallsCheckId(999))
        )
        .is_err());
        assert_eq!(data.home_safety.falls_checks.len(), 1);
        run(&mut data, ChecklistCommand::RemoveFallsCheck(check)).unwrap();
        assert!(data.home_safety.falls_checks.is_empty());
    }

    #[test]
    fn share_choices_default_is_not_stored() {
        let mut data = AppData::default();
        let mut choices = ShareChoices::default();
        run(&mut data, ChecklistCommand::SetShareChoices(choices)).unwrap();
        assert_eq!(data.workplace.share, None);
        choices.wellness = true;
        run(&mut data, ChecklistCommand::SetShareChoices(choices)).unwrap();
        assert_eq!(data.workplace.share, Some(choices));
        // Missing fields read as the defaults.
        let read: ShareChoices = serde_json::from_str(r#"{"wellness":true}"#).unwrap();
        assert_eq!(read, choices);
        // Choices stored before "suggested" existed (every field written out, asked-for off)
        // read as they were, with suggested items off.
        let old = r#"{"name":false,"period":true,"agreed":true,"asked_for":false,"notes":false,"phased_return":true,"difficulties":true,"wellness":false}"#;
        let read: ShareChoices = serde_json::from_str(old).unwrap();
        assert!(!read.name && !read.asked_for && !read.suggested && read.agreed);
        // The defaults: agreed, in place and asked for; not suggested.
        let d = ShareChoices::default();
        assert!(d.agreed && d.asked_for && !d.suggested && !d.wellness);
    }
}
