//! A date field for forms. The value is the date input's text ("2026-03-05"); by default days
//! after today cannot be picked.
use leptos::prelude::*;

use crate::components::error_summary::{error_id, FieldErrors};
use crate::domain::dates::iso_date;
use crate::platform::clock;

#[component]
pub fn DateField(
    /// Unique on the page; what an error summary links to.
    id: &'static str,
    label: &'static str,
    /// The field's text, "YYYY-MM-DD" or empty.
    value: RwSignal<String>,
    /// A line of help under the label, read out after it.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Allow days after today (for example a date still to come).
    #[prop(optional)]
    any_day: bool,
    /// The form's errors: the one for `id` shows by the field.
    #[prop(optional)]
    errors: Option<FieldErrors>,
) -> impl IntoView {
    let max = (!any_day).then(|| iso_date(clock::today()));
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let err_id = error_id(id);
    let error = move || errors.and_then(|e| e.message_for(id));
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), err_id.clone());
        move || {
            let ids: Vec<String> = hint_id
                .iter()
                .cloned()
                .chain(error().is_some().then(|| err_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=move || if error().is_some() { "field field-invalid" } else { "field" }>
            <label class="field-label" for=id>{label}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            {move || error().map(|m| view! {
                <p class="field-error" id=err_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
            })}
            <input type="date" id=id max=max aria-describedby=described
                aria-invalid=move || error().is_some().then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}
