use super::*;
use crate::domain::activity::{DayKind, DayMark};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn measure(data: &mut AppData, command: MeasureCommand) {
    data.apply(Command::Measure(command)).unwrap();
}

fn check_in(data: &mut AppData, date: NaiveDate, score: u8) {
    data.apply(Command::CheckInConfidence {
        date,
        score,
        note: String::new(),
    })
    .unwrap();
}

fn event(data: &mut AppData, date: NaiveDate, kind: OutcomeKind) {
    measure(
        data,
        MeasureCommand::AddEvent {
            date,
            kind,
            reason: String::new(),
        },
    );
}

fn scores(values: &[(NaiveDate, u8)]) -> Vec<Point> {
    values
        .iter()
        .map(|(date, v)| Point {
            date: *date,
            score: Score::whole(*v),
        })
        .collect()
}

#[test]
fn rounding_and_number_words() {
    assert_eq!(div_round(7, 2), Some(4));
    assert_eq!(div_round(-7, 2), Some(-4));
    assert_eq!(div_round(1, 3), Some(0));
    assert_eq!(div_round(2, 3), Some(1));
    assert_eq!(div_round(7, -2), Some(-4));
    assert_eq!(div_round(5, 0), None);
    assert_eq!(tenths_text(55), "5.5");
    assert_eq!(tenths_text(70), "7");
    assert_eq!(tenths_text(-5), "-0.5");
    assert_eq!(tenths_text(0), "0");
    assert_eq!(one_decimal(20), "2.0");
    assert_eq!(one_decimal(7), "0.7");
}

#[test]
fn self_efficacy_is_the_mean_of_answered_items() {
    // Two left out: (4 + 5 + 6 + 7) / 4 = 5.5.
    let two_missing = [Some(4), Some(5), None, Some(6), None, Some(7)];
    assert_eq!(
        self_efficacy_score(&two_missing).map(Score::tenths),
        Some(55)
    );
    assert_eq!(
        self_efficacy_saved(&two_missing),
        "Saved. Your score is 5.5 out of 10."
    );
    // All six: 42 / 6 = 7.
    let all = [Some(7), Some(7), Some(8), Some(6), Some(7), Some(7)];
    assert_eq!(self_efficacy_score(&all).map(Score::tenths), Some(70));
    // 21 / 4 = 5.25, shown as 5.3 (halves away from zero).
    let quarter = [Some(5), Some(5), Some(5), Some(6), None, None];
    assert_eq!(self_efficacy_score(&quarter).map(Score::tenths), Some(53));
    // Three left out: not scored.
    let three_missing = [None, None, None, Some(5), Some(6), Some(7)];
    assert_eq!(self_efficacy_score(&three_missing), None);
    assert_eq!(unanswered(&three_missing), 3);
    assert_eq!(
        self_efficacy_saved(&three_missing),
        "Saved, but without a score: 3 of the 6 questions were not answered, and a score needs at least 4 answers."
    );
    assert_eq!(self_efficacy_score(&[None; 6]), None);
}

#[test]
fn work_ability_bands() {
    for (score, band) in [
        (0, "poor"),
        (5, "poor"),
        (6, "moderate"),
        (7, "moderate"),
        (8, "good or excellent"),
        (10, "good or excellent"),
    ] {
        assert_eq!(WorkAbilityBand::of(score).label(), band);
    }
    assert_eq!(work_ability_words(7), "7 out of 10 (moderate)");
}

#[test]
fn change_from_the_first_rating() {
    // 3 to 5: up 2 points, 2 / 3 = 66.7% more.
    let c = change(&scores(&[
        (d(2026, 3, 2), 3),
        (d(2026, 4, 20), 4),
        (d(2026, 6, 20), 5),
    ]))
    .unwrap();
    assert_eq!((c.points_tenths(), c.percent(), c.count), (20, Some(67), 3));
    let w = change_words(Measure::Confidence, &c);
    assert_eq!(w.start, "3 out of 10, on 2 March 2026");
    assert_eq!(w.latest, "5 out of 10, on 20 June 2026");
    assert_eq!(
        w.change,
        "Up 2 points: 67% more confident than at the start."
    );
    // The example: 7 to 10 is 42.9%, so 43%.
    let c = change(&scores(&[(d(2026, 1, 1), 7), (d(2026, 2, 1), 10)])).unwrap();
    assert_eq!(
        change_words(Measure::Confidence, &c).change,
        "Up 3 points: 43% more confident than at the start."
    );
    // Down: 8 to 6 is 25% less.
    let c = change(&scores(&[
        (d(2026, 1, 1), 8),
        (d(2026, 2, 1), 7),
        (d(2026, 3, 1), 6),
    ]))
    .unwrap();
    assert_eq!(
        change_words(Measure::Confidence, &c).change,
        "Down 2 points: 25% less confident than at the start."
    );
    // One point is singular.
    let c = change(&scores(&[(d(2026, 1, 1), 4), (d(2026, 2, 1), 5)])).unwrap();
    assert_eq!(
        change_words(Measure::Confidence, &c).change,
        "Up 1 point: 25% more confident than at the start."
    );
}

