//! Hand-worked cases for every part of the summary, the file format, the CSV and the caseload,
//! and property tests: building never panics, the decoder never panics, files and CSV round-trip.

use super::*;
use crate::domain::activity::{DayMark, DiaryEntry, EntryRatings};
use crate::domain::checklists::{
    ActionLogEntry, AdviceKind, FallsCheck, HazardCheck, ItemStatus, Owner, PhasedReturnWeek, Room,
    WorkplaceItem,
};
use crate::domain::goals::{Goal, GoalDraft, GoalTask, ProgressRecord, TaskCompletion};
use crate::domain::ids::{EntryId, GoalId, HazardId, OutcomeId, TaskId, WorkplaceItemId};
use crate::domain::outcomes::OutcomeEvent;
use crate::domain::ratings::ConfidenceCheckIn;
use crate::domain::state::Command;
use chrono::Duration;
use chrono::NaiveTime;
use proptest::prelude::*;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn goal(id: u32, created: NaiveDate, status: GoalStatus) -> Goal {
    let mut data = AppData::default();
    data.apply(Command::Goal(goals::GoalCommand::Add {
        draft: GoalDraft {
            activity: "Walk to the shop".into(),
            ..GoalDraft::default()
        },
        created,
    }))
    .unwrap();
    let mut g = data.goals.remove(0);
    g.id = GoalId(id);
    g.status = status;
    g
}

fn entry(id: u32, date: NaiveDate, minutes: u16, area: LifeArea, what: &str) -> DiaryEntry {
    DiaryEntry {
        id: EntryId(id),
        date,
        time: NaiveTime::from_hms_opt(9, 30, 0),
        part: None,
        minutes,
        area,
        what: what.into(),
        note: String::new(),
        ratings: EntryRatings::default(),
    }
}

fn event(id: u32, date: NaiveDate, kind: OutcomeKind) -> OutcomeEvent {
    OutcomeEvent {
        id: OutcomeId(id),
        date,
        kind,
        reason: String::new(),
    }
}

/// A month of typical data: the period is 1 to 28 March 2026, the OT started on 1 March.
fn march() -> AppData {
    let mut data = AppData::default();
    data.settings.name = "J. B.".into();
    data.settings.ot_start = Some(d(3, 1));
    data.settings.talk_about = "My back at work".into();

    // A goal: baseline -1, -1 before the period, then 0 and +1 in it; 3 ticks in the period.
    let mut g = goal(1, d(2, 1), GoalStatus::Active);
    for (date, level) in [(d(2, 20), -1), (d(3, 5), 0), (d(3, 20), 1), (d(4, 2), 2)] {
        g.progress.push(ProgressRecord {
            date,
            level,
            note: String::new(),
        });
    }
    g.tasks.push(GoalTask {
        id: TaskId(10),
        title: "Practise the walk".into(),
        frequency: goals::TaskFrequency::Daily,
        done: [d(2, 28), d(3, 2), d(3, 3), d(3, 3)]
            .into_iter()
            .map(|date| TaskCompletion {
                date,
                note: String::new(),
            })
            .collect(),
        dropped: false,
        source: goals::Source::Me,
    });
    data.goals.push(g);
    // Put away with nothing in the period: left out. Set after the period: left out.
    data.goals.push(goal(2, d(1, 5), GoalStatus::Archived));
    data.goals.push(goal(3, d(4, 1), GoalStatus::Active));

    // Confidence: 3 at the start, 5 and 6 in the period, 9 after it.
    for (date, score) in [(d(1, 10), 3), (d(3, 2), 5), (d(3, 20), 6), (d(4, 2), 9)] {
        data.ratings.confidence.push(ConfidenceCheckIn {
            date,
            score,
            note: String::new(),
        });
    }

    // GP appointments: 4 in February (before), 1 in March; 2 sick days and a fit note in March.
    for (i, day) in [3, 10, 17, 24].into_iter().enumerate() {
        data.outcomes
            .push(event(20 + i as u32, d(2, day), OutcomeKind::GpAppointment));
    }
    data.outcomes
        .push(event(30, d(3, 10), OutcomeKind::GpAppointment));
    data.outcomes
        .push(event(31, d(3, 11), OutcomeKind::SickDay));
    data.outcomes
        .push(event(32, d(3, 12), OutcomeKind::SickDay));
    data.outcomes
        .push(event(33, d(3, 12), OutcomeKind::FitNoteRequested));

    // Diary: 3 entries on 2 days in the period, one before it; two marked days.
    let mut a = entry(40, d(3, 2), 30, LifeArea::SelfCare, "Shower");
    a.ratings.mood = Some(6);
    let mut b = entry(41, d(3, 2), 60, LifeArea::Leisure, "Walk, with \"Sam\"");
    b.ratings.mood = Some(7);
    b.ratings.enjoyment = Some(8);
    b.note = "Felt good,\nthen tired".into();
    let c = entry(42, d(3, 5), 30, LifeArea::Rest, "=SUM(A1)");
    let before = entry(43, d(2, 27), 100, LifeArea::Productivity, "Work");
    data.diary = vec![before, a, b, c];
    data.day_marks = vec![
        DayMark {
            date: d(3, 10),
            kind: DayKind::Unwell,
        },
        DayMark {
            date: d(3, 10),
            kind: DayKind::Unwell,
        },
        DayMark {
            date: d(3, 5),
            kind: DayKind::Holiday,
        },
    ];

    // Workplace plan: two items; a four-week phased return, two weeks done.
    for (i, status) in [ItemStatus::Agreed, ItemStatus::InPlace]
        .into_iter()
        .enumerate()
    {
        data.workplace.items.push(WorkplaceItem {
            id: WorkplaceItemId(50 + i as u32),
            kind: AdviceKind::AlteredHours,
            text: format!("Item {i}"),
            status,
            reason: String::new(),
            owner: Owner::Employer,
            review: None,
            since: None,
            note: String::new(),
            private: false,
            source: goals::Source::Me,
        });
    }
    for (i, start) in [d(3, 2), d(3, 9), d(3, 16), d(3, 23)]
        .into_iter()
        .enumerate()
    {
        data.workplace.phased_return.push(PhasedReturnWeek {
            id: Default::default(),
            starts: start,
            hours: 8 + 4 * i as u8,
            half_hour: false,
            days: 2 + i as u8,
            done: i < 2,
        });
    }

    // Home safety: one hazard applies, acted on in the period; one does not apply.
    data.home_safety.hazards.push(HazardCheck {
        id: HazardId(60),
        key: String::new(),
        room: Room::Kitchen,
        hazard: "Trailing flex".into(),
        fix: "Shorten it".into(),
        applies: true,
        actions: vec![ActionLogEntry {
            id: Default::default(),
            date: d(3, 8),
            what: "Clipped it to the wall".into(),
        }],
        source: goals::Source::Me,
    });
    data.home_safety.hazards.push(HazardCheck {
        id: HazardId(61),
        key: String::new(),
        room: Room::Bathroom,
        hazard: "No grab rail".into(),
        fix: "Ask for one".into(),
        applies: false,
        actions: Vec::new(),
        source: goals::Source::Me,
    });
    data.home_safety.falls_checks.push(FallsCheck {
        id: Default::default(),
        date: d(3, 3),
        answers: vec![true, false, true, true, true, false],
    });
    data
}

