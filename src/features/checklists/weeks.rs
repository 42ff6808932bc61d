//! The phased return (made week by week, each week ticked off when done, with "where you
//! are" today) and the Wellness Action Plan.

use leptos::prelude::*;

use crate::platform::focus::focus_button_later;
use leptos_router::components::A;

use super::{date_text, optional_date, send};
use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::domain::checklists::{
    AdviceKind, ChecklistCommand, PhasedReturnWeek, WellnessActionPlan,
};
use crate::domain::dates::{iso_date, long_date};
use crate::domain::ids::WeekId;
use crate::domain::workplace::{
    plan_weeks, position_words, return_position, HalfHours, ReturnPosition, MAX_WEEK_HOURS,
};
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
    let position = Memo::new(move |_| weeks.with(|w| return_position(w, clock::today())));
    let ids = Memo::new(move |_| weeks.with(|w| w.iter().map(|w| w.id).collect::<Vec<_>>()));
    let message = RwSignal::new(None::<String>);
    view! {
        <PageHeading title=AdviceKind::PhasedReturn.label()/>
        {back()}
        <p class="lead">"Building back up to your usual hours, week by week. Tick each week off when it is done. Each week can have its own hours and days."</p>
        <section class="card" aria-labelledby="where-heading">
            <h2 id="where-heading">"Where you are"</h2>
            <p class="where-now">{move || position_words(position.get())}</p>
            <p>{move || weeks.with(|w| {
                let done = w.iter().filter(|w| w.done).count();
                if w.is_empty() { String::new() } else { format!("{done} of {} weeks ticked off.", w.len()) }
            })}</p>
            <FormMessage message/>
            <ul class="week-list">
                <For each=move || ids.get() key=|id| *id let:id>
                    <WeekRow id weeks position message/>
                </For>
            </ul>
        </section>
        <MakeWeeks/>
    }
}

/// "12.5 hours over 3 days, from 2 March 2026".
fn week_words(w: &PhasedReturnWeek) -> String {
    let days = match w.days {
        0 => String::new(),
        1 => " over 1 day".into(),
        n => format!(" over {n} days"),
    };
    format!(
        "{}{days}, from {}",
        w.week_hours().words(),
        long_date(w.starts)
    )
}

