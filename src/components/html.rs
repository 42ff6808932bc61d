//! Writing read-only figures as HTML text. A page that is mostly tables costs far less download
//! as one string than as a tree of `view!` elements (each tree adds its own code). Everything
//! that is not the app's own fixed text goes through `esc`; the Content-Security-Policy also
//! forbids inline scripts, so text could never run as code.

use wasm_bindgen::JsCast;

/// Text made safe to put inside HTML elements and quoted attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The button a click landed on (or inside), for one click handler serving many buttons.
pub fn clicked_button(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("button")
        .ok()
        .flatten()
}
