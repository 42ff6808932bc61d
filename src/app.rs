//! The app shell: the state provider and the router. The route table is in `routes`.

#[cfg(feature = "app")]
use leptos::prelude::*;
#[cfg(feature = "app")]
use leptos_router::components::Router;
#[cfg(feature = "app")]
use leptos_router::hooks::use_location;

pub use crate::components::page::{focus_main_heading, PageHeading};
// Features still import these from here; new code uses `crate::routes::paths`.
pub use crate::routes::paths;
#[cfg(feature = "app")]
use crate::routes::AppRoutes;
#[cfg(feature = "app")]
use crate::state::{AppState, Opening};

#[cfg(feature = "app")]
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // Changes saved in another tab appear here without a reload.
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        state.on_storage_event(e.key());
    });
    on_cleanup(move || handle.remove());

    state.open();
    // index.html's loading screen stays while what is stored is read ("Getting Everyday
    // ready…"), so nothing flickers; then the app, or why it could not be opened, replaces it.
    Effect::new(move |_| {
        if state.opening.get() != Opening::Reading {
            crate::platform::remove_boot();
        }
    });

    view! {
        <Show when=move || state.opening.get() == Opening::Open fallback=move || {
            (state.opening.get() == Opening::Failed).then(NotOpened)
        }>
            <crate::features::lock::LockGate>
                <Router>
                    <FocusOnNavigate/>
                    <a class="skip-link" href="#main">"Skip to content"</a>
                    <AppRoutes/>
                </Router>
            </crate::features::lock::LockGate>
        </Show>
    }
}

/// What is stored could not be read because the part of the app that reads it could not be
/// downloaded (offline, mid-update): said plainly, nothing changed, with a way to try again.
#[cfg(feature = "app")]
#[allow(non_snake_case)]
fn NotOpened() -> impl IntoView {
    request_animation_frame(focus_main_heading);
    view! {
        <div class="app-frame">
            <header class="top-bar"><span class="brand">"Everyday"</span></header>
            <main id="main" class="page">
                <crate::routes::PartMissing title="Everyday could not be opened"/>
            </main>
        </div>
    }
}

/// After each navigation, move focus to the new page's heading so screen readers announce it.
#[cfg(feature = "app")]
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = location.pathname.get();
        if first.get_value() {
            // On first load leave focus where the browser puts it.
            first.set_value(false);
            return;
        }
        focus_main_heading();
    });
}
