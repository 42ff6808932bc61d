//! The storage engine's promises, tested natively over an in-memory store: nothing is ever
//! lost, unreadable data is kept aside, a full store changes nothing, tabs never overwrite
//! each other's newer changes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use everyday::domain::activity::{DiaryEntry, EntryRatings, LifeArea};
use everyday::domain::ids::EntryId;
use everyday::domain::sample;
use everyday::domain::state::{AppData, Command};
use everyday::storage::engine::{
    encode_parts, META_KEY, PART_PREFIX, PREV_PREFIX, QUARANTINE_PREFIX, UNDO_KEY,
};
use everyday::storage::{KeyValue, KvError, MemoryKv, SaveError, Store};

fn at(day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

fn entry(id: u32, date: NaiveDate, what: &str) -> DiaryEntry {
    DiaryEntry {
        id: EntryId(id),
        date,
        time: None,
        part: None,
        minutes: 30,
        area: LifeArea::Leisure,
        what: what.into(),
        note: String::new(),
        ratings: EntryRatings::default(),
    }
}

fn some_data() -> AppData {
    let mut data = AppData::default();
    data.apply(Command::FinishWelcome).unwrap();
    data.apply(Command::SetName("R. P.".into())).unwrap();
    data.apply(Command::CheckInConfidence {
        date: at(2).date(),
        score: 4,
        note: "first".into(),
    })
    .unwrap();
    data.diary.push(entry(
        1,
        NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
        "Walk",
    ));
    data.diary.push(entry(2, at(3).date(), "Cook"));
    // As loading would leave it (the id counter above the ids pushed by hand).
    data.normalise();
    data
}

fn keys_with(kv: &MemoryKv, prefix: &str) -> Vec<String> {
    kv.keys()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect()
}

#[test]
fn save_then_load_round_trips_everything() {
    let data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    // Core plus two diary months.
    assert_eq!(keys_with(store.kv(), PART_PREFIX).len(), 3);
    let mut again = Store::new(store.kv().clone());
    let loaded = again.load(1);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.data, data);
}

#[test]
fn empty_storage_loads_empty_data_without_problems() {
    let mut store = Store::new(MemoryKv::default());
    let loaded = store.load(1);
    assert_eq!(loaded.data, AppData::default());
    assert!(loaded.problems.is_empty());
    assert!(!loaded.newer_version);
}

/// The app skips loading when nothing of Everyday's is stored (a first visit: the code that
/// reads stored data is not even downloaded). A store never loaded must then behave exactly as
/// one that loaded nothing: the same first save, the same revision.
#[test]
fn a_store_never_loaded_saves_as_one_that_loaded_nothing() {
    let mut loaded = Store::new(MemoryKv::default());
    let _ = loaded.load(1);
    let mut never = Store::new(MemoryKv::default());
    let data = some_data();
    loaded.save(&data, at(4)).unwrap();
    never.save(&data, at(4)).unwrap();
    let all = |s: &Store<MemoryKv>| -> Vec<(String, Option<String>)> {
        let mut keys = s.kv().keys();
        keys.sort();
        keys.into_iter()
            .map(|k| (k.clone(), s.kv().get(&k)))
            .collect()
    };
    assert_eq!(all(&never), all(&loaded));
    assert_eq!(never.stored_revision(), loaded.stored_revision());
    assert!(!never.is_stale());
    assert_eq!(never.load(2).data, data);
}

#[test]
fn a_save_writes_only_changed_parts_and_keeps_their_previous_copy() {
    let mut data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    let october = store
        .kv()
        .get(&format!("{PART_PREFIX}diary-2026-10"))
        .unwrap();
    data.diary.push(entry(3, at(4).date(), "Garden"));
    store.save(&data, at(4)).unwrap();
    // Only November changed, so only November has a previous copy.
    assert_eq!(
        keys_with(store.kv(), PREV_PREFIX),
        vec![format!("{PREV_PREFIX}diary-2026-11")]
    );
    assert_eq!(
        store
            .kv()
            .get(&format!("{PART_PREFIX}diary-2026-10"))
            .unwrap(),
        october
    );
    // Saving the same data again writes nothing.
    let before = store.kv().map.clone();
    store.save(&data, at(5)).unwrap();
    assert_eq!(store.kv().map, before);
}

