//! One module per feature. Pages render state and call actions; rules live in `domain`.

pub mod checklists;
pub mod diary;
pub mod employer;
pub mod goals;
pub mod lock;
pub mod measures;
pub mod ot;
pub mod ot_plan;
pub mod ot_summaries;
pub mod plan;
pub mod progress;
pub mod settings;
pub mod summary;
pub mod summary_sheet;
pub mod today;
