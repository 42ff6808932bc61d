//! The reactive layer: one app state provided by context, with thin actions that apply domain
//! commands and save through the storage engine.

use leptos::prelude::*;
use leptos::task::spawn_local;
#[cfg(feature = "app")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;
use thiserror::Error;

use crate::domain::backup::{check_backup, encode_backup, CheckedBackup};
use crate::domain::envelope::DecodeError;
use std::rc::Rc;

use crate::domain::state::{AppData, Apply, DomainError};
use crate::platform::clock;
use crate::storage::engine::{META_KEY, PREFIX};
use crate::storage::local::LocalKv;
use crate::storage::lock_migration::{lock_state, LockState};
use crate::storage::locked::AppKv;
use crate::storage::{
    KeyValue, LoadProblem, QuarantinedItem, SaveError, Store, Usage, NEWER_VERSION_MESSAGE,
};

mod lock;

/// Why a change the person asked for was not made. Each message is meant to be shown as it is.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ActionError {
    /// The change itself was refused (a value out of range, a record that has gone).
    #[error(transparent)]
    Refused(#[from] DomainError),
    /// Data from a newer version of Everyday is stored: nothing can be changed until the page
    /// is reloaded.
    #[error("{}", NEWER_VERSION_MESSAGE)]
    ReadOnly,
    /// Storage would not take the change, so nothing has been changed.
    #[error("{0} Nothing has been changed.")]
    NotSaved(SaveError),
    /// No room to keep the current data for undo while restoring.
    #[error(
        "There is not enough room on this phone to restore while keeping a copy of your \
         current data. Nothing has been changed."
    )]
    NoRoomToRestore,
    /// Undo was asked for with no restore to undo.
    #[error("There is no restore to undo.")]
    NoRestoreToUndo,
    /// The copy kept to undo a restore cannot be read.
    #[error("{0}")]
    UndoCopyUnreadable(DecodeError),
    /// The lock is on and the passcode has not been given.
    #[error("Everyday is locked. Please unlock it first. Nothing has been changed.")]
    Locked,
}

/// A message for the person about their data, shown at the top of every page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Changes could not be saved; they are kept in memory.
    NotSaved(String),
    /// Newer changes from another tab were brought in.
    OtherTab,
    /// A plain confirmation.
    Done(String),
}

/// Whether what is stored on the phone has been read into the app (see [`AppState::open`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// Being read: the part of the app that reads it is on its way.
    Reading,
    /// Read, or there was nothing stored (a first visit), or the lock is on (unlocking reads it).
    Open,
    /// The part of the app that reads it could not be downloaded. Nothing has been changed.
    Failed,
}

/// The app's state and storage, provided once at the root. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Everything the person has recorded.
    pub data: RwSignal<AppData>,
    /// The latest message about saving.
    pub notice: RwSignal<Option<Notice>>,
    /// What could not be read at start.
    pub problems: RwSignal<Vec<LoadProblem>>,
    /// Data kept aside because it could not be read.
    pub quarantined: RwSignal<Vec<QuarantinedItem>>,
    /// How full the browser's storage is.
    pub usage: RwSignal<Usage>,
    /// Whether a restore can still be undone.
    pub can_undo_restore: RwSignal<bool>,
    /// True for the rest of the session once stored data from a newer version is found: the
    /// person can look but not change anything, and is asked to reload.
    pub read_only: RwSignal<bool>,
    /// The passcode lock (see `lock`).
    pub lock: lock::LockSignals,
    /// Whether what is stored has been read yet: nothing is shown until it has.
    pub opening: RwSignal<Opening>,
    store: StoredValue<Store<AppKv>>,
    /// Changes applied in memory but not yet saved (storage full or unavailable, or another
    /// tab saved first): applied again on top of newer data.
    pending: StoredValue<Vec<Change>, LocalStorage>,
    /// How to save again (after another tab's save, or a sealed write refused), set by the
    /// first change of the session. Saving encodes every stored type, which the first screen
    /// never needs: through this pointer, that code travels in the parts of the app that make
    /// changes (`dispatch` runs there), not in the main part every visit downloads. Nothing
    /// needs saving again before a change has been made.
    saver: StoredValue<Option<fn(&AppState)>>,
}

