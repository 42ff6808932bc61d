//! The passcode lock's actions on the app state: unlock, lock, turn on and off, change the
//! passcode, start again, and carrying each save to storage sealed. The formats and reasons are
//! in `domain::lock`; the storage steps in `storage::locked` and `storage::lock_migration`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use std::future::Future;
use std::pin::Pin;

#[cfg(feature = "app")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;

use super::{AppState, Notice};
use crate::components::notices::PART_MISSING;
use crate::domain::lock::{
    check_passcode, CryptoError, LockRecord, Tries, IDLE_CHOICES, LOCK_KEY, TRIES_KEY,
};
use crate::domain::state::AppData;
use crate::platform::clock;
use crate::platform::crypto::{self, DataKey};
use crate::storage::engine::PREFIX;
use crate::storage::local::LocalKv;
use crate::storage::lock_migration::{lock_state, LockState};
use crate::storage::locked::{
    open_mirror, refresh_mirror, resume, seal_batch, seal_store, store_batch, unseal_store, AppKv,
    MigrationError,
};
use crate::storage::sealed::BatchError;
use crate::storage::{KeyValue, SaveError, Store};

/// What the lock looks like to the pages.
#[derive(Clone, Copy)]
pub struct LockSignals {
    /// True while the passcode is needed: the unlock screen is shown instead of the app.
    pub locked: RwSignal<bool>,
    /// True when a lock is set (locked or not).
    pub on: RwSignal<bool>,
    /// Lock again after this many minutes unused or hidden.
    pub idle_minutes: RwSignal<u32>,
    /// True while the lock is being turned on or off, or a passcode checked.
    pub busy: RwSignal<bool>,
    /// Holds a browser key, so it stays on this thread.
    runtime: StoredValue<Runtime, LocalStorage>,
}

/// The key in use (in memory only) and whether a batch is being stored.
#[derive(Default)]
struct Runtime {
    key: Option<DataKey>,
    flushing: bool,
}

impl LockSignals {
    pub fn new(locked: bool) -> LockSignals {
        let idle = LocalKv
            .get(LOCK_KEY)
            .and_then(|t| LockRecord::read(&t).ok())
            .map_or(IDLE_CHOICES[0], |p| p.idle_minutes);
        LockSignals {
            locked: RwSignal::new(locked),
            on: RwSignal::new(locked),
            idle_minutes: RwSignal::new(idle),
            busy: RwSignal::new(false),
            runtime: StoredValue::new_local(Runtime::default()),
        }
    }
}

/// The part of the app that reads stored data could not be downloaded.
fn part_missing() -> String {
    format!("{PART_MISSING} Check that you are connected to the internet, then try again.")
}

fn record_text() -> Option<String> {
    LocalKv.get(LOCK_KEY)
}

fn crypto_message(e: CryptoError) -> String {
    match e {
        CryptoError::WrongKey => "That passcode is not right. Please try again.".into(),
        e => e.to_string(),
    }
}

fn migration_message(e: MigrationError) -> String {
    match e {
        MigrationError::NoRoom => "There is not enough room on this phone to lock Everyday: \
            locked data takes about a third more space. Nothing has been changed. Please \
            download a backup and free some space first."
            .into(),
        MigrationError::Storage(e) => format!(
            "The browser stopped storing data part-way ({e:?}). Nothing is lost: Everyday will \
             finish the change the next time it opens."
        ),
        MigrationError::Crypto(e) => crypto_message(e),
        MigrationError::Stuck => "The browser would not finish storing the data. Nothing is \
            lost: Everyday will try again the next time it opens."
            .into(),
    }
}

impl AppState {
    pub(super) fn is_sealed(&self) -> bool {
        self.store
            .with_value(|s| matches!(s.kv(), AppKv::Sealed(_)))
    }

    /// Another tab turned the lock on or off or locked: start this page again so it shows
    /// the same. Returns true when that is happening.
    pub(super) fn lock_changed_elsewhere(&self, key: &Option<String>) -> bool {
        let changed = match key {
            None => true,
            Some(k) => k == LOCK_KEY,
        };
        let now_on = record_text().is_some();
        if changed && now_on != self.lock.on.get_untracked() && !self.lock.busy.get_untracked() {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
            return true;
        }
        false
    }

    /// Take in what another tab stored, then carry on with `then`.
    pub(super) fn refresh_then(&self, then: impl FnOnce(AppState) + 'static) {
        let state = *self;
        let Some(key) = self.lock.runtime.with_value(|r| r.key.clone()) else {
            return;
        };
        spawn_local(async move {
            let Some(mirror) = state.store.with_value(|s| match s.kv() {
                AppKv::Sealed(m) => Some(m.clone()),
                _ => None,
            }) else {
                return;
            };
            let changes = refresh_mirror(&mirror, &key).await;
            state.store.update_value(|s| {
                if let Some(m) = s.kv_mut().sealed_mut() {
                    for (k, v, size) in changes {
                        m.refresh(&k, v, size);
                    }
                }
            });
            then(state);
        });
    }