fn march_summary() -> Summary {
    build(&march(), d(3, 1), d(3, 28), d(3, 28), Parts::ALL)
}

#[test]
fn periods_worked_by_hand() {
    let mut data = AppData::default();
    let today = d(3, 28);
    assert_eq!(
        choose_period(PeriodChoice::LastFourWeeks, &data, today, "", ""),
        Ok((d(3, 1), d(3, 28)))
    );
    assert!(
        choose_period(PeriodChoice::SinceReview, &data, today, "", "")
            .unwrap_err()
            .contains("last review")
    );
    data.settings.ot_start = Some(d(2, 1));
    assert_eq!(
        choose_period(PeriodChoice::SinceReview, &data, today, "", ""),
        Ok((d(2, 1), today))
    );
    data.apply(Command::SetLastReview(Some(d(3, 14)))).unwrap();
    assert_eq!(
        choose_period(PeriodChoice::SinceReview, &data, today, "", ""),
        Ok((d(3, 14), today))
    );
    let dates = |from: &str, to: &str| choose_period(PeriodChoice::Dates, &data, today, from, to);
    assert_eq!(dates("2026-03-02", "2026-03-09"), Ok((d(3, 2), d(3, 9))));
    assert_eq!(dates("2026-03-09", "2026-03-09"), Ok((d(3, 9), d(3, 9))));
    assert!(dates("", "2026-03-09").unwrap_err().contains("first date"));
    assert!(dates("2026-02-30", "2026-03-09")
        .unwrap_err()
        .contains("real first"));
    assert!(dates("2026-03-10", "2026-03-09")
        .unwrap_err()
        .contains("swap"));
    assert!(dates("2026-03-10", "2026-03-29")
        .unwrap_err()
        .contains("after today"));
    assert_eq!(days_in(d(3, 1), d(3, 28)), 28);
    assert_eq!(days_in(d(3, 2), d(3, 1)), 0);
    assert_eq!(
        period_words(d(3, 1), d(3, 1)),
        "1 March 2026 to 1 March 2026 (1 day)"
    );
}

