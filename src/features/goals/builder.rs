//! The goal builder: four guided parts, one screen each, with a prompt and an example for the
//! person's kind of goal, then the whole goal as one sentence to check before saving. Missing
//! parts are pointed out but never stop the goal being saved.

use chrono::Duration;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::{baseline_choices, focus_later, goal_id_param, goal_missing, send};
use crate::app::{paths, PageHeading};
use crate::components::choices::{plain_choices, Choices};
use crate::components::field::{FormMessage, TextField};
use crate::domain::dates::{iso_date, parse_iso_date};
use crate::domain::goals::{GoalCommand, GoalDraft};
use crate::domain::ids::GoalId;
use crate::platform::clock;
use crate::state::use_app_state;

/// The three groups of people the service sees; the examples follow the one chosen.
const GROUPS: [(i8, &str); 3] = [
    (0, "Home and daily living"),
    (1, "Mental health and everyday life"),
    (2, "Work"),
];

struct Part {
    title: &'static str,
    prompt: &'static str,
    /// One example per group, in the order of `GROUPS`.
    examples: [&'static str; 3],
}

static PARTS: [Part; 4] = [
    Part {
        title: "What I want to do",
        prompt: "What do you want to be able to do? Choose something that matters to you in your everyday life.",
        examples: [
            "Make a hot drink and carry it to my chair",
            "Go to the shop to buy my food",
            "Go back to my job at the warehouse",
        ],
    },
    Part {
        title: "The help I need",
        prompt: "What or who will help you? It could be a piece of equipment, a person, or a change at work. If you need no help, write \"on my own\".",
        examples: [
            "using a kettle tipper and a trolley",
            "with my friend Sam the first few times",
            "with shorter shifts agreed with my manager",
        ],
    },
    Part {
        title: "How much or how well",
        prompt: "How will you know you have done it? Say how often, for how long, or how well.",
        examples: [
            "every morning without spilling it",
            "once a week",
            "three half days a week",
        ],
    },
    Part {
        title: "By when",
        prompt: "When would you like to do this by? Choose a date that feels possible.",
        examples: ["in 6 weeks", "in 4 weeks", "in 8 weeks"],
    },
];

/// The last screen: check the goal and save it.
const CHECK: usize = 4;

#[component]
pub fn NewGoalPage() -> impl IntoView {
    view! {
        <PageHeading title="Set a new goal"/>
        <GoalBuilder editing=None/>
    }
}

#[component]
pub fn ChangeGoalPage() -> impl IntoView {
    let state = use_app_state();
    let id = goal_id_param();
    view! {
        <PageHeading title="Change your goal"/>
        {move || match id.get() {
            Some(id) if state.data.with_untracked(|d| d.goals.iter().any(|g| g.id == id)) => {
                view! { <GoalBuilder editing=Some(id)/> }.into_any()
            }
            _ => goal_missing().into_any(),
        }}
    }
}

#[component]
fn GoalBuilder(editing: Option<GoalId>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let base = editing
        .and_then(|id| {
            state.data.with_untracked(|d| {
                d.goals
                    .iter()
                    .find(|g| g.id == id)
                    .map(GoalDraft::from_goal)
            })
        })
        .unwrap_or_default();
    let parts = [
        RwSignal::new(base.activity.clone()),
        RwSignal::new(base.support.clone()),
        RwSignal::new(base.amount.clone()),
    ];
    let by_when = RwSignal::new(base.by_when);
    let baseline = RwSignal::new(Some(base.baseline));
    let group = RwSignal::new(Some(0i8));
    let step = RwSignal::new(0usize);
    let message = RwSignal::new(None::<String>);
    let base = StoredValue::new(base);
    let draft = move || GoalDraft {
        activity: parts[0].get(),
        support: parts[1].get(),
        amount: parts[2].get(),
        by_when: by_when.get(),
        baseline: baseline.get().unwrap_or(-1),
        ..base.get_value()
    };
    let example = move |part: usize| {
        let g = group.get().unwrap_or(0).clamp(0, 2) as usize;
        format!("For example: \"{}\"", PARTS[part].examples[g])
    };
    let go = move |to: usize| {
        step.set(to);
        message.set(None);
        focus_later(".builder h2");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = step.get_untracked();
        if now < CHECK {
            go(now + 1);
            return;
        }
        let draft = untrack(draft);
        let saved = match editing {
            None => send(
                state,
                GoalCommand::Add {
                    draft,
                    created: clock::today(),
                },
            )
            .map(|()| state.data.with_untracked(|d| d.goals.last().map(|g| g.id))),
            Some(id) => send(state, GoalCommand::Change { goal: id, draft }).map(|()| Some(id)),
        };
        match saved {
            Ok(Some(id)) => navigate(&paths::goal(id), Default::default()),
            Ok(None) => {}
            Err(e) => message.set(Some(e)),
        }
    };
    let screen = move || {
        let now = step.get();
        match now {
            0..=2 => {
                let part = &PARTS[now];
                let value = parts[now];
                view! {
                    <h2 tabindex="-1">{format!("Part {} of 4: {}", now + 1, part.title)}</h2>
                    <p>{part.prompt}</p>
                    {(now == 0).then(|| view! {
                        <Choices legend="Which is closest to your goal?" name="group" options=plain_choices(&GROUPS) value=group/>
                    })}
                    <p class="goal-example">{move || example(now)}</p>
                    <TextField label=part.title value long=true/>
                }
                .into_any()
            }
            3 => view! {
                <h2 tabindex="-1">"Part 4 of 4: By when"</h2>
                <p>{PARTS[3].prompt}</p>
                <p class="goal-example">{move || example(3)}</p>
                <label class="field">
                    <span>"By when"</span>
                    <input type="date" prop:value=move || by_when.get().map(iso_date).unwrap_or_default()
                        on:change=move |ev| {
                            let date = parse_iso_date(&event_target_value(&ev));
                            if date != by_when.get_untracked() {
                                by_when.set(date);
                            }
                        }/>
                </label>
                <div class="button-row quick-dates">
                    {[4, 8, 12].map(|weeks| view! {
                        <button type="button" class="button button-small"
                            on:click=move |_| by_when.set(Some(clock::today() + Duration::weeks(weeks)))>
                            {format!("In {weeks} weeks")}
                        </button>
                    })}
                </div>
            }
            .into_any(),
            _ => view! {
                <h2 tabindex="-1">"Check your goal"</h2>
                <p class="goal-sentence">{move || draft().sentence()}</p>
                {move || {
                    let missing = draft().missing_parts();
                    (!missing.is_empty()).then(|| view! {
                        <div class="goal-missing">
                            <p><strong>"Some parts are missing."</strong>" You can still save your goal and add them later."</p>
                            <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
                <Choices legend="Where are you starting from?" name="baseline" options=baseline_choices() value=baseline/>
            }
            .into_any(),
        }
    };
    let cancel = editing.map_or_else(|| paths::GOALS.to_string(), paths::goal);
    view! {
        <form class="builder" on:submit=submit>
            {screen}
            <Show when=move || { step.get() < CHECK }>
                <p class="goal-preview"><strong>"Your goal so far: "</strong>{move || draft().sentence()}</p>
            </Show>
            <div class="button-row">
                <Show when=move || { step.get() > 0 }>
                    <button type="button" class="button" on:click=move |_| go(step.get_untracked().saturating_sub(1))>"Back"</button>
                </Show>
                <button type="submit" class="button button-primary">
                    {move || if step.get() < CHECK { "Next" } else { "Save this goal" }}
                </button>
            </div>
            <FormMessage message/>
            <p><A href=cancel>"Cancel"</A></p>
        </form>
    }
}
