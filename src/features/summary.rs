//! The Summary page: choose the period, write what to talk about, choose what goes in, see the
//! one-page summary (exactly what the file holds), then share, download or print it. Every
//! figure comes from `domain::summary`; the sheet is drawn by `summary_sheet`.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::choices::{Choice, Choices};
use crate::components::date_field::DateField;
use crate::domain::dates::{add_days, iso_date, long_date};
use crate::domain::state::Command;
use crate::domain::summary::{
    build, choose_period, diary_csv, diary_file_name, encode_summary, review_start,
    summary_file_name, Parts, PeriodChoice, Summary, MAX_TALK_CHARS,
};
use crate::features::summary_sheet::{sheet_html, Reader};
use crate::platform::share_files::{self as share, ShareFile, Shared};
use crate::platform::{clock, files};
use crate::state::use_app_state;

const JSON_MIME: &str = "application/json";
const CSV_MIME: &str = "text/csv";

/// The checkboxes for the parts, in the order of the sheet.
const PART_NAMES: [&str; 7] = [
    "What I want to talk about",
    "Goals",
    "Confidence and self-ratings",
    "GP appointments, sick days and fit notes",
    "Activity diary",
    "Workplace plan and phased return",
    "Home safety",
];

fn parts_of(on: [bool; 7]) -> Parts {
    Parts {
        talk_about: on[0],
        goals: on[1],
        ratings: on[2],
        outcomes: on[3],
        diary: on[4],
        workplace: on[5],
        home: on[6],
    }
}

