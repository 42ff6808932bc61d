//! Messages about the person's data, at the top of every patient page: saving problems,
//! changes from another tab, and anything that could not be read at start.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::paths;
use crate::domain::dates::month_year;
use crate::state::{use_app_state, Notice};

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
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
            let items = problems
                .into_iter()
                .map(|p| {
                    let what = if p.part == "core" {
                        "Your goals, checklists and ratings".to_string()
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
                    view! { <li>{format!("{what} could not be read ({}).{after}", p.reason)}</li> }
                })
                .collect_view();
            view! {
                <div class="notice notice-warn" role="alert">
                    <p><strong>"Some of your saved data could not be read."</strong></p>
                    <ul>{items}</ul>
                    <p>
                        {if recovered {
                            "Nothing has been deleted: the unreadable data is kept aside. "
                        } else {
                            "Nothing has been deleted: the unreadable data is kept aside, and you can restore from a backup file. "
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
                        <A href=paths::SETTINGS>"Go to Settings"</A>
                    </p>
                </div>
            }
        })
    };
    view! {
        <div class="notices" role="status" aria-live="polite">{notice}</div>
        {problems}
        {nearly_full}
    }
}