#[test]
fn a_first_score_of_zero_gives_no_percentage() {
    let c = change(&scores(&[(d(2026, 1, 1), 0), (d(2026, 2, 1), 4)])).unwrap();
    assert_eq!(c.percent(), None);
    assert_eq!(
        change_words(Measure::Confidence, &c).change,
        "Up 4 points. Your first score was 0, so the change cannot be given as a percentage."
    );
    let c = change(&scores(&[(d(2026, 1, 1), 0), (d(2026, 2, 1), 0)])).unwrap();
    assert_eq!(
        change_words(Measure::WorkAbility, &c).change,
        "None: the same as at the start."
    );
}

#[test]
fn one_rating_or_none() {
    assert_eq!(change(&[]), None);
    let c = change(&scores(&[(d(2026, 1, 1), 6)])).unwrap();
    let w = change_words(Measure::WorkAbility, &c);
    assert_eq!(w.start, "6 out of 10 (moderate), on 1 January 2026");
    assert_eq!(w.start, w.latest);
    assert_eq!(
        w.change,
        "This is your first score. The change will show after the next one."
    );
}

#[test]
fn change_is_worked_out_from_exact_means() {
    // 21/4 = 5.25 to 7: up 1.75 points (shown 1.8), 33.3% more.
    let first = Point {
        date: d(2026, 1, 1),
        score: self_efficacy_score(&[Some(5), Some(5), Some(5), Some(6), None, None]).unwrap(),
    };
    let latest = Point {
        date: d(2026, 3, 1),
        score: Score::whole(7),
    };
    let c = change(&[first, latest]).unwrap();
    assert_eq!((c.points_tenths(), c.percent()), (18, Some(33)));
    // 5.5 to 7.0: 1.5 / 5.5 = 27.3%.
    let first = Point {
        date: d(2026, 1, 1),
        score: self_efficacy_score(&[Some(4), Some(5), None, Some(6), None, Some(7)]).unwrap(),
    };
    let c = change(&[first, latest]).unwrap();
    assert_eq!(
        change_words(Measure::SelfEfficacy, &c).change,
        "Up 1.5 points: 27% more confident than at the start."
    );
    // Work ability says higher or lower.
    let c = change(&scores(&[(d(2026, 1, 1), 4), (d(2026, 2, 1), 7)])).unwrap();
    let w = change_words(Measure::WorkAbility, &c);
    assert_eq!(w.start, "4 out of 10 (poor), on 1 January 2026");
    assert_eq!(w.change, "Up 3 points: 75% higher than at the start.");
    // A change under 1% still says which way it went: 9.9 to 10 is 1%... 99/10 to 100/10.
    let tiny = [
        Point {
            date: d(2026, 1, 1),
            score: Score {
                total: 59,
                count: 6,
            },
        },
        Point {
            date: d(2026, 2, 1),
            score: Score {
                total: 10,
                count: 1,
            },
        },
    ];
    let c = change(&tiny).unwrap();
    assert_eq!(c.percent(), Some(2));
    let tiny = [
        tiny[0],
        Point {
            date: d(2026, 2, 1),
            score: Score {
                total: 5901,
                count: 600,
            },
        },
    ];
    let c = change(&tiny).unwrap();
    assert_eq!(
        change_words(Measure::SelfEfficacy, &c).change,
        "Up less than 0.1 points: less than 1% more confident than at the start."
    );
}

