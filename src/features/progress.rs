//! Progress page: each self-rating's start, latest and change, with a chart and a table of the
//! same figures, and GP appointments, sick days and fit notes per month before and since the
//! OT start. Every figure and sentence comes from `domain::measures`; the read-only parts are
//! written as HTML text (see `components::html`), the controls are ordinary components.

use std::fmt::Write;

use leptos::prelude::*;

use crate::platform::focus::focus_button_later;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::html::esc;
use crate::components::line_chart::line_chart_svg;
use crate::domain::dates::short_date;
use crate::domain::measures::{
    change, change_words, chart, kind_plural, outcome_figures, points, rating_rows, Measure,
    MonthRow, OutcomeFigures, RatingRow, OUTCOME_KINDS,
};
use crate::domain::state::Command;
use crate::platform::clock;
use crate::state::{use_app_state, AppState};

/// Rows shown before "Show all".
const SHORT_LIST: usize = 10;

/// The words around one measure.
struct SectionText {
    id: &'static str,
    title: &'static str,
    intro: &'static str,
    add_href: &'static str,
    add_label: &'static str,
    empty: &'static str,
    caption: &'static str,
    score_heading: &'static str,
    low: &'static str,
}

const CONFIDENCE: SectionText = SectionText {
    id: "confidence",
    title: "Your confidence check-ins",
    intro: "How confident you feel managing your health and everyday life, from 0 to 10.",
    add_href: paths::TODAY,
    add_label: "Check in on the Today page",
    empty: "No check-ins yet. You can check in on the Today page.",
    caption: "Confidence check-ins, newest first",
    score_heading: "Confidence (0 to 10)",
    low: "0",
};

const SELF_EFFICACY: SectionText = SectionText {
    id: "questionnaire",
    title: "Confidence questionnaire",
    intro: "Six questions about managing your health. The score is the average of your answers, from 1 to 10.",
    add_href: paths::PROGRESS_QUESTIONNAIRE,
    add_label: "Fill in the questionnaire",
    empty: "You have not filled in the questionnaire yet. It is good to do at the start and at each review.",
    caption: "Questionnaire scores, newest first",
    score_heading: "Score (1 to 10)",
    low: "1",
};

const WORK_ABILITY: SectionText = SectionText {
    id: "work-ability",
    title: "Work ability",
    intro: "Your ability to work now compared with your best ever, from 0 to 10.",
    add_href: paths::PROGRESS_WORK_ABILITY,
    add_label: "Score your work ability",
    empty: "No work ability scores yet. This is for people who work or want to get back to work.",
    caption: "Work ability scores, newest first",
    score_heading: "Score (0 to 10)",
    low: "0",
};

#[component]
pub fn ProgressPage() -> impl IntoView {
    view! {
        <PageHeading title="Progress"/>
        <p class="lead">"How things have changed since you started. Your first score is where you started from."</p>
        <p><A href=paths::SUMMARY attr:class="button button-wide">"Make a summary for your OT"</A></p>
        <RatingSection measure=Measure::Confidence text=&CONFIDENCE/>
        <RatingSection measure=Measure::SelfEfficacy text=&SELF_EFFICACY/>
        <RatingSection measure=Measure::WorkAbility text=&WORK_ABILITY/>
        <OutcomeSection/>
    }
}

/// Removing a record: ask first, then offer to put it back.
#[derive(Clone, Copy)]
pub struct Removal {
    /// What was removed ("the check-in of 7 on 2 March 2026") and the command that puts it back.
    undo: RwSignal<Option<(String, Command)>>,
    message: RwSignal<Option<String>>,
    state: AppState,
    undo_button: NodeRef<leptos::html::Button>,
}

impl Removal {
    /// Call in a component's body (it reads the app state from context).
    pub fn create() -> Removal {
        Removal {
            undo: RwSignal::new(None),
            message: RwSignal::new(None),
            state: use_app_state(),
            undo_button: NodeRef::new(),
        }
    }

    /// Ask with the browser's own dialog (which every screen reader knows), then remove.
    pub fn ask(self, describe: String, remove: Command, undo: Command) {
        let question = format!("Remove {describe}? You can undo this straight after.");
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        match self.state.dispatch(remove) {
            Ok(()) => {
                self.message.set(None);
                self.undo.set(Some((describe, undo)));
                // The pressed button has gone with its record: Undo takes the focus.
                let button = self.undo_button;
                focus_button_later(button);
            }
            Err(e) => self.message.set(Some(e.to_string())),
        }
    }
}

