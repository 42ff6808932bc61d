//! Share links in the browser: compression with the browser's own `CompressionStream`
//! ('deflate-raw', so no Rust compression code ships), passphrase protection with WebCrypto
//! (PBKDF2-SHA256 then AES-GCM, a fresh random salt and IV every time), the share sheet and
//! the clipboard. The envelope's format and every rule are in `domain::share`.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::share::{
    encode_fragment, header, split_sealed, Fragment, ShareError, ShareKind, IV_BYTES,
    MAX_PAYLOAD_BYTES, PBKDF2_ITERATIONS, SALT_BYTES,
};

// web-sys has these streams only behind its unstable-APIs flag, which would rebuild every
// crate with different flags; the two constructors are all that is needed.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = CompressionStream)]
    type Compressor;
    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new(format: &str) -> Result<Compressor, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompressor;
    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompressor, JsValue>;
}

const FORMAT: &str = "deflate-raw";

fn browser(what: &str) -> ShareError {
    ShareError::Browser(what.into())
}

/// Run `bytes` through a transform stream and read at most `limit` bytes out.
async fn transform(
    bytes: &[u8],
    pair: &web_sys::ReadableWritablePair,
    limit: usize,
) -> Result<Vec<u8>, ShareError> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)
        .map_err(|_| browser("it would not hold the data."))?;
    let out = blob.stream().pipe_through(pair);
    let reader: web_sys::ReadableStreamDefaultReader = out.get_reader().unchecked_into();
    let mut result = Vec::new();
    loop {
        // A stream error (data that is not deflate) rejects the read: the link is damaged.
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| ShareError::Damaged)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(result);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| ShareError::Damaged)?
            .dyn_into()
            .map_err(|_| ShareError::Damaged)?;
        if result.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(ShareError::TooLong);
        }
        let at = result.len();
        result.resize(at + value.length() as usize, 0);
        value.copy_to(&mut result[at..]);
    }
}

/// Compress with deflate-raw.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let stream =
        Compressor::new(FORMAT).map_err(|_| browser("it cannot compress (please update it)."))?;
    transform(bytes, stream.unchecked_ref(), usize::MAX).await
}

/// Decompress deflate-raw, refusing to expand past `limit` bytes.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let stream = Decompressor::new(FORMAT)
        .map_err(|_| browser("it cannot decompress (please update it)."))?;
    transform(bytes, stream.unchecked_ref(), limit).await
}

fn subtle() -> Result<web_sys::SubtleCrypto, ShareError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| browser("it has no cryptography (open the page over https)."))
}

/// Fresh random bytes from the browser's secure generator.
pub fn random_bytes(n: usize) -> Result<Vec<u8>, ShareError> {
    let mut bytes = vec![0u8; n];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or_else(|| browser("it could not make random numbers."))?;
    Ok(bytes)
}

/// The AES-GCM key for a passphrase and salt: PBKDF2-SHA256, 600,000 iterations.
async fn derive_key(passphrase: &str, salt: &[u8]) -> Result<web_sys::CryptoKey, ShareError> {
    let subtle = subtle()?;
    let fail = |_| browser("it could not make a key from the passphrase.");
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str(
            "raw",
            &raw,
            "PBKDF2",
            false,
            &Array::of1(&"deriveKey".into()),
        )
        .map_err(fail)?;
    let base: web_sys::CryptoKey = JsFuture::from(base).await.map_err(fail)?.unchecked_into();
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        PBKDF2_ITERATIONS,
        &Uint8Array::from(salt),
    );
    let aes = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let key = subtle
        .derive_key_with_object_and_object(&params, &base, &aes, false, &usages)
        .map_err(fail)?;
    Ok(JsFuture::from(key).await.map_err(fail)?.unchecked_into())
}

fn gcm(iv: &[u8], additional: &str) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
    params.set_additional_data(&Uint8Array::from(additional.as_bytes()));
    params
}

/// Encrypt: salt, IV and ciphertext (with its tag), bound to `additional` (the header).
pub async fn encrypt(
    plain: &[u8],
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, ShareError> {
    let salt = random_bytes(SALT_BYTES)?;
    let iv = random_bytes(IV_BYTES)?;
    let key = derive_key(passphrase, &salt).await?;
    let fail = |_| browser("it could not protect the plan.");
    let sealed = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(&iv, additional), &key, plain)
        .map_err(fail)?;
    let sealed = Uint8Array::new(&JsFuture::from(sealed).await.map_err(fail)?).to_vec();
    Ok([salt, iv, sealed].concat())
}

/// Decrypt what [`encrypt`] made. A wrong passphrase and a changed link look the same to
/// AES-GCM: both fail its check.
pub async fn decrypt(
    body: &[u8],
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, ShareError> {
    let (salt, iv, sealed) = split_sealed(body)?;
    let key = derive_key(passphrase, salt).await?;
    let promise = subtle()?
        .decrypt_with_object_and_u8_array(&gcm(iv, additional), &key, sealed)
        .map_err(|_| ShareError::WrongPassphrase)?;
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| ShareError::WrongPassphrase)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

/// The fragment for a share of `json`, protected when a passphrase is given.
pub async fn make_fragment(
    kind: ShareKind,
    json: &str,
    passphrase: Option<&str>,
) -> Result<String, ShareError> {
    let compressed = compress(json.as_bytes()).await?;
    Ok(match passphrase {
        Some(p) => {
            let sealed = encrypt(&compressed, p, &header(kind, true)).await?;
            encode_fragment(kind, true, &sealed)
        }
        None => encode_fragment(kind, false, &compressed),
    })
}

/// The JSON inside a fragment (decrypting first when it is protected).
pub async fn open_fragment(
    fragment: &Fragment,
    passphrase: Option<&str>,
) -> Result<Vec<u8>, ShareError> {
    let compressed = if fragment.protected {
        let p = passphrase.ok_or(ShareError::WrongPassphrase)?;
        decrypt(&fragment.body, p, &header(fragment.kind, true)).await?
    } else {
        fragment.body.clone()
    };
    decompress(&compressed, MAX_PAYLOAD_BYTES).await
}

/// The address of a page of this app, for a link: `https://host/employer`.
pub fn app_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

/// The page's fragment, without the `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

fn navigator() -> Option<web_sys::Navigator> {
    web_sys::window().map(|w| w.navigator())
}

/// Whether the phone's share sheet can be used (`navigator.share`).
pub fn share_sheet_available() -> bool {
    navigator()
        .and_then(|n| Reflect::get(&n, &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// Open the share sheet with a title, a line of text and a link. Called through Reflect: the
/// web-sys binding is behind its unstable flag.
pub async fn share_sheet(title: &str, text: &str, url: &str) -> Result<(), String> {
    let nav = navigator().ok_or("The page is not ready.")?;
    let share: js_sys::Function = Reflect::get(&nav, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("This browser cannot open the share sheet.")?;
    let data = js_sys::Object::new();
    for (k, v) in [("title", title), ("text", text), ("url", url)] {
        let _ = Reflect::set(&data, &k.into(), &v.into());
    }
    let promise: js_sys::Promise = share
        .call1(&nav, &data)
        .map_err(|_| "The share sheet would not open.".to_string())?
        .dyn_into()
        .map_err(|_| "The share sheet would not open.".to_string())?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "Nothing was shared.".to_string())
}

/// Put text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = navigator()
        .map(|n| n.clipboard())
        .ok_or("The page is not ready.")?;
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser would not copy it. Please select the link and copy it yourself."
                .to_string()
        })
}

/// Open the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
