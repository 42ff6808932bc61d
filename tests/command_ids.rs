//! Commands name their records by id (issue 13, faults 3 and 4): a command re-applied on top of
//! another tab's changes affects the record it was made for, or is refused plainly when that
//! record is gone; "same as yesterday" then Undo takes away exactly what the copy added; and
//! loading (storage or a backup) leaves the id counter above every id in use and gives an id,
//! the same one in every tab, to each record stored before records had ids.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use everyday::domain::activity::{EntryRatings, LifeArea};
use everyday::domain::backup::{check_backup, encode_backup};
use everyday::domain::checklists::{
    ActionLogEntry, ChecklistCommand, Difficulty, FallsCheck, HazardRef, PhasedReturnWeek,
};
use everyday::domain::diary::{DiaryCommand, EntryDraft};
use everyday::domain::goals::{GoalCommand, GoalDraft, TaskFrequency};
use everyday::domain::ids::{ActionId, DifficultyId, EntryId, FallsCheckId};
use everyday::domain::state::{AppData, Command};
use everyday::domain::workplace::{plan_weeks, HalfHours};
use everyday::storage::engine::PART_PREFIX;
use everyday::storage::{KeyValue, MemoryKv, SaveError, Store};
use serde_json::Value;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn at(day: u32) -> NaiveDateTime {
    d(day).and_hms_opt(9, 0, 0).unwrap()
}

fn draft(date: NaiveDate, what: &str) -> EntryDraft {
    EntryDraft {
        date,
        time: None,
        part: None,
        minutes: 30,
        area: LifeArea::Leisure,
        what: what.into(),
        note: String::new(),
        ratings: EntryRatings::default(),
    }
}

fn diary(data: &mut AppData, command: DiaryCommand) {
    data.apply(Command::Diary(command)).unwrap();
}

fn checklist(data: &mut AppData, command: ChecklistCommand) -> Result<(), String> {
    data.apply(Command::Checklist(command))
        .map_err(|e| e.to_string())
}

/// The largest id anywhere in the data (as the JSON shows it), for checking the counter.
fn largest_id(value: &Value) -> u64 {
    match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| match (k.as_str(), v) {
                ("id", Value::Number(n)) => n.as_u64().unwrap_or(0),
                _ => largest_id(v),
            })
            .max()
            .unwrap_or(0),
        Value::Array(items) => items.iter().map(largest_id).max().unwrap_or(0),
        _ => 0,
    }
}

/// Take away the `id` of the rows that had none before issue 13.
fn strip_new_ids(data: &mut Value) {
    let rows = [
        "/workplace/difficulties",
        "/workplace/phased_return",
        "/home_safety/falls_checks",
    ];
    for path in rows {
        if let Some(Value::Array(items)) = data.pointer_mut(path) {
            for item in items {
                item.as_object_mut().unwrap().remove("id");
            }
        }
    }
    if let Some(Value::Array(hazards)) = data.pointer_mut("/home_safety/hazards") {
        for h in hazards {
            if let Some(Value::Array(actions)) = h.get_mut("actions") {
                for a in actions {
                    a.as_object_mut().unwrap().remove("id");
                }
            }
        }
    }
}

/// A backup file's text for `data`, edited as JSON by `edit`.
fn backup_text(data: &AppData, edit: impl FnOnce(&mut Value)) -> String {
    let mut file: Value = serde_json::from_str(&encode_backup(data, at(20))).unwrap();
    edit(file.get_mut("data").unwrap());
    file.to_string()
}

/// Data with diary entries on 1 and 2 March (ids 1 to 4), as a person would have it.
fn diary_data() -> AppData {
    let mut data = AppData::default();
    diary(&mut data, DiaryCommand::Add(draft(d(1), "Walk")));
    diary(&mut data, DiaryCommand::Add(draft(d(1), "Cook")));
    diary(&mut data, DiaryCommand::Add(draft(d(2), "Read")));
    diary(&mut data, DiaryCommand::Add(draft(d(2), "Phone a friend")));
    data
}

