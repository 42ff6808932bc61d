//! Notifications while the app is open (the Notification API), only after the person has
//! allowed them from a button. They cannot arrive when the app is closed: the calendar file's
//! alarms do that.

use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

/// Whether this browser has notifications at all.
pub fn available() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w, &"Notification".into()).unwrap_or(false))
}

/// Whether the person has allowed notifications for this app.
pub fn allowed() -> bool {
    available() && Notification::permission() == NotificationPermission::Granted
}

/// Ask the person (the browser shows its own question). Must be called from a tap.
pub async fn ask() -> bool {
    if !available() {
        return false;
    }
    let Ok(promise) = Notification::request_permission() else {
        return false;
    };
    let _ = JsFuture::from(promise).await;
    allowed()
}

/// Show one notification; `tag` keeps the same item from showing twice.
pub fn show(title: &str, body: &str, tag: &str) {
    if !allowed() {
        return;
    }
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag(tag);
    let _ = Notification::new_with_options(title, &options);
}
