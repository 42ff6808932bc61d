//! Backup files: the whole of the person's data in one versioned JSON file they can keep.

use chrono::{NaiveDate, NaiveDateTime};

use super::envelope::{decode_document, DecodeError, Envelope, BACKUP_FORMAT};
use super::state::{AppData, DataContents};

/// The largest backup file accepted. Two years of heavy use is about 1.5 MB; this leaves room
/// while refusing a file that could never be stored in the browser.
pub const MAX_BACKUP_BYTES: usize = 8 * 1024 * 1024;

/// A backup file read and checked, ready to be shown before it replaces anything.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedBackup {
    pub saved_at: Option<NaiveDateTime>,
    pub data: AppData,
    pub contents: DataContents,
}

/// The file name for a backup made at `at`, e.g. `everyday-backup-2026-11-24.json`.
pub fn backup_file_name(at: NaiveDateTime) -> String {
    format!("everyday-backup-{}.json", super::dates::iso_date(at.date()))
}

/// Write the person's data as a backup file.
pub fn encode_backup(data: &AppData, at: NaiveDateTime) -> String {
    let envelope = Envelope::new(BACKUP_FORMAT, Some(at), data);
    // Serialising plain data structures to a String cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Read and check a backup file's bytes. Nothing is changed by reading.
pub fn check_backup(bytes: &[u8]) -> Result<CheckedBackup, DecodeError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: MAX_BACKUP_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotJson)?;
    let envelope = decode_document(text, BACKUP_FORMAT)?;
    // The data's dates are checked by `validate`; the time the file was saved is checked here.
    super::dates::check_dates(&envelope.saved_at)?;
    let mut data = envelope.data;
    // A backup may lack the id counter or ids on older records: made safe before any use.
    data.normalise();
    let contents = data.contents();
    Ok(CheckedBackup {
        saved_at: envelope.saved_at,
        data,
        contents,
    })
}

/// How many whole days since the last backup, if there was one.
pub fn days_since_backup(data: &AppData, now: NaiveDateTime) -> Option<i64> {
    data.settings
        .last_backup
        .map(|at| (now.date() - at.date()).num_days().max(0))
}

/// A backup older than this gets a gentle nudge (when something has been added since).
pub const BACKUP_NUDGE_DAYS: i64 = 14;
/// Before the first backup: the person's own records needed before a backup is worth asking
/// for (a goal, a diary entry, a tick, a rating, a checklist item...).
pub const FIRST_BACKUP_RECORDS: usize = 5;
/// Before the first backup: days since the earliest record, so a person trying the app out on
/// their first day is not asked straight away.
pub const FIRST_BACKUP_DAYS: i64 = 3;

/// How many of the person's own records there are, for the first backup nudge.
fn records(data: &AppData) -> usize {
    let c = data.contents();
    c.goals
        + c.progress_records
        + c.tasks_done
        + c.diary_entries
        + c.checklist_items
        + c.ratings
        + c.outcome_events
        + data.home_safety.falls_checks.len()
}

/// Is there anything dated after `day` (something new to keep in a backup)?
fn anything_since(data: &AppData, day: NaiveDate) -> bool {
    let after = |d: &NaiveDate| *d > day;
    data.diary.last().is_some_and(|e| after(&e.date))
        || data.goals.iter().any(|g| {
            after(&g.created)
                || g.progress.iter().any(|p| after(&p.date))
                || g.tasks
                    .iter()
                    .any(|t| t.done.iter().any(|c| after(&c.date)))
        })
        || data.ratings.confidence.iter().any(|c| after(&c.date))
        || data.ratings.self_efficacy.iter().any(|c| after(&c.date))
        || data.ratings.work_ability.iter().any(|c| after(&c.date))
        || data.outcomes.iter().any(|o| after(&o.date))
        || data.day_marks.iter().any(|m| after(&m.date))
        || data.plans.iter().any(|p| after(&p.imported))
        || data.home_safety.falls_checks.iter().any(|c| after(&c.date))
        || data
            .home_safety
            .hazards
            .iter()
            .any(|h| h.actions.iter().any(|a| after(&a.date)))
}

