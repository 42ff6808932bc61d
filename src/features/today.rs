//! Today: the first-run welcome, then the person's agenda (what is due today and soon, each
//! linking to where it is done, with "Not today" and "Dismiss"), the steps due today, a quick
//! confidence check-in, and reminders: the calendar file, a daily diary reminder time and
//! notifications while the app is open. Every rule is in `domain::agenda`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::FormMessage;
use crate::components::rating_scale::RatingScale;
use crate::domain::activity::DayKind;
use crate::domain::agenda::{
    agenda, reminder_events, AgendaCommand, AgendaItem, AgendaKind, AgendaLink, CALENDAR_FILE,
};
use crate::domain::dates::{iso_date, long_date, weekday_date};
use crate::domain::diary::{form_time, time_text};
use crate::domain::ics::write_calendar;
use crate::domain::measures::form_date;
use crate::domain::plan::PlanMeasure;
use crate::domain::state::Command;
use crate::platform::focus::focus_later;
use crate::platform::share_files::{self, ShareFile, Shared};
use crate::platform::{clock, files, notify};
use crate::state::use_app_state;

/// Today's page once the welcome is done: the date, the agenda, the check-in and reminders. It
/// is a part of the app of its own (`routes::lazy::TodayPage` shows the welcome or this), so a
/// first visit downloads only the welcome's code before the welcome can be used.
#[component]
pub fn TodayContent() -> impl IntoView {
    view! {
        <PageHeading title="Today"/>
        <p class="lead">{move || weekday_date(clock::today())}</p>
        <TodayAgenda/>
        <ConfidenceCheckIn/>
        <Reminders/>
        <p><A href=paths::SUMMARY>"Make a summary for your OT"</A></p>
    }
}

/// The first-run welcome: what the app is, that data stays here, and how to back it up.
/// `start` finishes it (`routes::lazy::TodayPage`, which also puts in `problem` why it could
/// not be finished, if so).
#[component]
pub fn Welcome(start: Callback<()>, problem: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <PageHeading title="Welcome to Everyday"/>
        <p class="lead">"Everyday helps you keep track of the goals and plans you make with your occupational therapist (OT)."</p>
        <ul class="plain-list">
            <li>"Set goals and tick off the steps."</li>
            <li>"Keep a diary of what you do each day."</li>
            <li>"Work through checklists for work or for safety at home."</li>
            <li>"See how your confidence changes, and take a summary to your OT."</li>
        </ul>
        <section class="card" aria-labelledby="privacy-heading">
            <h2 id="privacy-heading">"Your information stays on this phone"</h2>
            <p>"There is no account and nothing is sent anywhere. Only you decide if something is shared, for example a summary for your OT."</p>
            <p>"Because it is only on this phone, download a backup now and then. You can do this in Settings. Keep the backup file somewhere safe, such as your email."</p>
        </section>
        // Focus goes to Today's heading once its part has arrived (routes::lazy).
        <button type="button" class="button button-primary button-wide" on:click=move |_| start.run(())>
            "Start using Everyday"
        </button>
        <p class="form-message" role="alert">{move || problem.get()}</p>
    }
}

