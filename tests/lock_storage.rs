//! The lock under the storage engine (issue 17), natively, with a stand-in cipher of the same
//! sizes as AES-GCM (the real one is async WebCrypto, tested in tests/web.rs):
//!
//! - the engine on the plaintext mirror keeps its promises, and each save's batch, sealed and
//!   written, leaves the browser's storage holding exactly the mirror (or, when a write fails
//!   at any step, exactly what it held before, with the mirror put back to match);
//! - the mirror's quota check never lets through a save that might not fit, and counts what is
//!   stored at its real size, so it agrees with storage unit for unit;
//! - turning the lock on and off, crashed after every single write and started again, never
//!   loses a record, and finishes with every value sealed (or every value plain);
//! - no room to finish sealing turns the work round, ending plain with nothing lost.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use everyday::domain::envelope::SCHEMA_VERSION;
use everyday::domain::lock::{
    encode_sealed, is_sealed, read_sealed, value_aad, CryptoError, LOCK_KEY, MIGRATION_KEY,
    STAGE_PREFIX, TAG_BYTES,
};
use everyday::domain::sample;
use everyday::domain::state::{AppData, Command};
use everyday::storage::engine::{META_KEY, PREFIX};
use everyday::storage::lock_migration::{
    begin_sealing, begin_unsealing, commit, finish, lock_state, next_step, replace_in_place,
    set_aside_unopened, stage, CommitError, Direction, LockState, Step,
};
use everyday::storage::sealed::{apply_batch, stays_plain, BatchError, SealedKv};
use everyday::storage::{KeyValue, KvError, MemoryKv, SaveError, Store};

fn end_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn at(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(10, 0, 0).unwrap()
}

/// Four months of the two-year sample: quick, with many diary months and goals.
fn data() -> AppData {
    let end = end_day();
    let mut d = sample::two_years(end);
    d.diary.retain(|e| e.date > end - Duration::days(120));
    d.day_marks.retain(|m| m.date > end - Duration::days(120));
    d.goals.truncate(6);
    d
}

/// A stand-in for compressing then AES-GCM, with AES-GCM's sizes (it does not compress, which
/// deflate may also fail to do): a keyed stream and a 16-byte tag over the
/// additional data and the text, so a value moved to another key, changed, or opened with
/// another key fails, as it would with the real cipher.
#[derive(Clone, Copy)]
struct Cipher {
    key: u64,
}

impl Cipher {
    fn stream(&self, iv: u64, i: usize) -> u8 {
        let x = self.key ^ iv.rotate_left(17) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (x.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 56) as u8
    }

    fn tag(&self, aad: &str, plain: &[u8]) -> [u8; TAG_BYTES] {
        let mut h = self.key ^ 0xcbf2_9ce4_8422_2325;
        for b in aad.bytes().chain(plain.iter().copied()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        let mut out = [0u8; TAG_BYTES];
        out[..8].copy_from_slice(&h.to_le_bytes());
        out[8..].copy_from_slice(&h.rotate_left(29).to_le_bytes());
        out
    }

    fn seal(&self, key: &str, plain: &str, iv: u64) -> String {
        let mut ct: Vec<u8> = plain
            .bytes()
            .enumerate()
            .map(|(i, b)| b ^ self.stream(iv, i))
            .collect();
        ct.extend(self.tag(&value_aad(key, SCHEMA_VERSION), plain.as_bytes()));
        let mut ivb = [0u8; 12];
        ivb[..8].copy_from_slice(&iv.to_le_bytes());
        encode_sealed(&ivb, &ct)
    }

    fn open(&self, key: &str, text: &str) -> Result<String, CryptoError> {
        let s = read_sealed(text)?;
        let mut ivb = [0u8; 8];
        ivb.copy_from_slice(&s.iv[..8]);
        let iv = u64::from_le_bytes(ivb);
        let (ct, tag) = s.ciphertext.split_at(s.ciphertext.len() - TAG_BYTES);
        let plain: Vec<u8> = ct
            .iter()
            .enumerate()
            .map(|(i, b)| b ^ self.stream(iv, i))
            .collect();
        if self.tag(&value_aad(key, s.version), &plain) != tag {
            return Err(CryptoError::WrongKey);
        }
        String::from_utf8(plain).map_err(|_| CryptoError::Damaged)
    }
}

const KEY: Cipher = Cipher { key: 0x5eed };

/// What unlocking does: open every sealed value (plain ones are taken as they are).
fn open_all(disk: &MemoryKv, cipher: Cipher) -> Result<BTreeMap<String, String>, CryptoError> {
    disk.map
        .iter()
        .filter(|(k, _)| k.starts_with(PREFIX) && !k.starts_with(STAGE_PREFIX))
        .map(|(k, v)| {
            let plain = if is_sealed(v) {
                cipher.open(k, v)?
            } else {
                v.clone()
            };
            Ok((k.clone(), plain))
        })
        .collect()
}

/// The mirror the app makes on unlocking: every value opened, with its stored size.
fn mirror_of(disk: &MemoryKv) -> SealedKv {
    let opened = open_all(disk, KEY).expect("every sealed value opens");
    let sizes = disk
        .map
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                k.encode_utf16().count() + v.encode_utf16().count(),
            )
        })
        .collect();
    SealedKv::new(opened, sizes, usize::MAX)
}