    /// Seal what the last saves wrote to the mirror and store it. One batch at a time, in
    /// order. If storage refuses, the mirror is put back to match storage and the person is
    /// told; their changes stay on screen and are saved with the next change.
    pub(super) fn flush(&self) {
        let busy = self.lock.runtime.with_value(|r| r.flushing);
        let Some(key) = self.lock.runtime.with_value(|r| r.key.clone()) else {
            return;
        };
        if busy {
            return;
        }
        self.lock.runtime.update_value(|r| r.flushing = true);
        let state = *self;
        spawn_local(async move {
            loop {
                let batch = state
                    .store
                    .try_update_value(|s| s.kv_mut().sealed_mut().map(|m| m.take_batch()))
                    .flatten()
                    .unwrap_or_default();
                if batch.is_empty() {
                    break;
                }
                let stored = match seal_batch(&batch, &key).await {
                    Ok(sealed) => store_batch(&batch, &sealed).map(|()| {
                        state.store.update_value(|s| {
                            if let Some(m) = s.kv_mut().sealed_mut() {
                                m.settle(&batch, &sealed);
                            }
                        });
                    }),
                    Err(e) => Err(BatchError::Kv(crate::storage::KvError::Unavailable(
                        e.to_string(),
                    ))),
                };
                let Err(e) = stored else { continue };
                state.store.update_value(|s| {
                    if let Some(m) = s.kv_mut().sealed_mut() {
                        m.undo(batch);
                    }
                    // The engine's idea of what is stored goes back to what is.
                    let _ = s.reload(clock::stamp_ms());
                });
                match e {
                    BatchError::Conflict => {
                        state.lock.runtime.update_value(|r| r.flushing = false);
                        // Take in the other tab's data, re-apply this tab's changes, save.
                        state.refresh_then(|st| {
                            st.bring_in_other_tab();
                            st.resave();
                        });
                        return;
                    }
                    BatchError::Kv(e) => {
                        let e: SaveError = e.into();
                        state.notice.set(Some(Notice::NotSaved(e.message())));
                    }
                }
                break;
            }
            state.lock.runtime.update_value(|r| r.flushing = false);
            state.store.with_value(|s| state.usage.set(s.usage()));
        });
    }

    /// Seconds to wait before the next try (wrong tries are slowed down, across reloads).
    pub fn unlock_wait_secs(&self) -> u64 {
        Tries::read(LocalKv.get(TRIES_KEY).as_deref()).remaining_secs(clock::stamp_ms())
    }

    /// Open the app with the passcode. Checking it and opening what is sealed is the work of
    /// the `lock` part of the app, which a phone without a lock never downloads (index.html
    /// asks for it together with the main part when a lock is set).
    pub async fn unlock(&self, passcode: &str) -> Result<(), String> {
        let unlocking = unlock_in_part(*self, passcode.to_string())
            .await
            .map_err(|_| part_missing())?;
        unlocking.await
    }

    async fn unlock_now(self, passcode: String) -> Result<(), String> {
        let passcode = passcode.as_str();
        let wait = self.unlock_wait_secs();
        if wait > 0 {
            return Err(format!("Please wait {wait} seconds before trying again."));
        }
        let Some(record) = record_text() else {
            // The lock was removed in another tab.
            return self.open_plain().await;
        };
        self.lock.busy.set(true);
        let result = crypto::unlock(&record, passcode).await;
        self.lock.busy.set(false);
        let key = match result {
            Ok(key) => key,
            Err(CryptoError::WrongKey) => {
                let tries =
                    Tries::read(LocalKv.get(TRIES_KEY).as_deref()).failed(clock::stamp_ms());
                let _ = LocalKv.set(TRIES_KEY, &tries.to_text());
                let wait = tries.wait_secs();
                return Err(if wait > 0 {
                    format!(
                        "That passcode is not right. Please wait {wait} seconds, then try again."
                    )
                } else {
                    "That passcode is not right. Please try again.".into()
                });
            }
            Err(e) => return Err(crypto_message(e)),
        };
        LocalKv.remove(TRIES_KEY);
        if let LockState::Locked(Some(direction)) = lock_state(&LocalKv) {
            // A change to the lock was interrupted: finish it.
            if let Err(e) = resume(direction, &key).await {
                self.notice
                    .set(Some(Notice::NotSaved(migration_message(e))));
            }
        }
        if lock_state(&LocalKv) == LockState::Plain {
            return self.open_plain().await;
        }
        self.open_sealed(key).await
    }

    // Opening reads what is stored directly: this runs in a part of the app already (the `lock`
    // part, or Settings'), and only the main part's code may call a split function such as
    // `read_stored` (the browser tests link every part's code into one program, where a call
    // from one part to another has nothing to load it).
    async fn open_plain(&self) -> Result<(), String> {
        self.store.set_value(Store::new(AppKv::Plain(LocalKv)));
        self.lock.runtime.update_value(|r| r.key = None);
        self.load_now();
        self.lock.on.set(false);
        self.lock.locked.set(false);
        Ok(())
    }

