//! The passcode lock, encryption at rest and protected backups: every stored format, as plain
//! Rust (tested natively). The browser's WebCrypto calls are in `platform::crypto`; the layer
//! that puts encryption under the storage engine is `storage::sealed`.
//!
//! # Why a plaintext mirror (WebCrypto is async, the engine is not)
//!
//! The storage engine is synchronous over `KeyValue`: a save either happens completely or
//! leaves storage as it was, and a full store is reported at once. WebCrypto only answers with
//! promises, so it cannot sit inside `KeyValue::get`/`set`. Instead:
//!
//! 1. Unlocking (async) derives the wrapping key from the passcode (PBKDF2-SHA256, at least
//!    [`MIN_ITERATIONS`], a random 16-byte salt), unwraps the random 256-bit data key as a
//!    non-extractable AES-GCM key, and opens every stored value into an in-memory plaintext
//!    mirror (a `KeyValue`).
//! 2. The engine runs unchanged on that mirror, so its promises (last good copy, quarantine,
//!    full store, newer version) are the same code and the same tests.
//! 3. Each save's writes are logged in order; afterwards they are sealed (AES-GCM, a fresh
//!    96-bit IV per write, the key name and schema version as additional data) and written to
//!    localStorage in one synchronous batch, in the same order, so a crash leaves what the
//!    plain engine would have left. A write the browser refuses rolls the whole batch back.
//! 4. Each value is compressed (deflate-raw, the browser's `CompressionStream`) before it is
//!    encrypted: five years of heavy use then takes about a tenth of the room. The mirror
//!    counts each stored value at its real size, and a value not yet stored at the most its
//!    sealed form can take ([`sealed_units_at_most`], which depends only on the plaintext's
//!    length), so a save that might not fit fails synchronously, as a full store did before.
//!
//! Kept in plain text, because another tab must read them without the key: the `meta` value
//! (the save counter and the names of the stored parts, such as `diary-2026-03`: it says which
//! months have diary entries, not what they say), the lock record and the count of wrong tries.
//! Everything else under `everyday/` is sealed.
//!
//! # Formats
//!
//! - The lock record, under [`LOCK_KEY`]: `{"format":"everyday-lock","version":1,
//!   "kdf":"PBKDF2-SHA256","iterations":600000,"salt":B64,"iv":B64,"wrapped_key":B64,
//!   "idle_minutes":5}`. `wrapped_key` is the 32-byte data key encrypted with AES-GCM under
//!   the key derived from the passcode, with `iv` and [`WRAP_AAD`] as additional data (48
//!   bytes: key and tag). B64 is base64url without padding throughout.
//! - A sealed value: `{"format":"everyday-sealed","version":V,"data":B64}` where `V` is the
//!   schema version of what is inside and `data` is a 12-byte IV followed by the AES-GCM
//!   ciphertext and tag of the deflate-raw compressed UTF-8 plaintext, with [`value_aad`]`(key, V)` (`key\nV`) as
//!   additional data, so a value moved to another key or relabelled does not open.
//! - A protected backup file: `{"format":"everyday-backup-protected","version":1,
//!   "kdf":"PBKDF2-SHA256","iterations":600000,"data":B64}` where `data` is a 16-byte salt, a
//!   12-byte IV and the AES-GCM ciphertext of the deflate-raw compressed backup file, with
//!   [`BACKUP_AAD`] as additional data.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::envelope::SCHEMA_VERSION;
use super::share::{base64url_decode, base64url_encode};

/// Where the lock record is kept (plain text).
pub const LOCK_KEY: &str = "everyday/lock";
/// The count of wrong tries and when the last was (plain text), kept across reloads.
pub const TRIES_KEY: &str = "everyday/lock-tries";
/// While the store is being encrypted or decrypted: `sealing` or `unsealing`.
pub const MIGRATION_KEY: &str = "everyday/lock-migration";
/// A value's new form, written and read back before it replaces the value.
pub const STAGE_PREFIX: &str = "everyday/lock-stage/";