/// Load the opened store the way the app does after unlocking.
fn load(disk: &MemoryKv) -> (AppData, usize) {
    let mut store = Store::new(mirror_of(disk));
    let loaded = store.load(1);
    (loaded.data, loaded.problems.len())
}

/// Seal a batch and write it, as the browser side does after each save.
fn flush(mirror: &mut SealedKv, disk: &mut MemoryKv, iv: &mut u64) -> Result<(), BatchError> {
    let batch = mirror.take_batch();
    let writes: Vec<(String, Option<String>)> = batch
        .writes
        .iter()
        .map(|(k, v)| {
            let v = v.as_ref().map(|v| {
                if stays_plain(k) {
                    v.clone()
                } else {
                    *iv += 1;
                    KEY.seal(k, v, *iv)
                }
            });
            (k.clone(), v)
        })
        .collect();
    let result = apply_batch(disk, batch.expect_meta.as_ref(), &writes);
    match result {
        Ok(()) => mirror.settle(&batch, &writes),
        Err(_) => mirror.undo(batch),
    }
    result
}

/// A store saved through the mirror and flushed sealed to `disk`; the store is returned for more.
fn save_sealed(data: &AppData, disk: &mut MemoryKv, quota: usize, iv: &mut u64) -> Store<SealedKv> {
    let mut store = Store::new(SealedKv::new(BTreeMap::new(), BTreeMap::new(), quota));
    store.load(1);
    store.save(data, at(end_day())).unwrap();
    flush(store.kv_mut(), disk, iv).unwrap();
    store
}

fn plain_store(data: &AppData) -> MemoryKv {
    let mut store = Store::new(MemoryKv::default());
    store.save(data, at(end_day())).unwrap();
    store.kv().clone()
}

/// Drive a migration to its end, as the browser side does (without the awaits).
fn run(disk: &mut impl KeyValue, direction: Direction, iv: &mut u64) -> Result<(), KvError> {
    let mut direction = direction;
    let mut last = Step::Done;
    let mut repeats = 0;
    loop {
        let step = next_step(disk, direction);
        // The same step over and over: storage is not taking changes (crashed).
        repeats = if step == last { repeats + 1 } else { 0 };
        if repeats > 3 {
            return Err(KvError::Unavailable("no progress".into()));
        }
        last = step.clone();
        match step {
            Step::Done => return Ok(()),
            Step::Finish => {
                finish(disk, direction);
                return Ok(());
            }
            Step::DropStage(k) => disk.remove(&k),
            Step::Convert { key, value } => {
                let converted = match direction {
                    Direction::Seal => {
                        *iv += 1;
                        KEY.seal(&key, &value, *iv)
                    }
                    Direction::Unseal => match KEY.open(&key, &value) {
                        Ok(plain) => plain,
                        Err(_) => {
                            set_aside_unopened(disk, &key, &value, 99)?;
                            continue;
                        }
                    },
                };
                let staged = stage(disk, &key, &converted);
                let staged = match staged {
                    Ok(s) => s,
                    Err(KvError::Full) if direction == Direction::Seal => {
                        // No room to finish: turn round.
                        begin_unsealing(disk)?;
                        direction = Direction::Unseal;
                        continue;
                    }
                    Err(KvError::Full) => match replace_in_place(disk, &key, &value, &converted) {
                        Ok(()) | Err(CommitError::Retry) => continue,
                        Err(CommitError::Kv(e)) => return Err(e),
                    },
                    Err(e) => return Err(e),
                };
                let checked = match direction {
                    Direction::Seal => KEY.open(&key, &staged).as_deref() == Ok(value.as_str()),
                    Direction::Unseal => staged == converted,
                };
                match commit(disk, &key, &value, checked) {
                    Ok(()) | Err(CommitError::Retry) => {}
                    Err(CommitError::Kv(KvError::Full)) if direction == Direction::Seal => {
                        begin_unsealing(disk)?;
                        direction = Direction::Unseal;
                    }
                    Err(CommitError::Kv(e)) => return Err(e),
                }
            }
        }
    }
}

