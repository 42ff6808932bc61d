//! Moving keyboard and screen-reader focus once the page has been redrawn.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Put the focus on the first element matching `selector` (for example `"#agenda-heading"`)
/// after the page has been redrawn, scrolled to the top of the screen so it is not hidden under
/// the bottom bar, so keyboard and screen-reader users are never left on something that has
/// gone. The one focus helper of the app: use it rather than writing another.
pub fn focus_later(selector: impl Into<String>) {
    let selector = selector.into();
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            el.scroll_into_view();
            let _ = el.focus();
        }
    });
}

/// Put the focus back on a button a component holds (a row's Change button, an Undo button)
/// once the page has been redrawn: the same as `focus_later`, for an element known by its
/// `NodeRef` rather than a selector. Nothing happens if the button has gone.
pub fn focus_button_later(button: NodeRef<leptos::html::Button>) {
    request_animation_frame(move || {
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    });
}

/// What counts as a message that follows an action: a form's message, a status or an alert
/// (the error summary is one), a notice.
const MESSAGES: &str = ".form-message, [role=status], [role=alert], .notice";

/// How long after a tap, a key or a submit a new message is taken to follow it (reading a file
/// can take a moment).
const AFTER_ACTION_MS: f64 = 4000.0;

thread_local! {
    static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Keep every message that follows an action where the person is looking: when a message
/// appears or changes within a few seconds of a tap, key or submit, and it is off the screen
/// or under the bottom bar, the page scrolls just enough to show it. Messages that change on
/// their own (while a page loads) do not move the page. Installed once by the layouts; pages
/// need do nothing but use a `FormMessage`, a `role="status"` or `role="alert"`.
pub fn keep_messages_in_view() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let now = || window().performance().map(|p| p.now()).unwrap_or_default();
    let last_action = Rc::new(Cell::new(f64::NEG_INFINITY));
    let on_action = {
        let last_action = last_action.clone();
        Closure::<dyn Fn()>::new(move || last_action.set(now()))
    };
    let doc = document();
    for kind in ["click", "submit", "change", "keydown"] {
        let _ = doc.add_event_listener_with_callback_and_bool(
            kind,
            on_action.as_ref().unchecked_ref(),
            true,
        );
    }
    on_action.forget();

    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(move |records: js_sys::Array| {
        if now() - last_action.get() > AFTER_ACTION_MS {
            return;
        }
        let mut found: Option<web_sys::Element> = None;
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
                continue;
            };
            let Some(target) = record.target() else {
                continue;
            };
            let element = match target.dyn_ref::<web_sys::Element>() {
                Some(e) => Some(e.clone()),
                None => target.parent_element(),
            };
            let mut message = element.and_then(|e| e.closest(MESSAGES).ok().flatten());
            if message.is_none() {
                let added = record.added_nodes();
                for i in 0..added.length() {
                    if let Some(e) = added
                        .get(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        message = e
                            .closest(MESSAGES)
                            .ok()
                            .flatten()
                            .or_else(|| e.query_selector(MESSAGES).ok().flatten());
                        if message.is_some() {
                            break;
                        }
                    }
                }
            }
            if let Some(m) = message {
                if !m.text_content().unwrap_or_default().trim().is_empty() {
                    found = Some(m);
                }
            }
        }
        if let Some(message) = found {
            // Measure once, as soon as the page has redrawn. (It measured again 250 and 700 ms
            // later too, but a page that moves that long after a tap moves controls from under
            // the next tap: two end-to-end journeys missed their button that way.) Once the
            // person has tapped or typed again, the page is theirs and is never moved.
            let acted_at = last_action.get();
            let last_action = last_action.clone();
            request_animation_frame(move || {
                if last_action.get() == acted_at {
                    show_in_view(&message);
                }
            });
        }
    });
    let body = doc.body();
    if let (Ok(observer), Some(body)) = (
        web_sys::MutationObserver::new(on_change.as_ref().unchecked_ref()),
        body,
    ) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_character_data(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    on_change.forget();
}

/// Scroll the least needed so `el` is on the screen and above the bottom bar (when the bar is
/// on the screen); a message taller than the room shows from its top.
fn show_in_view(el: &web_sys::Element) {
    let rect = el.get_bounding_client_rect();
    if rect.height() == 0.0 {
        return;
    }
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or_default();
    let bar_top = document()
        .query_selector(".bottom-nav")
        .ok()
        .flatten()
        .map(|nav| nav.get_bounding_client_rect().top())
        .filter(|&top| top > 0.0 && top < height)
        .unwrap_or(height);
    let margin = 12.0;
    let delta = if rect.top() < 0.0 {
        rect.top() - margin
    } else if rect.bottom() > bar_top {
        (rect.bottom() - bar_top + margin).min(rect.top() - margin)
    } else {
        return;
    };
    window().scroll_by_with_x_and_y(0.0, delta);
}
