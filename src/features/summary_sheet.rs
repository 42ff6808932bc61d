//! The one-page summary sheet, as HTML text: the same view on the person's phone (and printed),
//! and on the OT's computer for each opened file. Read-only, so one string (see
//! `components::html`); every figure and its words come from `domain::summary`, and everything
//! the person wrote is escaped.

use std::fmt::Write;

use crate::components::html::esc;
use crate::domain::activity::LifeArea;
use crate::domain::dates::{long_date, short_date};
use crate::domain::goals::{level_name, level_number, GoalStatus};
use crate::domain::measures::{
    count_words, kind_label, kind_plural, work_ability_words, OUTCOME_KINDS,
};
use crate::domain::summary::{
    area_shares, change_words, falls_words, goals_going_words, hazards_words, minutes_words,
    period_words, phased_return_words, score_words, status_counts, t_words, DiaryPart, GoalsPart,
    HomePart, MeasureLine, OutcomesPart, RatingsPart, Summary, WorkplacePart,
};

/// Who the sheet is drawn for. The figures are the same; the person sees plain words for how
/// the goals are going, and the OT also sees the goal score (T-score) and the levels as numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Person,
    Ot,
}

const LEFT_OUT: &str = r#"<p class="left-out">Left out of this summary.</p>"#;

/// Start a part of the sheet: its heading (level 3, under the sheet's level 2 title).
fn part(h: &mut String, id: &str, title: &str) {
    let _ = write!(
        h,
        r#"<section class="sheet-part" aria-labelledby="{id}"><h3 id="{id}">{title}</h3>"#
    );
}

