//! A set of large radio buttons, each with a label and an optional line of explanation. Values
//! are small numbers (`i8`) so one copy of the component serves every list of choices.

use leptos::prelude::*;

/// One choice: its value, its label and an explanation (may be empty).
pub type Choice = (i8, String, String);

/// Turn fixed labels into choices with no explanation.
pub fn plain_choices(items: &[(i8, &str)]) -> Vec<Choice> {
    items
        .iter()
        .map(|&(v, label)| (v, label.to_string(), String::new()))
        .collect()
}

#[component]
pub fn Choices(
    /// The question, used as the group's legend.
    legend: &'static str,
    /// Unique name for the radio group on the page.
    name: &'static str,
    options: Vec<Choice>,
    value: RwSignal<Option<i8>>,
) -> impl IntoView {
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options.into_iter().map(|(v, label, hint)| {
                let id = format!("{name}-{v}");
                view! {
                    <div class="choice">
                        <input
                            type="radio"
                            id=id.clone()
                            name=name
                            prop:checked=move || value.get() == Some(v)
                            on:change=move |_| value.set(Some(v))
                        />
                        <label for=id>
                            <span class="choice-label">{label}</span>
                            {(!hint.is_empty()).then(|| view! { <span class="choice-hint">{hint}</span> })}
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
