//! Stored data from every released schema version still loads, and the decoders of anything
//! that comes from outside (storage, backup files) never panic on arbitrary input.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use everyday::domain::backup::check_backup;
use everyday::domain::envelope::{decode_document, BACKUP_FORMAT};
use everyday::storage::engine::PART_PREFIX;
use everyday::storage::{KeyValue, MemoryKv, Store};
use proptest::prelude::*;

/// Every `tests/fixtures/v*/` folder: a backup file and a localStorage snapshot of that version.
fn fixture_dirs() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no fixtures found");
    dirs
}

#[test]
fn every_backup_fixture_decodes_and_validates() {
    for dir in fixture_dirs() {
        let bytes = std::fs::read(dir.join("backup.json")).unwrap();
        let checked = check_backup(&bytes).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        assert!(checked.contents.goals > 0, "{}", dir.display());
        assert!(checked.contents.diary_entries > 0, "{}", dir.display());
        assert!(checked.saved_at.is_some());
    }
}

#[test]
fn every_local_storage_fixture_loads_without_problems() {
    for dir in fixture_dirs() {
        let text = std::fs::read_to_string(dir.join("local-storage.json")).unwrap();
        let map: std::collections::BTreeMap<String, String> = serde_json::from_str(&text).unwrap();
        let mut kv = MemoryKv::default();
        for (k, v) in &map {
            kv.set(k, v).unwrap();
        }
        let mut store = Store::new(kv);
        let loaded = store.load(1);
        assert!(
            loaded.problems.is_empty(),
            "{}: {:?}",
            dir.display(),
            loaded.problems
        );
        assert!(!loaded.data.goals.is_empty());
        // The same person's data as in the backup fixture of that version.
        let backup = check_backup(&std::fs::read(dir.join("backup.json")).unwrap()).unwrap();
        let mut expected = backup.data;
        expected.settings.last_backup = loaded.data.settings.last_backup;
        assert_eq!(loaded.data, expected, "{}", dir.display());
    }
}

/// Build a MemoryKv holding one stored part with the given text.
fn kv_with_part(name: &str, text: &str) -> MemoryKv {
    let mut kv = MemoryKv::default();
    kv.set(&format!("{PART_PREFIX}{name}"), text).unwrap();
    kv
}