/// A store that stops taking changes after `left` of them: a crash at that moment (a change
/// after a crash never happens, whatever the code goes on to try).
struct Crashing {
    kv: MemoryKv,
    left: usize,
}

impl KeyValue for Crashing {
    fn get(&self, key: &str) -> Option<String> {
        self.kv.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        if self.left == 0 {
            return Err(KvError::Unavailable("crashed".into()));
        }
        self.left -= 1;
        self.kv.set(key, value)
    }
    fn remove(&mut self, key: &str) {
        if self.left > 0 {
            self.left -= 1;
            self.kv.remove(key);
        }
    }
    fn keys(&self) -> Vec<String> {
        self.kv.keys()
    }
}

fn all_sealed(disk: &MemoryKv) -> bool {
    disk.map.iter().all(|(k, v)| stays_plain(k) || is_sealed(v))
}

fn none_sealed(disk: &MemoryKv) -> bool {
    disk.map.values().all(|v| !is_sealed(v))
}

#[test]
fn each_save_through_the_mirror_is_stored_sealed_and_reads_back() {
    let data = data();
    let mut disk = MemoryKv::default();
    let mut iv = 0;
    let mut store = save_sealed(&data, &mut disk, usize::MAX, &mut iv);
    assert!(all_sealed(&disk));
    assert!(disk.map.contains_key(META_KEY));
    // No stored value but the plain ones holds the person's words.
    let name = &data.goals[0].activity;
    for (k, v) in &disk.map {
        assert!(
            stays_plain(k) || !v.contains(name.as_str()),
            "{k} holds {name}"
        );
    }
    let (back, problems) = load(&disk);
    assert_eq!(problems, 0);
    assert_eq!(back, data);
    // The stored size is what the mirror counted.
    assert_eq!(disk.used(), store.kv().used());
    assert_eq!(store.usage().used, disk.used());

    // A second save writes only what changed, and still reads back.
    let mut changed = data.clone();
    changed
        .apply(Command::SetName("A new name".into()))
        .unwrap();
    store.save(&changed, at(end_day())).unwrap();
    flush(store.kv_mut(), &mut disk, &mut iv).unwrap();
    assert_eq!(load(&disk).0, changed);
}

#[test]
fn a_write_failing_at_any_step_leaves_storage_and_mirror_as_they_were() {
    let data = data();
    let mut iv = 0;
    // A stored, sealed first version.
    let mut disk = MemoryKv::default();
    save_sealed(&data, &mut disk, usize::MAX, &mut iv);
    let mut changed = data.clone();
    changed.apply(Command::SetName("Changed".into())).unwrap();
    changed.diary.truncate(changed.diary.len() / 2);

    let mut checked = 0;
    for fail_at in 0.. {
        let mut store = Store::new(mirror_of(&disk));
        store.load(1);
        store.save(&changed, at(end_day())).unwrap();
        let mut faulty = disk.clone();
        faulty.fail_set = Some((faulty.sets + fail_at, KvError::Full));
        match flush(store.kv_mut(), &mut faulty, &mut iv) {
            Ok(()) => {
                assert_eq!(load(&faulty).0, changed);
                break;
            }
            Err(e) => {
                assert_eq!(e, BatchError::Kv(KvError::Full));
                assert_eq!(faulty.map, disk.map, "storage changed at write {fail_at}");
                // The mirror is back to what storage holds.
                let mirror: BTreeMap<String, String> = store
                    .kv()
                    .keys()
                    .into_iter()
                    .map(|k| (k.clone(), store.kv().get(&k).unwrap()))
                    .collect();
                assert_eq!(mirror, open_all(&disk, KEY).unwrap());
                checked += 1;
            }
        }
    }
    assert!(checked > 5, "only {checked} failure points");
}

