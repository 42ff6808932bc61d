//! Typed identifiers for records, so a goal id can never be passed where an entry id is meant.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
);
