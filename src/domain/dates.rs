//! Dates and times written out in plain UK English ("24 November 2026"). Written by hand
//! rather than with chrono's strftime formatting, which adds its whole formatter to the download.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

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

/// Reads "2026-11-24" (what a date input gives); `None` for anything else.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
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
}
