//! Logging an activity, or changing one: quick picks from the person's own history and a
//! short built-in list, what, when (a part of the day or a time), how long, the area of life,
//! the ratings switched on (one at a time), and a note. A quick pick is two taps: the pick
//! shows what was picked just above the ratings and the Save button, with the details folded
//! away until asked for.

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
    day_view, form_minutes, form_time, history_names, last_used, minutes_words, over_a_day_warning,
    part_label, part_of_day, suggestions, time_text, DiaryCommand, EntryDraft, RatingKind, PARTS,
};
use crate::domain::measures::form_date;
use crate::platform::clock;
use crate::platform::focus::focus_later;
use crate::state::use_app_state;

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
    // The ratings asked for, as switched on now (they can be switched on from the diary while
    // the form is open). A rating already given stays even if it has since been switched off.
    let shown = Memo::new(move |_| {
        state.data.with(|d| {
            RatingKind::ALL
                .into_iter()
                .filter(|k| {
                    k.switched_on(&d.settings.diary_ratings) || k.of(&old_ratings).is_some()
                })
                .collect::<Vec<_>>()
        })
    });
    // What a quick pick filled in; while set, the details are folded away under it.
    let picked = RwSignal::new(false);
    let details_open = RwSignal::new(false);
    let details_hidden = move || picked.get() && !details_open.get();
    let rating_at = RwSignal::new(0usize);
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
            Err(e) => {
                // The field at fault may be folded away: show the details.
                details_open.set(true);
                return message.set(Some(e));
            }
        };
        let (day, length) = (draft.date, draft.minutes);
        let command = match editing {
            Some(id) => DiaryCommand::Change { id, draft },
            None => DiaryCommand::Add(draft),
        };
        match state.dispatch(command) {
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
                    picked.set(false);
                    details_open.set(false);
                    rating_at.set(0);
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
                        message.set(None);
                        picked.set(true);
                        details_open.set(false);
                        focus_later("#picked");
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
        .map(|a| (area_value(a), a.label().to_string(), a.hint().to_string()))
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
    // "Picked: Go for a walk, 20 minutes, Leisure, Afternoon", from the form as it stands.
    let picked_line = move || {
        let mut parts = vec![what.get().trim().to_string()];
        if let Ok(m) = form_minutes(&minutes.get()) {
            parts.push(minutes_words(m.into()));
        }
        if let Some(a) = area.get().and_then(area_of) {
            parts.push(a.label().to_string());
        }
        match when.get() {
            Some(AT_A_TIME) => parts.push(format!("at {}", time.get())),
            Some(i) => parts.extend(PARTS.get(i as usize).map(|&p| part_label(p).to_string())),
            None => {}
        }
        parts.join(", ")
    };
    let open_details = move |_| {
        details_open.set(true);
        focus_later("#entry-what");
    };

    view! {
        <form class="entry-form" on:submit=save>
            {(editing.is_none()).then(|| view! {
                <div class="quick-picks">
                    <h3 id="quick-heading">"Quick picks"</h3>
                    <p class="hint">"Tap one, then save it."</p>
                    <ul class="quick-list" aria-labelledby="quick-heading">{quick}</ul>
                </div>
                <div id="picked" class="picked" tabindex="-1" hidden=move || !picked.get()>
                    <p class="picked-line"><strong>"Picked: "</strong>{picked_line}</p>
                    <button type="button" class="button button-small" hidden=move || !details_hidden()
                        on:click=open_details>"Change the details"</button>
                </div>
            })}
            <div class="entry-details" hidden=details_hidden>
                <label class="field">
                    <span>"What did you do?"</span>
                    <input id="entry-what" type="text" maxlength="120" list="diary-what-list" autocomplete="off"
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
            </div>
            <RatingSteps shown values=ratings at=rating_at/>
            <details class="entry-note" prop:open=!note.get_untracked().is_empty()>
                <summary>"Add a note"</summary>
                <TextField label="A note, if you like" value=note long=true maxlength=2000/>
            </details>
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

/// The ratings switched on, one scale at a time ("Rating 2 of 3"), each optional.
#[component]
fn RatingSteps(
    /// The ratings to ask, in order.
    shown: Memo<Vec<RatingKind>>,
    /// Every rating's value, in `RatingKind::ALL` order.
    values: [RwSignal<Option<u8>>; 6],
    /// Which of `shown` is on screen.
    at: RwSignal<usize>,
) -> impl IntoView {
    let total = move || shown.with(Vec::len);
    // The rating on screen, kept within the list when ratings are switched off.
    let current =
        Memo::new(move |_| shown.with(|s| s.get(at.get().min(s.len().saturating_sub(1))).copied()));
    let value_of =
        move |k: RatingKind| values[RatingKind::ALL.iter().position(|&x| x == k).unwrap_or(0)];
    let given = move || {
        let parts: Vec<String> = shown.with(|s| {
            s.iter()
                .filter_map(|&k| value_of(k).get().map(|v| format!("{} {v}", k.label())))
                .collect()
        });
        (!parts.is_empty()).then(|| format!("Your ratings: {}.", parts.join(", ")))
    };
    let step = move |by: isize| {
        let next = at
            .get_untracked()
            .saturating_add_signed(by)
            .min(total().saturating_sub(1));
        at.set(next);
        focus_later(".rating-steps .rating-options input");
    };
    view! {
        <Show when=move || { total() > 0 }>
            <div class="rating-steps">
                <p class="rating-count" hidden=move || { total() < 2 }>
                    {move || format!("Rating {} of {}, if you like", current.get().and_then(|c| shown.with(|s| s.iter().position(|&k| k == c))).unwrap_or(0) + 1, total())}
                </p>
                {move || current.get().map(|k| {
                    let (legend, low, high) = k.question();
                    let value = value_of(k);
                    view! {
                        <RatingScale legend name=k.key() low=0 high=10 low_label=low high_label=high value/>
                        <button type="button" class="button button-small" hidden=move || value.get().is_none()
                            aria-label=format!("Clear the {} rating", k.label().to_ascii_lowercase())
                            on:click=move |_| value.set(None)>"Clear this rating"</button>
                    }
                })}
                <div class="button-row" hidden=move || { total() < 2 }>
                    <button type="button" class="button button-small" hidden=move || { at.get() == 0 }
                        on:click=move |_| step(-1)>"Previous rating"</button>
                    <button type="button" class="button button-small" hidden=move || { at.get() + 1 >= total() }
                        on:click=move |_| step(1)>"Next rating"</button>
                </div>
                <p class="hint rating-given">{given}</p>
            </div>
        </Show>
    }
}
