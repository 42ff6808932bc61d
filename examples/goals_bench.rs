//! Times every goal's summary plus the Goal Attainment Scaling review on two years of realistic
//! data (20 goals, 2,000 progress records, 5,000 task completions).
//!
//!     cargo run --release --example goals_bench
//!
//! A plain `Instant` loop rather than criterion, which is heavy to build. It prints figures;
//! it asserts nothing about time, so it can never fail on a slow machine.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use everyday::domain::goals::{review, summarise, tasks_for_day};
use everyday::domain::sample::two_years;

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let data = two_years(end);
    let progress: usize = data.goals.iter().map(|g| g.progress.len()).sum();
    let ticks: usize = data
        .goals
        .iter()
        .flat_map(|g| &g.tasks)
        .map(|t| t.done.len())
        .sum();
    println!(
        "{} goals, {progress} progress records, {ticks} task completions",
        data.goals.len()
    );

    // One pass: every goal's summary, the day's step list and the review (T-scores now and at
    // the start, unweighted and weighted).
    let pass = |date: NaiveDate| {
        let summaries: Vec<_> = data.goals.iter().map(|g| summarise(g, date)).collect();
        let today = tasks_for_day(&data.goals, date);
        let r = review(&data.goals, date);
        (summaries, today, r)
    };

    let (_, _, r) = pass(end);
    time_it(
        "every goal's summary + today's steps + T-scores (budget: well under 1,000 µs)",
        || black_box(pass(black_box(end))),
    );
    time_it("every goal's summary", || {
        black_box(
            data.goals
                .iter()
                .map(|g| summarise(g, black_box(end)))
                .collect::<Vec<_>>(),
        )
    });
    time_it("the review (T-scores now and at the start)", || {
        black_box(review(&data.goals, black_box(end)))
    });
    println!(
        "review on {end}: {} goals scored, T unweighted {:?}, weighted {:?}",
        r.goals_scored, r.now.unweighted, r.now.weighted
    );
}

/// The shared timing loop with this benchmark's rounds (100 to warm up, 2,000 timed).
fn time_it<T>(what: &str, f: impl FnMut() -> T) -> common::Timing {
    common::time(what, 100, 2000, f)
}
