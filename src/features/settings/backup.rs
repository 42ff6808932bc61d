//! Settings > Backup and restore: download a backup, restore one (seeing what is in it first,
//! with an undo), and how safe the stored data is in this browser.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::PageHeading;
use crate::domain::backup::{
    backup_file_name, check_backup, days_since_backup, CheckedBackup, MAX_BACKUP_BYTES,
};
use crate::domain::dates::date_time;
use crate::domain::state::Command;
use crate::platform::persist::{self, Persistence};
use crate::platform::{clock, files};
use crate::state::{use_app_state, AppState};

/// `/settings/backup`.
#[component]
pub fn BackupPage() -> impl IntoView {
    view! {
        <PageHeading title="Backup and restore"/>
        {super::back_to_settings()}
        <BackupSection/>
        <RestoreSection/>
        <StorageSection/>
    }
}

/// "Last backed up 3 days ago, on ..." or "You have not made a backup yet."
pub(super) fn last_backup_words(state: AppState) -> String {
    state.data.with(
        |d| match (d.settings.last_backup, days_since_backup(d, clock::now())) {
            (Some(at), Some(days)) => {
                let ago = match days {
                    0 => "today".to_string(),
                    1 => "yesterday".to_string(),
                    n => format!("{n} days ago"),
                };
                format!("Last backed up {ago}, on {}.", date_time(at))
            }
            _ => "You have not made a backup yet.".to_string(),
        },
    )
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let last = move || last_backup_words(state);
    let download = move |_| {
        let now = clock::now();
        let text = state.backup_text();
        match files::download(&backup_file_name(now), &text, "application/json") {
            Ok(()) => {
                let _ = state.dispatch(Command::RecordBackup(now));
                message.set(Some("Your backup file is downloading. Keep it somewhere safe, such as your email or cloud storage.".into()));
            }
            Err(e) => message.set(Some(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Backup"</h2>
            <p>"Your records are only on this phone. A backup file lets you get them back if the phone is lost, reset or replaced."</p>
            <p class="backup-date">{last}</p>
            <Show when=move || !state.lock.on.get()>
                <button type="button" class="button button-primary" on:click=download>"Download a backup"</button>
            </Show>
            <p class="form-message" role="status">{move || message.get()}</p>
            <crate::features::lock::ProtectedBackupDownload/>
        </section>
    }
}

#[component]
fn RestoreSection() -> impl IntoView {
    let state = use_app_state();
    let checked = RwSignal::new(None::<CheckedBackup>);
    let protected = RwSignal::new(None::<Vec<u8>>);
    let message = RwSignal::new(None::<String>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        checked.set(None);
        protected.set(None);
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        message.set(Some("Checking the file…".into()));
        spawn_local(async move {
            let result = match files::read_bytes(file, MAX_BACKUP_BYTES).await {
                Ok(bytes) if crate::domain::lock::is_protected_backup(&bytes) => {
                    message.set(None);
                    protected.set(Some(bytes));
                    return;
                }
                Ok(bytes) => check_backup(&bytes).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            match result {
                Ok(backup) => {
                    message.set(None);
                    checked.set(Some(backup));
                }
                Err(e) => message.set(Some(format!("{e} Nothing has been changed."))),
            }
        });
    };
    let clear_input = move || {
        if let Some(input) = input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let confirm = move |_| {
        if let Some(backup) = checked.get_untracked() {
            // The warning about an earlier undo copy is shown whenever one is kept, so
            // confirming here is agreeing to replace it.
            let replace_earlier = state.can_undo_restore.get_untracked();
            match state.restore(backup, replace_earlier) {
                Ok(()) => message.set(Some("Your backup has been restored. Your previous data is kept: you can undo this below.".into())),
                Err(e) => message.set(Some(e.to_string())),
            }
        }
        checked.set(None);
        clear_input();
    };
    let cancel = move |_| {
        checked.set(None);
        clear_input();
        message.set(Some("Restore cancelled. Nothing has been changed.".into()));
    };
    let undo = move |_| {
        message.set(Some(match state.undo_restore() {
            Ok(()) => "The restore has been undone. Your data is as it was before.".into(),
            Err(e) => e.to_string(),
        }));
    };
    let keep = move |_| {
        message.set(Some(match state.keep_restored() {
            Ok(()) => "The restored data is kept.".into(),
            Err(e) => e.to_string(),
        }));
    };
    let download_earlier = move |_| {
        if let Some(text) = state.undo_copy_text() {
            let name = format!(
                "everyday-before-last-restore-{}.json",
                crate::domain::dates::iso_date(clock::today())
            );
            if let Err(e) = files::download(&name, &text, "application/json") {
                message.set(Some(e));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="restore-heading">
            <h2 id="restore-heading">"Restore from a backup"</h2>
            <p>"Choose a backup file made by Everyday. You will see what is in it before anything changes."</p>
            <label class="field">
                <span>"Backup file"</span>
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file/>
            </label>
            <p class="form-message" role="status">{move || message.get()}</p>
            {move || protected.get().map(|bytes| view! {
                <crate::features::lock::ProtectedRestore bytes=bytes on_open=Callback::new(move |b| {
                    protected.set(None);
                    checked.set(Some(b));
                })/>
            })}
            {move || checked.get().map(|backup| {
                let saved = backup
                    .saved_at
                    .map(|at| format!("This backup was made on {}.", date_time(at)))
                    .unwrap_or_else(|| "This backup has no date.".into());
                view! {
                    <div class="confirm-box" role="group" aria-labelledby="restore-confirm-heading">
                        <h3 id="restore-confirm-heading">"This backup contains"</h3>
                        <p>{saved}</p>
                        <ul class="plain-list">
                            {backup.contents.lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                        </ul>
                        <p><strong>"Restoring replaces everything now in the app with this backup."</strong>" What is there now is kept, so you can undo."</p>
                        <Show when=move || state.can_undo_restore.get()>
                            <div class="notice notice-warn">
                                <p><strong>"You restored a backup before, and the data you had before that restore is still kept so you can undo it."</strong></p>
                                <p>"If you restore again, that older copy is replaced by what is in the app now, and it can no longer be put back. To keep the older copy, download it first: it is a backup file you can restore later."</p>
                                <button type="button" class="button" on:click=download_earlier>"Download the data from before the last restore"</button>
                            </div>
                        </Show>
                        <div class="button-row">
                            <button type="button" class="button button-primary" on:click=confirm>"Replace my data with this backup"</button>
                            <button type="button" class="button" on:click=cancel>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || state.can_undo_restore.get()>
                <div class="confirm-box">
                    <h3>"Undo the last restore"</h3>
                    <p>"The data you had before the last restore is still kept on this phone."</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=undo>"Undo the restore"</button>
                        <button type="button" class="button" on:click=keep>"Keep the restored data"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = use_app_state();
    let persistence = RwSignal::new(None::<Persistence>);
    spawn_local(async move {
        persistence.set(Some(persist::request().await));
    });
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Keeping your data safe"</h2>
            <p>{move || {
                let u = state.usage.get();
                format!("Everyday is using {}% of the space this browser gives it.", u.percent())
            }}</p>
            <p>{move || match persistence.get() {
                None => "Checking whether this browser will keep your data…".to_string(),
                Some(Persistence::Granted) => "This browser has agreed to keep Everyday's data and not clear it on its own.".to_string(),
                Some(Persistence::NotGranted) => "This browser has not promised to keep Everyday's data: it might clear it if the phone runs short of space.".to_string(),
                Some(Persistence::Unsupported) => "This browser cannot say whether it will keep Everyday's data.".to_string(),
            }}</p>
            <p>"To protect your data, add Everyday to your home screen: in your browser's menu choose \"Add to Home screen\" or \"Install app\". And keep a recent backup."</p>
        </section>
    }
}
