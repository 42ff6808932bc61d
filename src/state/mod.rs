//! The reactive layer: one app state provided by context, with thin actions that apply domain
//! commands and save through the storage engine.

use leptos::prelude::*;

use crate::domain::backup::{check_backup, encode_backup, CheckedBackup};
use crate::domain::state::{AppData, Command};
use crate::platform::clock;
use crate::storage::engine::META_KEY;
use crate::storage::local::LocalKv;
use crate::storage::{LoadProblem, QuarantinedItem, SaveError, Store, Usage};

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
    store: StoredValue<Store<LocalKv>>,
    /// Commands applied in memory but not yet saved (storage full or unavailable).
    pending: StoredValue<Vec<Command>>,
}

/// The app state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Load from storage and provide the state to the whole app.
    pub fn provide() -> AppState {
        let mut store = Store::new(LocalKv);
        let loaded = store.load(clock::stamp_ms());
        let state = AppState {
            data: RwSignal::new(loaded.data),
            notice: RwSignal::new(None),
            problems: RwSignal::new(loaded.problems),
            quarantined: RwSignal::new(store.quarantined()),
            usage: RwSignal::new(store.usage()),
            can_undo_restore: RwSignal::new(store.undo_text().is_some()),
            store: StoredValue::new(store),
            pending: StoredValue::new(Vec::new()),
        };
        if !LocalKv::available() {
            state.notice.set(Some(Notice::NotSaved(
                SaveError::Unavailable("storage is switched off".into()).message(),
            )));
        }
        provide_context(state);
        state
    }

    fn refresh_storage_info(&self) {
        self.store.with_value(|s| {
            self.usage.set(s.usage());
            self.quarantined.set(s.quarantined());
            self.can_undo_restore.set(s.undo_text().is_some());
        });
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
            Err(SaveError::Conflict) => {
                self.bring_in_other_tab();
                let retry = self
                    .store
                    .try_update_value(|s| s.save(&self.data.read_untracked(), now))
                    .unwrap_or(Ok(()));
                match retry {
                    Ok(()) => {
                        self.pending.update_value(Vec::clear);
                        self.notice.set(Some(Notice::OtherTab));
                    }
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
        let mut data = loaded.data;
        let pending = self.pending.get_value();
        for command in pending {
            // A command that no longer applies (for example to a record the other tab removed)
            // is dropped; the rest are kept.
            let _ = data.apply(command);
        }
        if !loaded.problems.is_empty() {
            self.problems.update(|p| p.extend(loaded.problems));
        }
        self.data.set(data);
    }

    /// Another tab saved (the `storage` event): show its changes here without a reload.
    pub fn on_storage_event(&self, key: Option<String>) {
        let ours = match &key {
            None => true, // localStorage.clear() in another tab
            Some(k) => k == META_KEY,
        };
        if !ours {
            return;
        }
        let stale = self.store.with_value(|s| s.is_stale());
        if stale {
            self.bring_in_other_tab();
            if !self.pending.with_value(Vec::is_empty) {
                // This tab had unsaved changes: they now sit on top of the newer data.
                self.save();
            }
            self.notice.set(Some(Notice::OtherTab));
            self.refresh_storage_info();
        }
    }

    /// Apply a command and save. Returns the plain-English reason when it is refused.
    pub fn dispatch(&self, command: Command) -> Result<(), String> {
        let result = self
            .data
            .try_update(|d| d.apply(command.clone()))
            .unwrap_or(Ok(()));
        match result {
            Ok(()) => {
                self.pending.update_value(|p| p.push(command));
                self.save();
                Ok(())
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// The whole of the data as a backup file's text.
    pub fn backup_text(&self) -> String {
        encode_backup(&self.data.read_untracked(), clock::now())
    }

    /// Replace everything with a checked backup, keeping the replaced data to undo.
    pub fn restore(&self, backup: CheckedBackup) -> Result<(), String> {
        let old = self.backup_text();
        let now = clock::now();
        let result = self
            .store
            .try_update_value(|s| {
                s.keep_for_undo(&old)?;
                let saved = s.save_replacing(&backup.data, now);
                if saved.is_err() {
                    s.clear_undo();
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
            Err(SaveError::Full) => Err("There is not enough room on this phone to restore \
                while keeping a copy of your current data. Nothing has been changed."
                .to_string()),
            Err(e) => Err(format!("{} Nothing has been changed.", e.message())),
        };
        self.refresh_storage_info();
        outcome
    }

    /// Put back the data the last restore replaced.
    pub fn undo_restore(&self) -> Result<(), String> {
        let Some(text) = self.store.with_value(|s| s.undo_text()) else {
            return Err("There is no restore to undo.".into());
        };
        let checked = check_backup(text.as_bytes()).map_err(|e| e.to_string())?;
        let now = clock::now();
        let result = self
            .store
            .try_update_value(|s| {
                let saved = s.save_replacing(&checked.data, now);
                if saved.is_ok() {
                    s.clear_undo();
                }
                saved
            })
            .unwrap_or(Ok(()));
        let outcome = match result {
            Ok(()) => {
                self.data.set(checked.data);
                Ok(())
            }
            Err(e) => Err(e.message()),
        };
        self.refresh_storage_info();
        outcome
    }

    /// Keep the restored data and forget the copy kept for undo.
    pub fn keep_restored(&self) {
        self.store.update_value(|s| s.clear_undo());
        self.refresh_storage_info();
    }

    /// The text of something kept aside, for download.
    pub fn quarantined_text(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.quarantined_text(key))
    }

    /// Remove something kept aside (only offered after it was downloaded).
    pub fn discard_quarantined(&self, key: &str) {
        self.store.update_value(|s| s.discard_quarantined(key));
        self.refresh_storage_info();
    }

    /// The problems found at start have been read.
    pub fn dismiss_problems(&self) {
        self.problems.set(Vec::new());
    }
}
