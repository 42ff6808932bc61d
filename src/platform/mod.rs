//! Browser adapters other than storage: the clock, files in and out, persistent storage and
//! the service worker. Everything here is thin; rules live in `domain`.

pub mod clock;
pub mod crypto;
pub mod files;
pub mod focus;
pub mod notify;
pub mod persist;
pub mod share;
pub mod share_files;
pub mod sign;
