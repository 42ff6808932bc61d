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
    #![proptest_config(ProptestConfig::with_cases(256))]

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
