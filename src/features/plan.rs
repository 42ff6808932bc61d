//! The person's side of an OT's plan: the link (or a file holding it) lands on `/plan`, which
//! says in plain words what the plan holds and changes nothing until the person adds it. With
//! no link, the page shows the plans already added (the OT's message, what to measure, when).

use std::fmt::Write;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::html::esc;
use crate::domain::dates::long_date;
use crate::domain::goals::goal_sentence;
use crate::domain::plan::signing::{
    check_signed, open_signed_plan, CheckedPlan, PlanRefusal, Trust,
};
use crate::domain::plan::{plan_lines, Plan, PlanStatus};
use crate::domain::share::{fragment_in, read_fragment, ShareError, ShareKind};
use crate::domain::state::Command;
use crate::platform::focus::focus_later;
use crate::platform::share::{current_fragment, open_fragment};
use crate::platform::{clock, sign};
use crate::state::{use_app_state, AppState};

/// The plan as read-only HTML (everything from the plan is escaped). `h` is the level of its
/// section headings.
pub fn plan_html(plan: &Plan, h: u8) -> String {
    let mut s = String::new();
    let who = if plan.ot.is_empty() {
        "your occupational therapist".to_string()
    } else {
        esc(&plan.ot)
    };
    let _ = write!(
        s,
        r#"<p class="plan-meta">From {who}, made on <strong>{}</strong>.</p>"#,
        long_date(plan.made)
    );
    if !plan.message.is_empty() {
        let _ = write!(
            s,
            r#"<blockquote class="plan-message">{}</blockquote>"#,
            esc(&plan.message)
        );
    }
    let lines = plan_lines(plan);
    if lines.is_empty() {
        s.push_str("<p>This plan is empty.</p>");
    } else {
        let _ = write!(s, "<h{h}>What is in it</h{h}><ul class=\"plain-list\">");
        for l in lines {
            let _ = write!(s, "<li>{}</li>", esc(&l));
        }
        s.push_str("</ul>");
    }
    if !plan.goals.is_empty() {
        let _ = write!(s, "<h{h}>Goals</h{h}><ol class=\"plan-goals\">");
        for g in &plan.goals {
            let _ = write!(
                s,
                "<li><p>{}</p>",
                esc(&goal_sentence(
                    &g.activity,
                    &g.support,
                    &g.amount,
                    g.by_when
                ))
            );
            if !g.tasks.is_empty() {
                s.push_str("<ul class=\"plain-list\">");
                for t in &g.tasks {
                    let _ = write!(
                        s,
                        "<li>{} ({})</li>",
                        esc(&t.title),
                        t.frequency.label().to_ascii_lowercase()
                    );
                }
                s.push_str("</ul>");
            }
            s.push_str("</li>");
        }
        s.push_str("</ol>");
    }
    if !plan.workplace.is_empty() {
        let _ = write!(
            s,
            "<h{h}>Workplace adjustments to talk about</h{h}><ul class=\"plain-list\">"
        );
        for a in &plan.workplace {
            let _ = write!(s, "<li>{}: {}</li>", a.kind.label(), esc(&a.text));
        }
        s.push_str("</ul>");
    }
    if !plan.home.is_empty() {
        let _ = write!(s, "<h{h}>Home safety</h{h}><ul class=\"plain-list\">");
        for x in &plan.home {
            let _ = write!(s, "<li>{}: {}", x.room.label(), esc(&x.hazard));
            if !x.fix.is_empty() {
                let _ = write!(s, ". What could help: {}", esc(&x.fix));
            }
            s.push_str("</li>");
        }
        s.push_str("</ul>");
    }
    s
}

/// Why a plan link could not be opened or added, in words for the person.
fn refused(e: PlanRefusal) -> String {
    match e {
        PlanRefusal::Link(e) => problem(e),
        other => other.to_string(),
    }
}

