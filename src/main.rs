//! Mounts the app. Everything else is in the library.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    console_error_panic_hook::set_once();
    // The static "loading" shell in index.html has done its job.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(everyday::App);
    everyday::platform::persist::register_service_worker();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Everyday runs in the browser: see README.md for the command that serves it.");
}
