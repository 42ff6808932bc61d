//! The lock's stored formats: round trips, exact sizes, and that nothing read from storage or a
//! file can panic or be taken for something it is not.

use super::*;
use proptest::prelude::*;

fn record() -> LockRecord {
    LockRecord::new(600_000, &[1; 16], &[2; 12], &[3; 48], 15)
}

#[test]
fn lock_record_round_trip() {
    let parts = LockRecord::read(&record().to_text()).unwrap();
    assert_eq!(parts.iterations, 600_000);
    assert_eq!(parts.salt, vec![1; 16]);
    assert_eq!(parts.iv, vec![2; 12]);
    assert_eq!(parts.wrapped_key, vec![3; 48]);
    assert_eq!(parts.idle_minutes, 15);
}

#[test]
fn lock_record_refuses_weak_damaged_or_newer() {
    let mut weak = record();
    weak.iterations = 1000;
    assert_eq!(LockRecord::read(&weak.to_text()), Err(CryptoError::Damaged));
    let mut huge = record();
    huge.iterations = u32::MAX;
    assert_eq!(LockRecord::read(&huge.to_text()), Err(CryptoError::Damaged));
    let mut newer = record();
    newer.version = 2;
    assert_eq!(LockRecord::read(&newer.to_text()), Err(CryptoError::Newer));
    let mut short = record();
    short.salt = base64url_encode(&[1; 8]);
    assert_eq!(
        LockRecord::read(&short.to_text()),
        Err(CryptoError::Damaged)
    );
    let mut kdf = record();
    kdf.kdf = "MD5".into();
    assert_eq!(LockRecord::read(&kdf.to_text()), Err(CryptoError::Damaged));
    assert_eq!(LockRecord::read("{"), Err(CryptoError::Damaged));
    // An unknown idle time falls back to the default rather than locking the person out.
    let mut idle = record();
    idle.idle_minutes = 7;
    assert_eq!(LockRecord::read(&idle.to_text()).unwrap().idle_minutes, 5);
}

#[test]
fn sealed_value_round_trip_and_newer() {
    let text = encode_sealed(&[9; 12], &[7; 40]);
    assert!(is_sealed(&text));
    let s = read_sealed(&text).unwrap();
    assert_eq!(s.version, SCHEMA_VERSION);
    assert_eq!(s.iv, vec![9; 12]);
    assert_eq!(s.ciphertext, vec![7; 40]);
    let newer = text.replace(
        &format!("\"version\":{SCHEMA_VERSION}"),
        &format!("\"version\":{}", SCHEMA_VERSION + 1),
    );
    assert_eq!(read_sealed(&newer), Err(CryptoError::Newer));
    // Too short to hold an IV and a tag.
    assert_eq!(
        read_sealed(&encode_sealed(&[], &[1; 10])),
        Err(CryptoError::Damaged)
    );
    // Plain envelopes are never taken for sealed ones.
    assert!(!is_sealed(
        r#"{"format":"everyday-part","version":1,"data":{}}"#
    ));
}

#[test]
fn additional_data_names_the_key_and_version() {
    assert_eq!(value_aad("everyday/part/core", 1), "everyday/part/core\n1");
    assert_ne!(
        value_aad("everyday/part/diary-2026-01", 1),
        value_aad("everyday/part/diary-2026-02", 1)
    );
}