/// The footer printed on every page (an `@page` margin box reads it from the root element).
fn set_print_footer(text: Option<String>) {
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let _ = match text {
        Some(t) => {
            // A CSS string: quotes and backslashes escaped.
            let quoted = format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\""));
            style.set_property("--print-footer", &quoted)
        }
        None => style.remove_property("--print-footer").map(|_| ()),
    };
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    let state = use_app_state();
    let today = clock::today();
    let has_review = state
        .data
        .with_untracked(|d| review_start(d, today).is_some());
    let choice = RwSignal::new(Some(if has_review { 0i8 } else { 1 }));
    let from_text = RwSignal::new(iso_date(add_days(today, -27)));
    let to_text = RwSignal::new(iso_date(today));
    let review_text = RwSignal::new(
        state
            .data
            .with_untracked(|d| d.settings.last_review.map(iso_date).unwrap_or_default()),
    );
    let review_message = RwSignal::new(None::<String>);
    let talk = RwSignal::new(state.data.with_untracked(|d| d.settings.talk_about.clone()));
    let talk_message = RwSignal::new(None::<String>);
    let parts_on: [RwSignal<bool>; 7] = std::array::from_fn(|_| RwSignal::new(true));
    let with_csv = RwSignal::new(true);
    let message = RwSignal::new(None::<String>);
    let show_json = RwSignal::new(false);
    let show_csv = RwSignal::new(false);

    let period = Memo::new(move |_| {
        let c = match choice.get() {
            Some(0) => PeriodChoice::SinceReview,
            Some(2) => PeriodChoice::Dates,
            _ => PeriodChoice::LastFourWeeks,
        };
        state
            .data
            .with(|d| choose_period(c, d, clock::today(), &from_text.get(), &to_text.get()))
    });
    let summary = Memo::new(move |_| {
        let (from, to) = period.get().ok()?;
        let parts = parts_of(parts_on.map(|p| p.get()));
        Some(
            state
                .data
                .with(|d| build(d, from, to, clock::today(), parts)),
        )
    });
    Effect::new(move |_| {
        set_print_footer(summary.with(|s| {
            s.as_ref().map(|s| {
                let who = if s.name.is_empty() {
                    ""
                } else {
                    s.name.as_str()
                };
                format!(
                    "Everyday summary {who} · {} to {} · made {}",
                    long_date(s.from),
                    long_date(s.to),
                    long_date(s.made)
                )
            })
        }))
    });
    on_cleanup(|| set_print_footer(None));

    // One time for the page, so the text shown is exactly the text downloaded or sent.
    let made_at = clock::now();
    let file_text = move |s: &Summary| encode_summary(s, made_at);
    let csv_text = move || {
        period.get_untracked().ok().map(|(from, to)| {
            state
                .data
                .with_untracked(|d| (diary_file_name(from, to), diary_csv(d, from, to)))
        })
    };

    let save_review = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = review_text.get_untracked();
        let date = if text.trim().is_empty() {
            None
        } else {
            match crate::domain::measures::form_date(&text, clock::today()) {
                Ok(d) => Some(d),
                Err(e) => return review_message.set(Some(e)),
            }
        };
        review_message.set(Some(match state.dispatch(Command::SetLastReview(date)) {
            Ok(()) => match date {
                Some(d) => format!("Saved: your last review was on {}.", long_date(d)),
                None => "The date has been taken away.".into(),
            },
            Err(e) => e.to_string(),
        }));
    };
    let save_talk = move || {
        talk_message.set(Some(
            match state.dispatch(Command::SetTalkAbout(talk.get_untracked())) {
                Ok(()) => "Saved on this phone.".into(),
                Err(e) => e.to_string(),
            },
        ));
    };

    let download_summary = move |_| {
        let Some(s) = summary.get_untracked() else {
            return message.set(Some("Please choose the period first.".into()));
        };
        message.set(Some(
            match files::download(&summary_file_name(&s), &file_text(&s), JSON_MIME) {
                Ok(()) => "The summary file is downloading.".into(),
                Err(e) => e,
            },
        ));
    };
    let download_csv = move |_| {
        let Some((name, text)) = csv_text() else {
            return message.set(Some("Please choose the period first.".into()));
        };
        message.set(Some(match files::download(&name, &text, CSV_MIME) {
            Ok(()) => "The diary file is downloading.".into(),
            Err(e) => e,
        }));
    };
    let can_share = share::can_share(&[ShareFile {
        name: "everyday-summary.json",
        text: "{}",
        mime: JSON_MIME,
    }]);
    let share_files = move |_| {
        let Some(s) = summary.get_untracked() else {
            return message.set(Some("Please choose the period first.".into()));
        };
        let name = summary_file_name(&s);
        let text = file_text(&s);
        let csv = if with_csv.get_untracked() {
            csv_text()
        } else {
            None
        };
        spawn_local(async move {
            let mut list = vec![ShareFile {
                name: &name,
                text: &text,
                mime: JSON_MIME,
            }];
            if let Some((csv_name, csv_body)) = &csv {
                list.push(ShareFile {
                    name: csv_name,
                    text: csv_body,
                    mime: CSV_MIME,
                });
            }
            message.set(Some(
                match share::share(&list, "My Everyday summary").await {
                    Ok(Shared::Done) => "Sent.".into(),
                    Ok(Shared::Cancelled) => "Not sent.".into(),
                    Err(e) => e,
                },
            ));
        });
    };

    let review_hint = move || {
        state.data.with(|d| match (crate::domain::agenda::last_review(d, clock::today()), d.settings.ot_start) {
            (Some(r), _) => format!("From your last review on {} to today.", long_date(r)),
            (None, Some(s)) => format!(
                "From when you started seeing your OT, {}, to today. You can enter the date of your last review below.",
                long_date(s)
            ),
            (None, None) => "Enter the date of your last review below.".into(),
        })
    };
    let options: Vec<Choice> = vec![
        (0, "Since my last review".into(), String::new()),
        (1, "The last 4 weeks".into(), String::new()),
        (2, "Dates I choose".into(), String::new()),
    ];
    let part_boxes = PART_NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let on = parts_on[i];
            let id = format!("part-{i}");
            view! {
                <div class="s-check">
                    <input type="checkbox" id=id.clone() prop:checked=move || on.get()
                        on:change=move |ev| on.set(event_target_checked(&ev))/>
                    <label for=id>{*name}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <div class="no-print">
            <PageHeading title="Summary for your OT"/>
            <p class="lead">"A one-page summary to take to your OT, or to send before your appointment."</p>
            <section class="card" aria-labelledby="period-heading">
                <h2 id="period-heading">"Which period?"</h2>
                <Choices legend="Show the summary for" name="period" options=options value=choice/>
                <div hidden=move || choice.get() != Some(0)>
                    <p>{review_hint}</p>
                    <form on:submit=save_review>
                        <DateField id="last-review" label="When was your last review with your OT?" value=review_text/>
                        <button type="submit" class="button">"Save review date"</button>
                        <p class="form-message" role="status">{move || review_message.get()}</p>
                    </form>
                </div>
                <div class="date-pair" hidden=move || choice.get() != Some(2)>
                    <DateField id="summary-from" label="First day" value=from_text/>
                    <DateField id="summary-to" label="Last day" value=to_text/>
                </div>
                <p class="form-message" role="status">{move || period.get().err()}</p>
            </section>
            <section class="card" aria-labelledby="talk-heading">
                <h2 id="talk-heading">"What I want to talk about"</h2>
                <label class="field">
                    <span>"Anything you want to raise with your OT"</span>
                    <span class="hint">"For example what has been hard, what has gone well, or questions. It is kept on this phone until you change it."</span>
                    <textarea rows="4" maxlength=MAX_TALK_CHARS prop:value=move || talk.get()
                        on:input=move |ev| talk.set(event_target_value(&ev))
                        on:change=move |_| save_talk()></textarea>
                </label>
                <p class="form-message" role="status">{move || talk_message.get()}</p>
            </section>
            <section class="card" aria-labelledby="parts-heading">
                <h2 id="parts-heading">"What goes in"</h2>
                <fieldset>
                    <legend>"Put these in the summary (untick any you want to leave out)"</legend>
                    {part_boxes}
                </fieldset>
                <div class="s-check">
                    <input type="checkbox" id="with-csv" prop:checked=move || with_csv.get()
                        on:change=move |ev| with_csv.set(event_target_checked(&ev))/>
                    <label for="with-csv">"When sending, also send the diary as a spreadsheet file (CSV)"</label>
                </div>
                <p hidden=move || state.data.with(|d| !d.settings.name.is_empty())>
                    "Your summary has no name on it. "
                    <A href=paths::SETTINGS>"Add your name or initials in Settings"</A>
                    " so your OT knows it is yours."
                </p>
                <p>"The summary below shows what the summary file holds."</p>
            </section>
        </div>
        <div class="sheet-wrap" inner_html=move || summary.with(|s| s.as_ref().map(|s| sheet_html(s, "", Reader::Person)).unwrap_or_default())></div>
        <section class="card no-print" aria-labelledby="send-heading">
            <h2 id="send-heading">"Send, save or print"</h2>
            <div class="button-column">
                <button type="button" class="button button-primary" hidden=!can_share on:click=share_files>"Send with…"</button>
                <button type="button" class="button" on:click=download_summary>"Download the summary file"</button>
                <button type="button" class="button" on:click=download_csv>"Download the diary (CSV)"</button>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
            </div>
            <p class="form-message" role="status">{move || message.get()}</p>
            <details class="explain" on:toggle=move |ev| show_json.set(details_open(&ev))>
                <summary>"See the summary file's text"</summary>
                <pre class="file-text" tabindex="0" hidden=move || !show_json.get()>{move || {
                    // Written only while open.
                    if !show_json.get() {
                        return String::new();
                    }
                    summary.with(|s| s.as_ref().map(file_text).unwrap_or_default())
                }}</pre>
            </details>
            <details class="explain" on:toggle=move |ev| show_csv.set(details_open(&ev))>
                <summary>"See the diary file's text"</summary>
                <pre class="file-text" tabindex="0" hidden=move || !show_csv.get()>{move || {
                    if !show_csv.get() {
                        return String::new();
                    }
                    let _ = period.get();
                    state.data.track();
                    csv_text().map(|(_, t)| t).unwrap_or_default()
                }}</pre>
            </details>
        </section>
    }
}

fn details_open(ev: &leptos::ev::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}