#[test]
fn rating_rows_describe_each_rating_oldest_first() {
    let mut data = AppData::default();
    check_in(&mut data, d(2026, 3, 5), 6);
    check_in(&mut data, d(2026, 3, 2), 3);
    measure(
        &mut data,
        MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
            date: d(2026, 3, 3),
            items: [None, None, None, Some(5), Some(6), Some(7)],
        }),
    );
    measure(
        &mut data,
        MeasureCommand::WorkAbility(WorkAbilityScore {
            date: d(2026, 3, 2),
            score: 4,
        }),
    );
    let rows = rating_rows(&data, Measure::Confidence);
    assert_eq!(rows[0].shown, "3");
    assert_eq!(rows[0].describe, "the check-in of 3 on 2 March 2026");
    assert_eq!(rows[1].shown, "6");
    let rows = rating_rows(&data, Measure::SelfEfficacy);
    assert_eq!(rows[0].shown, "Not scored (3 not answered)");
    assert_eq!(
        rows[0].describe,
        "the questionnaire on 3 March 2026, which has no score"
    );
    assert!(points(&rows).is_empty());
    let rows = rating_rows(&data, Measure::WorkAbility);
    assert_eq!(rows[0].shown, "4 (poor)");

    // Remove the first check-in, then undo.
    let rows = rating_rows(&data, Measure::Confidence);
    let before = data.clone();
    data.apply(rows[0].remove.clone()).unwrap();
    assert_eq!(data.ratings.confidence.len(), 1);
    assert!(data.apply(rows[0].remove.clone()).is_err());
    data.apply(rows[0].undo.clone()).unwrap();
    assert_eq!(data, before);
    // Every measure's rows remove and come back.
    for m in [Measure::SelfEfficacy, Measure::WorkAbility] {
        let rows = rating_rows(&data, m);
        data.apply(rows[0].remove.clone()).unwrap();
        data.apply(rows[0].undo.clone()).unwrap();
        assert_eq!(data, before);
    }
}

/// The end-to-end journey's data, worked by hand: OT start 15 April 2026, today 20 June 2026.
fn journey() -> (AppData, NaiveDate) {
    let mut data = AppData::default();
    data.apply(Command::SetOtStart(Some(d(2026, 4, 15))))
        .unwrap();
    check_in(&mut data, d(2026, 3, 2), 3);
    check_in(&mut data, d(2026, 4, 20), 4);
    check_in(&mut data, d(2026, 6, 20), 5);
    for date in [d(2026, 3, 5), d(2026, 3, 19), d(2026, 4, 2), d(2026, 4, 10)] {
        event(&mut data, date, OutcomeKind::GpAppointment);
    }
    event(&mut data, d(2026, 6, 3), OutcomeKind::GpAppointment);
    measure(
        &mut data,
        MeasureCommand::AddSickDays {
            first: d(2026, 3, 9),
            days: 5,
        },
    );
    event(&mut data, d(2026, 6, 1), OutcomeKind::SickDay);
    event(&mut data, d(2026, 3, 16), OutcomeKind::FitNoteRequested);
    event(&mut data, d(2026, 3, 18), OutcomeKind::FitNoteReceived);
    (data, d(2026, 6, 20))
}

#[test]
fn rates_before_and_since_worked_by_hand() {
    let (data, today) = journey();
    let f = outcome_figures(&data, today);
    // Before: all of March (31 days) and 1 to 14 April (14) = 45 days = 1.48 months.
    // Since: 15 to 30 April (16) and 1 to 20 June (20) = 36 days; May has nothing recorded.
    let (before, since) = (f.periods[0].1, f.periods[1].1);
    assert_eq!((before.days, since.days), (45, 36));
    assert_eq!(before.counts, [4, 5, 1, 1]);
    assert_eq!(since.counts, [1, 1, 0, 0]);
    assert_eq!(before.time_words(), "45 days (about 1.5 months)");
    assert_eq!(since.time_words(), "36 days (about 1.2 months)");
    // GP: 4 × 30.4375 / 45 = 2.71; 1 × 30.4375 / 36 = 0.85; (0.85 - 2.71) / 2.71 = -68.75%.
    assert_eq!(before.rate_tenths(OutcomeKind::GpAppointment), Some(27));
    assert_eq!(since.rate_tenths(OutcomeKind::GpAppointment), Some(8));
    assert_eq!(
        rate_change_percent(&before, &since, OutcomeKind::GpAppointment),
        Some(-69)
    );
    // Sick days: 5 × 30.4375 / 45 = 3.38; 0.85; -75%.
    assert_eq!(before.rate_tenths(OutcomeKind::SickDay), Some(34));
    assert_eq!(
        f.sentences,
        vec![
            "GP appointments: 2.7 a month before you started seeing your OT, 0.8 a month since: 69% fewer.",
            "Days off sick: 3.4 a month before you started seeing your OT, 0.8 a month since: 75% fewer.",
            "Fit notes asked for: 0.7 a month before you started seeing your OT, none since: 100% fewer.",
            "Fit notes received: 0.7 a month before you started seeing your OT, none since: 100% fewer.",
        ]
    );
    assert_eq!((f.periods[0].0, f.periods[1].0), ("Before", "Since"));
    assert_eq!(
        f.months,
        vec![
            MonthRow::Recorded {
                month: YearMonth::of(d(2026, 6, 1)),
                counts: [1, 1, 0, 0],
                current: true,
                ot_start: false
            },
            MonthRow::NothingRecorded {
                from: YearMonth::of(d(2026, 5, 1)),
                to: YearMonth::of(d(2026, 5, 1))
            },
            MonthRow::Recorded {
                month: YearMonth::of(d(2026, 4, 1)),
                counts: [2, 0, 0, 0],
                current: false,
                ot_start: true
            },
            MonthRow::Recorded {
                month: YearMonth::of(d(2026, 3, 1)),
                counts: [2, 5, 1, 1],
                current: false,
                ot_start: false
            },
        ]
    );
    let labels: Vec<String> = f.months.iter().map(MonthRow::label).collect();
    assert_eq!(
        labels,
        [
            "June 2026 (so far)",
            "May 2026",
            "April 2026 (OT started)",
            "March 2026"
        ]
    );
}

