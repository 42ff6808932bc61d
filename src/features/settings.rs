//! Settings: a short home page (the person's name, data kept aside when there is any, and a
//! link to each section with a line saying how it is set), and a page per section: the OT
//! (start date and plans), the diary, backup and restore, and the lock. One thing per page, so
//! no page is a long scroll with large text on a phone.

mod backup;

pub use backup::BackupPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::error_summary::{ErrorSummary, FieldError, FieldErrors};
use crate::components::field::{FormMessage, TextField};
use crate::components::page::StatusLink;
use crate::domain::dates::{iso_date, long_date};
use crate::domain::state::Command;
use crate::platform::files;
use crate::state::{use_app_state, AppState};

/// The link back to the settings home, at the top of each section's page.
fn back_to_settings() -> impl IntoView {
    view! { <p><A href=paths::SETTINGS>"Back to Settings"</A></p> }
}

/// A section of Settings on the home page, with a line saying how it is set.
fn section(
    href: &'static str,
    name: &'static str,
    status: impl Fn(AppState) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app_state();
    let status = Signal::derive(move || status(state));
    view! { <StatusLink href name status/> }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    // Ask the browser to keep Everyday's data (as Settings always has; "Backup and restore"
    // asks again and shows the answer). Most browsers decide without asking the person.
    leptos::task::spawn_local(async {
        let _ = crate::platform::persist::request().await;
    });
    view! {
        <PageHeading title="Settings"/>
        <KeptAsideSection/>
        <NameSetting/>
        <section aria-labelledby="sections-heading">
            <h2 id="sections-heading">"More settings"</h2>
            <ul class="room-list">
                {section(paths::SETTINGS_OT, "Your OT", |s| s.data.with(|d| match d.settings.ot_start {
                    Some(date) => format!("You started seeing your OT on {}.", long_date(date)),
                    None => "Your start date and your OT's plans.".into(),
                }))}
                {section(paths::SETTINGS_DIARY, "Diary", |s| s.data.with(|d| d.settings.diary_words()))}
                {section(paths::SETTINGS_BACKUP, "Backup and restore", backup::last_backup_words)}
                {section(paths::SETTINGS_LOCK, "Lock Everyday", |s| if s.lock.on.get() {
                    "The lock is on.".into()
                } else {
                    "The lock is off.".into()
                })}
            </ul>
        </section>
    }
}

/// `/settings/ot`: when OT involvement started, and the OT's plans.
#[component]
pub fn OtSettingsPage() -> impl IntoView {
    view! {
        <PageHeading title="Your OT"/>
        {back_to_settings()}
        <OtStartSetting/>
        <section class="card" aria-labelledby="ot-plans-heading">
            <h2 id="ot-plans-heading">"Plans from your OT"</h2>
            <p><A href=paths::PLAN>"See your OT's plans, or add one from a file"</A></p>
        </section>
    }
}

/// `/settings/diary`: the ratings the diary asks for, and pacing.
#[component]
pub fn DiarySettingsPage() -> impl IntoView {
    view! {
        <PageHeading title="Diary settings"/>
        {back_to_settings()}
        <crate::features::diary::DiarySettings/>
    }
}

/// `/settings/lock`.
#[component]
pub fn LockSettingsPage() -> impl IntoView {
    view! {
        <PageHeading title="Lock Everyday"/>
        {back_to_settings()}
        <crate::features::lock::LockSection/>
    }
}

