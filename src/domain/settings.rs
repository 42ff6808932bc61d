//! The person's own settings and the dates that frame their OT involvement.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Which optional 0 to 10 ratings the diary asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryRatingToggles {
    #[serde(default)]
    pub effort: bool,
    #[serde(default)]
    pub pain: bool,
    #[serde(default)]
    pub mood: bool,
    /// Achievement, closeness and enjoyment (behavioural activation).
    #[serde(default)]
    pub activation: bool,
}

/// Settings and profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The first-run welcome has been read.
    #[serde(default)]
    pub welcome_done: bool,
    /// The name or initials the person wants on their summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// When a backup file was last downloaded (local time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<NaiveDateTime>,
    /// When OT involvement started, for "before and since" figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ot_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    #[serde(default)]
    pub diary_ratings: DiaryRatingToggles,
    /// The day of the last review with the OT: "since the last review" summaries start there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<NaiveDate>,
    /// "What I want to talk about", kept for the next summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub talk_about: String,
}
