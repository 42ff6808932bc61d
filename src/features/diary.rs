//! The activity diary: the day view (log, change and remove activities, mark the day, pacing
//! against the budget, "same as yesterday"), the week view, insights and the pacing budget.
//! Every rule and figure comes from `domain::diary`; the read-only tables are HTML text.

mod form;
pub mod html;
mod settings;

pub use settings::DiarySettings;
use settings::{RatingSwitches, RatingsQuestion};

use chrono::{Duration, NaiveDate};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::app::{paths, PageHeading};
use crate::components::choices::{Choice, Choices};
use crate::components::field::FormMessage;
use crate::domain::activity::{DayKind, DiaryEntry, LifeArea};
use crate::domain::dates::{iso_date, parse_iso_date, weekday_date};
use crate::domain::diary::{
    baseline_from_diary, budget_area_words, budget_use, budget_words, day_kind_label, day_view,
    entry_text, form_minutes, insights, minutes_words, over_a_day_warning, repeat_label,
    repeat_source, suggested_budget, week_start, week_view, when_label, BudgetStatus, DiaryCommand,
    RatingKind, BASELINE_DAYS, DAY_KINDS,
};
use crate::domain::ids::EntryId;
use crate::domain::state::Command;
use crate::features::progress::{Removal, UndoNotice};
use crate::platform::clock;
use crate::platform::focus::{focus_button_later, focus_later};
use crate::state::{use_app_state, AppState};
use form::EntryForm;

fn send(state: AppState, command: DiaryCommand) -> Result<(), String> {
    state.dispatch(command).map_err(|e| e.to_string())
}

/// A date from the address (`?day=2026-11-24`), today when missing, never after today.
fn date_param(name: &'static str) -> Memo<NaiveDate> {
    let query = use_query_map();
    Memo::new(move |_| {
        let today = clock::today();
        query
            .with(|q| q.get(name).and_then(|d| parse_iso_date(&d)))
            .map_or(today, |d| d.min(today))
    })
}

/// Day, Week and Insights.
#[component]
fn DiaryTabs() -> impl IntoView {
    view! {
        <nav class="diary-tabs" aria-label="Diary views">
            <A href=paths::DIARY exact=true>"Day"</A>
            <A href=paths::DIARY_WEEK>"Week"</A>
            <A href=paths::DIARY_INSIGHTS>"Insights"</A>
        </nav>
    }
}

/// The day view.
#[component]
pub fn DiaryPage() -> impl IntoView {
    let state = use_app_state();
    let day = date_param("day");
    let editing = RwSignal::new(None::<DiaryEntry>);
    let message = RwSignal::new(None::<String>);
    // A new day on screen: stop changing an entry from the last one.
    Effect::new(move |_| {
        day.track();
        editing.set(None);
    });
    let link = move |d: NaiveDate| format!("{}?day={}", paths::DIARY, iso_date(d));
    let is_today = move || day.get() == clock::today();
    // The row whose Change button gets the focus back once a change is saved or cancelled.
    let return_focus = RwSignal::new(None::<EntryId>);
    let done = Callback::new(move |()| {
        let id = editing.get_untracked().map(|e| e.id);
        editing.set(None);
        let d = day.get_untracked();
        let still_here = id.filter(|&id| {
            state
                .data
                .with_untracked(|data| data.diary.iter().any(|e| e.id == id && e.date == d))
        });
        match still_here {
            Some(id) => return_focus.set(Some(id)),
            None => focus_later("#day-list-heading"),
        }
    });
    view! {
        <PageHeading title="Diary"/>
        <DiaryTabs/>
        <div class="period-nav">
            <A href=move || link(day.get() - Duration::days(1)) attr:class="button button-small">"Previous day"</A>
            <h2 id="day-heading">{move || weekday_date(day.get())}{move || is_today().then_some(" (today)")}</h2>
            <A href=move || link(day.get() + Duration::days(1)) attr:class="button button-small" attr:hidden=is_today>"Next day"</A>
        </div>
        <p hidden=is_today><A href=paths::DIARY>"Back to today"</A></p>
        <PacingToday day/>
        <RatingsQuestion/>
        <section class="card" aria-labelledby="entry-form-heading">
            <h2 id="entry-form-heading" tabindex="-1">
                {move || editing.with(|e| match e {
                    Some(e) => format!("Change: {}", e.what),
                    None => "Add an activity".to_string(),
                })}
            </h2>
            {move || {
                let d = day.get();
                let edit = editing.get();
                view! { <EntryForm day=d edit message done/> }
            }}
            <details class="rating-choice">
                <summary>"Choose which ratings to give"</summary>
                <RatingSwitches legend="Ratings to give each activity"/>
            </details>
        </section>
        <DayEntries day editing message return_focus/>
        <DayMarkPicker day/>
        <p><A href=paths::DIARY_WEEK>"See the whole week"</A></p>
    }
}

