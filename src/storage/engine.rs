//! The storage engine: keeps the app's data in a key-value store (localStorage in the browser)
//! so that no record is ever lost.
//!
//! Layout, all keys under `everyday/`:
//! - `part/core`: everything except the diary and the goals; `part/diary-YYYY-MM`: one month of
//!   diary entries; `part/goal-NNNNN`: one goal with its steps, progress and ratings (numbered in
//!   the order of the goals). Splitting keeps each save small and fast, and the safety copies
//!   small: a change writes only the parts it changed.
//! - `prev/<part>`: the previous good copy of each part the last save changed.
//! - `meta`: the save counter (revision) and the list of parts, written last.
//! - `quarantine/<stamp>/<name>`: data that could not be read, kept aside for download.
//! - `undo-restore`: the data a restore replaced, until the person keeps the restored data.
//!
//! Every stored value is an envelope `{ format, version, saved_at, data }`. A part's version is
//! the layout's ([`PART_VERSION`]); its data is an app document's at `SCHEMA_VERSION`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::kv::{units, KeyValue, KvError};
use crate::domain::activity::DiaryEntry;
use crate::domain::envelope::{
    migrate, raw_envelope, read_header, read_header_upto, DecodeError, Envelope, SCHEMA_VERSION,
};
use crate::domain::goals::Goal;
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
/// Goal parts are named this and the goal's place in the list (`goal-00000` first).
pub const GOAL_PART_PREFIX: &str = "goal-";

/// The version of the parts' layout, written in each part's envelope.
/// - 1: the goals were in the core part (every change to a goal or to anything else in the core
///   wrote all the goals' progress again: 16 to 25 ms at two years of data);
/// - 2: each goal has a part of its own.
///
/// Parts of version 1 are read as before and written again at this version by the next save.
/// A version 1 build finds version 2 parts "from a newer version" and leaves them untouched
/// (read-only until reloaded), so it never mistakes a goal's part for damage. The data of both
/// is an app document's at `SCHEMA_VERSION` 1; a change to that schema moves this on too.
pub const PART_VERSION: u32 = 2;

/// A part's envelope at the current layout version.
fn part_envelope<T>(data: T) -> Envelope<T> {
    Envelope {
        format: PART_FORMAT.to_string(),
        version: PART_VERSION,
        saved_at: None,
        data,
    }
}

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
    /// Which part of the data ("core", "diary-2026-03" or "goal-00002").
    pub part: String,
    /// Why it could not be read, in plain words.
    pub reason: String,
    /// Where the unreadable data was kept aside in storage, if it could be.
    pub quarantine_key: Option<String>,
    /// True when the unreadable data could not be set aside in storage (it is full, or the
    /// app is read-only for this session): it is held in memory instead, for download, and
    /// left where it was. Never say it was kept aside in storage when this is true.
    pub kept_in_memory: bool,
    /// True when the previous good copy was used instead.
    pub recovered_from_previous: bool,
}

/// The result of loading: the data, and anything that had to be set aside.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub data: AppData,
    pub problems: Vec<LoadProblem>,
    /// True when some stored data was written by a newer version of Everyday: it was left
    /// exactly as it is, and the store is read-only for this session.
    pub newer_version: bool,
}

/// The words shown while the store is read-only because a newer version wrote the data.
pub const NEWER_VERSION_MESSAGE: &str = "Everyday has been updated to a newer version in \
    another tab or window on this phone. Please reload this page to use the new version. Until \
    then you can look at your records, but changes cannot be saved.";

