//! A goal's own page: the goal as a sentence, its steps, recording how it is going (with the
//! chart and table of the history), what each level looks like, the optional ratings and
//! weighting, and putting the goal on hold, done or away.

use leptos::prelude::*;
use leptos_router::components::A;

use super::{baseline_choices, focus_later, goal_id_param, goal_missing, send, TaskRow};
use crate::app::{paths, PageHeading};
use crate::components::choices::{Choice, Choices};
use crate::components::field::{FormMessage, TextField};
use crate::components::level_chart::LevelChart;
use crate::components::rating_scale::RatingScale;
use crate::domain::dates::short_date;
use crate::domain::goals::{
    change_words, level_label, rating_change, AttainmentLevels, Goal, GoalCommand, GoalDraft,
    GoalRating, GoalStatus, TaskFrequency,
};
use crate::domain::ids::GoalId;
use crate::platform::clock;
use crate::state::use_app_state;

type GoalMemo = Memo<Option<Goal>>;

#[component]
pub fn GoalPage() -> impl IntoView {
    let state = use_app_state();
    let id = goal_id_param();
    view! {
        <PageHeading title="Your goal"/>
        {move || match id.get() {
            Some(id) if state.data.with_untracked(|d| d.goals.iter().any(|g| g.id == id)) => {
                view! { <GoalDetail id/> }.into_any()
            }
            _ => goal_missing().into_any(),
        }}
    }
}