/// The message after a removal, with its Undo button.
#[component]
pub fn UndoNotice(removal: Removal) -> impl IntoView {
    let Removal {
        undo,
        message,
        state,
        undo_button,
    } = removal;
    let put_back = move |_| {
        if let Some((text, command)) = undo.get_untracked() {
            message.set(Some(match state.dispatch(command) {
                Ok(()) => format!("Put back {text}."),
                Err(e) => e.to_string(),
            }));
        }
        undo.set(None);
    };
    view! {
        <div class="undo" role="status">
            <p class="undo-bar" hidden=move || undo.with(Option::is_none)>
                <span>{move || undo.with(|u| u.as_ref().map(|(text, _)| format!("Removed {text}.")))}</span>
                <button type="button" class="button button-small" node_ref=undo_button on:click=put_back>"Undo"</button>
            </p>
            <p class="form-message">{move || message.get()}</p>
        </div>
    }
}

/// The summary, chart and table of one measure, as HTML.
fn rating_html(measure: Measure, text: &SectionText, rows: &[RatingRow], all: bool) -> String {
    if rows.is_empty() {
        return format!("<p>{}</p>", text.empty);
    }
    let mut h = String::new();
    let pts = points(rows);
    if let Some(c) = change(&pts) {
        let w = change_words(measure, &c);
        h.push_str(r#"<dl class="change-summary">"#);
        for (dt, dd) in [
            ("At the start", w.start),
            ("Most recently", w.latest),
            ("Change", w.change),
        ] {
            let _ = write!(h, "<div><dt>{dt}</dt><dd>{dd}</dd></div>");
        }
        h.push_str("</dl>");
        h.push_str(&line_chart_svg(&chart(measure, &pts), text.low));
    }
    let has_note = measure == Measure::Confidence;
    let _ = write!(
        h,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{0}"><table class="ratings stack-table"><caption class="visually-hidden">{0}</caption><thead><tr><th scope="col">Date</th><th scope="col">{1}</th>{2}</tr></thead><tbody>"#,
        text.caption,
        text.score_heading,
        if has_note {
            r#"<th scope="col">Note</th>"#
        } else {
            ""
        }
    );
    let shown = if all { rows.len() } else { SHORT_LIST };
    for row in rows.iter().rev().take(shown) {
        let _ = write!(
            h,
            r#"<tr><td data-label="Date">{}</td><td data-label="{}">{}</td>"#,
            short_date(row.date),
            text.score_heading,
            row.shown
        );
        if has_note {
            let _ = write!(h, r#"<td data-label="Note">{}</td>"#, esc(&row.note));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    h
}

/// A rating's key in the list of corrections: what removing it would remove, and which of
/// several identical ones it is (two check-ins of 7 on one day with no note are two rows).
fn keyed_rows(rows: Vec<RatingRow>) -> Vec<(String, RatingRow)> {
    let mut seen: Vec<String> = Vec::new();
    rows.into_iter()
        .map(|row| {
            let what = format!("{:?}", row.remove);
            let n = seen.iter().filter(|s| **s == what).count();
            seen.push(what.clone());
            (format!("{n}:{what}"), row)
        })
        .collect()
}

#[component]
fn RatingSection(measure: Measure, text: &'static SectionText) -> impl IntoView {
    let state = use_app_state();
    let rows = Memo::new(move |_| state.data.with(|d| rating_rows(d, measure)));
    let show_all = RwSignal::new(false);
    let removal = Removal::create();
    let shown = move || {
        if show_all.get() {
            usize::MAX
        } else {
            SHORT_LIST
        }
    };
    // Newest first, as the table shows them.
    let corrections = move || {
        let take = shown();
        keyed_rows(rows.get().into_iter().rev().take(take).collect())
    };
    let more = move || rows.with(Vec::len).saturating_sub(shown());
    let heading_id = format!("{}-heading", text.id);
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{text.title}</h2>
            <p>{text.intro}</p>
            <div inner_html=move || rows.with(|r| rating_html(measure, text, r, show_all.get()))></div>
            <button type="button" class="button" hidden=move || more() == 0
                on:click=move |_| show_all.set(true)>{move || format!("Show all {}", rows.with(Vec::len))}</button>
            // Corrections sit apart from the figures, one click away, so none is made by accident.
            <details class="corrections" hidden=move || rows.with(Vec::is_empty)>
                <summary>"Remove one put in by mistake"</summary>
                <ul class="correction-list">
                    <For each=corrections key=|(key, _)| key.clone()
                        children=move |(_, row)| view! { <RatingCorrection row removal/> }/>
                </ul>
            </details>
            <UndoNotice removal/>
            <p><A href=text.add_href>{text.add_label}</A></p>
        </section>
    }
}

/// One rating in the list of corrections, with its own Remove button.
#[component]
fn RatingCorrection(row: RatingRow, removal: Removal) -> impl IntoView {
    let label = format!("Remove {}", row.describe);
    let RatingRow {
        describe,
        remove,
        undo,
        ..
    } = row;
    view! {
        <li>
            <button type="button" class="button button-small"
                on:click=move |_| removal.ask(describe.clone(), remove.clone(), undo.clone())>{label}</button>
        </li>
    }
}

/// The month-by-month table's columns after the month.
const MONTH_HEADS: [&str; 3] = ["GP appointments", "Days off sick", "Fit notes asked for"];

/// GP appointments, sick days and fit notes, as HTML.
fn outcome_html(f: &OutcomeFigures, no_start: bool) -> String {
    if f.months.is_empty() {
        return "<p>Nothing recorded yet.</p>".into();
    }
    let mut h = String::new();
    if no_start {
        let _ = write!(
            h,
            r#"<p>To compare before and since you started seeing your OT, <a href="{}">add the date you started in Settings</a>.</p>"#,
            paths::SETTINGS_OT
        );
    }
    if !f.sentences.is_empty() {
        h.push_str(r#"<ul class="plain-list change-sentences">"#);
        for s in &f.sentences {
            let _ = write!(h, "<li>{s}</li>");
        }
        h.push_str("</ul>");
    }
    // The tables may scroll sideways on a small screen, so each can take the keyboard focus.
    let caption = if no_start {
        "Per month"
    } else {
        "Per month, before and since you started seeing your OT"
    };
    let _ = write!(
        h,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="figures stack-table"><caption>{caption}</caption><thead><tr><td></td>"#
    );
    for (label, _) in &f.periods {
        let _ = write!(h, r#"<th scope="col">{label}</th>"#);
    }
    h.push_str(r#"</tr></thead><tbody><tr><th scope="row">Time with records</th>"#);
    for (label, p) in &f.periods {
        let _ = write!(h, r#"<td data-label="{label}">{}</td>"#, p.time_words());
    }
    h.push_str("</tr>");
    for (i, kind) in OUTCOME_KINDS.into_iter().enumerate() {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, kind_plural(kind));
        for (label, p) in &f.periods {
            let words = p.rate_words(kind);
            if p.days > 0 {
                let _ = write!(
                    h,
                    r#"<td data-label="{label}">{words} ({} in all)</td>"#,
                    p.counts[i]
                );
            } else {
                let _ = write!(h, r#"<td data-label="{label}">{words}</td>"#);
            }
        }
        h.push_str("</tr>");
    }
    h.push_str(r#"</tbody></table></div><div class="table-scroll" tabindex="0" role="region" aria-label="Month by month"><table class="figures stack-table"><caption>Month by month, newest first</caption><thead><tr><th scope="col">Month</th><th scope="col">GP appoint&shy;ments</th><th scope="col">Days off sick</th><th scope="col">Fit notes asked for</th></tr></thead><tbody>"#);
    for row in &f.months {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, row.label());
        match row {
            MonthRow::Recorded { counts, .. } => {
                // Fit notes received are in the table above: four columns fit a phone.
                for (c, label) in counts[..3].iter().zip(MONTH_HEADS) {
                    let _ = write!(h, r#"<td data-label="{label}">{c}</td>"#);
                }
            }
            MonthRow::NothingRecorded { .. } => {
                h.push_str(r#"<td colspan="3" class="nothing-recorded">Nothing recorded</td>"#)
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    h
}

#[component]
fn OutcomeSection() -> impl IntoView {
    let state = use_app_state();
    let html = move || {
        state.data.with(|d| {
            outcome_html(
                &outcome_figures(d, clock::today()),
                d.settings.ot_start.is_none(),
            )
        })
    };
    view! {
        <section class="card" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">"GP appointments, sick days and fit notes"</h2>
            <p><A href=paths::PROGRESS_EVENTS>"Add or correct a GP appointment, sick day or fit note"</A></p>
            <div inner_html=html></div>
            <details class="explain">
                <summary>"How these figures are worked out"</summary>
                <p>"A month counts only if you recorded something in Everyday during it: a check-in, a questionnaire, a diary entry, or an appointment, sick day or fit note. A month with nothing recorded is left out, because we cannot tell whether nothing happened or it was not written down."</p>
                <p>"The figure for each month is the number of times divided by the number of months with records. Part months count in part: a month is taken as 30.4 days, so 45 days with records is about 1.5 months."</p>
            </details>
        </section>
    }
}