#[test]
fn a_month_with_nothing_recorded_is_not_a_zero() {
    let (mut data, today) = journey();
    let f = outcome_figures(&data, today);
    // Recording anything in May (a day mark here) makes May a month of zero events, which
    // lowers the rate since the start: 1 in 36 + 31 days.
    data.day_marks.push(DayMark {
        date: d(2026, 5, 10),
        kind: DayKind::Unwell,
    });
    let g = outcome_figures(&data, today);
    assert_eq!(g.periods[1].1.days, 67);
    assert_eq!(
        g.periods[1].1.rate_tenths(OutcomeKind::GpAppointment),
        Some(5)
    );
    assert_eq!(
        f.periods[1].1.rate_tenths(OutcomeKind::GpAppointment),
        Some(8)
    );
    assert!(matches!(
        g.months[1],
        MonthRow::Recorded {
            counts: [0, 0, 0, 0],
            ..
        }
    ));
    // Several empty months in a row share one row.
    let mut data = AppData::default();
    check_in(&mut data, d(2025, 10, 1), 5);
    check_in(&mut data, d(2026, 2, 1), 5);
    let f = outcome_figures(&data, d(2026, 2, 10));
    assert_eq!(f.months.len(), 3);
    assert_eq!(f.months[1].label(), "November 2025 to January 2026");
    // October (31) and 1 to 10 February (10).
    assert_eq!(
        f.periods,
        vec![(
            "All months with records",
            Period {
                days: 41,
                counts: [0; 4]
            }
        )]
    );
    assert_eq!(
        f.periods[0].1.rate_words(OutcomeKind::GpAppointment),
        "none"
    );
    assert!(f.sentences.is_empty());
}

#[test]
fn empty_data_and_periods_without_days() {
    let today = d(2026, 6, 20);
    assert_eq!(
        outcome_figures(&AppData::default(), today),
        OutcomeFigures::default()
    );
    let empty = Period::default();
    assert_eq!(empty.rate_tenths(OutcomeKind::SickDay), None);
    assert_eq!(empty.rate_words(OutcomeKind::SickDay), "nothing recorded");
    assert_eq!(empty.time_words(), "0 days");
    assert_eq!(
        rate_change_percent(&empty, &empty, OutcomeKind::SickDay),
        None
    );
    // One event in a long period is under 0.1 a month.
    let long = Period {
        days: 700,
        counts: [1, 0, 0, 0],
    };
    assert_eq!(
        long.rate_words(OutcomeKind::GpAppointment),
        "under 0.1 a month"
    );
    let one = Period {
        days: 1,
        counts: [0; 4],
    };
    assert_eq!(one.time_words(), "1 day");
    let month = Period {
        days: 30,
        counts: [0; 4],
    };
    assert_eq!(month.time_words(), "30 days (about 1 month)");
    let two = Period {
        days: 61,
        counts: [0; 4],
    };
    assert_eq!(two.time_words(), "61 days (about 2 months)");
}

#[test]
fn start_date_before_anything_or_after_today() {
    let (mut data, today) = journey();
    data.apply(Command::SetOtStart(Some(d(2026, 1, 1))))
        .unwrap();
    let f = outcome_figures(&data, today);
    assert_eq!(f.periods[0].1.days, 0);
    assert_eq!(f.sentences, ["Nothing was recorded before you started seeing your OT on 1 January 2026, so there is nothing to compare with."]);
    data.apply(Command::SetOtStart(Some(d(2026, 7, 1))))
        .unwrap();
    let f = outcome_figures(&data, today);
    assert_eq!(f.periods[1].1.days, 0);
    assert_eq!((f.periods[0].1.days), 31 + 30 + 20);
    assert_eq!(
        f.sentences,
        ["Nothing has been recorded since you started seeing your OT on 1 July 2026."]
    );
    // Started a few days ago: the figures come with a caution.
    data.apply(Command::SetOtStart(Some(d(2026, 6, 10))))
        .unwrap();
    let f = outcome_figures(&data, today);
    assert_eq!(f.periods[1].1.days, 11);
    assert!(f.sentences.last().unwrap().starts_with("Less than a month"));
    // None before, some since: no percentage, said in words.
    let mut data = AppData::default();
    data.apply(Command::SetOtStart(Some(d(2026, 3, 1))))
        .unwrap();
    check_in(&mut data, d(2026, 2, 1), 5);
    event(&mut data, d(2026, 3, 3), OutcomeKind::GpAppointment);
    let f = outcome_figures(&data, d(2026, 3, 31));
    assert_eq!(f.sentences, ["GP appointments: none before you started seeing your OT, 1.0 a month since. With none before, the change cannot be given as a percentage."]);
}

