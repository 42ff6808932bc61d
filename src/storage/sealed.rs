//! Encryption under the storage engine: the plaintext mirror the engine runs on while the lock
//! is on, and the batch that carries each save to the browser's storage. Why it is shaped this
//! way (WebCrypto is async, the engine is not) is explained in `domain::lock`.
//!
//! Everything here is synchronous and tested natively; the sealing itself (async) is done by
//! the caller between [`SealedKv::take_batch`] and [`apply_batch`].

use std::collections::BTreeMap;

use super::engine::{META_KEY, PREFIX};
use super::kv::{units, KeyValue, KvError};
use crate::domain::lock::{sealed_units_at_most, LOCK_KEY, MIGRATION_KEY, STAGE_PREFIX, TRIES_KEY};

/// Chromium's localStorage quota per site, in UTF-16 units of keys and values.
pub const BROWSER_QUOTA_UNITS: usize = 5_242_880;

/// Keys stored as plain text even when the lock is on (see `domain::lock`): another tab must
/// read them without the key. Everything else under `everyday/` is sealed.
pub fn stays_plain(key: &str) -> bool {
    key == META_KEY
        || key == LOCK_KEY
        || key == TRIES_KEY
        || key == MIGRATION_KEY
        || key.starts_with(STAGE_PREFIX)
        || !key.starts_with(PREFIX)
}

/// The most room a value can take in the browser's storage: its key, and the value as stored
/// (sealed, at the most its compressed form can take, or plain).
pub fn stored_units(key: &str, plain: &str) -> usize {
    units(key)
        + if stays_plain(key) {
            units(plain)
        } else {
            sealed_units_at_most(plain.len())
        }
}

/// One write of a save, with what it replaced (to undo it).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Logged {
    key: String,
    old: Option<String>,
    /// The stored size of `old`, when known.
    old_size: Option<usize>,
    new: Option<String>,
}

/// The writes of one or more saves, in order, still to be sealed and stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// `(key, Some(plain))` to set, `(key, None)` to remove, in the order the engine made them.
    pub writes: Vec<(String, Option<String>)>,
    /// The plain meta value the browser's storage must still hold for this batch to be written
    /// (what the mirror held before the batch's first meta write): if another tab has saved
    /// since, writing would overwrite its changes.
    pub expect_meta: Option<Option<String>>,
    logged: Vec<Logged>,
}

impl Batch {
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }
}

/// The engine's store while the lock is on: the plaintext of every value, in memory only, and
/// the writes not yet carried to the browser's storage. The quota is checked at the real size
/// of each value stored, and at the most a value not yet stored can take, so a save that might
/// not fit is refused here, synchronously.
#[derive(Clone, Debug, Default)]
pub struct SealedKv {
    mirror: BTreeMap<String, String>,
    /// The real stored size (key included) of values as they are in storage.
    known: BTreeMap<String, usize>,
    log: Vec<Logged>,
    /// Room for Everyday's own keys: the browser's quota less what other keys of this site
    /// use.
    quota: usize,
    /// Units the stored (sealed) form of the mirror takes, kept up to date.
    used: usize,
}

impl SealedKv {
    /// A mirror of the opened values (plain text for every key), the size each takes as
    /// stored (key included), and `quota` units of room.
    pub fn new(
        opened: BTreeMap<String, String>,
        known: BTreeMap<String, usize>,
        quota: usize,
    ) -> SealedKv {
        let mut kv = SealedKv {
            mirror: opened,
            known,
            log: Vec::new(),
            quota,
            used: 0,
        };
        kv.used = kv.mirror.keys().map(|k| kv.size(k)).sum();
        kv
    }

    /// The room the value under `key` takes: its real size if it is stored as it is, or else
    /// the most it can take.
    fn size(&self, key: &str) -> usize {
        match (self.known.get(key), self.mirror.get(key)) {
            (Some(size), _) => *size,
            (None, Some(v)) => stored_units(key, v),
            (None, None) => 0,
        }
    }

    /// A batch has been stored: each value still as it was written now counts at its real
    /// size. `stored` is the batch's writes as stored (same order).
    pub fn settle(&mut self, batch: &Batch, stored: &[(String, Option<String>)]) {
        for ((key, plain), (_, text)) in batch.writes.iter().zip(stored) {
            if let (Some(plain), Some(text)) = (plain, text) {
                if self.mirror.get(key) == Some(plain) {
                    let before = self.size(key);
                    let real = units(key) + units(text);
                    self.known.insert(key.clone(), real);
                    self.used = self.used - before + real;
                }
            }
        }
    }

    /// Units used as stored.
    pub fn used(&self) -> usize {
        self.used
    }

