//! Home safety, in large text with large targets: the rooms, then each room one thing at a time
//! (the hazard, ticked when it applies, its suggested fix, and a log of what was done and
//! when), so a room is a short page even with the largest text. The falls self-check is in
//! `falls.rs`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::{optional_date, send};
use crate::app::{focus_main_heading, paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::FormMessage;
use crate::domain::checklists::{ActionLogEntry, ChecklistCommand, HazardRef, Room};
use crate::domain::dates::{iso_date, long_date};
use crate::domain::home_safety::{falls_total, room_lines, room_words, ROOMS};
use crate::domain::ids::{ActionId, HazardId};
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::platform::focus::focus_later;
use crate::state::use_app_state;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    let falls = move || {
        state
            .data
            .with(|d| match d.home_safety.falls_checks.last() {
                Some(c) => format!(
                    "Last done on {}: a total of {}.",
                    long_date(c.date),
                    falls_total(&c.answers)
                ),
                None => "Not done yet.".into(),
            })
    };
    let rooms = ROOMS
        .into_iter()
        .map(|r| {
            let words = move || state.data.with(|d| room_words(&d.home_safety, r));
            view! {
                <li><A href=paths::room(r) attr:class="room-link">
                    <span class="room-name">{r.label()}</span>
                    " "
                    <span class="room-status">{words}</span>
                </A></li>
            }
        })
        .collect_view();
    view! {
        <div class="large">
            <PageHeading title="Home safety"/>
            <p><A href=paths::CHECKLISTS>"Back to Checklists"</A></p>
            <p class="lead">"Go round your home one room at a time, with someone to help if you like. Tick what applies, then note what was done."</p>
            <section aria-labelledby="rooms-heading">
                <h2 id="rooms-heading">"Rooms"</h2>
                <ul class="room-list">{rooms}</ul>
            </section>
            <section class="card" aria-labelledby="falls-heading">
                <h2 id="falls-heading">"Falls self-check"</h2>
                <p>"Twelve short statements about falls and feeling steady. Answer yes or no."</p>
                <p>{falls}</p>
                <p><A href=paths::FALLS attr:class="button button-primary button-wide">"Do the falls self-check"</A></p>
            </section>
        </div>
    }
}

/// A line of a room: a built-in hazard (by key) or the person's own (by id).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Line {
    Library(&'static str),
    Own(HazardId),
}

#[component]
pub fn RoomPage() -> impl IntoView {
    let params = use_params_map();
    let room = Memo::new(move |_| params.with(|p| p.get("room").and_then(|c| Room::from_code(&c))));
    move || match room.get() {
        Some(room) => view! { <RoomChecklist room/> }.into_any(),
        None => view! {
            <PageHeading title="Room not found"/>
            <p>"There is no such room on the checklist."</p>
            <p><A href=paths::HOME_SAFETY>"Back to Home safety"</A></p>
        }
        .into_any(),
    }
}

