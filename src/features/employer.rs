//! The employer's read-only view of a shared workplace plan. The plan travels in the link's
//! fragment (or a file holding the link); this page never shows anything stored on this
//! device. The same HTML is the person's preview, so they see exactly what the employer sees.

use leptos::prelude::*;

use crate::app::PageHeading;
use crate::components::html::{html_push, Html};
use crate::domain::checklists::{AdviceKind, ItemStatus};
use crate::domain::dates::long_date;
use crate::domain::share::{
    decode_plan, employer_next_steps, fragment_in, read_fragment, review_words, sender, Fragment,
    ShareError, ShareKind, SharedPlan,
};
use crate::platform::share::{current_fragment, open_fragment, print};

/// The shared plan as HTML. `h` is the level of its section headings (2 on the employer's page,
/// 3 inside the person's preview). Everything from the plan goes in as escaped text.
pub fn plan_html(plan: &SharedPlan, h: u8) -> Html {
    let who = sender(plan);
    let mut s = Html::new();
    html_push!(
        s,
        "<p class=\"plan-meta\">Workplace plan from <strong>",
        who,
        "</strong>, sent on <strong>",
        long_date(plan.shared),
        "</strong>.</p>"
    );
    if plan.is_empty() {
        s.markup("<p>Nothing was chosen to share.</p>");
        return s;
    }
    html_push!(
        s,
        "<section class=\"plan-part plan-next\"><h",
        h,
        ">What you are asked to do</h",
        h,
        "><ol class=\"next-steps\">"
    );
    for step in employer_next_steps(plan) {
        html_push!(s, "<li>", step, "</li>");
    }
    html_push!(
        s,
        "</ol><p class=\"plan-review\"><strong>",
        review_words(plan),
        "</strong></p></section>"
    );
    let period = plan.from.is_some() || plan.to.is_some() || plan.review.is_some();
    if period || !plan.advice.is_empty() {
        html_push!(
            s,
            "<section class=\"plan-part\"><h",
            h,
            ">The plan</h",
            h,
            "><dl class=\"plan-facts\">"
        );
        for (term, date) in [
            ("From", plan.from),
            ("Until", plan.to),
            ("Review date", plan.review),
        ] {
            if let Some(date) = date {
                html_push!(
                    s,
                    "<div><dt>",
                    term,
                    "</dt><dd>",
                    long_date(date),
                    "</dd></div>"
                );
            }
        }
        if !plan.advice.is_empty() {
            s.markup("<div><dt>Kinds of advice</dt><dd><ul class=\"plain-list\">");
            for k in &plan.advice {
                html_push!(s, "<li>", k.label(), "</li>");
            }
            s.markup("</ul></dd></div>");
        }
        s.markup("</dl></section>");
    }
    if !plan.adjustments.is_empty() {
        html_push!(
            s,
            "<section class=\"plan-part\"><h",
            h,
            ">Adjustments</h",
            h,
            "><ul class=\"plan-items\">"
        );
        for a in &plan.adjustments {
            s.markup(if a.status == ItemStatus::Suggested {
                "<li class=\"plan-item plan-item-suggested\">"
            } else {
                "<li class=\"plan-item\">"
            });
            html_push!(
                s,
                "<p class=\"plan-item-text\">",
                a.text,
                "</p><p><strong class=\"plan-status\">",
                a.status.label_for_employer(),
                "</strong></p><p>",
                a.kind.label(),
                " · ",
                a.owner.label_for_employer(),
                " acts on it</p>"
            );
            if let Some(since) = a.since {
                html_push!(
                    s,
                    "<p>",
                    a.status.since_words(),
                    " ",
                    long_date(since),
                    "</p>"
                );
            }
            if let Some(review) = a.review {
                html_push!(s, "<p>Review by ", long_date(review), "</p>");
            }
            if !a.note.is_empty() {
                html_push!(s, "<p>Note: ", a.note, "</p>");
            }
            s.markup("</li>");
        }
        s.markup("</ul></section>");
    }
    if !plan.phased_return.is_empty() {
        html_push!(
            s,
            "<section class=\"plan-part\"><h",
            h,
            ">",
            AdviceKind::PhasedReturn.label(),
            "</h",
            h,
            "><table class=\"plan-table stack-table\"><caption>Hours week by week</caption><thead><tr><th scope=\"col\">Week</th><th scope=\"col\">Starts</th><th scope=\"col\">Hours</th><th scope=\"col\">Days</th></tr></thead><tbody>"
        );
        for (i, w) in plan.phased_return.iter().enumerate() {
            html_push!(
                s,
                "<tr><th scope=\"row\">Week ",
                i + 1,
                "</th><td data-label=\"Starts\">",
                long_date(w.starts),
                "</td><td data-label=\"Hours\">",
                w.week_hours(),
                "</td><td data-label=\"Days\">",
                w.days,
                "</td></tr>"
            );
        }
        s.markup("</tbody></table></section>");
    }
    if !plan.difficulties.is_empty() {
        html_push!(
            s,
            "<section class=\"plan-part\"><h",
            h,
            ">Difficulties at work and what would help</h",
            h,
            "><table class=\"plan-table stack-table\"><caption>What is difficult at work, and what is recommended</caption><thead><tr><th scope=\"col\">Difficulty reported</th><th scope=\"col\">What would help, or a goal</th></tr></thead><tbody>"
        );
        for d in &plan.difficulties {
            html_push!(
                s,
                "<tr><td data-label=\"Difficulty reported\">",
                d.difficulty,
                "</td><td data-label=\"What would help, or a goal\">",
                d.recommendation,
                "</td></tr>"
            );
        }
        s.markup("</tbody></table></section>");
    }
    if let Some(w) = &plan.wellness {
        html_push!(
            s,
            "<section class=\"plan-part\"><h",
            h,
            ">Wellness Action Plan</h",
            h,
            "><dl class=\"plan-facts\">"
        );
        for (q, a) in [
            ("What keeps me well at work", &w.keeps_me_well),
            ("Early warning signs and triggers", &w.warning_signs),
            ("How it may affect my work", &w.effect_on_work),
            (
                "Support I would like from my manager",
                &w.support_from_manager,
            ),
        ] {
            if !a.is_empty() {
                html_push!(s, "<div><dt>", q, "</dt><dd>", a, "</dd></div>");
            }
        }
        if let Some(r) = w.review {
            html_push!(
                s,
                "<div><dt>We will review it on</dt><dd>",
                long_date(r),
                "</dd></div>"
            );
        }
        s.markup("</dl></section>");
    }
    html_push!(
        s,
        "<p class=\"plan-foot\">This plan holds only what ",
        who,
        " chose to share from the Everyday app. It is not a fit note.</p>"
    );
    s
}

