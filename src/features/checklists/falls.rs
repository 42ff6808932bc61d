//! The falls self-check, one statement per page (the GOV.UK "one thing per page" pattern): a
//! start page with the past self-checks, each statement on its own page with large Yes and No
//! choices and a Continue button, a page to check the answers, then the result. The answers
//! given so far are kept in the tab's session storage, so Back, Change or a reload loses
//! nothing; what is saved is the same `FallsCheck` of 12 yes/no answers as before.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::send;
use crate::app::{paths, PageHeading};
use crate::components::error_summary::{
    error_id, ErrorSummary, FieldError, FieldErrorMessage, FieldErrors,
};
use crate::components::field::FormMessage;
use crate::domain::checklists::{ChecklistCommand, FallsCheck};
use crate::domain::dates::long_date;
use crate::domain::home_safety::{
    falls_advice, falls_max, falls_total, yes_no, FallsDraft, FallsNext, FALLS_STATEMENTS,
};
use crate::domain::ids::FallsCheckId;
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::state::use_app_state;

/// The first choice of a statement: where the error summary's link goes, and the name of the
/// message by the choices (`falls-yes-error`).
const ANSWER: &str = "falls-yes";

/// Where the answers given so far are kept (this tab only; gone when it is closed).
const DRAFT_KEY: &str = "everyday-falls-draft";

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

fn load_draft() -> FallsDraft {
    session()
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .map(|t| FallsDraft::decode(&t))
        .unwrap_or_default()
}

/// Keep the draft. If the browser refuses, the answers are still kept in memory for the visit.
fn store_draft(draft: &FallsDraft) {
    if let Some(s) = session() {
        let _ = if draft.is_empty() {
            s.remove_item(DRAFT_KEY)
        } else {
            s.set_item(DRAFT_KEY, &draft.encode())
        };
    }
}

fn count() -> usize {
    FALLS_STATEMENTS.len()
}

/// The start page: what the check is, start or carry on, and the past self-checks.
#[component]
pub fn FallsPage() -> impl IntoView {
    let draft = RwSignal::new(load_draft());
    let answered = move || draft.with(|d| d.0.iter().filter(|a| a.is_some()).count());
    let resume = move || {
        draft.with(|d| match d.first_unanswered() {
            Some(n) => paths::falls_question(n),
            None => paths::FALLS_CHECK.to_string(),
        })
    };
    // The link goes to the first statement; the answers so far are dropped first.
    let start_again = move |_| {
        draft.set(FallsDraft::default());
        store_draft(&FallsDraft::default());
    };
    view! {
        <div class="large">
            <PageHeading title="Falls self-check"/>
            <p><A href=paths::HOME_SAFETY>"Back to Home safety"</A></p>
            <p class="lead">{format!("{} short statements about falls and feeling steady, one at a time. Answer yes or no to each. There are no right or wrong answers.", count())}</p>
            {move || if answered() == 0 {
                view! {
                    <p><A href=paths::falls_question(1) attr:class="button button-primary button-wide">"Start the self-check"</A></p>
                }.into_any()
            } else {
                view! {
                    <p>{format!("You have answered {} of {}. Your answers are kept until you save them.", answered(), count())}</p>
                    <p><A href=resume() attr:class="button button-primary button-wide">"Carry on"</A></p>
                    <p><a href=paths::falls_question(1) class="button button-wide" on:click=start_again>"Start again"</a></p>
                }.into_any()
            }}
            <FallsHistory/>
        </div>
    }
}