    /// Whether writes are waiting to be carried to storage (a save that failed and was put
    /// back by the engine leaves nothing to carry).
    pub fn has_pending(&self) -> bool {
        self.log.iter().any(|l| self.changed(l))
    }

    /// The keys whose value now differs from what it was before the first logged write.
    fn changed(&self, entry: &Logged) -> bool {
        let before = self
            .log
            .iter()
            .find(|l| l.key == entry.key)
            .map_or(&entry.old, |l| &l.old);
        before.as_ref() != self.mirror.get(&entry.key)
    }

    /// Take the writes made since the last batch, in order, leaving out keys that are back
    /// to what they held before (a failed save the engine put back).
    pub fn take_batch(&mut self) -> Batch {
        let keep: Vec<bool> = self.log.iter().map(|l| self.changed(l)).collect();
        let logged: Vec<Logged> = std::mem::take(&mut self.log)
            .into_iter()
            .zip(keep)
            .filter_map(|(l, k)| k.then_some(l))
            .collect();
        let expect_meta = logged
            .iter()
            .find(|l| l.key == META_KEY)
            .map(|l| l.old.clone());
        Batch {
            writes: logged
                .iter()
                .map(|l| (l.key.clone(), l.new.clone()))
                .collect(),
            expect_meta,
            logged,
        }
    }

    /// A batch could not be stored: undo it in the mirror, and every write logged since, so
    /// the mirror again holds exactly what the browser's storage holds.
    pub fn undo(&mut self, batch: Batch) {
        let later = std::mem::take(&mut self.log);
        for l in batch.logged.into_iter().chain(later).rev() {
            self.put(&l.key, l.old, l.old_size);
        }
    }

    fn put(&mut self, key: &str, value: Option<String>, size: Option<usize>) {
        self.used -= self.size(key);
        self.mirror.remove(key);
        self.known.remove(key);
        if let Some(v) = value {
            self.mirror.insert(key.to_string(), v);
            if let Some(size) = size {
                self.known.insert(key.to_string(), size);
            }
            self.used += self.size(key);
        }
    }

    /// Bring in a value another tab stored (already opened, with its stored size), without
    /// logging it.
    pub fn refresh(&mut self, key: &str, value: Option<String>, size: Option<usize>) {
        self.put(key, value, size);
    }
}

impl KeyValue for SealedKv {
    fn get(&self, key: &str) -> Option<String> {
        self.mirror.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        let old = self.mirror.get(key).cloned();
        if self.used - self.size(key) + stored_units(key, value) > self.quota {
            return Err(KvError::Full);
        }
        self.log.push(Logged {
            key: key.to_string(),
            old,
            old_size: self.known.get(key).copied(),
            new: Some(value.to_string()),
        });
        self.put(key, Some(value.to_string()), None);
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        let old = self.mirror.get(key).cloned();
        if old.is_none() {
            return;
        }
        self.log.push(Logged {
            key: key.to_string(),
            old,
            old_size: self.known.get(key).copied(),
            new: None,
        });
        self.put(key, None, None);
    }

    fn keys(&self) -> Vec<String> {
        self.mirror.keys().cloned().collect()
    }

    fn stored_units(&self, key: &str) -> usize {
        self.size(key)
    }
}

/// Why a batch was not stored. Storage is left exactly as it was in every case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BatchError {
    /// Another tab saved since this tab's mirror was made.
    Conflict,
    /// The browser refused a write.
    Kv(KvError),
}

/// Store a sealed batch (`(key, Some(stored text))` or `(key, None)`, in order) after checking
/// no other tab has saved meanwhile. On the first refused write every key touched is put back,
/// newest first, so storage is exactly as it was (rolling back only restores what fitted
/// before, with the new values taken out first, so it cannot run out of room).
pub fn apply_batch<K: KeyValue>(
    kv: &mut K,
    expect_meta: Option<&Option<String>>,
    writes: &[(String, Option<String>)],
) -> Result<(), BatchError> {
    if let Some(expected) = expect_meta {
        if kv.get(META_KEY) != *expected {
            return Err(BatchError::Conflict);
        }
    }
    let mut undo: Vec<(&str, Option<String>)> = Vec::new();
    let mut failure = None;
    for (key, value) in writes {
        undo.push((key.as_str(), kv.get(key)));
        match value {
            Some(text) => {
                if let Err(e) = kv.set(key, text) {
                    failure = Some(e);
                    break;
                }
            }
            None => kv.remove(key),
        }
    }
    let Some(e) = failure else {
        return Ok(());
    };
    for (key, old) in undo.into_iter().rev() {
        match old {
            Some(text) => {
                let _ = kv.set(key, &text);
            }
            None => kv.remove(key),
        }
    }
    Err(BatchError::Kv(e))
}