#[test]
fn records_after_today_and_extreme_dates_are_left_out() {
    let (mut data, today) = journey();
    let f = outcome_figures(&data, today);
    event(&mut data, d(2026, 8, 1), OutcomeKind::GpAppointment);
    // The commands refuse dates outside the window; data that was never checked may still
    // hold them.
    for date in [NaiveDate::MAX, NaiveDate::MIN] {
        let far = Command::CheckInConfidence {
            date,
            score: 5,
            note: String::new(),
        };
        assert!(matches!(data.apply(far), Err(DomainError::Date(_))));
        data.ratings
            .confidence
            .push(crate::domain::ratings::ConfidenceCheckIn {
                date,
                score: 5,
                note: String::new(),
            });
    }
    assert_eq!(outcome_figures(&data, today), f);
    // No panic at the ends of the calendar.
    let _ = outcome_figures(&data, NaiveDate::MAX);
    let _ = outcome_figures(&data, NaiveDate::MIN);
}

#[test]
fn events_are_added_corrected_removed_and_restored() {
    let mut data = AppData::default();
    measure(
        &mut data,
        MeasureCommand::AddEvent {
            date: d(2026, 3, 5),
            kind: OutcomeKind::GpAppointment,
            reason: "  Back pain ".into(),
        },
    );
    event(&mut data, d(2026, 3, 1), OutcomeKind::FitNoteRequested);
    let events = events_newest_first(&data);
    assert_eq!(
        event_text(&events[0]),
        "GP appointment on 5 March 2026: Back pain"
    );
    assert_eq!(event_text(&events[1]), "Fit note asked for on 1 March 2026");
    // Change the appointment into a sick day: the reason goes.
    let id = events[0].id;
    measure(
        &mut data,
        MeasureCommand::EditEvent {
            id,
            date: d(2026, 2, 27),
            kind: OutcomeKind::SickDay,
            reason: "Back pain".into(),
        },
    );
    assert_eq!(data.outcomes[0].id, id, "kept in date order");
    assert_eq!(data.outcomes[0].reason, "");
    // A second sick day on the same date is refused, and nothing changes.
    let before = data.clone();
    assert!(data
        .apply(Command::Measure(MeasureCommand::AddEvent {
            date: d(2026, 2, 27),
            kind: OutcomeKind::SickDay,
            reason: String::new()
        }))
        .is_err());
    assert_eq!(data, before);
    // Days in a row skip the ones already recorded.
    measure(
        &mut data,
        MeasureCommand::AddSickDays {
            first: d(2026, 2, 26),
            days: 3,
        },
    );
    let sick: Vec<_> = data
        .outcomes
        .iter()
        .filter(|e| e.kind == OutcomeKind::SickDay)
        .map(|e| e.date)
        .collect();
    assert_eq!(sick, [d(2026, 2, 26), d(2026, 2, 27), d(2026, 2, 28)]);
    let before = data.clone();
    let err = data
        .apply(Command::Measure(MeasureCommand::AddSickDays {
            first: d(2026, 2, 27),
            days: 2,
        }))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Those days are already recorded as days off sick."
    );
    let err = data
        .apply(Command::Measure(MeasureCommand::AddSickDays {
            first: d(2026, 2, 27),
            days: 1,
        }))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "27 February 2026 is already recorded as a day off sick."
    );
    assert!(data
        .apply(Command::Measure(MeasureCommand::AddSickDays {
            first: d(2026, 2, 27),
            days: 0,
        }))
        .is_err());
    assert_eq!(data, before);
    // Remove, then undo.
    let removed = data.outcomes[1].clone();
    measure(&mut data, MeasureCommand::RemoveEvent(removed.id));
    assert!(data
        .apply(Command::Measure(MeasureCommand::RemoveEvent(removed.id)))
        .is_err());
    measure(&mut data, MeasureCommand::RestoreEvent(removed.clone()));
    assert_eq!(data, before);
    assert!(data
        .apply(Command::Measure(MeasureCommand::RestoreEvent(removed)))
        .is_err());
}

