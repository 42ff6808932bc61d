//! Goals: the list of goals with their latest level and next step, how they are going in
//! plain words, and the steps due today. The builder and a goal's own page are in the submodules; every rule
//! (what is due, levels, scores) comes from `domain::goals`.

mod builder;
mod detail;

pub use builder::{ChangeGoalPage, NewGoalPage};
pub use detail::GoalPage;

use std::fmt::Write;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::field::{FormMessage, TextField};
use crate::components::html::esc;
use crate::domain::dates::short_date;
use crate::domain::goals::{
    goals_going, level_label, summarise, task_day, Goal, GoalCommand, GoalStatus, TaskFrequency,
};
use crate::domain::ids::{GoalId, TaskId};
use crate::platform::clock;
use crate::platform::focus::focus_later;
use crate::state::{use_app_state, AppState};

/// Apply a goal command; the plain-English reason when it is refused.
fn send(state: AppState, command: GoalCommand) -> Result<(), String> {
    state.dispatch(command).map_err(|e| e.to_string())
}

#[component]
pub fn GoalsPage() -> impl IntoView {
    let state = use_app_state();
    let html = move || state.data.with(|d| goals_html(&d.goals, clock::today()));
    view! {
        <PageHeading title="Goals"/>
        <p><A href=paths::GOAL_NEW attr:class="button button-primary button-wide">"Set a new goal"</A></p>
        <div inner_html=html></div>
    }
}