#[test]
fn corrupt_part_is_kept_aside_and_the_previous_copy_used() {
    let mut data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    data.apply(Command::SetName("Changed".into())).unwrap();
    store.save(&data, at(4)).unwrap();

    let mut kv = store.kv().clone();
    let core_key = format!("{PART_PREFIX}core");
    kv.set(&core_key, "{\"format\":\"everyday-part\",\"vers")
        .unwrap();
    let mut reopened = Store::new(kv);
    let loaded = reopened.load(42);
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(problem.part, "core");
    assert!(problem.recovered_from_previous);
    // The previous good copy had the old name; the diary is untouched.
    assert_eq!(loaded.data.settings.name, "R. P.");
    assert_eq!(loaded.data.diary, data.diary);
    // The unreadable text is kept aside, byte for byte.
    let aside = reopened.quarantined();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        reopened.quarantined_text(&aside[0].key).unwrap(),
        "{\"format\":\"everyday-part\",\"vers"
    );
    assert_eq!(aside[0].stamp, "42");
    // Saving afterwards writes a fresh core and keeps the quarantined copy.
    reopened.save(&loaded.data, at(5)).unwrap();
    assert_eq!(keys_with(reopened.kv(), QUARANTINE_PREFIX).len(), 1);
    let mut third = Store::new(reopened.kv().clone());
    let loaded = third.load(43);
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.data.settings.name, "R. P.");
}

#[test]
fn out_of_range_stored_value_is_kept_aside() {
    let data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    let mut kv = store.kv().clone();
    let key = format!("{PART_PREFIX}diary-2026-11");
    let bad = kv
        .get(&key)
        .unwrap()
        .replace("\"minutes\":30", "\"minutes\":5000");
    kv.set(&key, &bad).unwrap();
    let mut reopened = Store::new(kv);
    let loaded = reopened.load(1);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].part, "diary-2026-11");
    assert!(loaded.problems[0].reason.contains("between 1 and 1440"));
    // October is still there.
    assert_eq!(loaded.data.diary.len(), 1);
}

#[test]
fn full_storage_changes_nothing_already_stored() {
    let data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    let used = store.kv().used();
    // Allow a little more room than is used now: not enough for a big change.
    store.kv_mut().quota = Some(used + 200);
    let before = store.kv().map.clone();
    let mut bigger = data.clone();
    for i in 0..50 {
        bigger.diary.push(entry(
            100 + i,
            at(4).date(),
            "A long activity name to fill space",
        ));
    }
    bigger.apply(Command::SetName("New name".into())).unwrap();
    bigger.normalise();
    assert_eq!(store.save(&bigger, at(4)), Err(SaveError::Full));
    // Everything stored before is exactly as it was, apart from safety copies of the state
    // before the last save, which are only ever dropped in favour of newer ones.
    let after: Vec<_> = store
        .kv()
        .map
        .iter()
        .filter(|(k, _)| !k.starts_with(PREV_PREFIX))
        .collect();
    let expected: Vec<_> = before
        .iter()
        .filter(|(k, _)| !k.starts_with(PREV_PREFIX))
        .collect();
    assert_eq!(after, expected);
    let mut reopened = Store::new(store.kv().clone());
    assert_eq!(reopened.load(1).data, data);
    // With room again, the same save succeeds.
    store.kv_mut().quota = None;
    store.save(&bigger, at(5)).unwrap();
    assert_eq!(Store::new(store.kv().clone()).load(1).data, bigger);
}

