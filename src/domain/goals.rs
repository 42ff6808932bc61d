//! Goals: the four-part SMART goal, its steps, progress records and attainment levels.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::{GoalId, TaskId};

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