pub const LOCK_FORMAT: &str = "everyday-lock";
pub const LOCK_VERSION: u32 = 1;
pub const SEALED_FORMAT: &str = "everyday-sealed";
pub const PROTECTED_BACKUP_FORMAT: &str = "everyday-backup-protected";
pub const PROTECTED_BACKUP_VERSION: u32 = 1;
pub const KDF: &str = "PBKDF2-SHA256";

/// The fewest PBKDF2 iterations accepted (OWASP's figure for PBKDF2-HMAC-SHA256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most accepted from a file or record, so a damaged one cannot hang the phone.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
pub const TAG_BYTES: usize = 16;
pub const DATA_KEY_BYTES: usize = 32;
/// Additional data when wrapping the data key.
pub const WRAP_AAD: &str = "everyday-lock/1";
/// Additional data of a protected backup's ciphertext.
pub const BACKUP_AAD: &str = "everyday-backup-protected/1";
/// The shortest PIN and the shortest passphrase.
pub const MIN_PIN_DIGITS: usize = 6;
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The idle times a person can choose, in minutes; the first is the default.
pub const IDLE_CHOICES: [u32; 4] = [5, 1, 15, 60];

/// Why something sealed could not be opened, or the browser could not do the cryptography.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum CryptoError {
    /// The key or passphrase is wrong, or the data was changed: AES-GCM cannot tell which.
    #[error("That passcode is not right.")]
    WrongKey,
    /// Not in the format written here, or cut short.
    #[error("This is damaged: it is not in the form Everyday writes.")]
    Damaged,
    /// Decompressing would go past the limit.
    #[error("This is too big to be from Everyday.")]
    TooLong,
    /// Written by a newer version of Everyday.
    #[error("This was made by a newer version of Everyday. Please reload the page to update.")]
    Newer,
    #[error("The browser could not do this: {0}")]
    Browser(String),
}

/// The lock record: what is needed to unwrap the data key with the passcode.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub format: String,
    pub version: u32,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub iv: String,
    pub wrapped_key: String,
    /// Lock again after this many minutes without use (or hidden for as long).
    #[serde(default = "default_idle")]
    pub idle_minutes: u32,
}

fn default_idle() -> u32 {
    IDLE_CHOICES[0]
}

/// The lock record's bytes, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockParts {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub wrapped_key: Vec<u8>,
    pub idle_minutes: u32,
}

impl LockRecord {
    pub fn new(iterations: u32, salt: &[u8], iv: &[u8], wrapped: &[u8], idle: u32) -> Self {
        LockRecord {
            format: LOCK_FORMAT.into(),
            version: LOCK_VERSION,
            kdf: KDF.into(),
            iterations,
            salt: base64url_encode(salt),
            iv: base64url_encode(iv),
            wrapped_key: base64url_encode(wrapped),
            idle_minutes: idle,
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read and check a stored lock record.
    pub fn read(text: &str) -> Result<LockParts, CryptoError> {
        let r: LockRecord = serde_json::from_str(text).map_err(|_| CryptoError::Damaged)?;
        if r.format != LOCK_FORMAT {
            return Err(CryptoError::Damaged);
        }
        if r.version > LOCK_VERSION {
            return Err(CryptoError::Newer);
        }
        check_kdf(r.version, &r.kdf, r.iterations)?;
        let bytes = |s: &str, n: usize| {
            base64url_decode(s)
                .filter(|b| b.len() == n)
                .ok_or(CryptoError::Damaged)
        };
        Ok(LockParts {
            iterations: r.iterations,
            salt: bytes(&r.salt, SALT_BYTES)?,
            iv: bytes(&r.iv, IV_BYTES)?,
            wrapped_key: bytes(&r.wrapped_key, DATA_KEY_BYTES + TAG_BYTES)?,
            idle_minutes: if IDLE_CHOICES.contains(&r.idle_minutes) {
                r.idle_minutes
            } else {
                default_idle()
            },
        })
    }
}

fn check_kdf(version: u32, kdf: &str, iterations: u32) -> Result<(), CryptoError> {
    if version == 0 || kdf != KDF || !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(CryptoError::Damaged);
    }
    Ok(())
}

/// The additional data sealing the value stored under `key` at schema `version`.
pub fn value_aad(key: &str, version: u32) -> String {
    format!("{key}\n{version}")
}

#[derive(Serialize, Deserialize)]
struct SealedText<'a> {
    format: &'a str,
    version: u32,
    data: &'a str,
}