/// Why a plan link could not be opened, in words for the person.
fn problem(e: ShareError) -> String {
    match e {
        ShareError::WrongKind | ShareError::WrongPassphrase => {
            "This link is not a plan from your occupational therapist, so nothing was changed."
                .into()
        }
        ShareError::Damaged => "This plan link is damaged or incomplete: part of it may have been lost when it was copied. Nothing was changed. Please ask your occupational therapist to send it again.".into(),
        ShareError::TooLong => "This link is too long to be a plan from Everyday. Nothing was changed.".into(),
        other => format!("{other} Nothing was changed."),
    }
}

/// A plan that may be added, and its practice's code.
#[derive(Clone)]
struct Preview {
    checked: CheckedPlan,
    code: String,
}

#[derive(Clone)]
enum Shown {
    Nothing,
    Opening,
    Problem(String),
    Preview(Box<Preview>),
    Done(String),
}

/// Read a link, check its signature with the browser, then decide with the domain's rules.
async fn check_link(text: &str, state: AppState) -> Result<Preview, PlanRefusal> {
    let fragment = read_fragment(text)?;
    if fragment.kind != ShareKind::OtPlan || fragment.protected {
        return Err(ShareError::WrongKind.into());
    }
    let json = open_fragment(&fragment, None).await?;
    let signed = open_signed_plan(&json)?;
    let valid = sign::verify_plan(&signed).await?;
    let code = sign::code(&signed.key).await?;
    let checked = state
        .data
        .with_untracked(|d| check_signed(d, signed, valid))?;
    Ok(Preview { checked, code })
}

async fn open(text: String, state: AppState) -> Shown {
    if text.trim().is_empty() {
        return Shown::Nothing;
    }
    match check_link(&text, state).await {
        Ok(preview) => Shown::Preview(Box::new(preview)),
        Err(e) => Shown::Problem(refused(e)),
    }
}

