//! The storage engine: keeps the app's data in a key-value store (localStorage in the browser)
//! so that no record is ever lost.
//!
//! Layout, all keys under `everyday/`:
//! - `part/core`: everything except the diary; `part/diary-YYYY-MM`: one month of diary entries.
//!   Splitting by month keeps each save small and fast, and the safety copies small.
//! - `prev/<part>`: the previous good copy of each part the last save changed.
//! - `meta`: the save counter (revision) and the list of parts, written last.
//! - `quarantine/<stamp>/<name>`: data that could not be read, kept aside for download.
//! - `undo-restore`: the data a restore replaced, until the person keeps the restored data.
//!
//! Every stored value is an envelope `{ format, version, saved_at, data }`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::kv::{units, KeyValue, KvError};
use crate::domain::activity::DiaryEntry;
use crate::domain::envelope::{
    migrate, raw_envelope, read_header, DecodeError, Envelope, SCHEMA_VERSION,
};
use crate::domain::state::AppData;

pub const PREFIX: &str = "everyday/";
pub const META_KEY: &str = "everyday/meta";
pub const PART_PREFIX: &str = "everyday/part/";
pub const PREV_PREFIX: &str = "everyday/prev/";
pub const QUARANTINE_PREFIX: &str = "everyday/quarantine/";
pub const UNDO_KEY: &str = "everyday/undo-restore";
pub const PART_FORMAT: &str = "everyday-part";
pub const META_FORMAT: &str = "everyday-meta";
pub const CORE_PART: &str = "core";

/// Browsers allow about five million characters of localStorage per site.
pub const QUOTA_UNITS: usize = 5_000_000;
/// Warn the person when this percentage of the quota is used: well before it is full.
pub const WARN_PERCENT: usize = 60;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Meta {
    revision: u64,
    #[serde(default)]
    parts: Vec<String>,
}

/// Something that went wrong while loading, to tell the person about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    /// Which part of the data ("core" or "diary-2026-03").
    pub part: String,
    /// Why it could not be read, in plain words.
    pub reason: String,
    /// Where the unreadable data was kept aside, if there was any.
    pub quarantine_key: Option<String>,
    /// True when the previous good copy was used instead.
    pub recovered_from_previous: bool,
}

/// The result of loading: the data, and anything that had to be set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub data: AppData,
    pub problems: Vec<LoadProblem>,
}

/// Why a save did not happen. In every case what was stored before is left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage is full.
    Full,
    /// Another tab saved newer data since this tab last loaded.
    Conflict,
    /// Storage cannot be used at all.
    Unavailable(String),
}

impl SaveError {
    /// The message to show the person.
    pub fn message(&self) -> String {
        match self {
            SaveError::Full => "Your phone's storage for Everyday is full, so your latest change \
                is not saved yet. It is kept while the app stays open. Please download a backup \
                now (in Settings), then free some space."
                .into(),
            SaveError::Conflict => {
                "Everyday is open in another tab or window, which saved newer changes.".into()
            }
            SaveError::Unavailable(why) => format!(
                "This browser is not letting Everyday save anything ({why}). Your changes are \
                 kept while the app stays open. Please download a backup."
            ),
        }
    }
}

impl From<KvError> for SaveError {
    fn from(e: KvError) -> Self {
        match e {
            KvError::Full => SaveError::Full,
            KvError::Unavailable(why) => SaveError::Unavailable(why),
        }
    }
}

/// Something kept aside because it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantinedItem {
    pub key: String,
    /// When it was set aside, as stored in the key (milliseconds since 1970).
    pub stamp: String,
    pub part: String,
    pub units: usize,
}

/// How much of the browser's storage is used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub used: usize,
    pub quota: usize,
}

impl Usage {
    pub fn fraction(&self) -> f64 {
        self.used as f64 / self.quota as f64
    }
    /// Whole percent used, rounded up so a nearly empty store never shows as 0% when it is not.
    pub fn percent(&self) -> usize {
        (self.used * 100).div_ceil(self.quota.max(1))
    }
    pub fn is_near_full(&self) -> bool {
        self.used * 100 >= self.quota * WARN_PERCENT
    }
}

/// The name of the part holding a month of diary entries.
fn month_part(year: i32, month: u32) -> String {
    format!("diary-{year:04}-{month:02}")
}

/// The diary grouped by the part each entry is stored in.
fn diary_by_month(diary: &[DiaryEntry]) -> BTreeMap<String, Vec<&DiaryEntry>> {
    let mut by_month: BTreeMap<(i32, u32), Vec<&DiaryEntry>> = BTreeMap::new();
    for entry in diary {
        by_month
            .entry((entry.date.year(), entry.date.month()))
            .or_default()
            .push(entry);
    }
    by_month
        .into_iter()
        .map(|((y, m), entries)| (month_part(y, m), entries))
        .collect()
}

