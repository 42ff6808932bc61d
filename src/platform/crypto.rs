//! The browser's cryptography and compression, in one place for share links, protected backups
//! and the passcode lock: WebCrypto (PBKDF2-SHA256, AES-GCM 256, key wrapping) and the
//! browser's own `CompressionStream` ('deflate-raw') to compress, with miniz_oxide's inflate
//! (small, and far faster here than the browser's stream for many small parts) to decompress.
//! The formats around what these make are in `domain::share` and `domain::lock`.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::lock::{
    encode_protected_backup, encode_sealed, read_protected_backup, read_sealed, value_aad,
    CryptoError, LockParts, LockRecord, BACKUP_AAD, IV_BYTES, MAX_VALUE_BYTES, MIN_ITERATIONS,
    SALT_BYTES, WRAP_AAD,
};

// web-sys has this stream only behind its unstable-APIs flag, which would rebuild every crate
// with different flags; the constructor is all that is needed.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;
}

const FORMAT: &str = "deflate-raw";

fn browser(what: &str) -> CryptoError {
    CryptoError::Browser(what.into())
}

/// Run `bytes` through a transform stream and read at most `limit` bytes out.
async fn transform(
    bytes: &[u8],
    pair: &web_sys::ReadableWritablePair,
    limit: usize,
) -> Result<Vec<u8>, CryptoError> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)
        .map_err(|_| browser("it would not hold the data."))?;
    let out = blob.stream().pipe_through(pair);
    let reader: web_sys::ReadableStreamDefaultReader = out.get_reader().unchecked_into();
    let mut result = Vec::new();
    loop {
        // A stream error (data that is not deflate) rejects the read: the data is damaged.
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| CryptoError::Damaged)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(result);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| CryptoError::Damaged)?
            .dyn_into()
            .map_err(|_| CryptoError::Damaged)?;
        if result.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(CryptoError::TooLong);
        }
        let at = result.len();
        result.resize(at + value.length() as usize, 0);
        value.copy_to(&mut result[at..]);
    }
}

/// Compress with deflate-raw.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let stream =
        Compressor::new(FORMAT).map_err(|_| browser("it cannot compress (please update it)."))?;
    transform(bytes, stream.unchecked_ref(), usize::MAX).await
}

/// Decompress deflate-raw, refusing to expand past `limit` bytes.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, CryptoError> {
    inflate(bytes, limit)
}

/// Decompress deflate-raw here, in one go, with miniz_oxide. Opening the lock inflates every
/// stored part at once: through the browser's `DecompressionStream` that took 25 to 35 ms of
/// stream hand-offs for five years of data (62 parts); inflating here takes a fraction of that
/// (the figures are in the notes of the storage benchmark in tests/web.rs).
fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, CryptoError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    decompress_to_vec_with_limit(bytes, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => CryptoError::TooLong,
        _ => CryptoError::Damaged,
    })
}

/// The browser's WebCrypto.
pub fn subtle() -> Result<web_sys::SubtleCrypto, CryptoError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| browser("it has no cryptography (open the page over https)."))
}

/// Wait for a WebCrypto promise; any failure becomes `fail`.
async fn run(promise: Result<Promise, JsValue>, fail: CryptoError) -> Result<JsValue, CryptoError> {
    let promise = promise.map_err(|_| fail.clone())?;
    JsFuture::from(promise).await.map_err(|_| fail)
}

/// Fresh random bytes from the browser's secure generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or_else(|| browser("it could not make random numbers."))?;
    Ok(bytes)
}

fn usages(names: &[&str]) -> Array {
    names.iter().map(|n| JsValue::from_str(n)).collect()
}

/// A key derived from a passphrase and salt with PBKDF2-SHA256, for AES-GCM; never extractable.
/// `uses` is `["encrypt", "decrypt"]` for data or `["wrapKey", "unwrapKey"]` for the lock.
async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    uses: &[&str],
) -> Result<web_sys::CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let fail = browser("it could not make a key from the passcode.");
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = run(
        subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usages(&["deriveKey"])),
        fail.clone(),
    )
    .await?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let key = subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &aes,
        false,
        &usages(uses),
    );
    Ok(run(key, fail).await?.unchecked_into())
}

