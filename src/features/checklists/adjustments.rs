//! The adjustments on the workplace plan, a page of its own: the list of adjustments (from the
//! built-in library or the person's own, each with a status, who acts, dates and a note), each
//! changed in its row, and the suggestions to add more.

use std::fmt::Write;

use leptos::prelude::*;

use crate::platform::focus::focus_button_later;

use super::plan::back_to_plan;
use super::{date_text, focus_later, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::choices::{Choice, Choices};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::domain::checklists::{AdviceKind, ChecklistCommand, WorkplaceItem};
use crate::domain::dates::long_date;
use crate::domain::ids::WorkplaceItemId;
use crate::domain::state::Command;
use crate::domain::workplace::{ADJUSTMENT_LIBRARY, ADVICE_KINDS, OWNERS, STATUSES};
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::state::use_app_state;
use leptos_router::components::A;

/// Words for an item: "Agreed on 5 March 2026. Review by 1 April 2026."
fn item_dates(i: &WorkplaceItem) -> String {
    let mut s = String::new();
    if let Some(since) = i.since {
        let _ = write!(s, "{} {}. ", i.status.since_words(), long_date(since));
    }
    if let Some(review) = i.review {
        let _ = write!(s, "Review by {}.", long_date(review));
    }
    s
}

/// `/checklists/work/adjustments`: the adjustments, grouped by kind of advice, each changed in
/// its row; adding more is a page of its own.
#[component]
pub fn AdjustmentsPage() -> impl IntoView {
    let state = use_app_state();
    let editing = RwSignal::new(None::<WorkplaceItemId>);
    let removal = Removal::create();
    let empty = move || state.data.with(|d| d.workplace.items.is_empty());
    view! {
        <PageHeading title="Adjustments"/>
        {back_to_plan()}
        <p class="lead">"Changes at work that help you, and where each one has got to."</p>
        <p><A href=paths::WORK_ADJUSTMENTS_ADD attr:class="button button-primary button-wide">"Add adjustments"</A></p>
        <UndoNotice removal/>
        <Show when=empty>
            <p>"No adjustments yet. Add some from the suggestions, or write your own."</p>
        </Show>
        {ADVICE_KINDS.into_iter().map(|kind| view! { <ItemGroup kind editing removal/> }).collect_view()}
    }
}

/// `/checklists/work/adjustments/add`: suggestions from the built-in library for each kind of
/// advice, and the person's own.
#[component]
pub fn AddAdjustmentsPage() -> impl IntoView {
    view! {
        <PageHeading title="Add adjustments"/>
        <p><A href=paths::WORK_ADJUSTMENTS>"Back to your adjustments"</A></p>
        <AddItems/>
        <p><A href=paths::WORK_ADJUSTMENTS attr:class="button button-wide">"Done: see your adjustments"</A></p>
    }
}

/// The adjustments of one kind of advice, each a row of its own (keyed by id, so a change to
/// one item redraws only that row and focus stays where it was).
#[component]
fn ItemGroup(
    kind: AdviceKind,
    editing: RwSignal<Option<WorkplaceItemId>>,
    removal: Removal,
) -> impl IntoView {
    let state = use_app_state();
    let ids = Memo::new(move |_| {
        state.data.with(|d| {
            d.workplace
                .items
                .iter()
                .filter(|i| i.kind == kind)
                .map(|i| i.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || ids.with(|i| !i.is_empty())>
            <h2>{kind.label()}</h2>
            <ul class="item-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <ItemRow id editing removal/>
                </For>
            </ul>
        </Show>
    }
}

/// One adjustment: what it is, where it has got to, and its own Change and Remove buttons. The
/// editor opens in the row; afterwards the focus goes back to the row's Change button.
#[component]
fn ItemRow(
    id: WorkplaceItemId,
    editing: RwSignal<Option<WorkplaceItemId>>,
    removal: Removal,
) -> impl IntoView {
    let state = use_app_state();
    let item = Memo::new(move |_| {
        state
            .data
            .with(|d| d.workplace.items.iter().find(|i| i.id == id).cloned())
    });
    let message = RwSignal::new(None::<String>);
    let change_button = NodeRef::<leptos::html::Button>::new();
    let open = move || editing.get() == Some(id);
    let done = Callback::new(move |text: String| {
        editing.set(None);
        message.set(Some(text));
        focus_button_later(change_button);
    });
    let change = move |_| {
        message.set(None);
        editing.set(Some(id));
        focus_later("#item-edit-heading");
    };
    let remove = move |_| {
        if let Some(i) = item.get_untracked() {
            let command = Command::Checklist(ChecklistCommand::RemoveItem(i.id));
            let restore = Command::Checklist(ChecklistCommand::RestoreItem(i.clone()));
            removal.ask(format!("\"{}\"", i.text), command, restore);
        }
    };
    let text = move || item.with(|i| i.as_ref().map(|i| i.text.clone()).unwrap_or_default());
    let details = move || {
        item.get().map(|i| {
            let dates = item_dates(&i);
            view! {
                <p class="item-text">{i.text.clone()}</p>
                <p class="goal-tags">
                    <span class="tag">{i.status.label()}</span>
                    <span class="tag">{format!("Who acts: {}", i.owner.label())}</span>
                    {i.private.then(|| view! { <span class="tag">"Private: never shared"</span> })}
                    {(!i.source.is_me()).then(|| view! { <span class="tag">"From your OT"</span> })}
                </p>
                {(!dates.is_empty()).then(|| view! { <p>{dates}</p> })}
                {(!i.reason.is_empty()).then(|| view! { <p>{format!("Why not: {}", i.reason)}</p> })}
                {(!i.note.is_empty()).then(|| view! { <p>{format!("Note: {}", i.note)}</p> })}
            }
        })
    };
    view! {
        <li class="item">
            {details}
            <div class="button-row" hidden=open>
                <button type="button" class="button button-small" node_ref=change_button
                    aria-label=move || format!("Change: {}", text()) on:click=change>"Change"</button>
                <button type="button" class="button button-small"
                    aria-label=move || format!("Remove: {}", text()) on:click=remove>"Remove"</button>
            </div>
            <FormMessage message/>
            {move || open().then(|| item.get_untracked().map(|item| view! { <ItemEditor item done/> }))}
        </li>
    }
}

#[component]
fn ItemEditor(item: WorkplaceItem, done: Callback<String>) -> impl IntoView {
    let state = use_app_state();
    let text = RwSignal::new(item.text.clone());
    let kind = RwSignal::new(
        ADVICE_KINDS
            .iter()
            .position(|k| *k == item.kind)
            .map(|i| i as i8),
    );
    let status = RwSignal::new(
        STATUSES
            .iter()
            .position(|s| *s == item.status)
            .map(|i| i as i8),
    );
    let owner = RwSignal::new(
        OWNERS
            .iter()
            .position(|o| *o == item.owner)
            .map(|i| i as i8),
    );
    let reason = RwSignal::new(item.reason.clone());
    let since = RwSignal::new(date_text(item.since));
    let review = RwSignal::new(date_text(item.review));
    let note = RwSignal::new(item.note.clone());
    let private = RwSignal::new(item.private);
    let message = RwSignal::new(None::<String>);
    let old_status = item.status;
    let save = {
        let item = item.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let new_status = STATUSES[status.get_untracked().unwrap_or(0) as usize];
            let dates = (|| {
                Ok::<_, String>((
                    optional_date(&since.get_untracked())?,
                    optional_date(&review.get_untracked())?,
                ))
            })();
            let (mut since, review) = match dates {
                Ok(d) => d,
                Err(e) => return message.set(Some(e)),
            };
            // A new status with the old date would say the wrong thing: date it today.
            if new_status != old_status && since == item.since {
                since = Some(clock::today());
            }
            let updated = WorkplaceItem {
                text: text.get_untracked(),
                kind: ADVICE_KINDS[kind.get_untracked().unwrap_or(0) as usize],
                status: new_status,
                owner: OWNERS[owner.get_untracked().unwrap_or(0) as usize],
                reason: reason.get_untracked(),
                since,
                review,
                note: note.get_untracked(),
                private: private.get_untracked(),
                ..item.clone()
            };
            match send(state, ChecklistCommand::UpdateItem(updated.clone())) {
                Ok(()) => done.run(format!("Saved: \"{}\".", updated.text.trim())),
                Err(e) => message.set(Some(e)),
            }
        }
    };
    let options = |labels: Vec<&'static str>| -> Vec<Choice> {
        labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i as i8, l.to_string(), String::new()))
            .collect()
    };
    view! {
        <form class="item-edit" on:submit=save>
            <h3 id="item-edit-heading" tabindex="-1">{format!("Change: {}", item.text)}</h3>
            <TextField label="The adjustment" value=text long=true/>
            <Choices legend="Where it has got to" name="item-status" options=options(STATUSES.iter().map(|s| s.label()).collect()) value=status/>
            <div hidden=move || status.get() != Some(4)>
                <TextField label="Why is it not possible?" value=reason long=true maxlength=2000/>
            </div>
            <Choices legend="Who acts on it" name="item-owner" options=options(OWNERS.iter().map(|o| o.label()).collect()) value=owner/>
            <DateField id="item-since" label="Date of this status" value=since hint="For example the day it was asked for, agreed or put in place."/>
            <DateField id="item-review" label="Review by" value=review any_day=true/>
            <Choices legend="Kind of advice" name="item-kind" options=options(ADVICE_KINDS.iter().map(|k| k.label()).collect()) value=kind/>
            <TextField label="A note, if you like" value=note long=true maxlength=2000/>
            <label class="check">
                <input type="checkbox" prop:checked=move || private.get()
                    on:change=move |ev| private.set(event_target_checked(&ev))/>
                <span class="check-label">"Keep this to myself: never share it with my employer"</span>
            </label>
            <div class="button-row">
                <button type="submit" class="button button-primary">"Save changes"</button>
                <button type="button" class="button" on:click=move |_| done.run("Nothing was changed.".into())>"Cancel"</button>
            </div>
            <FormMessage message/>
        </form>
    }
}

#[component]
fn AddItems() -> impl IntoView {
    let state = use_app_state();
    let kind = RwSignal::new(AdviceKind::AlteredHours);
    let own = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let add = move |text: String| {
        let command = ChecklistCommand::AddItem {
            kind: kind.get_untracked(),
            text: text.clone(),
            since: clock::today(),
        };
        message.set(Some(match send(state, command) {
            Ok(()) => format!("Added: \"{}\".", text.trim()),
            Err(e) => e,
        }));
    };
    // The suggestions for the chosen kind: a button each, or "(added)" once it is in the plan.
    let suggestions = move || {
        let k = kind.get();
        ADJUSTMENT_LIBRARY
            .iter()
            .filter(move |(lk, _)| *lk == k)
            .map(|&(_, text)| {
                let added = move || {
                    state
                        .data
                        .with(|d| d.workplace.items.iter().any(|it| it.text == text))
                };
                view! {
                    <li>
                        <Show when=move || !added() fallback=move || view! { <span class="suggestion-added">{format!("{text} (added)")}</span> }>
                            <button type="button" class="button suggestion" on:click=move |_| {
                                add(text.to_string());
                                focus_later("main h1");
                            }><span aria-hidden="true">"+ "</span>{text}</button>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };
    let add_own = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = own.get_untracked();
        add(text);
        if message
            .get_untracked()
            .is_some_and(|m| m.starts_with("Added"))
        {
            own.set(String::new());
        }
        focus_later("main h1");
    };
    view! {
        <div>
            <FormMessage message/>
            <label class="field">
                <span>"Kind of advice"</span>
                <select on:change=move |ev| {
                    if let Some(k) = AdviceKind::from_code(&event_target_value(&ev)) { kind.set(k) }
                }>
                    {ADVICE_KINDS.into_iter().map(|k| view! {
                        <option value=k.code() selected=move || kind.get() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="hint">"Suggestions: press one to add it to your plan."</p>
            <ul class="suggestions">{suggestions}</ul>
            <form on:submit=add_own>
                <TextField label="Or write your own" value=own hint="For example: \"A locker near my desk\"."/>
                <button type="submit" class="button">"Add my own"</button>
            </form>
        </div>
    }
}
