//! Tests of today's agenda and the reminder events: each kind of item, putting off and
//! dismissing, quiet days, weeks across the UK clock changes, a plan updated mid-week, the last
//! review from the plans; and the sample calendar files checked by `scripts/check-ics.py`.

use super::*;
use crate::domain::activity::DayMark;
use crate::domain::checklists::{
    ActionLogEntry, AdviceKind, FallsCheck, HazardCheck, ItemStatus, Owner, PhasedReturnWeek, Room,
    WorkplaceItem,
};
use crate::domain::goals::{Source, TaskCompletion};
use crate::domain::ids::{HazardId, WorkplaceItemId};
use crate::domain::plan::signing::{PlanKey, VerifiedPlan, PUBLIC_KEY_BYTES};
use crate::domain::plan::{import, Plan, PlanGoal, PlanTask};
use chrono::Duration;

/// A plan as if signed by the person's OT practice (signatures are checked in the browser).
fn signed(plan: Plan) -> VerifiedPlan {
    VerifiedPlan::assume_signed(
        plan,
        PlanKey::from_bytes(&[4; PUBLIC_KEY_BYTES]).expect("a well-formed key"),
    )
}
use crate::domain::ratings::{ConfidenceCheckIn, SelfEfficacyResponse};
use crate::domain::state::Command;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(date: NaiveDate) -> NaiveDateTime {
    date.and_hms_opt(10, 0, 0).unwrap()
}

/// A plan made on Monday 2 March 2026: one goal with a daily and a weekly step, the check-in
/// weekly, the questionnaire every 4 weeks, work ability before the review, a review on
/// Monday 30 March.
fn plan() -> Plan {
    let mut p = Plan::new("p1".into(), d(2026, 3, 2));
    p.next_review = Some(d(2026, 3, 30));
    p.goals.push(PlanGoal {
        key: "g".into(),
        activity: "walk to the shop".into(),
        support: String::new(),
        amount: String::new(),
        by_when: None,
        levels: Default::default(),
        baseline: -1,
        difficulty: None,
        tasks: vec![
            PlanTask {
                key: "t1".into(),
                title: "Walk to the gate".into(),
                frequency: TaskFrequency::Daily,
            },
            PlanTask {
                key: "t2".into(),
                title: "Stand up from a chair".into(),
                frequency: TaskFrequency::Weekly { times: 2 },
            },
        ],
    });
    for (measure, when) in [
        (PlanMeasure::Confidence, MeasureWhen::Weekly),
        (PlanMeasure::SelfEfficacy, MeasureWhen::EveryFourWeeks),
        (PlanMeasure::WorkAbility, MeasureWhen::BeforeReview),
    ] {
        p.measures.push(PlanMeasureItem { measure, when });
    }
    p
}

fn with_plan(p: Plan, today: NaiveDate) -> AppData {
    let mut data = AppData::default();
    data.settings.welcome_done = true;
    // A fresh backup, so the backup item stays out of the way unless a test wants it.
    data.settings.last_backup = Some(at(today));
    import(&mut data, signed(p), today).unwrap();
    data
}

fn keys(items: &[AgendaItem]) -> Vec<&str> {
    items.iter().map(|i| i.key.as_str()).collect()
}

fn check_in(data: &mut AppData, date: NaiveDate) {
    data.apply(Command::CheckInConfidence {
        date,
        score: 6,
        note: String::new(),
    })
    .unwrap();
}

#[test]
fn a_new_plan_puts_steps_and_measures_on_today_in_order() {
    let today = d(2026, 3, 2);
    let data = with_plan(plan(), today);
    let a = agenda(&data, at(today));
    assert_eq!(
        keys(&a.due),
        vec![
            "step:0:1:2026-03-02",
            "step:0:2:w2026-03-02",
            "measure:confidence:w2026-03-02",
            "measure:self_efficacy:start",
        ]
    );
    assert_eq!(a.due[0].link, AgendaLink::Goal(GoalId(0)));
    assert_eq!(a.due[0].detail, "For your goal: Walk to the shop");
    assert_eq!(a.due[2].link, AgendaLink::Measure(PlanMeasure::Confidence));
    assert!(a.done.is_empty() && a.quiet.is_empty());
}

