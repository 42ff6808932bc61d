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

/// Files that could not be kept (the browser's storage is full), by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotKept {
    pub names: Vec<String>,
    pub error: KvError,
}

impl NotKept {
    /// The message for the OT: which summaries were not kept, and that the others still are.
    pub fn message(&self) -> String {
        let which = self.names.join(", ");
        match self.error {
            KvError::Full => format!(
                "There is not enough room in this browser to keep {which}. It stays on screen \
                 until you close this page. Summaries kept before are still kept."
            ),
            KvError::Unavailable(_) => format!(
                "This browser would not keep {which}. It stays on screen until you close this \
                 page. Summaries kept before are still kept."
            ),
        }
    }
}

/// Keep exactly these files: those already kept stay as they are, those no longer listed are
/// removed, and new ones are added after them. A file that does not fit is left out and named
/// in the error; nothing already kept is ever cleared to make room or because another failed.
pub fn keep_all<K: KeyValue>(kv: &mut K, files: &[KeptFile]) -> Result<(), NotKept> {
    let mut kept: Vec<(String, KeptFile)> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(OT_PREFIX))
        .filter_map(|k| {
            let rest = k.strip_prefix(OT_PREFIX)?;
            let name = rest.split_once('/').map_or(rest, |(_, n)| n).to_string();
            let text = kv.get(&k)?;
            Some((k, KeptFile { name, text }))
        })
        .collect();
    kept.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Remove what is no longer wanted first, so its room can be used.
    let mut wanted: Vec<&KeptFile> = files.iter().collect();
    for (key, file) in &kept {
        match wanted.iter().position(|w| *w == file) {
            Some(i) => {
                wanted.remove(i);
            }
            None => kv.remove(key),
        }
    }
    let mut next = kept
        .iter()
        .filter_map(|(k, _)| {
            k.strip_prefix(OT_PREFIX)?
                .split_once('/')?
                .0
                .parse::<usize>()
                .ok()
        })
        .max()
        .map_or(0, |n| n + 1);
    let mut not_kept = Vec::new();
    let mut error = None;
    for f in wanted {
        match kv.set(&format!("{OT_PREFIX}{next:03}/{}", f.name), &f.text) {
            Ok(()) => next += 1,
            Err(e) => {
                not_kept.push(f.name.clone());
                error = Some(e);
            }
        }
    }
    match error {
        None => Ok(()),
        Some(error) => Err(NotKept {
            names: not_kept,
            error,
        }),
    }
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
    fn a_full_store_keeps_what_fits_and_names_what_does_not() {
        let mut kv = MemoryKv::with_quota(60);
        let files = vec![file("a.json", "x"), file("b.json", &"y".repeat(100))];
        let err = keep_all(&mut kv, &files).unwrap_err();
        assert_eq!(err.names, vec!["b.json".to_string()]);
        assert_eq!(load(&kv), files[..1].to_vec());
        assert!(err.message().contains("b.json"));
        assert!(err.message().contains("still kept"));
    }

    #[test]
    fn a_full_store_never_clears_summaries_already_kept() {
        // Before the fix, keeping one more summary on a full store cleared all of them.
        let mut kv = MemoryKv::default();
        let first = vec![file("a.json", "A"), file("b.json", "B")];
        keep_all(&mut kv, &first).unwrap();
        kv.quota = Some(kv.used() + 10);
        let mut more = first.clone();
        more.push(file("c.json", &"C".repeat(100)));
        let err = keep_all(&mut kv, &more).unwrap_err();
        assert_eq!(err.names, vec!["c.json".to_string()]);
        assert_eq!(load(&kv), first);
        // Closing one still removes just that one, and order is kept for new ones.
        kv.quota = None;
        keep_all(&mut kv, &[first[1].clone(), file("d.json", "D")]).unwrap();
        assert_eq!(load(&kv), vec![first[1].clone(), file("d.json", "D")]);
    }
}