#[test]
fn a_second_tab_never_overwrites_newer_changes() {
    let data = some_data();
    let mut tab_a = Store::new(MemoryKv::default());
    tab_a.save(&data, at(3)).unwrap();
    // Tab B opens the same storage (a clone stands in for the shared localStorage).
    let mut tab_b = Store::new(tab_a.kv().clone());
    let mut b_data = tab_b.load(1).data;
    b_data
        .apply(Command::CheckInConfidence {
            date: at(4).date(),
            score: 8,
            note: String::new(),
        })
        .unwrap();
    tab_b.save(&b_data, at(4)).unwrap();
    // Tab A, not knowing, tries to save: refused.
    *tab_a.kv_mut() = tab_b.kv().clone();
    let mut a_data = data.clone();
    a_data.apply(Command::SetName("From A".into())).unwrap();
    assert!(tab_a.is_stale());
    assert_eq!(tab_a.save(&a_data, at(5)), Err(SaveError::Conflict));
    // Tab A brings in B's data, re-applies its own change, and saves.
    let mut merged = tab_a.reload(2).data;
    merged.apply(Command::SetName("From A".into())).unwrap();
    tab_a.save(&merged, at(5)).unwrap();
    let final_data = Store::new(tab_a.kv().clone()).load(3).data;
    assert_eq!(final_data.settings.name, "From A");
    assert_eq!(final_data.ratings.confidence.len(), 2);
}

#[test]
fn a_missing_part_listed_in_meta_is_recovered_from_its_previous_copy() {
    let mut data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    data.diary.push(entry(5, at(6).date(), "Swim"));
    store.save(&data, at(6)).unwrap();
    let mut kv = store.kv().clone();
    kv.remove(&format!("{PART_PREFIX}diary-2026-11"));
    let loaded = Store::new(kv).load(1);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].recovered_from_previous);
    // The previous copy is from before the last save: it lacks only the newest entry.
    assert_eq!(loaded.data.diary.len(), data.diary.len() - 1);
}

#[test]
fn corrupt_meta_is_kept_aside_and_the_data_still_loads() {
    let data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    let mut kv = store.kv().clone();
    kv.set(META_KEY, "garbage").unwrap();
    let mut reopened = Store::new(kv);
    let loaded = reopened.load(1);
    assert_eq!(loaded.data, data);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].part, "meta");
    assert_eq!(reopened.quarantined().len(), 1);
}

#[test]
fn restore_keeps_an_undo_copy_and_no_double_safety_copies() {
    let data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    store.keep_for_undo("old data").unwrap();
    let replacement = AppData::default();
    store.save_replacing(&replacement, at(4)).unwrap();
    assert!(keys_with(store.kv(), PREV_PREFIX).is_empty());
    assert_eq!(store.undo_text().as_deref(), Some("old data"));
    store.clear_undo().unwrap();
    assert_eq!(store.undo_text(), None);
}

#[test]
fn two_years_of_data_fit_in_under_half_the_quota_with_safety_copies() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut data = sample::two_years(end);
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(24)).unwrap();
    // A day's ordinary change: one more diary entry and a check-in (core and a month change).
    data.diary.push(entry(999_999, end, "Evening walk"));
    data.normalise();
    data.apply(Command::CheckInConfidence {
        date: end,
        score: 7,
        note: String::new(),
    })
    .unwrap();
    store.save(&data, at(24)).unwrap();
    let usage = store.usage();
    println!(
        "two years stored: {} UTF-16 units with safety copies ({:.1}% of the quota)",
        usage.used,
        usage.fraction() * 100.0
    );
    assert!(usage.fraction() < 0.5, "{usage:?}");
    assert_eq!(Store::new(store.kv().clone()).load(1).data, data);
    // The split is into core, one part per month of diary (730 days touch 25 months) and one
    // part per goal (20).
    assert_eq!(encode_parts(&data).len(), 1 + 25 + 20);
}

/// The keys a save wrote or removed, compared with what was stored before it.
fn changed_keys(before: &MemoryKv, after: &MemoryKv) -> Vec<String> {
    let mut keys: BTreeSet<String> = before.keys().into_iter().collect();
    keys.extend(after.keys());
    keys.into_iter()
        .filter(|k| before.get(k) != after.get(k))
        .collect()
}

