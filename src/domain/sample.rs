//! Two years of realistic data, generated deterministically, for benchmarks and scale tests.

use chrono::{Duration, NaiveDate, NaiveTime};

use super::activity::{DayKind, DayMark, DiaryEntry, EntryRatings, LifeArea};
use super::checklists::{
    ActionLogEntry, AdviceKind, Difficulty, HazardCheck, ItemStatus, Owner, PhasedReturnWeek, Room,
    WorkplaceItem,
};
use super::goals::{
    AttainmentLevels, Goal, GoalRating, GoalStatus, GoalTask, ProgressRecord, Source,
    TaskCompletion, TaskFrequency,
};
use super::ids::{EntryId, GoalId, HazardId, OutcomeId, TaskId, WorkplaceItemId};
use super::outcomes::{OutcomeEvent, OutcomeKind};
use super::ratings::{ConfidenceCheckIn, SelfEfficacyResponse, WorkAbilityScore};
use super::state::AppData;

/// A small deterministic pseudo-random sequence (no dependency, same data on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u32) as usize]
    }
}

const ACTIVITIES: [(&str, LifeArea); 16] = [
    ("Shower and get dressed", LifeArea::SelfCare),
    ("Make breakfast", LifeArea::SelfCare),
    ("Take medication", LifeArea::SelfCare),
    ("Cook dinner", LifeArea::SelfCare),
    ("Work from home", LifeArea::Productivity),
    ("Hoover the living room", LifeArea::Productivity),
    ("Food shopping", LifeArea::Productivity),
    ("Pick up grandchildren from school", LifeArea::Productivity),
    ("Walk to the park", LifeArea::Leisure),
    ("Phone my sister", LifeArea::Leisure),
    ("Gardening", LifeArea::Leisure),
    ("Watch a film", LifeArea::Leisure),
    ("Knitting group", LifeArea::Leisure),
    ("Lie down after lunch", LifeArea::Rest),
    ("Relaxation exercise", LifeArea::Rest),
    ("Sit in the garden", LifeArea::Rest),
];

const NOTES: [&str; 6] = [
    "Felt tired afterwards",
    "Easier than last week",
    "Needed a break halfway",
    "Back was sore",
    "Enjoyed it more than I expected",
    "Did it with my neighbour",
];

/// Two years of data ending on `end`: 7,300 diary entries, 20 goals with 2,000 progress records
/// and 5,000 task completions, a year of weekly ratings, checklists and outcome events.
pub fn two_years(end: NaiveDate) -> AppData {
    build(end, &TWO_YEARS)
}

/// Five years of heavy use ending on `end`: 18,250 diary entries each with a note, 40 goals
/// with 5,000 progress records and 10,000 task completions, five years of weekly ratings,
/// checklists and outcome events.
pub fn five_years(end: NaiveDate) -> AppData {
    build(end, &FIVE_YEARS)
}

/// How much data to make.
struct Scale {
    days: i64,
    goals: u32,
    progress_per_goal: i64,
    /// Progress dates spread over this many days from the goal's start.
    progress_span: i64,
    weeks: i64,
    /// Every diary entry has a note (otherwise one in five).
    all_notes: bool,
}

const TWO_YEARS: Scale = Scale {
    days: 730,
    goals: 20,
    progress_per_goal: 100,
    progress_span: 700,
    weeks: 52,
    all_notes: false,
};

const FIVE_YEARS: Scale = Scale {
    days: 1825,
    goals: 40,
    progress_per_goal: 125,
    progress_span: 600,
    weeks: 260,
    all_notes: true,
};