/// `/checklists/home/falls/:step`: a statement (1 to 12), `check` or `result`.
#[component]
pub fn FallsStepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.with(|p| p.get("step").unwrap_or_default()));
    let draft = RwSignal::new(load_draft());
    move || {
        let step = step.get();
        match step.as_str() {
            "check" => view! { <CheckAnswers draft/> }.into_any(),
            "result" => view! { <FallsResult/> }.into_any(),
            n => match n.parse::<usize>() {
                Ok(n) if (1..=count()).contains(&n) => view! { <Question n draft/> }.into_any(),
                _ => view! {
                    <PageHeading title="Page not found"/>
                    <p>"There is no such question in the falls self-check."</p>
                    <p><A href=paths::FALLS>"Go to the falls self-check"</A></p>
                }
                .into_any(),
            },
        }
    }
}

/// One statement, with large Yes and No choices, and Continue.
#[component]
fn Question(n: usize, draft: RwSignal<FallsDraft>) -> impl IntoView {
    let (text, points) = FALLS_STATEMENTS[n - 1];
    let chosen = RwSignal::new(draft.with_untracked(|d| d.0[n - 1]));
    let errors = FieldErrors::new();
    // The summary links to the first choice, as GOV.UK does for radios.
    let error = move || errors.message_for(ANSWER).is_some();
    let navigate = use_navigate();
    let back = if n == 1 {
        paths::FALLS.to_string()
    } else {
        paths::falls_question(n - 1)
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(answer) = chosen.get_untracked() else {
            return errors.show(vec![FieldError::new(ANSWER, "Choose yes or no")]);
        };
        draft.update(|d| d.0[n - 1] = Some(answer));
        let next = draft.with_untracked(|d| {
            store_draft(d);
            d.next_after(n)
        });
        let to = match next {
            FallsNext::Question(q) => paths::falls_question(q),
            FallsNext::Check => paths::FALLS_CHECK.to_string(),
        };
        navigate(&to, Default::default());
    };
    let choose = move |answer: bool| {
        chosen.set(Some(answer));
        errors.clear();
    };
    let option = move |answer: bool| {
        let id = if answer { "falls-yes" } else { "falls-no" };
        view! {
            <label class="check check-large yes-no-option" for=id>
                <input type="radio" id=id name="falls-answer" value=yes_no(answer)
                    aria-invalid=move || error().then_some("true")
                    aria-describedby=move || error().then(|| error_id(ANSWER))
                    prop:checked=move || chosen.get() == Some(answer)
                    on:change=move |_| choose(answer)/>
                <span class="check-label">{yes_no(answer)}</span>
            </label>
        }
    };
    view! {
        <div class="large falls-step">
            <p><A href=back attr:class="back-link">"Back"</A></p>
            <ErrorSummary errors/>
            <form on:submit=submit novalidate>
                <fieldset class="yes-no" class:field-invalid=error>
                    <legend class="question-legend">
                        <span class="caption">{format!("Question {n} of {}", count())}</span>
                        <PageHeading title=text/>
                    </legend>
                    {(points > 1).then(|| view! { <p class="hint">{format!("A yes counts {points} points.")}</p> })}
                    <FieldErrorMessage field=ANSWER errors/>
                    <div class="yes-no-options">
                        {option(true)}
                        {option(false)}
                    </div>
                </fieldset>
                <button type="submit" class="button button-primary button-wide">"Continue"</button>
            </form>
        </div>
    }
}

