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

/// A link to one part of something (a part of the workplace plan, a section of Settings) with
/// a line under its name saying where that part has got to. Put it in a `<ul class="room-list">`
/// (it looks like the rooms of the home-safety checklist).
#[component]
pub fn StatusLink(
    href: &'static str,
    #[prop(into)] name: String,
    #[prop(into)] status: Signal<String>,
) -> impl IntoView {
    view! {
        <li><leptos_router::components::A href=href attr:class="room-link">
            <span class="room-name">{name}</span>
            " "
            <span class="room-status">{move || status.get()}</span>
        </leptos_router::components::A></li>
    }
}
