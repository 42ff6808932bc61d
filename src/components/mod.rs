//! Shared presentational pieces.

pub mod choices;
pub mod date_field;
pub mod error_summary;
pub mod field;
pub mod html;
pub mod level_chart;
pub mod line_chart;
pub mod notices;
pub mod page;
pub mod rating_scale;
