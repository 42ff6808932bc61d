//! Times the diary's week view and insights on two years of realistic data (7,300 entries).
//! The budget is under 5 ms natively for the week view plus the insights.
//!
//!     cargo run --release --example diary_bench
//!
//! A plain `Instant` loop rather than criterion, which is heavy to build. It prints figures;
//! it asserts nothing about time, so it can never fail on a slow machine.

use std::hint::black_box;
use std::time::Instant;

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

    let week_and_insights = time("week view + insights (budget 5 ms = 5,000 µs)", || {
        let w = week_view(&data, black_box(end));
        let i = insights(&data, black_box(end));
        (w, i)
    });
    time("week view", || black_box(week_view(&data, black_box(end))));
    time("insights over every entry", || {
        black_box(insights(&data, black_box(end)))
    });
    time("day view + pacing budget + suggestions", || {
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

/// Run `f` 20 times to warm up, then 500 times timed; print the mean, median and 95th
/// percentile, and return the 95th percentile in microseconds.
fn time<T>(what: &str, mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..20 {
        black_box(f());
    }
    let rounds = 500u32;
    let mut samples = Vec::with_capacity(rounds as usize);
    for _ in 0..rounds {
        let started = Instant::now();
        black_box(f());
        samples.push(started.elapsed());
    }
    samples.sort();
    let total: std::time::Duration = samples.iter().sum();
    let p95 = samples[samples.len() * 95 / 100].as_secs_f64() * 1e6;
    println!(
        "{what}: mean {:.1} µs, median {:.1} µs, 95th percentile {p95:.1} µs over {rounds} runs",
        total.as_secs_f64() * 1e6 / f64::from(rounds),
        samples[samples.len() / 2].as_secs_f64() * 1e6,
    );
    p95
}
