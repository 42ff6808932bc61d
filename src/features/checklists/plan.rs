//! The workplace plan: a short overview (what the plan is, each part with a line saying where
//! it has got to, and a link to it), and the page for what the plan covers (kinds of advice,
//! period, review date). The adjustments, the difficulties table, the phased return, the
//! Wellness Action Plan and sharing each have a page of their own (one thing per page, so no
//! page is a long scroll with large text on a phone).

use leptos::prelude::*;
use leptos_router::components::A;

use super::{date_text, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::FormMessage;
use crate::components::page::StatusLink;
use crate::domain::checklists::{AdviceKind, ChecklistCommand, WorkplacePlan};
use crate::domain::workplace::{
    covers_words, difficulties_words, items_words, position_words, return_position, wellness_words,
    ADVICE_KINDS,
};
use crate::platform::clock;
use crate::state::use_app_state;

/// The link back to the overview, at the top of each part's page.
pub(super) fn back_to_plan() -> impl IntoView {
    view! { <p><A href=paths::WORKPLACE>"Back to your workplace plan"</A></p> }
}

/// A part of the plan on the overview: its name as a link, and where it has got to.
fn part(href: &'static str, name: String, status: fn(&WorkplacePlan) -> String) -> impl IntoView {
    let state = use_app_state();
    let status = Signal::derive(move || state.data.with(|d| status(&d.workplace)));
    view! { <StatusLink href name status/> }
}

/// Where the phased return has got to, today.
fn phased_words(plan: &WorkplacePlan) -> String {
    position_words(return_position(&plan.phased_return, clock::today()))
}

#[component]
pub fn WorkplacePage() -> impl IntoView {
    view! {
        <PageHeading title="Your workplace plan"/>
        <p><A href=paths::CHECKLISTS>"Back to Checklists"</A></p>
        <p class="lead">"Changes at work that help you stay in or get back to work. Your GP's fit note or your OT's report may suggest some. Fill in the parts in any order."</p>
        <section aria-labelledby="parts-heading">
            <h2 id="parts-heading">"Parts of your plan"</h2>
            <ul class="room-list">
                {part(paths::WORK_COVERS, "What the plan covers".into(), covers_words)}
                {part(paths::WORK_ADJUSTMENTS, "Adjustments".into(), items_words)}
                {part(paths::WORK_DIFFICULTIES, "Difficulties at work".into(), difficulties_words)}
                {part(paths::PHASED_RETURN, format!("{}, week by week", AdviceKind::PhasedReturn.label()), phased_words)}
                {part(paths::WELLNESS, "Wellness Action Plan".into(), wellness_words)}
            </ul>
        </section>
        <section class="card" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share with your employer"</h2>
            <p>"You choose what your employer sees, then make a link to send them."</p>
            <p><A href=paths::SHARE attr:class="button button-primary button-wide">"Share with your employer"</A></p>
        </section>
    }
}

/// `/checklists/work/covers`: the kinds of advice, the period and the review date.
#[component]
pub fn CoversPage() -> impl IntoView {
    view! {
        <PageHeading title="What the plan covers"/>
        {back_to_plan()}
        <PlanForm/>
    }
}

#[component]
fn PlanForm() -> impl IntoView {
    let state = use_app_state();
    let plan = state.data.with_untracked(|d| d.workplace.clone());
    let advice: Vec<(AdviceKind, RwSignal<bool>)> = ADVICE_KINDS
        .iter()
        .map(|k| (*k, RwSignal::new(plan.advice.contains(k))))
        .collect();
    let from = RwSignal::new(date_text(plan.from));
    let to = RwSignal::new(date_text(plan.to));
    let review = RwSignal::new(date_text(plan.review));
    let message = RwSignal::new(None::<String>);
    let chosen = advice.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let dates = (|| {
            Ok::<_, String>((
                optional_date(&from.get_untracked())?,
                optional_date(&to.get_untracked())?,
                optional_date(&review.get_untracked())?,
            ))
        })();
        let (from, to, review) = match dates {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let advice = chosen
            .iter()
            .filter(|(_, on)| on.get_untracked())
            .map(|(k, _)| *k)
            .collect();
        let command = ChecklistCommand::SetPlan {
            advice,
            from,
            to,
            review,
        };
        message.set(Some(match send(state, command) {
            Ok(()) => "Saved.".into(),
            Err(e) => e,
        }));
    };
    view! {
        <form on:submit=save>
                <fieldset class="checks">
                    <legend>"Kinds of advice (as on a fit note)"</legend>
                    {advice.into_iter().map(|(k, on)| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || on.get()
                                on:change=move |ev| on.set(event_target_checked(&ev))/>
                            <span><span class="check-label">{k.label()}</span><span class="choice-hint">{k.hint()}</span></span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <DateField id="plan-from" label="The plan starts" value=from any_day=true/>
                <DateField id="plan-to" label="The plan ends" value=to any_day=true/>
                <DateField id="plan-review" label="Review date" value=review any_day=true hint="When you, your employer or your OT will look at it again."/>
                <button type="submit" class="button button-primary">"Save what the plan covers"</button>
                <FormMessage message/>
            </form>
    }
}