/// A change as [`AppState::dispatch`] keeps it until saved: a closure rather than a
/// [`crate::domain::state::Command`], so the rules it applies travel with the part of the app
/// that made it, not in the main part.
type Change = Rc<dyn Fn(&mut AppData) -> Result<(), DomainError>>;

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Provide the state to the whole app. What is stored is read by [`AppState::open`]; until
    /// then the data is empty, which is exactly what reading gives when nothing is stored (the
    /// engine's tests `empty_storage_loads_empty_data_without_problems` and
    /// `a_store_never_loaded_saves_as_one_that_loaded_nothing`).
    pub fn provide() -> AppState {
        let locked = lock_state(&LocalKv) != LockState::Plain;
        let store = Store::new(if locked {
            AppKv::Closed
        } else {
            AppKv::Plain(LocalKv)
        });
        let stored = !locked && LocalKv.keys().iter().any(|k| k.starts_with(PREFIX));
        let state = AppState {
            data: RwSignal::new(AppData::default()),
            notice: RwSignal::new(None),
            problems: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(Vec::new()),
            usage: RwSignal::new(store.usage()),
            can_undo_restore: RwSignal::new(false),
            read_only: RwSignal::new(false),
            lock: lock::LockSignals::new(locked),
            opening: RwSignal::new(if stored {
                Opening::Reading
            } else {
                Opening::Open
            }),
            store: StoredValue::new(store),
            pending: StoredValue::new_local(Vec::new()),
            saver: StoredValue::new(None),
        };
        if !LocalKv::available() {
            state.notice.set(Some(Notice::NotSaved(
                SaveError::Unavailable("storage is switched off".into()).message(),
            )));
        }
        provide_context(state);
        state
    }

    /// Read what is stored (when something is and the lock is off). Decoding every stored
    /// type is a large share of the app's code that a first visit never needs, so it is in a
    /// part of its own (`open`), which index.html fetches together with the main part when
    /// something is stored.
    pub fn open(&self) {
        if self.opening.get_untracked() != Opening::Reading {
            return;
        }
        let state = *self;
        spawn_local(async move {
            let opened = read_stored(state).await;
            state.opening.set(match opened {
                Ok(()) => Opening::Open,
                Err(_) => Opening::Failed,
            });
        });
    }

    /// Read everything stored and show it.
    fn load_now(&self) {
        let loaded = self
            .store
            .try_update_value(|s| s.load(clock::stamp_ms()))
            .unwrap_or_default();
        self.show_loaded(loaded);
    }

    fn show_loaded(&self, loaded: crate::storage::Loaded) {
        self.pending.update_value(Vec::clear);
        self.data.set(loaded.data);
        self.problems.set(loaded.problems);
        self.read_only.set(loaded.newer_version);
        self.refresh_storage_info();
    }

    fn refresh_storage_info(&self) {
        self.store.with_value(|s| {
            self.usage.set(s.usage());
            self.quarantined.set(s.kept_aside());
            self.can_undo_restore.set(s.undo_text().is_some());
            if s.is_read_only() {
                self.read_only.set(true);
            }
        });
        // With the lock on, what was just written to the mirror is sealed and stored now.
        if self.store.with_value(|s| s.kv().has_pending()) {
            self.flush();
        }
    }

    /// Data from a newer version was found while saving: show what is stored (read, never
    /// written) and drop the changes that cannot be saved, so the screen tells the truth.
    fn enter_read_only(&self) {
        let loaded = self
            .store
            .try_update_value(|s| s.reload(clock::stamp_ms()))
            .unwrap_or_default();
        self.pending.update_value(Vec::clear);
        self.data.set(loaded.data);
        self.read_only.set(true);
        self.refresh_storage_info();
    }

    /// Save again, when a change of this session needs it (see `saver`).
    fn resave(&self) {
        if let Some(save) = self.saver.get_value() {
            save(self);
        }
    }

    /// Save the current data. On a conflict with another tab, bring in the newer data and
    /// re-apply the changes this tab has not saved yet, then save again.
    fn save(&self) {
        let now = clock::now();
        let result = self
            .store
            .try_update_value(|s| s.save(&self.data.read_untracked(), now))
            .unwrap_or(Ok(()));
        match result {
            Ok(()) => {
                self.pending.update_value(Vec::clear);
                if matches!(self.notice.get_untracked(), Some(Notice::NotSaved(_))) {
                    self.notice
                        .set(Some(Notice::Done("Your changes are saved.".into())));
                }
            }
            Err(SaveError::NewerVersion) => self.enter_read_only(),
            Err(SaveError::Conflict) => {
                self.bring_in_other_tab();
                if self.read_only.get_untracked() {
                    return;
                }
                let retry = self
                    .store
                    .try_update_value(|s| s.save(&self.data.read_untracked(), now))
                    .unwrap_or(Ok(()));
                match retry {
                    Ok(()) => {
                        self.pending.update_value(Vec::clear);
                        self.notice.set(Some(Notice::OtherTab));
                    }
                    Err(SaveError::NewerVersion) => self.enter_read_only(),
                    Err(e) => self.notice.set(Some(Notice::NotSaved(e.message()))),
                }
            }
            Err(e) => self.notice.set(Some(Notice::NotSaved(e.message()))),
        }
        self.refresh_storage_info();
    }

    /// Load what another tab saved, then re-apply this tab's unsaved commands on top.
    fn bring_in_other_tab(&self) {
        let loaded = self
            .store
            .try_update_value(|s| s.reload(clock::stamp_ms()))
            .unwrap_or_default();
        if loaded.newer_version {
            // Nothing this tab has not saved can be saved now: say so rather than show it.
            self.pending.update_value(Vec::clear);
            self.data.set(loaded.data);
            self.read_only.set(true);
            return;
        }
        let mut data = loaded.data;
        let pending = self.pending.get_value();
        for change in pending {
            // A change that no longer applies (for example to a record the other tab removed)
            // is dropped; the rest are kept.
            let _ = change(&mut data);
        }
        if !loaded.problems.is_empty() {
            self.problems.update(|p| p.extend(loaded.problems));
        }
        self.data.set(data);
    }

    /// Another tab saved (the `storage` event): show its changes here without a reload.
    pub fn on_storage_event(&self, key: Option<String>) {
        if self.lock_changed_elsewhere(&key) {
            return;
        }
        self.storage_event_now(key);
    }

    fn storage_event_now(&self, key: Option<String>) {
        let ours = match &key {
            None => true, // localStorage.clear() in another tab
            Some(k) => k == META_KEY,
        };
        if ours {
            let state = *self;
            // Reading it is the `open` part's work. Should that part not download, this page
            // keeps showing what it has; its next save finds the newer data and brings it in.
            spawn_local(async move {
                let _ = take_in_stored(state).await;
            });
        }
    }

    fn take_in_stored_now(&self) {
        if self.is_sealed() {
            // The mirror must first take in what the other tab stored (opened: async).
            self.refresh_then(|state| state.take_in_other_tab());
        } else {
            self.take_in_other_tab();
        }
    }

    /// Bring in what another tab saved, if it saved since this tab last read or saved.
    fn take_in_other_tab(&self) {
        let stale = self.store.with_value(|s| s.is_stale());
        if stale {
            self.bring_in_other_tab();
            if !self.pending.with_value(Vec::is_empty) {
                // This tab had unsaved changes: they now sit on top of the newer data.
                self.resave();
            }
            if !self.read_only.get_untracked() {
                self.notice.set(Some(Notice::OtherTab));
            }
            self.refresh_storage_info();
        }
    }

    /// Apply a command and save. Refused, with nothing changed, when the command does not
    /// apply or while the app is read-only. A change that applies but cannot be saved yet
    /// (storage full) is kept in memory and the person is told by a notice. Pass the narrowest
    /// command (a `GoalCommand` rather than `Command::Goal`): see [`Apply`].
    pub fn dispatch<C: Apply>(&self, command: C) -> Result<(), ActionError> {
        if self.lock.locked.get_untracked() {
            return Err(ActionError::Locked);
        }
        if self.read_only.get_untracked() {
            return Err(ActionError::ReadOnly);
        }
        let result = self
            .data
            .try_update(|d| command.clone().apply_to(d))
            .unwrap_or(Ok(()));
        result?;
        let again: Change = Rc::new(move |d: &mut AppData| command.clone().apply_to(d));
        self.pending.update_value(|p| p.push(again));
        self.saver.set_value(Some(AppState::save));
        self.save();
        if self.read_only.get_untracked() {
            // A newer version saved in another tab meanwhile: this change was not kept.
            return Err(ActionError::ReadOnly);
        }
        Ok(())
    }

    /// The whole of the data as a backup file's text.
    pub fn backup_text(&self) -> String {
        encode_backup(&self.data.read_untracked(), clock::now())
    }

    /// Replace everything with a checked backup, keeping the replaced data to undo. When the
    /// undo copy of an earlier restore is still kept, it is replaced only if the person was
    /// told so and agreed (`replace_earlier_undo`); otherwise nothing changes.
    pub fn restore(
        &self,
        backup: CheckedBackup,
        replace_earlier_undo: bool,
    ) -> Result<(), ActionError> {
        if self.read_only.get_untracked() {
            return Err(ActionError::ReadOnly);
        }
        let old = self.backup_text();
        let now = clock::now();
        let result = self
            .store
            .try_update_value(|s| {
                let earlier = s.undo_text();
                match &earlier {
                    Some(_) if replace_earlier_undo => s.replace_undo(&old)?,
                    _ => s.keep_for_undo(&old)?,
                }
                let saved = s.save_replacing(&backup.data, now);
                if saved.is_err() {
                    // Put the undo copy back as it was; it fitted before, so it fits again.
                    let _ = match earlier {
                        Some(text) => s.replace_undo(&text),
                        None => s.clear_undo(),
                    };
                }
                saved
            })
            .unwrap_or(Ok(()));
        let outcome = match result {
            Ok(()) => {
                self.pending.update_value(Vec::clear);
                self.data.set(backup.data);
                Ok(())
            }
            Err(SaveError::NewerVersion) => {
                self.enter_read_only();
                Err(ActionError::ReadOnly)
            }
            Err(SaveError::Full) => Err(ActionError::NoRoomToRestore),
            Err(e) => Err(ActionError::NotSaved(e)),
        };
        self.refresh_storage_info();
        outcome
    }

    /// Put back the data the last restore replaced.
    pub fn undo_restore(&self) -> Result<(), ActionError> {
        if self.read_only.get_untracked() {
            return Err(ActionError::ReadOnly);
        }
        let Some(text) = self.store.with_value(|s| s.undo_text()) else {
            return Err(ActionError::NoRestoreToUndo);
        };
        let checked = check_backup(text.as_bytes()).map_err(ActionError::UndoCopyUnreadable)?;
        let now = clock::now();
        let result = self
            .store
            .try_update_value(|s| {
                s.save_replacing(&checked.data, now)?;
                s.clear_undo()
            })
            .unwrap_or(Ok(()));
        let outcome = match result {
            Ok(()) => {
                self.pending.update_value(Vec::clear);
                self.data.set(checked.data);
                Ok(())
            }
            Err(SaveError::NewerVersion) => {
                self.enter_read_only();
                Err(ActionError::ReadOnly)
            }
            Err(e) => Err(ActionError::NotSaved(e)),
        };
        self.refresh_storage_info();
        outcome
    }

    /// The undo copy kept from the last restore, as a backup file's text, for download.
    pub fn undo_copy_text(&self) -> Option<String> {
        self.store.with_value(|s| s.undo_text())
    }

    /// Keep the restored data and forget the copy kept for undo.
    pub fn keep_restored(&self) -> Result<(), ActionError> {
        let result = self
            .store
            .try_update_value(|s| s.clear_undo())
            .unwrap_or(Ok(()));
        self.refresh_storage_info();
        result.map_err(|e| match e {
            SaveError::NewerVersion => ActionError::ReadOnly,
            e => ActionError::NotSaved(e),
        })
    }

    /// The text of something kept aside, for download.
    pub fn quarantined_text(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.quarantined_text(key))
    }

    /// Remove something kept aside (only offered after it was downloaded).
    pub fn discard_quarantined(&self, key: &str) -> Result<(), ActionError> {
        let result = self
            .store
            .try_update_value(|s| s.discard_quarantined(key))
            .unwrap_or(Ok(()));
        self.refresh_storage_info();
        result.map_err(|e| match e {
            SaveError::NewerVersion => ActionError::ReadOnly,
            e => ActionError::NotSaved(e),
        })
    }

    /// The problems found at start have been read.
    pub fn dismiss_problems(&self) {
        self.problems.set(Vec::new());
    }
}