/// What the page is showing.
#[derive(Clone)]
enum Shown {
    Nothing,
    Problem(String),
    /// Waiting for the passphrase (with a message after a wrong one).
    Passphrase(Fragment, Option<String>),
    Opening,
    Plan(SharedPlan),
}

/// Read a fragment: a plain plan opens at once; a protected one asks for the passphrase.
async fn open(text: String) -> Shown {
    if text.trim().is_empty() {
        return Shown::Nothing;
    }
    match read_fragment(&text) {
        // Another kind of link (an OT's plan for the patient) is not for this page.
        Ok(f) if f.kind != ShareKind::WorkplacePlan => {
            Shown::Problem(ShareError::WrongKind.to_string())
        }
        Ok(f) if f.protected => Shown::Passphrase(f, None),
        Ok(f) => unlock(f, None).await,
        Err(e) => Shown::Problem(e.to_string()),
    }
}

/// Decrypt (when protected), decompress and check the plan.
async fn unlock(fragment: Fragment, passphrase: Option<String>) -> Shown {
    let result = match open_fragment(&fragment, passphrase.as_deref()).await {
        Ok(json) => decode_plan(&json),
        Err(e) => Err(e),
    };
    match result {
        Ok(plan) => Shown::Plan(plan),
        Err(ShareError::WrongPassphrase) => {
            Shown::Passphrase(fragment, Some(ShareError::WrongPassphrase.to_string()))
        }
        Err(e) => Shown::Problem(e.to_string()),
    }
}