fn arbitrary_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)),
        ".{0,12}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::from("2026-02-30")),
        Just(serde_json::Value::from("everyday-backup")),
        Just(serde_json::Value::from(1)),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("version".to_string()),
                    Just("data".to_string()),
                    Just("diary".to_string()),
                    Just("goals".to_string()),
                    Just("ratings".to_string()),
                    Just("settings".to_string()),
                    "[a-z_]{1,8}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {

    #[test]
    fn backup_decoder_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = check_backup(&bytes);
    }

    #[test]
    fn backup_decoder_never_panics_on_json(value in arbitrary_json()) {
        let text = value.to_string();
        let _ = check_backup(text.as_bytes());
        // With a valid header, the data itself is arbitrary.
        let wrapped = serde_json::json!({"format": BACKUP_FORMAT, "version": 1, "data": value});
        let _ = decode_document(&wrapped.to_string(), BACKUP_FORMAT);
    }

    #[test]
    fn storage_never_panics_and_never_deletes(text in ".{0,300}", json in arbitrary_json(), month in 1u32..13) {
        for (name, value) in [
            ("core".to_string(), text.clone()),
            (format!("diary-2026-{month:02}"), json.to_string()),
            ("core".to_string(), serde_json::json!({"format":"everyday-part","version":1,"data":json}).to_string()),
        ] {
            let mut store = Store::new(kv_with_part(&name, &value));
            let loaded = store.load(7);
            if !loaded.problems.is_empty() {
                // Whatever could not be read is kept, byte for byte.
                let aside = store.quarantined();
                prop_assert_eq!(aside.len(), 1);
                prop_assert_eq!(store.quarantined_text(&aside[0].key), Some(value.clone()));
            } else {
                prop_assert_eq!(store.kv().get(&format!("{PART_PREFIX}{name}")), Some(value.clone()));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dates outside the window (issue 13, fault 2): every decoder refuses them, whichever field.

use chrono::{NaiveDate, NaiveDateTime};
use everyday::domain::backup::encode_backup;
use everyday::domain::checklists::ShareChoices;
use everyday::domain::plan::{ImportedPlan, Plan};
use everyday::domain::state::AppData;
use everyday::domain::summary::{build, encode_summary, read_summary, Parts};
use serde_json::Value;
use std::collections::BTreeSet;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Realistic data with every kind of record, small enough to decode many times.
fn small_person() -> AppData {
    let end = day(2026, 11, 24);
    let mut data = everyday::domain::sample::two_years(end);
    data.diary.retain(|e| e.date > day(2026, 10, 24));
    data.day_marks.retain(|m| m.date > day(2026, 10, 24));
    let mut plan = Plan::new("p-1".into(), day(2026, 3, 1));
    plan.ot_start = Some(day(2026, 3, 1));
    plan.next_review = Some(day(2026, 4, 1));
    data.plans.push(ImportedPlan {
        imported: day(2026, 3, 2),
        plan,
    });
    data.validate().unwrap();
    data
}

/// One JSON pointer per date field of a document (the first place each field holds a date or a
/// date-time), with whether it is a date-time.
fn date_fields(doc: &Value) -> Vec<(String, bool)> {
    fn walk(
        v: &Value,
        path: String,
        shape: String,
        seen: &mut BTreeSet<String>,
        out: &mut Vec<(String, bool)>,
    ) {
        match v {
            Value::String(s) => {
                let kind = if s.parse::<NaiveDate>().is_ok() {
                    Some(false)
                } else if s.parse::<NaiveDateTime>().is_ok() {
                    Some(true)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    if seen.insert(shape) {
                        out.push((path, kind));
                    }
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, format!("{path}/{i}"), format!("{shape}/*"), seen, out);
                }
            }
            Value::Object(map) => {
                for (k, x) in map {
                    walk(x, format!("{path}/{k}"), format!("{shape}/{k}"), seen, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        doc,
        String::new(),
        String::new(),
        &mut BTreeSet::new(),
        &mut out,
    );
    out
}

/// Put each far date into each date field in turn: the decoder must refuse every one with the
/// plain message naming the date.
fn every_date_field_is_checked(
    what: &str,
    text: &str,
    at_least: usize,
    decode: impl Fn(&str) -> Result<(), String>,
) {
    decode(text).unwrap_or_else(|e| panic!("{what}: the good document was refused: {e}"));
    let doc: Value = serde_json::from_str(text).unwrap();
    let fields = date_fields(&doc);
    assert!(
        fields.len() >= at_least,
        "{what}: only {} date fields found",
        fields.len()
    );
    for (pointer, date_time) in &fields {
        for far in ["+262142-12-30", "-262143-01-01", "1899-12-31", "2201-01-01"] {
            let mut changed = doc.clone();
            let written = if *date_time {
                format!("{far}T09:30:00")
            } else {
                far.to_string()
            };
            *changed.pointer_mut(pointer).unwrap() = Value::from(written);
            let err = decode(&changed.to_string())
                .expect_err(&format!("{what}: {pointer} = {far} was accepted"));
            let shown = far.trim_start_matches('+');
            assert!(
                err.contains(&format!("a date that cannot be right: {shown}."))
                    && err.contains("between 1900 and 2200"),
                "{what}: {pointer} = {far}: {err}"
            );
        }
    }
}

#[test]
fn backups_with_a_date_outside_the_window_are_refused_plainly() {
    let data = small_person();
    let text = encode_backup(&data, day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap());
    every_date_field_is_checked("backup", &text, 20, |t| {
        check_backup(t.as_bytes())
            .map(drop)
            .map_err(|e| e.to_string())
    });
    let fixture = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/backup.json"),
    )
    .unwrap();
    every_date_field_is_checked("backup fixture", &fixture, 10, |t| {
        check_backup(t.as_bytes())
            .map(drop)
            .map_err(|e| e.to_string())
    });
}

#[test]
fn the_issue_13_backup_with_a_diary_entry_in_year_minus_262143_is_refused() {
    let data = small_person();
    let text = encode_backup(&data, day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap());
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["data"]["diary"][0]["date"] = Value::from("-262143-01-01");
    let err = check_backup(doc.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This file has a date that cannot be right: -262143-01-01. Everyday accepts dates \
         between 1900 and 2200."
    );
}

#[test]
fn stored_parts_with_a_date_outside_the_window_are_set_aside_with_the_reason() {
    let data = small_person();
    for (part, text) in everyday::storage::engine::encode_parts(&data) {
        let doc: Value = serde_json::from_str(&text).unwrap();
        for (pointer, date_time) in date_fields(&doc) {
            let mut changed = doc.clone();
            *changed.pointer_mut(&pointer).unwrap() = Value::from(if date_time {
                "+262142-12-30T09:30:00"
            } else {
                "+262142-12-30"
            });
            let changed = changed.to_string();
            let mut store = Store::new(kv_with_part(&part, &changed));
            let loaded = store.load(1);
            assert_eq!(loaded.problems.len(), 1, "{part} {pointer}");
            assert!(
                loaded.problems[0].reason.contains("262142-12-30"),
                "{part} {pointer}: {}",
                loaded.problems[0].reason
            );
            // Kept aside byte for byte, never lost.
            let aside = store.quarantined();
            assert_eq!(store.quarantined_text(&aside[0].key), Some(changed));
        }
    }
}

#[test]
fn summary_files_with_a_date_outside_the_window_are_refused_plainly() {
    let data = small_person();
    let (from, to) = (day(2026, 10, 28), day(2026, 11, 24));
    let summary = build(&data, from, to, to, Parts::ALL);
    let text = encode_summary(&summary, to.and_hms_opt(9, 0, 0).unwrap());
    every_date_field_is_checked("summary", &text, 8, |t| {
        read_summary(t.as_bytes())
            .map(drop)
            .map_err(|e| e.to_string())
    });
}

#[test]
fn shared_workplace_plans_with_a_date_outside_the_window_are_refused_plainly() {
    let data = small_person();
    let all = ShareChoices {
        name: true,
        period: true,
        agreed: true,
        asked_for: true,
        suggested: true,
        notes: true,
        phased_return: true,
        difficulties: true,
        wellness: true,
    };
    let shared = everyday::domain::share::share_payload(&data, &all, day(2026, 11, 24));
    let text = everyday::domain::share::plan_json(&shared);
    every_date_field_is_checked("shared plan", &text, 2, |t| {
        everyday::domain::share::decode_plan(t.as_bytes())
            .map(drop)
            .map_err(|e| e.to_string())
    });
}
