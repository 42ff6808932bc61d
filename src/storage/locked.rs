//! The lock in the browser: opening localStorage into the plaintext mirror, carrying each
//! save's batch to localStorage sealed, and turning the lock on and off (the steps are in
//! `lock_migration`, the reasons in `domain::lock`).

use std::collections::BTreeMap;

use super::engine::PREFIX;
use super::kv::{units, KeyValue, KvError};
use super::local::LocalKv;
use super::lock_migration::{
    begin_sealing, begin_unsealing, commit, finish, next_step, replace_in_place,
    set_aside_unopened, stage, CommitError, Direction, Step,
};
use super::sealed::{apply_batch, stays_plain, Batch, BatchError, SealedKv, BROWSER_QUOTA_UNITS};
use crate::domain::lock::{is_sealed, CryptoError, STAGE_PREFIX};
use crate::platform::crypto::DataKey;
use futures::future::join_all;

/// Everything of Everyday's in localStorage, opened: sealed values decrypted, plain ones as
/// they are. A value that will not open (changed, or from a newer version) is put in the mirror
/// as it is stored, so the engine keeps it aside (or, newer, leaves it and goes read-only)
/// exactly as it does with any unreadable value.
pub async fn open_mirror(key: &DataKey) -> SealedKv {
    let disk = LocalKv;
    let mut opened = BTreeMap::new();
    let mut sizes = BTreeMap::new();
    let mut others = 0;
    let mut sealed = Vec::new();
    for k in disk.keys() {
        let Some(v) = disk.get(&k) else { continue };
        if !k.starts_with(PREFIX) {
            others += k.encode_utf16().count() + v.encode_utf16().count();
            continue;
        }
        if k.starts_with(STAGE_PREFIX) {
            continue;
        }
        sizes.insert(k.clone(), units(&k) + units(&v));
        if is_sealed(&v) && !stays_plain(&k) {
            sealed.push((k, v));
        } else {
            opened.insert(k, v);
        }
    }
    // Every part is opened at once: WebCrypto decrypts off the page's thread, so waiting for
    // each in turn would only add their latencies together (each is then inflated here).
    let results = join_all(sealed.iter().map(|(k, v)| key.open(k, v))).await;
    for ((k, v), result) in sealed.into_iter().zip(results) {
        opened.insert(k, result.unwrap_or(v));
    }
    SealedKv::new(opened, sizes, BROWSER_QUOTA_UNITS.saturating_sub(others))
}

/// A value another tab changed: its key, its opened text and its stored size.
pub type Change = (String, Option<String>, Option<usize>);

/// Bring the values another tab changed into the mirror (after a `storage` event).
pub async fn refresh_mirror(mirror: &SealedKv, key: &DataKey) -> Vec<Change> {
    let disk = LocalKv;
    let mut changes = Vec::new();
    let mut keys: Vec<String> = disk
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX) && !k.starts_with(STAGE_PREFIX))
        .collect();
    for k in mirror.keys() {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    for k in keys {
        let stored = disk.get(&k);
        let size = stored.as_deref().map(|v| units(&k) + units(v));
        let plain = match stored {
            Some(v) if is_sealed(&v) && !stays_plain(&k) => {
                Some(key.open(&k, &v).await.unwrap_or(v))
            }
            other => other,
        };
        if plain != mirror.get(&k) {
            changes.push((k, plain, size));
        }
    }
    changes
}

/// Seal a batch's values (the plain keys stay as they are).
pub async fn seal_batch(
    batch: &Batch,
    key: &DataKey,
) -> Result<Vec<(String, Option<String>)>, CryptoError> {
    let mut out = Vec::with_capacity(batch.writes.len());
    for (k, v) in &batch.writes {
        let v = match v {
            Some(v) if !stays_plain(k) => Some(key.seal(k, v).await?),
            other => other.clone(),
        };
        out.push((k.clone(), v));
    }
    Ok(out)
}

/// Write a sealed batch to localStorage (all at once, in order, rolled back on failure).
pub fn store_batch(batch: &Batch, sealed: &[(String, Option<String>)]) -> Result<(), BatchError> {
    apply_batch(&mut LocalKv, batch.expect_meta.as_ref(), sealed)
}

/// Why turning the lock on or off stopped. Nothing is lost in either case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MigrationError {
    /// The browser would not store something (other than running out of room while sealing,
    /// which turns the work round instead).
    Storage(KvError),
    Crypto(CryptoError),
    /// There was not room to seal everything: the lock was not turned on.
    NoRoom,
    /// A step would not complete after several tries.
    Stuck,
}

/// Turn the lock on: write the record, then seal every value (each checked before it replaces
/// the plain one). With no room to finish, every value is opened again and the lock is not
/// turned on.
pub async fn seal_store(record: &str, key: &DataKey) -> Result<(), MigrationError> {
    begin_sealing(&mut LocalKv, record).map_err(|e| match e {
        KvError::Full => MigrationError::NoRoom,
        e => MigrationError::Storage(e),
    })?;
    match drive(Direction::Seal, key).await {
        Err(MigrationError::NoRoom) => {
            begin_unsealing(&mut LocalKv).map_err(MigrationError::Storage)?;
            drive(Direction::Unseal, key).await?;
            Err(MigrationError::NoRoom)
        }
        other => other,
    }
}