/// What a stored part holds, kept so a save can tell cheaply (without serialising) whether
/// the part changed.
#[derive(Clone, Debug, PartialEq)]
enum Snapshot {
    /// Everything but the diary.
    Core(Box<AppData>),
    Month(Vec<DiaryEntry>),
}

fn part_key(part: &str) -> String {
    format!("{PART_PREFIX}{part}")
}

fn prev_key(part: &str) -> String {
    format!("{PREV_PREFIX}{part}")
}

/// Split the data into stored parts, each as envelope text.
pub fn encode_parts(data: &AppData) -> BTreeMap<String, String> {
    let mut parts = BTreeMap::new();
    let core = data.without_diary();
    parts.insert(
        CORE_PART.to_string(),
        to_text(&Envelope::new(PART_FORMAT, None, &core)),
    );
    for (name, entries) in diary_by_month(&data.diary) {
        let text = to_text(&Envelope::new(PART_FORMAT, None, &entries));
        parts.insert(name, text);
    }
    parts
}

fn to_text<T: Serialize>(value: &T) -> String {
    // Plain data structures always serialise.
    serde_json::to_string(value).unwrap_or_default()
}

/// Decode one stored part into `into`. Older versions go through the same migrations as a
/// backup file. Returns what the part holds, or `None` when it was migrated (and so must be
/// written again at the current version).
fn decode_part(
    part: &str,
    text: &str,
    into: &mut AppData,
) -> Result<Option<Snapshot>, DecodeError> {
    let version = read_header(text, PART_FORMAT)?;
    let damaged = |e: serde_json::Error| DecodeError::Damaged(e.to_string());
    let migrated = version != SCHEMA_VERSION;
    if part == CORE_PART {
        let core: AppData = if migrated {
            let raw = raw_envelope(text)?;
            serde_json::from_str(&migrate(version, raw.data.get())?).map_err(damaged)?
        } else {
            serde_json::from_str::<Envelope<AppData>>(text)
                .map_err(damaged)?
                .data
        };
        core.validate()?;
        let snapshot = (!migrated).then(|| Snapshot::Core(Box::new(core.clone())));
        let diary = std::mem::take(&mut into.diary);
        *into = core;
        into.diary = diary;
        Ok(snapshot)
    } else {
        let entries: Vec<DiaryEntry> = if migrated {
            // Migrations work on whole documents: wrap the month as a document's diary.
            let raw = raw_envelope(text)?;
            let doc = format!("{{\"diary\":{}}}", raw.data.get());
            let doc: AppData = serde_json::from_str(&migrate(version, &doc)?).map_err(damaged)?;
            doc.diary
        } else {
            serde_json::from_str::<Envelope<Vec<DiaryEntry>>>(text)
                .map_err(damaged)?
                .data
        };
        let check = AppData {
            diary: entries,
            ..AppData::default()
        };
        check.validate()?;
        let snapshot = (!migrated).then(|| Snapshot::Month(check.diary.clone()));
        into.diary.extend(check.diary);
        Ok(snapshot)
    }
}

/// The storage engine over any key-value store.
pub struct Store<K: KeyValue> {
    kv: K,
    /// The revision this tab last loaded or saved.
    revision: u64,
    /// What each part held when last read or written, so a save writes only what changed.
    written: BTreeMap<String, Snapshot>,
    /// A counter making quarantine keys unique within one millisecond.
    quarantine_seq: u32,
}

