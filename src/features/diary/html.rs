//! The diary's read-only views written as HTML text (see `components::html`): the week's
//! days, balance and averages as stacked lists, and the insights. Every figure and sentence comes from
//! `domain::diary`; the person's words go through `esc`.

use std::fmt::Write;

use crate::app::paths;
use crate::components::html::esc;
use crate::domain::activity::LifeArea;
use crate::domain::dates::{iso_date, weekday_date};
use crate::domain::diary::{
    balance_sentences, day_kind_label, finding_sentences, minutes_words, out_of_ten, Balance,
    BalanceChange, Insights, RatingKind, WeekView, ACTIVATION_SET,
};

/// The balance as a list (stacked rows that fit a narrow screen with large text):
/// "Looking after myself: 45 minutes, 60%" with a bar.
fn balance_list(h: &mut String, b: &Balance, label: &str) {
    let _ = write!(h, r#"<ul class="diary-balance" aria-label="{label}">"#);
    for (i, area) in LifeArea::ALL.into_iter().enumerate() {
        let _ = write!(
            h,
            r#"<li><span class="balance-area">{}</span> <span>{}, <span class="share">{}%</span></span><meter min="0" max="100" value="{}" aria-hidden="true"></meter></li>"#,
            area.label(),
            minutes_words(b.minutes[i]),
            b.percent[i],
            b.percent[i]
        );
    }
    h.push_str("</ul>");
}

/// The week: what each day held, the balance across areas of life and average ratings, as
/// stacked lists (no table to scroll sideways on a phone).
pub fn week_html(w: &WeekView) -> String {
    let mut h = String::from(
        r#"<h3 id="week-days-heading">What each day held</h3><ul class="week-days" aria-labelledby="week-days-heading">"#,
    );
    for d in &w.days {
        let day = weekday_date(d.date);
        let short = day.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let _ = write!(
            h,
            r#"<li class="week-day"><p class="week-day-head"><a href="{}?day={}">{short}</a>"#,
            paths::DIARY,
            iso_date(d.date)
        );
        if let Some(kind) = d.mark {
            let _ = write!(h, r#" <span class="tag">{}</span>"#, day_kind_label(kind));
        }
        h.push_str("</p>");
        if d.activities.is_empty() {
            h.push_str(r#"<p class="nothing-recorded">Nothing recorded</p>"#);
        } else {
            h.push_str(r#"<ul class="week-activities">"#);
            for a in &d.activities {
                let times = if a.times > 1 {
                    format!("{} times, ", a.times)
                } else {
                    String::new()
                };
                let _ = write!(
                    h,
                    "<li>{} ({times}{})</li>",
                    esc(&a.what),
                    minutes_words(a.minutes)
                );
            }
            h.push_str("</ul>");
            let _ = write!(
                h,
                r#"<p class="week-day-total">Total: {}</p>"#,
                minutes_words(d.total)
            );
        }
        h.push_str("</li>");
    }
    let _ = write!(
        h,
        r#"</ul><p class="week-total"><strong>The whole week:</strong> {}</p>"#,
        minutes_words(w.total)
    );

    h.push_str(r#"<h3 id="balance-heading">Balance across areas of life</h3>"#);
    if w.marked_days > 0 {
        let _ = write!(
            h,
            r#"<p class="hint">{} marked unwell, holiday or rest {} left out, so {} nothing against you.</p>"#,
            if w.marked_days == 1 {
                "1 day".to_string()
            } else {
                format!("{} days", w.marked_days)
            },
            if w.marked_days == 1 { "is" } else { "are" },
            if w.marked_days == 1 {
                "it counts for"
            } else {
                "they count for"
            },
        );
    }
    if w.balance.total == 0 {
        h.push_str("<p>Nothing to show yet for this week.</p>");
    } else {
        balance_list(&mut h, &w.balance, "Balance across areas of life");
    }

    if !w.ratings.is_empty() {
        h.push_str(r#"<h3 id="averages-heading">Average ratings</h3><ul class="diary-ratings" aria-labelledby="averages-heading">"#);
        for r in &w.ratings {
            let _ = write!(
                h,
                r#"<li><span class="balance-area">{}:</span> {}, rated {} {}</li>"#,
                r.kind.label(),
                out_of_ten(r.tenths),
                r.count,
                if r.count == 1 { "time" } else { "times" }
            );
        }
        h.push_str("</ul>");
    }
    h
}

fn balance_change_html(h: &mut String, c: &BalanceChange) {
    h.push_str(r#"<ul class="plain-list insight-list">"#);
    for s in balance_sentences(c) {
        let _ = write!(h, "<li>{s}</li>");
    }
    h.push_str("</ul>");
    let (first, latest) = (c.first_week, c.latest_week);
    let _ = write!(
        h,
        r#"<h3 id="balance-first">Your first week (from {})</h3>"#,
        weekday_date(first)
    );
    balance_list(h, &c.first, "Your first week");
    let _ = write!(
        h,
        r#"<h3 id="balance-latest">Your latest week (from {})</h3>"#,
        weekday_date(latest)
    );
    balance_list(h, &c.latest, "Your latest week");
}

/// The insights page's sections.
pub fn insights_html(i: &Insights, mood_on: bool, activation_on: bool) -> String {
    let mut h = String::from(
        r#"<section class="card" aria-labelledby="insight-balance"><h2 id="insight-balance">Balance across areas of life</h2>"#,
    );
    match &i.balance {
        Some(c) => balance_change_html(&mut h, c),
        None => h.push_str("<p>Once your diary has two different weeks in it, this compares the balance of your first week with your latest.</p>"),
    }
    h.push_str("</section>");
    for (kind, finding, on, id, title) in [
        (RatingKind::Mood, &i.mood, mood_on, "insight-mood", "Mood"),
        (
            RatingKind::Enjoyment,
            &i.enjoyment,
            activation_on,
            "insight-enjoyment",
            "Enjoyment",
        ),
    ] {
        let _ = write!(
            h,
            r#"<section class="card" aria-labelledby="{id}"><h2 id="{id}">{title}</h2><ul class="plain-list insight-list">"#
        );
        for s in finding_sentences(kind, finding) {
            let _ = write!(h, "<li>{}</li>", esc(&s));
        }
        h.push_str("</ul>");
        if !on {
            let _ = write!(
                h,
                r#"<p>{} ratings are switched off. <a href="{}">Switch them on in the diary</a> to rate your activities.</p>"#,
                if kind == RatingKind::Mood {
                    RatingKind::Mood.label()
                } else {
                    ACTIVATION_SET
                },
                paths::DIARY
            );
        }
        h.push_str("</section>");
    }
    h
}
