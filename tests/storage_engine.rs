//! The storage engine's promises, tested natively over an in-memory store: nothing is ever
//! lost, unreadable data is kept aside, a full store changes nothing, tabs never overwrite
//! each other's newer changes.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use everyday::domain::activity::{DiaryEntry, EntryRatings, LifeArea};
use everyday::domain::ids::EntryId;
use everyday::domain::sample;
use everyday::domain::state::{AppData, Command};
use everyday::storage::engine::{
    encode_parts, META_KEY, PART_PREFIX, PREV_PREFIX, QUARANTINE_PREFIX,
};
use everyday::storage::{KeyValue, MemoryKv, SaveError, Store};

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
fn newer_version_data_is_moved_aside_not_deleted() {
    let mut kv = MemoryKv::default();
    let newer = r#"{"format":"everyday-part","version":7,"data":{"future":true}}"#;
    kv.set(&format!("{PART_PREFIX}core"), newer).unwrap();
    let mut store = Store::new(kv);
    let loaded = store.load(9);
    assert_eq!(loaded.problems.len(), 1);
    assert!(loaded.problems[0].reason.contains("newer version"));
    assert!(!loaded.problems[0].recovered_from_previous);
    let aside = store.quarantined();
    assert_eq!(store.quarantined_text(&aside[0].key).unwrap(), newer);
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
    store.clear_undo();
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
    // The split is into core plus one part per month of diary (730 days touch 25 months).
    assert_eq!(encode_parts(&data).len(), 1 + 25);
}
