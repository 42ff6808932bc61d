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
use crate::state::AppState;

#[cfg(feature = "app")]
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // Changes saved in another tab appear here without a reload.
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        state.on_storage_event(e.key());
    });
    on_cleanup(move || handle.remove());

    view! {
        <crate::features::lock::LockGate>
            <Router>
                <FocusOnNavigate/>
                <a class="skip-link" href="#main">"Skip to content"</a>
                <AppRoutes/>
            </Router>
        </crate::features::lock::LockGate>
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
