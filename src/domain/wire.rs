//! Fast decoding of the dates and times stored in bulk (diary entries, task completions,
//! progress records). chrono's general parser is a third of the load time of two years of
//! data; these read the exact forms chrono writes ("2026-11-24", "08:15:00") directly and fall
//! back to chrono for anything else, so the stored format is unchanged.

use chrono::{NaiveDate, NaiveTime};
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// "YYYY-MM-DD" with a four-digit year, read directly.
fn quick_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )
}

/// "HH:MM:SS" or "HH:MM", read directly.
fn quick_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    let (h, m, sec) = match b.len() {
        5 if b[2] == b':' => (&b[0..2], &b[3..5], None),
        8 if b[2] == b':' && b[5] == b':' => (&b[0..2], &b[3..5], Some(&b[6..8])),
        _ => return None,
    };
    NaiveTime::from_hms_opt(digits(h)?, digits(m)?, sec.map_or(Some(0), digits)?)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2026-11-24")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveDate, E> {
        quick_date(s)
            .or_else(|| s.parse().ok())
            .ok_or_else(|| E::custom(format!("\"{s}\" is not a date")))
    }
}

struct TimeVisitor;

impl Visitor<'_> for TimeVisitor {
    type Value = NaiveTime;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a time like 08:15:00")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<NaiveTime, E> {
        quick_time(s)
            .or_else(|| s.parse().ok())
            .ok_or_else(|| E::custom(format!("\"{s}\" is not a time")))
    }
}

/// `#[serde(deserialize_with = "wire::date")]`
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// `#[serde(default, deserialize_with = "wire::opt_time")]` for a field that may be left out.
pub fn opt_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
    d.deserialize_str(TimeVisitor).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_forms_agree_with_chrono() {
        for s in ["2026-11-24", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(quick_date(s), s.parse().ok(), "{s}");
        }
        for s in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "20261124xx",
            "2026/11/24",
            "+2026-11-2",
        ] {
            assert_eq!(quick_date(s), None, "{s}");
        }
        for s in ["08:15:00", "23:59:59", "00:00:00"] {
            assert_eq!(quick_time(s), s.parse().ok(), "{s}");
        }
        assert_eq!(quick_time("08:15"), NaiveTime::from_hms_opt(8, 15, 0));
        for s in ["24:00:00", "8:15", "08-15-00", "08:60:00"] {
            assert_eq!(quick_time(s), None, "{s}");
        }
    }

    #[derive(serde::Deserialize, Debug)]
    struct Probe {
        #[serde(deserialize_with = "date")]
        d: NaiveDate,
        #[serde(default, deserialize_with = "opt_time")]
        t: Option<NaiveTime>,
    }

    #[test]
    fn decodes_through_serde_with_fallback_and_errors() {
        let p: Probe = serde_json::from_str(r#"{"d":"2026-11-24","t":"08:15:30"}"#).unwrap();
        assert_eq!(p.d, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
        assert_eq!(p.t, NaiveTime::from_hms_opt(8, 15, 30));
        // chrono's own forms still read (fractional seconds).
        let p: Probe = serde_json::from_str(r#"{"d":"2026-11-24","t":"08:15:30.5"}"#).unwrap();
        assert_eq!(p.t, NaiveTime::from_hms_milli_opt(8, 15, 30, 500));
        let p: Probe = serde_json::from_str(r#"{"d":"2026-11-24"}"#).unwrap();
        assert_eq!(p.t, None);
        let err = serde_json::from_str::<Probe>(r#"{"d":"2026-02-30"}"#).unwrap_err();
        assert!(err.to_string().contains("is not a date"), "{err}");
        assert!(serde_json::from_str::<Probe>(r#"{"d":5}"#).is_err());
    }
}
