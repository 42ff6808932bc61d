//! Turning the lock on (sealing every stored value) and off (opening them all again), so that
//! no moment of either loses data if the browser is closed or crashes.
//!
//! The rules, in the order they are followed:
//!
//! 1. Lock on: the lock record is written first. From then on the store may hold sealed and
//!    plain values side by side, and both are read (plain ones as they are). The marker
//!    `lock-migration = sealing` says the work is under way.
//! 2. Each value is converted on its own: its new form is written under a stage key, read
//!    back and checked (a sealed copy is opened again and must give the same text), and only
//!    then replaces the value; then the stage key is removed. A stage key is never the only
//!    copy of anything, so a left-over one is simply removed.
//! 3. When no value is left in the old form, the marker is removed (lock off: the lock record
//!    first, then the marker).
//!
//! After a crash the next start finds the lock record (or the marker) and carries on from the
//! first value still in the old form. If there is not room to finish sealing (sealed values
//! are about a third bigger), the work is turned round and every value is opened again, which
//! only ever frees room, so the store ends as it began.
//!
//! The steps are synchronous; the sealing and opening (async in the browser) are done by the
//! caller between [`stage`] and [`commit`].

use super::engine::{PREFIX, QUARANTINE_PREFIX};
use super::kv::{KeyValue, KvError};
use super::sealed::stays_plain;
use crate::domain::lock::{is_sealed, LOCK_KEY, MIGRATION_KEY, STAGE_PREFIX, TRIES_KEY};

pub const SEALING: &str = "sealing";
/// The same length as [`SEALING`], so turning round never needs more room.
pub const UNSEALING: &str = "opening";

/// Which way the values are being converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Seal,
    Unseal,
}

/// What the stored lock state is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// No lock: every value is plain.
    Plain,
    /// A lock record: a passcode is needed. `Some` when a migration is still to finish.
    Locked(Option<Direction>),
}

/// Read the lock state from storage.
pub fn lock_state<K: KeyValue>(kv: &K) -> LockState {
    if kv.get(LOCK_KEY).is_none() {
        return LockState::Plain;
    }
    let unsealing = kv.get(MIGRATION_KEY).as_deref() == Some(UNSEALING);
    if unsealing {
        return LockState::Locked(Some(Direction::Unseal));
    }
    let unfinished = kv.get(MIGRATION_KEY).is_some()
        || kv
            .keys()
            .iter()
            .any(|k| k.starts_with(PREFIX) && !stays_plain(k) && needs(kv, k, Direction::Seal));
    LockState::Locked(unfinished.then_some(Direction::Seal))
}

fn needs<K: KeyValue>(kv: &K, key: &str, direction: Direction) -> bool {
    kv.get(key).is_some_and(|v| match direction {
        Direction::Seal => !is_sealed(&v),
        Direction::Unseal => is_sealed(&v),
    })
}

fn stage_key(key: &str) -> String {
    format!("{STAGE_PREFIX}{key}")
}

/// The next thing to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Remove a left-over stage key.
    DropStage(String),
    /// Convert the value under `key`, which holds `value`.
    Convert { key: String, value: String },
    /// Every value is converted: remove the marker (and, turning the lock off, the record).
    Finish,
    /// Nothing to do.
    Done,
}

/// The next step of a migration in `direction`.
pub fn next_step<K: KeyValue>(kv: &K, direction: Direction) -> Step {
    let keys = kv.keys();
    if let Some(stage) = keys.iter().find(|k| k.starts_with(STAGE_PREFIX)) {
        return Step::DropStage(stage.clone());
    }
    for key in &keys {
        if key.starts_with(PREFIX) && !stays_plain(key) && needs(kv, key, direction) {
            if let Some(value) = kv.get(key) {
                return Step::Convert {
                    key: key.clone(),
                    value,
                };
            }
        }
    }
    let marker = kv.get(MIGRATION_KEY).is_some();
    let locked = kv.get(LOCK_KEY).is_some();
    match direction {
        Direction::Seal if marker => Step::Finish,
        Direction::Unseal if marker || locked => Step::Finish,
        _ => Step::Done,
    }
}

