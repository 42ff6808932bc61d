//! Counted outcomes the OT service is measured by: GP appointments, days off sick, fit notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::OutcomeId;

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum OutcomeKind {
    GpAppointment {
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
    SickDay,
    FitNoteRequested,
    FitNoteReceived,
}

/// One counted event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeEvent {
    pub id: OutcomeId,
    pub date: NaiveDate,
    #[serde(flatten)]
    pub kind: OutcomeKind,
}