#[test]
fn a_change_writes_only_its_own_part_core_goal_or_month() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut data = sample::two_years(end);
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(24)).unwrap();
    let core_key = format!("{PART_PREFIX}core");
    let core_len = store.kv().get(&core_key).unwrap().len();
    assert!(
        core_len < 40_000,
        "the core part holds no goals: {core_len} characters"
    );

    // A check-in: the core part (and its safety copy, and the meta).
    let before = store.kv().clone();
    data.apply(Command::CheckInConfidence {
        date: end,
        score: 7,
        note: String::new(),
    })
    .unwrap();
    store.save(&data, at(24)).unwrap();
    let changed = changed_keys(&before, store.kv());
    assert!(changed.contains(&core_key), "{changed:?}");
    assert!(
        changed
            .iter()
            .all(|k| k == META_KEY || k.ends_with("/core")),
        "{changed:?}"
    );

    // Progress on the third goal: that goal's part only.
    let before = store.kv().clone();
    let record = data.goals[2].progress[0].clone();
    data.goals[2].progress.push(record);
    store.save(&data, at(24)).unwrap();
    let changed = changed_keys(&before, store.kv());
    // (The last save's safety copy of the core goes: safety copies are of the last save only.)
    assert!(
        changed.iter().all(|k| k == META_KEY
            || k.ends_with("/goal-00002")
            || store.kv().get(k).is_none() && k.starts_with(PREV_PREFIX)),
        "{changed:?}"
    );
    assert!(
        changed.contains(&format!("{PART_PREFIX}goal-00002")),
        "{changed:?}"
    );
    assert_eq!(Store::new(store.kv().clone()).load(1).data, data);

    // A goal removed: the ones after it move up a place, the last part goes.
    data.goals.remove(0);
    store.save(&data, at(24)).unwrap();
    assert!(store
        .kv()
        .get(&format!("{PART_PREFIX}goal-00019"))
        .is_none());
    assert_eq!(Store::new(store.kv().clone()).load(1).data, data);
}

/// Storage written before goals had parts of their own (layout 1: the goals in the core part,
/// every part at version 1) loads as it is, and the next save writes the new layout.
#[test]
fn layout_1_storage_loads_and_the_next_save_gives_each_goal_a_part() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let data = sample::two_years(end);
    let mut kv = MemoryKv::default();
    let v1 = |value: serde_json::Value| {
        serde_json::json!({"format": "everyday-part", "version": 1, "data": value}).to_string()
    };
    let mut core = serde_json::to_value(&data).unwrap();
    core.as_object_mut().unwrap().remove("diary");
    kv.set(&format!("{PART_PREFIX}core"), &v1(core)).unwrap();
    let mut names = vec!["core".to_string()];
    for (name, text) in encode_parts(&data) {
        if name.starts_with("diary-") {
            let month: serde_json::Value = serde_json::from_str(&text).unwrap();
            kv.set(&format!("{PART_PREFIX}{name}"), &v1(month["data"].clone()))
                .unwrap();
            names.push(name);
        }
    }
    let meta = serde_json::json!({"format": "everyday-meta", "version": 1,
        "data": {"revision": 4, "parts": names}});
    kv.set(META_KEY, &meta.to_string()).unwrap();

    let mut store = Store::new(kv);
    let loaded = store.load(1);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(!loaded.newer_version);
    assert_eq!(loaded.data, data);

    let mut changed = loaded.data.clone();
    changed.apply(Command::SetName("After".into())).unwrap();
    store.save(&changed, at(24)).unwrap();
    let goal_parts = store
        .kv()
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(&format!("{PART_PREFIX}goal-")))
        .count();
    assert_eq!(goal_parts, 20);
    for key in store
        .kv()
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(PART_PREFIX))
    {
        assert!(
            store.kv().get(&key).unwrap().contains("\"version\":2"),
            "{key}"
        );
    }
    assert!(!store
        .kv()
        .get(&format!("{PART_PREFIX}core"))
        .unwrap()
        .contains("\"goals\""));
    assert_eq!(Store::new(store.kv().clone()).load(2).data, changed);
}