#[test]
fn a_backup_without_next_id_then_copy_and_undo_keeps_every_older_entry() {
    let data = diary_data();
    let text = backup_text(&data, |v| {
        v.as_object_mut().unwrap().remove("next_id");
    });
    let restored = check_backup(text.as_bytes()).unwrap().data;
    // Before the fix the counter stayed at 0, below every entry's id.
    assert!(restored.next_id > 3, "next_id {}", restored.next_id);
    let mut after = restored.clone();
    diary(
        &mut after,
        DiaryCommand::Repeat {
            from: d(1),
            to: d(2),
            batch: 1,
        },
    );
    assert_eq!(after.diary.len(), 6);
    // Every copy has an id no older entry has.
    let ids: std::collections::BTreeSet<EntryId> = after.diary.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 6);
    diary(&mut after, DiaryCommand::UndoRepeat { batch: 1 });
    assert_eq!(after.diary, restored.diary);
    // "Read" and "Phone a friend" (older entries on the day copied onto) are still there.
    assert_eq!(
        after
            .diary
            .iter()
            .filter(|e| e.date == d(2))
            .map(|e| e.what.as_str())
            .collect::<Vec<_>>(),
        ["Read", "Phone a friend"]
    );
}

#[test]
fn stored_data_with_a_stale_counter_is_loaded_with_one_above_every_id() {
    let data = diary_data();
    let mut store = Store::new(MemoryKv::default());
    store.save(&data, at(3)).unwrap();
    // The core part (which holds the counter) from an older save: counter 0.
    let key = format!("{PART_PREFIX}core");
    let mut core: Value = serde_json::from_str(&store.kv().get(&key).unwrap()).unwrap();
    core["data"]["next_id"] = Value::from(0);
    let mut kv = store.kv().clone();
    kv.set(&key, &core.to_string()).unwrap();
    let loaded = Store::new(kv).load(1).data;
    assert_eq!(loaded.diary, data.diary);
    assert_eq!(loaded.next_id, 4);
}

#[test]
fn copy_then_undo_after_another_tab_saved_removes_only_the_copies() {
    let start = diary_data();
    let mut tab_a = Store::new(MemoryKv::default());
    tab_a.save(&start, at(3)).unwrap();
    // Tab B adds two entries on 2 March and saves.
    let mut tab_b = Store::new(tab_a.kv().clone());
    let mut b_data = tab_b.load(1).data;
    diary(&mut b_data, DiaryCommand::Add(draft(d(2), "Swim")));
    diary(&mut b_data, DiaryCommand::Add(draft(d(2), "Nap")));
    tab_b.save(&b_data, at(4)).unwrap();
    *tab_a.kv_mut() = tab_b.kv().clone();

    // Tab A, with a stale counter, copies 1 March onto 2 March: its save is refused, it
    // brings in B's data and re-applies the copy there (as `AppState::save` does).
    let copy = Command::Diary(DiaryCommand::Repeat {
        from: d(1),
        to: d(2),
        batch: 42,
    });
    let mut a_data = start.clone();
    a_data.apply(copy.clone()).unwrap();
    assert_eq!(tab_a.save(&a_data, at(5)), Err(SaveError::Conflict));
    let mut merged = tab_a.reload(2).data;
    merged.apply(copy).unwrap();
    tab_a.save(&merged, at(5)).unwrap();
    // The same copy got other ids the second time: B's entries took the ones A first used.
    assert_eq!(merged.diary.len(), 8);
    // What the page used to undo: every entry on 2 March with an id at or above the counter it
    // saw before copying. That took B's entries too.
    let old_rule: Vec<&str> = merged
        .diary
        .iter()
        .filter(|e| e.date == d(2) && e.id.0 >= start.next_id)
        .map(|e| e.what.as_str())
        .collect();
    assert!(old_rule.contains(&"Swim") && old_rule.contains(&"Nap"));

    // Undo: only the two copies go; B's "Swim" and "Nap" stay.
    let undo = Command::Diary(DiaryCommand::UndoRepeat { batch: 42 });
    merged.apply(undo).unwrap();
    tab_a.save(&merged, at(6)).unwrap();
    let final_data = Store::new(tab_a.kv().clone()).load(3).data;
    assert_eq!(final_data.diary, b_data.diary);
}