#[component]
pub fn EmployerPage() -> impl IntoView {
    let shown = RwSignal::new(Shown::Opening);
    let load = move |text: String| {
        shown.set(Shown::Opening);
        leptos::task::spawn_local(async move {
            shown.set(open(text).await);
        });
    };
    load(current_fragment());
    // A second link pasted into the same tab.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| load(current_fragment()));
    on_cleanup(move || handle.remove());
    let passphrase = RwSignal::new(String::new());
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        shown.set(Shown::Opening);
        leptos::task::spawn_local(async move {
            match crate::platform::files::read_bytes(file, 1024 * 1024).await {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    shown.set(open(fragment_in(&text).to_string()).await);
                }
                Err(e) => shown.set(Shown::Problem(e)),
            }
        });
    };
    let body = move || {
        match shown.get() {
        Shown::Nothing => view! {
            <p class="lead">"When an employee shares their workplace plan with you, open the link they send and the plan shows here: the agreed adjustments, the phased return and the review date."</p>
            <section class="card">
                <h2>"Open a plan file"</h2>
                <p>"If you were sent a plan as a file, choose it here. The plan is read on this computer and never sent to any server."</p>
                <label class="field"><span>"Plan file"</span>
                    <input type="file" accept=".html,.htm,.txt" on:change=on_file/>
                </label>
            </section>
        }
        .into_any(),
        Shown::Problem(message) => view! {
            <div class="card card-nudge" role="alert"><h2>"This plan cannot be opened"</h2><p>{message}</p></div>
        }
        .into_any(),
        Shown::Opening => view! { <p role="status">"Opening the plan…"</p> }.into_any(),
        Shown::Passphrase(fragment, message) => {
            let submit = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let fragment = fragment.clone();
                let p = passphrase.get_untracked();
                shown.set(Shown::Opening);
                leptos::task::spawn_local(async move {
                    shown.set(unlock(fragment, Some(p)).await);
                });
            };
            view! {
                <form class="card" on:submit=submit>
                    <h2>"This plan is protected"</h2>
                    <p>"The person who shared it will have told you the passphrase separately, for example by phone."</p>
                    {message.map(|m| view! { <p class="form-message" role="alert">{m}</p> })}
                    <label class="field"><span>"Passphrase"</span>
                        <input type="password" autocomplete="off" prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="button button-primary">"Open the plan"</button>
                </form>
            }
            .into_any()
        }
        Shown::Plan(plan) => view! {
            <div class="plan-doc" inner_html=plan_html(&plan, 2).into_string()></div>
            <p><button type="button" class="button" on:click=move |_| print()>"Print this plan"</button></p>
        }
        .into_any(),
    }
    };
    // With a link, what the page is says so at once: index.html shows the same words while
    // the program downloads (e2e/split.spec.mjs checks they match).
    let from_link = move || shown.with(|s| !matches!(s, Shown::Nothing));
    view! {
        <PageHeading title="Shared workplace plan"/>
        <Show when=from_link>
            <p class="lead">{SHARED_LEAD}</p>
        </Show>
        {body}
    }
}

/// Above a plan opened from a link (and in index.html while the page downloads).
pub const SHARED_LEAD: &str = "An employee has shared this plan with you. It opens on this device \
    only and is not sent to any server.";

/// The employer's page as a program of its own (`src/bin/employer.rs`): the role's frame and the page,
/// with nothing of the patient's app.
#[component]
pub fn EmployerApp() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <crate::routes::layouts::RoleFrame role="Workplace plan">
            <EmployerPage/>
        </crate::routes::layouts::RoleFrame>
    }
}
