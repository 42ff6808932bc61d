//! Sharing the workplace plan with an employer, in two steps (two short pages rather than one
//! long one): first choose what goes in; then see it exactly as the employer will, and make a
//! link (optionally protected with a passphrase), a QR code, a file, or use the phone's share
//! sheet. Nothing is sent anywhere by the app itself.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{focus_later, send};
use crate::app::{paths, PageHeading};
use crate::components::field::FormMessage;
use crate::components::html::{html_push, Html};
use crate::domain::checklists::{ChecklistCommand, ShareChoices};
use crate::domain::dates::iso_date;
use crate::domain::qr::qr_svg;
use crate::domain::share::{
    check_passphrase, decode_plan, plan_json, share_payload, ShareKind, SharedPlan,
};
use crate::features::employer::plan_html;
use crate::platform::share::{
    app_url, copy_text, make_fragment, share_sheet, share_sheet_available,
};
use crate::platform::{clock, files};
use crate::state::{use_app_state, AppState};

/// A made link and what it holds.
#[derive(Clone)]
struct Made {
    link: String,
    protected: bool,
    plan: SharedPlan,
}

/// The file to attach to an email: the link, and (when not protected) the plan itself, so it
/// can be read and printed with no app at all.
fn file_html(made: &Made) -> String {
    let mut h = Html::new();
    html_push!(
        h,
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Workplace plan</title></head><body><h1>Workplace plan</h1><p>Open the plan in a web browser: <a href=\"",
        made.link,
        "\">",
        made.link,
        "</a></p>"
    );
    if made.protected {
        h.markup("<p>This plan is protected. Open the link and type the passphrase you were told separately.</p>");
    } else {
        h.html(&plan_html(&made.plan, 2));
    }
    h.markup("</body></html>");
    h.into_string()
}

/// What the person chose to share (the defaults until they choose).
fn share_choices(state: AppState) -> Memo<ShareChoices> {
    Memo::new(move |_| state.data.with(|d| d.workplace.share.unwrap_or_default()))
}

/// Step one, `/checklists/work/share`: what to share.
#[component]
pub fn SharePage() -> impl IntoView {
    let state = use_app_state();
    let choices = share_choices(state);
    let message = RwSignal::new(None::<String>);

    let toggle = |label: &'static str,
                  hint: &'static str,
                  get: fn(&ShareChoices) -> bool,
                  set: fn(&mut ShareChoices, bool)| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || get(&choices.get())
                    on:change=move |ev| {
                        let mut c = choices.get_untracked();
                        set(&mut c, event_target_checked(&ev));
                        if let Err(e) = send(state, ChecklistCommand::SetShareChoices(c)) {
                            message.set(Some(e));
                        }
                    }/>
                <span><span class="check-label">{label}</span>{(!hint.is_empty()).then(|| view! { <span class="choice-hint">{hint}</span> })}</span>
            </label>
        }
    };

    view! {
        <PageHeading title="Share with your employer"/>
        <p><A href=paths::WORKPLACE>"Back to your workplace plan"</A></p>
        <p class="lead">"You choose what your employer sees. Your diary, ratings, goals and anything you marked private are never shared."</p>
        <fieldset class="checks">
            <legend>"What to share"</legend>
            {toggle("My name", "As set in Settings.", |c| c.name, |c, v| c.name = v)}
            {toggle("The kinds of advice, dates and review date", "", |c| c.period, |c, v| c.period = v)}
            {toggle("Adjustments agreed or in place", "", |c| c.agreed, |c, v| c.agreed = v)}
            {toggle("Adjustments I have asked for", "Not yet agreed.", |c| c.asked_for, |c, v| c.asked_for = v)}
            {toggle("Suggested adjustments", "Ideas not asked for yet. Your employer sees them marked \"suggested\".", |c| c.suggested, |c, v| c.suggested = v)}
            {toggle("The notes on those adjustments", "", |c| c.notes, |c, v| c.notes = v)}
            {toggle("The phased return, week by week", "", |c| c.phased_return, |c, v| c.phased_return = v)}
            {toggle("The table of difficulties and what would help", "Rows you marked private are left out.", |c| c.difficulties, |c, v| c.difficulties = v)}
            {toggle("My Wellness Action Plan", "About your mental health: only if you want your employer to have it.", |c| c.wellness, |c, v| c.wellness = v)}
        </fieldset>
        <FormMessage message/>
        <p><A href=paths::SHARE_LINK attr:class="button button-primary button-wide">"Continue"</A></p>
    }
}