/// A small table with a caption for screen readers and a header row.
fn table_start(h: &mut String, caption: &str, heads: &[&str]) {
    let _ = write!(
        h,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="sheet-table stack-table"><caption class="visually-hidden">{caption}</caption><thead><tr>"#
    );
    for head in heads {
        let _ = write!(h, r#"<th scope="col">{head}</th>"#);
    }
    h.push_str("</tr></thead><tbody>");
}

const TABLE_END: &str = "</tbody></table></div>";

/// Data cells, each labelled with its column's heading (shown beside it when the table is
/// stacked on a narrow screen).
fn cells(h: &mut String, heads: &[&str], values: &[String]) {
    for (head, value) in heads.iter().zip(values) {
        let _ = write!(h, r#"<td data-label="{head}">{value}</td>"#);
    }
}

/// The whole sheet. `key` makes the ids unique when several sheets are on one page.
pub fn sheet_html(s: &Summary, key: &str, reader: Reader) -> String {
    let mut h = String::with_capacity(8_000);
    let title_id = format!("sheet{key}");
    let name = if s.name.trim().is_empty() {
        "(no name given)".to_string()
    } else {
        esc(&s.name)
    };
    let _ = write!(
        h,
        r#"<article class="sheet" aria-labelledby="{title_id}"><header class="sheet-head"><h2 id="{title_id}">Summary for {name}</h2><p><strong>Period:</strong> {}. <strong>Made on</strong> {}."#,
        period_words(s.from, s.to),
        long_date(s.made)
    );
    if let Some(start) = s.ot_start {
        let _ = write!(
            h,
            " <strong>Started seeing the OT:</strong> {}.",
            long_date(start)
        );
    }
    h.push_str("</p></header>");

    let id = |name: &str| format!("{name}{key}");

    part(&mut h, &id("talk"), "What I want to talk about");
    match &s.talk_about {
        None => h.push_str(LEFT_OUT),
        Some(t) if t.trim().is_empty() => h.push_str("<p>Nothing written.</p>"),
        Some(t) => {
            let _ = write!(h, r#"<p class="talk-about">{}</p>"#, esc(t));
        }
    }
    h.push_str("</section>");

    part(&mut h, &id("goals"), "Goals");
    match &s.goals {
        None => h.push_str(LEFT_OUT),
        Some(g) => goals_html(&mut h, g, reader),
    }
    h.push_str("</section>");

    part(&mut h, &id("ratings"), "Confidence and self-ratings");
    match &s.ratings {
        None => h.push_str(LEFT_OUT),
        Some(r) => ratings_html(&mut h, r),
    }
    h.push_str("</section>");

    part(
        &mut h,
        &id("outcomes"),
        "GP appointments, sick days and fit notes",
    );
    match &s.outcomes {
        None => h.push_str(LEFT_OUT),
        Some(o) => outcomes_html(&mut h, o, s.ot_start.is_some()),
    }
    h.push_str("</section>");

    part(&mut h, &id("diary"), "Activity diary");
    match &s.diary {
        None => h.push_str(LEFT_OUT),
        Some(d) => diary_html(&mut h, d),
    }
    h.push_str("</section>");

    part(&mut h, &id("work"), "Workplace plan and phased return");
    match &s.workplace {
        None => h.push_str(LEFT_OUT),
        Some(w) => workplace_html(&mut h, w, s.to),
    }
    h.push_str("</section>");

    part(&mut h, &id("home"), "Home safety");
    match &s.home {
        None => h.push_str(LEFT_OUT),
        Some(x) => home_html(&mut h, x, s.from),
    }
    h.push_str("</section></article>");
    h
}

/// A goal level: "+1 A bit more than expected" for the OT, the words alone for the person.
fn level_words(level: i8, reader: Reader) -> String {
    match reader {
        Reader::Ot => format!("{} {}", level_number(level), level_name(level)),
        Reader::Person => level_name(level).to_string(),
    }
}

fn goals_html(h: &mut String, g: &GoalsPart, reader: Reader) {
    if g.goals.is_empty() {
        h.push_str("<p>No goals in this period.</p>");
        return;
    }
    if reader == Reader::Person {
        let _ = write!(h, "<p>{}</p>", goals_going_words(g));
    } else {
        goal_score_html(h, g);
    }
    let _ = write!(h, "<p>Steps ticked off in this period: {}.</p>", g.ticks());
    goals_table(h, g, reader);
}

/// The goal score (T-score) line, for the OT.
fn goal_score_html(h: &mut String, g: &GoalsPart) {
    let pair = |now: Option<i32>, start: Option<i32>| match (now, start) {
        (Some(n), Some(s)) => format!("{} (at the start: {})", t_words(n), t_words(s)),
        (Some(n), None) => t_words(n),
        _ => String::new(),
    };
    match g.t_now {
        Some(_) => {
            let _ = write!(
                h,
                "<p><strong>Goal score (T-score):</strong> {}, over {} {}. 50 means the goals are going as expected.",
                pair(g.t_now, g.t_start),
                g.scored,
                if g.scored == 1 { "goal" } else { "goals" }
            );
            if g.t_weighted_now.is_some() {
                let _ = write!(
                    h,
                    " Weighted by importance and difficulty: {}.",
                    pair(g.t_weighted_now, g.t_weighted_start)
                );
            } else if let Some(why) = g.weighted_not_scored() {
                // The Goals page's words for why there is no weighted score.
                let _ = write!(h, " {why}");
            }
            h.push_str("</p>");
        }
        None => h.push_str("<p>No goal score: no goal has a level recorded yet.</p>"),
    }
}

fn goals_table(h: &mut String, g: &GoalsPart, reader: Reader) {
    let heads = [
        "Goal",
        "Start",
        "Levels in this period",
        "Now",
        "Steps done",
    ];
    table_start(h, "Goals and their levels", &heads);
    for line in &g.goals {
        let mut tags = String::new();
        if line.from_ot {
            tags.push_str(" (from the OT)");
        }
        if line.status != GoalStatus::Active {
            let _ = write!(tags, " ({})", line.status.label().to_ascii_lowercase());
        }
        let levels = if line.levels.is_empty() {
            "None recorded".to_string()
        } else {
            line.levels
                .iter()
                .map(|l| format!("{} on {}", level_words(l.level, reader), short_date(l.date)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let now = line
            .level_now()
            .map(|l| level_words(l, reader))
            .unwrap_or_else(|| "No level yet".into());
        let steps = if line.steps.is_empty() {
            "None".to_string()
        } else {
            line.steps
                .iter()
                .map(|s| {
                    let times = count_words(s.times.into(), "time", "times");
                    format!("{} ({times})", esc(&s.title))
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        h.push_str("<tr>");
        let values = [
            format!("{}{tags}", esc(&line.title)),
            level_words(line.baseline, reader),
            levels,
            now,
            steps,
        ];
        cells(h, &heads, &values);
        h.push_str("</tr>");
    }
    h.push_str(TABLE_END);
}

fn ratings_html(h: &mut String, r: &RatingsPart) {
    let lines: [(&str, &Option<MeasureLine>, bool); 3] = [
        ("Confidence check-in (0 to 10)", &r.confidence, false),
        (
            "Confidence questionnaire (1 to 10)",
            &r.self_efficacy,
            false,
        ),
        ("Work ability (0 to 10)", &r.work_ability, true),
    ];
    if lines.iter().all(|(_, l, _)| l.is_none()) {
        h.push_str("<p>No ratings recorded yet.</p>");
        return;
    }
    let heads = [
        "Rating",
        "At the start",
        "Most recently",
        "Change",
        "In this period",
    ];
    table_start(h, "Ratings at the start and most recently", &heads);
    for (name, line, work) in lines {
        let _ = write!(h, r#"<tr><th scope="row">{name}</th>"#);
        match line {
            None => h.push_str(r#"<td colspan="4">None recorded</td>"#),
            Some(l) => {
                let score = |tenths: i32| {
                    if work {
                        work_ability_words((tenths / 10).clamp(0, 10) as u8)
                    } else {
                        score_words(tenths)
                    }
                };
                let values = [
                    format!("{} ({})", score(l.first.score), short_date(l.first.date)),
                    format!("{} ({})", score(l.latest.score), short_date(l.latest.date)),
                    change_words(l),
                    match l.in_period {
                        0 => "None".to_string(),
                        n => count_words(n.into(), "score", "scores"),
                    },
                ];
                cells(h, &heads[1..], &values);
            }
        }
        h.push_str("</tr>");
    }
    h.push_str(TABLE_END);
}

fn outcomes_html(h: &mut String, o: &OutcomesPart, has_start: bool) {
    if o.counts.iter().all(|c| *c == 0) && o.since.is_none() && o.before.is_none() {
        h.push_str("<p>Nothing recorded.</p>");
        return;
    }
    let heads: &[&str] = if has_start {
        &[
            "Counted",
            "In this period",
            "A month before the OT",
            "A month since the OT",
        ]
    } else {
        &["Counted", "In this period", "A month (all records)"]
    };
    table_start(h, "GP appointments, sick days and fit notes", heads);
    for (i, kind) in OUTCOME_KINDS.into_iter().enumerate() {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, kind_plural(kind));
        let mut values = vec![o.counts[i].to_string()];
        let spans = if has_start {
            vec![&o.before, &o.since]
        } else {
            vec![&o.since]
        };
        for span in spans {
            values.push(
                span.as_ref()
                    .map(|s| s.rate_words(kind))
                    .unwrap_or_else(|| "nothing recorded".into()),
            );
        }
        cells(h, &heads[1..], &values);
        h.push_str("</tr>");
    }
    h.push_str(TABLE_END);
    if !o.events.is_empty() {
        h.push_str(r#"<ul class="sheet-list">"#);
        for e in &o.events {
            let _ = write!(h, "<li>{}: {}", short_date(e.date), kind_label(e.kind));
            if !e.reason.is_empty() {
                let _ = write!(h, " ({})", esc(&e.reason));
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    }
}

fn diary_html(h: &mut String, d: &DiaryPart) {
    let marked = d.unwell_days + d.holiday_days + d.rest_days;
    if d.entries == 0 && marked == 0 {
        h.push_str("<p>No diary entries in this period.</p>");
        return;
    }
    let entries = count_words(d.entries.into(), "entry", "entries");
    let _ = if d.days == 1 {
        write!(h, "<p>{entries} on the one day.")
    } else {
        write!(
            h,
            "<p>{entries} on {} of the {} days.",
            d.days_with_entries, d.days
        )
    };
    let _ = write!(
        h,
        " Days marked unwell: {}; on holiday: {}; rest days: {}.</p>",
        d.unwell_days, d.holiday_days, d.rest_days
    );
    if d.entries > 0 {
        let heads = ["Area of life", "Time", "Share", "Entries"];
        table_start(h, "Time in each area of life", &heads);
        let shares = area_shares(d);
        for (a, share) in d.areas.iter().zip(shares) {
            let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, LifeArea::label(a.area));
            let values = [
                minutes_words(a.minutes),
                format!("{share}%"),
                a.entries.to_string(),
            ];
            cells(h, &heads[1..], &values);
            h.push_str("</tr>");
        }
        h.push_str(TABLE_END);
    }
    if d.ratings.is_empty() {
        if d.entries > 0 {
            h.push_str("<p>No ratings given in the diary.</p>");
        }
    } else {
        let list: Vec<String> = d
            .ratings
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({})",
                    r.rating.label(),
                    score_words(r.average as i32),
                    count_words(r.count.into(), "rating", "ratings")
                )
            })
            .collect();
        let _ = write!(
            h,
            "<p><strong>Average ratings (0 to 10):</strong> {}.</p>",
            list.join("; ")
        );
    }
}

fn workplace_html(h: &mut String, w: &WorkplacePart, to: chrono::NaiveDate) {
    if w.items.is_empty() && w.weeks.is_empty() {
        h.push_str("<p>No workplace plan.</p>");
        return;
    }
    if !w.weeks.is_empty() {
        let _ = write!(
            h,
            "<p><strong>Phased return:</strong> {}</p>",
            phased_return_words(&w.weeks, to)
        );
    }
    if let Some(r) = w.review {
        let _ = write!(h, "<p>Plan to be reviewed on {}.</p>", long_date(r));
    }
    if !w.items.is_empty() {
        let _ = write!(
            h,
            "<p><strong>{}:</strong> {}.</p>",
            count_words(w.items.len() as u64, "adjustment", "adjustments"),
            status_counts(&w.items)
        );
        let heads = ["Kind", "Adjustment", "Where it is", "Who", "Review"];
        table_start(h, "Workplace adjustments", &heads);
        for i in &w.items {
            let mut status = i.status.label().to_string();
            if !i.reason.is_empty() {
                let _ = write!(status, ": {}", esc(&i.reason));
            }
            h.push_str("<tr>");
            let values = [
                i.kind.label_for_ot().to_string(),
                esc(&i.text),
                status,
                i.owner.label_for_ot().to_string(),
                i.review.map(short_date).unwrap_or_default(),
            ];
            cells(h, &heads, &values);
            h.push_str("</tr>");
        }
        h.push_str(TABLE_END);
    }
}

fn home_html(h: &mut String, x: &HomePart, from: chrono::NaiveDate) {
    if x.checked == 0 && x.falls.is_none() {
        h.push_str("<p>No home-safety checklist.</p>");
        return;
    }
    if x.checked > 0 {
        let _ = write!(h, "<p>{}</p>", hazards_words(x));
    }
    if !x.hazards.is_empty() {
        let heads = ["Room", "Hazard", "Suggested fix", "Done in this period"];
        table_start(h, "Hazards that apply", &heads);
        for z in &x.hazards {
            let in_period: Vec<String> = z
                .actions
                .iter()
                .filter(|a| a.date >= from)
                .map(|a| format!("{}: {}", short_date(a.date), esc(&a.what)))
                .collect();
            let done = match (in_period.is_empty(), z.actions.is_empty()) {
                (false, _) => in_period.join("; "),
                (true, false) => "Done before this period".to_string(),
                (true, true) => "Nothing yet".to_string(),
            };
            h.push_str("<tr>");
            let values = [
                z.room.label().to_string(),
                esc(&z.hazard),
                esc(&z.fix),
                done,
            ];
            cells(h, &heads, &values);
            h.push_str("</tr>");
        }
        h.push_str(TABLE_END);
    }
    if let Some(f) = &x.falls {
        let _ = write!(
            h,
            "<p><strong>Falls self-check</strong> on {}: {}</p>",
            long_date(f.date),
            falls_words(f)
        );
    }
}