#[component]
fn NameSetting() -> impl IntoView {
    let state = use_app_state();
    let name = RwSignal::new(state.data.with_untracked(|d| d.settings.name.clone()));
    let message = RwSignal::new(None::<String>);
    let errors = FieldErrors::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match state.dispatch(Command::SetName(name.get_untracked())) {
            Ok(()) => {
                errors.clear();
                message.set(Some("Saved.".into()));
            }
            Err(e) => {
                message.set(None);
                errors.show(vec![FieldError::new("your-name", e.to_string())]);
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="name-heading">
            <h2 id="name-heading">"Your name"</h2>
            <form on:submit=save>
                <ErrorSummary errors/>
                <TextField id="your-name" label="Name or initials for your summary" value=name maxlength=80 autocomplete="name"
                    hint="Only used on summaries you choose to share." errors/>
                <button type="submit" class="button">"Save name"</button>
                <FormMessage message/>
            </form>
        </section>
    }
}

/// When OT involvement started, for the "before and since" figures on the Progress page.
#[component]
fn OtStartSetting() -> impl IntoView {
    let state = use_app_state();
    let date = RwSignal::new(
        state
            .data
            .with_untracked(|d| d.settings.ot_start.map(iso_date).unwrap_or_default()),
    );
    let message = RwSignal::new(None::<String>);
    let errors = FieldErrors::new();
    let problem = move |text: String| {
        message.set(None);
        errors.show(vec![FieldError::new("ot-start", text)]);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = date.get_untracked();
        let chosen = if text.trim().is_empty() {
            None
        } else {
            match text.trim().parse() {
                Ok(d) => Some(d),
                Err(_) => return problem("Enter a real date, for example 5 March 2026".into()),
            }
        };
        match state.dispatch(Command::SetOtStart(chosen)) {
            Ok(()) => {
                errors.clear();
                message.set(Some(match chosen {
                    Some(d) => format!("Saved: you started seeing your OT on {}.", long_date(d)),
                    None => "The date has been taken away.".into(),
                }));
            }
            Err(e) => problem(e.to_string()),
        }
    };
    view! {
            <form on:submit=save>
                <ErrorSummary errors/>
                <DateField id="ot-start" label="When did you start seeing your OT?" value=date any_day=true errors
                    hint="Used to compare GP appointments, sick days and fit notes before and since. Leave it empty if you have not started yet."/>
                <button type="submit" class="button">"Save date"</button>
                <FormMessage message/>
            </form>
    }
}

/// Data that could not be read: kept aside, downloadable, removable only after download.
#[component]
fn KeptAsideSection() -> impl IntoView {
    let state = use_app_state();
    let downloaded = RwSignal::new(Vec::<String>::new());
    let message = RwSignal::new(None::<String>);
    view! {
        <Show when=move || !state.quarantined.with(Vec::is_empty)>
            <section class="card" aria-labelledby="aside-heading">
                <h2 id="aside-heading">"Data kept aside"</h2>
                <p>"Everyday could not read this data, so it was not used and not deleted. You can download it to send to someone who can help, then restore your data from a backup."</p>
                <ul class="plain-list">
                    {move || state.quarantined.get().into_iter().map(|item| {
                        let key = item.key.clone();
                        let key_dl = key.clone();
                        let key_rm = key.clone();
                        let file = format!("everyday-unreadable-{}-{}.txt", item.part, item.stamp);
                        let label = if item.stored {
                            format!("Unreadable {} data ({} characters), kept aside on this phone", item.part, item.units)
                        } else {
                            format!("Unreadable {} data ({} characters). There was no room to keep it on this phone: it is only held while this page is open, so please download it now", item.part, item.units)
                        };
                        view! {
                            <li class="aside-item">
                                <span>{label}</span>
                                <div class="button-row">
                                    <button type="button" class="button button-small" on:click=move |_| {
                                        if let Some(text) = state.quarantined_text(&key_dl) {
                                            if files::download(&file, &text, "text/plain").is_ok() {
                                                downloaded.update(|d| d.push(key_dl.clone()));
                                            }
                                        }
                                    }>"Download it"</button>
                                    <Show when={
                                        let key = key.clone();
                                        move || downloaded.with(|d| d.contains(&key))
                                    }>
                                        <button type="button" class="button button-small" on:click={
                                            let key_rm = key_rm.clone();
                                            move |_| {
                                                if let Err(e) = state.discard_quarantined(&key_rm) {
                                                    message.set(Some(e.to_string()));
                                                }
                                            }
                                        }>{if item.stored { "Remove it from this phone" } else { "I have downloaded it: let it go" }}</button>
                                    </Show>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="form-message" role="status">{move || message.get()}</p>
            </section>
        </Show>
    }
}