#[test]
fn doing_a_measure_moves_it_to_done_and_it_stays_done_for_the_week() {
    let today = d(2026, 3, 4);
    let mut data = with_plan(plan(), d(2026, 3, 2));
    check_in(&mut data, today);
    let a = agenda(&data, at(today));
    assert!(!keys(&a.due)
        .iter()
        .any(|k| k.starts_with("measure:confidence")));
    assert_eq!(keys(&a.done), vec!["measure:confidence:2026-03-04"]);
    // Later that week: neither due nor listed as done today.
    let a = agenda(&data, at(d(2026, 3, 8)));
    assert!(!keys(&a.due)
        .iter()
        .any(|k| k.starts_with("measure:confidence")));
    assert!(a.done.is_empty());
    // The next Monday it is due again.
    let a = agenda(&data, at(d(2026, 3, 9)));
    assert!(keys(&a.due).contains(&"measure:confidence:w2026-03-09"));
}

#[test]
fn the_review_shows_a_week_before_with_the_summary_and_before_review_measures() {
    let mut data = with_plan(plan(), d(2026, 3, 2));
    let a = agenda(&data, at(d(2026, 3, 22)));
    assert!(!a.due.iter().any(|i| i.kind == AgendaKind::Review));
    assert!(!keys(&a.due)
        .iter()
        .any(|k| k.starts_with("measure:work_ability")));
    let a = agenda(&data, at(d(2026, 3, 23)));
    let review = &a.due[0];
    assert_eq!(review.key, "review:2026-03-30");
    assert_eq!(review.link, AgendaLink::Summary);
    assert_eq!(
        review.title,
        "Your review with your OT is on Monday 30 March"
    );
    assert!(keys(&a.due).contains(&"measure:work_ability:r2026-03-30"));
    let a = agenda(&data, at(d(2026, 3, 29)));
    assert_eq!(a.due[0].title, "Your review with your OT is tomorrow");
    // Done in the week before the review: no longer due.
    data.ratings
        .work_ability
        .push(crate::domain::ratings::WorkAbilityScore {
            date: d(2026, 3, 25),
            score: 6,
        });
    let a = agenda(&data, at(d(2026, 3, 27)));
    assert!(!keys(&a.due)
        .iter()
        .any(|k| k.starts_with("measure:work_ability")));
    // The day after the review it is gone.
    assert!(!agenda(&data, at(d(2026, 3, 31)))
        .due
        .iter()
        .any(|i| i.kind == AgendaKind::Review));
}

#[test]
fn a_review_date_the_person_entered_counts_when_there_is_no_plan() {
    let mut data = AppData::default();
    data.settings.next_review = Some(d(2026, 5, 6));
    let a = agenda(&data, at(d(2026, 5, 1)));
    assert_eq!(keys(&a.due), vec!["review:2026-05-06"]);
}

#[test]
fn every_four_weeks_counts_from_the_last_time() {
    let mut data = with_plan(plan(), d(2026, 3, 2));
    data.ratings.self_efficacy.push(SelfEfficacyResponse {
        date: d(2026, 3, 2),
        items: [Some(5); 6],
    });
    assert!(!keys(&agenda(&data, at(d(2026, 3, 29))).due)
        .iter()
        .any(|k| k.starts_with("measure:self_efficacy")));
    assert!(
        keys(&agenda(&data, at(d(2026, 3, 30))).due).contains(&"measure:self_efficacy:2026-03-30")
    );
}

#[test]
fn falls_check_every_three_months_for_the_older_adults_group() {
    let mut p = plan();
    p.measures = vec![PlanMeasureItem {
        measure: PlanMeasure::Falls,
        when: MeasureWhen::EveryThreeMonths,
    }];
    let mut data = with_plan(p, d(2026, 3, 2));
    let a = agenda(&data, at(d(2026, 3, 2)));
    assert!(keys(&a.due).contains(&"measure:falls:start"));
    assert_eq!(
        a.due.last().unwrap().link,
        AgendaLink::Measure(PlanMeasure::Falls)
    );
    data.home_safety.falls_checks.push(FallsCheck {
        id: Default::default(),
        date: d(2026, 3, 2),
        answers: vec![false; 12],
    });
    assert!(!keys(&agenda(&data, at(d(2026, 6, 1))).due)
        .iter()
        .any(|k| k.starts_with("measure:falls")));
    assert!(keys(&agenda(&data, at(d(2026, 6, 2))).due).contains(&"measure:falls:2026-06-02"));
}

