//! Mounts the app. Everything else is in the library.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    everyday::platform::mount_over_boot(everyday::App);
    // The service worker downloads every part of the app not fetched yet: only once the first
    // screen is drawn, so it never competes with it nor fetches the same part twice. Today is
    // drawn now; any other page is drawn when its part has arrived, and registers the worker
    // then (src/routes/lazy.rs). The timer covers a page that is neither (page not found).
    if window().location().pathname().as_deref() == Ok("/") {
        everyday::platform::persist::register_service_worker();
    } else {
        set_timeout(
            everyday::platform::persist::register_service_worker,
            std::time::Duration::from_secs(5),
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Everyday runs in the browser: see README.md for the command that serves it.");
}