#[test]
fn an_undo_of_another_tabs_later_copy_is_never_made() {
    let mut data = diary_data();
    diary(
        &mut data,
        DiaryCommand::Repeat {
            from: d(1),
            to: d(3),
            batch: 1,
        },
    );
    let before = data.clone();
    // A copy this tab never made (or one forgotten) cannot be undone; nothing changes.
    let err = data
        .apply(Command::Diary(DiaryCommand::UndoRepeat { batch: 2 }))
        .unwrap_err();
    assert!(err.to_string().contains("can no longer be undone"), "{err}");
    assert_eq!(data, before);
}

// ---------------------------------------------------------------------------------------------
// Fault 4: rows stored without ids, and commands re-applied after another tab's change.

/// A workplace plan and home-safety checklist as stored before these rows had ids.
fn old_format_data() -> String {
    let mut data = AppData::default();
    for (what, help) in [("Lifting", "No lifting"), ("Stairs", "Ground floor desk")] {
        checklist(
            &mut data,
            ChecklistCommand::AddDifficulty(Difficulty {
                id: DifficultyId::default(),
                difficulty: what.into(),
                recommendation: help.into(),
                private: false,
            }),
        )
        .unwrap();
    }
    let weeks = plan_weeks(d(2), 4, HalfHours::whole(8), HalfHours::whole(36), 3).unwrap();
    checklist(&mut data, ChecklistCommand::SetPhasedReturn(weeks)).unwrap();
    checklist(
        &mut data,
        ChecklistCommand::MarkHazard {
            hazard: HazardRef::Library("living-rugs".into()),
            applies: true,
        },
    )
    .unwrap();
    let hazard = data.home_safety.hazards[0].id;
    for (day, what) in [(3, "Took up the rug"), (5, "Taped the edge")] {
        checklist(
            &mut data,
            ChecklistCommand::LogAction {
                hazard,
                entry: ActionLogEntry {
                    id: ActionId::default(),
                    date: d(day),
                    what: what.into(),
                },
            },
        )
        .unwrap();
    }
    for day in [1, 8] {
        checklist(
            &mut data,
            ChecklistCommand::AddFallsCheck(FallsCheck {
                id: FallsCheckId::default(),
                date: d(day),
                answers: vec![day == 8; 12],
            }),
        )
        .unwrap();
    }
    backup_text(&data, strip_new_ids)
}

fn loaded() -> AppData {
    check_backup(old_format_data().as_bytes()).unwrap().data
}

