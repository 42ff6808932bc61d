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
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(program);
}