#[test]
fn goals_levels_ticks_and_t_score_by_hand() {
    let g = march_summary().goals.unwrap();
    // Goal 2 is put away with nothing in the period, goal 3 was set after it.
    assert_eq!(g.goals.len(), 1);
    let line = &g.goals[0];
    assert_eq!(line.title, "Walk to the shop");
    assert_eq!(line.baseline, -1);
    assert_eq!(line.before, Some(-1));
    let levels: Vec<(NaiveDate, i8)> = line.levels.iter().map(|l| (l.date, l.level)).collect();
    assert!(line.levels.iter().all(|l| l.note.is_empty()));
    assert_eq!(levels, vec![(d(3, 5), 0), (d(3, 20), 1)]);
    assert_eq!(line.level_now(), Some(1));
    assert_eq!(
        line.steps,
        vec![StepDone {
            title: "Practise the walk".into(),
            times: 3
        }]
    );
    assert_eq!(g.ticks(), 3);
    // One unweighted goal at +1 is T = 60; at its baseline of -1, T = 40.
    assert_eq!(g.scored, 1);
    assert_eq!(g.t_now, Some(600));
    assert_eq!(g.t_start, Some(400));
    // No importance or difficulty: no weighted score.
    assert_eq!(g.t_weighted_now, None);
    assert_eq!(t_words(600), "60.0");
}

#[test]
fn put_away_goal_with_ticks_in_the_period_is_shown() {
    let mut data = march();
    data.goals[0].status = GoalStatus::Archived;
    let g = build(&data, d(3, 1), d(3, 28), d(3, 28), Parts::ALL)
        .goals
        .unwrap();
    assert_eq!(g.goals.len(), 1);
    // A goal put away is not scored at the review.
    assert_eq!(g.scored, 0);
    assert_eq!(g.t_now, None);
}

#[test]
fn ratings_change_from_baseline_by_hand() {
    let r = march_summary().ratings.unwrap();
    let c = r.confidence.unwrap();
    assert_eq!(
        c.first,
        ScoreAt {
            date: d(1, 10),
            score: 30
        }
    );
    // The 9 on 2 April is after the period.
    assert_eq!(
        c.latest,
        ScoreAt {
            date: d(3, 20),
            score: 60
        }
    );
    assert_eq!(c.in_period, 2);
    assert_eq!(c.change, 30);
    assert_eq!(c.percent, Some(100));
    assert_eq!(change_words(&c), "+3 points (100% higher)");
    assert_eq!(r.self_efficacy, None);
    assert_eq!(r.work_ability, None);
    let one = MeasureLine {
        first: ScoreAt {
            date: d(1, 1),
            score: 0,
        },
        latest: ScoreAt {
            date: d(1, 2),
            score: 10,
        },
        in_period: 1,
        change: 10,
        percent: None,
    };
    assert_eq!(change_words(&one), "+1 point");
}

#[test]
fn outcomes_in_the_period_and_rates_before_and_since_by_hand() {
    let o = march_summary().outcomes.unwrap();
    assert_eq!(o.counts, [1, 2, 1, 0]);
    assert_eq!(o.events.len(), 4);
    assert_eq!(o.events[0].date, d(3, 10));
    // January (a check-in) and February are recorded: 31 + 28 = 59 days, 4 appointments:
    // 4 x 1461 / (48 x 59) = 2.06 a month.
    let before = o.before.unwrap();
    assert_eq!(
        before,
        RateSpan {
            days: 59,
            counts: [4, 0, 0, 0]
        }
    );
    assert_eq!(before.rate(OutcomeKind::GpAppointment), Some(21));
    // 1 to 28 March: 28 days, 1 appointment: 1.1 a month.
    let since = o.since.unwrap();
    assert_eq!(
        since,
        RateSpan {
            days: 28,
            counts: [1, 2, 1, 0]
        }
    );
    assert_eq!(since.rate_words(OutcomeKind::GpAppointment), "1.1 a month");
}

#[test]
fn diary_balance_ratings_and_marked_days_by_hand() {
    let p = march_summary().diary.unwrap();
    assert_eq!((p.days, p.entries, p.days_with_entries), (28, 3, 2));
    let minutes: Vec<(LifeArea, u32, u32)> = p
        .areas
        .iter()
        .map(|a| (a.area, a.minutes, a.entries))
        .collect();
    assert_eq!(
        minutes,
        vec![
            (LifeArea::SelfCare, 30, 1),
            (LifeArea::Productivity, 0, 0),
            (LifeArea::Leisure, 60, 1),
            (LifeArea::Rest, 30, 1),
        ]
    );
    assert_eq!(area_shares(&p), vec![25, 0, 50, 25]);
    assert_eq!(
        p.ratings,
        vec![
            RatingAverage {
                rating: DiaryRating::Mood,
                average: 65,
                count: 2
            },
            RatingAverage {
                rating: DiaryRating::Enjoyment,
                average: 80,
                count: 1
            },
        ]
    );
    // The same day marked twice counts once.
    assert_eq!((p.unwell_days, p.holiday_days, p.rest_days), (1, 1, 0));
    assert_eq!(minutes_words(150), "2 h 30 min");
    assert_eq!(minutes_words(45), "45 min");
    assert_eq!(minutes_words(120), "2 h");
}

