//! Pieces every page uses: the heading that also names the browser tab, and moving focus to it.

use leptos::prelude::*;

/// A page heading that also sets the document title.
#[component]
pub fn PageHeading(title: &'static str) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&format!("{title} – Everyday"));
    });
    view! { <h1 tabindex="-1">{title}</h1> }
}

/// Scroll to the top and put focus on the page's heading, after the page has been drawn, so a
/// screen reader announces the new page and a keyboard user starts from its top.
pub fn focus_main_heading() {
    request_animation_frame(|| {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(h1) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = h1.focus();
        }
    });
}
