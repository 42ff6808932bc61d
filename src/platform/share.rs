//! Share links in the browser: compression and passphrase protection (PBKDF2-SHA256 then
//! AES-GCM, a fresh random salt and IV every time, done by `platform::crypto`), the share
//! sheet and the clipboard. The envelope's format and every rule are in `domain::share`.

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::crypto;
pub use super::crypto::random_bytes;
use crate::domain::share::{
    encode_fragment, header, split_sealed, Fragment, ShareError, ShareKind, MAX_PAYLOAD_BYTES,
    PBKDF2_ITERATIONS,
};

/// Compress with deflate-raw.
pub async fn compress(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    Ok(crypto::compress(bytes).await?)
}

/// Decompress deflate-raw, refusing to expand past `limit` bytes.
pub async fn decompress(bytes: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    Ok(crypto::decompress(bytes, limit).await?)
}

/// Encrypt: salt, IV and ciphertext (with its tag), bound to `additional` (the header).
pub async fn encrypt(
    plain: &[u8],
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, ShareError> {
    Ok(crypto::encrypt_with_passphrase(plain, passphrase, additional).await?)
}

/// Decrypt what [`encrypt`] made. A wrong passphrase and a changed link look the same to
/// AES-GCM: both fail its check.
pub async fn decrypt(
    body: &[u8],
    passphrase: &str,
    additional: &str,
) -> Result<Vec<u8>, ShareError> {
    let (salt, iv, sealed) = split_sealed(body)?;
    Ok(
        crypto::decrypt_with_passphrase(
            salt,
            iv,
            sealed,
            PBKDF2_ITERATIONS,
            passphrase,
            additional,
        )
        .await?,
    )
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
