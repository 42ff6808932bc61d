//! Times Today's agenda and the reminders calendar file on two years of realistic data (20
//! goals, 5,000 ticks, 7,300 diary entries, ratings, checklists) with an OT's plan asking for
//! every measure. The budget: the agenda well under 1 ms.
//!
//!     cargo run --release --example agenda_bench
//!
//! A plain `Instant` loop, like the other benchmarks; it prints figures and asserts nothing
//! about time, so it can never fail on a slow machine.

mod common;

use std::hint::black_box;

use chrono::{NaiveDate, NaiveTime};
use everyday::domain::agenda::{agenda, reminder_events};
use everyday::domain::ics::write_calendar;
use everyday::domain::plan::signing::{PlanKey, VerifiedPlan, PUBLIC_KEY_BYTES};
use everyday::domain::plan::{import, MeasureWhen, Plan, PlanMeasure, PlanMeasureItem};
use everyday::domain::sample::two_years;

/// The budget for the agenda: 1 ms.
const BUDGET_US: f64 = 1_000.0;

fn main() {
    let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let mut data = two_years(end);
    let mut plan = Plan::new("bench".into(), end);
    plan.next_review = end.checked_add_days(chrono::Days::new(3));
    plan.measures = PlanMeasure::ALL
        .iter()
        .zip(MeasureWhen::ALL)
        .map(|(m, w)| PlanMeasureItem {
            measure: *m,
            when: w,
        })
        .collect();
    // As if signed by the person's OT practice (signatures are checked in the browser).
    let Some(key) = PlanKey::from_bytes(&[4; PUBLIC_KEY_BYTES]) else {
        return;
    };
    if let Err(e) = import(&mut data, VerifiedPlan::assume_signed(plan, key), end) {
        println!("could not add the plan: {e}");
        return;
    }
    data.settings.agenda.diary_reminder = NaiveTime::from_hms_opt(20, 0, 0);
    let now = end.and_hms_opt(9, 0, 0).unwrap_or_default();
    let a = agenda(&data, now);
    println!(
        "{} diary entries, {} goals; agenda on {end}: {} due, {} done today, {} steps",
        data.diary.len(),
        data.goals.len(),
        a.due.len(),
        a.done.len(),
        a.steps.len()
    );

    let mean = time_it("the agenda (budget well under 1,000 µs)", || {
        black_box(agenda(&data, black_box(now)))
    })
    .mean;
    println!(
        "agenda: mean {mean:.1} µs against the 1,000 µs budget ({:.1}% of it): {}",
        mean / BUDGET_US * 100.0,
        if mean < BUDGET_US {
            "within budget"
        } else {
            "OVER budget"
        }
    );
    let text = write_calendar(&reminder_events(&data, end), now);
    time_it("the reminder events + the .ics file", || {
        black_box(write_calendar(&reminder_events(&data, black_box(end)), now))
    });
    println!(
        "calendar file: {} events, {} bytes",
        text.matches("BEGIN:VEVENT").count(),
        text.len()
    );
}

/// The shared timing loop with this benchmark's rounds (100 to warm up, 2,000 timed).
fn time_it<T>(what: &str, f: impl FnMut() -> T) -> common::Timing {
    common::time(what, 100, 2000, f)
}
