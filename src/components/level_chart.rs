//! How a goal has gone over time, in the person's words (no level numbers): a hand-drawn SVG chart and a table of the same
//! records, so the data is there for screen readers and for anyone who prefers numbers.
//!
//! Both are read-only, so they are written as one HTML string (far less download than a tree of
//! `view!` elements). The person's notes are escaped; the Content-Security-Policy forbids inline
//! scripts, so text could never run as code.

use std::fmt::Write;

use leptos::prelude::*;

use crate::components::html::esc;

use crate::domain::dates::short_date;
use crate::domain::goals::{level_label, ProgressRecord};

// Drawing area, in the SVG's own units (it scales to the width of the screen).
const LEFT: i32 = 96;
const RIGHT: i32 = 310;
const TOP: i32 = 14;
const STEP: i32 = 34;

fn y_of(level: i8) -> i32 {
    TOP + (2 - i32::from(level)) * STEP
}

/// The chart and table as HTML. Points are evenly spaced in the order recorded; the table gives
/// the dates.
pub fn level_chart_html(records: &[ProgressRecord], caption: &str) -> String {
    let (Some(first), Some(last)) = (records.first(), records.last()) else {
        return "<p>Nothing recorded yet.</p>".into();
    };
    let n = records.len() as i32;
    let (from, to) = (short_date(first.date), short_date(last.date));
    let mut h = String::new();
    // Writing to a String cannot fail.
    let _ = write!(
        h,
        "<figure class=\"level-chart\"><svg viewBox=\"0 0 320 170\" role=\"img\" focusable=\"false\" \
         aria-label=\"Chart of {n} {} from {from} to {to}. Latest: {}.\">",
        if n == 1 { "record" } else { "records" },
        level_label(last.level),
    );
    for level in -2i8..=2 {
        let y = y_of(level);
        let class = if level == 0 {
            "chart-grid chart-expected"
        } else {
            "chart-grid"
        };
        let _ = write!(
            h,
            "<line class=\"{class}\" x1=\"{LEFT}\" x2=\"{RIGHT}\" y1=\"{y}\" y2=\"{y}\"/>\
             <text class=\"chart-axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LEFT - 8,
            y + 5,
            match level {
                2 => "Much better",
                0 => "Expected",
                -2 => "Much less",
                _ => "",
            }
        );
    }
    let mut line = String::new();
    let mut dots = String::new();
    for (i, r) in records.iter().enumerate() {
        let x = if n == 1 {
            (LEFT + RIGHT) / 2
        } else {
            LEFT + 8 + (RIGHT - LEFT - 16) * i as i32 / (n - 1)
        };
        let y = y_of(r.level);
        let _ = write!(line, "{x},{y} ");
        let _ = write!(
            dots,
            "<circle class=\"chart-point\" cx=\"{x}\" cy=\"{y}\" r=\"5\"/>"
        );
    }
    let _ = write!(
        h,
        "<polyline class=\"chart-line\" points=\"{}\"/>{dots}</svg>\
         <figcaption class=\"hint\">From {from} to {to}. The dashed line is what you expected; higher is better.</figcaption></figure>\
         <table class=\"stack-table\"><caption>{}</caption><thead><tr><th scope=\"col\">Date</th>\
         <th scope=\"col\">How it was going</th><th scope=\"col\">Note</th></tr></thead><tbody>",
        line.trim_end(),
        esc(caption)
    );
    for r in records {
        let _ = write!(
            h,
            "<tr><td data-label=\"Date\">{}</td><td data-label=\"How it was going\">{}</td><td data-label=\"Note\">{}</td></tr>",
            short_date(r.date),
            level_label(r.level),
            esc(&r.note)
        );
    }
    h.push_str("</tbody></table>");
    h
}

#[component]
pub fn LevelChart(
    /// The records, oldest first.
    #[prop(into)]
    records: Signal<Vec<ProgressRecord>>,
    /// The table's caption: "How it has gone, oldest first".
    caption: &'static str,
) -> impl IntoView {
    view! { <div class="level-history" inner_html=move || records.with(|r| level_chart_html(r, caption))></div> }
}