/// British Summer Time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026: the
/// week still runs Monday to Sunday, counted in calendar days, never hours.
#[test]
fn weeks_across_the_clock_changes() {
    let mut data = with_plan(plan(), d(2026, 3, 23));
    check_in(&mut data, d(2026, 3, 23));
    // The clock goes forward at 01:00 on Sunday 29 March: still the same week.
    let sunday = d(2026, 3, 29).and_hms_opt(23, 30, 0).unwrap();
    assert!(!keys(&agenda(&data, sunday).due)
        .iter()
        .any(|k| k.starts_with("measure:confidence")));
    let monday = d(2026, 3, 30).and_hms_opt(0, 30, 0).unwrap();
    assert!(keys(&agenda(&data, monday).due).contains(&"measure:confidence:w2026-03-30"));
    // Autumn: ticked twice in the week the clocks go back, the weekly step is not due on the
    // Sunday, and is due again on the Monday after.
    let mut data = with_plan(plan(), d(2026, 10, 19));
    let task = &mut data.goals[0].tasks[1];
    task.done.push(TaskCompletion {
        date: d(2026, 10, 19),
        note: String::new(),
    });
    task.done.push(TaskCompletion {
        date: d(2026, 10, 24),
        note: String::new(),
    });
    let a = agenda(&data, d(2026, 10, 25).and_hms_opt(1, 30, 0).unwrap());
    assert!(!keys(&a.due).iter().any(|k| k.starts_with("step:0:2")));
    let a = agenda(&data, at(d(2026, 10, 26)));
    assert!(keys(&a.due).contains(&"step:0:2:w2026-10-26"));
    // Every 4 weeks across the autumn change: 28 calendar days.
    data.ratings.self_efficacy.push(SelfEfficacyResponse {
        date: d(2026, 10, 5),
        items: [Some(5); 6],
    });
    assert_eq!(
        measure_next_due(
            MeasureWhen::EveryFourWeeks,
            &[d(2026, 10, 5)],
            d(2026, 10, 30),
            None
        ),
        Some((d(2026, 11, 2), "2026-11-02".into()))
    );
}

#[test]
fn a_plan_updated_mid_week_changes_what_is_due_from_that_day() {
    let mut data = with_plan(plan(), d(2026, 3, 2));
    // Checked in on Monday: done for the week under the first version.
    check_in(&mut data, d(2026, 3, 2));
    let wednesday = d(2026, 3, 4);
    assert!(!keys(&agenda(&data, at(wednesday)).due)
        .iter()
        .any(|k| k.starts_with("measure:confidence")));
    // On Wednesday the OT updates the plan: the check-in every day, and a new review date.
    let mut update = plan();
    update.revision = 2;
    update.measures[0].when = MeasureWhen::Daily;
    update.next_review = Some(d(2026, 3, 9));
    import(&mut data, signed(update), wednesday).unwrap();
    let a = agenda(&data, at(wednesday));
    assert!(keys(&a.due).contains(&"measure:confidence:2026-03-04"));
    assert_eq!(a.due[0].key, "review:2026-03-09");
    // Monday's check-in still counts for the summary: the last review is none yet.
    assert_eq!(last_review(&data, wednesday), None);
}

#[test]
fn put_off_until_tomorrow_and_dismissed_by_key() {
    let today = d(2026, 3, 2);
    let mut data = with_plan(plan(), today);
    let key = "measure:confidence:w2026-03-02".to_string();
    data.apply(Command::Agenda(AgendaCommand::PutOff {
        key: key.clone(),
        until: today + Duration::days(1),
    }))
    .unwrap();
    let a = agenda(&data, at(today));
    assert!(!keys(&a.due).contains(&key.as_str()));
    assert_eq!(a.hidden, 1);
    // Tomorrow it is back (same week, same key).
    assert!(keys(&agenda(&data, at(d(2026, 3, 3))).due).contains(&key.as_str()));
    data.apply(Command::Agenda(AgendaCommand::Dismiss { key: key.clone() }))
        .unwrap();
    assert!(!keys(&agenda(&data, at(d(2026, 3, 3))).due).contains(&key.as_str()));
    // Next week's is a new occurrence, so it shows.
    assert!(keys(&agenda(&data, at(d(2026, 3, 9))).due).contains(&"measure:confidence:w2026-03-09"));
    // Undo.
    data.apply(Command::Agenda(AgendaCommand::Restore { key: key.clone() }))
        .unwrap();
    assert!(keys(&agenda(&data, at(d(2026, 3, 3))).due).contains(&key.as_str()));
    // A key nobody could have made is refused, nothing changed.
    let before = data.clone();
    assert!(data
        .apply(Command::Agenda(AgendaCommand::Dismiss {
            key: String::new()
        }))
        .is_err());
    assert_eq!(data, before);
}

