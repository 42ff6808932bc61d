//! Fuzzing (issue 13): every decoder of outside input (stored parts, backup files, summary files,
//! share fragments, shared workplace plans, OT plans) and every page computation fed by decoded
//! data (diary day, week, balance, insights and pacing; goal scores; measures; the summary and
//! its words; the caseload; the phased return; share payloads) is driven by generated and
//! mutated inputs, and must never panic.
//!
//! Inputs are of two kinds: structure-aware (whole records generated with extreme values, in
//! and out of the accepted date window) and byte-level mutations of valid documents (the v1
//! fixtures and documents built from `domain::sample`): bit flips, byte changes, cuts, splices,
//! numbers replaced by huge or negative ones and dates replaced by far ones.
//!
//! `EVERYDAY_FUZZ_CASES` sets the inputs per target (default 300, a short pass for
//! `cargo test`). The long pass:
//! `EVERYDAY_FUZZ_CASES=100000 cargo test --release --test fuzz -- --nocapture`
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::OnceLock;
use std::time::Instant;

use chrono::{Datelike, NaiveDate, NaiveTime};
use everyday::domain::activity::{DayKind, DayMark, DiaryEntry, EntryRatings, LifeArea};
use everyday::domain::backup::{check_backup, encode_backup};
use everyday::domain::checklists::{FallsCheck, PhasedReturnWeek, ShareChoices};
use everyday::domain::ids::{EntryId, OutcomeId};
use everyday::domain::measures::Measure;
use everyday::domain::outcomes::{OutcomeEvent, OutcomeKind};
use everyday::domain::plan::signing::{
    check_signed, open_signed_plan, signed_plan_json, PlanKey, PUBLIC_KEY_BYTES, SIGNATURE_BYTES,
};
use everyday::domain::plan::{decode_plan as decode_ot_plan, plan_json as ot_plan_json, Plan};
use everyday::domain::ratings::ConfidenceCheckIn;
use everyday::domain::share::{self, ShareKind};
use everyday::domain::state::{AppData, Command};
use everyday::domain::summary::{self, read_summary, Parts, Summary};
use everyday::domain::{diary, goals, home_safety, measures, sample, workplace};
use everyday::storage::engine::{encode_parts, PART_PREFIX};
use everyday::storage::{KeyValue, MemoryKv, Store};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn cases() -> u32 {
    std::env::var("EVERYDAY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(300)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Run `check` on `cases()` inputs from `strategy`; a panic anywhere is a failure (proptest
/// catches it and shrinks the input). Prints the count and the time.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value))
where
    S::Value: std::fmt::Debug,
{
    let n = cases();
    let mut runner = TestRunner::new(Config {
        cases: n,
        failure_persistence: None,
        // Every input counts: no input is rejected as "not applicable".
        max_global_rejects: 0,
        ..Config::default()
    });
    let started = Instant::now();
    let result = runner.run(&strategy, |input| {
        check(input);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    println!(
        "fuzz {name}: {n} inputs, no panic ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
}

// ---------------------------------------------------------------------------------------------
// Page computations fed by decoded data

/// Everything a page computes from the person's data, on the days a page could ask about.
fn every_page(data: &AppData) {
    let today = day(2026, 11, 24);
    let mut days = vec![today, day(1900, 1, 1), day(2200, 12, 31)];
    days.extend(data.diary.first().map(|e| e.date));
    days.extend(data.diary.last().map(|e| e.date));
    days.extend(data.goals.first().map(|g| g.created));
    days.extend(data.workplace.phased_return.first().map(|w| w.starts));
    for &d in &days {
        let v = diary::day_view(data, d);
        let _ = diary::over_a_day_warning(v.entries.iter().map(|e| u32::from(e.minutes)).sum());
        let _ = diary::week_view(data, d);
        let i = diary::insights(data, d);
        if let Some(b) = &i.balance {
            let _ = diary::balance_sentences(b);
        }
        for (kind, f) in [
            (diary::RatingKind::Mood, &i.mood),
            (diary::RatingKind::Enjoyment, &i.enjoyment),
        ] {
            let _ = diary::finding_sentences(kind, f);
        }
        if let Some(u) = diary::budget_use(data, d) {
            let _ = diary::budget_words(&u);
        }
        let base = diary::baseline_from_diary(data, d, data.settings.pacing.area);
        let _ = diary::suggested_budget(&base.iter().map(|b| b.1).collect::<Vec<_>>());
        let _ = diary::repeat_source(&data.diary, d);
        let r = goals::review(&data.goals, d);
        for t in [r.now.unweighted, r.now.weighted, r.at_start.weighted] {
            let _ = t.map(goals::score_text);
        }
        for g in &data.goals {
            let _ = goals::summarise(g, d);
            for t in &g.tasks {
                let _ = goals::task_day(t, d);
            }
        }
        let _ = goals::tasks_for_day(&data.goals, d);
        let _ = measures::outcome_figures(data, d);
        let _ =
            workplace::position_words(workplace::return_position(&data.workplace.phased_return, d));
        let _ = summary::phased_return_words(&data.workplace.phased_return, d);
    }
    for m in [
        Measure::Confidence,
        Measure::SelfEfficacy,
        Measure::WorkAbility,
    ] {
        let rows = measures::rating_rows(data, m);
        let points = measures::points(&rows);
        let _ = measures::chart(m, &points);
        if let Some(c) = measures::change(&points) {
            let _ = measures::change_words(m, &c);
        }
    }
    for g in &data.goals {
        let _ = goals::rating_change(g);
    }
    let _ = diary::suggestions(&data.diary, 8);
    let _ = diary::history_names(&data.diary, 50);
    let _ = measures::events_newest_first(data);
    let _ = workplace::plan_summary(&data.workplace);
    for f in &data.home_safety.falls_checks {
        let _ = home_safety::falls_advice(home_safety::falls_total(&f.answers));
    }
    let all = ShareChoices {
        name: true,
        period: true,
        agreed: true,
        asked_for: true,
        suggested: true,
        notes: true,
        phased_return: true,
        difficulties: true,
        wellness: true,
    };
    let _ = share::plan_json(&share::share_payload(data, &all, today));
    let _ = data.contents().lines();
    // The summary over the last four weeks and over everything, its file and the OT's view.
    let c = data.contents();
    let mut periods = vec![(day(2026, 10, 28), today)];
    if let (Some(first), Some(last)) = (c.first_date, c.last_date) {
        periods.push((first.min(last), last.max(first)));
    }
    for (from, to) in periods {
        let s = summary::build(data, from, to, to, Parts::ALL);
        every_sheet(&s);
        let _ = summary::diary_csv(data, from, to);
    }
}

/// Everything the summary sheet and the OT's caseload compute from a summary (the sheet's HTML
/// is built in the browser from these same functions).
fn every_sheet(s: &Summary) {
    let _ = summary::period_words(s.from, s.to);
    let _ = summary::summary_file_name(s);
    if let Some(g) = &s.goals {
        let _ = g.ticks();
        let _ = g.weighted_not_scored().map(|e| e.to_string());
        for t in [g.t_now, g.t_start, g.t_weighted_now, g.t_weighted_start]
            .into_iter()
            .flatten()
        {
            let _ = summary::t_words(t);
        }
        for l in &g.goals {
            let _ = (l.level_now(), l.ticks());
        }
    }
    if let Some(r) = &s.ratings {
        for line in [&r.confidence, &r.self_efficacy, &r.work_ability]
            .into_iter()
            .flatten()
        {
            let _ = summary::change_words(line);
            let _ = summary::score_words(line.latest.score);
        }
    }
    if let Some(d) = &s.diary {
        let _ = summary::area_shares(d);
        for a in &d.areas {
            let _ = summary::minutes_words(a.minutes);
        }
    }
    if let Some(w) = &s.workplace {
        let _ = summary::phased_return_words(&w.weeks, s.to);
        let _ = summary::status_counts(&w.items);
    }
    if let Some(h) = &s.home {
        if let Some(f) = &h.falls {
            let _ = summary::falls_words(f);
        }
    }
    let (rows, totals) = summary::caseload(std::slice::from_ref(s));
    let _ = (rows.len(), totals);
    let (rows, _) = summary::caseload(&[s.clone(), s.clone()]);
    for r in rows {
        let _ = format!("{r:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Valid documents to mutate

struct Seeds {
    backups: Vec<Vec<u8>>,
    parts: Vec<(String, Vec<u8>)>,
    summaries: Vec<Vec<u8>>,
    shared_plans: Vec<Vec<u8>>,
    ot_plans: Vec<Vec<u8>>,
    fragments: Vec<Vec<u8>>,
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/v1")
            .join(name),
    )
    .unwrap()
}

/// A few weeks of the sample person: every kind of record, small enough to decode fast.
fn sample_person() -> AppData {
    let end = day(2026, 11, 24);
    let mut data = sample::two_years(end);
    data.diary.retain(|e| e.date > day(2026, 11, 3));
    data.day_marks.retain(|m| m.date > day(2026, 11, 3));
    for g in &mut data.goals {
        g.progress.truncate(6);
        for t in &mut g.tasks {
            t.done.truncate(4);
        }
    }
    data.goals.truncate(4);
    data.ratings.confidence.truncate(6);
    data.outcomes.truncate(8);
    data.home_safety.falls_checks.push(FallsCheck {
        id: Default::default(),
        date: day(2026, 11, 2),
        answers: vec![true; 12],
    });
    data.validate().unwrap();
    data
}

fn ot_plan() -> Plan {
    let mut plan = Plan::new("p-fuzz".into(), day(2026, 3, 1));
    plan.ot = "Sam Jones".into();
    plan.message = "See you in four weeks.".into();
    plan.ot_start = Some(day(2026, 3, 1));
    plan.next_review = Some(day(2026, 3, 29));
    plan
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let person = sample_person();
        let at = day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap();
        let backups = vec![
            fixture("backup.json"),
            encode_backup(&person, at).into_bytes(),
        ];
        let stored: std::collections::BTreeMap<String, String> =
            serde_json::from_slice(&fixture("local-storage.json")).unwrap();
        let mut parts: Vec<(String, Vec<u8>)> = stored
            .into_iter()
            .filter_map(|(k, v)| Some((k.strip_prefix(PART_PREFIX)?.to_string(), v.into_bytes())))
            .collect();
        parts.extend(
            encode_parts(&person)
                .into_iter()
                .map(|(k, v)| (k, v.into_bytes())),
        );
        let summaries = [
            (day(2026, 10, 28), day(2026, 11, 24)),
            (day(2026, 11, 1), day(2026, 11, 3)),
        ]
        .into_iter()
        .map(|(from, to)| {
            let s = summary::build(&person, from, to, to, Parts::ALL);
            summary::encode_summary(&s, at).into_bytes()
        })
        .collect();
        let all = ShareChoices {
            name: true,
            period: true,
            agreed: true,
            asked_for: true,
            suggested: true,
            notes: true,
            phased_return: true,
            difficulties: true,
            wellness: true,
        };
        let shared = share::plan_json(&share::share_payload(&person, &all, day(2026, 11, 24)));
        let ot = ot_plan_json(&ot_plan());
        let fragments = vec![
            share::encode_fragment(ShareKind::WorkplacePlan, false, shared.as_bytes()).into_bytes(),
            share::encode_fragment(ShareKind::OtPlan, false, ot.as_bytes()).into_bytes(),
            share::encode_fragment(ShareKind::OtPlan, true, &[7u8; 60]).into_bytes(),
        ];
        Seeds {
            backups,
            parts,
            summaries,
            shared_plans: vec![shared.into_bytes()],
            // As a link carries it: the plan's exact bytes inside the signed envelope.
            ot_plans: vec![signed_plan_json(&ot, &fuzz_key(), &[7; SIGNATURE_BYTES]).into_bytes()],
            fragments,
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Byte-level mutations

#[derive(Clone, Debug)]
enum Mutation {
    FlipBit(usize, u8),
    SetByte(usize, u8),
    Cut(usize),
    CutMiddle(usize, usize),
    /// Copy a piece of the document to another place.
    Splice {
        from: usize,
        len: usize,
        to: usize,
    },
    /// Replace the number (or date) found at or after a place with another.
    Number(usize, &'static str),
    Insert(usize, &'static str),
}

const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "255",
    "256",
    "65535",
    "65536",
    "4294967295",
    "4294967296",
    "-2147483648",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
    "1e308",
    "-1e308",
    "0.5",
    "1441",
    "-262143",
    "262142",
    "\"+262142-12-30\"",
    "\"-262143-01-01\"",
    "\"1899-12-31\"",
    "\"2201-01-01\"",
    "\"2026-02-30\"",
    "null",
    "[]",
    "{}",
];

const INSERTS: &[&str] = &[
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "\u{fffd}",
    "\"+262142-12-30\"",
    "\"-262143-01-01\"",
    "{\"format\":\"everyday-backup\",\"version\":1,\"data\":{}}",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::SetByte(i, b)),
        any::<usize>().prop_map(Mutation::Cut),
        (any::<usize>(), 0usize..200).prop_map(|(i, n)| Mutation::CutMiddle(i, n)),
        (any::<usize>(), 0usize..400, any::<usize>())
            .prop_map(|(from, len, to)| Mutation::Splice { from, len, to }),
        (any::<usize>(), prop::sample::select(NUMBERS)).prop_map(|(i, n)| Mutation::Number(i, n)),
        (any::<usize>(), prop::sample::select(NUMBERS)).prop_map(|(i, n)| Mutation::Number(i, n)),
        (any::<usize>(), prop::sample::select(INSERTS)).prop_map(|(i, s)| Mutation::Insert(i, s)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    if len == 0 {
        return;
    }
    match *m {
        Mutation::FlipBit(i, b) => bytes[i % len] ^= 1 << b,
        Mutation::SetByte(i, b) => bytes[i % len] = b,
        Mutation::Cut(i) => bytes.truncate(i % len),
        Mutation::CutMiddle(i, n) => {
            let i = i % len;
            bytes.drain(i..(i + n).min(len));
        }
        Mutation::Splice { from, len: n, to } => {
            let from = from % len;
            let piece: Vec<u8> = bytes[from..(from + n).min(len)].to_vec();
            let to = to % len;
            bytes.splice(to..to, piece);
        }
        Mutation::Number(i, with) => {
            // The next number, quoted date or word at or after `i`.
            let start = i % len;
            let Some(at) = bytes[start..]
                .iter()
                .position(|b| b.is_ascii_digit() || *b == b'-' || *b == b'"')
                .map(|p| p + start)
            else {
                return;
            };
            let end = if bytes[at] == b'"' {
                bytes[at + 1..]
                    .iter()
                    .position(|b| *b == b'"')
                    .map_or(len, |p| at + 2 + p)
            } else {
                bytes[at + 1..]
                    .iter()
                    .position(|b| !(b.is_ascii_digit() || b"-+.eE".contains(b)))
                    .map_or(len, |p| at + 1 + p)
            };
            bytes.splice(at..end, with.bytes());
        }
        Mutation::Insert(i, s) => {
            let i = i % len;
            bytes.splice(i..i, s.bytes());
        }
    }
}

/// A valid document picked from `docs`, changed by 1 to 6 mutations (sometimes none).
fn mutated(docs: &'static [Vec<u8>]) -> impl Strategy<Value = Vec<u8>> {
    (0..docs.len(), prop::collection::vec(mutation(), 0..6)).prop_map(move |(i, ms)| {
        let mut bytes = docs[i].clone();
        for m in &ms {
            apply(&mut bytes, m);
        }
        bytes
    })
}

// ---------------------------------------------------------------------------------------------
// Structure-aware generation

/// Dates: mostly ordinary, some at the window's edges, some far outside it.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        6 => (0i64..1500).prop_map(|n| day(2025, 1, 1) + chrono::Duration::days(n)),
        2 => prop_oneof![
            Just(day(1900, 1, 1)),
            Just(day(2200, 12, 31)),
            Just(day(1900, 1, 7)),
            Just(day(2200, 12, 25)),
        ],
        1 => prop_oneof![
            Just(NaiveDate::MIN),
            Just(NaiveDate::MAX),
            Just(day(262_142, 12, 30)),
            Just(day(1899, 12, 31)),
            Just(day(2201, 1, 1)),
            (i32::from(i16::MIN)..i32::from(i16::MAX), 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| day(y, m, d)),
        ],
    ]
}

fn area() -> impl Strategy<Value = LifeArea> {
    prop::sample::select(LifeArea::ALL.to_vec())
}

fn entry() -> impl Strategy<Value = DiaryEntry> {
    (
        any_date(),
        any::<u16>(),
        area(),
        prop::sample::select(vec!["Walk", "walk ", "Cook", "", "Café"]),
        proptest::option::of(0u8..=255),
        proptest::option::of(0u8..=255),
        proptest::option::of((0u32..24, 0u32..60)),
    )
        .prop_map(
            |(date, minutes, area, what, mood, enjoyment, time)| DiaryEntry {
                id: EntryId(0),
                date,
                time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
                part: None,
                minutes,
                area,
                what: what.into(),
                note: String::new(),
                ratings: EntryRatings {
                    mood,
                    enjoyment,
                    ..EntryRatings::default()
                },
            },
        )
}

/// A person's data with extreme values: starts from the sample and adds generated records.
fn any_data() -> impl Strategy<Value = AppData> {
    (
        prop::collection::vec(entry(), 0..24),
        prop::collection::vec((any_date(), 0u8..4), 0..6),
        prop::collection::vec((any_date(), any::<u8>()), 0..6),
        prop::collection::vec((any_date(), 0u8..3), 0..6),
        prop::collection::vec((any_date(), any::<u8>(), any::<u8>(), any::<bool>()), 0..6),
        prop::collection::vec((0usize..4, any_date(), any::<i8>()), 0..8),
        prop::collection::vec(
            (
                0usize..4,
                proptest::option::of(any::<u8>()),
                proptest::option::of(any::<u8>()),
            ),
            0..4,
        ),
        proptest::option::of(any_date()),
        prop::collection::vec(any::<bool>(), 0..14),
        any::<u32>(),
    )
        .prop_map(
            |(
                entries,
                outcomes,
                ratings,
                marks,
                weeks,
                progress,
                weights,
                start,
                falls,
                next_id,
            )| {
                let mut data = sample_person();
                let base = data.next_id;
                for (i, mut e) in entries.into_iter().enumerate() {
                    e.id = EntryId(base + i as u32);
                    data.diary.push(e);
                }
                data.diary.sort_by_key(|e| e.date);
                for (i, (date, kind)) in outcomes.into_iter().enumerate() {
                    let kind = [
                        OutcomeKind::GpAppointment,
                        OutcomeKind::SickDay,
                        OutcomeKind::FitNoteRequested,
                        OutcomeKind::GpAppointment,
                    ][usize::from(kind)];
                    data.outcomes.push(OutcomeEvent {
                        id: OutcomeId(base + 100 + i as u32),
                        date,
                        kind,
                        reason: String::new(),
                    });
                }
                for (date, score) in ratings {
                    data.ratings.confidence.push(ConfidenceCheckIn {
                        date,
                        score,
                        note: String::new(),
                    });
                }
                for (date, kind) in marks {
                    let kind =
                        [DayKind::Unwell, DayKind::Holiday, DayKind::Rest][usize::from(kind)];
                    data.day_marks.push(DayMark { date, kind });
                }
                for (starts, hours, days, done) in weeks {
                    data.workplace.phased_return.push(PhasedReturnWeek {
                        id: Default::default(),
                        starts,
                        hours,
                        half_hour: false,
                        days,
                        done,
                    });
                }
                for (g, date, level) in progress {
                    if let Some(goal) = data.goals.get_mut(g) {
                        goal.progress.push(goals::ProgressRecord {
                            date,
                            level,
                            note: String::new(),
                        });
                    }
                }
                for (g, importance, difficulty) in weights {
                    if let Some(goal) = data.goals.get_mut(g) {
                        goal.importance = importance;
                        goal.difficulty = difficulty;
                    }
                }
                data.settings.ot_start = start;
                data.settings.last_review = start;
                if !falls.is_empty() {
                    data.home_safety.falls_checks.push(FallsCheck {
                        id: Default::default(),
                        date: start.unwrap_or(day(2026, 3, 1)),
                        answers: falls,
                    });
                }
                if next_id % 3 == 0 {
                    data.next_id = next_id;
                }
                data
            },
        )
}

/// Whether every date in the data is one a page could be asked about: the pages promise no
/// panic for any date, but data decoded from outside is always in the window, and far dates
/// make some pages walk every month between year -262143 and today (slow, not wrong).
fn near(data: &AppData) -> bool {
    everyday::domain::dates::check_dates(data).is_ok()
}

// ---------------------------------------------------------------------------------------------
// The targets

#[test]
fn fuzz_backup_files() {
    fuzz(
        "backup files (mutated)",
        mutated(&seeds().backups),
        |bytes| {
            if let Ok(checked) = check_backup(&bytes) {
                assert!(checked.data.validate().is_ok());
                every_page(&checked.data);
            }
        },
    );
}

#[test]
fn fuzz_stored_parts() {
    let parts = &seeds().parts;
    let texts: &'static Vec<Vec<u8>> =
        Box::leak(Box::new(parts.iter().map(|p| p.1.clone()).collect()));
    fuzz(
        "stored parts (mutated, through the storage engine)",
        (0..parts.len(), mutated(texts)),
        |(i, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let mut kv = MemoryKv::default();
            // The part under its own name, next to the other good parts.
            for (j, (name, good)) in parts.iter().enumerate() {
                let value = if j == i {
                    text.clone()
                } else {
                    String::from_utf8_lossy(good).into_owned()
                };
                kv.set(&format!("{PART_PREFIX}{name}"), &value).unwrap();
            }
            let mut store = Store::new(kv);
            let loaded = store.load(1);
            for p in &loaded.problems {
                assert!(!p.reason.is_empty());
            }
            every_page(&loaded.data);
        },
    );
}

#[test]
fn fuzz_summary_files() {
    fuzz(
        "summary files (mutated)",
        mutated(&seeds().summaries),
        |bytes| {
            if let Ok(envelope) = read_summary(&bytes) {
                every_sheet(&envelope.data);
            }
        },
    );
}

#[test]
fn fuzz_share_fragments_and_shared_plans() {
    fuzz(
        "share fragments (mutated)",
        mutated(&seeds().fragments),
        |bytes| {
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(f) = share::read_fragment(share::fragment_in(&text)) {
                if f.protected {
                    let _ = share::split_sealed(&f.body);
                } else {
                    let _ = share::decode_plan(&f.body);
                    let _ = decode_ot_plan(&f.body);
                }
            }
        },
    );
    fuzz(
        "shared workplace plans (mutated)",
        mutated(&seeds().shared_plans),
        |bytes| {
            let _ = share::decode_plan(&bytes);
        },
    );
}

/// A practice key for the fuzzed plans (the signature itself is checked by the browser).
fn fuzz_key() -> PlanKey {
    let mut bytes = [4u8; PUBLIC_KEY_BYTES];
    bytes[1] = 1;
    PlanKey::from_bytes(&bytes).expect("a well-formed key")
}

#[test]
fn fuzz_ot_plans() {
    let person = sample_person();
    fuzz(
        "OT plans (signed envelope mutated, then checked and imported)",
        mutated(&seeds().ot_plans),
        |bytes| {
            let Ok(signed) = open_signed_plan(&bytes) else {
                return;
            };
            // As if the browser found the signature valid: everything after that is the
            // domain's decision, which must never panic.
            if let Ok(checked) = check_signed(&person, signed, true) {
                let plan = checked.plan.plan().clone();
                let _ = everyday::domain::plan::plan_lines(&plan);
                let _ = everyday::domain::plan::plan_status(&person, &plan);
                let mut data = person.clone();
                let imported = data.apply(Command::ImportPlan {
                    plan: Box::new(checked.plan),
                    today: day(2026, 11, 24),
                });
                if imported.is_ok() {
                    assert!(
                        data.validate().is_ok(),
                        "an imported plan left data that does not validate"
                    );
                    every_page(&data);
                }
            }
        },
    );
}

#[test]
fn fuzz_generated_data() {
    fuzz(
        "generated data (extreme values, through backup and storage)",
        any_data(),
        |data| {
            let valid = data.validate().is_ok();
            // Through the backup file and the stored parts: refused or read back the same.
            let at = day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap();
            let text = encode_backup(&data, at);
            match check_backup(text.as_bytes()) {
                Ok(back) => {
                    assert!(valid);
                    // Read back as every decoder leaves it: the id counter above every id in
                    // use, and rows without an id given one.
                    let mut expect = data.clone();
                    expect.normalise();
                    assert_eq!(back.data, expect);
                }
                Err(_) => assert!(!valid),
            }
            let mut kv = MemoryKv::default();
            for (name, part) in encode_parts(&data) {
                kv.set(&format!("{PART_PREFIX}{name}"), &part).unwrap();
            }
            let loaded = Store::new(kv).load(1);
            assert_eq!(loaded.problems.is_empty(), valid);
            // The pages never panic, even on data that validation would refuse.
            if valid || near(&data) {
                every_page(&data);
            } else {
                // Far dates: the cheap pages only (see `near`).
                let d = data.diary.first().map_or(day(2026, 1, 1), |e| e.date);
                let _ = diary::week_view(&data, d);
                let _ = diary::insights(&data, NaiveDate::MAX);
                let _ = diary::baseline_from_diary(&data, d, None);
                let _ = diary::repeat_source(&data.diary, d);
                let _ = goals::review(&data.goals, d);
                let _ = summary::phased_return_words(&data.workplace.phased_return, d);
                let _ = workplace::return_position(&data.workplace.phased_return, d);
                let _ = summary::build(&data, d, d, d, Parts::ALL);
            }
        },
    );
}

#[test]
fn fuzz_generated_summaries() {
    let person = sample_person();
    fuzz(
        "generated summaries (extreme periods and values)",
        (
            any_date(),
            0i64..800,
            any::<i32>(),
            any::<u32>(),
            prop::collection::vec(any::<bool>(), 0..14),
        ),
        |(from, len, t, minutes, falls)| {
            let to = everyday::domain::dates::add_days(from, len);
            let mut s = summary::build(&person, from, to, to, Parts::ALL);
            if let Some(g) = &mut s.goals {
                g.t_now = Some(t);
                g.t_weighted_now = None;
            }
            if let Some(d) = &mut s.diary {
                for a in &mut d.areas {
                    a.minutes = minutes;
                }
            }
            if let Some(h) = &mut s.home {
                h.falls = Some(FallsCheck {
                    id: Default::default(),
                    date: to,
                    answers: falls,
                });
            }
            let text = summary::encode_summary(&s, day(2026, 11, 24).and_hms_opt(9, 0, 0).unwrap());
            if let Ok(back) = read_summary(text.as_bytes()) {
                assert!(from.year() >= 1900 && to.year() <= 2200);
                every_sheet(&back.data);
            }
            // The sheet's computations never panic, even on a summary that was not checked.
            every_sheet(&s);
        },
    );
}