fn gcm(iv: &[u8], additional: &str) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(additional.as_bytes()));
    params
}

/// AES-GCM encrypt under `key` with the given IV and additional data.
pub async fn aes_encrypt(
    key: &web_sys::CryptoKey,
    iv: &[u8],
    additional: &str,
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let sealed = subtle()?.encrypt_with_object_and_u8_array(&gcm(iv, additional), key, plain);
    let sealed = run(sealed, browser("it could not encrypt.")).await?;
    Ok(Uint8Array::new(&sealed).to_vec())
}

/// AES-GCM decrypt. A wrong key and changed data look the same: both fail the tag check.
pub async fn aes_decrypt(
    key: &web_sys::CryptoKey,
    iv: &[u8],
    additional: &str,
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let plain = subtle()?.decrypt_with_object_and_u8_array(&gcm(iv, additional), key, sealed);
    let plain = run(plain, CryptoError::WrongKey).await?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// Encrypt with a passphrase: a fresh salt and IV, then salt, IV and ciphertext (with its tag),
/// bound to `additional`. Used by share links.
pub async fn encrypt_with_passphrase(
    plain: &[u8],
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, CryptoError> {
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let key = derive_key(passphrase, &salt, MIN_ITERATIONS, &["encrypt", "decrypt"]).await?;
    let sealed = aes_encrypt(&key, &iv, additional, plain).await?;
    Ok([salt, iv, sealed].concat())
}

/// Decrypt with a passphrase: what [`encrypt_with_passphrase`] made, split by the caller.
pub async fn decrypt_with_passphrase(
    salt: &[u8],
    iv: &[u8],
    sealed: &[u8],
    iterations: u32,
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, CryptoError> {
    let key = derive_key(passphrase, salt, iterations, &["encrypt", "decrypt"]).await?;
    aes_decrypt(&key, iv, additional, sealed).await
}

// ---------------------------------------------------------------------------------------------
// Protected backups.

/// The largest backup a protected file may expand to (the plain backup's own limit).
const MAX_BACKUP_EXPANDED: usize = crate::domain::backup::MAX_BACKUP_BYTES;

/// A backup file's text protected with a passphrase: compressed, then encrypted.
pub async fn protect_backup(text: &str, passphrase: &str) -> Result<String, CryptoError> {
    let compressed = compress(text.as_bytes()).await?;
    let body = encrypt_with_passphrase(&compressed, passphrase, BACKUP_AAD).await?;
    let (salt, rest) = body.split_at(SALT_BYTES);
    let (iv, ciphertext) = rest.split_at(IV_BYTES);
    Ok(encode_protected_backup(
        MIN_ITERATIONS,
        salt,
        iv,
        ciphertext,
    ))
}

/// The backup file's bytes inside a protected file. A wrong passphrase is `WrongKey`; a file
/// that is not in the form written here is `Damaged`.
pub async fn open_backup(bytes: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    let p = read_protected_backup(bytes)?;
    let compressed = decrypt_with_passphrase(
        &p.salt,
        &p.iv,
        &p.ciphertext,
        p.iterations,
        passphrase,
        BACKUP_AAD,
    )
    .await?;
    decompress(&compressed, MAX_BACKUP_EXPANDED).await
}

// ---------------------------------------------------------------------------------------------
// The lock: a random data key, wrapped by a key derived from the passcode.

/// The data key in use: AES-GCM 256, not extractable, held only in memory.
#[derive(Clone, Debug)]
pub struct DataKey(web_sys::CryptoKey);

impl DataKey {
    /// Seal the value stored under `key` (at the current schema version): compressed, then
    /// encrypted.
    pub async fn seal(&self, key: &str, plain: &str) -> Result<String, CryptoError> {
        let iv = random_bytes(IV_BYTES)?;
        let aad = value_aad(key, crate::domain::envelope::SCHEMA_VERSION);
        let packed = compress(plain.as_bytes()).await?;
        let ct = aes_encrypt(&self.0, &iv, &aad, &packed).await?;
        Ok(encode_sealed(&iv, &ct))
    }

    /// Open a sealed value stored under `key`.
    pub async fn open(&self, key: &str, text: &str) -> Result<String, CryptoError> {
        let sealed = read_sealed(text)?;
        let aad = value_aad(key, sealed.version);
        let packed = aes_decrypt(&self.0, &sealed.iv, &aad, &sealed.ciphertext).await?;
        let plain = inflate(&packed, MAX_VALUE_BYTES)?;
        String::from_utf8(plain).map_err(|_| CryptoError::Damaged)
    }
}

fn aes_gcm_algorithm() -> js_sys::Object {
    let a = js_sys::Object::new();
    let _ = Reflect::set(&a, &"name".into(), &"AES-GCM".into());
    a
}

/// Unwrap the data key with the wrapping key; `extractable` only to re-wrap it.
async fn unwrap(
    parts: &LockParts,
    wrapping: &web_sys::CryptoKey,
    extractable: bool,
) -> Result<web_sys::CryptoKey, CryptoError> {
    let subtle = subtle()?;
    let key = subtle.unwrap_key_with_u8_array_and_object_and_object(
        "raw",
        &parts.wrapped_key,
        wrapping,
        &gcm(&parts.iv, WRAP_AAD),
        &aes_gcm_algorithm(),
        extractable,
        &usages(&["encrypt", "decrypt"]),
    );
    Ok(run(key, CryptoError::WrongKey).await?.unchecked_into())
}

/// Wrap `data_key` under a key derived from `passcode`: the lock record to store.
async fn wrap(
    data_key: &web_sys::CryptoKey,
    passcode: &str,
    idle_minutes: u32,
) -> Result<LockRecord, CryptoError> {
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let wrapping = derive_key(passcode, &salt, MIN_ITERATIONS, &["wrapKey", "unwrapKey"]).await?;
    let wrapped = subtle()?.wrap_key_with_object("raw", data_key, &wrapping, &gcm(&iv, WRAP_AAD));
    let wrapped = run(wrapped, browser("it could not protect the key.")).await?;
    let wrapped = Uint8Array::new(&wrapped).to_vec();
    Ok(LockRecord::new(
        MIN_ITERATIONS,
        &salt,
        &iv,
        &wrapped,
        idle_minutes,
    ))
}

/// A new random data key, wrapped under `passcode`: the record to store, and the key to use
/// (not extractable).
pub async fn new_lock(
    passcode: &str,
    idle_minutes: u32,
) -> Result<(LockRecord, DataKey), CryptoError> {
    let subtle = subtle()?;
    let params = web_sys::AesKeyGenParams::new("AES-GCM", 256);
    // Extractable only so it can be wrapped once; this copy is dropped at the end.
    let fresh = run(
        subtle.generate_key_with_object(&params, true, &usages(&["encrypt", "decrypt"])),
        browser("it could not make a key."),
    )
    .await?;
    let record = wrap(fresh.unchecked_ref(), passcode, idle_minutes).await?;
    let key = unlock(&record.to_text(), passcode).await?;
    Ok((record, key))
}

/// Unlock: the data key from the stored lock record and the passcode.
pub async fn unlock(record: &str, passcode: &str) -> Result<DataKey, CryptoError> {
    let parts = LockRecord::read(record)?;
    let wrapping = derive_key(
        passcode,
        &parts.salt,
        parts.iterations,
        &["wrapKey", "unwrapKey"],
    )
    .await?;
    Ok(DataKey(unwrap(&parts, &wrapping, false).await?))
}

/// A new lock record for the same data key under a new passcode (nothing is re-encrypted).
/// Needs the current passcode.
pub async fn rewrap(
    record: &str,
    old_passcode: &str,
    new_passcode: &str,
    idle_minutes: u32,
) -> Result<LockRecord, CryptoError> {
    let parts = LockRecord::read(record)?;
    let wrapping = derive_key(
        old_passcode,
        &parts.salt,
        parts.iterations,
        &["wrapKey", "unwrapKey"],
    )
    .await?;
    let key = unwrap(&parts, &wrapping, true).await?;
    wrap(&key, new_passcode, idle_minutes).await
}