#[test]
fn ratings_out_of_range_or_empty_are_refused() {
    let mut data = AppData::default();
    let empty = MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
        date: d(2026, 1, 1),
        items: [None; 6],
    });
    assert_eq!(
        data.apply(Command::Measure(empty)).unwrap_err().to_string(),
        "Please answer at least one question."
    );
    let zero = MeasureCommand::SelfEfficacy(SelfEfficacyResponse {
        date: d(2026, 1, 1),
        items: [Some(0), None, None, None, None, None],
    });
    assert!(data.apply(Command::Measure(zero)).is_err());
    let eleven = MeasureCommand::WorkAbility(WorkAbilityScore {
        date: d(2026, 1, 1),
        score: 11,
    });
    assert!(data.apply(Command::Measure(eleven)).is_err());
    assert_eq!(data, AppData::default());
    let long = MeasureCommand::AddEvent {
        date: d(2026, 1, 1),
        kind: OutcomeKind::GpAppointment,
        reason: "x".repeat(MAX_TEXT_CHARS + 1),
    };
    assert!(data.apply(Command::Measure(long)).is_err());
    data.outcomes.push(OutcomeEvent {
        id: OutcomeId(1),
        date: d(2026, 1, 1),
        kind: OutcomeKind::GpAppointment,
        reason: "x".repeat(MAX_TEXT_CHARS + 1),
    });
    assert!(data.validate().is_err());
}

#[test]
fn new_event_ids_skip_ids_already_used() {
    let mut data = AppData::default();
    data.outcomes.push(OutcomeEvent {
        id: OutcomeId(0),
        date: d(2026, 1, 1),
        kind: OutcomeKind::GpAppointment,
        reason: String::new(),
    });
    event(&mut data, d(2026, 1, 2), OutcomeKind::GpAppointment);
    assert_eq!(data.outcomes[1].id, OutcomeId(1));
}

#[test]
fn form_values() {
    let today = d(2026, 6, 20);
    assert_eq!(form_date("2026-06-20", today), Ok(today));
    assert_eq!(form_date(" 2026-03-02 ", today), Ok(d(2026, 3, 2)));
    assert_eq!(form_date("", today).unwrap_err(), "Please enter a date.");
    assert!(form_date("2026-02-30", today)
        .unwrap_err()
        .starts_with("Please enter a real date"));
    assert!(form_date("2026-06-21", today)
        .unwrap_err()
        .contains("future"));
    assert_eq!(form_day_count("5"), Ok(5));
    assert!(form_day_count("0").is_err());
    assert!(form_day_count("367").is_err());
    assert!(form_day_count("two").is_err());
    assert_eq!(last_sick_day(d(2026, 3, 9), 5), Some(d(2026, 3, 13)));
    assert_eq!(last_sick_day(NaiveDate::MAX, 2), None);
    assert_eq!(check_sick_days(d(2026, 6, 16), 5, today), Ok(today));
    assert_eq!(
        check_sick_days(d(2026, 6, 17), 5, today).unwrap_err(),
        "5 days from 17 June 2026 would go past today. Please check the first day and the number of days."
    );
    assert_eq!(
        check_sick_days(d(2026, 6, 21), 1, today).unwrap_err(),
        "1 day from 21 June 2026 would go past today. Please check the first day and the number of days."
    );
}

