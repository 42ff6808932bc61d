//! Logging an activity, or changing one: quick picks from the person's own history and a
//! short built-in list, what, when (a part of the day or a time), how long, the area of life,
//! the ratings switched on in Settings, and a note.

use chrono::NaiveDate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::choices::{Choice, Choices};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::components::rating_scale::RatingScale;
use crate::domain::activity::{DiaryEntry, EntryRatings, LifeArea};
use crate::domain::dates::{iso_date, weekday_date};
use crate::domain::diary::{
    area_hint, day_view, form_minutes, form_time, history_names, last_used, minutes_words,
    over_a_day_warning, part_label, part_of_day, suggestions, time_text, DiaryCommand, EntryDraft,
    RatingKind, PARTS,
};
use crate::domain::measures::form_date;
use crate::domain::state::Command;
use crate::platform::clock;
use crate::state::use_app_state;

/// The words around each rating scale, in `RatingKind::ALL` order: question, radio group
/// name, and what 0 and 10 mean.
const SCALES: [(&str, &str, &str, &str); 6] = [
    (
        "How much effort or energy did it take?",
        "effort",
        "none at all",
        "all the energy I had",
    ),
    (
        "How much pain or fatigue did you have?",
        "pain",
        "none",
        "the worst it gets",
    ),
    ("How was your mood?", "mood", "very low", "very good"),
    (
        "How much did you achieve?",
        "achievement",
        "nothing",
        "a great deal",
    ),
    (
        "How close did you feel to other people?",
        "closeness",
        "not at all close",
        "very close",
    ),
    (
        "How much did you enjoy it?",
        "enjoyment",
        "not at all",
        "very much",
    ),
];

/// Quick lengths, in minutes.
const LENGTHS: [u16; 5] = [15, 30, 45, 60, 120];

/// "When" choice for an exact time (the parts of the day are 0 to 3).
const AT_A_TIME: i8 = 4;

fn area_value(area: LifeArea) -> i8 {
    LifeArea::ALL.iter().position(|&a| a == area).unwrap_or(0) as i8
}

fn area_of(value: i8) -> Option<LifeArea> {
    LifeArea::ALL.get(usize::try_from(value).ok()?).copied()
}