/// Why a save did not happen. In every case what was stored before is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SaveError {
    /// The browser's storage is full.
    #[error(
        "Your phone's storage for Everyday is full, so your latest change is not saved yet. \
         It is kept while the app stays open. Please download a backup now (in Settings), then \
         free some space."
    )]
    Full,
    /// Another tab saved newer data since this tab last loaded.
    #[error("Everyday is open in another tab or window, which saved newer changes.")]
    Conflict,
    /// Storage cannot be used at all.
    #[error(
        "This browser is not letting Everyday save anything ({0}). Your changes are kept while \
         the app stays open. Please download a backup."
    )]
    Unavailable(String),
    /// Stored data was written by a newer version of Everyday: nothing is written until the
    /// page is reloaded (and so runs the newer version).
    #[error("{}", NEWER_VERSION_MESSAGE)]
    NewerVersion,
    /// A restore's undo copy is already kept; replacing it needs the person's say-so.
    #[error(
        "You can still undo your last restore. Restoring again would replace the copy kept for \
         that undo, so please confirm that first."
    )]
    UndoCopyKept,
}

impl SaveError {
    /// The message to show the person.
    pub fn message(&self) -> String {
        self.to_string()
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
    /// False when there was no room to set it aside in storage: it is held in memory only
    /// (and left where it was found), so it must be downloaded before the app is closed.
    pub stored: bool,
}

/// Unreadable data that could not be set aside in storage: held in memory for download, and
/// never overwritten where it lies until it has been set aside or the person lets it go.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Unkept {
    id: u32,
    stamp: u64,
    part: String,
    /// The key it was found under (and, until it is set aside, still lies under).
    from_key: String,
    text: String,
}

/// Key prefix naming an item held in memory only (never a storage key).
pub const MEMORY_PREFIX: &str = "memory/";

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
    // Built by inserting, not `collect` (which sorts first, with a stable sort of its own
    // in the download); the names are distinct, so the map is the same.
    let mut parts = BTreeMap::new();
    parts.extend(
        by_month
            .into_iter()
            .map(|((y, m), entries)| (month_part(y, m), entries)),
    );
    parts
}

/// What a stored part holds, kept so a save can tell cheaply (without serialising) whether
/// the part changed.
#[derive(Clone, Debug, PartialEq)]
enum Snapshot {
    /// Everything but the diary and the goals.
    Core(Box<AppData>),
    Month(Vec<DiaryEntry>),
    Goal(Box<Goal>),
}

