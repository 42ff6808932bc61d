//! Which ratings the diary asks for: asked once on the diary itself (none, mood only, or
//! achievement, closeness and enjoyment), changed there or in Settings with the same switches,
//! and pacing on the Settings page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::paths;
use crate::components::field::FormMessage;
use crate::domain::diary::{DiaryCommand, RatingKind, ACTIVATION_SET};
use crate::domain::settings::DiaryRatingToggles;
use crate::platform::focus::focus_later;
use crate::state::{use_app_state, AppState};

/// One switch: its label and how it reads and changes the toggles.
type Switch = (
    &'static str,
    fn(&DiaryRatingToggles) -> bool,
    fn(&mut DiaryRatingToggles, bool),
);

fn switches() -> [Switch; 4] {
    [
        (RatingKind::Mood.label(), |t| t.mood, |t, v| t.mood = v),
        (ACTIVATION_SET, |t| t.activation, |t, v| t.activation = v),
        (
            RatingKind::Effort.label(),
            |t| t.effort,
            |t, v| t.effort = v,
        ),
        (RatingKind::Pain.label(), |t| t.pain, |t, v| t.pain = v),
    ]
}

/// Save the toggles as the person's choice.
fn choose(state: AppState, mut t: DiaryRatingToggles) -> Result<(), String> {
    t.chosen = true;
    state
        .dispatch(DiaryCommand::SetRatings(t))
        .map_err(|e| e.to_string())
}

/// The rating switches, one checkbox each, saved when changed. Used in the diary and Settings.
#[component]
pub fn RatingSwitches(
    /// The group's legend.
    legend: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let toggles = move || state.data.with(|d| d.settings.diary_ratings.clone());
    let boxes = switches()
        .into_iter()
        .map(|(label, get, set)| {
            let change = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                let mut t = state
                    .data
                    .with_untracked(|d| d.settings.diary_ratings.clone());
                set(&mut t, on);
                message.set(Some(match choose(state, t) {
                    Ok(()) if on => format!("{label}: asked for in the diary."),
                    Ok(()) => format!("{label}: not asked for."),
                    Err(e) => e,
                }));
            };
            view! {
                <label class="d-check">
                    <input type="checkbox" prop:checked=move || get(&toggles()) on:change=change/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{legend}</legend>
            <p class="hint">"Each is from 0 to 10. Only switch on the ones you or your OT find useful."</p>
            {boxes}
        </fieldset>
        <FormMessage message/>
    }
}

/// Asked once, on the diary, of a person who has not chosen yet: which ratings they want.
#[component]
pub fn RatingsQuestion() -> impl IntoView {
    let state = use_app_state();
    let ask = Memo::new(move |_| state.data.with(|d| d.settings.diary_ratings.ask_first()));
    let message = RwSignal::new(None::<String>);
    let pick = move |t: DiaryRatingToggles, done: &'static str| {
        message.set(Some(match choose(state, t) {
            Ok(()) => done.to_string(),
            Err(e) => e,
        }));
        focus_later("#ratings-chosen");
    };
    let options: [(&str, &str, DiaryRatingToggles, &str); 3] = [
        (
            "No ratings",
            "Just write down what you did.",
            DiaryRatingToggles::default(),
            "No ratings. You can switch them on below the form.",
        ),
        (
            "Mood only",
            "How your mood was, from 0 to 10.",
            DiaryRatingToggles {
                mood: true,
                ..Default::default()
            },
            "The diary will ask about your mood. You can change this below the form.",
        ),
        (
            ACTIVATION_SET,
            "How much you got done, how close you felt to others, and how much you enjoyed it.",
            DiaryRatingToggles {
                activation: true,
                ..Default::default()
            },
            "The diary will ask these three. You can change this below the form.",
        ),
    ];
    view! {
        <Show when=move || ask.get()>
            <section class="card ratings-question" aria-labelledby="ratings-question-heading">
                <h2 id="ratings-question-heading">"Do you want to rate what you do?"</h2>
                <p>"Some people rate each activity from 0 to 10. It can show what helps you. You can change this at any time."</p>
                <ul class="plain-list ratings-options">
                    {options.iter().cloned().map(|(label, hint, t, done)| view! {
                        <li>
                            <button type="button" class="button ratings-option" on:click=move |_| pick(t.clone(), done)>
                                <span class="ratings-option-label">{label}</span>
                                <span class="ratings-option-hint">{hint}</span>
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <p id="ratings-chosen" class="form-message" tabindex="-1" role="status">{move || message.get()}</p>
    }
}

/// The diary's part of the Settings page: the rating switches and pacing.
#[component]
pub fn DiarySettings() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let pacing_on = move || state.data.with(|d| d.settings.pacing.on);
    let pacing = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        message.set(Some(match state.dispatch(DiaryCommand::SetPacingOn(on)) {
            Ok(()) if on => {
                "Pacing is on: the diary shows your time against a daily budget.".into()
            }
            Ok(()) => "Pacing is off.".into(),
            Err(e) => e.to_string(),
        }));
    };
    view! {
        <section class="card" aria-labelledby="diary-settings-heading">
            <h2 id="diary-settings-heading">"Diary"</h2>
            <RatingSwitches legend="Ratings to give each activity"/>
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