#[test]
fn chart_places_points_by_date_and_score() {
    let pts = scores(&[
        (d(2026, 3, 1), 0),
        (d(2026, 3, 11), 10),
        (d(2026, 3, 21), 5),
    ]);
    let c = chart(Measure::Confidence, &pts);
    // Plot 30..308 wide and 12..150 high.
    assert_eq!(c.dots, vec![(30, 150), (169, 12), (308, 81)]);
    assert_eq!(c.line, "30,150 169,12 308,81");
    assert_eq!((c.low_y, c.high_y), (150, 12));
    assert_eq!(c.first_date, "1 Mar 2026");
    assert_eq!(
        c.summary,
        "Line chart of 3 scores, from 0 on 1 March 2026 to 5 on 21 March 2026. Every score is in the table below."
    );
    let one = chart(Measure::SelfEfficacy, &pts[2..]);
    assert_eq!(one.dots, vec![(169, 89)]);
    assert_eq!(
        chart(Measure::WorkAbility, &[]).summary,
        "Empty chart: no scores yet."
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn date() -> impl Strategy<Value = NaiveDate> {
        // About three years around the test's "today".
        (0i64..1100).prop_map(|n| d(2025, 1, 1) + Duration::days(n))
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![
            4 => date(),
            1 => (i32::from(i16::MIN)..i32::from(i16::MAX), 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, day)| d(y, m, day)),
            1 => Just(NaiveDate::MAX),
            1 => Just(NaiveDate::MIN),
        ]
    }

    fn kind() -> impl Strategy<Value = OutcomeKind> {
        prop::sample::select(OUTCOME_KINDS.to_vec())
    }

    fn items() -> impl Strategy<Value = [Option<u8>; 6]> {
        prop::array::uniform6(prop::option::of(1u8..=10))
    }

    fn command() -> impl Strategy<Value = MeasureCommand> {
        prop_oneof![
            (any_date(), items()).prop_map(|(date, items)| MeasureCommand::SelfEfficacy(
                SelfEfficacyResponse { date, items }
            )),
            (any_date(), 0u8..=12).prop_map(|(date, score)| MeasureCommand::WorkAbility(
                WorkAbilityScore { date, score }
            )),
            (any_date(), kind(), ".{0,8}").prop_map(|(date, kind, reason)| {
                MeasureCommand::AddEvent { date, kind, reason }
            }),
            (any_date(), 0u16..=400)
                .prop_map(|(first, days)| MeasureCommand::AddSickDays { first, days }),
            (0u32..40, any_date(), kind(), ".{0,8}").prop_map(|(id, date, kind, reason)| {
                MeasureCommand::EditEvent {
                    id: OutcomeId(id),
                    date,
                    kind,
                    reason,
                }
            }),
            (0u32..40).prop_map(|id| MeasureCommand::RemoveEvent(OutcomeId(id))),
            (0u32..40, any_date(), kind()).prop_map(|(id, date, kind)| {
                MeasureCommand::RestoreEvent(OutcomeEvent {
                    id: OutcomeId(id),
                    date,
                    kind,
                    reason: String::new(),
                })
            }),
        ]
    }

    /// Data with ratings and events on arbitrary dates (not through the commands).
    fn data() -> impl Strategy<Value = AppData> {
        (
            prop::collection::vec((date(), 0u8..=10), 0..12),
            prop::collection::vec((date(), kind()), 0..40),
            prop::option::of(date()),
        )
            .prop_map(|(ratings, events, start)| {
                let mut data = AppData::default();
                data.settings.ot_start = start;
                for (date, score) in ratings {
                    data.ratings.confidence.push(ConfidenceCheckIn {
                        date,
                        score,
                        note: String::new(),
                    });
                }
                for (i, (date, kind)) in events.into_iter().enumerate() {
                    data.outcomes.push(OutcomeEvent {
                        id: OutcomeId(i as u32),
                        date,
                        kind,
                        reason: String::new(),
                    });
                }
                data
            })
    }

    proptest! {
        #[test]
        fn self_efficacy_scores_only_with_four_or_more_answers(items in items()) {
            let answered: Vec<u8> = items.iter().flatten().copied().collect();
            match self_efficacy_score(&items) {
                Some(s) => {
                    prop_assert!(answered.len() >= 4);
                    let t = s.tenths();
                    prop_assert!((10..=100).contains(&t));
                    let mean = answered.iter().map(|v| f64::from(*v)).sum::<f64>() / answered.len() as f64;
                    prop_assert!((t as f64 / 10.0 - mean).abs() <= 0.05 + 1e-9);
                }
                None => prop_assert!(answered.len() < 4),
            }
            prop_assert!(!self_efficacy_saved(&items).is_empty());
        }

        #[test]
        fn change_never_divides_by_zero(values in prop::collection::vec((date(), 0u8..=10), 0..20)) {
            let mut values = values;
            sort_by_date(&mut values, |v| v.0);
            let pts = scores(&values);
            match change(&pts) {
                None => prop_assert!(pts.is_empty()),
                Some(c) => {
                    let (first, last) = (pts[0].score.tenths(), pts[pts.len() - 1].score.tenths());
                    prop_assert_eq!(c.points_tenths(), last - first);
                    match c.percent() {
                        None => prop_assert_eq!(first, 0),
                        Some(p) => {
                            prop_assert!(first > 0);
                            prop_assert_eq!(p.signum(), (last - first).signum());
                            let exact = (last - first) as f64 * 100.0 / first as f64;
                            prop_assert!((p as f64 - exact).abs() <= 0.5 + 1e-9);
                        }
                    }
                    for m in [Measure::Confidence, Measure::SelfEfficacy, Measure::WorkAbility] {
                        let w = change_words(m, &c);
                        for text in [&w.start, &w.latest, &w.change] {
                            prop_assert!(!text.is_empty());
                            prop_assert!(!text.contains("NaN") && !text.contains("inf"));
                        }
                    }
                    let ch = chart(Measure::Confidence, &pts);
                    for (x, y) in ch.dots {
                        prop_assert!((0..=CHART_WIDTH).contains(&x));
                        prop_assert!((0..=CHART_HEIGHT).contains(&y));
                    }
                }
            }
        }

        #[test]
        fn outcome_figures_count_every_event_once_and_only_recorded_days(
            data in data(),
            today in date(),
        ) {
            let f = outcome_figures(&data, today);
            let counted: Vec<&OutcomeEvent> = data.outcomes.iter().filter(|e| e.date <= today).collect();
            let anything = data.ratings.confidence.iter().any(|c| c.date <= today) || !counted.is_empty();
            if !anything {
                prop_assert_eq!(&f, &OutcomeFigures::default());
                return Ok(());
            }
            // Each event is in exactly one period, and in its month's row.
            let mut period_total = [0u32; 4];
            for (_, p) in &f.periods {
                for (i, c) in p.counts.iter().enumerate() {
                    period_total[i] += c;
                }
            }
            let mut row_total = [0u32; 4];
            for row in &f.months {
                if let MonthRow::Recorded { counts, .. } = row {
                    for (i, c) in counts.iter().enumerate() {
                        row_total[i] += c;
                    }
                }
            }
            let mut expected = [0u32; 4];
            for e in &counted {
                expected[kind_index(e.kind)] += 1;
            }
            prop_assert_eq!(period_total, expected);
            prop_assert_eq!(row_total, expected);
            // Days covered are exactly the days up to today in months with a record.
            let months: Vec<YearMonth> = data.ratings.confidence.iter().map(|c| c.date)
                .chain(data.outcomes.iter().map(|e| e.date))
                .filter(|x| *x <= today)
                .map(YearMonth::of)
                .collect();
            let first = months.iter().min().copied().unwrap();
            let mut covered = 0i64;
            let mut day = first.first_day().unwrap();
            while day <= today {
                if months.contains(&YearMonth::of(day)) {
                    covered += 1;
                }
                day = day.succ_opt().unwrap();
            }
            let total_days: i64 = f.periods.iter().map(|(_, p)| p.days).sum();
            prop_assert_eq!(total_days, covered);
            // A month with nothing recorded is a gap, never a row of zeros.
            for row in &f.months {
                match row {
                    MonthRow::Recorded { month, .. } => prop_assert!(months.contains(month)),
                    MonthRow::NothingRecorded { from, to } => {
                        prop_assert!(from <= to);
                        for m in from.0..=to.0 {
                            prop_assert!(!months.contains(&YearMonth(m)));
                        }
                    }
                }
            }
            // Rates exist exactly when days are covered; they are never negative.
            for (_, p) in &f.periods {
                for kind in OUTCOME_KINDS {
                    match p.rate_tenths(kind) {
                        None => prop_assert_eq!(p.days, 0),
                        Some(r) => prop_assert!(r >= 0),
                    }
                    prop_assert!(!p.rate_words(kind).contains("NaN"));
                }
            }
            if f.periods.len() == 2 {
                for kind in OUTCOME_KINDS {
                    if let Some(p) = rate_change_percent(&f.periods[0].1, &f.periods[1].1, kind) {
                        prop_assert!(p >= -100);
                    }
                }
            }
        }

        #[test]
        fn commands_never_break_the_data(commands in prop::collection::vec(command(), 0..30)) {
            let mut data = AppData::default();
            for command in commands {
                let before = data.clone();
                match data.apply(Command::Measure(command)) {
                    Ok(()) => prop_assert!(data.validate().is_ok()),
                    Err(e) => {
                        prop_assert_eq!(&data, &before);
                        prop_assert!(!e.to_string().is_empty());
                    }
                }
                // Ids are unique; events stay in date order; one sick day per date.
                for (i, e) in data.outcomes.iter().enumerate() {
                    for other in &data.outcomes[i + 1..] {
                        prop_assert!(e.id != other.id);
                        prop_assert!(e.date <= other.date);
                        prop_assert!(!(e.kind == OutcomeKind::SickDay && other.kind == OutcomeKind::SickDay && e.date == other.date));
                    }
                }
            }
            let _ = outcome_figures(&data, d(2026, 6, 20));
            for m in [Measure::Confidence, Measure::SelfEfficacy, Measure::WorkAbility] {
                let rows = rating_rows(&data, m);
                let _ = change(&points(&rows)).map(|c| change_words(m, &c));
            }
        }

        #[test]
        fn form_readers_never_panic(text in ".{0,20}", today in any_date()) {
            let _ = form_date(&text, today);
            let _ = form_day_count(&text);
        }
    }
}