// ---- Data from a newer version (issue 13, fault 1) ----

/// The same stored text as a newer version of Everyday would write it.
fn as_newer(text: &str) -> String {
    // One past the version it has (parts have the layout's version, the meta the document's).
    let at = text.find("\"version\":").expect(text) + "\"version\":".len();
    let digits = text[at..].chars().take_while(char::is_ascii_digit).count();
    let version: u32 = text[at..at + digits].parse().expect(text);
    format!("{}{}{}", &text[..at], version + 1, &text[at + digits..])
}

/// Stored data after two saves (so there are safety copies too).
fn stored_twice() -> (AppData, MemoryKv) {
    let mut data = some_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    data.diary.push(entry(3, at(4).date(), "Garden"));
    data.apply(Command::SetName("Second".into())).unwrap();
    // As loading would leave it (the id counter above the id pushed by hand).
    data.normalise();
    store.save(&data, at(4)).unwrap();
    (data, store.kv().clone())
}

/// Load, then try every kind of write: nothing may change, byte for byte.
fn assert_read_only_and_untouched(kv: MemoryKv, expect_data: &AppData) {
    let before = kv.map.clone();
    let mut store = Store::new(kv);
    let loaded = store.load(77);
    assert!(loaded.newer_version);
    assert!(store.is_read_only());
    assert_eq!(&loaded.data, expect_data);
    assert_eq!(store.kv().map, before, "load changed storage");
    // No newer part is reported as damaged or recovered from an older copy.
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);

    let mut changed = loaded.data.clone();
    changed.apply(Command::SetName("Not saved".into())).unwrap();
    changed.diary.push(entry(50, at(20).date(), "Not saved"));
    assert_eq!(store.save(&changed, at(20)), Err(SaveError::NewerVersion));
    assert_eq!(
        store.save_replacing(&AppData::default(), at(20)),
        Err(SaveError::NewerVersion)
    );
    assert_eq!(store.keep_for_undo("x"), Err(SaveError::NewerVersion));
    assert_eq!(store.replace_undo("x"), Err(SaveError::NewerVersion));
    assert_eq!(store.clear_undo(), Err(SaveError::NewerVersion));
    // Reloading (another tab's event) keeps it read-only and still writes nothing.
    let again = store.reload(78);
    assert!(again.newer_version);
    assert_eq!(store.save(&changed, at(21)), Err(SaveError::NewerVersion));
    assert_eq!(store.kv().map, before, "an attempted save changed storage");
    assert!(SaveError::NewerVersion.message().contains("reload"));
}

#[test]
fn every_part_newer_is_left_exactly_as_it_is_and_the_store_is_read_only() {
    let (_, mut kv) = stored_twice();
    for key in kv.keys() {
        if key.starts_with(PART_PREFIX) || key == META_KEY {
            let newer = as_newer(&kv.get(&key).unwrap());
            kv.set(&key, &newer).unwrap();
        }
    }
    assert_read_only_and_untouched(kv, &AppData::default());
}

#[test]
fn core_newer_and_months_older_loads_the_months_and_writes_nothing() {
    let (data, mut kv) = stored_twice();
    let core = format!("{PART_PREFIX}core");
    let newer = as_newer(&kv.get(&core).unwrap());
    kv.set(&core, &newer).unwrap();
    let mut expect = AppData {
        diary: data.diary.clone(),
        ..AppData::default()
    };
    // Loading puts the id counter above the ids it found (in memory only: nothing is written).
    expect.normalise();
    assert_read_only_and_untouched(kv, &expect);
}

#[test]
fn a_month_newer_and_core_older_loads_the_rest_and_writes_nothing() {
    let (data, mut kv) = stored_twice();
    let month = format!("{PART_PREFIX}diary-2026-11");
    let newer = as_newer(&kv.get(&month).unwrap());
    kv.set(&month, &newer).unwrap();
    let mut expect = data.clone();
    expect.diary.retain(|e| e.date < at(1).date());
    assert_read_only_and_untouched(kv, &expect);
}

