//! Confidence and outcome self-ratings: the quick confidence check-in, the six-item
//! Self-Efficacy for Managing Chronic Disease scale and the single-item work ability score.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// "How confident do you feel managing your health and everyday life?" 0 to 10.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfidenceCheckIn {
    pub date: NaiveDate,
    pub score: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Answers to the six self-efficacy items, each 1 to 10 or left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfEfficacyResponse {
    pub date: NaiveDate,
    pub items: [Option<u8>; 6],
}

/// Current work ability compared with the lifetime best, 0 to 10.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAbilityScore {
    pub date: NaiveDate,
    pub score: u8,
}

/// All self-ratings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confidence: Vec<ConfidenceCheckIn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_efficacy: Vec<SelfEfficacyResponse>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub work_ability: Vec<WorkAbilityScore>,
}
