//! Times the diary's week view and insights on two years of realistic data (7,300 entries).
//! The budget is under 5 ms natively for the week view plus the insights.
//!
//!     cargo run --release --example diary_bench
//!
//! A plain `Instant` loop rather than criterion, which is heavy to build. It prints figures;
//! it asserts nothing about time, so it can never fail on a slow machine.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use everyday::domain::diary::{budget_use, day_view, insights, suggestions, week_view};
use everyday::domain::sample::two_years;

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let mut data = two_years(end);
    data.settings.pacing.on = true;
    data.settings.pacing.budget = Some(240);
    println!(
        "{} diary entries, {} marked days",
        data.diary.len(),
        data.day_marks.len()
    );

    let week_and_insights = time_it("week view + insights (budget 5 ms = 5,000 µs)", || {
        let w = week_view(&data, black_box(end));
        let i = insights(&data, black_box(end));
        (w, i)
    })
    .p95;
    time_it("week view", || black_box(week_view(&data, black_box(end))));
    time_it("insights over every entry", || {
        black_box(insights(&data, black_box(end)))
    });
    time_it("day view + pacing budget + suggestions", || {
        let d = day_view(&data, black_box(end)).total;
        let b = budget_use(&data, black_box(end));
        let s = suggestions(&data.diary, 8);
        (d, b, s)
    });
    println!(
        "week view + insights: {}",
        if week_and_insights < 5_000.0 {
            "within the 5 ms budget"
        } else {
            "OVER the 5 ms budget"
        }
    );
}

/// The shared timing loop with this benchmark's rounds (20 to warm up, 500 timed).
fn time_it<T>(what: &str, f: impl FnMut() -> T) -> common::Timing {
    common::time(what, 20, 500, f)
}
