//! Backup files: the whole of the person's data in one versioned JSON file they can keep.

use chrono::NaiveDateTime;

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

/// A backup older than this gets a gentle nudge.
pub const BACKUP_NUDGE_DAYS: i64 = 14;

/// Whether to nudge the person to back up: never backed up with some data, or too long ago.
pub fn backup_is_due(data: &AppData, now: NaiveDateTime) -> bool {
    match days_since_backup(data, now) {
        None => !data.is_empty(),
        Some(days) => days >= BACKUP_NUDGE_DAYS,
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

    #[test]
    fn nudge_when_old_or_never() {
        let mut data = AppData::default();
        assert!(!backup_is_due(&data, at(20)), "nothing to back up yet");
        data.apply(Command::SetOtStart(Some(at(1).date()))).unwrap();
        data.apply(Command::CheckInConfidence {
            date: at(1).date(),
            score: 5,
            note: String::new(),
        })
        .unwrap();
        assert!(backup_is_due(&data, at(20)));
        data.apply(Command::RecordBackup(at(10))).unwrap();
        assert!(!backup_is_due(&data, at(20)));
        assert_eq!(days_since_backup(&data, at(20)), Some(10));
        assert!(backup_is_due(&data, at(24)));
    }
}
