//! The diary's switches on the Settings page: which optional ratings to ask for, and pacing.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::paths;
use crate::components::field::FormMessage;
use crate::domain::diary::DiaryCommand;
use crate::domain::settings::DiaryRatingToggles;
use crate::domain::state::Command;
use crate::state::use_app_state;

/// One switch: its label and how it reads and changes the toggles.
type Switch = (
    &'static str,
    fn(&DiaryRatingToggles) -> bool,
    fn(&mut DiaryRatingToggles, bool),
);

const SWITCHES: [Switch; 4] = [
    ("Effort or energy used", |t| t.effort, |t, v| t.effort = v),
    ("Pain or fatigue", |t| t.pain, |t, v| t.pain = v),
    ("Mood", |t| t.mood, |t, v| t.mood = v),
    (
        "Achievement, closeness and enjoyment",
        |t| t.activation,
        |t, v| t.activation = v,
    ),
];

#[component]
pub fn DiarySettings() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let toggles = move || state.data.with(|d| d.settings.diary_ratings.clone());
    let pacing_on = move || state.data.with(|d| d.settings.pacing.on);
    let switches = SWITCHES
        .into_iter()
        .map(|(label, get, set)| {
            let change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let mut t = state
                    .data
                    .with_untracked(|d| d.settings.diary_ratings.clone());
                set(&mut t, on);
                message.set(Some(
                    match state.dispatch(Command::Diary(DiaryCommand::SetRatings(t))) {
                        Ok(()) => format!(
                            "{label}: {}.",
                            if on {
                                "asked for in the diary"
                            } else {
                                "not asked for"
                            }
                        ),
                        Err(e) => e.to_string(),
                    },
                ));
            };
            view! {
                <label class="d-check">
                    <input type="checkbox" prop:checked=move || get(&toggles()) on:change=change/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let pacing = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        message.set(Some(
            match state.dispatch(Command::Diary(DiaryCommand::SetPacingOn(on))) {
                Ok(()) if on => {
                    "Pacing is on: the diary shows your time against a daily budget.".into()
                }
                Ok(()) => "Pacing is off.".into(),
                Err(e) => e.to_string(),
            },
        ));
    };
    view! {
        <section class="card" aria-labelledby="diary-settings-heading">
            <h2 id="diary-settings-heading">"Diary"</h2>
            <fieldset>
                <legend>"Ratings to give each activity (0 to 10)"</legend>
                <p class="hint">"Only switch on the ones you or your OT find useful."</p>
                {switches}
            </fieldset>
            <fieldset>
                <legend>"Pacing"</legend>
                <label class="d-check">
                    <input type="checkbox" prop:checked=pacing_on on:change=pacing/>
                    <span>"Show my time against a daily activity budget"</span>
                </label>
                <p hidden=move || !pacing_on()><A href=paths::DIARY_PACING>"Set your daily budget"</A></p>
            </fieldset>
            <FormMessage message/>
        </section>
    }
}
