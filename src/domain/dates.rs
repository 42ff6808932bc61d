//! Dates and times written out in plain UK English ("24 November 2026"). Written by hand
//! rather than with chrono's strftime formatting, which adds its whole formatter to the download.
//! Also the window of dates Everyday accepts from outside (files, links, storage), and the one
//! check of it that every decoder uses.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::ser::{self, Serialize};
use std::fmt::{self, Write as _};
use thiserror::Error;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn month_name(date: NaiveDate) -> &'static str {
    MONTHS[date.month0() as usize]
}

/// "24 November 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// "24 Nov 2026", for tables.
pub fn short_date(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), &month_name(date)[..3], date.year())
}

/// "Tuesday 24 November".
pub fn weekday_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        month_name(date)
    )
}

/// "24 November 2026 at 09:05".
pub fn date_time(at: NaiveDateTime) -> String {
    format!(
        "{} at {:02}:{:02}",
        long_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// "2026-11-24", for file names.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// "November 2026", for a month.
pub fn month_year(year: i32, month: u32) -> String {
    let name = MONTHS
        .get(month.wrapping_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{name} {year}")
}

/// Reads "2026-11-24" (what a date input or an address gives); `None` for anything else,
/// including a real date outside the accepted window (see `EARLIEST_DATE`).
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day).filter(|d| in_window(*d))
}

// ---------------------------------------------------------------------------------------------
// The window of dates accepted from outside

/// The earliest date accepted from a file, a link or storage.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The latest date accepted from a file, a link or storage. Far enough from chrono's limits
/// (about 262,000 years either way) that no date arithmetic in the app can overflow.
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2200, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// A date outside the accepted window, found in something read from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
#[error(
    "This file has a date that cannot be right: {}. Everyday accepts dates between {} and {}.",
    plain_iso(*.0),
    EARLIEST_DATE.year(),
    LATEST_DATE.year()
)]
pub struct DateOutOfWindow(pub NaiveDate);

/// "262142-12-30", "-262143-01-01": the date as written, without chrono's "+" for long years.
pub fn plain_iso(date: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `date` moved `days` days later (earlier when negative). Inside the accepted window this is
/// plain date arithmetic; for a date that was never checked it holds at chrono's first or last
/// day rather than overflowing, so no date can make a page panic.
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    checked_add_days(date, days).unwrap_or(if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// `date` moved `days` days later (earlier when negative), or `None` past chrono's limits.
pub fn checked_add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    chrono::Duration::try_days(days).and_then(|d| date.checked_add_signed(d))
}

/// Whether a date is inside the accepted window.
pub fn in_window(date: NaiveDate) -> bool {
    (EARLIEST_DATE..=LATEST_DATE).contains(&date)
}

/// THE check of one date against the window.
pub fn check_date(date: NaiveDate) -> Result<(), DateOutOfWindow> {
    if in_window(date) {
        Ok(())
    } else {
        Err(DateOutOfWindow(date))
    }
}

/// THE check used by every decoder: every date and date-time anywhere in `value` is inside the
/// window. It walks the value as serde sees it, so a date field added later is checked without
/// anyone remembering to list it. chrono writes its dates and times through `collect_str` and
/// text fields go through `serialize_str`, so only real dates are looked at, never the person's
/// words.
pub fn check_dates<T: Serialize + ?Sized>(value: &T) -> Result<(), DateOutOfWindow> {
    match value.serialize(DateWalker) {
        Ok(()) => Ok(()),
        Err(WalkError::Date(e)) => Err(e),
        // The app's data types serialise without errors of their own.
        Err(WalkError::Other) => Ok(()),
    }
}

#[derive(Debug)]
enum WalkError {
    Date(DateOutOfWindow),
    Other,
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::Date(e) => e.fmt(f),
            WalkError::Other => f.write_str("could not be read"),
        }
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        WalkError::Other
    }
}

/// Text of at most 48 bytes, written without allocating (a date is at most 30).
struct Short {
    buf: [u8; 48],
    len: usize,
}