/// A sealed value's parts: the schema version inside, the IV and the ciphertext with its tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub version: u32,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

/// Write a sealed value (at the current schema version).
pub fn encode_sealed(iv: &[u8], ciphertext: &[u8]) -> String {
    let data = base64url_encode(&[iv, ciphertext].concat());
    serde_json::to_string(&SealedText {
        format: SEALED_FORMAT,
        version: SCHEMA_VERSION,
        data: &data,
    })
    .unwrap_or_default()
}

/// Whether stored text is a sealed value (of any version), without decoding its data.
pub fn is_sealed(text: &str) -> bool {
    // Sealed values always start this way; plain envelopes start with `{"format":"everyday-`
    // followed by another name.
    text.starts_with(SEALED_PREFIX)
}

const SEALED_PREFIX: &str = "{\"format\":\"everyday-sealed\"";

/// Read a sealed value. A newer version is reported as such, not as damage.
pub fn read_sealed(text: &str) -> Result<Sealed, CryptoError> {
    let s: SealedText = serde_json::from_str(text).map_err(|_| CryptoError::Damaged)?;
    if s.format != SEALED_FORMAT || s.version == 0 {
        return Err(CryptoError::Damaged);
    }
    if s.version > SCHEMA_VERSION {
        return Err(CryptoError::Newer);
    }
    let bytes = base64url_decode(s.data).ok_or(CryptoError::Damaged)?;
    if bytes.len() < IV_BYTES + TAG_BYTES {
        return Err(CryptoError::Damaged);
    }
    let (iv, ciphertext) = bytes.split_at(IV_BYTES);
    Ok(Sealed {
        version: s.version,
        iv: iv.to_vec(),
        ciphertext: ciphertext.to_vec(),
    })
}

/// Length of base64url without padding for `n` bytes.
pub fn base64url_len(n: usize) -> usize {
    (4 * n).div_ceil(3)
}

/// The exact size, in UTF-16 units (all ASCII), of the sealed form of a value whose plaintext
/// is `plain_bytes` bytes of UTF-8. It depends only on the length, so a save can be checked
/// against the quota before anything is encrypted.
pub fn sealed_units(plain_bytes: usize) -> usize {
    let data = base64url_len(IV_BYTES + plain_bytes + TAG_BYTES);
    // {"format":"everyday-sealed","version":N,"data":"…"}
    SEALED_PREFIX.len()
        + ",\"version\":".len()
        + SCHEMA_VERSION.to_string().len()
        + ",\"data\":\"".len()
        + data
        + "\"}".len()
}

/// The most bytes deflate (zlib, which browsers use) can make of `n` bytes: zlib's
/// `deflateBound`, so incompressible data still fits.
pub fn deflate_bound(n: usize) -> usize {
    n + (n >> 12) + (n >> 14) + (n >> 25) + 13
}

/// The most UTF-16 units the sealed form of a value of `plain_bytes` bytes can take:
/// compressed (at worst no smaller), encrypted and encoded.
pub fn sealed_units_at_most(plain_bytes: usize) -> usize {
    sealed_units(deflate_bound(plain_bytes))
}

/// The most bytes an opened value may decompress to (more is taken as damage).
pub const MAX_VALUE_BYTES: usize = 64 * 1024 * 1024;

/// A protected backup file, read but not yet opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtectedBackup {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    pub ciphertext: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct ProtectedText {
    format: String,
    version: u32,
    kdf: String,
    iterations: u32,
    data: String,
}

/// Write a protected backup file around `salt`, `iv` and the ciphertext.
pub fn encode_protected_backup(
    iterations: u32,
    salt: &[u8],
    iv: &[u8],
    ciphertext: &[u8],
) -> String {
    serde_json::to_string(&ProtectedText {
        format: PROTECTED_BACKUP_FORMAT.into(),
        version: PROTECTED_BACKUP_VERSION,
        kdf: KDF.into(),
        iterations,
        data: base64url_encode(&[salt, iv, ciphertext].concat()),
    })
    .unwrap_or_default()
}

