//! The person's local date and time, read from the browser.

use chrono::{Local, NaiveDate, NaiveDateTime};

/// Now, in the person's local time zone.
pub fn now() -> NaiveDateTime {
    Local::now().naive_local()
}

/// Today's local calendar date (never derived from UTC).
pub fn today() -> NaiveDate {
    now().date()
}

/// Milliseconds since 1970, to name things kept aside.
pub fn stamp_ms() -> u64 {
    js_sys::Date::now() as u64
}
