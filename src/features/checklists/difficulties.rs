//! The difficulties at work, a page of its own: a table like the one on an OT's Health and
//! Work Report (what is hard at work, and the recommendation or goal for each), each row with
//! its own Change and Remove buttons, and the form to add or change a row.

use leptos::prelude::*;

use super::plan::back_to_plan;
use super::{focus_later, send};
use crate::app::PageHeading;
use crate::components::field::{FormMessage, TextField};
use crate::domain::checklists::{ChecklistCommand, Difficulty};
use crate::domain::ids::DifficultyId;
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::state::use_app_state;

/// A row of the difficulties table with its own Change and Remove buttons.
#[component]
fn DifficultyRow(
    id: DifficultyId,
    on_change: Callback<Difficulty>,
    on_remove: Callback<DifficultyId>,
) -> impl IntoView {
    let state = use_app_state();
    let row = Memo::new(move |_| {
        state.data.with(|d| {
            d.workplace
                .difficulties
                .iter()
                .find(|r| r.id == id)
                .cloned()
        })
    });
    let text = move || row.with(|r| r.as_ref().map(|r| r.difficulty.clone()).unwrap_or_default());
    view! {
        <tr>
            <td data-label="Difficulty">{text}{move || row.with(|r| r.as_ref().is_some_and(|r| r.private)).then(|| view! { " " <span class="tag">"Private"</span> })}</td>
            <td data-label="What would help, or a goal">{move || row.with(|r| r.as_ref().map(|r| r.recommendation.clone()).unwrap_or_default())}</td>
            <td>
                <div class="button-row">
                    <button type="button" class="button button-small" aria-label=move || format!("Change: {}", text())
                        on:click=move |_| if let Some(r) = row.get_untracked() { on_change.run(r) }>"Change"</button>
                    <button type="button" class="button button-small" aria-label=move || format!("Remove: {}", text())
                        on:click=move |_| on_remove.run(id)>"Remove"</button>
                </div>
            </td>
        </tr>
    }
}

/// `/checklists/work/difficulties`: the table and the form to add or change a row.
#[component]
pub fn DifficultiesPage() -> impl IntoView {
    let state = use_app_state();
    let difficulty = RwSignal::new(String::new());
    let recommendation = RwSignal::new(String::new());
    let private = RwSignal::new(false);
    let editing = RwSignal::new(None::<DifficultyId>);
    let message = RwSignal::new(None::<String>);
    let removal = Removal::create();
    let clear = move || {
        difficulty.set(String::new());
        recommendation.set(String::new());
        private.set(false);
        editing.set(None);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let row = Difficulty {
            id: DifficultyId::default(),
            difficulty: difficulty.get_untracked(),
            recommendation: recommendation.get_untracked(),
            private: private.get_untracked(),
        };
        let command = match editing.get_untracked() {
            Some(id) => ChecklistCommand::ChangeDifficulty { id, row },
            None => ChecklistCommand::AddDifficulty(row),
        };
        message.set(Some(match send(state, command) {
            Ok(()) => {
                clear();
                "Saved in the table.".into()
            }
            Err(e) => e,
        }));
    };
    let on_change = Callback::new(move |r: Difficulty| {
        difficulty.set(r.difficulty);
        recommendation.set(r.recommendation);
        private.set(r.private);
        editing.set(Some(r.id));
        message.set(None);
        focus_later("#difficulty-form textarea");
    });
    // Removed after a question; an undo puts it back before the row that followed it.
    let on_remove = Callback::new(move |id: DifficultyId| {
        let found = state.data.with_untracked(|d| {
            let rows = &d.workplace.difficulties;
            let at = rows.iter().position(|r| r.id == id)?;
            Some((rows[at].clone(), rows.get(at + 1).map(|r| r.id)))
        });
        if let Some((row, before)) = found {
            let remove = Command::Checklist(ChecklistCommand::RemoveDifficulty(row.id));
            let restore = Command::Checklist(ChecklistCommand::RestoreDifficulty {
                row: row.clone(),
                before,
            });
            clear();
            removal.ask(format!("\"{}\"", row.difficulty), remove, restore);
        }
    });
    let ids = Memo::new(move |_| {
        state.data.with(|d| {
            d.workplace
                .difficulties
                .iter()
                .map(|r| r.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <PageHeading title="Difficulties at work"/>
        {back_to_plan()}
        <p class="lead">"Like the table on an OT's Health and Work Report: what you find hard at work, and what would help with each (or a goal)."</p>
            <UndoNotice removal/>
            <Show when=move || ids.with(|i| !i.is_empty())
                fallback=|| view! { <p>"Nothing in the table yet. Add what is hard at work, and what would help."</p> }>
                <table class="plan-table stack-table">
                    <caption>"Difficulties at work and what would help"</caption>
                    <thead><tr>
                        <th scope="col">"Difficulty"</th>
                        <th scope="col">"What would help, or a goal"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| *id let:id>
                            <DifficultyRow id on_change on_remove/>
                        </For>
                    </tbody>
                </table>
            </Show>
            <form id="difficulty-form" on:submit=save>
                <h2>{move || if editing.get().is_some() { "Change this row" } else { "Add a row" }}</h2>
                <TextField label="What is difficult at work" value=difficulty long=true maxlength=2000 hint="For example: \"Sitting for more than an hour\"."/>
                <TextField label="What would help, or a goal" value=recommendation long=true maxlength=2000 hint="For example: \"A sit-stand desk and a short walk every hour\"."/>
                <label class="check">
                    <input type="checkbox" prop:checked=move || private.get()
                        on:change=move |ev| private.set(event_target_checked(&ev))/>
                    <span class="check-label">"Keep this row to myself: never share it"</span>
                </label>
                <div class="button-row">
                    <button type="submit" class="button button-primary">{move || if editing.get().is_some() { "Save changes" } else { "Add to the table" }}</button>
                    <button type="button" class="button" hidden=move || editing.get().is_none() on:click=move |_| { clear(); message.set(Some("Nothing was changed.".into())); }>"Cancel"</button>
                </div>
                <FormMessage message/>
            </form>
    }
}