/// Turn the lock off: open every value (each checked before it replaces the sealed one), then
/// remove the record.
pub async fn unseal_store(key: &DataKey) -> Result<(), MigrationError> {
    begin_unsealing(&mut LocalKv).map_err(MigrationError::Storage)?;
    drive(Direction::Unseal, key).await
}

/// Carry on a migration found unfinished at start (after unlocking).
pub async fn resume(direction: Direction, key: &DataKey) -> Result<(), MigrationError> {
    drive(direction, key).await
}

async fn drive(direction: Direction, key: &DataKey) -> Result<(), MigrationError> {
    let mut disk = LocalKv;
    let mut last = Step::Done;
    let mut repeats = 0;
    loop {
        let step = next_step(&disk, direction);
        repeats = if step == last { repeats + 1 } else { 0 };
        if repeats > 3 {
            return Err(MigrationError::Stuck);
        }
        last = step.clone();
        match step {
            Step::Done => return Ok(()),
            Step::Finish => {
                finish(&mut disk, direction);
                return Ok(());
            }
            Step::DropStage(k) => disk.remove(&k),
            Step::Convert { key: k, value } => {
                let converted = match direction {
                    Direction::Seal => key.seal(&k, &value).await,
                    Direction::Unseal => match key.open(&k, &value).await {
                        Ok(plain) => Ok(plain),
                        Err(CryptoError::Browser(why)) => Err(CryptoError::Browser(why)),
                        Err(_) => {
                            set_aside_unopened(
                                &mut disk,
                                &k,
                                &value,
                                crate::platform::clock::stamp_ms(),
                            )
                            .map_err(MigrationError::Storage)?;
                            continue;
                        }
                    },
                }
                .map_err(MigrationError::Crypto)?;
                let staged = match stage(&mut disk, &k, &converted) {
                    Ok(staged) => staged,
                    Err(KvError::Full) if direction == Direction::Seal => {
                        return Err(MigrationError::NoRoom)
                    }
                    Err(KvError::Full) => {
                        // No room for a stage copy: the opened value is smaller, so it
                        // replaces the sealed one in place.
                        match replace_in_place(&mut disk, &k, &value, &converted) {
                            Ok(()) | Err(CommitError::Retry) => continue,
                            Err(CommitError::Kv(e)) => return Err(MigrationError::Storage(e)),
                        }
                    }
                    Err(e) => return Err(MigrationError::Storage(e)),
                };
                let checked = match direction {
                    Direction::Seal => key.open(&k, &staged).await.as_deref() == Ok(value.as_str()),
                    Direction::Unseal => staged == converted,
                };
                match commit(&mut disk, &k, &value, checked) {
                    Ok(()) | Err(CommitError::Retry) => {}
                    Err(CommitError::Kv(KvError::Full)) if direction == Direction::Seal => {
                        return Err(MigrationError::NoRoom)
                    }
                    Err(CommitError::Kv(e)) => return Err(MigrationError::Storage(e)),
                }
            }
        }
    }
}

/// The store the app's engine runs on: localStorage itself (no lock), the plaintext mirror
/// (unlocked), or nothing at all (locked: every read is empty and every write refused, so
/// nothing can be saved, or saved unsealed, while the passcode has not been given).
#[derive(Clone, Debug)]
pub enum AppKv {
    Plain(LocalKv),
    Sealed(SealedKv),
    Closed,
}

impl AppKv {
    /// The mirror, when unlocked.
    pub fn sealed_mut(&mut self) -> Option<&mut SealedKv> {
        match self {
            AppKv::Sealed(s) => Some(s),
            _ => None,
        }
    }

    pub fn has_pending(&self) -> bool {
        matches!(self, AppKv::Sealed(s) if s.has_pending())
    }
}

impl KeyValue for AppKv {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            AppKv::Plain(kv) => kv.get(key),
            AppKv::Sealed(kv) => kv.get(key),
            AppKv::Closed => None,
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        match self {
            AppKv::Plain(kv) => kv.set(key, value),
            AppKv::Sealed(kv) => kv.set(key, value),
            AppKv::Closed => Err(KvError::Unavailable("Everyday is locked".into())),
        }
    }

    fn remove(&mut self, key: &str) {
        match self {
            AppKv::Plain(kv) => kv.remove(key),
            AppKv::Sealed(kv) => kv.remove(key),
            AppKv::Closed => {}
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            AppKv::Plain(kv) => kv.keys(),
            AppKv::Sealed(kv) => kv.keys(),
            AppKv::Closed => Vec::new(),
        }
    }

    fn stored_units(&self, key: &str) -> usize {
        match self {
            AppKv::Plain(kv) => kv.stored_units(key),
            AppKv::Sealed(kv) => kv.stored_units(key),
            AppKv::Closed => 0,
        }
    }
}
