//! The small key-value interface the storage engine needs, and an in-memory version of it for
//! native tests (with an optional quota, so a full store can be tested without a browser, and
//! a write that fails on purpose, for the fault-injection tests).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why a write failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// The browser's storage for this site is full (QuotaExceededError).
    Full,
    /// Storage is switched off or unavailable (private mode, blocked by settings).
    Unavailable(String),
}

/// A string key-value store with the semantics of `localStorage`.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// The size the value under `key` takes in the browser's storage, key included, in UTF-16
    /// units (0 when there is none). A store that keeps values in another form (sealed) says
    /// so here.
    fn stored_units(&self, key: &str) -> usize {
        self.get(key).map_or(0, |v| units(key) + units(&v))
    }
}

/// Size of a stored string the way browsers count it: UTF-16 code units.
pub fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// In-memory store, counting size like a browser does (key plus value, UTF-16 units).
#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    /// Largest total size allowed, in UTF-16 units; `None` for no limit.
    pub quota: Option<usize>,
    /// For tests: the write with this number (counting every `set` tried, from 0) fails with
    /// this error, as a browser's can at any moment.
    pub fail_set: Option<(usize, KvError)>,
    /// How many writes (`set`) have been tried.
    pub sets: usize,
}

impl MemoryKv {
    pub fn with_quota(quota: usize) -> Self {
        MemoryKv {
            quota: Some(quota),
            ..MemoryKv::default()
        }
    }

    pub fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        let n = self.sets;
        self.sets += 1;
        if let Some((at, e)) = &self.fail_set {
            if *at == n {
                return Err(e.clone());
            }
        }
        if let Some(quota) = self.quota {
            let old = self
                .map
                .get(key)
                .map(|v| units(key) + units(v))
                .unwrap_or(0);
            if self.used() - old + units(key) + units(value) > quota {
                return Err(KvError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}

/// One store shared by several users, as two tabs share a site's localStorage: each `Store`
/// over a clone of the same `Rc` sees the other's writes.
impl<K: KeyValue> KeyValue for Rc<RefCell<K>> {
    fn get(&self, key: &str) -> Option<String> {
        self.borrow().get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.borrow_mut().set(key, value)
    }

    fn remove(&mut self, key: &str) {
        self.borrow_mut().remove(key)
    }

    fn keys(&self) -> Vec<String> {
        self.borrow().keys()
    }

    fn stored_units(&self, key: &str) -> usize {
        self.borrow().stored_units(key)
    }
}
