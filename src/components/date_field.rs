//! A date field for forms. The value is the date input's text ("2026-03-05"); by default days
//! after today cannot be picked.

use leptos::prelude::*;

use crate::domain::dates::iso_date;
use crate::platform::clock;

#[component]
pub fn DateField(
    /// Unique on the page.
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
) -> impl IntoView {
    let max = (!any_day).then(|| iso_date(clock::today()));
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label class="field-label" for=id>{label}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            <input type="date" id=id max=max aria-describedby=hint_id.clone()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}
