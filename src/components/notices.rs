//! Messages about the person's data, at the top of every patient page: a newer version in
//! another tab (read-only until reload), saving problems, changes from another tab, and
//! anything that could not be read at start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::paths;
use crate::domain::dates::month_year;
use crate::state::{use_app_state, Notice};
use crate::storage::engine::GOAL_PART_PREFIX;
use crate::storage::NEWER_VERSION_MESSAGE;

/// Why a part of the app is not there, in plain words (a page, the welcome's Start, unlocking).
pub const PART_MISSING: &str = "This part of Everyday has not been downloaded to this phone yet, \
    and it could not be downloaded now. Your records are safe.";

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let read_only = move || {
        state.read_only.get().then(|| {
            view! {
                <div class="notice notice-warn notice-read-only" role="alert">
                    <p><strong>"Please reload this page."</strong></p>
                    <p>{NEWER_VERSION_MESSAGE}</p>
                    <button type="button" class="button button-primary" on:click=move |_| {
                        let _ = window().location().reload();
                    }>"Reload the page"</button>
                </div>
            }
        })
    };
    let notice = move || {
        state.notice.get().map(|n| {
            let (class, text) = match n {
                Notice::NotSaved(msg) => ("notice notice-warn", msg),
                Notice::OtherTab => (
                    "notice notice-info",
                    "Changes made in another tab or window have been brought in here.".to_string(),
                ),
                Notice::Done(msg) => ("notice notice-ok", msg),
            };
            view! {
                <div class=class>
                    <p>{text}</p>
                    <button type="button" class="button button-small" on:click=move |_| state.notice.set(None)>
                        "OK"
                    </button>
                </div>
            }
        })
    };
    let problems = move || {
        let problems = state.problems.get();
        (!problems.is_empty()).then(|| {
            let recovered = problems.iter().all(|p| p.recovered_from_previous);
            let all_kept = problems.iter().all(|p| !p.kept_in_memory);
            let items = problems
                .into_iter()
                .map(|p| {
                    let what = if p.part == "core" {
                        "Your checklists, ratings and settings".to_string()
                    } else if p.part.starts_with(GOAL_PART_PREFIX) {
                        "One of your goals".to_string()
                    } else if let Some((year, month)) = p
                        .part
                        .strip_prefix("diary-")
                        .and_then(|m| m.split_once('-'))
                        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
                    {
                        format!("Your diary for {}", month_year(year, month))
                    } else {
                        "Some of the app's own records".to_string()
                    };
                    let after = if p.recovered_from_previous {
                        " We went back to the last good copy."
                    } else {
                        ""
                    };
                    // Say where the unreadable data is only where it really is.
                    let kept = if p.quarantine_key.is_some() {
                        " It is kept aside on this phone."
                    } else if p.kept_in_memory {
                        " There was no room to keep it aside on this phone, so it is only held while this page stays open: please download it now in Settings."
                    } else {
                        ""
                    };
                    view! { <li>{format!("{what} could not be read ({}).{after}{kept}", p.reason)}</li> }
                })
                .collect_view();
            view! {
                <div class="notice notice-warn" role="alert">
                    <p><strong>"Some of your saved data could not be read."</strong></p>
                    <ul>{items}</ul>
                    <p>
                        {match (all_kept, recovered) {
                            (true, true) => "Nothing has been deleted. ",
                            (true, false) => "Nothing has been deleted. You can restore from a backup file. ",
                            (false, _) => "Nothing has been deleted yet, but some of it could not be stored aside: download it before you close this page. ",
                        }}
                        <A href=paths::SETTINGS>"Open Settings to download it or restore a backup"</A>
                        "."
                    </p>
                    <button type="button" class="button button-small" on:click=move |_| state.dismiss_problems()>
                        "I understand"
                    </button>
                </div>
            }
        })
    };
    let nearly_full = move || {
        let usage = state.usage.get();
        usage.is_near_full().then(|| {
            view! {
                <div class="notice notice-warn">
                    <p>
                        {format!(
                            "Everyday has used {}% of the space this browser gives it. Please download a backup soon. ",
                            usage.percent()
                        )}
                        <A href=paths::SETTINGS_BACKUP>"Go to Backup and restore"</A>
                    </p>
                </div>
            }
        })
    };
    view! {
        {read_only}
        <div class="notices" role="status" aria-live="polite">{notice}</div>
        {problems}
        {nearly_full}
    }
}
