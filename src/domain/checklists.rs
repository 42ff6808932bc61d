//! Checklists: the workplace plan (shaped like the fit note and the AHP Health and Work Report)
//! and the room-by-room home-safety checklist with its action log.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::goals::Source;
use super::ids::{HazardId, WorkplaceItemId};

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
    pub difficulty: String,
    pub recommendation: String,
}

/// One week of a phased return to work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhasedReturnWeek {
    pub starts: NaiveDate,
    /// Hours to work that week.
    pub hours: u8,
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
