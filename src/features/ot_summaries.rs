//! The OT's view of patients' summary files: open several (file picker or drag and drop), each
//! checked through `domain::summary::read_summary` (a bad file gets its own message and does not
//! stop the others), each shown as the same one-page sheet, with a caseload table and totals.
//! Nothing is stored on this computer unless the OT asks to keep the summaries.

use std::fmt::Write;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use chrono::NaiveDateTime;

use crate::app::{paths, PageHeading};
use crate::components::html::esc;
use crate::domain::dates::date_time;
use crate::domain::summary::{
    caseload, read_summary, signed_tenths, t_words, CaseloadRow, CaseloadTotals, Summary,
    MAX_SUMMARY_BYTES,
};
use crate::features::summary_sheet::{sheet_html, Reader};
use crate::platform::focus::focus_later;
use crate::platform::{clock, files};
use crate::storage::local::LocalKv;
use crate::storage::ot_kept::{self, KeptFile};

/// An opened summary file.
#[derive(Clone, Debug, PartialEq)]
struct Opened {
    /// Unique on the page, for the sheet's ids.
    key: u32,
    file: KeptFile,
    summary: Summary,
    /// The sheet, built once the file is checked and before it is added or kept.
    sheet: String,
    /// When this page read the file (a kept file: when the page was opened).
    read_at: NaiveDateTime,
}

/// A per-file message: the file name, whether it opened, and what happened.
#[derive(Clone, Debug, PartialEq)]
struct FileMessage {
    name: String,
    ok: bool,
    text: String,
}

#[derive(Clone, Copy)]
struct OtState {
    opened: RwSignal<Vec<Opened>>,
    messages: RwSignal<Vec<FileMessage>>,
    kept: RwSignal<bool>,
    keep_message: RwSignal<Option<String>>,
    next_key: StoredValue<u32>,
}

impl OtState {
    /// Check a file's bytes and add it, or say why not.
    fn add(&self, name: String, bytes: Result<Vec<u8>, String>) {
        let result = bytes.and_then(|b| {
            let envelope = read_summary(&b).map_err(|e| e.to_string())?;
            // Checked UTF-8 by read_summary.
            Ok((String::from_utf8(b).unwrap_or_default(), envelope.data))
        });
        let message = match result {
            Err(text) => FileMessage {
                name,
                ok: false,
                text,
            },
            Ok((text, summary)) => {
                if self
                    .opened
                    .with_untracked(|o| o.iter().any(|x| x.file.text == text))
                {
                    FileMessage {
                        name,
                        ok: false,
                        text: "This summary is already open.".into(),
                    }
                } else {
                    let who = if summary.name.is_empty() {
                        "no name given".to_string()
                    } else {
                        summary.name.clone()
                    };
                    let ok = FileMessage {
                        name: name.clone(),
                        ok: true,
                        text: format!(
                            "Opened: summary for {who}, {}.",
                            crate::domain::summary::period_words(summary.from, summary.to)
                        ),
                    };
                    let key = self.next_key.get_value();
                    self.next_key.set_value(key + 1);
                    // Built here, before the file is added and kept below, so a file is only
                    // ever kept once it has been checked and its sheet made.
                    let sheet = sheet_html(&summary, &format!("-{key}"), Reader::Ot);
                    self.opened.update(|o| {
                        o.push(Opened {
                            key,
                            file: KeptFile { name, text },
                            summary,
                            sheet,
                            read_at: clock::now(),
                        })
                    });
                    ok
                }
            }
        };
        self.messages.update(|m| m.push(message));
        self.save_if_kept();
    }

    fn save_if_kept(&self) {
        if !self.kept.get_untracked() {
            return;
        }
        let files: Vec<KeptFile> = self
            .opened
            .with_untracked(|o| o.iter().map(|x| x.file.clone()).collect());
        let mut kv = LocalKv;
        if let Err(not_kept) = ot_kept::keep_all(&mut kv, &files) {
            self.keep_message.set(Some(not_kept.message()));
        }
    }

