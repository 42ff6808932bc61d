//! Today: the first-run welcome, a quick confidence check-in and a gentle backup reminder.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{focus_main_heading, paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::rating_scale::RatingScale;
use crate::domain::backup::backup_is_due;
use crate::domain::dates::{iso_date, long_date, weekday_date};
use crate::domain::measures::form_date;
use crate::domain::state::Command;
use crate::platform::clock;
use crate::state::use_app_state;

#[component]
pub fn TodayPage() -> impl IntoView {
    let state = use_app_state();
    let welcome_done = Memo::new(move |_| state.data.with(|d| d.settings.welcome_done));
    view! {
        <Show when=move || welcome_done.get() fallback=Welcome>
            <PageHeading title="Today"/>
            <p class="lead">{move || weekday_date(clock::today())}</p>
            <BackupReminder/>
            <ConfidenceCheckIn/>
            <crate::features::goals::TasksToday/>
            <p><A href=paths::SUMMARY>"Make a summary for your OT"</A></p>
        </Show>
    }
}

/// The first-run welcome: what the app is, that data stays here, and how to back it up.
#[component]
fn Welcome() -> impl IntoView {
    let state = use_app_state();
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
        <button type="button" class="button button-primary button-wide" on:click=move |_| {
            let _ = state.dispatch(Command::FinishWelcome);
            focus_main_heading();
        }>"Start using Everyday"</button>
    }
}

#[component]
fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let due = Memo::new(move |_| state.data.with(|d| backup_is_due(d, clock::now())));
    view! {
        <Show when=move || due.get()>
            <div class="card card-nudge">
                <p>"It has been a while since your last backup. A backup keeps your records safe if this phone is lost or reset."</p>
                <A href=paths::SETTINGS>"Make a backup in Settings"</A>
            </div>
        </Show>
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
            <h2 id="confidence-heading">"Quick check-in"</h2>
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
