//! The workplace plan page: what the plan covers (kinds of advice, period, review date), the
//! adjustments checklist (from the built-in library or the person's own, each with a status,
//! who acts, dates and a note), and the table of difficulties with a recommendation for each.

use std::fmt::Write;

use leptos::prelude::*;

use crate::platform::focus::focus_button_later;
use leptos_router::components::A;

use super::{date_text, focus_later, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::choices::{Choice, Choices};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::domain::checklists::{AdviceKind, ChecklistCommand, Difficulty, WorkplaceItem};
use crate::domain::dates::long_date;
use crate::domain::ids::{DifficultyId, WorkplaceItemId};
use crate::domain::state::Command;
use crate::domain::workplace::{ADJUSTMENT_LIBRARY, ADVICE_KINDS, OWNERS, STATUSES};
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::state::use_app_state;

#[component]
pub fn WorkplacePage() -> impl IntoView {
    view! {
        <PageHeading title="Your workplace plan"/>
        <p><A href=paths::CHECKLISTS>"Back to Checklists"</A></p>
        <p class="lead">"Changes at work that help you stay in or get back to work. Your GP's fit note or your OT's report may suggest some."</p>
        <nav class="card" aria-label="Workplace plan parts">
            <ul class="link-list">
                <li><A href=paths::PHASED_RETURN>{format!("{}, week by week", AdviceKind::PhasedReturn.label())}</A></li>
                <li><A href=paths::WELLNESS>"Wellness Action Plan"</A></li>
                <li><A href=paths::SHARE>"Share with your employer"</A></li>
            </ul>
        </nav>
        <PlanForm/>
        <Adjustments/>
        <Difficulties/>
    }
}

#[component]
fn PlanForm() -> impl IntoView {
    let state = use_app_state();
    let plan = state.data.with_untracked(|d| d.workplace.clone());
    let advice: Vec<(AdviceKind, RwSignal<bool>)> = ADVICE_KINDS
        .iter()
        .map(|k| (*k, RwSignal::new(plan.advice.contains(k))))
        .collect();
    let from = RwSignal::new(date_text(plan.from));
    let to = RwSignal::new(date_text(plan.to));
    let review = RwSignal::new(date_text(plan.review));
    let message = RwSignal::new(None::<String>);
    let chosen = advice.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let dates = (|| {
            Ok::<_, String>((
                optional_date(&from.get_untracked())?,
                optional_date(&to.get_untracked())?,
                optional_date(&review.get_untracked())?,
            ))
        })();
        let (from, to, review) = match dates {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let advice = chosen
            .iter()
            .filter(|(_, on)| on.get_untracked())
            .map(|(k, _)| *k)
            .collect();
        let command = ChecklistCommand::SetPlan {
            advice,
            from,
            to,
            review,
        };
        message.set(Some(match send(state, command) {
            Ok(()) => "Saved.".into(),
            Err(e) => e,
        }));
    };
    view! {
        <section class="card" aria-labelledby="covers-heading">
            <h2 id="covers-heading">"What the plan covers"</h2>
            <form on:submit=save>
                <fieldset class="checks">
                    <legend>"Kinds of advice (as on a fit note)"</legend>
                    {advice.into_iter().map(|(k, on)| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || on.get()
                                on:change=move |ev| on.set(event_target_checked(&ev))/>
                            <span><span class="check-label">{k.label()}</span><span class="choice-hint">{k.hint()}</span></span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <DateField id="plan-from" label="The plan starts" value=from any_day=true/>
                <DateField id="plan-to" label="The plan ends" value=to any_day=true/>
                <DateField id="plan-review" label="Review date" value=review any_day=true hint="When you, your employer or your OT will look at it again."/>
                <button type="submit" class="button button-primary">"Save what the plan covers"</button>
                <FormMessage message/>
            </form>
        </section>
    }
}

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

#[component]
fn Adjustments() -> impl IntoView {
    let state = use_app_state();
    let editing = RwSignal::new(None::<WorkplaceItemId>);
    let removal = Removal::create();
    let empty = move || state.data.with(|d| d.workplace.items.is_empty());
    view! {
        <section class="card" aria-labelledby="adjustments-heading">
            <h2 id="adjustments-heading" tabindex="-1">"Adjustments"</h2>
            <UndoNotice removal/>
            <Show when=empty>
                <p>"No adjustments yet. Add some from the suggestions below, or write your own."</p>
            </Show>
            {ADVICE_KINDS.into_iter().map(|kind| view! { <ItemGroup kind editing removal/> }).collect_view()}
            <AddItems/>
        </section>
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
            <h3>{kind.label()}</h3>
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
                                focus_later("#add-heading");
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
        focus_later("#add-heading");
    };
    view! {
        <div class="add-items">
            <h3 id="add-heading" tabindex="-1">"Add adjustments"</h3>
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

#[component]
fn Difficulties() -> impl IntoView {
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
        <section class="card" aria-labelledby="difficulties-heading">
            <h2 id="difficulties-heading">"Difficulties at work"</h2>
            <p>"Like the table on an OT's Health and Work Report: what you find hard at work, and what would help with each (or a goal)."</p>
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
                <h3>{move || if editing.get().is_some() { "Change this row" } else { "Add a row" }}</h3>
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
        </section>
    }
}
