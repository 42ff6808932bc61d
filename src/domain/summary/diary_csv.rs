//! The diary as CSV, for spreadsheets.

use super::*;

/// The CSV's column headings.
pub const CSV_HEADINGS: [&str; 14] = [
    "Date",
    "Day marked as",
    "Time",
    "Part of day",
    "Minutes",
    "Area of life",
    "What",
    "Note",
    "Effort or energy (0-10)",
    "Pain or tiredness (0-10)",
    "Mood (0-10)",
    "Achievement (0-10)",
    "Closeness (0-10)",
    "Enjoyment (0-10)",
];

/// Text a spreadsheet could take for a formula ("=", "+", "-", "@" first) starts with an
/// apostrophe, so it shows as the words that were written and never runs.
fn cell_text(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

fn part_label(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "Morning",
        PartOfDay::Afternoon => "Afternoon",
        PartOfDay::Evening => "Evening",
        PartOfDay::Night => "Night",
    }
}

/// The diary of `from..=to` as rows of cells (without the headings), oldest first: one row per
/// entry, and one row for each marked day with no entries.
pub fn diary_rows(data: &AppData, from: NaiveDate, to: NaiveDate) -> Vec<Vec<String>> {
    let marks: Vec<(NaiveDate, u8)> = data
        .day_marks
        .iter()
        .filter(|m| in_period(m.date, from, to))
        .map(|m| (m.date, day_kind_code(m.kind)))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mark_of = |d: NaiveDate| {
        let labels: Vec<&str> = marks
            .iter()
            .filter(|m| m.0 == d)
            .map(|m| ["Unwell", "Holiday", "Rest day"][usize::from(m.1.min(2))])
            .collect();
        labels.join(", ")
    };
    let mut rows: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    let mut entry_days = BTreeSet::new();
    for x in data.diary.iter().filter(|e| in_period(e.date, from, to)) {
        entry_days.insert(x.date);
        let num = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
        let r = &x.ratings;
        rows.push((
            x.date,
            vec![
                iso_date(x.date),
                mark_of(x.date),
                x.time
                    .map(|t| {
                        use chrono::Timelike;
                        format!("{:02}:{:02}", t.hour(), t.minute())
                    })
                    .unwrap_or_default(),
                x.part.map(part_label).unwrap_or_default().to_string(),
                x.minutes.to_string(),
                x.area.label().to_string(),
                cell_text(&x.what),
                cell_text(&x.note),
                num(r.effort),
                num(r.pain),
                num(r.mood),
                num(r.achievement),
                num(r.closeness),
                num(r.enjoyment),
            ],
        ));
    }
    // A marked day with no entries still gets a row, in date order.
    let mut seen = BTreeSet::new();
    for &(d, _) in &marks {
        if !entry_days.contains(&d) && seen.insert(d) {
            let mut row = vec![String::new(); CSV_HEADINGS.len()];
            row[0] = iso_date(d);
            row[1] = mark_of(d);
            rows.push((d, row));
        }
    }
    insertion_sort(&mut rows, |r| r.0);
    rows.into_iter().map(|(_, r)| r).collect()
}

/// The diary of `from..=to` as a CSV file: UTF-8 with a byte order mark (so spreadsheets read
/// accented letters correctly), headings first, quoted where needed, CRLF line ends.
pub fn diary_csv(data: &AppData, from: NaiveDate, to: NaiveDate) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(CSV_HEADINGS);
    for row in diary_rows(data, from, to) {
        let _ = w.write_record(&row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut text = String::from("\u{feff}");
    text.push_str(&String::from_utf8(bytes).unwrap_or_default());
    text
}

/// The file name for the diary CSV: `everyday-diary-2026-03-01-to-2026-03-28.csv`.
pub fn diary_file_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("everyday-diary-{}-to-{}.csv", iso_date(from), iso_date(to))
}
