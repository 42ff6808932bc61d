//! A labelled text field and a form's status message: small pieces every form repeats, kept as
//! components so their code is in the app once rather than once per form.

use leptos::prelude::*;

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
) -> impl IntoView {
    let input = move |ev| value.set(event_target_value(&ev));
    view! {
        <label class="field">
            <span>{label}</span>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            {if long {
                view! { <textarea rows="2" maxlength=maxlength prop:value=move || value.get() on:input=input></textarea> }.into_any()
            } else {
                view! { <input type="text" maxlength=maxlength prop:value=move || value.get() on:input=input/> }.into_any()
            }}
        </label>
    }
}

/// What happened when a form was sent, read out by screen readers.
#[component]
pub fn FormMessage(message: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="form-message" role="status">{move || message.get()}</p> }
}
