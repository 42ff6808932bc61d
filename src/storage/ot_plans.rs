//! The OT's saved plans and the practice's signing key, on the OT's computer, under their own
//! key prefix so they never mix with a patient's data (the engine only reads `everyday/`).
//! Each plan is kept as its JSON (read back through the plan decoder like any plan); the key
//! is kept as the same text as the practice key file.

use thiserror::Error;

use super::kv::{KeyValue, KvError};
use crate::domain::plan::signing::{PracticeKey, PracticeKeyError};
use crate::domain::plan::{decode_plan, plan_json, Plan};

/// Every saved plan's key starts with this.
pub const PLANS_PREFIX: &str = "everyday-ot/plans/";
/// The practice's signing key (not under the plans' prefix, so it is never read as a plan).
pub const KEY_KEY: &str = "everyday-ot/plan-key";

/// Why a plan or the key could not be kept, in words for the OT.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum OtPlansError {
    #[error("This browser's storage is full, so it could not be saved. Please remove saved plans you no longer need.")]
    Full,
    #[error("This browser's storage is switched off, so it could not be saved ({0}).")]
    Unavailable(String),
    #[error("{0}")]
    Key(PracticeKeyError),
}

impl From<KvError> for OtPlansError {
    fn from(e: KvError) -> Self {
        match e {
            KvError::Full => OtPlansError::Full,
            KvError::Unavailable(why) => OtPlansError::Unavailable(why),
        }
    }
}

/// The saved plans that can be read, newest first. One that cannot be read is left where it is.
pub fn load_plans<K: KeyValue>(kv: &K) -> Vec<Plan> {
    let mut plans: Vec<Plan> = kv
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(PLANS_PREFIX))
        .filter_map(|k| kv.get(&k))
        .filter_map(|t| decode_plan(t.as_bytes()).ok())
        .collect();
    plans.sort_by(|a, b| b.made.cmp(&a.made).then(a.id.cmp(&b.id)));
    plans
}

/// Keep a plan (replacing the one with the same identity).
pub fn save_plan<K: KeyValue>(kv: &mut K, plan: &Plan) -> Result<(), OtPlansError> {
    kv.set(&format!("{PLANS_PREFIX}{}", plan.id), &plan_json(plan))?;
    Ok(())
}

pub fn remove_plan<K: KeyValue>(kv: &mut K, id: &str) {
    kv.remove(&format!("{PLANS_PREFIX}{id}"));
}

/// The practice key kept on this computer: `None` when there is none yet, an error when the
/// kept text cannot be read (it is then left as it is, never replaced without the OT asking).
pub fn load_key<K: KeyValue>(kv: &K) -> Result<Option<PracticeKey>, OtPlansError> {
    match kv.get(KEY_KEY) {
        None => Ok(None),
        Some(text) => PracticeKey::from_file(text.as_bytes())
            .map(Some)
            .map_err(OtPlansError::Key),
    }
}

/// Keep the practice key (a new one, or one imported from the practice's other computer).
pub fn save_key<K: KeyValue>(kv: &mut K, key: &PracticeKey) -> Result<(), OtPlansError> {
    kv.set(KEY_KEY, &key.to_file())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::signing::Jwk;
    use crate::domain::share::base64url_encode;
    use crate::storage::MemoryKv;
    use chrono::NaiveDate;

    fn plan(id: &str, day: u32) -> Plan {
        let mut p = Plan::new(id.into(), NaiveDate::from_ymd_opt(2026, 3, day).unwrap());
        p.ot = "Sam".into();
        p
    }

    fn key(b: u8) -> PracticeKey {
        let c = |v: u8| base64url_encode(&[v; 32]);
        PracticeKey::from_jwk(Jwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: c(b),
            y: c(b + 1),
            d: c(b + 2),
        })
        .unwrap()
    }

    #[test]
    fn plans_round_trip_newest_first_and_touch_only_the_ot_prefix() {
        let mut kv = MemoryKv::default();
        kv.set("everyday/meta", "patient").unwrap();
        assert!(load_plans(&kv).is_empty());
        save_plan(&mut kv, &plan("p-a", 1)).unwrap();
        save_plan(&mut kv, &plan("p-b", 5)).unwrap();
        let mut changed = plan("p-a", 7);
        changed.revision = 2;
        save_plan(&mut kv, &changed).unwrap();
        let ids: Vec<_> = load_plans(&kv).into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["p-a", "p-b"]);
        assert_eq!(load_plans(&kv)[0].revision, 2);
        remove_plan(&mut kv, "p-a");
        assert_eq!(load_plans(&kv).len(), 1);
        assert_eq!(kv.get("everyday/meta").as_deref(), Some("patient"));
    }

    #[test]
    fn an_unreadable_saved_plan_is_skipped_and_left_alone() {
        let mut kv = MemoryKv::default();
        kv.set(&format!("{PLANS_PREFIX}p-bad"), "{not json")
            .unwrap();
        save_plan(&mut kv, &plan("p-a", 1)).unwrap();
        assert_eq!(load_plans(&kv).len(), 1);
        assert!(kv.get(&format!("{PLANS_PREFIX}p-bad")).is_some());
    }

    #[test]
    fn the_key_is_kept_apart_from_the_plans_and_round_trips() {
        let mut kv = MemoryKv::default();
        assert_eq!(load_key(&kv), Ok(None));
        save_key(&mut kv, &key(1)).unwrap();
        assert_eq!(load_key(&kv), Ok(Some(key(1))));
        assert!(load_plans(&kv).is_empty());
        save_key(&mut kv, &key(5)).unwrap();
        assert_eq!(load_key(&kv), Ok(Some(key(5))));
        kv.set(KEY_KEY, "damaged").unwrap();
        assert!(matches!(load_key(&kv), Err(OtPlansError::Key(_))));
        assert_eq!(kv.get(KEY_KEY).as_deref(), Some("damaged"));
    }

    #[test]
    fn a_full_store_says_so() {
        let mut kv = MemoryKv::with_quota(40);
        assert_eq!(save_plan(&mut kv, &plan("p-a", 1)), Err(OtPlansError::Full));
        assert_eq!(save_key(&mut kv, &key(1)), Err(OtPlansError::Full));
        assert!(load_plans(&kv).is_empty());
    }
}