#[test]
fn checklists_and_phased_return_by_hand() {
    let s = march_summary();
    let w = s.workplace.unwrap();
    assert_eq!(status_counts(&w.items), "1 agreed, 1 in place");
    assert_eq!(
        phased_return_words(&w.weeks, d(3, 28)),
        "Week 4 of 4 (20 hours over 5 days); 2 of the 4 weeks marked done."
    );
    assert_eq!(
        phased_return_words(&w.weeks, d(3, 1)),
        "Starts on 2 March 2026 (4 weeks); 2 of the 4 weeks marked done."
    );
    assert_eq!(
        phased_return_words(&w.weeks, d(4, 30)),
        "All 4 weeks are past; 2 of the 4 weeks marked done."
    );
    let h = s.home.unwrap();
    assert_eq!(h.checked, 2);
    assert_eq!(h.hazards.len(), 1);
    assert_eq!(h.hazards[0].actions.len(), 1);
    let falls = h.falls.unwrap();
    // Points as the falls page scores them: a fall in the past year is 2 points, then 1 + 1 + 1.
    assert_eq!(
        (falls.date, falls_points(&falls), falls.answers.len()),
        (d(3, 3), 5, 6)
    );
}

#[test]
fn empty_data_gives_empty_parts_not_errors() {
    let s = build(&AppData::default(), d(3, 1), d(3, 28), d(3, 28), Parts::ALL);
    assert_eq!(s.talk_about.as_deref(), Some(""));
    let g = s.goals.unwrap();
    assert!(g.goals.is_empty());
    assert_eq!(g.t_now, None);
    assert_eq!(s.ratings.unwrap(), RatingsPart::default());
    let o = s.outcomes.unwrap();
    assert_eq!((o.counts, o.before, o.since), ([0; 4], None, None));
    assert_eq!(s.diary.unwrap().entries, 0);
    assert_eq!(s.workplace.unwrap(), WorkplacePart::default());
}

#[test]
fn parts_left_out_are_not_in_the_file() {
    let parts = Parts {
        diary: false,
        talk_about: false,
        outcomes: false,
        ..Parts::ALL
    };
    let s = build(&march(), d(3, 1), d(3, 28), d(3, 28), parts);
    assert!(s.diary.is_none() && s.talk_about.is_none() && s.outcomes.is_none());
    let text = encode_summary(&s, d(3, 28).and_hms_opt(10, 0, 0).unwrap());
    assert!(!text.contains("\"diary\""));
    assert!(!text.contains("My back at work"));
    assert!(!text.contains("\"outcomes\""));
    assert!(text.contains("\"goals\""));
}