impl fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The date in chrono's text for a date ("2026-11-24") or a date and time
/// ("2026-11-24T09:30:00"); `None` for anything else (a time of day). The four-digit form is
/// read directly: this runs for every date on every load, and chrono's parser would be most of
/// the cost.
fn date_in(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if !b.contains(&b'-') {
        // A time of day ("08:15:00").
        return None;
    }
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && (b.len() == 10 || b[10] == b'T') {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    text.parse::<NaiveDate>()
        .ok()
        .or_else(|| text.parse::<NaiveDateTime>().ok().map(|t| t.date()))
}

struct DateWalker;

type Walk = Result<(), WalkError>;

macro_rules! ignore_values {
    ($($name:ident: $t:ty),* $(,)?) => {
        $(fn $name(self, _: $t) -> Walk { Ok(()) })*
    };
}

impl ser::Serializer for DateWalker {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    ignore_values!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str, serialize_bytes: &[u8],
    );

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Walk {
        let mut text = Short {
            buf: [0; 48],
            len: 0,
        };
        if write!(text, "{value}").is_err() {
            // Too long to be a date.
            return Ok(());
        }
        let text = std::str::from_utf8(&text.buf[..text.len]).unwrap_or("");
        match date_in(text) {
            Some(date) => check_date(date).map_err(WalkError::Date),
            None => Ok(()),
        }
    }

    fn serialize_none(self) -> Walk {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Walk {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Walk {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Walk {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Walk {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Walk {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Walk {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, WalkError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, WalkError> {
        Ok(self)
    }
}

macro_rules! walk_compound {
    ($($trait:ident :: $method:ident),* $(,)?) => {
        $(impl ser::$trait for DateWalker {
            type Ok = ();
            type Error = WalkError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Walk {
                value.serialize(DateWalker)
            }
            fn end(self) -> Walk {
                Ok(())
            }
        })*
    };
}

walk_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for DateWalker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Walk {
        key.serialize(DateWalker)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Walk {
        value.serialize(DateWalker)
    }
    fn end(self) -> Walk {
        Ok(())
    }
}

impl ser::SerializeStruct for DateWalker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Walk {
        value.serialize(DateWalker)
    }
    fn end(self) -> Walk {
        Ok(())
    }
}

impl ser::SerializeStructVariant for DateWalker {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Walk {
        value.serialize(DateWalker)
    }
    fn end(self) -> Walk {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_english_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(long_date(d), "24 November 2026");
        assert_eq!(short_date(d), "24 Nov 2026");
        assert_eq!(weekday_date(d), "Tuesday 24 November");
        assert_eq!(iso_date(d), "2026-11-24");
        assert_eq!(
            date_time(d.and_hms_opt(9, 5, 0).unwrap()),
            "24 November 2026 at 09:05"
        );
        assert_eq!(month_year(2026, 3), "March 2026");
        assert_eq!(month_year(2026, 13), "? 2026");
        let first = NaiveDate::from_ymd_opt(2027, 1, 3).unwrap();
        assert_eq!(weekday_date(first), "Sunday 3 January");
        assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
        for bad in ["", "2026-02-30", "24/11/2026", "2026-11", "x-1-1"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn addresses_and_inputs_outside_the_window_are_not_dates() {
        // /diary/day/262142-12-31 once reached "next day" arithmetic at chrono's limit.
        for bad in ["262142-12-31", "1899-12-31", "2201-01-01", "0000-01-01"] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert_eq!(parse_iso_date("1900-01-01"), Some(EARLIEST_DATE));
        assert_eq!(parse_iso_date("2200-12-31"), Some(LATEST_DATE));
    }

    #[derive(serde::Serialize)]
    struct Doc {
        note: String,
        at: Option<NaiveDateTime>,
        days: Vec<NaiveDate>,
        nested: Vec<(u8, Option<NaiveDate>)>,
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_window_check_finds_every_date_and_reads_no_words() {
        let mut doc = Doc {
            // The person's words are never taken for a date.
            note: "+262142-12-30".into(),
            at: Some(date(2026, 11, 24).and_hms_opt(9, 30, 0).unwrap()),
            days: vec![EARLIEST_DATE, LATEST_DATE],
            nested: vec![(1, None), (2, Some(date(2026, 3, 1)))],
        };
        assert_eq!(check_dates(&doc), Ok(()));
        doc.nested[1].1 = Some(date(262142, 12, 30));
        let err = check_dates(&doc).unwrap_err();
        assert_eq!(err, DateOutOfWindow(date(262142, 12, 30)));
        assert_eq!(
            err.to_string(),
            "This file has a date that cannot be right: 262142-12-30. Everyday accepts dates \
             between 1900 and 2200."
        );
        doc.nested[1].1 = None;
        doc.at = Some(NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap());
        assert_eq!(check_dates(&doc), Err(DateOutOfWindow(NaiveDate::MIN)));
        assert_eq!(plain_iso(NaiveDate::MIN), "-262143-01-01");
        doc.at = None;
        doc.days.push(date(1899, 12, 31));
        assert!(check_dates(&doc).is_err());
        // Read directly or through chrono, the same dates.
        for text in [
            "2026-11-24",
            "2026-11-24T09:30:00",
            "+262142-12-30",
            "-0001-01-01",
        ] {
            assert_eq!(
                date_in(text),
                text.parse::<NaiveDate>()
                    .ok()
                    .or_else(|| text.parse::<NaiveDateTime>().ok().map(|t| t.date())),
                "{text}"
            );
        }
        assert_eq!(date_in("08:15:00"), None);
        assert_eq!(date_in("2026-02-30"), None);
    }

    #[test]
    fn date_arithmetic_holds_at_the_limits() {
        assert_eq!(add_days(date(2026, 3, 1), -1), date(2026, 2, 28));
        assert_eq!(add_days(NaiveDate::MAX, 7), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -14), NaiveDate::MIN);
        assert_eq!(add_days(date(2026, 3, 1), i64::MAX), NaiveDate::MAX);
        assert_eq!(add_days(date(2026, 3, 1), i64::MIN), NaiveDate::MIN);
        assert_eq!(checked_add_days(NaiveDate::MAX, 1), None);
    }
}