/// Whether a chosen file is a protected backup (so restore asks for its passphrase). Only the
/// format name is looked at.
pub fn is_protected_backup(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Format {
        format: String,
    }
    serde_json::from_slice::<Format>(bytes).is_ok_and(|f| f.format == PROTECTED_BACKUP_FORMAT)
}

/// Read a protected backup file. Never panics, whatever the bytes.
pub fn read_protected_backup(bytes: &[u8]) -> Result<ProtectedBackup, CryptoError> {
    let p: ProtectedText = serde_json::from_slice(bytes).map_err(|_| CryptoError::Damaged)?;
    if p.format != PROTECTED_BACKUP_FORMAT {
        return Err(CryptoError::Damaged);
    }
    if p.version > PROTECTED_BACKUP_VERSION {
        return Err(CryptoError::Newer);
    }
    check_kdf(p.version, &p.kdf, p.iterations)?;
    let body = base64url_decode(&p.data).ok_or(CryptoError::Damaged)?;
    if body.len() < SALT_BYTES + IV_BYTES + TAG_BYTES {
        return Err(CryptoError::Damaged);
    }
    let (salt, rest) = body.split_at(SALT_BYTES);
    let (iv, ciphertext) = rest.split_at(IV_BYTES);
    Ok(ProtectedBackup {
        iterations: p.iterations,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext: ciphertext.to_vec(),
    })
}

/// A passcode the lock accepts: a PIN of at least 6 digits, or a passphrase of at least 8
/// characters. The message says what to do.
pub fn check_passcode(passcode: &str) -> Result<(), String> {
    let chars = passcode.chars().count();
    if passcode.trim().is_empty() {
        return Err("Please choose a passcode.".into());
    }
    if passcode.chars().all(|c| c.is_ascii_digit()) {
        if chars < MIN_PIN_DIGITS {
            return Err(format!(
                "A PIN needs at least {MIN_PIN_DIGITS} digits. Please add more."
            ));
        }
        return Ok(());
    }
    if chars < MIN_PASSPHRASE_CHARS {
        return Err(format!(
            "Please use at least {MIN_PASSPHRASE_CHARS} letters or words (or a PIN of at least \
             {MIN_PIN_DIGITS} digits)."
        ));
    }
    Ok(())
}

/// Wrong tries so far and when the last one was, kept across reloads under [`TRIES_KEY`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tries {
    pub failures: u32,
    pub last_ms: u64,
}

/// Wrong tries allowed before any wait.
pub const FREE_TRIES: u32 = 3;
/// The longest wait between tries, in seconds.
pub const MAX_WAIT_SECS: u64 = 15 * 60;

impl Tries {
    /// Read stored tries; anything unreadable counts as the most careful case seen so far
    /// (a damaged count must not reset the delay).
    pub fn read(text: Option<&str>) -> Tries {
        match text {
            None => Tries::default(),
            Some(t) => serde_json::from_str(t).unwrap_or(Tries {
                failures: FREE_TRIES + 4,
                last_ms: 0,
            }),
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// How long to wait after this many wrong tries: none for the first few, then doubling
    /// from 5 seconds up to 15 minutes.
    pub fn wait_secs(&self) -> u64 {
        match self.failures.checked_sub(FREE_TRIES + 1) {
            None => 0,
            Some(extra) => 5u64
                .checked_shl(extra.min(20))
                .unwrap_or(MAX_WAIT_SECS)
                .min(MAX_WAIT_SECS),
        }
    }

    /// Seconds left before the next try is allowed at `now_ms` (0: try now). A clock set back
    /// does not shorten the wait past its full length.
    pub fn remaining_secs(&self, now_ms: u64) -> u64 {
        let wait_ms = self.wait_secs() * 1000;
        let since = now_ms.saturating_sub(self.last_ms);
        let left = if now_ms < self.last_ms {
            wait_ms
        } else {
            wait_ms.saturating_sub(since)
        };
        left.div_ceil(1000)
    }

    /// After a wrong try at `now_ms`.
    pub fn failed(self, now_ms: u64) -> Tries {
        Tries {
            failures: self.failures.saturating_add(1),
            last_ms: now_ms,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