/// The form. `edit` is the entry being changed (none to add a new one); `day` is the day on
/// screen; `done` is called with a message once a change is saved or cancelled.
#[component]
pub fn EntryForm(
    day: NaiveDate,
    edit: Option<DiaryEntry>,
    message: RwSignal<Option<String>>,
    done: Callback<()>,
) -> impl IntoView {
    let state = use_app_state();
    let editing = edit.as_ref().map(|e| e.id);
    let today = clock::today();
    let what = RwSignal::new(edit.as_ref().map(|e| e.what.clone()).unwrap_or_default());
    let date = RwSignal::new(iso_date(edit.as_ref().map_or(day, |e| e.date)));
    // Adding for today starts at the part of the day it is now.
    let start_when = match &edit {
        Some(e) => match (e.time, e.part) {
            (Some(_), _) => Some(AT_A_TIME),
            (None, Some(p)) => PARTS.iter().position(|&x| x == p).map(|i| i as i8),
            _ => None,
        },
        None if day == today => {
            let now = part_of_day(clock::now().time());
            PARTS.iter().position(|&x| x == now).map(|i| i as i8)
        }
        None => None,
    };
    let when = RwSignal::new(start_when);
    let time = RwSignal::new(
        edit.as_ref()
            .and_then(|e| e.time)
            .map(time_text)
            .unwrap_or_default(),
    );
    let minutes = RwSignal::new(
        edit.as_ref()
            .map(|e| e.minutes.to_string())
            .unwrap_or_default(),
    );
    let area = RwSignal::new(edit.as_ref().map(|e| area_value(e.area)));
    let note = RwSignal::new(edit.as_ref().map(|e| e.note.clone()).unwrap_or_default());
    let old_ratings = edit.as_ref().map(|e| e.ratings.clone()).unwrap_or_default();
    let ratings: [RwSignal<Option<u8>>; 6] =
        std::array::from_fn(|i| RwSignal::new(RatingKind::ALL[i].of(&old_ratings)));
    let toggles = state
        .data
        .with_untracked(|d| d.settings.diary_ratings.clone());
    // A rating already given stays visible even if that rating has since been switched off.
    let shown: Vec<usize> = (0..6)
        .filter(|&i| {
            let kind = RatingKind::ALL[i];
            kind.switched_on(&toggles) || kind.of(&old_ratings).is_some()
        })
        .collect();
    let (picks, names) = state
        .data
        .with_untracked(|d| (suggestions(&d.diary, 8), history_names(&d.diary, 40)));

    // Typing the name of something done before fills in its area and length, if still empty.
    let fill_from_history = move || {
        if area.get_untracked().is_some() {
            return;
        }
        let found = state
            .data
            .with_untracked(|d| last_used(&d.diary, &what.get_untracked()));
        if let Some((a, m)) = found {
            area.set(Some(area_value(a)));
            if minutes.with_untracked(|m| m.trim().is_empty()) {
                minutes.set(m.to_string());
            }
        }
    };

    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let today = clock::today();
        let result = (|| {
            let date = form_date(&date.get_untracked(), today)?;
            let minutes = form_minutes(&minutes.get_untracked())?;
            let area = area
                .get_untracked()
                .and_then(area_of)
                .ok_or("Please choose the area of life it belongs to.")?;
            let (time, part) = match when.get_untracked() {
                Some(AT_A_TIME) => (Some(form_time(&time.get_untracked())?), None),
                Some(i) => (None, PARTS.get(i as usize).copied()),
                None => (None, None),
            };
            let mut r = EntryRatings::default();
            for (kind, value) in RatingKind::ALL.into_iter().zip(ratings) {
                kind.set(&mut r, value.get_untracked());
            }
            Ok::<_, String>(EntryDraft {
                date,
                time,
                part,
                minutes,
                area,
                what: what.get_untracked(),
                note: note.get_untracked(),
                ratings: r,
            })
        })();
        let draft = match result {
            Ok(d) => d,
            Err(e) => return message.set(Some(e)),
        };
        let (day, length) = (draft.date, draft.minutes);
        let command = match editing {
            Some(id) => DiaryCommand::Change { id, draft },
            None => DiaryCommand::Add(draft),
        };
        match state.dispatch(Command::Diary(command)) {
            Ok(()) => {
                let saved = what.get_untracked();
                let mut text = format!(
                    "{}: {}, {}, on {}.",
                    if editing.is_some() {
                        "Changed"
                    } else {
                        "Saved"
                    },
                    saved.split_whitespace().collect::<Vec<_>>().join(" "),
                    minutes_words(length.into()),
                    weekday_date(day)
                );
                let total = state.data.with_untracked(|d| day_view(d, day).total);
                if let Some(w) = over_a_day_warning(total) {
                    text.push(' ');
                    text.push_str(&w);
                }
                message.set(Some(text));
                if editing.is_some() {
                    done.run(());
                } else {
                    what.set(String::new());
                    minutes.set(String::new());
                    area.set(None);
                    note.set(String::new());
                    for r in ratings {
                        r.set(None);
                    }
                }
            }
            Err(e) => message.set(Some(e.to_string())),
        }
    };

    let quick = picks
        .into_iter()
        .map(|s| {
            let label = format!("{} ({})", s.what, minutes_words(s.minutes.into()));
            view! {
                <li>
                    <button type="button" class="button button-small quick-pick" on:click=move |_| {
                        what.set(s.what.clone());
                        area.set(Some(area_value(s.area)));
                        minutes.set(s.minutes.to_string());
                    }>{label}</button>
                </li>
            }
        })
        .collect_view();
    let when_choices: Vec<Choice> = PARTS
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let hint = [
                "Until midday",
                "Midday to 5pm",
                "5pm to 10pm",
                "After 10pm, or the early hours",
            ][i];
            (i as i8, part_label(p).to_string(), hint.to_string())
        })
        .chain([(AT_A_TIME, "At a time".to_string(), String::new())])
        .collect();
    let area_choices: Vec<Choice> = LifeArea::ALL
        .into_iter()
        .map(|a| {
            (
                area_value(a),
                a.label().to_string(),
                area_hint(a).to_string(),
            )
        })
        .collect();
    let lengths = LENGTHS
        .into_iter()
        .map(|m| {
            let text = m.to_string();
            let pressed = move || minutes.with(|v| v.trim() == text).to_string();
            view! {
                <button type="button" class="button button-small" aria-pressed=pressed
                    on:click=move |_| minutes.set(m.to_string())>{minutes_words(m.into())}</button>
            }
        })
        .collect_view();
    let scales = shown
        .into_iter()
        .map(|i| {
            let (legend, name, low, high) = SCALES[i];
            let value = ratings[i];
            view! {
                <div class="question">
                    <RatingScale legend name low=0 high=10 low_label=low high_label=high value/>
                    <button type="button" class="button button-small" hidden=move || value.get().is_none()
                        aria-label=format!("Clear the {} rating", RatingKind::ALL[i].label().to_lowercase())
                        on:click=move |_| value.set(None)>"Clear this rating"</button>
                </div>
            }
        })
        .collect_view();

    view! {
        <form class="entry-form" on:submit=save>
            {(editing.is_none()).then(|| view! {
                <div class="quick-picks">
                    <h3 id="quick-heading">"Quick picks"</h3>
                    <p class="hint">"Tap one to fill in the form, then save."</p>
                    <ul class="quick-list" aria-labelledby="quick-heading">{quick}</ul>
                </div>
            })}
            <label class="field">
                <span>"What did you do?"</span>
                <input type="text" maxlength="120" list="diary-what-list" autocomplete="off"
                    prop:value=move || what.get()
                    on:input=move |ev| what.set(event_target_value(&ev))
                    on:change=move |_| fill_from_history()/>
            </label>
            <datalist id="diary-what-list">
                {names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <DateField id="entry-date" label="Day" value=date/>
            <Choices legend="When?" name="when" options=when_choices value=when/>
            <label class="field" hidden=move || when.get() != Some(AT_A_TIME)>
                <span>"Time"</span>
                <input type="time" prop:value=move || time.get()
                    on:input=move |ev| time.set(event_target_value(&ev))/>
            </label>
            <fieldset>
                <legend>"How long?"</legend>
                <div class="button-row length-row">{lengths}</div>
                <label class="field">
                    <span>"Minutes"</span>
                    <input type="number" inputmode="numeric" min="1" max="1440"
                        prop:value=move || minutes.get()
                        on:input=move |ev| minutes.set(event_target_value(&ev))/>
                </label>
            </fieldset>
            <Choices legend="Area of life" name="area" options=area_choices value=area/>
            {scales}
            <TextField label="A note, if you like" value=note long=true maxlength=2000/>
            <div class="button-row">
                <button type="submit" class="button button-primary">
                    {if editing.is_some() { "Save changes" } else { "Save activity" }}
                </button>
                {editing.map(|_| view! {
                    <button type="button" class="button" on:click=move |_| {
                        message.set(Some("Nothing was changed.".into()));
                        done.run(());
                    }>"Cancel"</button>
                })}
            </div>
            <FormMessage message/>
        </form>
    }
}
