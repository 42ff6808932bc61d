//! The GOV.UK error pattern: an error summary at the top of the form ("There is a problem", a
//! list of links to the fields) and a message by each field. One copy for every form.
//!
//! How to use it in a form:
//!
//! ```ignore
//! use crate::components::error_summary::{ErrorSummary, FieldError, FieldErrors};
//! use crate::components::field::TextField;
//!
//! let errors = FieldErrors::new();
//! let save = move |ev: leptos::ev::SubmitEvent| {
//!     ev.prevent_default();
//!     if what.get_untracked().trim().is_empty() {
//!         // Nothing changes; the summary shows, takes the focus and is read out.
//!         return errors.show(vec![FieldError::new("goal-what", "Enter what you want to do")]);
//!     }
//!     errors.clear();
//!     // ... save, then say so in a FormMessage (a polite status) ...
//! };
//! view! {
//!     <form on:submit=save novalidate>
//!         <ErrorSummary errors/>
//!         // The field's id is what the summary links to; its message shows by the field.
//!         <TextField id="goal-what" label="What do you want to do?" value=what errors/>
//!         // A field of your own: give the input the id, put `<FieldErrorMessage>` above it and
//!         // set `aria-invalid` and `aria-describedby` from `errors.message_for(id)` and
//!         // `error_id(id)`.
//!     </form>
//! }
//! ```
//!
//! Messages follow GOV.UK's style: say what to do ("Enter a date, for example 5 March 2026"),
//! not what went wrong. A form-wide problem that is not about one field (for example "could not
//! be saved") can be a `FieldError` whose `field` is the submit button's id.
use std::sync::atomic::{AtomicU32, Ordering};

use crate::platform::focus::focus_later;
use leptos::prelude::*;

/// A problem with one field: the field's element id and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// The errors a form shows now (empty: none). Cheap to copy into closures.
#[derive(Clone, Copy, Debug)]
pub struct FieldErrors(RwSignal<Vec<FieldError>>);

impl Default for FieldErrors {
    fn default() -> Self {
        Self::new()
    }
}

impl FieldErrors {
    pub fn new() -> Self {
        Self(RwSignal::new(Vec::new()))
    }
    /// Show these errors: the summary appears and takes the focus.
    pub fn show(&self, errors: Vec<FieldError>) {
        self.0.set(errors);
    }
    /// No errors (after a good submit, or when the form is closed).
    pub fn clear(&self) {
        if !self.0.with_untracked(Vec::is_empty) {
            self.0.set(Vec::new());
        }
    }
    /// The message for one field, if it has one (tracked, for use in views).
    pub fn message_for(&self, field: &str) -> Option<String> {
        self.0.with(|all| {
            all.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }
    pub fn get(&self) -> Vec<FieldError> {
        self.0.get()
    }
}

/// The id of a field's error message, for its `aria-describedby`.
pub fn error_id(field: &str) -> String {
    format!("{field}-error")
}

/// Each summary gets its own element id, so the focus goes to the one just shown.
static NEXT_SUMMARY: AtomicU32 = AtomicU32::new(1);

/// "There is a problem" with a link to each field. Shown only when there are errors; when it
/// appears (or its errors change) the focus moves to it and a screen reader reads it
/// (`role="alert"`). Put it at the top of the form.
#[component]
pub fn ErrorSummary(errors: FieldErrors) -> impl IntoView {
    let id = format!(
        "error-summary-{}",
        NEXT_SUMMARY.fetch_add(1, Ordering::Relaxed)
    );
    let selector = format!("#{id}");
    Effect::new(move |_| {
        if !errors.0.with(Vec::is_empty) {
            focus_later(selector.clone());
        }
    });
    let heading_id = format!("{id}-heading");
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="error-summary" id=id.clone() tabindex="-1" role="alert" aria-labelledby=heading_id.clone()>
                    <h2 class="error-summary-title" id=heading_id.clone()>"There is a problem"</h2>
                    <ul class="error-summary-list">
                        {list.into_iter().map(|e| {
                            let href = format!("#{}", e.field);
                            let field = e.field.clone();
                            view! {
                                <li><a href=href on:click=move |ev| {
                                    // Focus the field itself (the router would otherwise treat
                                    // the link as a page change).
                                    ev.prevent_default();
                                    focus_later(format!("#{field}"));
                                }>{e.message}</a></li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The message by a field ("Error: Enter a date ..."), shown only when the field has one. Give
/// the field `aria-describedby` with [`error_id`] and `aria-invalid` while it has one.
#[component]
pub fn FieldErrorMessage(
    /// The field's element id.
    field: &'static str,
    errors: FieldErrors,
) -> impl IntoView {
    let id = error_id(field);
    move || {
        errors.message_for(field).map(|message| {
            view! {
                <p class="field-error" id=id.clone()>
                    <span class="visually-hidden">"Error: "</span>{message}
                </p>
            }
        })
    }
}