/// Step two, `/checklists/work/share/link`: the plan exactly as the employer will see it, and
/// the link to send.
#[component]
pub fn ShareLinkPage() -> impl IntoView {
    let state = use_app_state();
    let choices = share_choices(state);
    // The preview goes through the same JSON the link carries, so it is exactly what arrives.
    let payload = Memo::new(move |_| {
        let plan = state
            .data
            .with(|d| share_payload(d, &choices.get(), clock::today()));
        decode_plan(plan_json(&plan).as_bytes()).unwrap_or(plan)
    });
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let made = RwSignal::new(None::<Made>);
    let message = RwSignal::new(None::<String>);

    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let plan = payload.get_untracked();
        if plan.is_empty() {
            return message.set(Some(
                "There is nothing to share yet. Go back to choose what to share, or add to your plan first."
                    .into(),
            ));
        }
        let secret = protect.get_untracked().then(|| passphrase.get_untracked());
        if let Some(p) = &secret {
            if let Err(e) = check_passphrase(p) {
                return message.set(Some(e));
            }
        }
        working.set(true);
        made.set(None);
        message.set(Some("Making the link. This can take a few seconds…".into()));
        leptos::task::spawn_local(async move {
            let json = plan_json(&plan);
            let result = make_fragment(ShareKind::WorkplacePlan, &json, secret.as_deref()).await;
            working.set(false);
            match result {
                Ok(fragment) => {
                    let link = format!("{}#{fragment}", app_url(paths::EMPLOYER));
                    made.set(Some(Made {
                        link,
                        protected: secret.is_some(),
                        plan,
                    }));
                    message.set(None);
                    focus_later("#link-heading");
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        });
    };

    let result = move || {
        made.get().map(|m| {
            let qr = qr_svg(&m.link, "QR code of the link to your plan");
            let link = m.link.clone();
            let copy = {
                let link = link.clone();
                move |_| {
                    let link = link.clone();
                    leptos::task::spawn_local(async move {
                        message.set(Some(match copy_text(&link).await {
                            Ok(()) => "The link is copied. You can paste it into an email or a message.".into(),
                            Err(e) => e,
                        }));
                    });
                }
            };
            let file = {
                let m = m.clone();
                move |_| {
                    let name = format!("workplace-plan-{}.html", iso_date(m.plan.shared));
                    message.set(Some(match files::download(&name, &file_html(&m), "text/html") {
                        Ok(()) => format!("The file {name} is in your downloads. Attach it to an email to your employer."),
                        Err(e) => e,
                    }));
                }
            };
            let sheet = {
                let link = link.clone();
                let protected = m.protected;
                move |_| {
                    let link = link.clone();
                    leptos::task::spawn_local(async move {
                        let text = if protected {
                            "My workplace plan. I will tell you the passphrase separately."
                        } else {
                            "My workplace plan."
                        };
                        if let Err(e) = share_sheet("Workplace plan", text, &link).await {
                            message.set(Some(e));
                        }
                    });
                }
            };
            view! {
                <section class="card share-result" aria-labelledby="link-heading">
                    <h2 id="link-heading" tabindex="-1">"Your link is ready"</h2>
                    <p>{if m.protected {
                        "It is protected: tell your employer the passphrase by phone or in person, not in the same email as the link."
                    } else {
                        "Anyone who has this link can read the plan, so send it only to your employer."
                    }}</p>
                    <label class="field">
                        <span>"The link"</span>
                        <textarea class="share-link" readonly rows="4" prop:value=link.clone()></textarea>
                    </label>
                    <div class="button-row">
                        <button type="button" class="button button-primary" on:click=copy>"Copy the link"</button>
                        {share_sheet_available().then(|| view! {
                            <button type="button" class="button" on:click=sheet>"Share…"</button>
                        })}
                        <button type="button" class="button" on:click=file>"Download as a file"</button>
                    </div>
                    {match qr {
                        Some(svg) => view! {
                            <h3>"QR code"</h3>
                            <p>"Your employer can scan this with a phone camera to open the plan."</p>
                            <div class="qr-box" inner_html=svg></div>
                        }.into_any(),
                        None => view! {
                            <p class="card-nudge qr-too-long">"This link is too long to fit in a QR code that scans well. Please send the link or the file instead."</p>
                        }.into_any(),
                    }}
                </section>
            }
        })
    };

    view! {
        <PageHeading title="Check what your employer will see"/>
        <p><A href=paths::SHARE>"Back to choose what to share"</A></p>
        <section class="card" aria-labelledby="preview-heading">
            <h2 id="preview-heading">"Your plan as your employer will see it"</h2>
            <div class="plan-preview plan-doc" inner_html=move || plan_html(&payload.get(), 3).into_string()></div>
        </section>
        <form class="card" on:submit=make>
            <h2>"Make a link"</h2>
            <label class="check">
                <input type="checkbox" prop:checked=move || protect.get()
                    on:change=move |ev| { protect.set(event_target_checked(&ev)); made.set(None); }/>
                <span><span class="check-label">"Protect it with a passphrase"</span>
                <span class="choice-hint">"Your employer will need it to open the plan."</span></span>
            </label>
            <div class="field" hidden=move || !protect.get()>
                <label class="field-label" for="share-passphrase">"Passphrase"</label>
                <span class="hint" id="share-passphrase-hint">"At least 8 characters, for example three words. Tell it to your employer separately."</span>
                <input type="text" id="share-passphrase" aria-describedby="share-passphrase-hint" autocomplete="off" autocapitalize="off" spellcheck="false" prop:value=move || passphrase.get()
                    on:input=move |ev| { passphrase.set(event_target_value(&ev)); made.set(None); }/>
            </div>
            <button type="submit" class="button button-primary" disabled=move || working.get()>"Make the link"</button>
            <FormMessage message/>
        </form>
        {result}
    }
}