/// Take the plan out of the address bar, so a reload does not offer it again.
fn clear_fragment() {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(paths::PLAN));
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let state = use_app_state();
    let shown = RwSignal::new(Shown::Opening);
    let load = move |text: String| {
        shown.set(Shown::Opening);
        leptos::task::spawn_local(async move {
            shown.set(open(text, state).await);
        });
    };
    load(current_fragment());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| load(current_fragment()));
    on_cleanup(move || handle.remove());
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
                    let frag = fragment_in(&text).to_string();
                    shown.set(match open(frag, state).await {
                        Shown::Nothing => Shown::Problem(problem(ShareError::Damaged)),
                        s => s,
                    });
                }
                Err(e) => shown.set(Shown::Problem(format!("{e} Nothing was changed."))),
            }
        });
    };
    let chooser = move || {
        view! {
            <section class="card">
                <h2>"Open a plan file"</h2>
                <p>"If your occupational therapist gave you the plan as a file, choose it here. It is read on this phone and never sent anywhere."</p>
                <label class="field"><span>"Plan file"</span>
                    <input type="file" accept=".html,.htm,.txt" on:change=on_file/>
                </label>
            </section>
        }
    };
    // The pinned practice's code, so the person can check it with their OT at any time.
    let pinned_code = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let key = state.data.with(|d| d.plan_key.clone());
        leptos::task::spawn_local(async move {
            let code = match key {
                Some(k) => sign::code(&k).await.ok(),
                None => None,
            };
            pinned_code.set(code);
        });
    });
    let accepted = move || {
        state.data.with(|d| {
            d.plans
                .iter()
                .rev()
                .map(|p| {
                    format!(
                        "<section class=\"card plan-doc\"><h2>Plan from {}</h2><p>Added on {}.</p>{}</section>",
                        if p.plan.ot.is_empty() { "your OT".to_string() } else { esc(&p.plan.ot) },
                        long_date(p.imported),
                        plan_html(&p.plan, 3)
                    )
                })
                .collect::<String>()
        })
    };
    let body = move || {
        match shown.get() {
        Shown::Opening => view! { <p role="status">"Opening the plan…"</p> }.into_any(),
        Shown::Nothing => view! {
            <p class="lead">"When your occupational therapist gives you a plan, open the link or scan the code, and it shows here before anything is added."</p>
            {move || pinned_code.get().map(|code| view! {
                <p class="plan-trust">{format!("Your OT's practice code is {code}. Plans signed by any other practice are refused.")}</p>
            })}
            <div inner_html=accepted></div>
            {chooser()}
        }
        .into_any(),
        Shown::Problem(message) => view! {
            <div class="card card-nudge" id="plan-result" tabindex="-1" role="alert"><h2>"This plan cannot be opened"</h2><p>{message}</p></div>
            {chooser()}
        }
        .into_any(),
        Shown::Done(message) => view! {
            <div class="card" id="plan-result" tabindex="-1" role="status"><h2>"Plan added"</h2><p>{message}</p>
                <p>"Your phone's calendar can remind you of your review and what your OT asked for, even when Everyday is closed."</p>
                <crate::features::today::CalendarButtons/>
                <p><A href=paths::GOALS>"See your goals"</A></p>
                <p><A href=paths::CHECKLISTS>"See your checklists"</A></p>
            </div>
        }
        .into_any(),
        Shown::Preview(preview) => {
            let Preview { checked, code } = *preview;
            let (intro, can_add) = match checked.status {
                PlanStatus::New => ("Here is what the plan holds. Nothing is added until you choose \"Add this plan\". You can change or drop anything afterwards.", true),
                PlanStatus::Update(_) => ("This is an updated version of a plan you added before. Adding it updates what came from it; anything you changed yourself, your own goals and everything you have recorded stay as they are.", true),
                PlanStatus::AlreadyHave => ("You have already added this plan. There is nothing new in it.", false),
                PlanStatus::Older => ("You already have a newer version of this plan, so this one cannot be added.", false),
                // Refused before it is shown (check_signed); kept here so every case is named.
                PlanStatus::TooFarAhead(_) => ("This version of the plan cannot be added.", false),
            };
            let trust = match checked.trust {
                Trust::Known => view! {
                    <p class="plan-trust">{format!("Checked: this plan is signed by the same practice as your earlier plans (code {code}).")}</p>
                }.into_any(),
                Trust::NotChecked => view! {
                    <div class="card-nudge plan-trust" role="note">
                        <h3>"Not checked yet"</h3>
                        <p>{format!("This is the first plan from this practice on this phone. Ask your occupational therapist to read out their practice's code: it should be {code}.")}</p>
                        <p>"Only add the plan if the codes are the same. Later plans will be checked against this one."</p>
                    </div>
                }.into_any(),
            };
            let html = plan_html(checked.plan.plan(), 3);
            let add = {
                let plan = checked.plan.clone();
                move |_| {
                    let result = state.dispatch(Command::ImportPlan {
                        plan: Box::new(plan.clone()),
                        today: clock::today(),
                    });
                    match result {
                        Ok(()) => {
                            clear_fragment();
                            shown.set(Shown::Done("The plan is added. Goals and steps from your OT are marked \"From your OT\". You can change or drop any of them.".into()));
                        }
                        Err(e) => shown.set(Shown::Problem(format!("{e} Nothing was changed."))),
                    }
                }
            };
            let not_now = move |_| {
                clear_fragment();
                shown.set(Shown::Nothing);
            };
            view! {
                <section class="card" aria-labelledby="plan-preview-heading">
                    <h2 id="plan-preview-heading">"A plan from your occupational therapist"</h2>
                    <p>{intro}</p>
                    {trust}
                    <div class="plan-doc" inner_html=html></div>
                    <div class="button-row">
                        {can_add.then(|| view! { <button type="button" class="button button-primary" on:click=add>"Add this plan"</button> })}
                        <button type="button" class="button" on:click=not_now>{if can_add { "Not now" } else { "Close" }}</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
    };
    // What follows opening or adding a plan takes the focus, so it is seen and read out.
    Effect::new(move |_| {
        if matches!(shown.get(), Shown::Problem(_) | Shown::Done(_)) {
            focus_later("#plan-result");
        }
    });
    view! {
        <PageHeading title="Your plan from your OT"/>
        {body}
    }
}
