//! A 0 to 10 (or any range) rating as a row of large radio buttons, with words at both ends.

use leptos::prelude::*;

#[component]
pub fn RatingScale(
    /// The question, used as the group's legend.
    legend: &'static str,
    /// Unique name for the radio group.
    name: &'static str,
    low: u8,
    high: u8,
    /// Words for the lowest and highest values.
    low_label: &'static str,
    high_label: &'static str,
    value: RwSignal<Option<u8>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    view! {
        <fieldset class="rating-scale">
            <legend>{legend}</legend>
            <p class="hint" id=hint_id.clone()>{format!("{low} means {low_label}, {high} means {high_label}.")}</p>
            <div class="rating-options">
                {(low..=high)
                    .map(|n| {
                        let id = format!("{name}-{n}");
                        view! {
                            <span class="rating-option">
                                <input
                                    type="radio"
                                    id=id.clone()
                                    name=name
                                    value=n.to_string()
                                    aria-describedby=hint_id.clone()
                                    prop:checked=move || value.get() == Some(n)
                                    on:change=move |_| value.set(Some(n))
                                />
                                <label for=id>{n.to_string()}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
