//! Browser adapters other than storage: the clock, files in and out, persistent storage and
//! the service worker. Everything here is thin; rules live in `domain`.

pub mod clock;
pub mod crypto;
pub mod files;
pub mod focus;
pub mod notify;
pub mod persist;
pub mod share;
pub mod share_files;
pub mod sign;

/// Start a program (the app, or the employer's page): panics reach the console, the static
/// "loading" screen from index.html goes, and the program's view is drawn in its place.
pub fn mount<F, N>(program: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    remove_boot();
    mount_over_boot(program);
}

/// Mount the program, leaving index.html's loading screen on show until the program calls
/// [`remove_boot`] (the app, while it reads what is stored, shows nothing of its own).
pub fn mount_over_boot<F, N>(program: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView,
{
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(program);
}

/// Take index.html's loading screen away (the program's own screen replaces it).
pub fn remove_boot() {
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
