//! The diary's read-only views written as HTML text (see `components::html`): the week's
//! tables and the insights. Every figure and sentence comes from
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

fn balance_rows(h: &mut String, b: &Balance) {
    for (i, area) in LifeArea::ALL.into_iter().enumerate() {
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td>{}</td><td><span class="share">{}%</span> <meter min="0" max="100" value="{}" aria-hidden="true"></meter></td></tr>"#,
            area.label(),
            minutes_words(b.minutes[i]),
            b.percent[i],
            b.percent[i]
        );
    }
}

/// The week: what each day held, the balance across areas of life and average ratings.
pub fn week_html(w: &WeekView) -> String {
    let mut h = String::from(
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="What each day held"><table class="diary-week"><caption>What each day held</caption><thead><tr><th scope="col">Day</th><th scope="col">What you did</th><th scope="col">Total</th></tr></thead><tbody>"#,
    );
    for d in &w.days {
        let day = weekday_date(d.date);
        let short = day.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let _ = write!(
            h,
            r#"<tr><th scope="row"><a href="{}?day={}">{short}</a>"#,
            paths::DIARY,
            iso_date(d.date)
        );
        if let Some(kind) = d.mark {
            let _ = write!(h, r#"<span class="tag">{}</span>"#, day_kind_label(kind));
        }
        h.push_str("</th><td>");
        if d.activities.is_empty() {
            h.push_str(r#"<span class="nothing-recorded">Nothing recorded</span>"#);
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
        }
        let _ = write!(h, "</td><td>{}</td></tr>", minutes_words(d.total));
    }
    let _ = write!(
        h,
        r#"</tbody><tfoot><tr><th scope="row" colspan="2">The whole week</th><td>{}</td></tr></tfoot></table></div>"#,
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
        h.push_str(r#"<div class="table-scroll" tabindex="0" role="region" aria-labelledby="balance-heading"><table class="diary-balance" aria-labelledby="balance-heading"><thead><tr><th scope="col">Area of life</th><th scope="col">Time</th><th scope="col">Share</th></tr></thead><tbody>"#);
        balance_rows(&mut h, &w.balance);
        h.push_str("</tbody></table></div>");
    }

    if !w.ratings.is_empty() {
        h.push_str(r#"<h3 id="averages-heading">Average ratings</h3><div class="table-scroll" tabindex="0" role="region" aria-labelledby="averages-heading"><table class="diary-ratings" aria-labelledby="averages-heading"><thead><tr><th scope="col">Rating</th><th scope="col">Average</th><th scope="col">Times rated</th></tr></thead><tbody>"#);
        for r in &w.ratings {
            let _ = write!(
                h,
                r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>"#,
                r.kind.label(),
                out_of_ten(r.tenths),
                r.count
            );
        }
        h.push_str("</tbody></table></div>");
    }
    h
}

fn balance_change_html(h: &mut String, c: &BalanceChange) {
    h.push_str(r#"<ul class="plain-list insight-list">"#);
    for s in balance_sentences(c) {
        let _ = write!(h, "<li>{s}</li>");
    }
    let (first, latest) = (c.first_week, c.latest_week);
    let _ = write!(
        h,
        r#"</ul><div class="table-scroll" tabindex="0" role="region" aria-label="Share of your recorded time"><table class="diary-balance"><caption>Share of your recorded time</caption><thead><tr><th scope="col">Area of life</th><th scope="col">First week (from {})</th><th scope="col">Latest week (from {})</th></tr></thead><tbody>"#,
        weekday_date(first),
        weekday_date(latest)
    );
    for (i, area) in LifeArea::ALL.into_iter().enumerate() {
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td>{}% ({})</td><td>{}% ({})</td></tr>"#,
            area.label(),
            c.first.percent[i],
            minutes_words(c.first.minutes[i]),
            c.latest.percent[i],
            minutes_words(c.latest.minutes[i])
        );
    }
    h.push_str("</tbody></table></div>");
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