#[test]
fn another_tabs_save_is_never_overwritten() {
    let data = data();
    let mut iv = 0;
    let mut disk = MemoryKv::default();
    save_sealed(&data, &mut disk, usize::MAX, &mut iv);

    // Two tabs unlock the same store; the first saves a change.
    let mut a = Store::new(mirror_of(&disk));
    let mut b = Store::new(mirror_of(&disk));
    a.load(1);
    b.load(1);
    let mut first = data.clone();
    first.apply(Command::SetName("From tab A".into())).unwrap();
    a.save(&first, at(end_day())).unwrap();
    flush(a.kv_mut(), &mut disk, &mut iv).unwrap();
    // The second's mirror has not seen it: its batch is refused, storage keeps A's change.
    let mut second = data.clone();
    second.apply(Command::SetName("From tab B".into())).unwrap();
    b.save(&second, at(end_day())).unwrap();
    let before = disk.map.clone();
    assert_eq!(
        flush(b.kv_mut(), &mut disk, &mut iv),
        Err(BatchError::Conflict)
    );
    assert_eq!(disk.map, before);
    assert_eq!(load(&disk).0, first);
}

#[test]
fn the_mirror_never_accepts_what_might_not_fit_and_then_counts_real_sizes() {
    let data = data();
    let mut iv = 0;
    // The most the first save can take (before anything is stored and its size known).
    let mut probe = Store::new(SealedKv::new(BTreeMap::new(), BTreeMap::new(), usize::MAX));
    probe.load(1);
    probe.save(&data, at(end_day())).unwrap();
    let bound = probe.kv().used();
    for quota in [bound - 1, bound] {
        let mut disk = MemoryKv::with_quota(quota);
        let mut store = Store::new(SealedKv::new(BTreeMap::new(), BTreeMap::new(), quota));
        store.load(1);
        let saved = store.save(&data, at(end_day()));
        if quota < bound {
            assert_eq!(saved, Err(SaveError::Full));
            assert!(!store.kv().has_pending());
        } else {
            saved.unwrap();
            flush(store.kv_mut(), &mut disk, &mut iv).unwrap();
            assert_eq!(load(&disk).0, data);
            // Once stored, each value counts at its real size, exactly what storage holds.
            assert_eq!(store.kv().used(), disk.used());
            assert!(disk.used() < bound);
            assert_eq!(store.usage().used, disk.used());
        }
    }
}

/// Crash after every write of turning the lock on, start again, and carry on: nothing lost.
#[test]
fn turning_the_lock_on_survives_a_crash_at_every_step() {
    let data = data();
    let plain = plain_store(&data);
    let mut iv = 0;
    let mut points = 0;
    for crash_at in 0.. {
        let mut disk = Crashing {
            kv: plain.clone(),
            left: crash_at,
        };
        let done = begin_sealing(&mut disk, "{\"lock\":1}").is_ok()
            && run(&mut disk, Direction::Seal, &mut iv).is_ok()
            && disk.left > 0;
        let mut kv = disk.kv;
        // Whatever moment it stopped at, everything reads.
        assert_eq!(
            load(&kv),
            (data.clone(), 0),
            "crash after {crash_at} writes"
        );
        // Start again: it carries on and finishes.
        let state = lock_state(&kv);
        if state != LockState::Plain {
            run(&mut kv, Direction::Seal, &mut iv).unwrap();
            assert!(all_sealed(&kv), "crash after {crash_at}");
            assert!(!kv.map.contains_key(MIGRATION_KEY));
            assert!(!kv.map.keys().any(|k| k.starts_with(STAGE_PREFIX)));
            assert_eq!(lock_state(&kv), LockState::Locked(None));
        }
        assert_eq!(load(&kv), (data.clone(), 0));
        points += 1;
        if done {
            break;
        }
    }
    println!("lock on: {points} crash points checked");
    assert!(points > 10);
}

