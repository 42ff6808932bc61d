//! Pure domain logic: records, rules, scoring, versioned formats. No browser types here, so
//! everything in this module builds and is tested natively with `cargo test`.

pub mod activity;
pub mod agenda;
pub mod backup;
pub mod case;
pub mod checklists;
pub mod dates;
pub mod diary;
pub mod envelope;
pub mod goals;
pub mod home_safety;
pub mod html;
pub mod ics;
pub mod ids;
pub mod lock;
pub mod measures;
pub mod outcomes;
pub mod plan;
pub mod qr;
pub mod ratings;
pub mod sample;
pub mod settings;
pub mod share;
pub mod state;
pub mod summary;
pub mod wire;
pub mod workplace;
