//! Ask the browser to keep this site's storage, and register the service worker for offline use.

use wasm_bindgen_futures::JsFuture;

/// What the browser said about keeping the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// The browser promises not to clear the data on its own.
    Granted,
    /// The browser may clear the data if the phone runs short of space.
    NotGranted,
    /// This browser cannot say.
    Unsupported,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Older browsers have no navigator.storage; check before calling.
    let has = js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false);
    has.then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::Unsupported;
    };
    match JsFuture::from(promise).await {
        Ok(v) if v.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::NotGranted,
        Err(_) => Persistence::Unsupported,
    }
}

/// Ask for persistent storage (the browser may decide without asking the person).
pub async fn request() -> Persistence {
    match storage_manager() {
        Some(m) => ask(m.persist()).await,
        None => Persistence::Unsupported,
    }
}

/// Register the service worker that keeps the app's files for offline use.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    // A failed registration only means no offline copy; the app itself still works.
    let _ = navigator.service_worker().register("/sw.js");
}
