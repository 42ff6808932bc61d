//! Writing read-only figures as HTML text. A page that is mostly tables costs far less download
//! as one string than as a tree of `view!` elements (each tree adds its own code). The one type
//! for such markup is [`Html`] (in `domain::html`, so it is tested natively): it grows only by
//! fixed literals or escaped text. `esc` is kept for pages still building a `String`; the
//! Content-Security-Policy also forbids inline scripts, so text could never run as code.

pub use crate::domain::html::{esc, Html};
pub use crate::html_push;

use wasm_bindgen::JsCast;

/// The button a click landed on (or inside), for one click handler serving many buttons.
pub fn clicked_button(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("button")
        .ok()
        .flatten()
}
