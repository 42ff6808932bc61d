//! Checklists: the workplace plan (with its phased return, Wellness Action Plan and sharing
//! with the employer) and the room-by-room home-safety checklist with the falls self-check.
//! Every rule is in `domain::checklists`, `domain::workplace`, `domain::home_safety` and
//! `domain::share`.

mod adjustments;
mod difficulties;
mod falls;
mod home;
mod plan;
mod share;
mod weeks;

pub use adjustments::{AddAdjustmentsPage, AdjustmentsPage};
pub use difficulties::DifficultiesPage;
pub use falls::{FallsPage, FallsStepPage};
pub use home::{HomePage, RoomPage};
pub use plan::{CoversPage, WorkplacePage};
pub use share::{ShareLinkPage, SharePage};
pub use weeks::{PhasedReturnPage, WellnessPage};

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::domain::checklists::ChecklistCommand;
use crate::domain::home_safety::{room_counts, ROOMS};
use crate::domain::workplace::{plan_summary, position_words, return_position};
use crate::platform::clock;
use crate::platform::focus::focus_later;
use crate::state::{use_app_state, AppState};

/// Apply a checklist command; the plain-English reason when it is refused.
fn send(state: AppState, command: ChecklistCommand) -> Result<(), String> {
    state.dispatch(command).map_err(|e| e.to_string())
}

/// A date field's text as an optional date: empty is None; anything else must be a real date.
fn optional_date(text: &str) -> Result<Option<chrono::NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    crate::domain::dates::parse_iso_date(text)
        .map(Some)
        .ok_or_else(|| "Please enter a real date, for example 5 March 2026.".into())
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(crate::domain::dates::iso_date).unwrap_or_default()
}

#[component]
pub fn ChecklistsPage() -> impl IntoView {
    let state = use_app_state();
    let work = move || {
        state.data.with(|d| {
            let w = &d.workplace;
            let position = position_words(return_position(&w.phased_return, clock::today()));
            (plan_summary(w), position)
        })
    };
    let home = move || {
        state.data.with(|d| {
            let (ticked, done) = ROOMS.iter().fold((0, 0), |(t, n), r| {
                let (a, b) = room_counts(&d.home_safety, *r);
                (t + a, n + b)
            });
            if ticked == 0 {
                "Nothing ticked yet.".to_string()
            } else {
                format!(
                    "{ticked} {} to make safer, {done} with something done.",
                    if ticked == 1 { "thing" } else { "things" }
                )
            }
        })
    };
    view! {
        <PageHeading title="Checklists"/>
        <section class="card" aria-labelledby="work-heading">
            <h2 id="work-heading">"Back to work"</h2>
            <p>"A plan for changes at work, shaped like a fit note, that you can choose to share with your employer."</p>
            <p>{move || work().0}</p>
            <p>{move || work().1}</p>
            <p><A href=paths::WORKPLACE attr:class="button button-primary button-wide">"Your workplace plan"</A></p>
        </section>
        <section class="card" aria-labelledby="home-heading">
            <h2 id="home-heading">"Safe at home"</h2>
            <p>"A room-by-room check to make your home safer, and a short check about falls."</p>
            <p>{home}</p>
            <p><A href=paths::HOME_SAFETY attr:class="button button-primary button-wide">"Home safety"</A></p>
        </section>
    }
}
