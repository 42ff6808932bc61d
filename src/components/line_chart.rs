//! A line chart of scores over time, drawn by hand as SVG text from a domain `Chart` (no chart
//! crate). It always sits next to a table of the same figures, which is what a screen reader
//! reads; the chart itself carries a one-sentence summary as its name.

use std::fmt::Write;

use crate::components::html::esc;
use crate::domain::measures::{Chart, CHART_HEIGHT, CHART_WIDTH};

/// The chart as SVG markup. `low` labels the lowest score ("0" or "1"); the highest is 10.
pub fn line_chart_svg(chart: &Chart, low: &str) -> String {
    let Chart {
        line,
        dots,
        low_y,
        high_y,
        left,
        right,
        first_date,
        last_date,
        summary,
    } = chart;
    let label_y = CHART_HEIGHT - 8;
    let mut svg = format!(
        r#"<svg class="m-chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" aria-label="{}" focusable="false">"#,
        esc(summary)
    );
    for y in [high_y, low_y] {
        let _ = write!(
            svg,
            r#"<line class="m-chart-grid" x1="{left}" x2="{right}" y1="{y}" y2="{y}"/>"#
        );
    }
    let _ = write!(
        svg,
        r#"<text class="m-chart-label m-chart-end" x="{}" y="{}">10</text><text class="m-chart-label m-chart-end" x="{}" y="{}">{low}</text><polyline class="m-chart-line" points="{line}"/>"#,
        left - 6,
        high_y + 5,
        left - 6,
        low_y + 5
    );
    for (x, y) in dots {
        let _ = write!(
            svg,
            r#"<circle class="m-chart-dot" cx="{x}" cy="{y}" r="4"/>"#
        );
    }
    let _ = write!(
        svg,
        r#"<text class="m-chart-label" x="{left}" y="{label_y}">{first_date}</text>"#
    );
    if last_date != first_date {
        let _ = write!(
            svg,
            r#"<text class="m-chart-label m-chart-end" x="{right}" y="{label_y}">{last_date}</text>"#
        );
    }
    svg.push_str("</svg>");
    svg
}