/// A room, one thing at a time (`?item=2`), with Previous and Next, every thing in the room
/// as links, and the person's own.
#[component]
fn RoomChecklist(room: Room) -> impl IntoView {
    let state = use_app_state();
    let query = use_query_map();
    let lines = Memo::new(move |_| {
        state.data.with(|d| {
            room_lines(&d.home_safety, room)
                .iter()
                .map(|l| match (l.key, l.record) {
                    ("", Some(r)) => Line::Own(r.id),
                    (key, _) => Line::Library(key),
                })
                .collect::<Vec<_>>()
        })
    });
    let total = move || lines.with(Vec::len);
    // The thing shown (1-based), kept within the room.
    let at = Memo::new(move |_| {
        let asked = query.with(|q| q.get("item").and_then(|v| v.parse::<usize>().ok()));
        asked.unwrap_or(1).clamp(1, total().max(1))
    });
    let line = Memo::new(move |_| lines.with(|l| l.get(at.get() - 1).copied()));
    // Moving to another thing in the room: the heading takes the focus, as on a new page.
    Effect::new(move |before: Option<usize>| {
        let now = at.get();
        if before.is_some_and(|b| b != now) {
            focus_main_heading();
        }
        now
    });
    let room_at = ROOMS.iter().position(|r| *r == room).unwrap_or(0);
    let next_room = ROOMS.get(room_at + 1).copied();
    let texts = move || {
        state.data.with(|d| {
            room_lines(&d.home_safety, room)
                .iter()
                .map(|l| (l.hazard.to_string(), l.record.is_some_and(|r| r.applies)))
                .collect::<Vec<_>>()
        })
    };
    let next_words = move || {
        let n = at.get();
        texts().get(n).map(|(hazard, _)| format!(": {hazard}"))
    };
    view! {
        <div class="large">
            <p><A href=paths::HOME_SAFETY>"Back to all rooms"</A></p>
            <p class="caption" id="room-step">{move || format!("Thing {} of {} in this room", at.get(), total())}</p>
            <PageHeading title=room.label()/>
            <p>"Tick it if it is true in your home. The suggested fix is under it."</p>
            <ul class="hazard-list">
                {move || line.get().map(|line| view! { <HazardLine room line/> })}
            </ul>
            <nav class="step-nav" aria-label="Things in this room">
                {move || match next_words() {
                    Some(words) => view! {
                        <p><A href=paths::room_item(room, at.get() + 1) attr:class="button button-primary button-wide">"Next"<span class="visually-hidden">{words}</span></A></p>
                    }.into_any(),
                    None => match next_room {
                        Some(n) => view! {
                            <p><A href=paths::room(n) attr:class="button button-primary button-wide">{format!("Next room: {}", n.label())}</A></p>
                        }.into_any(),
                        None => view! {
                            <p><A href=paths::HOME_SAFETY attr:class="button button-primary button-wide">"Back to all rooms"</A></p>
                        }.into_any(),
                    },
                }}
                <Show when=move || { at.get() > 1 }>
                    <p><A href=move || paths::room_item(room, at.get() - 1) attr:class="button button-wide">"Previous"</A></p>
                </Show>
            </nav>
            <details class="card room-things">
                <summary>"All things in this room"</summary>
                <ol class="link-list">
                    {move || texts().into_iter().enumerate().map(|(i, (hazard, ticked))| view! {
                        <li><A href=paths::room_item(room, i + 1)>{hazard}{ticked.then_some(" (ticked)")}</A></li>
                    }).collect_view()}
                </ol>
            </details>
            <AddOwnHazard room/>
        </div>
    }
}

#[component]
fn HazardLine(room: Room, line: Line) -> impl IntoView {
    let state = use_app_state();
    let record = Memo::new(move |_| {
        state.data.with(|d| {
            room_lines(&d.home_safety, room)
                .into_iter()
                .find(|l| match line {
                    Line::Library(k) => l.key == k,
                    Line::Own(id) => l.key.is_empty() && l.record.is_some_and(|r| r.id == id),
                })
                .map(|l| (l.hazard.to_string(), l.fix.to_string(), l.record.cloned()))
        })
    });
    let applies = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(|r| r.2.as_ref())
                .is_some_and(|h| h.applies)
        })
    };
    let message = RwSignal::new(None::<String>);
    let tick = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let hazard = match line {
            Line::Library(k) => HazardRef::Library(k.into()),
            Line::Own(id) => HazardRef::Recorded(id),
        };
        if let Err(e) = send(
            state,
            ChecklistCommand::MarkHazard {
                hazard,
                applies: on,
            },
        ) {
            message.set(Some(e));
        }
    };
    let hazard_text = move || record.with(|r| r.as_ref().map(|r| r.0.clone()).unwrap_or_default());
    let entries = move || {
        record.with(|r| {
            r.as_ref()
                .and_then(|r| r.2.as_ref())
                .map(|h| h.actions.clone())
                .unwrap_or_default()
        })
    };
    // A log entry put in by mistake: asked first, then it can be put back.
    let removal = Removal::create();
    let logged = RwSignal::new(None::<String>);
    // The log form is drawn again only when the record first appears, so its message stays.
    let recorded =
        Memo::new(move |_| record.with(|r| r.as_ref().and_then(|r| r.2.as_ref()).map(|h| h.id)));
    view! {
        <li class="hazard">
            <label class="check check-large">
                <input type="checkbox" prop:checked=applies on:change=tick/>
                <span class="check-label">{hazard_text}</span>
            </label>
            <p class="fix"><strong>"Suggested fix: "</strong>{move || record.with(|r| r.as_ref().map(|r| r.1.clone()).unwrap_or_default())}</p>
            <FormMessage message/>
            <Show when=applies>
                <section class="action-box" aria-labelledby="action-heading">
                    <h2 class="action-heading" id="action-heading">"What was done"</h2>
                    <p class="form-message log-status" id="log-status" tabindex="-1" role="status">{move || logged.get()}</p>
                    <Show when=move || entries().is_empty()>
                        <p>"Nothing done yet."</p>
                    </Show>
                    <ul class="action-log">
                        <For each=entries key=|a| (a.id, a.date, a.what.clone()) let:entry>
                            {recorded.get_untracked().map(|hazard| view! { <ActionRow hazard entry removal/> })}
                        </For>
                    </ul>
                    <UndoNotice removal/>
                    {move || recorded.get().map(|id| view! { <LogAction id hazard=untrack(hazard_text) logged/> })}
                </section>
            </Show>
        </li>
    }
}

