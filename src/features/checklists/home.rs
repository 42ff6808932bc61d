//! Home safety, in large text with large targets: the rooms, each room's hazards with a
//! suggested fix, ticked when they apply, and an action log of what was done and when; and the
//! falls self-check.

use std::fmt::Write;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{focus_later, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::field::FormMessage;
use crate::components::html::{clicked_button, esc};
use crate::domain::checklists::{ActionLogEntry, ChecklistCommand, FallsCheck, HazardRef, Room};
use crate::domain::dates::{iso_date, long_date};
use crate::domain::home_safety::{
    falls_advice, falls_max, falls_total, room_lines, room_words, FALLS_STATEMENTS, ROOMS,
};
use crate::domain::ids::{ActionId, FallsCheckId, HazardId};
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::state::use_app_state;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app_state();
    let rooms = move || {
        state.data.with(|d| {
            let mut h = String::from(r#"<ul class="room-list">"#);
            for r in ROOMS {
                let _ = write!(
                    h,
                    r#"<li><a class="room-link" href="{}"><span class="room-name">{}</span><span class="room-status">{}</span></a></li>"#,
                    paths::room(r),
                    r.label(),
                    room_words(&d.home_safety, r)
                );
            }
            h.push_str("</ul>");
            h
        })
    };
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
    view! {
        <div class="large">
            <PageHeading title="Home safety"/>
            <p><A href=paths::CHECKLISTS>"Back to Checklists"</A></p>
            <p class="lead">"Go round your home one room at a time, with someone to help if you like. Tick what applies, then note what was done."</p>
            <section aria-labelledby="rooms-heading">
                <h2 id="rooms-heading">"Rooms"</h2>
                <div inner_html=rooms></div>
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

#[component]
fn RoomChecklist(room: Room) -> impl IntoView {
    let state = use_app_state();
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
    let at = ROOMS.iter().position(|r| *r == room).unwrap_or(0);
    let next = ROOMS.get(at + 1).copied();
    view! {
        <div class="large">
            <PageHeading title=room.label()/>
            <p><A href=paths::HOME_SAFETY>"Back to all rooms"</A></p>
            <p>"Tick each thing that is true in your home. The suggested fix is under it."</p>
            <ul class="hazard-list">
                {move || lines.get().into_iter().map(|line| view! { <HazardLine room line/> }).collect_view()}
            </ul>
            <AddOwnHazard room/>
            {next.map(|n| view! {
                <p><A href=paths::room(n) attr:class="button button-wide">{format!("Next room: {}", n.label())}</A></p>
            })}
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
    let log = move || {
        record.with(|r| {
            let Some(h) = r.as_ref().and_then(|r| r.2.as_ref()) else {
                return String::new();
            };
            if h.actions.is_empty() {
                return "<p>Nothing done yet.</p>".into();
            }
            let mut s = String::from(r#"<ul class="action-log">"#);
            for a in &h.actions {
                let (i, what) = (a.id.0, esc(&a.what));
                let _ = write!(
                    s,
                    r#"<li><span><strong>{}</strong>: {what}</span> <button type="button" class="button button-small" data-remove="{i}">Remove<span class="visually-hidden"> "{what}" from the log</span></button></li>"#,
                    long_date(a.date),
                );
            }
            s.push_str("</ul>");
            s
        })
    };
    let hazard_text = move || record.with(|r| r.as_ref().map(|r| r.0.clone()).unwrap_or_default());
    // A log entry put in by mistake: asked first, then it can be put back.
    let removal = Removal::create();
    let on_log_click = move |ev: leptos::ev::MouseEvent| {
        let Some(action) = clicked_button(&ev)
            .and_then(|b| b.get_attribute("data-remove"))
            .and_then(|i| i.parse().ok())
            .map(ActionId)
        else {
            return;
        };
        let found = record.with_untracked(|r| {
            let h = r.as_ref()?.2.as_ref()?;
            Some((h.id, h.actions.iter().find(|a| a.id == action)?.clone()))
        });
        if let Some((hazard, entry)) = found {
            let describe = format!("\"{}\" from the log", entry.what);
            let remove = Command::Checklist(ChecklistCommand::RemoveAction { hazard, action });
            let undo = Command::Checklist(ChecklistCommand::LogAction { hazard, entry });
            removal.ask(describe, remove, undo);
        }
    };
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
                <div class="action-box">
                    <h2 class="action-heading">"What was done"</h2>
                    <div on:click=on_log_click inner_html=log></div>
                    <UndoNotice removal/>
                    {move || recorded.get().map(|id| view! { <LogAction id hazard=untrack(hazard_text)/> })}
                </div>
            </Show>
        </li>
    }
}

#[component]
fn LogAction(id: HazardId, hazard: String) -> impl IntoView {
    let state = use_app_state();
    let what = RwSignal::new(String::new());
    let date = RwSignal::new(iso_date(clock::today()));
    let message = RwSignal::new(None::<String>);
    let (what_id, date_id) = (format!("what-{}", id.0), format!("when-{}", id.0));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
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
        message.set(Some(
            match send(state, ChecklistCommand::LogAction { hazard: id, entry }) {
                Ok(()) => {
                    what.set(String::new());
                    "Added to the log.".into()
                }
                Err(e) => e,
            },
        ));
    };
    view! {
        <form class="log-form" on:submit=save aria-label=format!("Log what was done: {hazard}")>
            <div class="field">
                <label class="field-label" for=what_id.clone()>"What was done"</label>
                <input type="text" id=what_id maxlength="2000" prop:value=move || what.get()
                    on:input=move |ev| what.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label class="field-label" for=date_id.clone()>"When"</label>
                <input type="date" id=date_id max=iso_date(clock::today()) prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="button button-primary">"Add to the log"</button>
            <FormMessage message/>
        </form>
    }
}

#[component]
fn AddOwnHazard(room: Room) -> impl IntoView {
    let state = use_app_state();
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
        message.set(Some(match send(state, command) {
            Ok(()) => {
                hazard.set(String::new());
                fix.set(String::new());
                "Added and ticked.".into()
            }
            Err(e) => e,
        }));
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

#[component]
pub fn FallsPage() -> impl IntoView {
    let state = use_app_state();
    let answers: Vec<RwSignal<Option<bool>>> = FALLS_STATEMENTS
        .iter()
        .map(|_| RwSignal::new(None))
        .collect();
    let result = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let all = answers.clone();
    let total = move || {
        falls_total(
            &all.iter()
                .map(|a| a.get() == Some(true))
                .collect::<Vec<_>>(),
        )
    };
    let chosen = answers.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given: Vec<Option<bool>> = chosen.iter().map(|a| a.get_untracked()).collect();
        let missing = given.iter().filter(|a| a.is_none()).count();
        if missing > 0 {
            return message.set(Some(format!(
                "Please answer every statement, yes or no: {missing} {} not answered yet.",
                if missing == 1 { "is" } else { "are" }
            )));
        }
        let answers: Vec<bool> = given.into_iter().map(|a| a == Some(true)).collect();
        let score = falls_total(&answers);
        let check = FallsCheck {
            id: FallsCheckId::default(),
            date: clock::today(),
            answers,
        };
        match send(state, ChecklistCommand::AddFallsCheck(check)) {
            Ok(()) => {
                message.set(None);
                result.set(Some(falls_advice(score)));
                focus_later("#falls-result");
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let history = move || {
        state.data.with(|d| {
            let checks = &d.home_safety.falls_checks;
            if checks.is_empty() {
                return String::new();
            }
            let mut h = String::from(r#"<table class="plan-table"><caption>Your self-checks, newest first</caption><thead><tr><th scope="col">Date</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead><tbody>"#);
            for c in checks.iter().rev() {
                let (i, date) = (c.id.0, long_date(c.date));
                let _ = write!(h, r#"<tr><td>{date}</td><td>{} out of {}</td><td><button type="button" class="button button-small" data-remove="{i}">Remove<span class="visually-hidden"> the self-check of {date}</span></button></td></tr>"#, falls_total(&c.answers), falls_max());
            }
            h.push_str("</tbody></table>");
            h
        })
    };
    // A self-check saved by mistake: asked first, then it can be put back.
    let removal = Removal::create();
    let on_history_click = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = clicked_button(&ev)
            .and_then(|b| b.get_attribute("data-remove"))
            .and_then(|i| i.parse().ok())
            .map(FallsCheckId)
        else {
            return;
        };
        let found = state.data.with_untracked(|d| {
            d.home_safety
                .falls_checks
                .iter()
                .find(|c| c.id == id)
                .cloned()
        });
        if let Some(check) = found {
            let describe = format!("the self-check of {}", long_date(check.date));
            let remove = Command::Checklist(ChecklistCommand::RemoveFallsCheck(id));
            let undo = Command::Checklist(ChecklistCommand::AddFallsCheck(check));
            removal.ask(describe, remove, undo);
        }
    };
    view! {
        <div class="large">
            <PageHeading title="Falls self-check"/>
            <p><A href=paths::HOME_SAFETY>"Back to Home safety"</A></p>
            <p class="lead">"Answer yes or no to each statement. There are no right or wrong answers."</p>
            <form on:submit=save>
                {answers.into_iter().enumerate().map(|(i, a)| {
                    let (text, points) = FALLS_STATEMENTS[i];
                    let name = format!("falls-{i}");
                    view! {
                        <fieldset class="yes-no">
                            <legend>{format!("{}. {text}", i + 1)}
                                {(points > 1).then(|| view! { <span class="choice-hint">" (a yes counts 2 points)"</span> })}
                            </legend>
                            <div class="yes-no-options">
                                <label class="check check-large"><input type="radio" name=name.clone() prop:checked=move || a.get() == Some(true) on:change=move |_| a.set(Some(true))/><span class="check-label">"Yes"</span></label>
                                <label class="check check-large"><input type="radio" name=name prop:checked=move || a.get() == Some(false) on:change=move |_| a.set(Some(false))/><span class="check-label">"No"</span></label>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
                <p class="falls-total">{move || format!("Total so far: {} out of {}", total(), falls_max())}</p>
                <button type="submit" class="button button-primary button-wide">"Save my answers"</button>
                <FormMessage message/>
            </form>
            <div id="falls-result" tabindex="-1" role="status">
                {move || result.get().map(|r| view! { <div class="card falls-advice"><p>{r}</p></div> })}
            </div>
            <UndoNotice removal/>
            <div on:click=on_history_click inner_html=history></div>
        </div>
    }
}
