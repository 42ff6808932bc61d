//! Shared presentational pieces.

pub mod notices;
pub mod rating_scale;