/// Start turning the lock on: the record first, then the marker.
pub fn begin_sealing<K: KeyValue>(kv: &mut K, lock_record: &str) -> Result<(), KvError> {
    kv.set(LOCK_KEY, lock_record)?;
    kv.set(MIGRATION_KEY, SEALING)
}

/// Start turning the lock off (or turn round a sealing that has no room to finish).
pub fn begin_unsealing<K: KeyValue>(kv: &mut K) -> Result<(), KvError> {
    kv.set(MIGRATION_KEY, UNSEALING)
}

/// Write the converted value under its stage key and read it back, for the caller to check.
pub fn stage<K: KeyValue>(kv: &mut K, key: &str, converted: &str) -> Result<String, KvError> {
    let stage = stage_key(key);
    kv.set(&stage, converted)?;
    kv.get(&stage)
        .ok_or_else(|| KvError::Unavailable("a value written could not be read back".into()))
}

/// Why a converted value was not put in place. Nothing was lost in either case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommitError {
    /// The staged copy did not check out, or the value changed meanwhile: try the step again.
    Retry,
    Kv(KvError),
}

/// Put the staged copy in place of the value, after the caller checked the copy read back
/// (`checked`). Refused if the value changed since it was read (another tab saved).
pub fn commit<K: KeyValue>(
    kv: &mut K,
    key: &str,
    original: &str,
    checked: bool,
) -> Result<(), CommitError> {
    let stage = stage_key(key);
    let staged = kv.get(&stage);
    let unchanged = kv.get(key).as_deref() == Some(original);
    let Some(staged) = staged.filter(|_| checked && unchanged) else {
        kv.remove(&stage);
        return Err(CommitError::Retry);
    };
    kv.set(key, &staged).map_err(CommitError::Kv)?;
    if kv.get(key).as_deref() != Some(staged.as_str()) {
        // What was written cannot be read back: put the original back.
        kv.set(key, original).map_err(CommitError::Kv)?;
        kv.remove(&stage);
        return Err(CommitError::Retry);
    }
    kv.remove(&stage);
    Ok(())
}

/// Turning the lock off with no room for a stage copy: the opened value (checked in memory,
/// and smaller than the sealed one, so it always fits) replaces the sealed one in a single
/// write, which is read back; if it does not read back the sealed value is put back.
pub fn replace_in_place<K: KeyValue>(
    kv: &mut K,
    key: &str,
    original: &str,
    converted: &str,
) -> Result<(), CommitError> {
    if kv.get(key).as_deref() != Some(original) {
        return Err(CommitError::Retry);
    }
    kv.set(key, converted).map_err(CommitError::Kv)?;
    if kv.get(key).as_deref() != Some(converted) {
        kv.set(key, original).map_err(CommitError::Kv)?;
        return Err(CommitError::Retry);
    }
    Ok(())
}

/// Turning the lock off, a value that will not open (changed in storage, or sealed with
/// another key) is not lost: it is kept aside, still sealed, where the engine lists what it
/// could not read, so it can be downloaded. Wrapped so it is no longer taken for a sealed value.
pub fn set_aside_unopened<K: KeyValue>(
    kv: &mut K,
    key: &str,
    value: &str,
    stamp: u64,
) -> Result<(), KvError> {
    let name = key.strip_prefix(PREFIX).unwrap_or(key).replace('/', "-");
    let aside = format!("{QUARANTINE_PREFIX}{stamp}-lock/{name}");
    let text = serde_json::json!({ "format": "everyday-unopened", "data": value }).to_string();
    kv.set(&aside, &text)?;
    if kv.get(&aside).as_deref() == Some(text.as_str()) {
        kv.remove(key);
    }
    Ok(())
}

/// The last step: every value is in its new form.
pub fn finish<K: KeyValue>(kv: &mut K, direction: Direction) {
    if direction == Direction::Unseal {
        kv.remove(LOCK_KEY);
        kv.remove(TRIES_KEY);
    }
    kv.remove(MIGRATION_KEY);
}