#[test]
fn dismissed_keys_are_capped() {
    let mut data = AppData::default();
    for i in 0..(MAX_DISMISSED + 5) {
        data.apply(Command::Agenda(AgendaCommand::Dismiss {
            key: format!("k{i}"),
        }))
        .unwrap();
    }
    assert_eq!(data.settings.agenda.dismissed.len(), MAX_DISMISSED);
    assert_eq!(data.settings.agenda.dismissed[0], "k5");
    data.validate().unwrap();
}

#[test]
fn a_marked_day_keeps_only_the_review() {
    let today = d(2026, 3, 25);
    let mut data = with_plan(plan(), d(2026, 3, 2));
    data.day_marks.push(DayMark {
        date: today,
        kind: DayKind::Unwell,
    });
    let a = agenda(&data, at(today));
    assert_eq!(keys(&a.due), vec!["review:2026-03-30"]);
    assert_eq!(a.marked, Some(DayKind::Unwell));
    assert!(a.quiet.iter().any(|i| i.kind == AgendaKind::Step));
    assert!(a
        .quiet
        .iter()
        .any(|i| i.kind == AgendaKind::Measure(PlanMeasure::Confidence)));
    // The next day is ordinary again.
    assert!(agenda(&data, at(d(2026, 3, 26))).quiet.is_empty());
}

#[test]
fn phased_return_workplace_home_and_backup() {
    let today = d(2026, 3, 4); // a Wednesday
    let mut data = AppData::default();
    for (i, starts) in [d(2026, 2, 26), d(2026, 3, 5), d(2026, 3, 12)]
        .into_iter()
        .enumerate()
    {
        data.workplace.phased_return.push(PhasedReturnWeek {
            id: Default::default(),
            starts,
            hours: 8 * (i as u8 + 1),
            half_hour: i == 1,
            days: 2 + i as u8,
            done: false,
        });
    }
    data.workplace.items.push(WorkplaceItem {
        id: WorkplaceItemId(7),
        kind: AdviceKind::AlteredHours,
        text: "Start at 10am".into(),
        status: ItemStatus::Agreed,
        reason: String::new(),
        owner: Owner::Employer,
        review: Some(d(2026, 3, 1)),
        since: None,
        note: String::new(),
        private: false,
        source: Source::Me,
    });
    let hazard = |id, room, applies, done: bool| HazardCheck {
        id: HazardId(id),
        room,
        hazard: format!("Hazard {id}"),
        fix: "Fix it".into(),
        key: String::new(),
        applies,
        actions: if done {
            vec![ActionLogEntry {
                id: Default::default(),
                date: d(2026, 2, 1),
                what: "Done".into(),
            }]
        } else {
            Vec::new()
        },
        source: Source::Me,
    };
    data.home_safety.hazards = vec![
        hazard(1, Room::Bathroom, true, false),
        hazard(2, Room::Bathroom, true, false),
        hazard(3, Room::Kitchen, true, true),
        hazard(4, Room::Kitchen, false, false),
    ];
    data.settings.last_backup = Some(at(d(2026, 2, 1)));
    let a = agenda(&data, at(today));
    assert_eq!(
        keys(&a.due),
        vec!["work:7:2026-03-01", "home:bathroom:2", "return:2026-03-05",]
    );
    let week = a.due.last().unwrap();
    assert_eq!(
        week.title,
        "Week 2 of 3 of your phased return starts tomorrow"
    );
    assert_eq!(week.detail, "16.5 hours over 3 days.");
    assert_eq!(a.due[1].link, AgendaLink::HomeRoom(Room::Bathroom));
    assert_eq!(
        a.due[1].title,
        "Home safety, bathroom: 2 things still to do"
    );
    // An old backup with nothing new since, or a fresh one: no backup item.
    data.settings.last_backup = Some(at(d(2026, 3, 3)));
    assert!(!agenda(&data, at(today))
        .due
        .iter()
        .any(|i| i.kind == AgendaKind::Backup));
    data.settings.last_backup = Some(at(d(2026, 2, 15)));
    assert!(!agenda(&data, at(today))
        .due
        .iter()
        .any(|i| i.kind == AgendaKind::Backup));
    data.ratings.confidence.push(ConfidenceCheckIn {
        date: d(2026, 3, 1),
        score: 5,
        note: String::new(),
    });
    assert!(agenda(&data, at(today))
        .due
        .iter()
        .any(|i| i.key == "backup:2026-02-15"));
}

