//! Times every goal's summary plus the Goal Attainment Scaling review on two years of realistic
//! data (20 goals, 2,000 progress records, 5,000 task completions).
//!
//!     cargo run --release --example goals_bench
//!
//! A plain `Instant` loop rather than criterion, which is heavy to build. It prints figures;
//! it asserts nothing about time, so it can never fail on a slow machine.

use std::hint::black_box;
use std::time::Instant;

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
    time(
        "every goal's summary + today's steps + T-scores (budget: well under 1,000 µs)",
        || black_box(pass(black_box(end))),
    );
    time("every goal's summary", || {
        black_box(
            data.goals
                .iter()
                .map(|g| summarise(g, black_box(end)))
                .collect::<Vec<_>>(),
        )
    });
    time("the review (T-scores now and at the start)", || {
        black_box(review(&data.goals, black_box(end)))
    });
    println!(
        "review on {end}: {} goals scored, T unweighted {:?}, weighted {:?}",
        r.goals_scored, r.now.unweighted, r.now.weighted
    );
}

/// Run `f` 100 times to warm up, then 2,000 times timed, and print the mean, median and 95th
/// percentile.
fn time<T>(what: &str, mut f: impl FnMut() -> T) {
    for _ in 0..100 {
        black_box(f());
    }
    let rounds = 2_000u32;
    let mut samples = Vec::with_capacity(rounds as usize);
    for _ in 0..rounds {
        let started = Instant::now();
        black_box(f());
        samples.push(started.elapsed());
    }
    samples.sort();
    let total: std::time::Duration = samples.iter().sum();
    println!(
        "{what}: mean {:.1} µs, median {:.1} µs, 95th percentile {:.1} µs over {rounds} runs",
        total.as_secs_f64() * 1e6 / f64::from(rounds),
        samples[samples.len() / 2].as_secs_f64() * 1e6,
        samples[samples.len() * 95 / 100].as_secs_f64() * 1e6,
    );
}
