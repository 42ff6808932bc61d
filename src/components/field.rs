//! A labelled text field and a form's status message: small pieces every form repeats, kept as
//! components so their code is in the app once rather than once per form.
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;

use crate::components::error_summary::{error_id, FieldErrors};

/// Each field without an id of its own gets one, so its label and hint are tied to it.
static NEXT_FIELD: AtomicU32 = AtomicU32::new(1);

#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// A line of help under the label.
    #[prop(optional)]
    hint: &'static str,
    /// Several lines (a text area) rather than one.
    #[prop(optional)]
    long: bool,
    #[prop(default = 300)] maxlength: u32,
    /// The element id, needed when an [`ErrorSummary`](crate::components::error_summary::ErrorSummary)
    /// links to this field.
    #[prop(optional)]
    id: Option<&'static str>,
    /// The form's errors: the one for `id` shows by the field.
    #[prop(optional)]
    errors: Option<FieldErrors>,
    /// The `autocomplete` purpose ("name") when the field asks for the person's own details.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
) -> impl IntoView {
    let id = id
        .map(str::to_string)
        .unwrap_or_else(|| format!("field-{}", NEXT_FIELD.fetch_add(1, Ordering::Relaxed)));
    let hint_id = format!("{id}-hint");
    let err_id = error_id(&id);
    let error = {
        let id = id.clone();
        move || errors.and_then(|e| e.message_for(&id))
    };
    let invalid = {
        let error = error.clone();
        move || error().is_some().then_some("true")
    };
    let described = {
        let error = error.clone();
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let input = move |ev| value.set(event_target_value(&ev));
    let field_class = {
        let error = error.clone();
        move || {
            if error().is_some() {
                "field field-invalid"
            } else {
                "field"
            }
        }
    };
    view! {
        <div class=field_class>
            <label class="field-label" for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <span class="hint" id=hint_id.clone()>{hint}</span> })}
            {move || error().map(|m| view! {
                <p class="field-error" id=err_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            {if long {
                view! { <textarea id=id.clone() rows="2" maxlength=maxlength aria-invalid=invalid.clone()
                    aria-describedby=described.clone() prop:value=move || value.get() on:input=input></textarea> }.into_any()
            } else {
                view! { <input type="text" id=id.clone() maxlength=maxlength autocomplete=autocomplete aria-invalid=invalid
                    aria-describedby=described prop:value=move || value.get() on:input=input/> }.into_any()
            }}
        </div>
    }
}

/// What happened when a form was sent, read out by screen readers (a polite status). The
/// layout keeps it in sight (above the bottom bar) when it changes after an action.
#[component]
pub fn FormMessage(message: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="form-message" role="status">{move || message.get()}</p> }
}
