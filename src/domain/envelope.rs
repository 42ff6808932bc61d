//! The versioned envelope around all stored and shared data, and the migrations that bring an
//! older document up to the current schema.

use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use thiserror::Error;

use super::state::{AppData, DomainError};

/// The schema version this build writes. Raise it only together with a migration below and a
/// fixture of the old format in tests/fixtures.
pub const SCHEMA_VERSION: u32 = 1;

/// Format name of a backup file.
pub const BACKUP_FORMAT: &str = "everyday-backup";

/// `{ format, version, data }` with an optional time it was saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<NaiveDateTime>,
    pub data: T,
}

impl<T> Envelope<T> {
    pub fn new(format: &str, saved_at: Option<NaiveDateTime>, data: T) -> Self {
        Envelope {
            format: format.to_string(),
            version: SCHEMA_VERSION,
            saved_at,
            data,
        }
    }
}

/// Why data could not be read. Every message is meant to be shown to the person as it is.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("This is too big to be an Everyday file ({size} bytes; the most is {limit}).")]
    TooLarge { size: usize, limit: usize },
    #[error("This is not an Everyday file: it is not in the JSON format Everyday writes.")]
    NotJson,
    #[error("This is not the right kind of Everyday file (it says it is \"{found}\").")]
    WrongFormat { found: String },
    #[error(
        "This was made by a newer version of Everyday (format version {found}). \
         Please update the app, then try again. Nothing has been changed."
    )]
    NewerVersion { found: u32 },
    #[error(
        "This file is from a version of Everyday that no longer exists (format version {found})."
    )]
    UnknownOldVersion { found: u32 },
    #[error("This file is damaged: {0}")]
    Damaged(String),
    #[error("This file has a value that is not allowed: {0}")]
    OutOfRange(String),
    #[error(transparent)]
    Date(#[from] super::dates::DateOutOfWindow),
}

impl From<DomainError> for DecodeError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Date(e) => DecodeError::Date(e),
            e => DecodeError::OutOfRange(e.to_string()),
        }
    }
}

fn damaged(e: serde_json::Error) -> DecodeError {
    // serde's message names the field and position, which helps the person describe the problem.
    DecodeError::Damaged(e.to_string())
}

/// Just the header, read without building the data.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Read the header and check the format name and version.
pub fn read_header(text: &str, format: &str) -> Result<u32, DecodeError> {
    read_header_upto(text, format, SCHEMA_VERSION)
}

/// Read the header and check the format name, and that the version is at most `newest` (a
/// format with versions of its own, such as the storage engine's parts).
pub fn read_header_upto(text: &str, format: &str, newest: u32) -> Result<u32, DecodeError> {
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(DecodeError::NotJson),
        Err(e) => {
            // Valid JSON but no usable header: say which.
            if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
                return Err(DecodeError::Damaged(
                    "it has no Everyday format name or version".into(),
                ));
            }
            return Err(damaged(e));
        }
    };
    if header.format != format {
        return Err(DecodeError::WrongFormat {
            found: header.format.chars().take(40).collect(),
        });
    }
    if header.version > newest {
        return Err(DecodeError::NewerVersion {
            found: header.version,
        });
    }
    if header.version == 0 {
        return Err(DecodeError::UnknownOldVersion { found: 0 });
    }
    Ok(header.version)
}

/// Bring the JSON text of a whole app document (the `data` of a backup) from `version` to the
/// current schema. Each step is a pure function of the JSON; steps run in order. Working on text
/// keeps the common case (no migration needed) free of an intermediate JSON tree, which would
/// also add its decoder for every record type to the download.
pub fn migrate(version: u32, data: &str) -> Result<Cow<'_, str>, DecodeError> {
    match version {
        SCHEMA_VERSION => Ok(Cow::Borrowed(data)),
        // No schema change has been released yet: version 1 is current. A future change adds
        // `1 => step_1_to_2(data)` here (parse into serde_json::Value, change, write back), and
        // the fixture of version 1 in tests/fixtures/v1 already guards it.
        found => Err(DecodeError::UnknownOldVersion { found }),
    }
}

/// The envelope with its data left as unparsed JSON text, for the migration path.
pub fn raw_envelope(text: &str) -> Result<Envelope<Box<RawValue>>, DecodeError> {
    serde_json::from_str(text).map_err(damaged)
}

/// Decode a whole-document envelope (a backup file) of the given format: header, migrations,
/// typed decoding and range checks. Nothing is changed on error.
pub fn decode_document(text: &str, format: &str) -> Result<Envelope<AppData>, DecodeError> {
    let version = read_header(text, format)?;
    let envelope: Envelope<AppData> = if version == SCHEMA_VERSION {
        serde_json::from_str(text).map_err(damaged)?
    } else {
        let raw = raw_envelope(text)?;
        let data = migrate(raw.version, raw.data.get())?;
        Envelope {
            format: raw.format,
            version: SCHEMA_VERSION,
            saved_at: raw.saved_at,
            data: serde_json::from_str(&data).map_err(damaged)?,
        }
    };
    envelope.data.validate()?;
    Ok(envelope)
}

/// Decode a typed value from JSON text, with the plain-English error.
pub fn decode_json<T: DeserializeOwned>(text: &str) -> Result<T, DecodeError> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            DecodeError::NotJson
        } else {
            damaged(e)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_version_is_refused_with_a_plain_message() {
        let text = r#"{"format":"everyday-backup","version":99,"data":{}}"#;
        let err = decode_document(text, BACKUP_FORMAT).unwrap_err();
        assert_eq!(err, DecodeError::NewerVersion { found: 99 });
        assert!(err.to_string().contains("newer version"));
    }

    #[test]
    fn wrong_format_and_not_json() {
        assert_eq!(
            decode_document(r#"{"format":"other","version":1,"data":{}}"#, BACKUP_FORMAT),
            Err(DecodeError::WrongFormat {
                found: "other".into()
            })
        );
        assert_eq!(
            decode_document("{not json", BACKUP_FORMAT),
            Err(DecodeError::NotJson)
        );
        assert!(matches!(
            decode_document("[1,2]", BACKUP_FORMAT),
            Err(DecodeError::Damaged(_))
        ));
        assert_eq!(
            decode_document(
                r#"{"format":"everyday-backup","version":0,"data":{}}"#,
                BACKUP_FORMAT
            ),
            Err(DecodeError::UnknownOldVersion { found: 0 })
        );
    }

    #[test]
    fn out_of_range_value_is_refused() {
        let text = r#"{"format":"everyday-backup","version":1,"data":{"ratings":{"confidence":[{"date":"2026-01-02","score":12}]}}}"#;
        let err = decode_document(text, BACKUP_FORMAT).unwrap_err();
        assert!(matches!(err, DecodeError::OutOfRange(_)), "{err:?}");
        assert!(err.to_string().contains("between 0 and 10"));
    }

    #[test]
    fn empty_document_decodes_to_defaults() {
        let text = r#"{"format":"everyday-backup","version":1,"data":{}}"#;
        let env = decode_document(text, BACKUP_FORMAT).unwrap();
        assert_eq!(env.data, AppData::default());
    }
}