/// A week: ticked off when done, and its hours and days changed on their own.
#[component]
fn WeekRow(
    id: WeekId,
    weeks: Memo<Vec<PhasedReturnWeek>>,
    position: Memo<ReturnPosition>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let at = Memo::new(move |_| weeks.with(|w| w.iter().position(|w| w.id == id).unwrap_or(0)));
    let week = Memo::new(move |_| weeks.with(|w| w.iter().find(|w| w.id == id).cloned()));
    let now = move || matches!(position.get(), ReturnPosition::InWeek { week, .. } if week == at.get() + 1);
    let label = move || {
        week.with(|w| {
            w.as_ref()
                .map(|w| format!("Week {}: {}", at.get() + 1, week_words(w)))
                .unwrap_or_default()
        })
    };
    let editing = RwSignal::new(false);
    let hours = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let row_message = RwSignal::new(None::<String>);
    let change_button = NodeRef::<leptos::html::Button>::new();
    let tick = move |ev: leptos::ev::Event| {
        let done = event_target_checked(&ev);
        let n = at.get_untracked() + 1;
        let result = send(state, ChecklistCommand::MarkWeek { week: id, done });
        message.set(Some(match result {
            Ok(()) if done => format!("Week {n} ticked off. Well done."),
            Ok(()) => format!("Week {n} is no longer ticked."),
            Err(e) => e,
        }));
    };
    let open = move |_| {
        if let Some(w) = week.get_untracked() {
            hours.set(w.week_hours().to_string());
            days.set(w.days.to_string());
        }
        row_message.set(None);
        editing.set(true);
    };
    let close = move |text: String| {
        editing.set(false);
        row_message.set(Some(text));
        focus_button_later(change_button);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = at.get_untracked() + 1;
        let parsed = (|| {
            let h = HalfHours::parse(&hours.get_untracked())
                .filter(|h| h.within_max())
                .ok_or_else(|| hours_message("the hours"))?;
            let d = number(&days.get_untracked(), "the days", 7)?;
            Ok::<_, String>((h, d as u8))
        })();
        match parsed.and_then(|(hours, days)| {
            send(
                state,
                ChecklistCommand::ChangeWeek {
                    week: id,
                    hours,
                    days,
                },
            )
        }) {
            Ok(()) => close(format!("Week {n} saved.")),
            Err(e) => row_message.set(Some(e)),
        }
    };
    view! {
        <li class="week" class:week-now=now>
            <label class="check">
                <input type="checkbox" prop:checked=move || week.with(|w| w.as_ref().is_some_and(|w| w.done)) on:change=tick/>
                <span>
                    <span class="check-label">{label}</span>
                    <Show when=now><span class="tag">"This week"</span></Show>
                </span>
            </label>
            <button type="button" class="button button-small" node_ref=change_button hidden=move || editing.get()
                aria-label=move || format!("Change the hours or days of week {}", at.get() + 1) on:click=open>"Change hours or days"</button>
            <Show when=move || editing.get()>
                <form class="week-edit" on:submit=save>
                    <label class="field">
                        <span>{move || format!("Hours in week {}", at.get() + 1)}</span>
                        <span class="hint">"Whole or half hours, for example 37.5"</span>
                        <input type="text" inputmode="decimal" prop:value=move || hours.get()
                            on:input=move |ev| hours.set(event_target_value(&ev))/>
                    </label>
                    <label class="field">
                        <span>{move || format!("Days in week {}", at.get() + 1)}</span>
                        <input type="number" inputmode="numeric" min="0" max="7" prop:value=move || days.get()
                            on:input=move |ev| days.set(event_target_value(&ev))/>
                    </label>
                    <div class="button-row">
                        <button type="submit" class="button button-primary">"Save this week"</button>
                        <button type="button" class="button" on:click=move |_| close("Nothing was changed.".into())>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <FormMessage message=row_message/>
        </li>
    }
}

/// The message for hours that are not whole or half hours in range.
fn hours_message(what: &str) -> String {
    format!("Please write {what} in whole or half hours from 0 to {MAX_WEEK_HOURS}, for example 37 or 37.5.")
}

#[component]
fn MakeWeeks() -> impl IntoView {
    let state = use_app_state();
    let first = RwSignal::new(iso_date(clock::today()));
    let count = RwSignal::new("4".to_string());
    let start_hours = RwSignal::new("12".to_string());
    let full_hours = RwSignal::new("37.5".to_string());
    let days = RwSignal::new("3".to_string());
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = (|| {
            let first = optional_date(&first.get_untracked())?
                .ok_or("Please enter the day the first week starts.")?;
            let n = number(&count.get_untracked(), "the number of weeks", 26)?;
            let hours = |text: String, what: &str| {
                HalfHours::parse(&text)
                    .filter(|h| h.within_max())
                    .ok_or_else(|| hours_message(what))
            };
            let a = hours(start_hours.get_untracked(), "the hours in the first week")?;
            let b = hours(full_hours.get_untracked(), "the hours in the last week")?;
            let d = number(&days.get_untracked(), "the days a week", 7)?;
            plan_weeks(first, n as usize, a, b, d as u8)
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
    // Hours can have a half hour (37.5), so they are text with a decimal keyboard.
    let hours_field = |label: &'static str, value: RwSignal<String>| {
        view! {
            <label class="field">
                <span>{label}</span>
                <span class="hint">"Whole or half hours, for example 37.5"</span>
                <input type="text" inputmode="decimal" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <section class="card" aria-labelledby="make-heading">
            <h2 id="make-heading">"Make a week-by-week plan"</h2>
            <p>"The hours go up evenly from the first week to the last. Agree them with your employer, your GP or your OT. You can change any week's hours or days afterwards."</p>
            <form on:submit=save>
                <DateField id="weeks-first" label="The first week starts on" value=first any_day=true/>
                {field("How many weeks", count, "26")}
                {hours_field("Hours in the first week", start_hours)}
                {hours_field("Hours in the last week", full_hours)}
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