// Only the main part's code may call a split function (`read_stored`, `take_in_stored`,
// `lock::unlock_in_part`, the pages in `routes::lazy`): the browser tests link every part's code
// into one program, where a call from one part's code to another split function has nothing
// to load it, and the program does not start.

/// Read what is stored into the app: in the `open` part (see [`AppState::open`]).
#[cfg(feature = "app")]
#[wasm_split(open, wasm_split_path = ::leptos::wasm_split, fallible)]
fn read_stored(state: AppState) -> Result<(), SplitLoaderError> {
    state.load_now();
    Ok(())
}

/// Bring in what another tab saved: in the `open` part, which reads stored data.
#[cfg(feature = "app")]
#[wasm_split(open, wasm_split_path = ::leptos::wasm_split, fallible)]
fn take_in_stored(state: AppState) -> Result<(), SplitLoaderError> {
    state.take_in_stored_now();
    Ok(())
}

// Without the app's parts (the employer's page, which has no stored records), the same, at once.
#[cfg(not(feature = "app"))]
async fn read_stored(state: AppState) -> Result<(), SplitLoaderError> {
    state.load_now();
    Ok(())
}

#[cfg(not(feature = "app"))]
async fn take_in_stored(state: AppState) -> Result<(), SplitLoaderError> {
    state.take_in_stored_now();
    Ok(())
}
