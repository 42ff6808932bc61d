//! Everyday: a self-management companion for people seen by a first-contact occupational
//! therapist. The domain and the storage engine are plain Rust (tested natively); the rest is
//! the Leptos shell that renders state and talks to the browser.
#![forbid(unsafe_code)]

pub mod domain;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod features;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod routes;
#[cfg(target_arch = "wasm32")]
pub mod state;

#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub use app::App;
