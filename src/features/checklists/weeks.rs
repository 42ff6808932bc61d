//! The phased return (made week by week, each week ticked off when done, with "where you
//! are" today) and the Wellness Action Plan.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{date_text, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::domain::checklists::{ChecklistCommand, WellnessActionPlan};
use crate::domain::dates::{iso_date, long_date};
use crate::domain::workplace::{plan_weeks, position_words, return_position, ReturnPosition};
use crate::platform::clock;
use crate::state::use_app_state;

fn back() -> impl IntoView {
    view! { <p><A href=paths::WORKPLACE>"Back to your workplace plan"</A></p> }
}

fn number(text: &str, what: &str, max: u32) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!(
            "Please write {what} as a whole number from 0 to {max}."
        )),
    }
}

#[component]
pub fn PhasedReturnPage() -> impl IntoView {
    let state = use_app_state();
    let weeks = Memo::new(move |_| state.data.with(|d| d.workplace.phased_return.clone()));
    let position = move || weeks.with(|w| return_position(w, clock::today()));
    let message = RwSignal::new(None::<String>);
    let rows = move || {
        let current = match position() {
            ReturnPosition::InWeek { week, .. } => week,
            _ => 0,
        };
        weeks
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                let label = format!(
                    "Week {}: {} hours over {} days, from {}",
                    i + 1,
                    w.hours,
                    w.days,
                    long_date(w.starts)
                );
                let (done, week) = (w.done, w.id);
                let tick = move |ev: leptos::ev::Event| {
                    let done = event_target_checked(&ev);
                    let result = send(state, ChecklistCommand::MarkWeek { week, done });
                    message.set(Some(match result {
                        Ok(()) if done => format!("Week {} ticked off. Well done.", i + 1),
                        Ok(()) => format!("Week {} is no longer ticked.", i + 1),
                        Err(e) => e,
                    }));
                };
                view! {
                    <li class="week" class:week-now=i + 1 == current>
                        <label class="check">
                            <input type="checkbox" prop:checked=done on:change=tick/>
                            <span>
                                <span class="check-label">{label}</span>
                                {(i + 1 == current).then(|| view! { <span class="tag">"This week"</span> })}
                            </span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <PageHeading title="Phased return"/>
        {back()}
        <p class="lead">"Building back up to your usual hours, week by week. Tick each week off when it is done."</p>
        <section class="card" aria-labelledby="where-heading">
            <h2 id="where-heading">"Where you are"</h2>
            <p class="where-now">{move || position_words(position())}</p>
            <p>{move || weeks.with(|w| {
                let done = w.iter().filter(|w| w.done).count();
                if w.is_empty() { String::new() } else { format!("{done} of {} weeks ticked off.", w.len()) }
            })}</p>
            <FormMessage message/>
            <ul class="week-list">{rows}</ul>
        </section>
        <MakeWeeks/>
    }
}

#[component]
fn MakeWeeks() -> impl IntoView {
    let state = use_app_state();
    let first = RwSignal::new(iso_date(clock::today()));
    let count = RwSignal::new("4".to_string());
    let start_hours = RwSignal::new("12".to_string());
    let full_hours = RwSignal::new("37".to_string());
    let days = RwSignal::new("3".to_string());
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = (|| {
            let first = optional_date(&first.get_untracked())?
                .ok_or("Please enter the day the first week starts.")?;
            let n = number(&count.get_untracked(), "the number of weeks", 26)?;
            let a = number(
                &start_hours.get_untracked(),
                "the hours in the first week",
                80,
            )?;
            let b = number(
                &full_hours.get_untracked(),
                "the hours in the last week",
                80,
            )?;
            let d = number(&days.get_untracked(), "the days a week", 7)?;
            plan_weeks(first, n as usize, a as u8, b as u8, d as u8)
        })();
        let weeks = match made {
            Ok(w) => w,
            Err(e) => return message.set(Some(e)),
        };
        let had = state
            .data
            .with_untracked(|d| !d.workplace.phased_return.is_empty());
        if had
            && !window()
                .confirm_with_message("Replace your current phased return plan with this one?")
                .unwrap_or(false)
        {
            return message.set(Some("Nothing was changed.".into()));
        }
        let n = weeks.len();
        message.set(Some(
            match send(state, ChecklistCommand::SetPhasedReturn(weeks)) {
                Ok(()) => format!("Saved a plan of {n} weeks."),
                Err(e) => e,
            },
        ));
    };
    let field = |label: &'static str, value: RwSignal<String>, max: &'static str| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input type="number" inputmode="numeric" min="0" max=max prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="make-heading">
            <h2 id="make-heading">"Make a week-by-week plan"</h2>
            <p>"The hours go up evenly from the first week to the last. Agree them with your employer, your GP or your OT."</p>
            <form on:submit=save>
                <DateField id="weeks-first" label="The first week starts on" value=first any_day=true/>
                {field("How many weeks", count, "26")}
                {field("Hours in the first week", start_hours, "80")}
                {field("Hours in the last week", full_hours, "80")}
                {field("Days a week", days, "7")}
                <button type="submit" class="button button-primary">"Save this plan"</button>
                <FormMessage message/>
            </form>
        </section>
    }
}

#[component]
pub fn WellnessPage() -> impl IntoView {
    let state = use_app_state();
    let w = state.data.with_untracked(|d| d.workplace.wellness.clone());
    let keeps = RwSignal::new(w.keeps_me_well);
    let signs = RwSignal::new(w.warning_signs);
    let effect = RwSignal::new(w.effect_on_work);
    let support = RwSignal::new(w.support_from_manager);
    let review = RwSignal::new(date_text(w.review));
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let review = match optional_date(&review.get_untracked()) {
            Ok(r) => r,
            Err(e) => return message.set(Some(e)),
        };
        let plan = WellnessActionPlan {
            keeps_me_well: keeps.get_untracked(),
            warning_signs: signs.get_untracked(),
            effect_on_work: effect.get_untracked(),
            support_from_manager: support.get_untracked(),
            review,
        };
        message.set(Some(
            match send(state, ChecklistCommand::SetWellness(plan)) {
                Ok(()) => "Saved. It is only shared with your employer if you choose to.".into(),
                Err(e) => e,
            },
        ));
    };
    view! {
        <PageHeading title="Wellness Action Plan"/>
        {back()}
        <p class="lead">"For your mental health at work: what keeps you well, and the support that helps. Fill in as much or as little as you like."</p>
        <form class="card" on:submit=save>
            <TextField label="What keeps me well at work" value=keeps long=true maxlength=2000 hint="For example: a walk at lunchtime, a clear list of tasks."/>
            <TextField label="Early warning signs and triggers" value=signs long=true maxlength=2000 hint="What others might notice, and what can set it off."/>
            <TextField label="How it may affect my work" value=effect long=true maxlength=2000/>
            <TextField label="Support I would like from my manager" value=support long=true maxlength=2000/>
            <DateField id="wellness-review" label="When we will review it" value=review any_day=true/>
            <button type="submit" class="button button-primary">"Save my Wellness Action Plan"</button>
            <FormMessage message/>
        </form>
    }
}