/// "How confident do you feel managing your health and everyday life?" in a few seconds.
#[component]
fn ConfidenceCheckIn() -> impl IntoView {
    let state = use_app_state();
    let score = RwSignal::new(None::<u8>);
    let note = RwSignal::new(String::new());
    let date = RwSignal::new(iso_date(clock::today()));
    let message = RwSignal::new(None::<String>);
    let today_score = Memo::new(move |_| {
        let today = clock::today();
        state.data.with(|d| {
            d.ratings
                .confidence
                .iter()
                .rev()
                .find(|c| c.date == today)
                .map(|c| c.score)
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(value) = score.get_untracked() else {
            message.set(Some("Please choose a number from 0 to 10 first.".into()));
            return;
        };
        let today = clock::today();
        let day = match form_date(&date.get_untracked(), today) {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        match state.dispatch(Command::CheckInConfidence {
            date: day,
            score: value,
            note: note.get_untracked(),
        }) {
            Ok(()) => {
                let when = if day == today {
                    "today".to_string()
                } else {
                    long_date(day)
                };
                message.set(Some(format!("Saved: {value} out of 10 for {when}.")));
                score.set(None);
                note.set(String::new());
                date.set(iso_date(today));
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="card" aria-labelledby="confidence-heading">
            <h2 id="confidence-heading" tabindex="-1">"Quick check-in"</h2>
            {move || today_score.get().map(|s| view! {
                <p>{format!("You said {s} out of 10 today. You can check in again if it has changed.")}</p>
            })}
            <form on:submit=save>
                <RatingScale
                    legend="How confident do you feel managing your health and everyday life?"
                    name="confidence"
                    low=0
                    high=10
                    low_label="not at all confident"
                    high_label="totally confident"
                    value=score
                />
                <label class="field">
                    <span>"A note, if you like"</span>
                    <input type="text" maxlength="2000" prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))/>
                </label>
                <DateField id="check-in-date" label="Day" value=date hint="Today, unless you are filling in a day you missed."/>
                <button type="submit" class="button button-primary">"Save check-in"</button>
                <p class="form-message" role="status">{move || message.get()}</p>
            </form>
        </section>
    }
}

/// Where an agenda item is done.
fn link_path(link: AgendaLink) -> String {
    match link {
        AgendaLink::Goal(id) => paths::goal(id),
        AgendaLink::Measure(PlanMeasure::Confidence) => "#confidence-heading".into(),
        AgendaLink::Measure(PlanMeasure::SelfEfficacy) => paths::PROGRESS_QUESTIONNAIRE.into(),
        AgendaLink::Measure(PlanMeasure::WorkAbility) => paths::PROGRESS_WORK_ABILITY.into(),
        AgendaLink::Measure(PlanMeasure::Events) => paths::PROGRESS_EVENTS.into(),
        AgendaLink::Measure(PlanMeasure::Falls) => paths::FALLS.into(),
        AgendaLink::Summary => paths::SUMMARY.into(),
        AgendaLink::PhasedReturn => paths::PHASED_RETURN.into(),
        AgendaLink::Workplace => paths::WORKPLACE.into(),
        AgendaLink::HomeRoom(room) => paths::room(room),
        AgendaLink::Settings => paths::SETTINGS_BACKUP.into(),
    }
}

fn day_words(kind: DayKind) -> &'static str {
    match kind {
        DayKind::Unwell => "a day when you are unwell",
        DayKind::Holiday => "a holiday",
        DayKind::Rest => "a rest day",
    }
}

/// What happened to an item, with the key to undo it.
#[derive(Clone, Debug, PartialEq)]
struct Done {
    text: String,
    undo: Option<String>,
}

/// The agenda: what is due today and soon, then the steps due today. On a day marked unwell,
/// on holiday or as a rest day, only the review is shown and the rest waits under a closed
/// "can wait" part.
#[component]
fn TodayAgenda() -> impl IntoView {
    let state = use_app_state();
    let agenda = Memo::new(move |_| state.data.with(|d| agenda(d, clock::now())));
    let outcome = RwSignal::new(None::<Done>);
    let items = Memo::new(move |_| {
        agenda.with(|a| {
            a.due
                .iter()
                .filter(|i| i.step.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let quiet = Memo::new(move |_| {
        agenda.with(|a| {
            a.quiet
                .iter()
                .filter(|i| i.step.is_none())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let done = Memo::new(move |_| {
        agenda.with(|a| {
            a.done
                .iter()
                .filter(|i| i.step.is_none())
                .map(|i| i.title.clone())
                .collect::<Vec<_>>()
        })
    });
    let steps = Signal::derive(move || agenda.with(|a| a.steps.clone()));
    let marked = Memo::new(move |_| agenda.with(|a| a.marked));
    let undo = move |_| {
        if let Some(key) = outcome.get_untracked().and_then(|o| o.undo) {
            let text = match state.dispatch(AgendaCommand::Restore { key }) {
                Ok(()) => "It is back on your list.".to_string(),
                Err(e) => e.to_string(),
            };
            outcome.set(Some(Done { text, undo: None }));
        }
    };
    notify_due(agenda);
    let rows = move |list: Memo<Vec<AgendaItem>>| {
        view! {
            <ul class="agenda-list">
                <For each=move || list.get() key=|i| i.key.clone() let:item>
                    <AgendaRow item outcome/>
                </For>
            </ul>
        }
    };
    view! {
        <section class="card agenda" aria-labelledby="agenda-heading">
            <h2 id="agenda-heading" tabindex="-1">"Due today and soon"</h2>
            {move || marked.get().map(|k| view! {
                <p>{format!("Today is marked as {}, so only your review is shown. Everything else can wait.", day_words(k))}</p>
            })}
            <Show when=move || !items.with(Vec::is_empty)
                fallback=move || view! {
                    <p>{move || if marked.get().is_some() {
                        "Nothing needs doing today."
                    } else {
                        "Nothing else is due today. Well done."
                    }}</p>
                }>
                {rows(items)}
            </Show>
            <div role="status" class="agenda-outcome">
                {move || outcome.get().map(|o| view! {
                    <p class="form-message">{o.text.clone()}
                        {o.undo.is_some().then(|| view! {
                            " "<button type="button" class="button button-small" on:click=undo>"Undo"</button>
                        })}
                    </p>
                })}
            </div>
            <Show when=move || !done.with(Vec::is_empty)>
                <h3>"Done today"</h3>
                <ul class="plain-list">
                    {move || done.get().into_iter().map(|t| view! { <li>{format!("Done: {t}")}</li> }).collect_view()}
                </ul>
            </Show>
            <Show when=move || marked.get().is_some()>
                <details class="agenda-quiet">
                    <summary>{move || format!("Things that can wait ({})", quiet.with(Vec::len) + steps.with(Vec::len))}</summary>
                    {rows(quiet)}
                    <crate::features::goals::TasksToday steps/>
                </details>
            </Show>
        </section>
        <Show when=move || marked.get().is_none()>
            <crate::features::goals::TasksToday steps/>
        </Show>
    }
}

/// One item: what, why, a link to where it is done, "Not today" and "Dismiss".
#[component]
fn AgendaRow(item: AgendaItem, outcome: RwSignal<Option<Done>>) -> impl IntoView {
    let state = use_app_state();
    let AgendaItem {
        key,
        kind,
        title,
        detail,
        action,
        link,
        ..
    } = item;
    let path = link_path(link);
    let in_page = path.starts_with('#');
    let put_off = {
        let (key, title) = (key.clone(), title.clone());
        move |_| {
            // Back tomorrow: checked date arithmetic, like every date rule in the domain.
            let until = crate::domain::dates::add_days(clock::today(), 1);
            let result = state.dispatch(AgendaCommand::PutOff {
                key: key.clone(),
                until,
            });
            outcome.set(Some(match result {
                Ok(()) => Done {
                    text: format!("Put off until tomorrow: {title}."),
                    undo: Some(key.clone()),
                },
                Err(e) => Done {
                    text: e.to_string(),
                    undo: None,
                },
            }));
            focus_later("#agenda-heading");
        }
    };
    let dismiss = {
        let (key, title) = (key.clone(), title.clone());
        move |_| {
            let result = state.dispatch(AgendaCommand::Dismiss { key: key.clone() });
            outcome.set(Some(match result {
                Ok(()) => Done {
                    text: format!("Dismissed: {title}."),
                    undo: Some(key.clone()),
                },
                Err(e) => Done {
                    text: e.to_string(),
                    undo: None,
                },
            }));
            focus_later("#agenda-heading");
        }
    };
    let tag = match kind {
        AgendaKind::Review => "Review",
        AgendaKind::Step => "Step",
        AgendaKind::Measure(_) => "From your OT's plan",
        AgendaKind::PhasedReturn => "Phased return",
        AgendaKind::Workplace => "Work",
        AgendaKind::HomeSafety => "Home safety",
        AgendaKind::Backup => "Backup",
    };
    let link_view = if in_page {
        view! {
            <a href=path class="button button-primary" on:click=move |ev| {
                ev.prevent_default();
                focus_later("#confidence-heading");
            }>{action}</a>
        }
        .into_any()
    } else {
        view! { <A href=path attr:class="button button-primary">{action}</A> }.into_any()
    };
    view! {
        <li class="agenda-item" data-key=key>
            <p class="agenda-title"><span class="tag">{tag}</span>" "{title.clone()}</p>
            <p class="hint">{detail}</p>
            <div class="button-row">
                {link_view}
                <button type="button" class="button" on:click=put_off
                    aria-label=format!("Not today: {title}")>"Not today"</button>
                <button type="button" class="button" on:click=dismiss
                    aria-label=format!("Dismiss: {title}")>"Dismiss"</button>
            </div>
        </li>
    }
}

/// While the app is open and the person has allowed it, show each due item (not the steps,
/// which are on the page anyway) once as a notification.
fn notify_due(agenda: Memo<crate::domain::agenda::Agenda>) {
    let shown = StoredValue::new(Vec::<String>::new());
    Effect::new(move |_| {
        let due: Vec<(String, String, String)> = agenda.with(|a| {
            a.due
                .iter()
                .filter(|i| i.step.is_none())
                .map(|i| (i.key.clone(), i.title.clone(), i.detail.clone()))
                .collect()
        });
        if !notify::allowed() {
            return;
        }
        for (key, title, body) in due {
            if shown.with_value(|s| s.contains(&key)) {
                continue;
            }
            notify::show(&title, &body, &key);
            shown.update_value(|s| s.push(key));
        }
    });
}

/// The calendar file, as text.
fn calendar_text() -> Option<String> {
    let state = use_app_state();
    let events = state
        .data
        .with_untracked(|d| reminder_events(d, clock::today()));
    (!events.is_empty()).then(|| write_calendar(&events, chrono::Utc::now().naive_utc()))
}

const NOTHING_TO_ADD: &str = "There is nothing to put in your calendar yet. Reminders come from your OT's plan (your review and the measures it asks for), your phased return, and a diary reminder time if you choose one.";

/// "Add reminders to my calendar" (a download, and the share sheet where there is one).
/// Used on Today and when a plan from the OT has just been added.
#[component]
pub fn CalendarButtons() -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let sample = [ShareFile {
        name: CALENDAR_FILE,
        text: "BEGIN:VCALENDAR",
        mime: "text/calendar",
    }];
    let can_share = share_files::can_share(&sample);
    let download = move |_| {
        message.set(Some(match calendar_text() {
            None => NOTHING_TO_ADD.into(),
            Some(text) => match files::download(CALENDAR_FILE, &text, "text/calendar") {
                Ok(()) => "Your reminders file is downloading. Open it, and your phone will offer to add the events to your calendar.".into(),
                Err(e) => e,
            },
        }));
    };
    let share = move |_| {
        let Some(text) = calendar_text() else {
            message.set(Some(NOTHING_TO_ADD.into()));
            return;
        };
        leptos::task::spawn_local(async move {
            let file = [ShareFile {
                name: CALENDAR_FILE,
                text: &text,
                mime: "text/calendar",
            }];
            message.set(Some(
                match share_files::share(&file, "Everyday reminders").await {
                    Ok(Shared::Done) => {
                        "Sent. Choose your calendar app to add the reminders.".into()
                    }
                    Ok(Shared::Cancelled) => "Not sent.".into(),
                    Err(e) => e,
                },
            ));
        });
    };
    view! {
        <div class="button-row">
            <button type="button" class="button button-primary" on:click=download>"Add reminders to my calendar"</button>
            <button type="button" class="button" hidden=!can_share on:click=share>"Send to my calendar app…"</button>
        </div>
        <FormMessage message/>
    }
}

/// Reminders: the calendar file, the daily diary reminder time, and notifications while the
/// app is open.
#[component]
fn Reminders() -> impl IntoView {
    let state = use_app_state();
    let time = RwSignal::new(state.data.with_untracked(|d| {
        d.settings
            .agenda
            .diary_reminder
            .map(time_text)
            .unwrap_or_default()
    }));
    let time_message = RwSignal::new(None::<String>);
    let save_time = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = time.get_untracked();
        let chosen = if text.trim().is_empty() {
            None
        } else {
            match form_time(&text) {
                Ok(t) => Some(t),
                Err(_) => return time_message.set(Some(
                    "Please enter a time such as 20:00, or leave it empty for no diary reminder."
                        .into(),
                )),
            }
        };
        time_message.set(Some(
            match state.dispatch(AgendaCommand::SetDiaryReminder(chosen)) {
                Ok(()) => match chosen {
                    Some(t) => format!(
                        "Saved: a diary reminder every day at {}. Add your reminders to your calendar again to include it.",
                        time_text(t)
                    ),
                    None => "Saved: no diary reminder.".into(),
                },
                Err(e) => e.to_string(),
            },
        ));
    };
    let can_notify = notify::available();
    let notify_on = RwSignal::new(notify::allowed());
    let notify_message = RwSignal::new(None::<String>);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let ok = notify::ask().await;
            notify_on.set(ok);
            notify_message.set(Some(if ok {
                "Done. While Everyday is open, things that are due will also show as notifications."
                    .into()
            } else {
                "Notifications are not allowed. That is fine: your calendar reminders still work."
                    .into()
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">"Reminders"</h2>
            <p>"Reminders that arrive when Everyday is closed come from your phone's own calendar. Add them here: your review, the measures your OT asked for and your phased return weeks, each with an alarm. If your plan changes, add them again: the events are updated, not copied."</p>
            <CalendarButtons/>
            <form on:submit=save_time class="reminder-time">
                <label class="field">
                    <span>"Daily diary reminder at (optional)"</span>
                    <input type="time" prop:value=move || time.get()
                        on:input=move |ev| time.set(event_target_value(&ev))/>
                </label>
                <p class="hint">"Leave it empty for no diary reminder."</p>
                <button type="submit" class="button">"Save the reminder time"</button>
                <FormMessage message=time_message/>
            </form>
            {can_notify.then(|| view! {
                <p>"Everyday can also show what is due as a notification, but only while it is open."</p>
                <button type="button" class="button" on:click=ask hidden=move || notify_on.get()>"Show notifications while Everyday is open"</button>
                <p hidden=move || !notify_on.get()>"Notifications are on while Everyday is open."</p>
                <FormMessage message=notify_message/>
            })}
        </section>
    }
}