/// The day's activities, in time order, as a keyed list: each row owns its Change and Remove
/// buttons, so a save anywhere redraws only what changed and focus stays where it was. Then
/// the total, the over-24-hours warning and "same as yesterday".
#[component]
pub fn DayEntries(
    day: Memo<NaiveDate>,
    editing: RwSignal<Option<DiaryEntry>>,
    message: RwSignal<Option<String>>,
    return_focus: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let state = use_app_state();
    let removal = Removal::create();
    let entries = Memo::new(move |_| {
        state.data.with(|d| {
            day_view(d, day.get())
                .entries
                .into_iter()
                .cloned()
                .collect::<Vec<DiaryEntry>>()
        })
    });
    let totals = Memo::new(move |_| {
        state.data.with(|d| {
            let v = day_view(d, day.get());
            (v.total, v.by_area)
        })
    });
    let warning = move || over_a_day_warning(totals.get().0);
    let areas = move || {
        let (_, by_area) = totals.get();
        let parts: Vec<String> = LifeArea::ALL
            .into_iter()
            .zip(by_area)
            .filter(|(_, m)| *m > 0)
            .map(|(a, m)| format!("{}: {}", a.label(), minutes_words(m)))
            .collect();
        format!("{}.", parts.join(". "))
    };
    let list_name = move || format!("What you did on {}", weekday_date(day.get()));
    view! {
        <section class="card" aria-labelledby="day-list-heading">
            <h2 id="day-list-heading" tabindex="-1">"What you did"</h2>
            <p class="notice notice-warn" hidden=move || warning().is_none()>{warning}</p>
            <Show when=move || !entries.with(Vec::is_empty)
                fallback=move || view! { <p>{move || format!("Nothing in your diary for {} yet.", weekday_date(day.get()))}</p> }>
                <ol class="day-entries" aria-label=list_name>
                    <For each=move || entries.get() key=|e| e.id let:entry>
                        <DayRow id=entry.id entries editing message removal return_focus/>
                    </For>
                </ol>
                <p class="day-total"><strong>"Total: "</strong>{move || minutes_words(totals.get().0)}</p>
                <p class="day-areas">{areas}</p>
            </Show>
            <UndoNotice removal/>
            <RepeatDay day/>
        </section>
    }
}

/// "Mood 7, Enjoyment 8" for an entry's ratings.
fn ratings_text(e: &DiaryEntry) -> String {
    let parts: Vec<String> = RatingKind::ALL
        .into_iter()
        .filter_map(|k| k.of(&e.ratings).map(|v| format!("{} {v}", k.label())))
        .collect();
    parts.join(", ")
}