/// Whether to nudge the person to back up. It waits until a backup is worth making:
/// - never backed up: at least [`FIRST_BACKUP_RECORDS`] records, the earliest of them at least
///   [`FIRST_BACKUP_DAYS`] days ago;
/// - backed up before: at least [`BACKUP_NUDGE_DAYS`] days ago, and something dated after it.
pub fn backup_is_due(data: &AppData, now: NaiveDateTime) -> bool {
    let today = now.date();
    match data.settings.last_backup {
        None => {
            let first = data.contents().first_date;
            records(data) >= FIRST_BACKUP_RECORDS
                && first.is_some_and(|f| (today - f).num_days() >= FIRST_BACKUP_DAYS)
        }
        Some(at) => {
            (today - at.date()).num_days() >= BACKUP_NUDGE_DAYS && anything_since(data, at.date())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::state::Command;
    use chrono::NaiveDate;

    fn at(d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    #[test]
    fn round_trip_keeps_everything() {
        let mut data = AppData::default();
        data.apply(Command::SetName("A.B.".into())).unwrap();
        data.apply(Command::CheckInConfidence {
            date: at(2).date(),
            score: 6,
            note: "ok".into(),
        })
        .unwrap();
        let text = encode_backup(&data, at(3));
        let checked = check_backup(text.as_bytes()).unwrap();
        assert_eq!(checked.data, data);
        assert_eq!(checked.saved_at, Some(at(3)));
        assert_eq!(checked.contents.ratings, 1);
    }

    #[test]
    fn file_name_has_the_date() {
        assert_eq!(backup_file_name(at(24)), "everyday-backup-2026-11-24.json");
    }

    #[test]
    fn oversized_and_non_utf8_files_are_refused() {
        let big = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert!(matches!(
            check_backup(&big),
            Err(DecodeError::TooLarge { .. })
        ));
        assert_eq!(check_backup(&[0xff, 0xfe, 0x00]), Err(DecodeError::NotJson));
    }

    fn check_in(data: &mut AppData, d: u32) {
        data.apply(Command::CheckInConfidence {
            date: at(d).date(),
            score: 5,
            note: String::new(),
        })
        .unwrap();
    }

    #[test]
    fn never_backed_up_waits_for_enough_records_and_days() {
        let mut data = AppData::default();
        assert!(!backup_is_due(&data, at(20)), "nothing to back up yet");
        // One record, long ago: not enough to be worth a backup.
        check_in(&mut data, 1);
        assert!(!backup_is_due(&data, at(20)));
        for d in 2..=4 {
            check_in(&mut data, d);
        }
        assert_eq!(records(&data), 4);
        assert!(!backup_is_due(&data, at(20)), "4 records are not enough");
        check_in(&mut data, 5);
        assert!(
            backup_is_due(&data, at(20)),
            "5 records, the first 19 days ago"
        );
        // The same five records made today, or 2 days ago: wait; 3 days: ask.
        let mut fresh = AppData::default();
        for _ in 0..5 {
            check_in(&mut fresh, 18);
        }
        assert!(!backup_is_due(&fresh, at(18)), "all made today");
        assert!(!backup_is_due(&fresh, at(20)), "2 days on");
        assert!(backup_is_due(&fresh, at(21)), "3 days on");
        // Settings alone are not records.
        let mut settings_only = AppData::default();
        settings_only
            .apply(Command::SetOtStart(Some(at(1).date())))
            .unwrap();
        assert!(!backup_is_due(&settings_only, at(30)));
    }

    #[test]
    fn backed_up_before_waits_for_days_and_something_new() {
        let mut data = AppData::default();
        for d in 1..=5 {
            check_in(&mut data, d);
        }
        data.apply(Command::RecordBackup(at(10))).unwrap();
        assert!(!backup_is_due(&data, at(20)), "10 days: too soon");
        assert_eq!(days_since_backup(&data, at(20)), Some(10));
        assert!(
            !backup_is_due(&data, at(24)),
            "14 days, but nothing new since"
        );
        check_in(&mut data, 12);
        assert!(!backup_is_due(&data, at(23)), "something new, but 13 days");
        assert!(backup_is_due(&data, at(24)), "something new and 14 days");
        // A check-in dated on the backup day itself is not counted as new.
        let mut same_day = AppData::default();
        check_in(&mut same_day, 10);
        same_day.apply(Command::RecordBackup(at(10))).unwrap();
        assert!(!backup_is_due(&same_day, at(30)));
    }
}