    /// Read each chosen or dropped file in turn.
    fn open_files(self, list: web_sys::FileList) {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if files.is_empty() {
            return;
        }
        self.messages.set(Vec::new());
        spawn_local(async move {
            for file in files {
                let name = file.name();
                let bytes = files::read_bytes(file, MAX_SUMMARY_BYTES).await;
                self.add(name, bytes);
            }
        });
    }
}

#[component]
pub fn OtSummariesPage() -> impl IntoView {
    let ot = OtState {
        opened: RwSignal::new(Vec::new()),
        messages: RwSignal::new(Vec::new()),
        kept: RwSignal::new(ot_kept::any(&LocalKv)),
        keep_message: RwSignal::new(None),
        next_key: StoredValue::new(0),
    };
    // Summaries kept earlier go through the same checks as any file. Not written back while
    // they are read in one by one (that would remove those not yet read).
    let keeping = ot.kept.get_untracked();
    ot.kept.set(false);
    for f in ot_kept::load(&LocalKv) {
        ot.add(f.name, Ok(f.text.into_bytes()));
    }
    ot.kept.set(keeping);
    if !ot.messages.with_untracked(Vec::is_empty) {
        let n = ot.opened.with_untracked(Vec::len);
        // Only a kept file that no longer opens needs a message of its own.
        ot.messages.update(|m| m.retain(|x| !x.ok));
        ot.keep_message.set(Some(format!(
            "{n} {} kept on this computer {} opened.",
            if n == 1 { "summary" } else { "summaries" },
            if n == 1 { "was" } else { "were" }
        )));
    }

    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(list) = input.files() {
            ot.open_files(list);
        }
        // The same file can be chosen again later.
        input.set_value("");
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            ot.open_files(list);
        }
    };
    let keep = move |_| {
        ot.kept.set(true);
        ot.keep_message.set(Some(
            "These summaries are now kept in this browser on this computer, and any you open next will be too.".into(),
        ));
        ot.save_if_kept();
    };
    let clear = move |_| {
        ot_kept::clear(&mut LocalKv);
        ot.kept.set(false);
        ot.keep_message.set(Some(
            "Cleared: no summaries are kept on this computer. Those open stay on screen until you close this page.".into(),
        ));
    };

    view! {
        <PageHeading title="Patient summaries"/>
        <p><A href=paths::OT>"Back to the OT area"</A></p>
        <p class="lead">"Open the summary files your patients bring or send. Each one shows as the same one-page summary the patient saw."</p>
        <p>"Nothing is kept on this computer unless you choose to keep it."</p>
        <section class="card no-print" aria-labelledby="open-heading">
            <h2 id="open-heading" tabindex="-1">"Open summary files"</h2>
            <div class="field">
                <label class="field-label" for="summary-files">"Choose one or more summary files"</label>
                <span class="hint" id="summary-files-hint">"Files called everyday-summary-….json. They are read on this computer only."</span>
                <input type="file" id="summary-files" multiple accept=".json,application/json"
                    aria-describedby="summary-files-hint" on:change=on_pick/>
            </div>
            <div class="drop-zone" class:drop-active=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <p>"Or drag and drop the files here."</p>
            </div>
            <ul class="file-messages" aria-live="polite">
                {move || ot.messages.get().into_iter().map(|m| view! {
                    <li class=if m.ok { "file-ok" } else { "file-bad" }>
                        <strong>{m.name}</strong>": "
                        <span>{if m.ok { "" } else { "Not opened. " }}{m.text}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="caseload-heading" hidden=move || ot.opened.with(Vec::is_empty)>
                <h2 id="caseload-heading">"Caseload"</h2>
                <div inner_html=move || ot.opened.with(|o| {
                    let list: Vec<Summary> = o.iter().map(|x| x.summary.clone()).collect();
                    let (rows, totals) = caseload(&list);
                    if o.is_empty() {
                        return String::new();
                    }
                    caseload_html(&rows, &totals)
                })></div>
        </section>
        <section class="card no-print" aria-labelledby="keep-heading">
            <h2 id="keep-heading">"Keeping summaries on this computer"</h2>
            <p>{move || if ot.kept.get() {
                "The summaries you open are kept in this browser on this computer until you clear them."
            } else {
                "The summaries you open are not kept: they go when you close this page."
            }}</p>
            <div class="button-row">
                <button type="button" class="button" hidden=move || ot.kept.get() on:click=keep>"Keep these summaries on this computer"</button>
                <button type="button" class="button" hidden=move || !ot.kept.get() on:click=clear>"Clear kept summaries from this computer"</button>
            </div>
            <p class="form-message" role="status">{move || ot.keep_message.get()}</p>
        </section>
        <For each=move || ot.opened.get() key=|x| x.key
            children=move |x| view! { <OpenSheet x ot/> }/>
    }
}

/// One open summary: which file it is and when it was read, the sheet, and its Close button.
#[component]
fn OpenSheet(x: Opened, ot: OtState) -> impl IntoView {
    let who = if x.summary.name.is_empty() {
        "(no name given)".to_string()
    } else {
        x.summary.name.clone()
    };
    let key = x.key;
    let close = move |_| {
        // The next sheet down (or the heading of the list of files) takes the focus.
        let next = ot.opened.with_untracked(|o| {
            let i = o.iter().position(|y| y.key == key)?;
            o.get(i + 1)
                .or_else(|| i.checked_sub(1).and_then(|j| o.get(j)))
                .map(|y| y.key)
        });
        ot.opened.update(|o| o.retain(|y| y.key != key));
        ot.save_if_kept();
        match next {
            Some(k) => focus_later(format!("#sheet-file-{k}")),
            None => focus_later("#open-heading"),
        }
    };
    view! {
        <div class="ot-sheet">
            <p class="sheet-file no-print" id=format!("sheet-file-{key}") tabindex="-1">
                "File "<strong class="file-name">{x.file.name.clone()}</strong>
                {format!(", read on {}.", date_time(x.read_at))}
            </p>
            <div inner_html=x.sheet></div>
            <button type="button" class="button button-small no-print" on:click=close>
                {format!("Close the summary for {who}")}
            </button>
        </div>
    }
}

fn opt(t: Option<i64>, f: impl Fn(i64) -> String) -> String {
    t.map(f).unwrap_or_else(|| "–".into())
}

/// The caseload table's columns after the person.
const CASELOAD_HEADS: [&str; 8] = [
    "Period",
    "Goal score (at the start)",
    "Confidence change",
    "Questionnaire change",
    "GP appointments a month before",
    "GP appointments a month since",
    "Days off sick",
    "Fit notes",
];

/// The caseload table and the totals, as HTML.
fn caseload_html(rows: &[CaseloadRow], t: &CaseloadTotals) -> String {
    let mut h = String::from(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Caseload, one row per person"><table class="figures caseload stack-table"><caption>One row per person; – means not in that summary</caption><thead><tr><th scope="col">Person</th>"#,
    );
    for head in CASELOAD_HEADS {
        let _ = write!(h, r#"<th scope="col">{head}</th>"#);
    }
    h.push_str("</tr></thead><tbody>");
    let gp = |v: Option<i64>| opt(v, crate::domain::measures::one_decimal);
    for r in rows {
        let t_cell = match (r.t_now, r.t_start) {
            (Some(n), Some(s)) => format!("{} ({})", t_words(n), t_words(s)),
            (Some(n), None) => t_words(n),
            _ => "–".into(),
        };
        let values = [
            r.period.clone(),
            t_cell,
            opt(r.confidence.map(i64::from), signed_tenths),
            opt(r.self_efficacy.map(i64::from), signed_tenths),
            gp(r.gp_before),
            gp(r.gp_since),
            opt(r.sick_days.map(i64::from), |v| v.to_string()),
            opt(r.fit_notes.map(i64::from), |v| v.to_string()),
        ];
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, esc(&r.name));
        for (head, value) in CASELOAD_HEADS.iter().zip(values) {
            let _ = write!(h, r#"<td data-label="{head}">{value}</td>"#);
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></div>");
    let _ = write!(
        h,
        r#"<h3>Totals across {}</h3><dl class="totals">"#,
        crate::domain::measures::count_words(t.people.into(), "person", "people")
    );
    for (dt, dd) in t.lines() {
        let _ = write!(h, "<div><dt>{dt}</dt><dd>{dd}</dd></div>");
    }
    h.push_str("</dl>");
    h
}
