//! Counted outcomes the OT service is measured by: GP appointments, days off sick, fit notes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ids::OutcomeId;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    GpAppointment,
    SickDay,
    FitNoteRequested,
    FitNoteReceived,
}

/// One counted event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeEvent {
    pub id: OutcomeId,
    pub date: NaiveDate,
    pub kind: OutcomeKind,
    /// What a GP appointment was for, if the person wants to say.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}
