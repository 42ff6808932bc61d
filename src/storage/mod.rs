//! Storage: the only code that touches localStorage. The engine is plain Rust over a small
//! key-value interface, so its rules are tested natively; `local` adapts it to the browser.

pub mod engine;
pub mod kv;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod lock_migration;
#[cfg(target_arch = "wasm32")]
pub mod locked;
pub mod ot_kept;
pub mod ot_plans;
pub mod sealed;

pub use engine::{
    LoadProblem, Loaded, QuarantinedItem, SaveError, Store, Usage, NEWER_VERSION_MESSAGE,
};
pub use kv::{KeyValue, KvError, MemoryKv};