fn build(end: NaiveDate, scale: &Scale) -> AppData {
    let mut rng = Lcg(0x5eed);
    let start = end - Duration::days(scale.days - 1);
    let mut data = AppData::default();
    data.settings.welcome_done = true;
    data.settings.name = "J. S.".into();
    data.settings.ot_start = Some(start + Duration::days(60));
    let mut next = 1u32;
    let mut id = || {
        next += 1;
        next
    };

    // Diary: ten entries a day.
    for d in 0..scale.days {
        let date = start + Duration::days(d);
        for slot in 0..10u32 {
            let (what, area) = ACTIVITIES[rng.below(ACTIVITIES.len() as u32) as usize];
            let rated = rng.below(3) == 0;
            data.diary.push(DiaryEntry {
                id: EntryId(id()),
                date,
                time: NaiveTime::from_hms_opt(7 + slot + rng.below(2), 15 * rng.below(4), 0),
                part: None,
                minutes: 10 + 5 * rng.below(18) as u16,
                area,
                what: what.to_string(),
                note: if rng.below(5) == 0 || scale.all_notes {
                    rng.pick(&NOTES).to_string()
                } else {
                    String::new()
                },
                ratings: if rated {
                    EntryRatings {
                        mood: Some(rng.below(11) as u8),
                        enjoyment: Some(rng.below(11) as u8),
                        effort: Some(rng.below(11) as u8),
                        ..EntryRatings::default()
                    }
                } else {
                    EntryRatings::default()
                },
            });
        }
        if rng.below(30) == 0 {
            data.day_marks.push(DayMark {
                date,
                kind: DayKind::Unwell,
            });
        }
    }

    // Goals: 20 goals, 100 progress records each, 5,000 task completions in all.
    for g in 0..scale.goals {
        let created = start + Duration::days(i64::from(g) * 30);
        let mut goal = Goal {
            id: GoalId(id()),
            activity: format!("Walk to the corner shop and back, goal {}", g + 1),
            support: "with my walking stick and my daughter nearby".into(),
            amount: "three times a week without stopping".into(),
            by_when: Some(created + Duration::days(90)),
            levels: AttainmentLevels {
                much_less: "I do not go out at all".into(),
                somewhat_less: "I go once a week with help".into(),
                expected: "I go three times a week".into(),
                somewhat_more: "I go four times a week".into(),
                much_more: "I go every day and carry the shopping".into(),
            },
            baseline: -1 - (g % 2) as i8,
            importance: Some((g % 4) as u8),
            difficulty: Some(((g + 1) % 4) as u8),
            status: if g < 15 {
                GoalStatus::Active
            } else {
                GoalStatus::Completed
            },
            created,
            tasks: Vec::new(),
            progress: Vec::new(),
            ratings: vec![GoalRating {
                date: created,
                importance: 8,
                performance: 3,
                satisfaction: 2,
            }],
            source: if g % 3 == 0 {
                Source::Ot {
                    plan: "plan-1".into(),
                    key: format!("g{g}"),
                }
            } else {
                Source::Me
            },
        };
        for p in 0..scale.progress_per_goal {
            goal.progress.push(ProgressRecord {
                date: created + Duration::days(p * 6 % scale.progress_span),
                level: (rng.below(5) as i8) - 2,
                note: if p % 4 == 0 {
                    rng.pick(&NOTES).to_string()
                } else {
                    String::new()
                },
            });
        }
        goal.progress.sort_by_key(|p| p.date);
        for t in 0..5u32 {
            let mut task = GoalTask {
                id: TaskId(id()),
                title: format!("Step {}: practise for ten minutes", t + 1),
                frequency: TaskFrequency::Weekly { times: 3 },
                done: Vec::new(),
                dropped: false,
                source: Source::Me,
            };
            for c in 0..50 {
                task.done.push(TaskCompletion {
                    date: created + Duration::days(c * 2),
                    note: if c % 10 == 0 {
                        "Managed it".into()
                    } else {
                        String::new()
                    },
                });
            }
            goal.tasks.push(task);
        }
        data.goals.push(goal);
    }

    // Weekly ratings.
    for w in 0..scale.weeks {
        let date = end - Duration::days(7 * (scale.weeks - 1 - w));
        data.ratings.confidence.push(ConfidenceCheckIn {
            date,
            score: (3 + w % 52 / 10) as u8,
            note: String::new(),
        });
        data.ratings.work_ability.push(WorkAbilityScore {
            date,
            score: (4 + w % 52 / 13) as u8,
        });
        if w % 6 == 0 {
            data.ratings.self_efficacy.push(SelfEfficacyResponse {
                date,
                items: [Some(4), Some(5), None, Some(6), Some(5), Some(7)],
            });
        }
    }

    // Checklists.
    let kinds = [
        AdviceKind::PhasedReturn,
        AdviceKind::AlteredHours,
        AdviceKind::AmendedDuties,
        AdviceKind::WorkplaceAdaptations,
        AdviceKind::WorkplaceAssessment,
    ];
    for i in 0..25u32 {
        data.workplace.items.push(WorkplaceItem {
            id: WorkplaceItemId(id()),
            kind: kinds[(i % 5) as usize],
            text: format!("Regular short breaks, item {}", i + 1),
            status: if i % 4 == 0 {
                ItemStatus::Agreed
            } else {
                ItemStatus::Suggested
            },
            reason: String::new(),
            owner: Owner::Employer,
            review: Some(end + Duration::days(28)),
            since: None,
            note: String::new(),
            private: i % 7 == 0,
            source: Source::Me,
        });
    }
    data.workplace.difficulties.push(Difficulty {
        id: Default::default(),
        difficulty: "Sitting for more than an hour".into(),
        recommendation: "A sit-stand desk and a break every hour".into(),
        private: false,
    });
    for w in 0..6u8 {
        data.workplace.phased_return.push(PhasedReturnWeek {
            id: Default::default(),
            starts: end - Duration::days(35 - 7 * i64::from(w)),
            hours: 12 + 4 * w,
            half_hour: false,
            days: 3 + w / 2,
            done: w < 5,
        });
    }
    let rooms = [
        Room::Entrance,
        Room::HallAndStairs,
        Room::LivingRoom,
        Room::Kitchen,
        Room::Bedroom,
        Room::Bathroom,
        Room::GardenAndOutside,
    ];
    for i in 0..42u32 {
        data.home_safety.hazards.push(HazardCheck {
            id: HazardId(id()),
            room: rooms[(i % 7) as usize],
            hazard: "Loose rug by the door".into(),
            fix: "Take it up or tape it down".into(),
            key: String::new(),
            applies: i % 3 == 0,
            actions: if i % 3 == 0 {
                vec![ActionLogEntry {
                    id: Default::default(),
                    date: end - Duration::days(100),
                    what: "My son taped it down".into(),
                }]
            } else {
                Vec::new()
            },
            source: Source::Me,
        });
    }

    // Outcomes: GP appointments and sick days.
    for i in 0..60i64 {
        let date = start + Duration::days(i * 12);
        data.outcomes.push(OutcomeEvent {
            id: OutcomeId(id()),
            date,
            kind: match i % 4 {
                0 => OutcomeKind::GpAppointment,
                1 | 2 => OutcomeKind::SickDay,
                _ => OutcomeKind::FitNoteRequested,
            },
            reason: if i % 4 == 0 {
                "Back pain".into()
            } else {
                String::new()
            },
        });
    }
    data.next_id = next + 1;
    // The rows made above without ids get theirs here, as stored data would on loading.
    data.normalise();
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_years_has_the_promised_scale_and_is_valid() {
        let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let data = two_years(end);
        let c = data.contents();
        assert_eq!(c.diary_entries, 7_300);
        assert_eq!(c.goals, 20);
        assert_eq!(c.progress_records, 2_000);
        assert_eq!(c.tasks_done, 5_000);
        assert!(c.ratings >= 104);
        data.validate().unwrap();
        assert!(data.diary.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn five_years_has_the_promised_scale_and_is_valid() {
        let end = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let data = five_years(end);
        let c = data.contents();
        assert_eq!(c.diary_entries, 18_250);
        assert!(data.diary.iter().all(|e| !e.note.is_empty()));
        assert_eq!(c.goals, 40);
        assert_eq!(c.progress_records, 5_000);
        assert!(c.ratings >= 520);
        data.validate().unwrap();
        assert!(data.diary.last().unwrap().date <= end);
    }
}