/// One activity in the day's list, with its own Change and Remove buttons.
#[component]
fn DayRow(
    id: EntryId,
    entries: Memo<Vec<DiaryEntry>>,
    editing: RwSignal<Option<DiaryEntry>>,
    message: RwSignal<Option<String>>,
    removal: Removal,
    return_focus: RwSignal<Option<EntryId>>,
) -> impl IntoView {
    let entry = Memo::new(move |_| entries.with(|v| v.iter().find(|e| e.id == id).cloned()));
    let text = move |f: fn(&DiaryEntry) -> String| {
        move || entry.with(|e| e.as_ref().map(f).unwrap_or_default())
    };
    let change_button = NodeRef::<leptos::html::Button>::new();
    // Back from changing this activity: the focus returns to its Change button.
    Effect::new(move |_| {
        if return_focus.get() == Some(id) {
            return_focus.set(None);
            focus_button_later(change_button);
        }
    });
    let change = move |_| {
        if let Some(e) = entry.get_untracked() {
            message.set(None);
            editing.set(Some(e));
            focus_later("#entry-form-heading");
        }
    };
    let remove = move |_| {
        if let Some(e) = entry.get_untracked() {
            let restore = Command::Diary(DiaryCommand::Restore(e.clone()));
            let remove = Command::Diary(DiaryCommand::Remove(e.id));
            if editing.with_untracked(|x| x.as_ref().is_some_and(|x| x.id == e.id)) {
                editing.set(None);
            }
            removal.ask(entry_text(&e), remove, restore);
        }
    };
    let label = move |verb: &'static str| {
        move || {
            entry.with(|e| {
                e.as_ref()
                    .map(|e| format!("{verb} {}, {}", e.what, when_label(e)))
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <li class="day-entry">
            <p class="entry-when">{text(when_label)}</p>
            <p class="entry-what">{text(|e| e.what.clone())}" "<span class="entry-length">{text(|e| format!("({})", minutes_words(e.minutes.into())))}</span></p>
            <p class="entry-area">{text(|e| e.area.label().to_string())}</p>
            <p class="entry-detail" hidden=move || entry.with(|e| e.as_ref().is_none_or(|e| e.ratings.is_empty()))>{text(ratings_text)}</p>
            <p class="entry-detail" hidden=move || entry.with(|e| e.as_ref().is_none_or(|e| e.note.is_empty()))>"Note: "{text(|e| e.note.clone())}</p>
            <div class="button-row entry-actions">
                <button type="button" class="button button-small" node_ref=change_button aria-label=label("Change") on:click=change>"Change"</button>
                <button type="button" class="button button-small" aria-label=label("Remove") on:click=remove>"Remove"</button>
            </div>
        </li>
    }
}

/// "Same as yesterday": copy the latest earlier day's activities, with an undo.
#[component]
fn RepeatDay(day: Memo<NaiveDate>) -> impl IntoView {
    let state = use_app_state();
    let source = move || state.data.with(|d| repeat_source(&d.diary, day.get()));
    // The copy that Undo takes away: its number, kept with the ids it added in the data.
    let added = RwSignal::new(None::<u64>);
    let message = RwSignal::new(None::<String>);
    let repeat = move |_| {
        let (Some(from), to) = (source(), day.get_untracked()) else {
            return;
        };
        let batch = clock::stamp_ms();
        match send(state, DiaryCommand::Repeat { from, to, batch }) {
            Ok(()) => {
                let count = state.data.with_untracked(|d| {
                    d.copies
                        .iter()
                        .find(|c| c.batch == batch)
                        .map_or(0, |c| c.ids.len())
                });
                message.set(Some(format!(
                    "Added {} from {}. Ratings and notes were not copied.",
                    if count == 1 {
                        "1 activity".to_string()
                    } else {
                        format!("{count} activities")
                    },
                    weekday_date(from)
                )));
                added.set(Some(batch));
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let undo = move |_| {
        if let Some(batch) = added.get_untracked() {
            message.set(Some(
                match send(state, DiaryCommand::UndoRepeat { batch }) {
                    Ok(()) => "Taken away again.".into(),
                    Err(e) => e,
                },
            ));
        }
        added.set(None);
    };
    view! {
        {move || source().map(|from| {
            let label = repeat_label(from, day.get(), clock::today());
            view! {
                <button type="button" class="button" on:click=repeat>{label}</button>
            }
        })}
        <p class="undo-bar" role="status">
            <span>{move || message.get()}</span>
            <button type="button" class="button button-small" hidden=move || added.with(Option::is_none) on:click=undo>"Undo"</button>
        </p>
    }
}

/// "How was this day?": ordinary, unwell, holiday or a rest day, saved when chosen.
#[component]
fn DayMarkPicker(day: Memo<NaiveDate>) -> impl IntoView {
    let state = use_app_state();
    let mark = move || {
        state
            .data
            .with(|d| crate::domain::diary::mark_on(&d.day_marks, day.get()))
    };
    let message = RwSignal::new(None::<String>);
    let choose = move |kind: Option<DayKind>| {
        let date = day.get_untracked();
        message.set(Some(
            match send(state, DiaryCommand::MarkDay { date, kind }) {
                Ok(()) => match kind {
                    Some(k) => format!(
                        "{} marked: {}. It counts for nothing against you.",
                        weekday_date(date),
                        day_kind_label(k).to_ascii_lowercase()
                    ),
                    None => format!("{} is an ordinary day.", weekday_date(date)),
                },
                Err(e) => e,
            },
        ));
    };
    let options = std::iter::once(None)
        .chain(DAY_KINDS.into_iter().map(Some))
        .map(|kind| {
            let label = kind.map_or("An ordinary day", day_kind_label);
            view! {
                <label class="m-choice">
                    <input type="radio" name="day-mark" prop:checked=move || mark() == kind
                        on:change=move |_| choose(kind)/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="mark-heading">
            <h2 id="mark-heading">"How was this day?"</h2>
            <fieldset class="m-choices day-marks">
                <legend>"Mark the day"</legend>
                <p class="hint">"A day marked unwell, holiday or rest is left out of averages and pacing. There are no streaks to keep up."</p>
                {options}
            </fieldset>
            <FormMessage message/>
        </section>
    }
}

/// Time used against the pacing budget, when pacing is switched on.
#[component]
fn PacingToday(day: Memo<NaiveDate>) -> impl IntoView {
    let state = use_app_state();
    let on = move || state.data.with(|d| d.settings.pacing.on);
    let body = move || {
        let (used, area) = state.data.with(|d| {
            (
                budget_use(d, day.get()),
                budget_area_words(d.settings.pacing.area),
            )
        });
        match used {
            None => view! {
                <p>"Pacing is on, but there is no daily budget yet."</p>
                <p><A href=paths::DIARY_PACING>"Set your daily budget"</A></p>
            }
            .into_any(),
            Some(u) => {
                let (head, advice) = budget_words(&u);
                let boom = u.status == BudgetStatus::Boom && !u.marked;
                view! {
                    <p class="pacing-head">{head}</p>
                    <meter min="0" max=u.budget.max(u.used).to_string() high=u.budget.to_string() optimum="0" value=u.used.to_string()
                        aria-label=format!("Time used: {} of {} minutes", u.used, u.budget)></meter>
                    <p class=if boom { "pacing-boom" } else { "" }>{advice}</p>
                    <p class="hint">{format!("The budget counts {area}.")}</p>
                    <p><A href=paths::DIARY_PACING>"Change your budget"</A></p>
                }
                .into_any()
            }
        }
    };
    view! {
        <Show when=on>
            <section class="card" aria-labelledby="pacing-heading">
                <h2 id="pacing-heading">"Pacing"</h2>
                {body}
            </section>
        </Show>
    }
}

/// The week view.
#[component]
pub fn WeekPage() -> impl IntoView {
    let state = use_app_state();
    let day = date_param("week");
    let start = Memo::new(move |_| week_start(day.get()));
    let link = move |d: NaiveDate| format!("{}?week={}", paths::DIARY_WEEK, iso_date(d));
    let this_week = move || start.get() == week_start(clock::today());
    let html = move || {
        state
            .data
            .with(|d| html::week_html(&week_view(d, start.get())))
    };
    view! {
        <PageHeading title="Diary: your week"/>
        <DiaryTabs/>
        <div class="period-nav">
            <A href=move || link(start.get() - Duration::days(7)) attr:class="button button-small">"Previous week"</A>
            <h2>{move || format!("Week from {}", weekday_date(start.get()))}</h2>
            <A href=move || link(start.get() + Duration::days(7)) attr:class="button button-small" attr:hidden=this_week>"Next week"</A>
        </div>
        <p hidden=this_week><A href=paths::DIARY_WEEK>"Back to this week"</A></p>
        <section class="card week-view" inner_html=html></section>
    }
}

/// Insights from the person's own diary.
#[component]
pub fn InsightsPage() -> impl IntoView {
    let state = use_app_state();
    let html = move || {
        state.data.with(|d| {
            let t = &d.settings.diary_ratings;
            html::insights_html(&insights(d, clock::today()), t.mood, t.activation)
        })
    };
    view! {
        <PageHeading title="Diary: what it shows"/>
        <DiaryTabs/>
        <p class="lead">"What your own diary shows. Days marked unwell, holiday or rest are left out."</p>
        <div inner_html=html></div>
    }
}

/// Setting the pacing budget from a baseline of typical days.
#[component]
pub fn PacingPage() -> impl IntoView {
    let state = use_app_state();
    let on = move || state.data.with(|d| d.settings.pacing.on);
    let saved = state.data.with_untracked(|d| d.settings.pacing.clone());
    let area_options: Vec<Choice> = std::iter::once((
        -1,
        "All activity except rest".to_string(),
        "Everything but rest counts".to_string(),
    ))
    .chain(
        LifeArea::ALL
            .into_iter()
            .filter(|&a| a != LifeArea::Rest)
            .enumerate()
            .map(|(i, a)| (i as i8, a.label().to_string(), String::new())),
    )
    .collect();
    let area_of = |v: Option<i8>| match v {
        Some(i) if i >= 0 => LifeArea::ALL.get(i as usize).copied(),
        _ => None,
    };
    let area = RwSignal::new(Some(
        saved
            .area
            .and_then(|a| LifeArea::ALL.iter().position(|&x| x == a))
            .map_or(-1, |i| i as i8),
    ));
    // The baseline: as saved, or else the latest typical days from the diary.
    let from_diary = move || {
        state.data.with_untracked(|d| {
            baseline_from_diary(d, clock::today(), area_of(area.get_untracked()))
        })
    };
    let start: Vec<String> = if saved.baseline.is_empty() {
        from_diary().iter().map(|(_, m)| m.to_string()).collect()
    } else {
        saved.baseline.iter().map(|m| m.to_string()).collect()
    };
    let days: [RwSignal<String>; BASELINE_DAYS] =
        std::array::from_fn(|i| RwSignal::new(start.get(i).cloned().unwrap_or_default()));
    let budget = RwSignal::new(saved.budget.map(|b| b.to_string()).unwrap_or_default());
    let message = RwSignal::new(None::<String>);
    let baseline = move || -> Option<Vec<u16>> {
        days.iter()
            .map(|d| form_minutes(&d.get()).ok())
            .collect::<Option<Vec<u16>>>()
    };
    let suggestion = move || baseline().and_then(|b| suggested_budget(&b));
    let fill = move |_| {
        let found = from_diary();
        if found.is_empty() {
            return message.set(Some(
                "There are no recent ordinary days in your diary yet. Please write the minutes of three typical days.".into(),
            ));
        }
        for (i, d) in days.iter().enumerate() {
            d.set(found.get(i).map(|(_, m)| m.to_string()).unwrap_or_default());
        }
        let which: Vec<String> = found.iter().map(|(d, _)| weekday_date(*d)).collect();
        message.set(Some(format!("Filled in from {}.", which.join(", "))));
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let base: Vec<u16> = match days
            .iter()
            .map(|d| {
                let t = d.get_untracked();
                if t.trim().is_empty() {
                    Ok(None)
                } else {
                    form_minutes(&t).map(Some)
                }
            })
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(v) => v.into_iter().flatten().collect(),
            Err(e) => return message.set(Some(e)),
        };
        let text = budget.get_untracked();
        let minutes = if text.trim().is_empty() {
            match suggested_budget(&base) {
                Some(m) => m,
                None => {
                    return message.set(Some(
                        "Please write a daily budget in minutes, or the minutes of three typical days so one can be suggested.".into(),
                    ))
                }
            }
        } else {
            match form_minutes(&text) {
                Ok(m) => m,
                Err(_) => return message.set(Some(
                    "Please write the daily budget in minutes, as a whole number from 1 to 1440."
                        .into(),
                )),
            }
        };
        let a = area_of(area.get_untracked());
        message.set(Some(
            match send(
                state,
                DiaryCommand::SetBudget {
                    area: a,
                    baseline: base,
                    budget: minutes,
                },
            ) {
                Ok(()) => {
                    budget.set(minutes.to_string());
                    format!(
                        "Saved: your daily budget is {} of {}.",
                        minutes_words(minutes.into()),
                        budget_area_words(a)
                    )
                }
                Err(e) => e,
            },
        ));
    };
    let day_fields = (0..BASELINE_DAYS)
        .map(|i| {
            let value = days[i];
            view! {
                <label class="field">
                    <span>{format!("Typical day {}: minutes", i + 1)}</span>
                    <input type="number" inputmode="numeric" min="1" max="1440" prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                </label>
            }
        })
        .collect_view();
    view! {
        <PageHeading title="Pacing"/>
        <p><A href=paths::DIARY>"Back to the diary"</A></p>
        <p class="lead">"Pacing means spreading activity out, so a good day does not lead to a crash afterwards. A daily budget is the time you aim to spend on activity each day."</p>
        <Show when=move || !on()>
            <div class="card card-nudge">
                <p>"Pacing is switched off, so the budget is not shown in your diary. Your OT may suggest switching it on."</p>
                <button type="button" class="button" on:click=move |_| {
                    message.set(send(state, DiaryCommand::SetPacingOn(true)).err());
                }>"Switch pacing on"</button>
            </div>
        </Show>
        <form class="card" on:submit=save>
            <Choices legend="What does the budget cover?" name="pacing-area" options=area_options value=area/>
            <fieldset>
                <legend>"Your baseline: three typical days"</legend>
                <p class="hint">"How many minutes of activity (as chosen above) you did on three ordinary days. The usual starting budget is their average, less 20 percent."</p>
                {day_fields}
                <button type="button" class="button button-small" on:click=fill>"Fill in from my diary"</button>
            </fieldset>
            <p class="pacing-suggestion" role="status">{move || suggestion().map(|s| {
                let b = baseline().unwrap_or_default();
                let avg = b.iter().map(|&m| u32::from(m)).sum::<u32>() / b.len().max(1) as u32;
                format!("Suggested budget: {} a day (the average, about {}, less 20 percent).", minutes_words(s.into()), minutes_words(avg))
            })}</p>
            <button type="button" class="button button-small" hidden=move || suggestion().is_none()
                on:click=move |_| { if let Some(s) = suggestion() { budget.set(s.to_string()) } }>"Use the suggested budget"</button>
            <label class="field">
                <span>"Daily budget in minutes"</span>
                <span class="hint">"Agree it with your OT if you can. You can change it as things improve."</span>
                <input type="number" inputmode="numeric" min="1" max="1440" prop:value=move || budget.get()
                    on:input=move |ev| budget.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="button button-primary">"Save budget"</button>
            <FormMessage message/>
        </form>
    }
}