#[test]
fn rows_stored_without_ids_get_the_same_ids_in_every_tab() {
    let text = old_format_data();
    assert!(!text.contains(r#""phased_return":[{"id""#));
    let tab_a = check_backup(text.as_bytes()).unwrap().data;
    let tab_b = check_backup(text.as_bytes()).unwrap().data;
    assert_eq!(tab_a, tab_b);
    // Every id is set, unique across everything, and below the counter.
    let json = serde_json::to_value(&tab_a).unwrap();
    let mut ids = Vec::new();
    fn collect(v: &Value, ids: &mut Vec<u64>) {
        match v {
            Value::Object(map) => map.iter().for_each(|(k, v)| match (k.as_str(), v) {
                ("id", Value::Number(n)) => ids.push(n.as_u64().unwrap()),
                _ => collect(v, ids),
            }),
            Value::Array(items) => items.iter().for_each(|v| collect(v, ids)),
            _ => {}
        }
    }
    collect(&json, &mut ids);
    // 2 rows, 4 weeks, 1 hazard, 2 actions, 2 checks.
    assert_eq!(ids.len(), 11);
    assert!(ids
        .iter()
        .all(|&id| id != 0 && id < u64::from(tab_a.next_id)));
    let unique: std::collections::BTreeSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    assert_eq!(largest_id(&json) + 1, u64::from(tab_a.next_id));
    // Loading again what was saved changes nothing more.
    let mut again = tab_a.clone();
    again.normalise();
    assert_eq!(again, tab_a);
    // The stored format's version is unchanged.
    assert!(encode_backup(&tab_a, at(9)).contains(r#""version":1"#));
}

/// Tab A makes `command` from `data`; tab B's `change` is saved first; A's command is then
/// re-applied on B's data. Returns B's data after A's command (or A's refusal).
fn after_other_tab(
    data: &AppData,
    change: impl FnOnce(&mut AppData),
    command: ChecklistCommand,
) -> (AppData, Result<(), String>) {
    let mut other = data.clone();
    change(&mut other);
    let result = checklist(&mut other, command);
    (other, result)
}

fn add_row_first(data: &mut AppData) {
    checklist(
        data,
        ChecklistCommand::AddDifficulty(Difficulty {
            id: DifficultyId::default(),
            difficulty: "Noise".into(),
            recommendation: "A quiet room".into(),
            private: false,
        }),
    )
    .unwrap();
    // Moved to the top, so every row after it changes place.
    let row = data.workplace.difficulties.pop().unwrap();
    data.workplace.difficulties.insert(0, row);
}

fn rows(data: &AppData) -> Vec<&str> {
    data.workplace
        .difficulties
        .iter()
        .map(|r| r.difficulty.as_str())
        .collect()
}

#[test]
fn removing_a_difficulty_after_another_tab_changed_the_table() {
    let data = loaded();
    let stairs = data.workplace.difficulties[1].id;
    // B put a row before it: A's removal still takes "Stairs".
    let (after, ok) = after_other_tab(
        &data,
        add_row_first,
        ChecklistCommand::RemoveDifficulty(stairs),
    );
    ok.unwrap();
    assert_eq!(rows(&after), ["Noise", "Lifting"]);
    // B removed the row before it: still "Stairs".
    let (after, ok) = after_other_tab(
        &data,
        |b| {
            b.workplace.difficulties.remove(0);
        },
        ChecklistCommand::RemoveDifficulty(stairs),
    );
    ok.unwrap();
    assert!(rows(&after).is_empty());
    // B removed "Stairs" itself: refused plainly, nothing else goes.
    let (after, err) = after_other_tab(
        &data,
        |b| {
            b.workplace.difficulties.remove(1);
        },
        ChecklistCommand::RemoveDifficulty(stairs),
    );
    assert!(err.unwrap_err().contains("no longer there"));
    assert_eq!(rows(&after), ["Lifting"]);
}

#[test]
fn changing_and_restoring_a_difficulty_after_another_tab_changed_the_table() {
    let data = loaded();
    let lifting = data.workplace.difficulties[0].clone();
    let change = ChecklistCommand::ChangeDifficulty {
        id: lifting.id,
        row: Difficulty {
            recommendation: "Nothing over 5 kg".into(),
            ..lifting.clone()
        },
    };
    let (after, ok) = after_other_tab(&data, add_row_first, change.clone());
    ok.unwrap();
    assert_eq!(rows(&after), ["Noise", "Lifting", "Stairs"]);
    assert_eq!(
        after.workplace.difficulties[1].recommendation,
        "Nothing over 5 kg"
    );
    assert_eq!(
        after.workplace.difficulties[0].recommendation,
        "A quiet room"
    );
    let (_, err) = after_other_tab(
        &data,
        |b| {
            b.workplace.difficulties.remove(0);
        },
        change,
    );
    assert!(err.unwrap_err().contains("no longer there"));

    // Removed in A, then put back (undo) after B added a row at the top: back before "Stairs".
    let stairs = data.workplace.difficulties[1].id;
    let mut a = data.clone();
    checklist(&mut a, ChecklistCommand::RemoveDifficulty(lifting.id)).unwrap();
    add_row_first(&mut a);
    checklist(
        &mut a,
        ChecklistCommand::RestoreDifficulty {
            row: lifting.clone(),
            before: Some(stairs),
        },
    )
    .unwrap();
    assert_eq!(rows(&a), ["Noise", "Lifting", "Stairs"]);
    assert_eq!(a.workplace.difficulties[1], lifting);
    // Putting back a row that is there already is refused.
    assert!(checklist(
        &mut a,
        ChecklistCommand::RestoreDifficulty {
            row: lifting,
            before: None,
        },
    )
    .is_err());
}

#[test]
fn marking_a_week_after_another_tab_changed_the_schedule() {
    let data = loaded();
    let third = data.workplace.phased_return[2].clone();
    let mark = ChecklistCommand::MarkWeek {
        week: third.id,
        done: true,
    };
    // B took the first week out (it was cancelled): A's tick still lands on A's third week.
    let (after, ok) = after_other_tab(
        &data,
        |b| {
            let mut weeks = b.workplace.phased_return.clone();
            weeks.remove(0);
            checklist(b, ChecklistCommand::SetPhasedReturn(weeks)).unwrap();
        },
        mark.clone(),
    );
    ok.unwrap();
    let done: Vec<&PhasedReturnWeek> = after
        .workplace
        .phased_return
        .iter()
        .filter(|w| w.done)
        .collect();
    assert_eq!(done.len(), 1);
    assert_eq!(done[0].starts, third.starts);
    // B made a whole new schedule: the old week is gone, so the tick is refused.
    let (after, err) = after_other_tab(
        &data,
        |b| {
            let weeks = plan_weeks(d(9), 3, HalfHours::whole(10), HalfHours::whole(30), 3).unwrap();
            checklist(b, ChecklistCommand::SetPhasedReturn(weeks)).unwrap();
        },
        mark,
    );
    assert!(err.unwrap_err().contains("no longer there"));
    assert!(after.workplace.phased_return.iter().all(|w| !w.done));
}

#[test]
fn removing_an_action_after_another_tab_logged_an_earlier_one() {
    let data = loaded();
    let hazard = data.home_safety.hazards[0].id;
    let taped = data.home_safety.hazards[0].actions[1].clone();
    assert_eq!(taped.what, "Taped the edge");
    let remove = ChecklistCommand::RemoveAction {
        hazard,
        action: taped.id,
    };
    // B logged something dated earlier, so it sorts first and every place moves.
    let (after, ok) = after_other_tab(
        &data,
        |b| {
            checklist(
                b,
                ChecklistCommand::LogAction {
                    hazard,
                    entry: ActionLogEntry {
                        id: ActionId::default(),
                        date: d(1),
                        what: "Asked my son".into(),
                    },
                },
            )
            .unwrap();
        },
        remove.clone(),
    );
    ok.unwrap();
    let left: Vec<&str> = after.home_safety.hazards[0]
        .actions
        .iter()
        .map(|a| a.what.as_str())
        .collect();
    assert_eq!(left, ["Asked my son", "Took up the rug"]);
    // B removed it already: refused plainly.
    let (_, err) = after_other_tab(
        &data,
        |b| {
            b.home_safety.hazards[0].actions.remove(1);
        },
        remove,
    );
    assert!(err.unwrap_err().contains("no longer there"));
    // Put back (undo) with its own id, in date order.
    let mut a = data.clone();
    checklist(
        &mut a,
        ChecklistCommand::RemoveAction {
            hazard,
            action: taped.id,
        },
    )
    .unwrap();
    checklist(
        &mut a,
        ChecklistCommand::LogAction {
            hazard,
            entry: taped.clone(),
        },
    )
    .unwrap();
    assert_eq!(a, data);
}

#[test]
fn removing_a_falls_check_after_another_tab_saved_an_earlier_one() {
    let data = loaded();
    let later = data.home_safety.falls_checks[1].clone();
    assert_eq!(later.date, d(8));
    let remove = ChecklistCommand::RemoveFallsCheck(later.id);
    let (after, ok) = after_other_tab(
        &data,
        |b| {
            checklist(
                b,
                ChecklistCommand::AddFallsCheck(FallsCheck {
                    id: FallsCheckId::default(),
                    date: d(1),
                    answers: vec![false; 12],
                }),
            )
            .unwrap();
        },
        remove.clone(),
    );
    ok.unwrap();
    let dates: Vec<NaiveDate> = after
        .home_safety
        .falls_checks
        .iter()
        .map(|c| c.date)
        .collect();
    assert_eq!(dates, [d(1), d(1)]);
    let (_, err) = after_other_tab(
        &data,
        |b| {
            b.home_safety.falls_checks.pop();
        },
        remove,
    );
    assert!(err.unwrap_err().contains("no longer there"));
    // Put back (undo) with its own id.
    let mut a = data.clone();
    checklist(&mut a, ChecklistCommand::RemoveFallsCheck(later.id)).unwrap();
    checklist(&mut a, ChecklistCommand::AddFallsCheck(later)).unwrap();
    assert_eq!(a, data);
}

#[test]
fn taking_back_a_tick_after_another_tab_ticked_the_same_step_takes_this_tabs_tick() {
    let mut data = AppData::default();
    let goal_command = |data: &mut AppData, c: GoalCommand| data.apply(Command::Goal(c));
    goal_command(
        &mut data,
        GoalCommand::Add {
            draft: GoalDraft {
                activity: "Walk to the shop".into(),
                ..GoalDraft::default()
            },
            created: d(1),
        },
    )
    .unwrap();
    let goal = data.goals[0].id;
    goal_command(
        &mut data,
        GoalCommand::AddTask {
            goal,
            title: "Walk to the corner".into(),
            frequency: TaskFrequency::Daily,
        },
    )
    .unwrap();
    let task = data.goals[0].tasks[0].id;
    let tick = |note: &str| GoalCommand::TickTask {
        goal,
        task,
        date: d(3),
        note: note.into(),
    };
    // This tab ticks the step by mistake; the other tab ticks it too, with a note, and saves.
    goal_command(&mut data, tick("")).unwrap();
    let mistake = data.goals[0].tasks[0].done[0].clone();
    let mut other = data.clone();
    goal_command(&mut other, tick("Went the long way")).unwrap();
    // This tab's "take back" is applied again on top of the other tab's data.
    goal_command(
        &mut other,
        GoalCommand::UndoTick {
            goal,
            task,
            tick: mistake,
        },
    )
    .unwrap();
    let left: Vec<&str> = other.goals[0].tasks[0]
        .done
        .iter()
        .map(|c| c.note.as_str())
        .collect();
    assert_eq!(left, ["Went the long way"]);
}

// ---------------------------------------------------------------------------------------------
// Property: undo after a copy gives back exactly the diary before it, whatever the ids and
// counter stored, and whatever another tab added in between.

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn stored_diary() -> impl Strategy<Value = (Vec<(u32, u8, u8)>, u32)> {
        (
            prop::collection::vec((0u32..5_000, 0u8..6, 0u8..4), 1..25),
            0u32..6_000,
        )
    }

    fn build(entries: &[(u32, u8, u8)], next_id: u32) -> AppData {
        let mut seen = std::collections::BTreeSet::new();
        let mut data = AppData::default();
        for &(id, day, what) in entries {
            if !seen.insert(id) {
                continue;
            }
            let mut e = draft(
                d(1 + u32::from(day)),
                ["Walk", "Cook", "Read", "Nap"][usize::from(what)],
            );
            e.minutes = 10 + u16::from(what);
            data.apply(Command::Diary(DiaryCommand::Add(e))).unwrap();
            data.diary.last_mut().unwrap().id = EntryId(id);
        }
        data.diary.sort_by_key(|e| e.date);
        // The counter as a backup or another tab may leave it: anything, even 0.
        data.next_id = next_id;
        data
    }

    proptest! {
        #[test]
        fn undo_after_copy_restores_exactly_the_previous_diary(
            (entries, next_id) in stored_diary(),
            from in 0u8..6,
            to in 0u8..6,
            others in prop::collection::vec(0u8..6, 0..4),
        ) {
            let text = backup_text(&build(&entries, next_id), |_| {});
            let data = check_backup(text.as_bytes()).unwrap().data;
            let copy = Command::Diary(DiaryCommand::Repeat {
                from: d(1 + u32::from(from)),
                to: d(1 + u32::from(to)),
                batch: 7,
            });
            let undo = Command::Diary(DiaryCommand::UndoRepeat { batch: 7 });

            // In one tab.
            let mut one = data.clone();
            if one.apply(copy.clone()).is_ok() {
                prop_assert!(one.diary.len() > data.diary.len());
                one.apply(undo.clone()).unwrap();
            }
            prop_assert_eq!(&one.diary, &data.diary);

            // Re-applied on top of another tab's additions, then undone.
            let mut other = data.clone();
            for day in others {
                let e = draft(d(1 + u32::from(day)), "Other tab");
                other.apply(Command::Diary(DiaryCommand::Add(e))).unwrap();
            }
            let expected = other.diary.clone();
            if other.apply(copy).is_ok() {
                other.apply(undo).unwrap();
            }
            prop_assert_eq!(&other.diary, &expected);
        }
    }
}