impl<K: KeyValue> Store<K> {
    pub fn new(kv: K) -> Self {
        Store {
            kv,
            revision: 0,
            written: BTreeMap::new(),
            quarantine_seq: 0,
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    fn read_meta(&self) -> Option<Result<Meta, DecodeError>> {
        let text = self.kv.get(META_KEY)?;
        Some(read_header(&text, META_FORMAT).and_then(|_| {
            serde_json::from_str::<Envelope<Meta>>(&text)
                .map(|e| e.data)
                .map_err(|e| DecodeError::Damaged(e.to_string()))
        }))
    }

    /// The revision currently in storage (written by any tab).
    pub fn stored_revision(&self) -> u64 {
        match self.read_meta() {
            Some(Ok(meta)) => meta.revision,
            _ => 0,
        }
    }

    /// True when another tab has saved since this one loaded or saved.
    pub fn is_stale(&self) -> bool {
        self.stored_revision() != self.revision
    }

    /// Move a value aside under a quarantine key; returns the key. If even that cannot be
    /// written (storage full) the value stays where it is, so it is still never lost.
    fn quarantine(&mut self, stamp: u64, name: &str, from_key: &str, text: &str) -> Option<String> {
        self.quarantine_seq += 1;
        let key = format!("{QUARANTINE_PREFIX}{stamp}-{}/{name}", self.quarantine_seq);
        match self.kv.set(&key, text) {
            Ok(()) => {
                self.kv.remove(from_key);
                Some(key)
            }
            Err(_) => None,
        }
    }

    /// Load everything. Never fails: what cannot be read is moved aside and reported, the
    /// previous good copy is used where there is one, and empty data is the last resort.
    /// `stamp` (milliseconds since 1970) names anything quarantined.
    pub fn load(&mut self, stamp: u64) -> Loaded {
        let mut loaded = Loaded::default();
        self.written.clear();
        let mut needs_rewrite = false;

        let meta = match self.read_meta() {
            None => Meta::default(),
            Some(Ok(meta)) => meta,
            Some(Err(e)) => {
                let text = self.kv.get(META_KEY).unwrap_or_default();
                let key = self.quarantine(stamp, "meta", META_KEY, &text);
                loaded.problems.push(LoadProblem {
                    part: "meta".into(),
                    reason: e.to_string(),
                    quarantine_key: key,
                    recovered_from_previous: false,
                });
                Meta::default()
            }
        };
        self.revision = meta.revision;

        let mut names: BTreeSet<String> = meta.parts.iter().cloned().collect();
        for key in self.kv.keys() {
            if let Some(name) = key.strip_prefix(PART_PREFIX) {
                names.insert(name.to_string());
            }
        }
        // Core first, so diary months are added to it; months in date order (the names sort by
        // date), each holding its entries in date order, so the diary comes out in date order.
        let core = names.take(CORE_PART);
        let ordered = core.into_iter().chain(names);

        for name in ordered {
            let key = part_key(&name);
            let current = self.kv.get(&key);
            let failure = match &current {
                Some(text) => match decode_part(&name, text, &mut loaded.data) {
                    Ok(Some(snapshot)) => {
                        self.written.insert(name.clone(), snapshot);
                        continue;
                    }
                    Ok(None) => {
                        needs_rewrite = true;
                        continue;
                    }
                    Err(e) => e.to_string(),
                },
                None => "it was missing from the browser's storage".to_string(),
            };
            needs_rewrite = true;
            let quarantine_key = current
                .as_ref()
                .and_then(|text| self.quarantine(stamp, &name, &key, text));
            let recovered = match self.kv.get(&prev_key(&name)) {
                Some(prev) => decode_part(&name, &prev, &mut loaded.data).is_ok(),
                None => false,
            };
            loaded.problems.push(LoadProblem {
                part: name,
                reason: failure,
                quarantine_key,
                recovered_from_previous: recovered,
            });
        }
        if needs_rewrite {
            // Make the next save write every part again at the current version.
            self.written.clear();
        }
        // Ids and the id counter made safe to use (the next save stores any ids given here).
        loaded.data.normalise();
        loaded
    }

    /// Save the data, writing only the parts that changed and keeping the previous copy of
    /// each. Refuses to overwrite newer data saved by another tab. On any failure, storage is
    /// left exactly as it was.
    pub fn save(&mut self, data: &AppData, now: NaiveDateTime) -> Result<(), SaveError> {
        self.save_inner(data, now, true)
    }

    /// Save replacing everything (after a restore or undo), without previous copies: the
    /// replaced data is kept by the caller under the undo key instead.
    pub fn save_replacing(&mut self, data: &AppData, now: NaiveDateTime) -> Result<(), SaveError> {
        self.save_inner(data, now, false)
    }

    fn save_inner(
        &mut self,
        data: &AppData,
        now: NaiveDateTime,
        keep_previous: bool,
    ) -> Result<(), SaveError> {
        if self.is_stale() {
            return Err(SaveError::Conflict);
        }
        // Work out which parts changed by comparing with what was last read or written, and
        // serialise only those.
        let months = diary_by_month(&data.diary);
        let mut parts: BTreeMap<String, (String, Snapshot)> = BTreeMap::new();
        let core_changed = match self.written.get(CORE_PART) {
            Some(Snapshot::Core(old)) => !old.same_except_diary(data),
            _ => true,
        };
        if core_changed {
            let core = data.without_diary();
            let text = to_text(&Envelope::new(PART_FORMAT, None, &core));
            parts.insert(
                CORE_PART.to_string(),
                (text, Snapshot::Core(Box::new(core))),
            );
        }
        for (name, entries) in &months {
            let unchanged = matches!(
                self.written.get(name),
                Some(Snapshot::Month(old)) if old.len() == entries.len()
                    && old.iter().zip(entries).all(|(a, b)| a == *b)
            );
            if !unchanged {
                let text = to_text(&Envelope::new(PART_FORMAT, None, entries));
                let snapshot = Snapshot::Month(entries.iter().map(|e| (*e).clone()).collect());
                parts.insert(name.clone(), (text, snapshot));
            }
        }
        let changed: Vec<&String> = parts.keys().collect();
        let stored_parts: BTreeSet<String> = self
            .kv
            .keys()
            .into_iter()
            .filter_map(|k| k.strip_prefix(PART_PREFIX).map(str::to_string))
            .collect();
        let removed: Vec<String> = stored_parts
            .iter()
            .filter(|name| name.as_str() != CORE_PART && !months.contains_key(*name))
            .cloned()
            .collect();
        if changed.is_empty() && removed.is_empty() {
            return Ok(());
        }

        // The safety copies describe the state before this save only.
        for key in self.kv.keys() {
            if key.starts_with(PREV_PREFIX) {
                self.kv.remove(&key);
            }
        }

        // What each touched key held before, to roll back to on failure.
        let mut undo: Vec<(String, Option<String>)> = Vec::new();
        let result = (|| -> Result<(), SaveError> {
            for name in changed
                .iter()
                .map(|s| s.as_str())
                .chain(removed.iter().map(|s| s.as_str()))
            {
                let key = part_key(name);
                let old = self.kv.get(&key);
                if keep_previous {
                    if let Some(old) = &old {
                        undo.push((prev_key(name), None));
                        self.kv.set(&prev_key(name), old)?;
                    }
                }
                undo.push((key.clone(), old));
                match parts.get(name) {
                    Some((text, _)) => self.kv.set(&key, text)?,
                    None => self.kv.remove(&key),
                }
            }
            let meta = Meta {
                revision: self.revision + 1,
                parts: std::iter::once(CORE_PART.to_string())
                    .chain(months.keys().cloned())
                    .collect(),
            };
            let old_meta = self.kv.get(META_KEY);
            undo.push((META_KEY.to_string(), old_meta));
            self.kv.set(
                META_KEY,
                &to_text(&Envelope::new(META_FORMAT, Some(now), &meta)),
            )?;
            Ok(())
        })();

        match result {
            Ok(()) => {
                self.revision += 1;
                for name in &removed {
                    self.written.remove(name);
                }
                for (name, (_, snapshot)) in parts {
                    self.written.insert(name, snapshot);
                }
                Ok(())
            }
            Err(e) => {
                // Put back every key this save touched, newest first. Rolling back only ever
                // restores what fitted before, so it cannot run out of room.
                for (key, old) in undo.into_iter().rev() {
                    match old {
                        Some(text) => {
                            let _ = self.kv.set(&key, &text);
                        }
                        None => self.kv.remove(&key),
                    }
                }
                Err(e)
            }
        }
    }

    /// Accept what is in storage as the newest (after another tab saved), by loading it.
    pub fn reload(&mut self, stamp: u64) -> Loaded {
        self.load(stamp)
    }

    /// How much of the browser's storage Everyday uses.
    pub fn usage(&self) -> Usage {
        let used = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
            .map(|k| units(&k) + self.kv.get(&k).map(|v| units(&v)).unwrap_or(0))
            .sum();
        Usage {
            used,
            quota: QUOTA_UNITS,
        }
    }

    /// Everything kept aside because it could not be read.
    pub fn quarantined(&self) -> Vec<QuarantinedItem> {
        // Collected through a map so they come out in key order (oldest first).
        let items: BTreeMap<String, QuarantinedItem> = self
            .kv
            .keys()
            .into_iter()
            .filter_map(|key| {
                let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
                let (stamp, part) = rest.split_once('/')?;
                let item = QuarantinedItem {
                    stamp: stamp.split('-').next().unwrap_or(stamp).to_string(),
                    part: part.to_string(),
                    units: self.kv.get(&key).map(|v| units(&v)).unwrap_or(0),
                    key: key.clone(),
                };
                Some((key, item))
            })
            .collect();
        items.into_values().collect()
    }

    /// The raw text of a quarantined item, for download.
    pub fn quarantined_text(&self, key: &str) -> Option<String> {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.get(key)
        } else {
            None
        }
    }

    /// Remove a quarantined item, once the person has downloaded it and chosen to.
    pub fn discard_quarantined(&mut self, key: &str) {
        if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.remove(key);
        }
    }

    /// Keep the data a restore is about to replace, so the restore can be undone.
    pub fn keep_for_undo(&mut self, backup_text: &str) -> Result<(), SaveError> {
        self.kv.set(UNDO_KEY, backup_text).map_err(SaveError::from)
    }

    /// The data kept to undo the last restore, if any.
    pub fn undo_text(&self) -> Option<String> {
        self.kv.get(UNDO_KEY)
    }

    /// Forget the undo copy: the person has chosen to keep the restored data.
    pub fn clear_undo(&mut self) {
        self.kv.remove(UNDO_KEY);
    }
}