#[test]
fn file_round_trip_and_header() {
    let s = march_summary();
    let at = d(3, 28).and_hms_opt(10, 0, 0).unwrap();
    let text = encode_summary(&s, at);
    assert!(text.starts_with(r#"{"format":"everyday-summary","version":1,"#));
    let back = read_summary(text.as_bytes()).unwrap();
    assert_eq!(back.data, s);
    assert_eq!(back.saved_at, Some(at));
    assert_eq!(summary_file_name(&s), "everyday-summary-2026-03-28.json");
}

#[test]
fn bad_files_get_plain_messages() {
    let big = vec![b' '; MAX_SUMMARY_BYTES + 1];
    assert!(matches!(
        read_summary(&big),
        Err(DecodeError::TooLarge { .. })
    ));
    assert_eq!(read_summary(&[0xff, 0x00]), Err(DecodeError::NotJson));
    assert_eq!(read_summary(b"{\"format\": "), Err(DecodeError::NotJson));
    assert!(matches!(read_summary(b"[1]"), Err(DecodeError::Damaged(_))));
    let newer = br#"{"format":"everyday-summary","version":2,"data":{}}"#;
    let err = read_summary(newer).unwrap_err();
    assert_eq!(err, DecodeError::NewerVersion { found: 2 });
    assert!(err.to_string().contains("newer version"));
    let backup = br#"{"format":"everyday-backup","version":1,"data":{}}"#;
    assert!(matches!(
        read_summary(backup),
        Err(DecodeError::WrongFormat { .. })
    ));
    let missing = br#"{"format":"everyday-summary","version":1,"data":{"name":"A"}}"#;
    assert!(matches!(
        read_summary(missing),
        Err(DecodeError::Damaged(_))
    ));
    // A level out of range is refused, not shown.
    let text = encode_summary(&march_summary(), d(3, 28).and_hms_opt(1, 0, 0).unwrap())
        .replace("\"level\":1", "\"level\":7");
    let err = read_summary(text.as_bytes()).unwrap_err();
    assert!(matches!(err, DecodeError::OutOfRange(_)), "{err:?}");
    assert!(err.to_string().contains("between -2 and 2"));
    let backwards = encode_summary(&march_summary(), d(3, 28).and_hms_opt(1, 0, 0).unwrap())
        .replace("\"from\":\"2026-03-01\"", "\"from\":\"2026-04-01\"");
    assert!(matches!(
        read_summary(backwards.as_bytes()),
        Err(DecodeError::OutOfRange(_))
    ));
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("byte order mark");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_quotes_and_parses_back_by_hand() {
    let data = march();
    let text = diary_csv(&data, d(3, 1), d(3, 28));
    assert!(text.contains("\"Walk, with \"\"Sam\"\"\""));
    assert!(text.contains("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(rows[0], CSV_HEADINGS.to_vec());
    let body = &rows[1..];
    assert_eq!(body, diary_rows(&data, d(3, 1), d(3, 28)).as_slice());
    // Three entries and the unwell day with no entries, in date order.
    let dates: Vec<&str> = body.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        dates,
        ["2026-03-02", "2026-03-02", "2026-03-05", "2026-03-10"]
    );
    assert_eq!(body[1][7], "Felt good,\nthen tired");
    assert_eq!(body[1][10], "7");
    assert_eq!(body[1][13], "8");
    // A formula is written as words.
    assert_eq!(body[2][6], "'=SUM(A1)");
    assert_eq!(body[2][1], "Holiday");
    assert_eq!(body[3][1], "Unwell");
    assert_eq!(body[3][4], "");
    assert_eq!(body[0][2], "09:30");
    assert_eq!(
        diary_file_name(d(3, 1), d(3, 28)),
        "everyday-diary-2026-03-01-to-2026-03-28.csv"
    );
}

#[test]
fn caseload_totals_by_hand() {
    let a = march_summary();
    // A second person: confidence down 1, no GP figures before, T not scored.
    let mut b = build(&AppData::default(), d(3, 1), d(3, 28), d(3, 28), Parts::ALL);
    b.name = String::new();
    b.ratings = Some(RatingsPart {
        confidence: Some(MeasureLine {
            first: ScoreAt {
                date: d(1, 1),
                score: 50,
            },
            latest: ScoreAt {
                date: d(3, 1),
                score: 40,
            },
            in_period: 1,
            change: -10,
            percent: Some(-20),
        }),
        ..RatingsPart::default()
    });
    // A third person who left outcomes and ratings out, with T = 45.
    let mut c = build(&AppData::default(), d(2, 1), d(2, 28), d(3, 1), Parts::ALL);
    c.outcomes = None;
    c.ratings = None;
    c.goals.as_mut().unwrap().t_now = Some(450);
    let (rows, t) = caseload(&[a, b, c]);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].gp_before, Some(21));
    assert_eq!(rows[0].gp_since, Some(11));
    assert_eq!(rows[0].confidence, Some(30));
    assert_eq!(rows[0].sick_days, Some(2));
    assert_eq!(rows[0].fit_notes, Some(1));
    assert_eq!(rows[1].name, "(no name given)");
    assert_eq!(rows[2].sick_days, None);
    assert_eq!(t.people, 3);
    assert_eq!(t.fewer_gp, Share { of: 1, out_of: 1 });
    // 1.09 a month is fewer than 2.06, but not half or less.
    assert_eq!(t.halved_gp, Share { of: 0, out_of: 1 });
    // (+3 - 1) / 2 = +1 point.
    assert_eq!(t.confidence_average, Some(10));
    assert_eq!(t.more_confident.words(), "1 of 2 (50%)");
    assert_eq!(t.off_sick_before, Share { of: 0, out_of: 1 });
    assert_eq!(t.off_sick_since, Share { of: 1, out_of: 1 });
    assert_eq!((t.sick_days, t.fit_notes), (2, 1));
    // (60 + 45) / 2 = 52.5.
    assert_eq!(t.t_average, Some(525));
    assert_eq!(t.t_met, Share { of: 1, out_of: 2 });
    assert_eq!(Share::default().words(), "no one with these figures");
    let lines = t.lines();
    assert_eq!(
        lines[0].1,
        "Fewer a month since starting: 1 of 1 (100%). Half as many or fewer: 0 of 1 (0%)."
    );
    assert_eq!(
        lines[1].1,
        "Average change +1 point. More confident: 1 of 2 (50%)."
    );
    assert_eq!(
        lines[4].1,
        "2 days off sick; 1 fit note asked for or received."
    );
    assert_eq!(
        lines[5].1,
        "Average 52.5. At 50 or more (goals met as expected or better): 1 of 2 (50%)."
    );
    // No one with the figures: said once, in words, never "no one with these figures" twice.
    let (_, none) = caseload(&[]);
    for (_, line) in none.lines() {
        assert!(!line.contains("no one with these figures"), "{line}");
    }
    assert_eq!(
        none.lines()[4].1,
        "0 days off sick; 0 fit notes asked for or received."
    );
    assert_eq!(signed_tenths(10), "+1");
    assert_eq!(signed_tenths(-15), "-1.5");
}

#[test]
fn talk_about_is_checked_and_kept() {
    let mut data = AppData::default();
    assert!(data
        .apply(Command::SetTalkAbout("x".repeat(MAX_TALK_CHARS + 1)))
        .is_err());
    data.apply(Command::SetTalkAbout("  Sleep  ".into()))
        .unwrap();
    assert_eq!(data.settings.talk_about, "Sleep");
}

#[test]
fn two_years_builds_and_round_trips() {
    let end = d(11, 24);
    let data = crate::domain::sample::two_years(end);
    let s = build(&data, end - Duration::days(27), end, end, Parts::ALL);
    assert!(s.diary.as_ref().unwrap().entries == 280);
    let text = encode_summary(&s, end.and_hms_opt(9, 0, 0).unwrap());
    assert!(text.len() < MAX_SUMMARY_BYTES);
    assert_eq!(read_summary(text.as_bytes()).unwrap().data, s);
    let all = build(&data, end - Duration::days(729), end, end, Parts::ALL);
    let text = encode_summary(&all, end.and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(read_summary(text.as_bytes()).unwrap().data, all);
}

// ---------------------------------------------------------------------------------------------
// Property tests

/// Arbitrary data, including values out of range that validation would refuse (building must
/// still not panic on them).
fn arb_data() -> impl Strategy<Value = AppData> {
    let day = || (-400i64..400).prop_map(|o| d(3, 1) + Duration::days(o));
    let entries = prop::collection::vec(
        (
            day(),
            any::<u16>(),
            0usize..4,
            ".{0,12}",
            ".{0,12}",
            proptest::option::of(any::<u8>()),
        ),
        0..30,
    );
    let progress = prop::collection::vec((0usize..3, day(), any::<i8>()), 0..20);
    let outcomes = prop::collection::vec((day(), 0usize..4), 0..20);
    let ratings = prop::collection::vec((day(), any::<u8>()), 0..10);
    let marks = prop::collection::vec((day(), 0usize..3), 0..10);
    let weeks = prop::collection::vec((day(), any::<u8>(), any::<u8>(), any::<bool>()), 0..6);
    (
        entries,
        progress,
        outcomes,
        ratings,
        marks,
        weeks,
        proptest::option::of(day()),
    )
        .prop_map(
            |(entries, progress, outcomes, ratings, marks, weeks, ot_start)| {
                let mut data = AppData::default();
                data.settings.ot_start = ot_start;
                for (i, (date, minutes, area, what, note, mood)) in entries.into_iter().enumerate()
                {
                    let mut e = entry(i as u32, date, minutes, LifeArea::ALL[area], &what);
                    e.note = note;
                    e.ratings.mood = mood;
                    data.diary.push(e);
                }
                for i in 0..3 {
                    let mut g = goal(100 + i, d(1, 1), GoalStatus::Active);
                    g.importance = Some(i as u8);
                    g.difficulty = Some(3);
                    data.goals.push(g);
                }
                for (g, date, level) in progress {
                    data.goals[g].progress.push(ProgressRecord {
                        date,
                        level,
                        note: String::new(),
                    });
                }
                for (i, (date, kind)) in outcomes.into_iter().enumerate() {
                    data.outcomes
                        .push(event(200 + i as u32, date, OUTCOME_KINDS[kind]));
                }
                for (date, score) in ratings {
                    data.ratings.confidence.push(ConfidenceCheckIn {
                        date,
                        score,
                        note: String::new(),
                    });
                }
                for (date, kind) in marks {
                    let kind = [DayKind::Unwell, DayKind::Holiday, DayKind::Rest][kind];
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
                data
            },
        )
}

proptest! {

    #[test]
    fn building_never_panics_and_valid_data_round_trips(
        data in arb_data(),
        from in -400i64..400,
        len in 0i64..200,
    ) {
        let from = d(3, 1) + Duration::days(from);
        let to = from + Duration::days(len);
        let s = build(&data, from, to, to, Parts::ALL);
        let text = encode_summary(&s, to.and_hms_opt(12, 0, 0).unwrap());
        let _ = caseload(std::slice::from_ref(&s));
        let _ = phased_return_words(&s.workplace.as_ref().unwrap().weeks, to);
        if data.validate().is_ok() {
            prop_assert_eq!(read_summary(text.as_bytes()).unwrap().data, s);
        } else {
            // Refused or read, never a panic.
            let _ = read_summary(text.as_bytes());
        }
        // The CSV parses back to the same rows.
        let rows = diary_rows(&data, from, to);
        let parsed = parse_csv(&diary_csv(&data, from, to));
        prop_assert_eq!(&parsed[0], &CSV_HEADINGS.to_vec());
        prop_assert_eq!(&parsed[1..], rows.as_slice());
    }

    #[test]
    fn decoder_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read_summary(&bytes);
    }

    #[test]
    fn decoder_never_panics_on_damaged_files(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let text = encode_summary(&march_summary(), d(3, 28).and_hms_opt(1, 0, 0).unwrap());
        let mut bytes = text.into_bytes();
        if !bytes.is_empty() {
            let i = flip % bytes.len();
            bytes[i] = byte;
        }
        bytes.truncate(cut.max(1));
        let _ = read_summary(&bytes);
    }
}

#[test]
fn pages_never_panic_at_the_ends_of_time() {
    // Issue 13, fault 2: dates that were never checked once reached `date ± Duration` in the
    // sheet (a week starting on chrono's last day) and in Diary > Insights (an entry in year
    // -262143): with panic = abort that closed the app on every visit.
    use crate::domain::diary::{baseline_from_diary, insights, repeat_source, week_view};
    use crate::domain::workplace::return_position;
    for end in [NaiveDate::MIN, NaiveDate::MAX] {
        let week = PhasedReturnWeek {
            id: Default::default(),
            starts: end,
            hours: 8,
            half_hour: false,
            days: 2,
            done: false,
        };
        let _ = phased_return_words(std::slice::from_ref(&week), end);
        let _ = return_position(&[week], end);
        let _ = period_words(NaiveDate::MIN, NaiveDate::MAX);
        let _ = choose_period(
            PeriodChoice::LastFourWeeks,
            &AppData::default(),
            end,
            "",
            "",
        );
        let mut data = AppData::default();
        data.diary
            .push(entry(1, end, 30, LifeArea::Leisure, "Walk"));
        data.diary
            .push(entry(2, d(3, 2), 30, LifeArea::Leisure, "Walk"));
        data.diary.sort_by_key(|e| e.date);
        let _ = insights(&data, NaiveDate::MAX);
        let _ = week_view(&data, end);
        let _ = baseline_from_diary(&data, end, None);
        let _ = repeat_source(&data.diary, end);
        let _ = build(&data, end, end, end, Parts::ALL);
    }
}

#[test]
fn falls_points_on_the_sheet_are_the_falls_pages_points_with_its_advice() {
    // Issue 13: a fall in the past year and a walking stick are 2 points each, so 4 points and
    // "talk to your GP" on the falls page; the sheet once showed "2 of 12" and no advice.
    let mut answers = vec![false; 12];
    answers[0] = true;
    answers[1] = true;
    let check = FallsCheck {
        id: Default::default(),
        date: d(3, 3),
        answers,
    };
    assert_eq!(falls_points(&check), 4);
    assert_eq!(
        falls_words(&check),
        "4 of 14 points. With 4 or more points, the check advised talking to the GP or OT \
         about falls."
    );
    let mut answers = vec![false; 12];
    answers[4] = true;
    let check = FallsCheck {
        id: Default::default(),
        date: d(3, 3),
        answers,
    };
    assert_eq!(
        falls_words(&check),
        "1 of 14 points. Under 4 points: the check did not advise talking to anyone about falls."
    );
}

#[test]
fn diary_shares_on_the_sheet_add_up_to_100() {
    // Issue 13: each share rounded on its own gave 33 + 33 + 33 = 99%.
    let mut part = DiaryPart::default();
    for (area, minutes) in LifeArea::ALL.into_iter().zip([10, 10, 10, 0]) {
        part.areas.push(AreaTime {
            area,
            minutes,
            entries: 1,
        });
    }
    assert_eq!(area_shares(&part), vec![34, 33, 33, 0]);
    // 1/6 + 1/6 + 2/3 rounded alone is 17 + 17 + 67 = 101%.
    for (a, m) in part.areas.iter_mut().zip([10, 10, 40, 0]) {
        a.minutes = m;
    }
    assert_eq!(area_shares(&part).iter().sum::<u32>(), 100);
    // The same rule as the week view.
    assert_eq!(
        area_shares(&part),
        crate::domain::diary::shares(&[10, 10, 40, 0]).to_vec()
    );
}

#[test]
fn when_every_goal_weight_is_0_the_sheet_says_why_there_is_no_weighted_score() {
    let mut data = march();
    for g in &mut data.goals {
        g.importance = Some(0);
        g.difficulty = Some(2);
    }
    let g = build(&data, d(3, 1), d(3, 28), d(3, 28), Parts::ALL)
        .goals
        .unwrap();
    assert_eq!(g.t_now, Some(600));
    assert_eq!(g.t_weighted_now, None);
    let why = g.weighted_not_scored().unwrap();
    assert_eq!(why, goals::NotScored::AllWeightsZero);
    // The Goals page's words.
    assert_eq!(
        why.to_string(),
        "The weighted score cannot be worked out, because every goal has an importance or a \
         difficulty of 0."
    );
    // A weight missing gets its own reason; with weights there is nothing to explain.
    assert_eq!(
        march_summary().goals.unwrap().weighted_not_scored(),
        Some(goals::NotScored::WeightsMissing)
    );
    for g in &mut data.goals {
        g.importance = Some(2);
    }
    let g = build(&data, d(3, 1), d(3, 28), d(3, 28), Parts::ALL)
        .goals
        .unwrap();
    assert!(g.t_weighted_now.is_some());
    assert_eq!(g.weighted_not_scored(), None);
}

fn line_at(level: Option<i8>) -> GoalLine {
    GoalLine {
        title: "Walk".into(),
        sentence: String::new(),
        from_ot: false,
        status: GoalStatus::Active,
        baseline: -1,
        importance: None,
        difficulty: None,
        before: level,
        levels: Vec::new(),
        steps: Vec::new(),
    }
}

fn going(levels: &[Option<i8>]) -> String {
    goals_going_words(&GoalsPart {
        goals: levels.iter().map(|l| line_at(*l)).collect(),
        ..GoalsPart::default()
    })
}

#[test]
fn how_the_goals_are_going_in_plain_words() {
    assert_eq!(going(&[]), "No goals in this period.");
    assert_eq!(going(&[Some(0)]), "The goal is going as expected.");
    assert_eq!(going(&[Some(-2)]), "The goal is not there yet.");
    assert_eq!(going(&[None]), "The goal has no level recorded yet.");
    assert_eq!(
        going(&[Some(1), Some(2)]),
        "All 2 goals are going better than expected."
    );
    assert_eq!(
        going(&[Some(1), Some(0), Some(-1), None, None]),
        "Of the 5 goals, 1 is going better than expected, 1 is going as expected, 1 is not there yet and 2 have no level recorded yet."
    );
    assert_eq!(
        going(&[Some(0), Some(0), Some(-1)]),
        "Of the 3 goals, 2 are going as expected and 1 is not there yet."
    );
    // No scoring terms for the person.
    for words in [going(&[Some(2), Some(-2), None]), going(&[Some(0)])] {
        for term in ["T-score", "weighted", "-2", "+2", "-1", "+1"] {
            assert!(!words.contains(term), "{words}");
        }
    }
}

#[test]
fn one_of_a_thing_is_singular() {
    let week = |starts: NaiveDate, days: u8, done: bool| PhasedReturnWeek {
        id: Default::default(),
        starts,
        hours: 4,
        half_hour: false,
        days,
        done,
    };
    assert_eq!(
        phased_return_words(&[week(d(3, 2), 1, false)], d(3, 3)),
        "Week 1 of 1 (4 hours over 1 day); not marked done."
    );
    assert_eq!(
        phased_return_words(&[week(d(3, 2), 2, true)], d(3, 1)),
        "Starts on 2 March 2026 (1 week); marked done."
    );
    assert_eq!(
        phased_return_words(&[week(d(3, 2), 2, true)], d(4, 1)),
        "The week is past; marked done."
    );
    assert_eq!(
        phased_return_words(&[week(d(3, 2), 2, true), week(d(3, 9), 3, false)], d(3, 10)),
        "Week 2 of 2 (4 hours over 3 days); 1 of the 2 weeks marked done."
    );
    let mut half = week(d(3, 9), 5, false);
    half.half_hour = true;
    assert_eq!(
        phased_return_words(&[week(d(3, 2), 2, true), half.clone()], d(3, 10)),
        "Week 2 of 2 (4.5 hours over 5 days); 1 of the 2 weeks marked done."
    );
    half.hours = 0;
    assert_eq!(
        phased_return_words(std::slice::from_ref(&half), d(3, 10)),
        "Week 1 of 1 (half an hour over 5 days); not marked done."
    );
    half.hours = 1;
    half.half_hour = false;
    assert_eq!(
        phased_return_words(std::slice::from_ref(&half), d(3, 10)),
        "Week 1 of 1 (1 hour over 5 days); not marked done."
    );
    assert_eq!(
        period_words(d(3, 2), d(3, 2)),
        "2 March 2026 to 2 March 2026 (1 day)"
    );
    assert_eq!(
        period_words(d(3, 1), d(3, 2)),
        "1 March 2026 to 2 March 2026 (2 days)"
    );
}

#[test]
fn hazards_in_sentences_that_read_naturally() {
    let h = march_summary().home.unwrap();
    assert_eq!(
        hazards_words(&h),
        "1 of the 2 hazards checked applies to the home; something has been done about it."
    );
    let mut none_done = h.clone();
    none_done.hazards[0].actions.clear();
    assert_eq!(
        hazards_words(&none_done),
        "1 of the 2 hazards checked applies to the home; nothing has been done about it yet."
    );
    let mut two = h.clone();
    two.hazards.push(none_done.hazards[0].clone());
    assert_eq!(
        hazards_words(&two),
        "All 2 hazards checked apply to the home; something has been done about 1 of them."
    );
    two.hazards[1] = two.hazards[0].clone();
    assert_eq!(
        hazards_words(&two),
        "All 2 hazards checked apply to the home; something has been done about each of them."
    );
    two.hazards.iter_mut().for_each(|z| z.actions.clear());
    assert_eq!(
        hazards_words(&two),
        "All 2 hazards checked apply to the home; nothing has been done about them yet."
    );
    let one = HomePart {
        checked: 1,
        ..HomePart::default()
    };
    assert_eq!(
        hazards_words(&one),
        "The hazard checked does not apply to the home."
    );
    assert_eq!(measures::count_words(1, "day", "days"), "1 day");
    assert_eq!(measures::count_words(0, "day", "days"), "0 days");
    assert_eq!(
        measures::and_list(&["a".to_string(), "b".to_string(), "c".to_string()]),
        "a, b and c"
    );
}
