//! Times building the OT summary, writing and reading its file, and the diary CSV, on two years
//! of realistic data (7,300 diary entries, 20 goals, a year of weekly ratings).
//!
//!     cargo run --release --example summary_bench
//!
//! Prints figures (times and file sizes); asserts nothing about time, so it never fails on a
//! slow machine.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Duration, NaiveDate};
use everyday::domain::sample::two_years;
use everyday::domain::summary::{
    build, caseload, diary_csv, encode_summary, read_summary, Parts, Summary,
};

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let at = end.and_hms_opt(9, 0, 0).unwrap_or_default();
    let data = two_years(end);
    println!(
        "{} diary entries, {} goals, {} outcome events",
        data.diary.len(),
        data.goals.len(),
        data.outcomes.len()
    );
    for (label, days) in [("last 4 weeks", 28), ("whole two years", 730)] {
        let from = end - Duration::days(days - 1);
        let s = build(&data, from, end, end, Parts::ALL);
        let file = encode_summary(&s, at);
        let csv = diary_csv(&data, from, end);
        println!(
            "{label}: summary file {} bytes, diary CSV {} bytes ({} rows)",
            file.len(),
            csv.len(),
            csv.lines().count() - 1
        );
        time(
            &format!("{label}: build the summary (budget: under 16 ms, one frame)"),
            || black_box(build(&data, black_box(from), end, end, Parts::ALL)),
        );
        time(&format!("{label}: write the summary file"), || {
            black_box(encode_summary(black_box(&s), at))
        });
        time(&format!("{label}: read and check the summary file"), || {
            black_box(read_summary(black_box(file.as_bytes())).is_ok())
        });
        time(&format!("{label}: the diary CSV"), || {
            black_box(diary_csv(&data, black_box(from), end))
        });
    }
    let month = build(&data, end - Duration::days(27), end, end, Parts::ALL);
    let fifty: Vec<Summary> = (0..50).map(|_| month.clone()).collect();
    time("caseload table over 50 summaries", || {
        black_box(caseload(black_box(&fifty)))
    });
}

/// Run `f` 20 times to warm up, then 200 times timed; print the mean, median and 95th percentile.
fn time<T>(what: &str, mut f: impl FnMut() -> T) {
    for _ in 0..20 {
        black_box(f());
    }
    let rounds = 200u32;
    let mut samples = Vec::with_capacity(rounds as usize);
    for _ in 0..rounds {
        let started = Instant::now();
        black_box(f());
        samples.push(started.elapsed());
    }
    samples.sort();
    let total: std::time::Duration = samples.iter().sum();
    println!(
        "  {what}: mean {:.1} µs, median {:.1} µs, 95th percentile {:.1} µs over {rounds} runs",
        total.as_secs_f64() * 1e6 / f64::from(rounds),
        samples[samples.len() / 2].as_secs_f64() * 1e6,
        samples[samples.len() * 95 / 100].as_secs_f64() * 1e6,
    );
}