#[test]
fn a_newer_meta_alone_makes_the_store_read_only() {
    let (data, mut kv) = stored_twice();
    let newer = as_newer(&kv.get(META_KEY).unwrap());
    kv.set(META_KEY, &newer).unwrap();
    assert_read_only_and_untouched(kv, &data);
}

#[test]
fn a_newer_undo_copy_is_never_replaced() {
    let (data, mut kv) = stored_twice();
    let undo = everyday::domain::backup::encode_backup(&data, at(5));
    kv.set(UNDO_KEY, &as_newer(&undo)).unwrap();
    assert_read_only_and_untouched(kv, &data);
}

#[test]
fn a_newer_backup_is_refused_by_the_restore_check() {
    let (data, _) = stored_twice();
    let text = as_newer(&everyday::domain::backup::encode_backup(&data, at(5)));
    let err = everyday::domain::backup::check_backup(text.as_bytes()).unwrap_err();
    assert!(err.to_string().contains("newer version"), "{err}");
}

#[test]
fn a_newer_version_saved_by_another_tab_stops_this_tab_writing() {
    let (data, kv) = stored_twice();
    let mut tab = Store::new(kv);
    let loaded = tab.load(1);
    assert!(!loaded.newer_version);
    // A newer build in another tab saves: its meta (written last) is at a newer version.
    let newer_meta = as_newer(&tab.kv().get(META_KEY).unwrap());
    tab.kv_mut().set(META_KEY, &newer_meta).unwrap();
    let before = tab.kv().map.clone();
    let mut changed = data.clone();
    changed.apply(Command::SetName("Old tab".into())).unwrap();
    assert_eq!(tab.save(&changed, at(6)), Err(SaveError::NewerVersion));
    assert!(tab.is_read_only());
    assert_eq!(tab.kv().map, before);
}

#[test]
fn a_fresh_tab_never_writes_over_a_newer_meta() {
    // Before the fix a tab that had loaded nothing (revision 0) did not notice a newer meta.
    let mut kv = MemoryKv::default();
    kv.set(
        META_KEY,
        r#"{"format":"everyday-meta","version":2,"data":{"revision":9,"parts":["core"]}}"#,
    )
    .unwrap();
    let before = kv.map.clone();
    let mut store = Store::new(kv);
    assert_eq!(
        store.save(&some_data(), at(3)),
        Err(SaveError::NewerVersion)
    );
    assert_eq!(store.kv().map, before);
}

// ---- Smaller faults (issue 13, section 6) ----

#[test]
fn a_failed_save_leaves_storage_exactly_as_it_was_safety_copies_included() {
    let (data, kv) = stored_twice();
    assert!(!keys_with(&kv, PREV_PREFIX).is_empty());
    let mut store = Store::new(kv);
    store.load(1);
    let before = store.kv().map.clone();
    let used = store.kv().used();
    store.kv_mut().quota = Some(used + 200);
    let mut bigger = data.clone();
    for i in 0..50 {
        bigger.diary.push(entry(
            100 + i,
            at(5).date(),
            "A long activity name to fill space",
        ));
    }
    bigger.apply(Command::SetName("New name".into())).unwrap();
    assert_eq!(store.save(&bigger, at(5)), Err(SaveError::Full));
    assert_eq!(store.kv().map, before);
}

#[test]
fn a_write_failing_at_any_step_leaves_storage_exactly_as_it_was() {
    let (data, kv) = stored_twice();
    let mut changed = data.clone();
    changed.diary.push(entry(
        60,
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        "New month",
    ));
    changed.apply(Command::SetName("Third".into())).unwrap();
    let mut steps = 0;
    for n in 0.. {
        let mut store = Store::new(kv.clone());
        store.load(1);
        let before = store.kv().map.clone();
        let start = store.kv().sets;
        store.kv_mut().fail_set = Some((start + n, KvError::Unavailable("test".into())));
        match store.save(&changed, at(6)) {
            Ok(()) => break,
            Err(e) => {
                assert!(matches!(e, SaveError::Unavailable(_)));
                assert_eq!(store.kv().map, before, "write {n} failed");
                steps += 1;
            }
        }
    }
    assert!(steps >= 4, "{steps}");
}

