//! The employer's read-only view of a shared workplace plan. The plan travels in the link's
//! fragment (or a file holding the link); this page never shows anything stored on this
//! device. The same HTML is the person's preview, so they see exactly what the employer sees.

use std::fmt::Write;

use leptos::prelude::*;

use crate::app::PageHeading;
use crate::components::html::esc;
use crate::domain::dates::long_date;
use crate::domain::share::{
    decode_plan, fragment_in, read_fragment, Fragment, ShareError, ShareKind, SharedPlan,
};
use crate::platform::share::{current_fragment, open_fragment, print};

/// The shared plan as HTML. `h` is the level of its section headings (2 on the employer's page,
/// 3 inside the person's preview). Everything from the plan is escaped.
pub fn plan_html(plan: &SharedPlan, h: u8) -> String {
    let who = if plan.name.is_empty() {
        "the employee".to_string()
    } else {
        esc(&plan.name)
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<p class="plan-meta">Workplace plan for {who}, shared on <strong>{}</strong>.</p>"#,
        long_date(plan.shared)
    );
    if plan.is_empty() {
        s.push_str("<p>Nothing was chosen to share.</p>");
        return s;
    }
    let period = plan.from.is_some() || plan.to.is_some() || plan.review.is_some();
    if period || !plan.advice.is_empty() {
        let _ = write!(
            s,
            r#"<section class="plan-part"><h{h}>The plan</h{h}><dl class="plan-facts">"#
        );
        if let Some(from) = plan.from {
            let _ = write!(s, "<div><dt>From</dt><dd>{}</dd></div>", long_date(from));
        }
        if let Some(to) = plan.to {
            let _ = write!(s, "<div><dt>Until</dt><dd>{}</dd></div>", long_date(to));
        }
        if let Some(review) = plan.review {
            let _ = write!(
                s,
                "<div><dt>Review date</dt><dd>{}</dd></div>",
                long_date(review)
            );
        }
        if !plan.advice.is_empty() {
            s.push_str("<div><dt>Kinds of advice</dt><dd><ul class=\"plain-list\">");
            for k in &plan.advice {
                let _ = write!(s, "<li>{}</li>", k.label());
            }
            s.push_str("</ul></dd></div>");
        }
        s.push_str("</dl></section>");
    }
    if !plan.adjustments.is_empty() {
        let _ = write!(
            s,
            r#"<section class="plan-part"><h{h}>Adjustments</h{h}><ul class="plan-items">"#
        );
        for a in &plan.adjustments {
            let _ = write!(
                s,
                r#"<li class="plan-item"><p class="plan-item-text">{}</p><p>{} · <strong>{}</strong> · {} acts on it</p>"#,
                esc(&a.text),
                a.kind.label(),
                a.status.label(),
                a.owner.label_for_employer()
            );
            if let Some(since) = a.since {
                let _ = write!(s, "<p>{} {}</p>", a.status.since_words(), long_date(since));
            }
            if let Some(review) = a.review {
                let _ = write!(s, "<p>Review by {}</p>", long_date(review));
            }
            if !a.note.is_empty() {
                let _ = write!(s, "<p>Note: {}</p>", esc(&a.note));
            }
            s.push_str("</li>");
        }
        s.push_str("</ul></section>");
    }
    if !plan.phased_return.is_empty() {
        let _ = write!(
            s,
            r#"<section class="plan-part"><h{h}>Phased return</h{h}><table class="plan-table"><caption>Hours week by week</caption><thead><tr><th scope="col">Week</th><th scope="col">Starts</th><th scope="col">Hours</th><th scope="col">Days</th></tr></thead><tbody>"#
        );
        for (i, w) in plan.phased_return.iter().enumerate() {
            let _ = write!(
                s,
                r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                i + 1,
                long_date(w.starts),
                w.hours,
                w.days
            );
        }
        s.push_str("</tbody></table></section>");
    }
    if !plan.difficulties.is_empty() {
        let _ = write!(
            s,
            r#"<section class="plan-part"><h{h}>Difficulties and recommendations</h{h}><table class="plan-table"><caption>What is difficult at work, and what is recommended</caption><thead><tr><th scope="col">Difficulty reported</th><th scope="col">Recommendation or goal</th></tr></thead><tbody>"#
        );
        for d in &plan.difficulties {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}</td></tr>",
                esc(&d.difficulty),
                esc(&d.recommendation)
            );
        }
        s.push_str("</tbody></table></section>");
    }
    if let Some(w) = &plan.wellness {
        let _ = write!(
            s,
            r#"<section class="plan-part"><h{h}>Wellness Action Plan</h{h}><dl class="plan-facts">"#
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
                let _ = write!(s, "<div><dt>{q}</dt><dd>{}</dd></div>", esc(a));
            }
        }
        if let Some(r) = w.review {
            let _ = write!(
                s,
                "<div><dt>We will review it on</dt><dd>{}</dd></div>",
                long_date(r)
            );
        }
        s.push_str("</dl></section>");
    }
    let _ = write!(
        s,
        r#"<p class="plan-foot">This plan holds only what {who} chose to share from the Everyday app. It is not a fit note.</p>"#
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
            <div class="plan-doc" inner_html=plan_html(&plan, 2)></div>
            <p><button type="button" class="button" on:click=move |_| print()>"Print this plan"</button></p>
        }
        .into_any(),
    }
    };
    view! {
        <PageHeading title="Shared workplace plan"/>
        {body}
    }
}
