//! The passcode lock's screens: the unlock screen (shown instead of the app while locked), the
//! idle lock, the "Lock Everyday" page of Settings, and passphrase-protected backups.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::field::FormMessage;
use crate::domain::backup::{backup_file_name, check_backup, CheckedBackup};
use crate::domain::lock::{check_passcode, CryptoError, IDLE_CHOICES};
use crate::domain::share::check_passphrase;
use crate::domain::state::Command;
use crate::platform::{clock, crypto, files, focus::focus_later};
use crate::state::use_app_state;

/// The app, or the unlock screen while the passcode is needed. Also locks again when unused.
#[component]
pub fn LockGate(children: ChildrenFn) -> impl IntoView {
    let state = use_app_state();
    let children = StoredValue::new(children);
    view! {
        <Show when=move || !state.lock.locked.get() fallback=|| view! { <UnlockScreen/> }>
            {children.with_value(|c| c())}
            <IdleLock/>
        </Show>
    }
}

/// Lock after the chosen time without a tap or key, and when the app comes back after being
/// hidden for longer than that.
#[component]
fn IdleLock() -> impl IntoView {
    let state = use_app_state();
    let last = StoredValue::new(clock::stamp_ms());
    let hidden_at = StoredValue::new(None::<u64>);
    let idle_ms = move || u64::from(state.lock.idle_minutes.get_untracked()) * 60_000;
    let touch = move || last.set_value(clock::stamp_ms());
    let handles = [
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::keydown, move |_| touch()),
    ];
    let visibility = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = document().hidden();
        let now = clock::stamp_ms();
        if hidden {
            hidden_at.set_value(Some(now));
        } else if let Some(at) = hidden_at.get_value() {
            hidden_at.set_value(None);
            if state.lock.on.get_untracked() && now.saturating_sub(at) >= idle_ms() {
                state.lock_now();
            } else {
                touch();
            }
        }
    });
    let timer = set_interval_with_handle(
        move || {
            if state.lock.on.get_untracked()
                && clock::stamp_ms().saturating_sub(last.get_value()) >= idle_ms()
            {
                state.lock_now();
            }
        },
        std::time::Duration::from_secs(5),
    )
    .ok();
    on_cleanup(move || {
        for h in handles {
            h.remove();
        }
        visibility.remove();
        if let Some(t) = timer {
            t.clear();
        }
    });
}

/// One large field and an Unlock button; a wrong passcode gets a plain message, and wrong tries
/// are slowed down.
#[component]
fn UnlockScreen() -> impl IntoView {
    let state = use_app_state();
    let passcode = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let forgot = RwSignal::new(0u8);
    Effect::new(move |_| {
        document().set_title("Unlock – Everyday");
    });
    focus_later("#unlock-passcode");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if state.lock.busy.get_untracked() {
            return;
        }
        let code = passcode.get_untracked();
        if code.is_empty() {
            message.set(Some("Please type your passcode.".into()));
            return;
        }
        message.set(Some("Checking…".into()));
        spawn_local(async move {
            match state.unlock(&code).await {
                Ok(()) => {
                    passcode.set(String::new());
                    message.set(None);
                }
                Err(e) => {
                    message.set(Some(e));
                    focus_later("#unlock-passcode");
                }
            }
        });
    };
    view! {
        <main id="main" class="unlock">
            <h1 tabindex="-1">"Everyday is locked"</h1>
            <form class="card unlock-form" on:submit=submit>
                <label class="field">
                    <span>"Your passcode"</span>
                    <input id="unlock-passcode" class="unlock-input" type="password"
                        autocomplete="current-password" autocapitalize="off" spellcheck="false"
                        prop:value=move || passcode.get()
                        on:input=move |ev| passcode.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button button-primary unlock-button"
                    disabled=move || state.lock.busy.get()>"Unlock"</button>
                <p class="form-message" role="alert">{move || message.get()}</p>
            </form>
            <section class="card" aria-labelledby="forgot-heading">
                <h2 id="forgot-heading">"Forgotten your passcode?"</h2>
                <p>"A forgotten passcode cannot be recovered, by you or by anyone else. You can start again, which removes everything Everyday keeps on this phone. Your records can then come back only from a backup file."</p>
                {move || match forgot.get() {
                    0 => view! {
                        <button type="button" class="button" on:click=move |_| forgot.set(1)>"Start again"</button>
                    }.into_any(),
                    1 => view! {
                        <div role="alert">
                            <p><strong>"This removes all your goals, diary, ratings, checklists and plans from this phone."</strong>" They can be brought back only from a backup file."</p>
                            <button type="button" class="button" on:click=move |_| forgot.set(2)>"Yes, remove everything"</button>
                            <button type="button" class="button" on:click=move |_| forgot.set(0)>"No, keep it locked"</button>
                        </div>
                    }.into_any(),
                    _ => view! {
                        <div role="alert">
                            <p><strong>"Are you sure? This cannot be undone."</strong></p>
                            <button type="button" class="button button-danger" on:click=move |_| state.start_again()>"Remove everything and start again"</button>
                            <button type="button" class="button" on:click=move |_| forgot.set(0)>"No, keep it locked"</button>
                        </div>
                    }.into_any(),
                }}
            </section>
        </main>
    }
}