#[test]
fn protected_backup_round_trip_and_refusals() {
    let text = encode_protected_backup(600_000, &[1; 16], &[2; 12], &[3; 50]);
    assert!(is_protected_backup(text.as_bytes()));
    let p = read_protected_backup(text.as_bytes()).unwrap();
    assert_eq!(
        p,
        ProtectedBackup {
            iterations: 600_000,
            salt: vec![1; 16],
            iv: vec![2; 12],
            ciphertext: vec![3; 50],
        }
    );
    assert!(!is_protected_backup(
        br#"{"format":"everyday-backup","version":1,"data":{}}"#
    ));
    let cut = encode_protected_backup(600_000, &[1; 16], &[2; 12], &[3; 4]);
    assert_eq!(
        read_protected_backup(cut.as_bytes()),
        Err(CryptoError::Damaged)
    );
    let weak = encode_protected_backup(10, &[1; 16], &[2; 12], &[3; 50]);
    assert_eq!(
        read_protected_backup(weak.as_bytes()),
        Err(CryptoError::Damaged)
    );
    let newer = text.replace("\"version\":1", "\"version\":2");
    assert_eq!(
        read_protected_backup(newer.as_bytes()),
        Err(CryptoError::Newer)
    );
}

#[test]
fn passcodes() {
    assert!(check_passcode("123456").is_ok());
    assert!(check_passcode("12345").is_err());
    assert!(check_passcode("blue kettle").is_ok());
    assert!(check_passcode("kettle").is_err());
    assert!(check_passcode("        ").is_err());
}

#[test]
fn wrong_tries_wait_longer_and_survive_a_clock_set_back() {
    let mut t = Tries::default();
    for _ in 0..FREE_TRIES {
        t = t.failed(1_000);
        assert_eq!(t.remaining_secs(1_000), 0);
    }
    t = t.failed(10_000);
    assert_eq!(t.wait_secs(), 5);
    assert_eq!(t.remaining_secs(10_000), 5);
    assert_eq!(t.remaining_secs(12_000), 3);
    assert_eq!(t.remaining_secs(15_000), 0);
    // The clock set back: the full wait, not none.
    assert_eq!(t.remaining_secs(1), 5);
    t = t.failed(20_000);
    assert_eq!(t.wait_secs(), 10);
    let mut waits = Vec::new();
    for _ in 0..20 {
        t = t.failed(0);
        waits.push(t.wait_secs());
    }
    assert!(waits.windows(2).all(|w| w[0] <= w[1]), "{waits:?}");
    assert_eq!(*waits.last().unwrap(), MAX_WAIT_SECS);
    // A damaged count does not reset the wait.
    assert!(Tries::read(Some("nonsense")).wait_secs() > 0);
    assert_eq!(Tries::read(Some(&t.to_text())), t);
}

proptest! {
    #[test]
    fn sealed_size_is_exact(iv in proptest::collection::vec(any::<u8>(), 12),
                            body in proptest::collection::vec(any::<u8>(), 0..2000)) {
        // `body` stands for a plaintext; its ciphertext is the same length plus the tag.
        let ct: Vec<u8> = body.iter().copied().chain([0u8; TAG_BYTES]).collect();
        let text = encode_sealed(&iv, &ct);
        prop_assert_eq!(text.encode_utf16().count(), sealed_units(body.len()));
        let back = read_sealed(&text).unwrap();
        prop_assert_eq!(back.iv, iv);
        prop_assert_eq!(back.ciphertext, ct);
    }

    #[test]
    fn reading_never_panics(text in ".{0,300}", bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = LockRecord::read(&text);
        let _ = read_sealed(&text);
        let _ = is_sealed(&text);
        let _ = read_protected_backup(&bytes);
        let _ = read_protected_backup(text.as_bytes());
        let _ = is_protected_backup(&bytes);
        let _ = Tries::read(Some(&text)).remaining_secs(5);
    }

    #[test]
    fn protected_backup_round_trips(iterations in MIN_ITERATIONS..MAX_ITERATIONS,
                                    salt in proptest::collection::vec(any::<u8>(), 16),
                                    iv in proptest::collection::vec(any::<u8>(), 12),
                                    ct in proptest::collection::vec(any::<u8>(), 16..500)) {
        let text = encode_protected_backup(iterations, &salt, &iv, &ct);
        let p = read_protected_backup(text.as_bytes()).unwrap();
        prop_assert_eq!(p, ProtectedBackup { iterations, salt, iv, ciphertext: ct });
    }
}
