//! Times building the OT summary, writing and reading its file, and the diary CSV, on two years
//! of realistic data (7,300 diary entries, 20 goals, a year of weekly ratings).
//!
//!     cargo run --release --example summary_bench
//!
//! Prints figures (times and file sizes); asserts nothing about time, so it never fails on a
//! slow machine.

mod common;

use std::hint::black_box;

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
        time_it(
            &format!("{label}: build the summary (budget: under 16 ms, one frame)"),
            || black_box(build(&data, black_box(from), end, end, Parts::ALL)),
        );
        time_it(&format!("{label}: write the summary file"), || {
            black_box(encode_summary(black_box(&s), at))
        });
        time_it(&format!("{label}: read and check the summary file"), || {
            black_box(read_summary(black_box(file.as_bytes())).is_ok())
        });
        time_it(&format!("{label}: the diary CSV"), || {
            black_box(diary_csv(&data, black_box(from), end))
        });
    }
    let month = build(&data, end - Duration::days(27), end, end, Parts::ALL);
    let fifty: Vec<Summary> = (0..50).map(|_| month.clone()).collect();
    time_it("caseload table over 50 summaries", || {
        black_box(caseload(black_box(&fifty)))
    });
}

/// The shared timing loop with this benchmark's rounds (100 to warm up, 2,000 timed).
fn time_it<T>(what: &str, f: impl FnMut() -> T) -> common::Timing {
    common::time(what, 100, 2000, f)
}