#[test]
fn the_last_review_comes_from_the_plans_review_dates() {
    let mut data = with_plan(plan(), d(2026, 3, 2));
    assert_eq!(last_review(&data, d(2026, 3, 30)), None);
    assert_eq!(last_review(&data, d(2026, 3, 31)), Some(d(2026, 3, 30)));
    assert_eq!(
        crate::domain::summary::review_start(&data, d(2026, 4, 10)),
        Some(d(2026, 3, 30))
    );
    // A later date the person entered wins.
    data.settings.last_review = Some(d(2026, 4, 2));
    assert_eq!(last_review(&data, d(2026, 4, 10)), Some(d(2026, 4, 2)));
    // An older entered date does not hide the plan's later review.
    data.settings.last_review = Some(d(2026, 2, 2));
    assert_eq!(last_review(&data, d(2026, 4, 10)), Some(d(2026, 3, 30)));
}

#[test]
fn choices_are_additive_and_old_data_reads() {
    let old = r#"{"settings":{"welcome_done":true}}"#;
    let data: AppData = serde_json::from_str(old).unwrap();
    assert!(data.settings.agenda.is_default());
    // Nothing new is written until something is chosen.
    assert!(!serde_json::to_string(&data).unwrap().contains("agenda"));
    let mut data = data;
    data.apply(Command::Agenda(AgendaCommand::SetDiaryReminder(
        NaiveTime::from_hms_opt(20, 0, 0),
    )))
    .unwrap();
    let text = serde_json::to_string(&data).unwrap();
    assert!(text.contains(r#""agenda":{"diary_reminder":"20:00:00"}"#));
    let back: AppData = serde_json::from_str(&text).unwrap();
    assert_eq!(back, data);
}

#[test]
fn reminder_events_for_review_measures_weeks_and_diary() {
    let today = d(2026, 3, 4);
    let mut data = with_plan(plan(), d(2026, 3, 2));
    check_in(&mut data, d(2026, 3, 2));
    data.workplace.phased_return.push(PhasedReturnWeek {
        id: Default::default(),
        starts: d(2026, 3, 9),
        hours: 12,
        half_hour: true,
        days: 3,
        done: false,
    });
    data.settings.agenda.diary_reminder = NaiveTime::from_hms_opt(20, 30, 0);
    let events = reminder_events(&data, today);
    let keys: Vec<_> = events.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "review",
            "measure-confidence",
            "measure-self_efficacy",
            "measure-work_ability",
            "return-week-1",
            "diary"
        ]
    );
    assert_eq!(events[0].time, EventTime::Day(d(2026, 3, 30)));
    // Done this week: the weekly check-in starts next Monday, at 09:00 local, every week.
    assert_eq!(
        events[1].time,
        EventTime::At(d(2026, 3, 9).and_hms_opt(9, 0, 0).unwrap(), 15)
    );
    assert_eq!(events[1].repeat, Some(Repeat::Weeks(1)));
    assert_eq!(events[2].repeat, Some(Repeat::Weeks(4)));
    // Before the review: the start of the week before it, once.
    assert_eq!(
        events[3].time,
        EventTime::At(d(2026, 3, 23).and_hms_opt(9, 0, 0).unwrap(), 15)
    );
    assert_eq!(events[3].repeat, None);
    // The half hour is in the week's words (37.5 hours is a usual working week).
    assert_eq!(events[4].description, "12.5 hours this week.");
    assert_eq!(events[5].repeat, Some(Repeat::Daily));
    assert!(events.iter().all(|e| !e.alarms_before.is_empty()));
}

