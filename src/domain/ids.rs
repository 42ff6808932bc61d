//! Typed identifiers for records, so a goal id can never be passed where an entry id is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub u32);
    )*};
}

id_type!(
    /// A goal.
    GoalId,
    /// A step or task inside a goal.
    TaskId,
    /// A diary entry.
    EntryId,
    /// A workplace plan checklist item.
    WorkplaceItemId,
    /// A home-safety hazard on the checklist.
    HazardId,
    /// A counted outcome event (GP appointment, sick day, fit note).
    OutcomeId,
    /// A row of the workplace difficulties table.
    DifficultyId,
    /// A week of a phased return to work.
    WeekId,
    /// An entry in a hazard's action log.
    ActionId,
    /// A completed falls self-check.
    FallsCheckId,
);

/// The ids given before a record had one (older stored data) read as 0, which no command
/// ever gives to these records: `AppData::normalise` replaces them when the data is loaded.
pub const UNSET: u32 = 0;
