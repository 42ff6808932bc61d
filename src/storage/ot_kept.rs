//! Summaries the OT chose to keep on their computer, under their own key prefix so they never
//! mix with a patient's data (the engine only reads `everyday/`). Nothing is written unless the
//! OT asks to keep the summaries, and "clear" removes every key under the prefix.

use super::kv::{KeyValue, KvError};

/// Every kept summary's key starts with this.
pub const OT_PREFIX: &str = "everyday-ot/summary/";

/// A kept file: its name and its text (checked again like any file when read back).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptFile {
    pub name: String,
    pub text: String,
}

/// The kept files, in the order they were opened.
pub fn load<K: KeyValue>(kv: &K) -> Vec<KeptFile> {
    let mut keys: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(OT_PREFIX))
        .collect();
    keys.sort_unstable();
    keys.into_iter()
        .filter_map(|k| {
            // "everyday-ot/summary/007/name.json"
            let rest = k.strip_prefix(OT_PREFIX)?;
            let name = rest.split_once('/').map_or(rest, |(_, n)| n).to_string();
            Some(KeptFile {
                name,
                text: kv.get(&k)?,
            })
        })
        .collect()
}

/// Whether anything is kept.
pub fn any<K: KeyValue>(kv: &K) -> bool {
    kv.keys().iter().any(|k| k.starts_with(OT_PREFIX))
}

/// Remove every kept summary.
pub fn clear<K: KeyValue>(kv: &mut K) {
    for k in kv.keys() {
        if k.starts_with(OT_PREFIX) {
            kv.remove(&k);
        }
    }
}

/// Keep exactly these files (replacing what was kept). On a full store nothing is kept, rather
/// than some of them.
pub fn keep_all<K: KeyValue>(kv: &mut K, files: &[KeptFile]) -> Result<(), KvError> {
    clear(kv);
    for (i, f) in files.iter().enumerate() {
        if let Err(e) = kv.set(&format!("{OT_PREFIX}{i:03}/{}", f.name), &f.text) {
            clear(kv);
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryKv;

    fn file(name: &str, text: &str) -> KeptFile {
        KeptFile {
            name: name.into(),
            text: text.into(),
        }
    }

    #[test]
    fn keep_load_and_clear_touch_only_the_ot_prefix() {
        let mut kv = MemoryKv::default();
        kv.set("everyday/meta", "patient").unwrap();
        assert!(!any(&kv));
        let files = vec![file("b/odd name.json", "B"), file("a.json", "A")];
        keep_all(&mut kv, &files).unwrap();
        assert!(any(&kv));
        assert_eq!(load(&kv), files);
        keep_all(&mut kv, &files[1..]).unwrap();
        assert_eq!(load(&kv), files[1..].to_vec());
        clear(&mut kv);
        assert!(load(&kv).is_empty());
        assert_eq!(kv.get("everyday/meta").as_deref(), Some("patient"));
    }

    #[test]
    fn a_full_store_keeps_nothing() {
        let mut kv = MemoryKv::with_quota(60);
        let files = vec![file("a.json", "x"), file("b.json", &"y".repeat(100))];
        assert_eq!(keep_all(&mut kv, &files), Err(KvError::Full));
        assert!(!any(&kv));
    }
}