/// Writes sample calendar files made from sample data into `target/ics-samples` (or
/// `$EVERYDAY_ICS_SAMPLES`), for `scripts/check-ics.py` to read with an independent parser.
#[test]
fn writes_sample_calendar_files_for_the_independent_check() {
    let dir = std::env::var("EVERYDAY_ICS_SAMPLES")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target/ics-samples").to_string());
    std::fs::create_dir_all(&dir).unwrap();
    let stamp = d(2026, 3, 4).and_hms_opt(8, 15, 0).unwrap();
    let write = |name: &str, data: &AppData, today: NaiveDate| {
        let text = crate::domain::ics::write_calendar(&reminder_events(data, today), stamp);
        std::fs::write(format!("{dir}/{name}"), text).unwrap();
    };

    // A plan with every kind of reminder.
    let mut data = with_plan(plan(), d(2026, 3, 2));
    data.workplace.phased_return = (0..4)
        .map(|i| PhasedReturnWeek {
            id: Default::default(),
            starts: d(2026, 3, 9) + Duration::days(7 * i),
            hours: 8 + 4 * i as u8,
            half_hour: i == 3,
            days: 2 + i as u8,
            done: false,
        })
        .collect();
    data.settings.agenda.diary_reminder = NaiveTime::from_hms_opt(20, 0, 0);
    write("plan.ics", &data, d(2026, 3, 4));

    // Two years of realistic data with a plan asking for every measure, in the week the
    // clocks go forward.
    let mut data = crate::domain::sample::two_years(d(2026, 3, 27));
    let mut p = plan();
    p.measures = PlanMeasure::ALL
        .iter()
        .zip(MeasureWhen::ALL)
        .map(|(m, w)| PlanMeasureItem {
            measure: *m,
            when: w,
        })
        .collect();
    import(&mut data, signed(p), d(2026, 3, 2)).unwrap();
    data.settings.agenda.diary_reminder = NaiveTime::from_hms_opt(9, 15, 0);
    write("two-years.ics", &data, d(2026, 3, 27));

    // Words that need escaping and folding: the summary of an event is fixed, so the
    // description of a phased-return week is checked through a long, awkward review text.
    let mut events = reminder_events(&data, d(2026, 3, 27));
    events.push(CalendarEvent {
        key: "awkward; key, with\\ odd: characters".into(),
        summary: "Café, tea; and a \\ backslash — with a long line that must be folded \
                  somewhere past the seventy-fifth octet ✓✓✓✓"
            .into(),
        description: "First line\nSecond line, with a comma; and a semicolon\r\nThird 🙂 line"
            .into(),
        time: EventTime::Day(d(2026, 10, 25)),
        repeat: None,
        alarms_before: vec![60],
    });
    std::fs::write(
        format!("{dir}/escaping.ics"),
        crate::domain::ics::write_calendar(&events, stamp),
    )
    .unwrap();
}

#[test]
fn since_the_last_review_needs_no_typed_date_once_a_plans_review_has_passed() {
    use crate::domain::summary::{choose_period, PeriodChoice};
    let data = with_plan(plan(), d(2026, 3, 2));
    // Before: the person had to type the date of their last review.
    assert_eq!(
        choose_period(PeriodChoice::SinceReview, &data, d(2026, 4, 8), "", ""),
        Ok((d(2026, 3, 30), d(2026, 4, 8)))
    );
}

#[test]
fn steps_keep_the_goal_pages_order_and_hide_when_put_off() {
    let today = d(2026, 3, 2);
    let mut data = with_plan(plan(), today);
    // The daily step ticked today: still shown (as done), in its place before the weekly one.
    data.goals[0].tasks[0].done.push(TaskCompletion {
        date: today,
        note: String::new(),
    });
    let a = agenda(&data, at(today));
    assert_eq!(
        a.steps,
        vec![(GoalId(0), TaskId(1)), (GoalId(0), TaskId(2))]
    );
    assert_eq!(keys(&a.done), vec!["step:0:1:2026-03-02"]);
    data.apply(Command::Agenda(AgendaCommand::PutOff {
        key: "step:0:2:w2026-03-02".into(),
        until: d(2026, 3, 3),
    }))
    .unwrap();
    assert_eq!(agenda(&data, at(today)).steps, vec![(GoalId(0), TaskId(1))]);
}