#[component]
fn GoalDetail(id: GoalId) -> impl IntoView {
    let state = use_app_state();
    let goal: GoalMemo = Memo::new(move |_| {
        state
            .data
            .with(|d| d.goals.iter().find(|g| g.id == id).cloned())
    });
    // A memo, so the list is re-drawn only when a step is added or removed: the rows keep
    // their place (and focus) when a step is ticked.
    let steps = Memo::new(move |_| {
        goal.with(|g| {
            g.as_ref()
                .map(|g| g.current_tasks().map(|t| t.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    view! {
        <p class="goal-sentence">{move || goal.with(|g| g.as_ref().map(Goal::sentence))}</p>
        <p class="goal-tags">
            <span class="tag">{move || goal.with(|g| if g.as_ref().is_some_and(|g| !g.source.is_me()) { "From your OT" } else { "Your own goal" })}</span>
            <span class="tag">{move || goal.with(|g| g.as_ref().map(|g| g.status.label()))}</span>
        </p>
        <p><A href=paths::goal_change(id)>"Change what the goal says"</A></p>

        <section class="card" aria-labelledby="steps-heading">
            <h2 id="steps-heading" tabindex="-1">"Steps"</h2>
            <Show when=move || !steps.with(Vec::is_empty)
                fallback=|| view! { <p>"No steps yet. Break your goal into small steps you can tick off."</p> }>
                <ul class="task-list">
                    {move || steps.get().into_iter().map(|task| view! {
                        <TaskRow goal=id task on_goal_page=true/>
                    }).collect_view()}
                </ul>
            </Show>
            <AddStep id/>
        </section>

        <RecordProgress id goal/>
        <LevelsForm id goal/>
        <RatingsForm id goal/>
        <WeightsForm id goal/>
        <StatusActions id goal/>
    }
}

#[component]
fn AddStep(id: GoalId) -> impl IntoView {
    let state = use_app_state();
    let title = RwSignal::new(String::new());
    let how_often = RwSignal::new(Some(1i8));
    let times = RwSignal::new("3".to_string());
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let frequency = match how_often.get_untracked() {
            Some(0) => TaskFrequency::Once,
            Some(2) => match times.get_untracked().trim().parse::<u8>() {
                Ok(times) => TaskFrequency::Weekly { times },
                Err(_) => {
                    message.set(Some(
                        "Please write a number of times a week, from 1 to 21.".into(),
                    ));
                    return;
                }
            },
            _ => TaskFrequency::Daily,
        };
        let result = send(
            state,
            GoalCommand::AddTask {
                goal: id,
                title: title.get_untracked(),
                frequency,
            },
        );
        message.set(Some(match result {
            Ok(()) => {
                title.set(String::new());
                "Step added.".into()
            }
            Err(e) => e,
        }));
    };
    let often: Vec<Choice> = crate::components::choices::plain_choices(&[
        (0, "Once"),
        (1, "Every day"),
        (2, "Some days each week"),
    ]);
    view! {
        <form class="add-step" on:submit=submit>
            <h3>"Add a step"</h3>
            <TextField label="What is the step?" value=title hint="Something small you can do, like \"walk to the front gate\"."/>
            <Choices legend="How often?" name="how-often" options=often value=how_often/>
            <Show when=move || how_often.get() == Some(2)>
                <label class="field">
                    <span>"How many times a week?"</span>
                    <input type="number" min="1" max="21" inputmode="numeric" prop:value=move || times.get()
                        on:input=move |ev| times.set(event_target_value(&ev))/>
                </label>
            </Show>
            <button type="submit" class="button button-primary">"Add this step"</button>
            <FormMessage message/>
        </form>
    }
}

#[component]
fn RecordProgress(id: GoalId, goal: GoalMemo) -> impl IntoView {
    let state = use_app_state();
    let level = RwSignal::new(None::<i8>);
    let note = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    // The choices show what the person said each level looks like, so they are drawn again
    // when (only when) those words change.
    let levels = Memo::new(move |_| goal.with(|g| g.as_ref().map(|g| g.levels.clone())));
    let options = move || {
        levels.with(|levels| {
            (-2i8..=2)
                .rev()
                .map(|l| {
                    let described = levels.as_ref().map(|v| v.describe(l)).unwrap_or_default();
                    (l, level_label(l).to_string(), described.to_string())
                })
                .collect::<Vec<Choice>>()
        })
    };
    let records = Signal::derive(move || {
        goal.with(|g| g.as_ref().map(|g| g.progress.clone()).unwrap_or_default())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(l) = level.get_untracked() else {
            message.set(Some("Please choose how it is going first.".into()));
            return;
        };
        let result = send(
            state,
            GoalCommand::RecordProgress {
                goal: id,
                date: clock::today(),
                level: l,
                note: note.get_untracked(),
            },
        );
        message.set(Some(match result {
            Ok(()) => {
                level.set(None);
                note.set(String::new());
                format!("Saved for today: {}.", level_label(l))
            }
            Err(e) => e,
        }));
    };
    view! {
        <section class="card" aria-labelledby="progress-heading">
            <h2 id="progress-heading">"How it is going"</h2>
            <form on:submit=submit>
                {move || view! { <Choices legend="How is it going today?" name="level" options=options() value=level/> }}
                <TextField label="A note, if you like" value=note maxlength=2000/>
                <button type="submit" class="button button-primary">"Save how it is going"</button>
                <FormMessage message/>
            </form>
            <h3>"How it has gone so far"</h3>
            <LevelChart records caption="How it has gone, oldest first"/>
        </section>
    }
}

/// A draft of the goal as it is now, to change one part of it.
fn current_draft(goal: GoalMemo) -> Option<GoalDraft> {
    goal.with_untracked(|g| g.as_ref().map(GoalDraft::from_goal))
}

fn saved_message(result: Result<(), String>) -> Option<String> {
    Some(result.map_or_else(|e| e, |()| "Saved.".to_string()))
}

#[component]
fn LevelsForm(id: GoalId, goal: GoalMemo) -> impl IntoView {
    let state = use_app_state();
    let start = current_draft(goal).unwrap_or_default();
    let texts: Vec<(i8, RwSignal<String>)> = (-2i8..=2)
        .rev()
        .map(|l| (l, RwSignal::new(start.levels.describe(l).to_string())))
        .collect();
    let baseline = RwSignal::new(Some(start.baseline));
    let message = RwSignal::new(None::<String>);
    let signals = StoredValue::new(texts.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut draft) = current_draft(goal) else {
            return;
        };
        let text = |level: i8| {
            signals.with_value(|s| {
                s.iter()
                    .find(|(l, _)| *l == level)
                    .map(|(_, t)| t.get_untracked())
                    .unwrap_or_default()
            })
        };
        draft.levels = AttainmentLevels {
            much_less: text(-2),
            somewhat_less: text(-1),
            expected: text(0),
            somewhat_more: text(1),
            much_more: text(2),
        };
        draft.baseline = baseline.get_untracked().unwrap_or(draft.baseline);
        message.set(saved_message(send(
            state,
            GoalCommand::Change { goal: id, draft },
        )));
    };
    view! {
        <section class="card" aria-labelledby="levels-heading">
            <h2 id="levels-heading">"What each level looks like"</h2>
            <p>"Say in your own words what each one would look like for you. Then you can tell where you are. \"What I expected\" is what you hope to manage by your date. Your OT can help with this."</p>
            <details>
                <summary>"Write or change the levels"</summary>
                <form on:submit=submit>
                    {texts.into_iter().map(|(l, text)| view! {
                        <TextField label=level_label(l) value=text/>
                    }).collect_view()}
                    <Choices legend="Where were you starting from?" name="baseline" options=baseline_choices() value=baseline/>
                    <button type="submit" class="button button-primary">"Save the levels"</button>
                    <FormMessage message/>
                </form>
            </details>
        </section>
    }
}

#[component]
fn RatingsForm(id: GoalId, goal: GoalMemo) -> impl IntoView {
    let state = use_app_state();
    let answers = [
        RwSignal::new(None::<u8>),
        RwSignal::new(None::<u8>),
        RwSignal::new(None::<u8>),
    ];
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let [Some(importance), Some(performance), Some(satisfaction)] =
            answers.map(|a| a.get_untracked())
        else {
            message.set(Some("Please answer all three, from 1 to 10.".into()));
            return;
        };
        let rating = GoalRating {
            date: clock::today(),
            importance,
            performance,
            satisfaction,
        };
        let result = send(state, GoalCommand::Rate { goal: id, rating });
        if result.is_ok() {
            for a in answers {
                a.set(None);
            }
        }
        message.set(saved_message(result));
    };
    // Read-only, so written as an HTML string (less download than a view tree). A list
    // rather than a table, so it fits a narrow phone screen.
    let so_far = move || {
        goal.with(|g| {
            let g = g.as_ref()?;
            let latest = g.ratings.last()?;
            let change = rating_change(g);
            let mut h = match change {
                Some((first, latest)) => format!(
                    "<p>Your first rating ({}) and your latest ({}), out of 10:</p>",
                    short_date(first.date),
                    short_date(latest.date)
                ),
                None => format!(
                    "<p>Your rating on {}, out of 10:</p>",
                    short_date(latest.date)
                ),
            };
            let first = change.map_or(latest, |(first, _)| first);
            h.push_str("<ul class=\"plain-list\">");
            for (what, a, b) in [
                ("How important it is", first.importance, latest.importance),
                ("How well I do it", first.performance, latest.performance),
                (
                    "How satisfied I am",
                    first.satisfaction,
                    latest.satisfaction,
                ),
            ] {
                h.push_str(&if change.is_some() {
                    format!("<li>{what}: {a} then {b}, {}</li>", change_words(a, b))
                } else {
                    format!("<li>{what}: {b}</li>")
                });
            }
            h.push_str("</ul>");
            Some(h)
        })
        .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">"Rate this goal"</h2>
            <p>"You do not have to. Rate it from 1 to 10 now, and again later to see the change."</p>
            <div inner_html=so_far></div>
            <details>
                <summary>"Add a rating"</summary>
                <form on:submit=submit>
                    <RatingScale legend="How much does this goal matter to you?" name="rate-importance" low=1 high=10
                        low_label="not important at all" high_label="extremely important" value=answers[0]/>
                    <RatingScale legend="How well do you do it now?" name="rate-performance" low=1 high=10
                        low_label="not able to do it at all" high_label="able to do it extremely well" value=answers[1]/>
                    <RatingScale legend="How satisfied are you with how you do it?" name="rate-satisfaction" low=1 high=10
                        low_label="not satisfied at all" high_label="extremely satisfied" value=answers[2]/>
                    <button type="submit" class="button button-primary">"Save my rating"</button>
                    <FormMessage message/>
                </form>
            </details>
        </section>
    }
}

#[component]
fn WeightsForm(id: GoalId, goal: GoalMemo) -> impl IntoView {
    let state = use_app_state();
    let start = current_draft(goal).unwrap_or_default();
    let importance = RwSignal::new(start.importance);
    let difficulty = RwSignal::new(start.difficulty);
    let message = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut draft) = current_draft(goal) else {
            return;
        };
        draft.importance = importance.get_untracked();
        draft.difficulty = difficulty.get_untracked();
        message.set(saved_message(send(
            state,
            GoalCommand::Change { goal: id, draft },
        )));
    };
    let now = move || {
        goal.with(|g| match g.as_ref().map(|g| (g.importance, g.difficulty)) {
            Some((Some(i), Some(d))) => {
                format!("Importance {i} out of 3, difficulty {d} out of 3.")
            }
            Some((Some(i), None)) => format!("Importance {i} out of 3. Difficulty not set yet."),
            Some((None, Some(d))) => format!("Difficulty {d} out of 3. Importance not set yet."),
            _ => "Not set yet.".to_string(),
        })
    };
    view! {
        <section class="card" aria-labelledby="weights-heading">
            <h2 id="weights-heading">"Importance and difficulty"</h2>
            <p>"You do not have to set these. They help your OT see which goals matter most to you. You choose how important it is. Your OT may help you say how hard it is."</p>
            <p>{now}</p>
            <details>
                <summary>"Set importance and difficulty"</summary>
                <form on:submit=submit>
                    <RatingScale legend="How important is this goal to you?" name="importance" low=0 high=3
                        low_label="not important" high_label="very important" value=importance/>
                    <RatingScale legend="How hard will it be?" name="difficulty" low=0 high=3
                        low_label="not hard" high_label="very hard" value=difficulty/>
                    <button type="submit" class="button button-primary">"Save importance and difficulty"</button>
                    <FormMessage message/>
                </form>
            </details>
        </section>
    }
}

#[component]
fn StatusActions(id: GoalId, goal: GoalMemo) -> impl IntoView {
    let state = use_app_state();
    let message = RwSignal::new(None::<String>);
    let status = move || goal.with(|g| g.as_ref().map(|g| g.status).unwrap_or_default());
    let button = move |label: &'static str, to: GoalStatus, done: &'static str| {
        view! {
            <button type="button" class="button" on:click=move |_| {
                let result = send(state, GoalCommand::SetStatus { goal: id, status: to });
                message.set(Some(result.map_or_else(|e| e, |()| done.to_string())));
                focus_later("#status-heading");
            }>{label}</button>
        }
    };
    view! {
        <section class="card" aria-labelledby="status-heading">
            <h2 id="status-heading" tabindex="-1">"On hold, done or put away"</h2>
            <p>{move || format!("This goal is: {}.", status().label())}</p>
            <p class="hint">"Nothing is deleted. Goals you put away stay in your history and your backups."</p>
            <div class="button-row">
                {move || match status() {
                    GoalStatus::Active => view! {
                        {button("Put on hold", GoalStatus::Paused, "This goal is on hold.")}
                        {button("Mark as done", GoalStatus::Completed, "Well done: this goal is marked as done.")}
                        {button("Put away", GoalStatus::Archived, "This goal is put away.")}
                    }.into_any(),
                    GoalStatus::Paused | GoalStatus::Completed => view! {
                        {button("Work on it again", GoalStatus::Active, "You are working on this goal again.")}
                        {button("Put away", GoalStatus::Archived, "This goal is put away.")}
                    }.into_any(),
                    GoalStatus::Archived => view! {
                        {button("Bring it back", GoalStatus::Active, "This goal is back in your list.")}
                    }.into_any(),
                }}
            </div>
            <FormMessage message/>
        </section>
    }
}