/// A labelled field for a passcode or passphrase (typed characters hidden).
#[component]
fn SecretField(
    label: &'static str,
    value: RwSignal<String>,
    /// The element id (for tests and focus).
    id: &'static str,
    /// "new-password" or "current-password", for password managers.
    autocomplete: &'static str,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            {(!hint.is_empty()).then(|| view! { <span class="hint">{hint}</span> })}
            <input id=id type="password" autocomplete=autocomplete autocapitalize="off" spellcheck="false"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}

fn idle_label(minutes: u32) -> String {
    match minutes {
        1 => "1 minute".into(),
        60 => "1 hour".into(),
        m => format!("{m} minutes"),
    }
}

/// The idle time choice.
#[component]
fn IdleChoice(value: RwSignal<u32>) -> impl IntoView {
    let mut choices = IDLE_CHOICES;
    choices.sort_unstable();
    view! {
        <label class="field">
            <span>"Lock again after this long without use"</span>
            <select on:change=move |ev| {
                if let Ok(m) = event_target_value(&ev).parse() {
                    value.set(m);
                }
            }>
                {choices.into_iter().map(|m| view! {
                    <option value=m.to_string() selected=move || value.get() == m>{idle_label(m)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The body of Settings > Lock Everyday: turn on with a passcode, or (when on) lock now, change
/// the passcode, the idle time, or turn it off.
#[component]
pub fn LockSection() -> impl IntoView {
    let state = use_app_state();
    // Kept here, so the message stays when the page changes between on and off.
    let message = RwSignal::new(None::<String>);
    view! {
        {move || if state.lock.on.get() {
            view! { <LockOnSettings message=message/> }.into_any()
        } else {
            view! { <LockOffSettings message=message/> }.into_any()
        }}
        <FormMessage message=message/>
    }
}

#[component]
fn LockOffSettings(message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let code = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let idle = RwSignal::new(IDLE_CHOICES[0]);
    let backup = move |_| {
        let now = clock::now();
        match files::download(
            &backup_file_name(now),
            &state.backup_text(),
            "application/json",
        ) {
            Ok(()) => {
                let _ = state.dispatch(Command::RecordBackup(now));
                message.set(Some("Your backup file is downloading.".into()));
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = code.get_untracked();
        if let Err(e) = check_passcode(&c) {
            message.set(Some(e));
            return;
        }
        if c != again.get_untracked() {
            message.set(Some(
                "The two passcodes are not the same. Please type them again.".into(),
            ));
            return;
        }
        message.set(Some(
            "Locking your data… please keep this page open.".into(),
        ));
        spawn_local(async move {
            match state.turn_lock_on(&c, idle.get_untracked()).await {
                Ok(()) => {
                    code.set(String::new());
                    again.set(String::new());
                    message.set(Some(
                        "The lock is on. Everyday will ask for your passcode when it opens.".into(),
                    ));
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <p>"With the lock on, Everyday asks for a passcode when it opens. Your records are stored scrambled (encrypted). Someone who picks up this phone, or copies its files, cannot read them."</p>
        <p>"The lock does not stop someone who knows your passcode. It does not help while Everyday is open and unlocked. It does not stop harmful apps on the phone."</p>
        <p><strong>"If you forget the passcode, nobody can get your records back."</strong>" The only way back is a backup file, so please download a backup first."</p>
        <button type="button" class="button" on:click=backup>"Download a backup first"</button>
        <form on:submit=submit>
            <SecretField label="Choose a passcode" value=code id="lock-new" autocomplete="new-password" hint="A PIN of at least 6 numbers, or a passphrase of at least 8 letters, for example three words."/>
            <SecretField label="Type it again" value=again id="lock-again" autocomplete="new-password"/>
            <IdleChoice value=idle/>
            <button type="submit" class="button button-primary" disabled=move || state.lock.busy.get()>"Turn on the lock"</button>
        </form>
    }
}

#[component]
fn LockOnSettings(message: RwSignal<Option<String>>) -> impl IntoView {
    let state = use_app_state();
    let idle = RwSignal::new(state.lock.idle_minutes.get_untracked());
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let off_code = RwSignal::new(String::new());
    Effect::new(move |prev: Option<u32>| {
        let m = idle.get();
        if prev.is_some_and(|p| p != m) {
            message.set(Some(match state.set_idle_minutes(m) {
                Ok(()) => format!("Everyday will lock after {} without use.", idle_label(m)),
                Err(e) => e,
            }));
        }
        m
    });
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (o, n) = (old.get_untracked(), new.get_untracked());
        message.set(Some("Changing your passcode…".into()));
        spawn_local(async move {
            match state.change_passcode(&o, &n).await {
                Ok(()) => {
                    old.set(String::new());
                    new.set(String::new());
                    message.set(Some("Your passcode is changed.".into()));
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    let off = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = off_code.get_untracked();
        message.set(Some(
            "Removing the lock… please keep this page open.".into(),
        ));
        spawn_local(async move {
            match state.turn_lock_off(&c).await {
                Ok(()) => message.set(Some(
                    "The lock is off. Your records are stored without a passcode.".into(),
                )),
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <p>"The lock is on: your records are stored encrypted and Everyday asks for your passcode when it opens."</p>
        <button type="button" class="button" on:click=move |_| { state.lock_now(); }>"Lock now"</button>
        <IdleChoice value=idle/>
        <form on:submit=change>
            <h3>"Change your passcode"</h3>
            <SecretField label="Current passcode" value=old id="lock-old" autocomplete="current-password"/>
            <SecretField label="New passcode" value=new id="lock-change-new" autocomplete="new-password" hint="A PIN of at least 6 numbers, or at least 8 letters."/>
            <button type="submit" class="button" disabled=move || state.lock.busy.get()>"Change passcode"</button>
        </form>
        <form on:submit=off>
            <h3>"Remove the lock"</h3>
            <p>"Your records will be stored without a passcode again."</p>
            <SecretField label="Your passcode" value=off_code id="lock-off" autocomplete="current-password"/>
            <button type="submit" class="button" disabled=move || state.lock.busy.get()>"Remove the lock"</button>
        </form>
    }
}

/// Download a backup protected with a passphrase (the only kind offered while the lock is on).
#[component]
pub fn ProtectedBackupDownload() -> impl IntoView {
    let state = use_app_state();
    let phrase = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = phrase.get_untracked();
        if let Err(e) = check_passphrase(&p) {
            message.set(Some(e));
            return;
        }
        let text = state.backup_text();
        message.set(Some("Protecting your backup…".into()));
        spawn_local(async move {
            let now = clock::now();
            let result = match crypto::protect_backup(&text, &p).await {
                Ok(file) => files::download(&backup_file_name(now), &file, "application/json"),
                Err(e) => Err(e.to_string()),
            };
            match result {
                Ok(()) => {
                    let _ = state.dispatch(Command::RecordBackup(now));
                    phrase.set(String::new());
                    message.set(Some("Your protected backup is downloading. You will need the passphrase to restore it: a forgotten passphrase cannot be recovered.".into()));
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <form on:submit=submit>
            <label class="field">
                <span>{move || if state.lock.on.get() { "Passphrase for the backup (needed while the lock is on)" } else { "Passphrase for the backup (optional)" }}</span>
                <span class="hint">"At least 8 letters, for example three words. You will need it to restore."</span>
                <input id="backup-passphrase" type="password" autocomplete="new-password" autocapitalize="off"
                    prop:value=move || phrase.get() on:input=move |ev| phrase.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="button">"Download a protected backup"</button>
            <FormMessage message=message/>
        </form>
    }
}

/// Ask for the passphrase of a protected backup file, then hand on the checked backup.
#[component]
pub fn ProtectedRestore(bytes: Vec<u8>, on_open: Callback<CheckedBackup>) -> impl IntoView {
    let bytes = StoredValue::new(bytes);
    let phrase = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    focus_later("#restore-passphrase");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = phrase.get_untracked();
        let b = bytes.get_value();
        message.set(Some("Opening the backup…".into()));
        spawn_local(async move {
            let result = match crypto::open_backup(&b, &p).await {
                Ok(inner) => check_backup(&inner).map_err(|e| format!("{e} Nothing has been changed.")),
                Err(CryptoError::WrongKey) => Err("That passphrase does not open this backup. Please check it (capital letters count) and try again. If it is right, the file may have been changed or damaged: try another copy. Nothing has been changed.".into()),
                Err(CryptoError::Damaged) | Err(CryptoError::TooLong) => Err("This backup file is damaged, so it cannot be opened. Nothing has been changed. Please try another copy of it.".into()),
                Err(e) => Err(format!("{e} Nothing has been changed.")),
            };
            match result {
                Ok(backup) => {
                    message.set(None);
                    on_open.run(backup);
                }
                Err(e) => message.set(Some(e)),
            }
        });
    };
    view! {
        <form class="card-nudge" on:submit=submit>
            <p>"This backup is protected with a passphrase."</p>
            <SecretField label="The backup's passphrase" value=phrase id="restore-passphrase" autocomplete="off"/>
            <button type="submit" class="button button-primary">"Open the backup"</button>
            <p class="form-message" role="alert">{move || message.get()}</p>
        </form>
    }
}