#[test]
fn unreadable_data_that_cannot_be_set_aside_is_held_and_never_deleted_by_saves() {
    let (data, mut kv) = stored_twice();
    let month = format!("{PART_PREFIX}diary-2026-11");
    let garbage = format!("{{\"format\":\"everyday-part\",\"vers {}", "x".repeat(400));
    kv.set(&month, &garbage).unwrap();
    // No room to set anything aside.
    kv.quota = Some(kv.used());
    let mut store = Store::new(kv);
    let loaded = store.load(5);
    assert_eq!(loaded.problems.len(), 1);
    let problem = &loaded.problems[0];
    assert_eq!(
        problem.quarantine_key, None,
        "it was not kept aside in storage"
    );
    assert!(problem.kept_in_memory);
    // Offered for download from memory.
    let aside = store.kept_aside();
    assert_eq!(aside.len(), 1);
    assert!(!aside[0].stored);
    assert_eq!(
        store.quarantined_text(&aside[0].key).as_deref(),
        Some(garbage.as_str())
    );
    assert!(store.quarantined().is_empty());

    // Saves while full never overwrite the only copy.
    let mut changed = loaded.data.clone();
    changed.apply(Command::SetName("Later".into())).unwrap();
    assert_eq!(store.save(&changed, at(7)), Err(SaveError::Full));
    assert_eq!(store.kv().get(&month).as_deref(), Some(garbage.as_str()));

    // With room again, it is set aside first, then kept through any number of saves.
    store.kv_mut().quota = None;
    for day in 8..12 {
        changed
            .apply(Command::SetName(format!("Day {day}")))
            .unwrap();
        changed.diary.push(entry(200 + day, at(day).date(), "More"));
        changed.normalise();
        store.save(&changed, at(day)).unwrap();
        let stored: Vec<String> = keys_with(store.kv(), QUARANTINE_PREFIX)
            .iter()
            .filter_map(|k| store.kv().get(k))
            .collect();
        assert_eq!(stored, vec![garbage.clone()], "after the save on day {day}");
    }
    assert!(store.kept_aside().iter().all(|i| i.stored));
    assert_eq!(Store::new(store.kv().clone()).load(9).data, changed);
    let _ = data;
}

#[test]
fn held_unreadable_data_can_be_let_go_once_downloaded() {
    let (_, mut kv) = stored_twice();
    let core = format!("{PART_PREFIX}core");
    kv.set(&core, "not json at all").unwrap();
    kv.quota = Some(kv.used());
    let mut store = Store::new(kv);
    let loaded = store.load(5);
    let key = store.kept_aside()[0].key.clone();
    store.discard_quarantined(&key).unwrap();
    assert!(store.kept_aside().is_empty());
    // Now the save may write over it.
    let mut changed = loaded.data.clone();
    changed.apply(Command::SetName("After".into())).unwrap();
    store.kv_mut().quota = None;
    store.save(&changed, at(8)).unwrap();
    assert_eq!(Store::new(store.kv().clone()).load(1).data, changed);
}

#[test]
fn a_second_restore_does_not_silently_replace_the_first_undo_copy() {
    let mut store = Store::new(MemoryKv::default());
    store.save(&some_data(), at(3)).unwrap();
    store.keep_for_undo("before the first restore").unwrap();
    store.save_replacing(&AppData::default(), at(4)).unwrap();
    assert_eq!(
        store.keep_for_undo("before the second restore"),
        Err(SaveError::UndoCopyKept)
    );
    assert_eq!(
        store.undo_text().as_deref(),
        Some("before the first restore")
    );
    // Replacing it is a separate, explicit step (after the person has been told).
    store.replace_undo("before the second restore").unwrap();
    assert_eq!(
        store.undo_text().as_deref(),
        Some("before the second restore")
    );
}