/// Every answer, each with a link to change it, then Save.
#[component]
fn CheckAnswers(draft: RwSignal<FallsDraft>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let message = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(answers) = draft.with_untracked(FallsDraft::complete) else {
            return message.set(Some(
                "Please answer every statement, yes or no, before you save.".into(),
            ));
        };
        let check = FallsCheck {
            id: FallsCheckId::default(),
            date: clock::today(),
            answers,
        };
        match send(state, ChecklistCommand::AddFallsCheck(check)) {
            Ok(()) => {
                draft.set(FallsDraft::default());
                store_draft(&FallsDraft::default());
                navigate(paths::FALLS_RESULT, Default::default());
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let rows = FALLS_STATEMENTS
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let answer = move || {
                draft.with(|d| d.0[i].map_or("Not answered yet", yes_no))
            };
            view! {
                <div class="answer-row">
                    <dt>{*text}</dt>
                    <dd class="answer">{answer}</dd>
                    <dd><A href=paths::falls_question(i + 1)>"Change"<span class="visually-hidden">{format!(" your answer to: {text}")}</span></A></dd>
                </div>
            }
        })
        .collect_view();
    let missing = move || draft.with(|d| d.first_unanswered());
    view! {
        <div class="large falls-step">
            <p><A href=paths::falls_question(count()) attr:class="back-link">"Back"</A></p>
            <PageHeading title="Check your answers"/>
            <p class="lead">"These are your answers to the falls self-check. You can change any of them before you save."</p>
            <dl class="answers-list">{rows}</dl>
            {move || match missing() {
                Some(n) => view! {
                    <p>"Some statements are not answered yet."</p>
                    <p><A href=paths::falls_question(n) attr:class="button button-primary button-wide">"Answer the next statement"</A></p>
                }.into_any(),
                None => view! {
                    <form on:submit=save.clone()>
                        <button type="submit" class="button button-primary button-wide">"Save my answers"</button>
                        <FormMessage message/>
                    </form>
                }.into_any(),
            }}
        </div>
    }
}

/// What the newest saved self-check means.
#[component]
fn FallsResult() -> impl IntoView {
    let state = use_app_state();
    let latest = move || {
        state
            .data
            .with(|d| d.home_safety.falls_checks.last().cloned())
    };
    view! {
        <div class="large">
            <PageHeading title="Your falls self-check"/>
            {move || match latest() {
                Some(c) => {
                    let total = falls_total(&c.answers);
                    view! {
                        <div class="card falls-advice" role="status">
                            <p><strong>{format!("Saved on {}.", long_date(c.date))}</strong></p>
                            <p class="falls-total">{format!("Your total is {total} out of {}.", falls_max())}</p>
                            <p>{falls_advice(total)}</p>
                        </div>
                    }.into_any()
                }
                None => view! { <p>"No self-check is saved yet."</p> }.into_any(),
            }}
            <p><A href=paths::HOME_SAFETY attr:class="button button-primary button-wide">"Back to Home safety"</A></p>
            <p><A href=paths::FALLS>"See your past self-checks"</A></p>
        </div>
    }
}

/// The past self-checks, newest first, each with its own Remove button.
#[component]
fn FallsHistory() -> impl IntoView {
    let state = use_app_state();
    let removal = Removal::create();
    let checks = move || {
        state.data.with(|d| {
            let mut list = d.home_safety.falls_checks.clone();
            list.reverse();
            list
        })
    };
    view! {
        <section aria-labelledby="falls-history-heading">
            <h2 id="falls-history-heading">"Your past self-checks"</h2>
            <UndoNotice removal/>
            <Show when=move || state.data.with(|d| d.home_safety.falls_checks.is_empty())>
                <p>"None yet."</p>
            </Show>
            <ul class="history-list" aria-labelledby="falls-history-heading">
                <For each=checks key=|c| (c.id, c.date, c.answers.clone()) let:check>
                    <FallsRow check removal/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn FallsRow(check: FallsCheck, removal: Removal) -> impl IntoView {
    let date = long_date(check.date);
    let words = format!(
        "{date}: a total of {} out of {}",
        falls_total(&check.answers),
        falls_max()
    );
    let remove = {
        let date = date.clone();
        move |_| {
            let describe = format!("the self-check of {date}");
            let command = Command::Checklist(ChecklistCommand::RemoveFallsCheck(check.id));
            let undo = Command::Checklist(ChecklistCommand::AddFallsCheck(check.clone()));
            removal.ask(describe, command, undo);
        }
    };
    view! {
        <li class="history-row">
            <span>{words}</span>
            <button type="button" class="button button-small" on:click=remove>
                "Remove"<span class="visually-hidden">{format!(" the self-check of {date}")}</span>
            </button>
        </li>
    }
}