#[test]
fn turning_the_lock_off_survives_a_crash_at_every_step() {
    let data = data();
    let mut sealed = plain_store(&data);
    let mut iv = 0;
    begin_sealing(&mut sealed, "{\"lock\":1}").unwrap();
    run(&mut sealed, Direction::Seal, &mut iv).unwrap();
    assert!(all_sealed(&sealed));
    let mut points = 0;
    for crash_at in 0.. {
        let mut disk = Crashing {
            kv: sealed.clone(),
            left: crash_at,
        };
        let done = begin_unsealing(&mut disk).is_ok()
            && run(&mut disk, Direction::Unseal, &mut iv).is_ok()
            && disk.left > 0;
        let mut kv = disk.kv;
        assert_eq!(
            load(&kv),
            (data.clone(), 0),
            "crash after {crash_at} writes"
        );
        match lock_state(&kv) {
            LockState::Locked(Some(Direction::Unseal)) | LockState::Plain => {
                run(&mut kv, Direction::Unseal, &mut iv).unwrap();
            }
            // Stopped before the marker was written: the lock is simply still on.
            other => assert_eq!(other, LockState::Locked(None), "crash after {crash_at}"),
        }
        if lock_state(&kv) == LockState::Plain {
            assert!(none_sealed(&kv));
            assert!(!kv.map.contains_key(LOCK_KEY));
            assert!(!kv.map.contains_key(MIGRATION_KEY));
            // A plain store loads with the engine straight from storage, as before.
            let mut store = Store::new(kv.clone());
            assert_eq!(store.load(1).data, data);
        }
        assert_eq!(load(&kv), (data.clone(), 0));
        points += 1;
        if done {
            break;
        }
    }
    println!("lock off: {points} crash points checked");
    assert!(points > 10);
}

#[test]
fn no_room_to_finish_sealing_ends_plain_with_nothing_lost() {
    let data = data();
    let plain = plain_store(&data);
    let used = plain.used();
    let mut iv = 0;
    // From just enough for the plain store up to enough for most of the sealed one.
    for extra in (0..used / 3).step_by(used / 40) {
        let mut disk = plain.clone();
        disk.quota = Some(used + 60 + extra);
        let result = begin_sealing(&mut disk, "{\"lock\":1}")
            .and_then(|_| run(&mut disk, Direction::Seal, &mut iv));
        result.unwrap();
        assert_eq!(load(&disk), (data.clone(), 0), "quota {}", used + extra);
        let state = lock_state(&disk);
        assert!(
            matches!(state, LockState::Plain | LockState::Locked(None)),
            "{state:?}"
        );
        if state == LockState::Plain {
            assert!(none_sealed(&disk));
        } else {
            assert!(all_sealed(&disk));
        }
    }
}

#[test]
fn a_changed_or_moved_value_does_not_open() {
    let text = KEY.seal("everyday/part/core", "{\"secret\":1}", 7);
    assert_eq!(
        KEY.open("everyday/part/core", &text).unwrap(),
        "{\"secret\":1}"
    );
    assert_eq!(
        KEY.open("everyday/part/diary-2026-01", &text),
        Err(CryptoError::WrongKey)
    );
    assert_eq!(
        Cipher { key: 1 }.open("everyday/part/core", &text),
        Err(CryptoError::WrongKey)
    );
}

#[test]
fn a_value_that_will_not_open_is_kept_aside_when_the_lock_is_turned_off() {
    let data = data();
    let mut disk = plain_store(&data);
    let mut iv = 0;
    begin_sealing(&mut disk, "{\"lock\":1}").unwrap();
    run(&mut disk, Direction::Seal, &mut iv).unwrap();
    // One diary month changed in storage (or sealed under another key).
    let month = disk
        .map
        .keys()
        .find(|k| k.contains("part/diary-"))
        .unwrap()
        .clone();
    let other = Cipher { key: 3 }.seal(&month, "{}", 1);
    disk.map.insert(month.clone(), other.clone());
    begin_unsealing(&mut disk).unwrap();
    run(&mut disk, Direction::Unseal, &mut iv).unwrap();
    assert_eq!(lock_state(&disk), LockState::Plain);
    assert!(!disk.map.contains_key(&month));
    // Kept, and listed by the engine as something it could not read.
    let store = Store::new(disk.clone());
    let kept = store.quarantined();
    assert_eq!(kept.len(), 1);
    let b64 = &other[other.find("\"data\":\"").unwrap() + 8..][..20];
    assert!(store.quarantined_text(&kept[0].key).unwrap().contains(b64));
    // Everything else is plain and loads.
    let mut store = Store::new(disk.clone());
    let loaded = store.load(1);
    let lost: Vec<_> = data
        .diary
        .iter()
        .filter(|e| !loaded.data.diary.contains(e))
        .collect();
    assert!(!lost.is_empty() && loaded.data.diary.len() + lost.len() == data.diary.len());
}
