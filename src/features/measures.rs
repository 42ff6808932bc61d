//! Recording the measures: the six-question confidence questionnaire, the work ability score,
//! and GP appointments, sick days and fit notes (which can be changed or removed). The figures
//! are on the Progress page; the rules are in `domain::measures`.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::rating_scale::RatingScale;
use crate::domain::dates::{iso_date, long_date};
use crate::domain::ids::OutcomeId;
use crate::domain::measures::{
    check_sick_days, event_text, events_newest_first, form_date, form_day_count, kind_label,
    self_efficacy_saved, work_ability_words, MeasureCommand, OUTCOME_KINDS, SELF_EFFICACY_ITEMS,
};
use crate::domain::outcomes::{OutcomeEvent, OutcomeKind};
use crate::domain::ratings::{SelfEfficacyResponse, WorkAbilityScore};
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::platform::focus::{focus_button_later, focus_later};
use crate::state::use_app_state;

/// Radio group names for the six questions.
const ITEM_NAMES: [&str; 6] = ["se1", "se2", "se3", "se4", "se5", "se6"];

fn back_link() -> impl IntoView {
    view! { <p><A href=paths::PROGRESS>"Back to Progress"</A></p> }
}

#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let state = use_app_state();
    let answers: [RwSignal<Option<u8>>; 6] = std::array::from_fn(|_| RwSignal::new(None));
    let date_text = RwSignal::new(iso_date(clock::today()));
    let message = RwSignal::new(None::<String>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let date = match form_date(&date_text.get_untracked(), clock::today()) {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let items = answers.map(|a| a.get_untracked());
        let command = MeasureCommand::SelfEfficacy(SelfEfficacyResponse { date, items });
        match state.dispatch(command) {
            Ok(()) => {
                message.set(Some(self_efficacy_saved(&items)));
                for a in answers {
                    a.set(None);
                }
                date_text.set(iso_date(clock::today()));
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let questions = (0..6)
        .map(|i| {
            let value = answers[i];
            view! {
                <div class="question">
                    <RatingScale
                        legend=SELF_EFFICACY_ITEMS[i]
                        name=ITEM_NAMES[i]
                        low=1
                        high=10
                        low_label="not at all confident"
                        high_label="totally confident"
                        value=value
                    />
                    <button type="button" class="button button-small" hidden=move || value.get().is_none()
                        aria-label=format!("Clear my answer to question {}", i + 1)
                        on:click=move |_| value.set(None)>"Clear my answer"</button>
                </div>
            }
        })
        .collect_view();
    view! {
        <PageHeading title="Confidence questionnaire"/>
        {back_link()}
        <p class="lead">"Six questions about managing your health. It takes a couple of minutes."</p>
        <p>"You can leave out any question you would rather not answer. A score needs at least 4 of the 6 answers."</p>
        <form on:submit=save>
            <p class="question-stem">"How confident are you that you can:"</p>
            {questions}
            <DateField id="questionnaire-date" label="Date" value=date_text hint="Change this if you are filling it in for an earlier day."/>
            <button type="submit" class="button button-primary">"Save answers"</button>
            <p class="form-message" role="status">{move || message.get()}</p>
        </form>
    }
}

#[component]
pub fn WorkAbilityPage() -> impl IntoView {
    let state = use_app_state();
    let score = RwSignal::new(None::<u8>);
    let date_text = RwSignal::new(iso_date(clock::today()));
    let message = RwSignal::new(None::<String>);
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(value) = score.get_untracked() else {
            return message.set(Some("Please choose a number from 0 to 10 first.".into()));
        };
        let date = match form_date(&date_text.get_untracked(), clock::today()) {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let command = MeasureCommand::WorkAbility(WorkAbilityScore { date, score: value });
        message.set(Some(match state.dispatch(command) {
            Ok(()) => {
                score.set(None);
                date_text.set(iso_date(clock::today()));
                format!(
                    "Saved: {} for {}.",
                    work_ability_words(value),
                    long_date(date)
                )
            }
            Err(e) => e.to_string(),
        }));
    };
    view! {
        <PageHeading title="Work ability"/>
        {back_link()}
        <p class="lead">"Think of your ability to work at its very best in your life as 10 points."</p>
        <form on:submit=save>
            <RatingScale
                legend="How many points would you give your ability to work now?"
                name="work-ability"
                low=0
                high=10
                low_label="you cannot work at all now"
                high_label="as good as your best ever"
                value=score
            />
            <p class="hint">"0 to 5 is poor, 6 or 7 is moderate, 8 to 10 is good or excellent."</p>
            <DateField id="work-ability-date" label="Date" value=date_text hint="Change this if you are filling it in for an earlier day."/>
            <button type="submit" class="button button-primary">"Save score"</button>
            <p class="form-message" role="status">{move || message.get()}</p>
        </form>
    }
}

#[component]
pub fn EventsPage() -> impl IntoView {
    view! {
        <PageHeading title="Appointments, sick days and fit notes"/>
        {back_link()}
        <p class="lead">"Add one each time something happens. You can add ones from before you started with your OT too."</p>
        <section class="card" aria-labelledby="add-event-heading">
            <h2 id="add-event-heading">"Add"</h2>
            <EventForm/>
        </section>
        <EventList/>
    }
}

/// Adding new events, or changing one (`edit`). `done` is called with a message after a change
/// is saved or cancelled.
#[component]
fn EventForm(
    #[prop(optional)] edit: Option<OutcomeEvent>,
    #[prop(optional)] done: Option<Callback<String>>,
) -> impl IntoView {
    let state = use_app_state();
    let editing = edit.as_ref().map(|e| e.id);
    let kind = RwSignal::new(edit.as_ref().map(|e| e.kind));
    let date = RwSignal::new(iso_date(
        edit.as_ref().map_or_else(clock::today, |e| e.date),
    ));
    let days = RwSignal::new("1".to_string());
    let reason = RwSignal::new(edit.map(|e| e.reason).unwrap_or_default());
    let message = RwSignal::new(None::<String>);
    let name = if editing.is_some() {
        "kind-change"
    } else {
        "kind-add"
    };
    let sick_days = move || editing.is_none() && kind.get() == Some(OutcomeKind::SickDay);
    let gp = move || kind.get() == Some(OutcomeKind::GpAppointment);

    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let today = clock::today();
        let Some(k) = kind.get_untracked() else {
            return message.set(Some("Please choose what happened.".into()));
        };
        let d = match form_date(&date.get_untracked(), today) {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let what = format!("{} on {}", kind_label(k), long_date(d));
        let (command, wanted, saved) = if let Some(id) = editing {
            let reason = reason.get_untracked();
            let command = MeasureCommand::EditEvent {
                id,
                date: d,
                kind: k,
                reason,
            };
            (command, 0, format!("Changed to: {what}."))
        } else if k == OutcomeKind::SickDay {
            let n = match form_day_count(&days.get_untracked()) {
                Ok(n) => n,
                Err(e) => return message.set(Some(e)),
            };
            let last = match check_sick_days(d, n, today) {
                Ok(last) => last,
                Err(e) => return message.set(Some(e)),
            };
            let saved = if n == 1 {
                format!("Saved: {what}.")
            } else {
                format!(
                    "Saved: {n} days off sick, from {} to {}.",
                    long_date(d),
                    long_date(last)
                )
            };
            let command = MeasureCommand::AddSickDays { first: d, days: n };
            (command, usize::from(n), saved)
        } else {
            let reason = reason.get_untracked();
            let command = MeasureCommand::AddEvent {
                date: d,
                kind: k,
                reason,
            };
            (command, 1, format!("Saved: {what}."))
        };
        let before = state.data.with_untracked(|d| d.outcomes.len());
        match state.dispatch(command) {
            Ok(()) => {
                if let Some(done) = done {
                    return done.run(saved);
                }
                let added = state
                    .data
                    .with_untracked(|d| d.outcomes.len())
                    .saturating_sub(before);
                let skipped = wanted.saturating_sub(added);
                message.set(Some(match skipped {
                    0 => saved,
                    1 => format!("{saved} 1 of those days was already recorded, so it was left as it was."),
                    n => format!("{saved} {n} of those days were already recorded, so they were left as they were."),
                }));
                reason.set(String::new());
                days.set("1".into());
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };
    let choices = OUTCOME_KINDS
        .into_iter()
        .map(|k| {
            view! {
                <label class="m-choice">
                    <input type="radio" name=name prop:checked=move || kind.get() == Some(k)
                        on:change=move |_| kind.set(Some(k))/>
                    <span>{kind_label(k)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form on:submit=save>
            <fieldset class="m-choices">
                <legend>"What happened?"</legend>
                {choices}
            </fieldset>
            <DateField id=if editing.is_some() { "event-date-change" } else { "event-date-add" } label="Date" value=date/>
            <label class="field" hidden=move || !sick_days()>
                <span>"How many days in a row?"</span>
                <span class="hint">"Starting on the date above."</span>
                <input type="number" inputmode="numeric" min="1" max="366" prop:value=move || days.get()
                    on:input=move |ev| days.set(event_target_value(&ev))/>
            </label>
            <label class="field" hidden=move || !gp()>
                <span>"What was it for? (you do not have to say)"</span>
                <input type="text" maxlength="2000" prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))/>
            </label>
            <div class="button-row">
                <button type="submit" class="button button-primary">
                    {if editing.is_some() { "Save changes" } else { "Save" }}
                </button>
                {done.filter(|_| editing.is_some()).map(|done| view! {
                    <button type="button" class="button" on:click=move |_| done.run("Nothing was changed.".into())>"Cancel"</button>
                })}
            </div>
            <p class="form-message" role="status">{move || message.get()}</p>
        </form>
    }
}

/// Records shown before "Show all".
const SHORT_LIST: usize = 20;

/// The message after a change, shown under the record it is about.
type RowMessage = RwSignal<Option<(OutcomeId, String)>>;

#[component]
fn EventList() -> impl IntoView {
    let state = use_app_state();
    // Only the ids, newest first: each row reads its own record, so a change redraws that row
    // alone and the focus stays where it was.
    let ids = Memo::new(move |_| {
        state.data.with(|d| {
            events_newest_first(d)
                .into_iter()
                .map(|e| e.id)
                .collect::<Vec<_>>()
        })
    });
    let editing = RwSignal::new(None::<OutcomeId>);
    let show_all = RwSignal::new(false);
    let message: RowMessage = RwSignal::new(None);
    let removal = Removal::create();
    let shown = move || {
        let take = if show_all.get() {
            usize::MAX
        } else {
            SHORT_LIST
        };
        ids.get().into_iter().take(take).collect::<Vec<_>>()
    };
    let hidden_count = move || {
        if show_all.get() {
            0
        } else {
            ids.with(Vec::len).saturating_sub(SHORT_LIST)
        }
    };
    view! {
        <section class="card" aria-labelledby="events-heading">
            <h2 id="events-heading" tabindex="-1">"What you have recorded"</h2>
            <UndoNotice removal/>
            <p hidden=move || !ids.with(Vec::is_empty)>"Nothing recorded yet."</p>
            <ul class="event-list" hidden=move || ids.with(Vec::is_empty)>
                <For each=shown key=|id| *id
                    children=move |id| view! { <EventRow id editing message removal/> }/>
            </ul>
            <button type="button" class="button" hidden=move || hidden_count() == 0
                on:click=move |_| show_all.set(true)>{move || format!("Show all {}", ids.with(Vec::len))}</button>
        </section>
    }
}

/// One recorded event with its Change and Remove buttons; changing it opens the form in place.
#[component]
fn EventRow(
    id: OutcomeId,
    editing: RwSignal<Option<OutcomeId>>,
    message: RowMessage,
    removal: Removal,
) -> impl IntoView {
    let state = use_app_state();
    let event = Memo::new(move |_| {
        state
            .data
            .with(|d| d.outcomes.iter().find(|e| e.id == id).cloned())
    });
    let text = move || event.with(|e| e.as_ref().map(event_text).unwrap_or_default());
    let change_button = NodeRef::<leptos::html::Button>::new();
    let is_editing = move || editing.get() == Some(id);
    let done = Callback::new(move |said: String| {
        editing.set(None);
        message.set(Some((id, said)));
        // Back to this record's Change button, where the person was.
        focus_button_later(change_button);
    });
    let change = move |_| {
        message.set(None);
        editing.set(Some(id));
        focus_later(".event-edit input:checked");
    };
    let remove = move |_| {
        if let Some(e) = event.get_untracked() {
            let restore = Command::Measure(MeasureCommand::RestoreEvent(e.clone()));
            let remove = Command::Measure(MeasureCommand::RemoveEvent(e.id));
            message.set(None);
            removal.ask(event_text(&e), remove, restore);
        }
    };
    view! {
        <li class="event-item">
            <p>{text}</p>
            <div class="button-row" hidden=is_editing>
                <button type="button" class="button button-small" node_ref=change_button
                    aria-label=move || format!("Change {}", text()) on:click=change>"Change"</button>
                <button type="button" class="button button-small"
                    aria-label=move || format!("Remove {}", text()) on:click=remove>"Remove"</button>
            </div>
            <p class="form-message" role="status">
                {move || message.with(|m| m.as_ref().filter(|(at, _)| *at == id).map(|(_, t)| t.clone()))}
            </p>
            {move || is_editing().then(|| event.get_untracked()).flatten().map(|e| view! {
                <div class="event-edit">
                    <h3>{format!("Change: {}", event_text(&e))}</h3>
                    <EventForm edit=e done/>
                </div>
            })}
        </li>
    }
}