/// The name of the part holding the goal at `index` in the list.
fn goal_part(index: usize) -> String {
    format!("{GOAL_PART_PREFIX}{index:05}")
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
    parts.insert(
        CORE_PART.to_string(),
        to_text(&part_envelope(&data.core_part())),
    );
    for (name, entries) in diary_by_month(&data.diary) {
        parts.insert(name, to_text(&part_envelope(&entries)));
    }
    for (index, goal) in data.goals.iter().enumerate() {
        parts.insert(goal_part(index), to_text(&part_envelope(goal)));
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
    if part == CORE_PART {
        let (core, migrated): (AppData, bool) = decode_data(text, |version, data| {
            serde_json::from_str(&migrate(version, data)?).map_err(damaged)
        })?;
        core.validate()?;
        // A core part of layout 1 holds the goals as well: read them from it, and have the next
        // save write them in parts of their own (at layout 2 the core part never has goals).
        let old_layout = migrated || !core.goals.is_empty();
        let snapshot = (!old_layout).then(|| Snapshot::Core(Box::new(core.clone())));
        let diary = std::mem::take(&mut into.diary);
        let goals = std::mem::take(&mut into.goals);
        *into = core;
        into.diary = diary;
        into.goals.extend(goals);
        Ok(snapshot)
    } else if part.starts_with(GOAL_PART_PREFIX) {
        let (goal, migrated): (Goal, bool) = decode_data(text, |version, data| {
            // Migrations work on whole documents: wrap the goal as a document's goals.
            let doc = format!("{{\"goals\":[{data}]}}");
            let doc: AppData = serde_json::from_str(&migrate(version, &doc)?).map_err(damaged)?;
            doc.goals
                .into_iter()
                .next()
                .ok_or_else(|| DecodeError::Damaged("the goal is missing".into()))
        })?;
        let check = AppData {
            goals: vec![goal],
            ..AppData::default()
        };
        check.validate()?;
        let mut goals = check.goals;
        let goal = goals
            .pop()
            .ok_or_else(|| DecodeError::Damaged("the goal is missing".into()))?;
        let snapshot = (!migrated).then(|| Snapshot::Goal(Box::new(goal.clone())));
        into.goals.push(goal);
        Ok(snapshot)
    } else {
        let (entries, migrated) = decode_data(text, |version, data| {
            // Migrations work on whole documents: wrap the month as a document's diary.
            let doc = format!("{{\"diary\":{data}}}");
            let doc: AppData = serde_json::from_str(&migrate(version, &doc)?).map_err(damaged)?;
            Ok(doc.diary)
        })?;
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

fn damaged(e: serde_json::Error) -> DecodeError {
    DecodeError::Damaged(e.to_string())
}

/// The data of a part written at this version, read in one pass (the usual case); `None` for
/// anything else (an older or newer version, another format, damage), which goes the long way.
fn current<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str::<Envelope<T>>(text)
        .ok()
        .filter(|e| e.format == PART_FORMAT && e.version == PART_VERSION)
        .map(|e| e.data)
}

/// A part's data and whether it was migrated: in one pass when it is current, or else header
/// first (for the exact reason it cannot be read), then `migrated` brings the data of an older
/// version (its JSON text) up to date.
fn decode_data<T: DeserializeOwned>(
    text: &str,
    migrated: impl FnOnce(u32, &str) -> Result<T, DecodeError>,
) -> Result<(T, bool), DecodeError> {
    if let Some(data) = current(text) {
        return Ok((data, false));
    }
    match read_header_upto(text, PART_FORMAT, PART_VERSION)? {
        PART_VERSION => Ok((
            serde_json::from_str::<Envelope<T>>(text)
                .map_err(damaged)?
                .data,
            false,
        )),
        // Layout 1: the data is a document's at schema version 1.
        _ => Ok((migrated(1, raw_envelope(text)?.data.get())?, true)),
    }
}

/// Whether stored text says it was written by a newer version of Everyday than `newest` (the
/// parts' layout version, or `SCHEMA_VERSION` for a backup's text). Only the version is looked
/// at, whatever the format, so nothing a newer build wrote is ever taken for damage.
fn is_newer(text: &str, newest: u32) -> bool {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    serde_json::from_str::<Version>(text).is_ok_and(|v| v.version > newest)
}

/// One step of a save, planned before anything is written so it can be undone.
enum Write {
    Set(String, String),
    Remove(String),
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
    /// Set for the rest of the session once data from a newer version is found: from then on
    /// nothing is written at all.
    read_only: bool,
    /// Unreadable data that could not be set aside in storage, held for download.
    unkept: Vec<Unkept>,
}

impl<K: KeyValue> Store<K> {
    pub fn new(kv: K) -> Self {
        Store {
            kv,
            revision: 0,
            written: BTreeMap::new(),
            quarantine_seq: 0,
            read_only: false,
            unkept: Vec::new(),
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// True once data from a newer version of Everyday has been seen: nothing is written for
    /// the rest of the session, and the person is asked to reload.
    pub fn is_read_only(&self) -> bool {
        self.read_only
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

    /// True when another tab has saved since this one loaded or saved (a newer version's save
    /// counts too, though its revision cannot be read).
    pub fn is_stale(&self) -> bool {
        match self.read_meta() {
            Some(Ok(meta)) => meta.revision != self.revision,
            Some(Err(DecodeError::NewerVersion { .. })) => true,
            _ => self.revision != 0,
        }
    }

    fn next_quarantine_key(&mut self, stamp: u64, name: &str) -> String {
        self.quarantine_seq += 1;
        format!("{QUARANTINE_PREFIX}{stamp}-{}/{name}", self.quarantine_seq)
    }

    /// Move a value aside under a quarantine key; returns the key. If even that cannot be
    /// written (storage full) the value stays where it is and `None` is returned: the caller
    /// then holds it in memory and never overwrites it.
    fn quarantine(&mut self, stamp: u64, name: &str, from_key: &str, text: &str) -> Option<String> {
        let key = self.next_quarantine_key(stamp, name);
        match self.kv.set(&key, text) {
            Ok(()) => {
                self.kv.remove(from_key);
                Some(key)
            }
            Err(_) => None,
        }
    }

    /// Hold unreadable data in memory (once), because it could not be set aside in storage.
    fn hold(&mut self, stamp: u64, part: &str, from_key: &str, text: String) {
        if self
            .unkept
            .iter()
            .any(|u| u.from_key == from_key && u.text == text)
        {
            return;
        }
        let id = self.unkept.iter().map(|u| u.id + 1).max().unwrap_or(1);
        self.unkept.push(Unkept {
            id,
            stamp,
            part: part.to_string(),
            from_key: from_key.to_string(),
            text,
        });
    }

    /// Load everything. Never fails: what cannot be read is moved aside (or, where there is no
    /// room, held in memory) and reported, the previous good copy is used where there is one,
    /// and empty data is the last resort. Data written by a newer version of Everyday is left
    /// exactly as it is, nothing at all is written, and the store becomes read-only.
    /// `stamp` (milliseconds since 1970) names anything quarantined.
    pub fn load(&mut self, stamp: u64) -> Loaded {
        let mut loaded = Loaded::default();
        self.written.clear();
        let mut needs_rewrite = false;
        let mut newer = false;
        // (index into problems, part name, key, text): unreadable data to set aside, once it
        // is known that writing is allowed.
        let mut unreadable: Vec<(usize, String, String, String)> = Vec::new();

        // Reading only, until the end: nothing is written before it is known that no stored
        // data is from a newer version.
        let meta = match self.read_meta() {
            None => Meta::default(),
            Some(Ok(meta)) => meta,
            Some(Err(DecodeError::NewerVersion { .. })) => {
                newer = true;
                Meta::default()
            }
            Some(Err(e)) => {
                let text = self.kv.get(META_KEY).unwrap_or_default();
                unreadable.push((loaded.problems.len(), "meta".into(), META_KEY.into(), text));
                loaded.problems.push(LoadProblem {
                    part: "meta".into(),
                    reason: e.to_string(),
                    quarantine_key: None,
                    kept_in_memory: false,
                    recovered_from_previous: false,
                });
                Meta::default()
            }
        };
        self.revision = meta.revision;

        let mut names: BTreeSet<String> = BTreeSet::new();
        names.extend(meta.parts.iter().cloned());
        for key in self.kv.keys() {
            if let Some(name) = key.strip_prefix(PART_PREFIX) {
                names.insert(name.to_string());
            } else if key == UNDO_KEY {
                // An undo copy or safety copy from a newer version must not be replaced.
                newer |= self
                    .kv
                    .get(&key)
                    .is_some_and(|t| is_newer(&t, SCHEMA_VERSION));
            } else if key.starts_with(PREV_PREFIX) {
                newer |= self
                    .kv
                    .get(&key)
                    .is_some_and(|t| is_newer(&t, PART_VERSION));
            }
        }
        // Core first, so diary months and goals are added to it; months in date order (the names
        // sort by date), each holding its entries in date order, so the diary comes out in date
        // order; goals in the order of their numbers, which is the order of the list.
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
                    Err(DecodeError::NewerVersion { .. }) => {
                        // Left as it is, and no older copy is shown in its place.
                        newer = true;
                        continue;
                    }
                    Err(e) => e.to_string(),
                },
                None => "it was missing from the browser's storage".to_string(),
            };
            needs_rewrite = true;
            let recovered = match self.kv.get(&prev_key(&name)) {
                Some(prev) => decode_part(&name, &prev, &mut loaded.data).is_ok(),
                None => false,
            };
            if let Some(text) = current {
                unreadable.push((loaded.problems.len(), name.clone(), key, text));
            }
            loaded.problems.push(LoadProblem {
                part: name,
                reason: failure,
                quarantine_key: None,
                kept_in_memory: false,
                recovered_from_previous: recovered,
            });
        }

        self.read_only |= newer;
        let writable = !self.read_only;
        for (index, name, key, text) in unreadable {
            let aside = if writable {
                self.quarantine(stamp, &name, &key, &text)
            } else {
                None
            };
            let problem = &mut loaded.problems[index];
            match aside {
                Some(q) => problem.quarantine_key = Some(q),
                None => {
                    problem.kept_in_memory = true;
                    self.hold(stamp, &name, &key, text);
                }
            }
        }
        loaded.newer_version = self.read_only;
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

    /// Refuse to write when data from a newer version is stored (now, or seen before).
    fn check_writable(&mut self) -> Result<(), SaveError> {
        if !self.read_only
            && matches!(
                self.read_meta(),
                Some(Err(DecodeError::NewerVersion { .. }))
            )
        {
            self.read_only = true;
        }
        if self.read_only {
            Err(SaveError::NewerVersion)
        } else {
            Ok(())
        }
    }

    fn save_inner(
        &mut self,
        data: &AppData,
        now: NaiveDateTime,
        keep_previous: bool,
    ) -> Result<(), SaveError> {
        self.check_writable()?;
        if self.is_stale() {
            return Err(SaveError::Conflict);
        }
        // Work out which parts changed by comparing with what was last read or written, and
        // serialise only those.
        let months = diary_by_month(&data.diary);
        let mut parts: BTreeMap<String, (String, Snapshot)> = BTreeMap::new();
        let core_changed = match self.written.get(CORE_PART) {
            Some(Snapshot::Core(old)) => !old.same_core(data),
            _ => true,
        };
        if core_changed {
            let core = data.core_part();
            let text = to_text(&part_envelope(&core));
            parts.insert(
                CORE_PART.to_string(),
                (text, Snapshot::Core(Box::new(core))),
            );
        }
        let goal_names: Vec<String> = (0..data.goals.len()).map(goal_part).collect();
        for (name, goal) in goal_names.iter().zip(&data.goals) {
            let unchanged = matches!(
                self.written.get(name),
                Some(Snapshot::Goal(old)) if **old == *goal
            );
            if !unchanged {
                let text = to_text(&part_envelope(goal));
                parts.insert(name.clone(), (text, Snapshot::Goal(Box::new(goal.clone()))));
            }
        }
        for (name, entries) in &months {
            let unchanged = matches!(
                self.written.get(name),
                Some(Snapshot::Month(old)) if old.len() == entries.len()
                    && old.iter().zip(entries).all(|(a, b)| a == *b)
            );
            if !unchanged {
                let text = to_text(&part_envelope(entries));
                let snapshot = Snapshot::Month(entries.iter().map(|e| (*e).clone()).collect());
                parts.insert(name.clone(), (text, snapshot));
            }
        }
        // Unreadable data still lying where it was found is never deleted by a save: only
        // overwritten once it has been set aside (below).
        let mut held: BTreeSet<String> = BTreeSet::new();
        held.extend(
            self.unkept
                .iter()
                .filter(|u| self.kv.get(&u.from_key).as_deref() == Some(u.text.as_str()))
                .map(|u| u.from_key.clone()),
        );
        let removed: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter_map(|k| k.strip_prefix(PART_PREFIX).map(str::to_string))
            .filter(|name| {
                name.as_str() != CORE_PART
                    && !months.contains_key(name)
                    && !goal_names.contains(name)
                    && !held.contains(&part_key(name))
            })
            .collect();
        if parts.is_empty() && removed.is_empty() {
            return Ok(());
        }
        let touched: Vec<&str> = parts
            .keys()
            .map(String::as_str)
            .chain(removed.iter().map(String::as_str))
            .collect();
        // Never overwrite what a newer version wrote (since this tab last looked).
        if touched.iter().any(|name| {
            self.kv
                .get(&part_key(name))
                .is_some_and(|t| is_newer(&t, PART_VERSION))
        }) {
            self.read_only = true;
            return Err(SaveError::NewerVersion);
        }

        // Plan every write first, so a failure part-way can put back exactly what was there.
        let mut plan: Vec<Write> = Vec::new();
        // 1. Held unreadable data under a key this save writes: set it aside first.
        let mut moving: Vec<u32> = Vec::new();
        let mut moved_keys: BTreeSet<String> = BTreeSet::new();
        let mut touched_keys: BTreeSet<String> = BTreeSet::new();
        touched_keys.extend(
            touched
                .iter()
                .map(|n| part_key(n))
                .chain(std::iter::once(META_KEY.to_string())),
        );
        let to_move: Vec<(u32, u64, String, String, String)> = self
            .unkept
            .iter()
            .filter(|u| held.contains(&u.from_key) && touched_keys.contains(&u.from_key))
            .map(|u| {
                (
                    u.id,
                    u.stamp,
                    u.part.clone(),
                    u.from_key.clone(),
                    u.text.clone(),
                )
            })
            .collect();
        for (id, stamp, part, from_key, text) in to_move {
            let key = self.next_quarantine_key(stamp, &part);
            plan.push(Write::Set(key, text));
            plan.push(Write::Remove(from_key.clone()));
            moving.push(id);
            moved_keys.insert(from_key);
        }
        // 2. The safety copies describe the state before this save only.
        for key in self.kv.keys() {
            if key.starts_with(PREV_PREFIX) {
                plan.push(Write::Remove(key));
            }
        }
        // 3. Each changed or removed part, after a copy of what it held.
        for name in &touched {
            let key = part_key(name);
            let old = if moved_keys.contains(&key) {
                None
            } else {
                self.kv.get(&key)
            };
            if keep_previous {
                if let Some(old) = old {
                    plan.push(Write::Set(prev_key(name), old));
                }
            }
            match parts.get(*name) {
                Some((text, _)) => plan.push(Write::Set(key, text.clone())),
                None => plan.push(Write::Remove(key)),
            }
        }
        // 4. The meta, last: it makes the save count.
        let meta = Meta {
            revision: self.revision + 1,
            parts: std::iter::once(CORE_PART.to_string())
                .chain(months.keys().cloned())
                .chain(goal_names.iter().cloned())
                .collect(),
        };
        plan.push(Write::Set(
            META_KEY.to_string(),
            to_text(&Envelope::new(META_FORMAT, Some(now), &meta)),
        ));

        self.run(plan)?;
        self.revision += 1;
        self.unkept.retain(|u| !moving.contains(&u.id));
        for name in &removed {
            self.written.remove(name);
        }
        for (name, (_, snapshot)) in parts {
            self.written.insert(name, snapshot);
        }
        Ok(())
    }

    /// Carry out planned writes; on the first failure put back every key touched, newest first,
    /// so storage is exactly as it was. Rolling back only ever restores what fitted before (the
    /// new values are taken out first), so it cannot run out of room.
    fn run(&mut self, plan: Vec<Write>) -> Result<(), SaveError> {
        let mut undo: Vec<(String, Option<String>)> = Vec::new();
        let mut failure = None;
        for write in plan {
            match write {
                Write::Set(key, text) => {
                    undo.push((key.clone(), self.kv.get(&key)));
                    if let Err(e) = self.kv.set(&key, &text) {
                        failure = Some(e);
                        break;
                    }
                }
                Write::Remove(key) => {
                    undo.push((key.clone(), self.kv.get(&key)));
                    self.kv.remove(&key);
                }
            }
        }
        let Some(e) = failure else {
            return Ok(());
        };
        for (key, old) in undo.into_iter().rev() {
            match old {
                Some(text) => {
                    let _ = self.kv.set(&key, &text);
                }
                None => self.kv.remove(&key),
            }
        }
        Err(e.into())
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
            .map(|k| self.kv.stored_units(&k))
            .sum();
        Usage {
            used,
            quota: QUOTA_UNITS,
        }
    }

    /// Everything kept aside in storage because it could not be read.
    pub fn quarantined(&self) -> Vec<QuarantinedItem> {
        // Put in a map so they come out in key order (oldest first); inserted rather than
        // collected, as `collect` sorts with a stable sort of its own (the keys are distinct).
        let mut items: BTreeMap<String, QuarantinedItem> = BTreeMap::new();
        items.extend(self.kv.keys().into_iter().filter_map(|key| {
            let rest = key.strip_prefix(QUARANTINE_PREFIX)?;
            let (stamp, part) = rest.split_once('/')?;
            let item = QuarantinedItem {
                stamp: stamp.split('-').next().unwrap_or(stamp).to_string(),
                part: part.to_string(),
                units: self.kv.get(&key).map(|v| units(&v)).unwrap_or(0),
                key: key.clone(),
                stored: true,
            };
            Some((key, item))
        }));
        items.into_values().collect()
    }

    /// Everything unreadable to offer for download: what is kept aside in storage, then what
    /// could only be held in memory (keys starting with `memory/`).
    pub fn kept_aside(&self) -> Vec<QuarantinedItem> {
        let mut items = self.quarantined();
        items.extend(self.unkept.iter().map(|u| QuarantinedItem {
            key: format!("{MEMORY_PREFIX}{}", u.id),
            stamp: u.stamp.to_string(),
            part: u.part.clone(),
            units: units(&u.text),
            stored: false,
        }));
        items
    }

    /// The raw text of something kept aside (in storage or in memory), for download.
    pub fn quarantined_text(&self, key: &str) -> Option<String> {
        if let Some(id) = key.strip_prefix(MEMORY_PREFIX) {
            let id: u32 = id.parse().ok()?;
            self.unkept
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.text.clone())
        } else if key.starts_with(QUARANTINE_PREFIX) {
            self.kv.get(key)
        } else {
            None
        }
    }

    /// Remove something kept aside, once the person has downloaded it and chosen to. For data
    /// held in memory this lets it go, so a later save may write over where it lies.
    pub fn discard_quarantined(&mut self, key: &str) -> Result<(), SaveError> {
        if let Some(id) = key.strip_prefix(MEMORY_PREFIX) {
            self.unkept.retain(|u| u.id.to_string() != id);
            Ok(())
        } else if key.starts_with(QUARANTINE_PREFIX) {
            self.check_writable()?;
            self.kv.remove(key);
            Ok(())
        } else {
            Ok(())
        }
    }

    /// Keep the data a restore is about to replace, so the restore can be undone. Refused when
    /// the undo copy of an earlier restore is still kept: replacing it needs `replace_undo`.
    pub fn keep_for_undo(&mut self, backup_text: &str) -> Result<(), SaveError> {
        self.check_writable()?;
        if self.kv.get(UNDO_KEY).is_some() {
            return Err(SaveError::UndoCopyKept);
        }
        self.kv.set(UNDO_KEY, backup_text).map_err(SaveError::from)
    }

    /// Replace the undo copy of an earlier restore, after the person has been told and agreed.
    pub fn replace_undo(&mut self, backup_text: &str) -> Result<(), SaveError> {
        self.check_writable()?;
        self.kv.set(UNDO_KEY, backup_text).map_err(SaveError::from)
    }

    /// The data kept to undo the last restore, if any.
    pub fn undo_text(&self) -> Option<String> {
        self.kv.get(UNDO_KEY)
    }

    /// Forget the undo copy: the person has chosen to keep the restored data.
    pub fn clear_undo(&mut self) -> Result<(), SaveError> {
        self.check_writable()?;
        self.kv.remove(UNDO_KEY);
        Ok(())
    }
}
