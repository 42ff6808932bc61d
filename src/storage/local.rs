//! localStorage as the engine's key-value store, with the browser's errors mapped to plain ones.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use super::kv::{KeyValue, KvError};

/// The browser's localStorage for this site.
#[derive(Clone, Debug, Default)]
pub struct LocalKv;

fn storage() -> Result<web_sys::Storage, KvError> {
    // gloo panics when storage is missing; ask the window directly so that becomes an error.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| KvError::Unavailable("storage is switched off".into()))
}

impl LocalKv {
    /// Whether localStorage can be used at all in this browser.
    pub fn available() -> bool {
        storage().is_ok()
    }
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        storage().ok()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        storage()?.set_item(key, value).map_err(|e| {
            let name = e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                KvError::Full
            } else {
                KvError::Unavailable(if name.is_empty() {
                    "the browser refused to save".into()
                } else {
                    name
                })
            }
        })
    }

    fn remove(&mut self, key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Ok(s) = storage() else {
            return Vec::new();
        };
        let len = s.length().unwrap_or(0);
        (0..len).filter_map(|i| s.key(i).ok().flatten()).collect()
    }
}

/// Remove every key of this app (used only by browser tests to start clean).
pub fn clear_all_for_tests() {
    let keys = LocalKv.keys();
    for k in keys {
        if k.starts_with(super::engine::PREFIX) {
            LocalStorage::delete(&k);
        }
    }
}