/// How the goals are going, the goals being worked on and the others, as HTML. Read-only, so written as one
/// string: far less download than a tree of `view!` elements. The person's words are escaped.
fn goals_html(goals: &[Goal], today: NaiveDate) -> String {
    if goals.is_empty() {
        return "<section class=\"card empty-state\"><h2>You have no goals yet</h2>\
            <p>Set a goal in four parts: what you want to do, the help you need, how much or how \
            well, and by when. Then break it into small steps and record how it is going.</p>\
            <p>Goals from your occupational therapist will show here too, marked as from your OT.</p>\
            </section>"
            .into();
    }
    let mut h = String::from(
        "<section class=\"card goal-score\" aria-labelledby=\"score-heading\">\
         <h2 id=\"score-heading\">How your goals are going</h2>",
    );
    for line in goals_going(goals, today) {
        // Writing to a String cannot fail.
        let _ = write!(h, "<p>{line}</p>");
    }
    h.push_str("</section>");
    let (active, other): (Vec<&Goal>, Vec<&Goal>) =
        goals.iter().partition(|g| g.status == GoalStatus::Active);
    let cards = |list: &[&Goal], h: &mut String| {
        h.push_str("<ul class=\"goal-list\">");
        for g in list {
            let s = summarise(g, today);
            let latest = match s.latest {
                Some((date, level)) => {
                    format!("Latest: {} ({})", level_label(level), short_date(date))
                }
                None => "No progress recorded yet.".into(),
            };
            let _ = write!(
                h,
                "<li class=\"card goal-card\"><h3><a href=\"{}\">{}</a></h3>\
                 <p class=\"goal-tags\"><span class=\"tag\">{}</span><span class=\"tag\">{}</span></p>\
                 <p>{latest}</p>",
                paths::goal(g.id),
                esc(&g.title()),
                if g.source.is_me() { "Your own goal" } else { "From your OT" },
                g.status.label(),
            );
            if g.status == GoalStatus::Active {
                let next = match s.next_task.and_then(|t| g.task(t)) {
                    Some(t) => format!("Next step: {}", esc(&t.title)),
                    None if s.steps == 0 => "No steps yet.".into(),
                    None => "All steps done for today.".into(),
                };
                let _ = write!(h, "<p>{next}</p>");
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    };
    h.push_str(
        "<section aria-labelledby=\"active-heading\"><h2 id=\"active-heading\">Goals you are working on</h2>",
    );
    if active.is_empty() {
        h.push_str("<p>None at the moment.</p>");
    } else {
        cards(&active, &mut h);
    }
    h.push_str("</section>");
    if !other.is_empty() {
        let _ = write!(
            h,
            "<details class=\"other-goals\"><summary>Goals on hold, done or put away ({})</summary>",
            other.len()
        );
        cards(&other, &mut h);
        h.push_str("</details>");
    }
    h
}

/// The steps due today across all goals being worked on (for the Today page).
#[component]
pub fn TasksToday(
    /// The steps to show (due or done today), in order: from Today's agenda, which takes them
    /// from `domain::goals::tasks_for_day`.
    #[prop(into)]
    steps: Signal<Vec<(GoalId, TaskId)>>,
) -> impl IntoView {
    let due = Memo::new(move |_| steps.get());
    view! {
        <section class="card" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">"Tasks for today"</h2>
            <Show
                when=move || !due.with(Vec::is_empty)
                fallback=|| view! {
                    <p>"Nothing due today. When your goals have steps, the ones due today will show here."</p>
                    <p><A href=paths::GOALS>"Go to your goals"</A></p>
                }
            >
                <ul class="task-list">
                    // Re-drawn only when the list itself changes (the memo), not on every tick,
                    // so focus stays on the button that was pressed.
                    {move || due.get().into_iter().map(|(goal, task)| view! {
                        <TaskRow goal task on_goal_page=false/>
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// How a step stands today, for its row.
#[derive(Clone, Debug, PartialEq)]
struct StepToday {
    status: String,
    can_tick: bool,
    done_today: bool,
}

/// A step: how often, how it stands today, a button to tick it off (with an optional note).
/// Once ticked today it says so and offers "Undo" (and, for a step done more than once a day,
/// "Done it again") instead of another tick. "Remove step" sits apart on the goal's page. The
/// buttons are hidden rather than removed when they do not apply, so the row keeps its place.
#[component]
fn TaskRow(goal: GoalId, task: TaskId, on_goal_page: bool) -> impl IntoView {
    let state = use_app_state();
    // A step's title never changes, so it is read once.
    let (title, goal_title) = state.data.with_untracked(|d| {
        d.goals
            .iter()
            .find(|g| g.id == goal)
            .map(|g| {
                let title = g.task(task).map(|t| t.title.clone()).unwrap_or_default();
                (title, g.title())
            })
            .unwrap_or_default()
    });
    let today = Memo::new(move |_| {
        let date = clock::today();
        state.data.with(|d| {
            let t = d.goals.iter().find(|g| g.id == goal)?.task(task)?;
            let day = task_day(t, date);
            Some(StepToday {
                status: format!("{}. {}.", t.frequency.label(), day.words(t.frequency)),
                can_tick: t.frequency != TaskFrequency::Once || day.last_done.is_none(),
                done_today: day.done_today > 0,
            })
        })
    });
    let cannot_tick = move || !today.with(|t| t.as_ref().is_some_and(|t| t.can_tick));
    let done_today = move || today.with(|t| t.as_ref().is_some_and(|t| t.done_today));
    // The first tick of the day: the main button. After it, "Undo" comes first.
    let first_tick_hidden = move || cannot_tick() || done_today();
    let again_hidden = move || cannot_tick() || !done_today();
    let note = RwSignal::new(String::new());
    let details = NodeRef::<leptos::html::Details>::new();
    let message = RwSignal::new(None::<String>);
    let tick = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = send(
            state,
            GoalCommand::TickTask {
                goal,
                task,
                date: clock::today(),
                note: note.get_untracked(),
            },
        );
        message.set(Some(match result {
            Ok(()) => {
                note.set(String::new());
                if let Some(d) = details.get_untracked() {
                    d.set_open(false);
                }
                "Ticked off for today. Well done.".into()
            }
            Err(e) => e,
        }));
    };
    let undo = move |_| {
        // The last tick today as this page shows it: taken back by its value, so a tick another
        // tab made meanwhile is never taken instead.
        let today = clock::today();
        let shown = state.data.with_untracked(|d| {
            let t = d.goals.iter().find(|g| g.id == goal)?.task(task)?;
            t.done.iter().rev().find(|c| c.date == today).cloned()
        });
        let Some(tick) = shown else {
            return message.set(Some("There is no tick today to take back.".into()));
        };
        let result = send(state, GoalCommand::UndoTick { goal, task, tick });
        message.set(Some(match result {
            Ok(()) => "Undone: the last tick is taken away.".into(),
            Err(e) => e,
        }));
    };
    let remove = move |_| {
        if send(state, GoalCommand::DropTask { goal, task }).is_ok() {
            focus_later("#steps-heading");
        }
    };
    view! {
        <li class="task">
            <p class="task-title">{title.clone()}</p>
            {(!on_goal_page).then(|| view! { <p class="hint">{format!("For your goal: {goal_title}")}</p> })}
            <p class="task-status" class:task-done=done_today>{move || today.with(|t| t.as_ref().map(|t| t.status.clone()))}</p>
            <form on:submit=tick>
                <details class="task-note" node_ref=details prop:hidden=first_tick_hidden>
                    <summary>"Add a note"</summary>
                    <TextField label="Note, if you like" value=note maxlength=2000/>
                </details>
                <div class="button-row">
                    <button type="submit" class="button button-primary" prop:hidden=first_tick_hidden
                        aria-label=format!("Tick off: {title}")>"Tick off"</button>
                    <button type="button" class="button" on:click=undo prop:hidden=move || !done_today()
                        aria-label=format!("Undo the tick: {title}")>"Undo"</button>
                    <button type="submit" class="button" prop:hidden=again_hidden
                        aria-label=format!("Done it again: {title}")>"Done it again"</button>
                </div>
                <FormMessage message/>
            </form>
            {on_goal_page.then(|| view! {
                <p class="task-remove">
                    <button type="button" class="button button-small" on:click=remove
                        aria-label=format!("Remove step: {title}")>"Remove step"</button>
                </p>
            })}
        </li>
    }
}

/// The starting level (baseline) as choices.
fn baseline_choices() -> Vec<crate::components::choices::Choice> {
    crate::components::choices::plain_choices(&[
        (-1, "I can do some of it already"),
        (-2, "I cannot do it at all yet"),
    ])
}

/// Shown for an address that names no goal.
fn goal_missing() -> impl IntoView {
    view! {
        <p>"This goal could not be found. Your records are safe."</p>
        <p><A href=paths::GOALS>"Go to your goals"</A></p>
    }
}

/// The goal id in the page's address, if it is a number.
fn goal_id_param() -> Memo<Option<GoalId>> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<u32>().ok()).map(GoalId)))
}