    async fn open_sealed(&self, key: DataKey) -> Result<(), String> {
        let mirror = open_mirror(&key).await;
        self.store.set_value(Store::new(AppKv::Sealed(mirror)));
        self.lock.runtime.update_value(|r| r.key = Some(key));
        self.load_now();
        self.lock.on.set(true);
        self.lock.locked.set(false);
        Ok(())
    }

    /// Lock now: the key and the data leave memory. Waits for a batch being stored.
    pub fn lock_now(&self) -> bool {
        if !self.lock.on.get_untracked() || self.lock.locked.get_untracked() {
            return false;
        }
        if self.lock.runtime.with_value(|r| r.flushing) {
            return false;
        }
        self.lock.runtime.update_value(|r| r.key = None);
        self.store.set_value(Store::new(AppKv::Closed));
        self.pending.update_value(Vec::clear);
        self.data.set(AppData::default());
        self.problems.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.lock.locked.set(true);
        true
    }

    /// Turn the lock on with a new passcode: everything stored is sealed, each value checked
    /// before its plain copy is replaced.
    pub async fn turn_lock_on(&self, passcode: &str, idle_minutes: u32) -> Result<(), String> {
        check_passcode(passcode)?;
        if self.lock.on.get_untracked() || self.read_only.get_untracked() {
            return Err("The lock is already on.".into());
        }
        self.lock.busy.set(true);
        let result = async {
            let (record, key) = crypto::new_lock(passcode, idle_minutes)
                .await
                .map_err(crypto_message)?;
            seal_store(&record.to_text(), &key)
                .await
                .map_err(migration_message)?;
            Ok::<DataKey, String>(key)
        }
        .await;
        self.lock.busy.set(false);
        let key = result?;
        self.lock.idle_minutes.set(idle_minutes);
        self.open_sealed(key).await
    }

    /// Turn the lock off (the passcode is asked for again): everything is opened and stored
    /// plain, each value checked before its sealed copy is replaced.
    pub async fn turn_lock_off(&self, passcode: &str) -> Result<(), String> {
        let record = record_text().ok_or("The lock is not on.")?;
        self.lock.busy.set(true);
        let result = async {
            let key = crypto::unlock(&record, passcode)
                .await
                .map_err(crypto_message)?;
            // Wait for the last save to be stored.
            while self.lock.runtime.with_value(|r| r.flushing) {
                gloo_timers_sleep(50).await;
            }
            unseal_store(&key).await.map_err(migration_message)
        }
        .await;
        self.lock.busy.set(false);
        result?;
        self.open_plain().await
    }

    /// Change the passcode: the data key is wrapped again under the new one (nothing else is
    /// rewritten; the record is replaced in one write).
    pub async fn change_passcode(&self, old: &str, new: &str) -> Result<(), String> {
        check_passcode(new)?;
        let record = record_text().ok_or("The lock is not on.")?;
        self.lock.busy.set(true);
        let result =
            crypto::rewrap(&record, old, new, self.lock.idle_minutes.get_untracked()).await;
        self.lock.busy.set(false);
        let record = result.map_err(|e| match e {
            CryptoError::WrongKey => {
                "Your current passcode is not right. Nothing has been changed.".to_string()
            }
            e => crypto_message(e),
        })?;
        LocalKv
            .set(LOCK_KEY, &record.to_text())
            .map_err(|e| SaveError::from(e).message())
    }

    /// Change how long the app waits before locking itself.
    pub fn set_idle_minutes(&self, minutes: u32) -> Result<(), String> {
        if !IDLE_CHOICES.contains(&minutes) {
            return Err("Please choose one of the times shown.".into());
        }
        if let Some(text) = record_text() {
            let mut record: LockRecord =
                serde_json::from_str(&text).map_err(|_| "The lock's record is damaged.")?;
            record.idle_minutes = minutes;
            LocalKv
                .set(LOCK_KEY, &record.to_text())
                .map_err(|e| SaveError::from(e).message())?;
        }
        self.lock.idle_minutes.set(minutes);
        Ok(())
    }

    /// Forgotten passcode: remove everything Everyday keeps on this phone and start again.
    pub fn start_again(&self) {
        let mut kv = LocalKv;
        for k in kv.keys() {
            if k.starts_with(PREFIX) {
                kv.remove(&k);
            }
        }
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }
}

/// Unlocking, under way.
type Unlocking = Pin<Box<dyn Future<Output = Result<(), String>>>>;

/// Unlock: in the `lock` part (see [`AppState::unlock`]).
#[cfg(feature = "app")]
#[wasm_split(lock, wasm_split_path = ::leptos::wasm_split, fallible)]
fn unlock_in_part(state: AppState, passcode: String) -> Result<Unlocking, SplitLoaderError> {
    Ok(Box::pin(state.unlock_now(passcode)))
}

// Without the app's parts, the same at once.
#[cfg(not(feature = "app"))]
async fn unlock_in_part(state: AppState, passcode: String) -> Result<Unlocking, SplitLoaderError> {
    Ok(Box::pin(state.unlock_now(passcode)))
}

/// Wait `ms` milliseconds.
async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