/// One entry of the log, with its own Remove button.
#[component]
fn ActionRow(hazard: HazardId, entry: ActionLogEntry, removal: Removal) -> impl IntoView {
    let what = entry.what.clone();
    let date = long_date(entry.date);
    let remove = move |_| {
        let describe = format!("\"{}\" from the log", entry.what);
        let command = Command::Checklist(ChecklistCommand::RemoveAction {
            hazard,
            action: entry.id,
        });
        let undo = Command::Checklist(ChecklistCommand::LogAction {
            hazard,
            entry: entry.clone(),
        });
        removal.ask(describe, command, undo);
    };
    view! {
        <li>
            <span><strong>{date}</strong>": "{what.clone()}</span>
            <button type="button" class="button button-small" on:click=remove>
                "Remove"<span class="visually-hidden">{format!(" \"{what}\" from the log")}</span>
            </button>
        </li>
    }
}

#[component]
fn LogAction(id: HazardId, hazard: String, logged: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let what = RwSignal::new(String::new());
    let date = RwSignal::new(iso_date(clock::today()));
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        logged.set(None);
        let day = match optional_date(&date.get_untracked()) {
            Ok(Some(d)) if d <= clock::today() => d,
            Ok(Some(_)) => {
                return message.set(Some(
                    "That date is in the future. Please choose today or an earlier day.".into(),
                ))
            }
            Ok(None) => return message.set(Some("Please enter the date it was done.".into())),
            Err(e) => return message.set(Some(e)),
        };
        let entry = ActionLogEntry {
            id: ActionId::default(),
            date: day,
            what: what.get_untracked(),
        };
        match send(state, ChecklistCommand::LogAction { hazard: id, entry }) {
            Ok(()) => {
                what.set(String::new());
                message.set(None);
                // Said above the log, where the new entry appears, and scrolled into view.
                logged.set(Some("Added to the log.".into()));
                focus_later("#log-status");
            }
            Err(e) => message.set(Some(e)),
        }
    };
    view! {
        <form class="log-form" on:submit=save aria-label=format!("Log what was done: {hazard}")>
            <div class="field">
                <label class="field-label" for="log-what">"What was done"</label>
                <input type="text" id="log-what" maxlength="2000" prop:value=move || what.get()
                    on:input=move |ev| what.set(event_target_value(&ev))/>
            </div>
            <DateField id="log-when" label="When" value=date/>
            <button type="submit" class="button button-primary button-wide">"Add to the log"</button>
            <FormMessage message/>
        </form>
    }
}

#[component]
fn AddOwnHazard(room: Room) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let hazard = RwSignal::new(String::new());
    let fix = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let command = ChecklistCommand::AddHazard {
            room,
            hazard: hazard.get_untracked(),
            fix: fix.get_untracked(),
        };
        match send(state, command) {
            Ok(()) => {
                hazard.set(String::new());
                fix.set(String::new());
                message.set(Some("Added and ticked.".into()));
                // Show it, so what was done about it can be noted.
                let n = state
                    .data
                    .with_untracked(|d| room_lines(&d.home_safety, room).len());
                navigate(&paths::room_item(room, n), Default::default());
            }
            Err(e) => message.set(Some(e)),
        }
    };
    view! {
        <details class="card">
            <summary>"Add something else in this room"</summary>
            <form on:submit=save>
                <label class="field"><span>"What is the problem?"</span>
                    <input type="text" maxlength="300" prop:value=move || hazard.get() on:input=move |ev| hazard.set(event_target_value(&ev))/>
                </label>
                <label class="field"><span>"What could fix it?"</span>
                    <input type="text" maxlength="300" prop:value=move || fix.get() on:input=move |ev| fix.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button button-primary">"Add"</button>
                <FormMessage message/>
            </form>
        </details>
    }
}
