//! Moving keyboard and screen-reader focus once the page has been redrawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Put the focus on the first element matching `selector` (for example `"#agenda-heading"`)
/// after the page has been redrawn, scrolled to the top of the screen so it is not hidden under
/// the bottom bar, so keyboard and screen-reader users are never left on something that has
/// gone. The one focus helper of the app: use it rather than writing another.
pub fn focus_later(selector: impl AsRef<str> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(selector.as_ref())
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
}
