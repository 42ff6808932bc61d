//! The activity diary's rules: adding, changing and removing entries, day marks, the day and
//! week views, balance across areas of life, average ratings, insights, pacing and the
//! suggestions that make logging quick. Everything here is plain Rust, tested natively.
//!
//! Days are the calendar days the person chose (`NaiveDate`); nothing is ever converted
//! through UTC, so an entry at 23:30 stays on its day whatever the clocks do.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

use super::activity::{DayKind, DayMark, DiaryEntry, EntryRatings, LifeArea, PartOfDay};
use super::dates::{add_days, weekday_date};
use super::ids::EntryId;
use super::measures::tenths_text;
use super::settings::{DiaryRatingToggles, Pacing};
use super::state::{check_range, check_text, AppData, DomainError, MAX_TEXT_CHARS};

/// The longest "what did you do" text.
pub const MAX_WHAT_CHARS: usize = 120;
/// Minutes in a day: one entry cannot be longer, and a day holding more gets a warning.
pub const MINUTES_IN_A_DAY: u32 = 1_440;
/// Rated entries needed before saying which activities go with a better mood or enjoyment.
pub const MIN_RATED: usize = 20;
/// Ratings of one activity needed before it can be named in an insight.
pub const MIN_PER_ACTIVITY: usize = 4;
/// How much better (in tenths of a point out of 10) an activity must be to be named.
pub const MIN_LIFT_TENTHS: u32 = 10;
/// A change in an area's share of time (percentage points) worth a sentence.
pub const MIN_BALANCE_CHANGE: u32 = 5;
/// A day more than this percentage of the budget is a "boom" day.
pub const BOOM_PERCENT: u32 = 125;
/// Baseline days the suggested budget is worked out from.
pub const BASELINE_DAYS: usize = 3;

fn area_index(area: LifeArea) -> usize {
    match area {
        LifeArea::SelfCare => 0,
        LifeArea::Productivity => 1,
        LifeArea::Leisure => 2,
        LifeArea::Rest => 3,
    }
}

pub const PARTS: [PartOfDay; 4] = [
    PartOfDay::Morning,
    PartOfDay::Afternoon,
    PartOfDay::Evening,
    PartOfDay::Night,
];

pub fn part_label(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::Morning => "Morning",
        PartOfDay::Afternoon => "Afternoon",
        PartOfDay::Evening => "Evening",
        PartOfDay::Night => "Night",
    }
}

/// The part of the day a time falls in: morning 05:00 to 11:59, afternoon to 16:59, evening to
/// 21:59, night otherwise.
pub fn part_of_day(time: NaiveTime) -> PartOfDay {
    match time.hour() {
        5..=11 => PartOfDay::Morning,
        12..=16 => PartOfDay::Afternoon,
        17..=21 => PartOfDay::Evening,
        _ => PartOfDay::Night,
    }
}

pub const DAY_KINDS: [DayKind; 3] = [DayKind::Unwell, DayKind::Holiday, DayKind::Rest];

pub fn day_kind_label(kind: DayKind) -> &'static str {
    match kind {
        DayKind::Unwell => "Unwell",
        DayKind::Holiday => "Holiday",
        DayKind::Rest => "Rest day",
    }
}

// --- Ratings ---

/// The one name of the achievement, closeness and enjoyment ratings, switched on together.
pub const ACTIVATION_SET: &str = "Achievement, closeness and enjoyment";

/// The optional 0 to 10 ratings on an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingKind {
    Effort,
    Pain,
    Mood,
    Achievement,
    Closeness,
    Enjoyment,
}

impl RatingKind {
    pub const ALL: [RatingKind; 6] = [
        RatingKind::Effort,
        RatingKind::Pain,
        RatingKind::Mood,
        RatingKind::Achievement,
        RatingKind::Closeness,
        RatingKind::Enjoyment,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RatingKind::Effort => "Effort or energy",
            RatingKind::Pain => "Pain or tiredness",
            RatingKind::Mood => "Mood",
            RatingKind::Achievement => "Achievement",
            RatingKind::Closeness => "Closeness to others",
            RatingKind::Enjoyment => "Enjoyment",
        }
    }

    /// The question the diary asks, and what 0 and 10 mean.
    pub fn question(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RatingKind::Effort => (
                "How much effort or energy did it take?",
                "none at all",
                "all the energy I had",
            ),
            RatingKind::Pain => (
                "How much pain or tiredness did you have?",
                "none",
                "the worst it gets",
            ),
            RatingKind::Mood => ("How was your mood?", "very low", "very good"),
            RatingKind::Achievement => ("How much did you get done?", "nothing", "a great deal"),
            RatingKind::Closeness => (
                "How close did you feel to other people?",
                "not at all close",
                "very close",
            ),
            RatingKind::Enjoyment => ("How much did you enjoy it?", "not at all", "very much"),
        }
    }

    /// A short name for the radio group and element ids: "mood".
    pub fn key(self) -> &'static str {
        match self {
            RatingKind::Effort => "effort",
            RatingKind::Pain => "pain",
            RatingKind::Mood => "mood",
            RatingKind::Achievement => "achievement",
            RatingKind::Closeness => "closeness",
            RatingKind::Enjoyment => "enjoyment",
        }
    }

    pub fn of(self, r: &EntryRatings) -> Option<u8> {
        match self {
            RatingKind::Effort => r.effort,
            RatingKind::Pain => r.pain,
            RatingKind::Mood => r.mood,
            RatingKind::Achievement => r.achievement,
            RatingKind::Closeness => r.closeness,
            RatingKind::Enjoyment => r.enjoyment,
        }
    }

    pub fn set(self, r: &mut EntryRatings, value: Option<u8>) {
        let slot = match self {
            RatingKind::Effort => &mut r.effort,
            RatingKind::Pain => &mut r.pain,
            RatingKind::Mood => &mut r.mood,
            RatingKind::Achievement => &mut r.achievement,
            RatingKind::Closeness => &mut r.closeness,
            RatingKind::Enjoyment => &mut r.enjoyment,
        };
        *slot = value;
    }

    /// Whether Settings asks for this rating.
    pub fn switched_on(self, t: &DiaryRatingToggles) -> bool {
        match self {
            RatingKind::Effort => t.effort,
            RatingKind::Pain => t.pain,
            RatingKind::Mood => t.mood,
            _ => t.activation,
        }
    }
}

/// `sum ÷ count` in tenths, rounded half up; 0 when there is nothing.
fn average_tenths(sum: u64, count: u64) -> u32 {
    if count == 0 {
        return 0;
    }
    ((sum * 20 + count) / (2 * count)) as u32
}

/// "6.3 out of 10".
pub fn out_of_ten(tenths: u32) -> String {
    format!("{} out of 10", tenths_text(tenths.into()))
}

// --- Words ---

/// "45 minutes", "1 hour", "2 hours 10 minutes".
pub fn minutes_words(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let hours = match h {
        0 => String::new(),
        1 => "1 hour".to_string(),
        h => format!("{h} hours"),
    };
    match (h, m) {
        (_, 0) if h > 0 => hours,
        (0, 1) => "1 minute".into(),
        (0, m) => format!("{m} minutes"),
        (_, 1) => format!("{hours} 1 minute"),
        (_, m) => format!("{hours} {m} minutes"),
    }
}

/// "09:30", as a time field shows it.
pub fn time_text(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "09:30", "Morning" or "Time not given".
pub fn when_label(entry: &DiaryEntry) -> String {
    match (entry.time, entry.part) {
        (Some(t), _) => time_text(t),
        (None, Some(p)) => part_label(p).into(),
        (None, None) => "Time not given".into(),
    }
}

/// "Walk to the park (30 minutes) on Tuesday 24 November", for questions and messages.
pub fn entry_text(entry: &DiaryEntry) -> String {
    format!(
        "{} ({}) on {}",
        entry.what,
        minutes_words(entry.minutes.into()),
        weekday_date(entry.date)
    )
}

/// Where an entry goes in the day's timeline: its time, or the start of its part of the day,
/// or the end of the day when neither is given.
fn timeline_key(entry: &DiaryEntry) -> (u32, u32) {
    let minute = match (entry.time, entry.part) {
        (Some(t), _) => t.hour() * 60 + t.minute(),
        (None, Some(PartOfDay::Morning)) => 5 * 60,
        (None, Some(PartOfDay::Afternoon)) => 12 * 60,
        (None, Some(PartOfDay::Evening)) => 17 * 60,
        (None, Some(PartOfDay::Night)) => 22 * 60,
        (None, None) => MINUTES_IN_A_DAY,
    };
    (minute, entry.id.0)
}

/// Monday of the week `date` is in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    add_days(date, -i64::from(date.weekday().num_days_from_monday()))
}

/// Text for a form's "how long" field: whole minutes from 1 to 1,440.
pub fn form_minutes(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(n) if (1..=MINUTES_IN_A_DAY as u16).contains(&n) => Ok(n),
        _ => Err(
            "Please write how long it took in minutes, as a whole number from 1 to 1440 (24 hours)."
                .into(),
        ),
    }
}

/// Text from a time field ("09:30").
pub fn form_time(text: &str) -> Result<NaiveTime, String> {
    let mut parts = text.trim().splitn(3, ':');
    let h = parts.next().and_then(|h| h.parse().ok());
    let m = parts.next().and_then(|m| m.parse().ok());
    match (h, m) {
        (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0),
        _ => None,
    }
    .ok_or_else(|| "Please enter a time, for example 09:30.".to_string())
}

// --- Commands ---

/// A new or changed entry as the person filled it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryDraft {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub part: Option<PartOfDay>,
    pub minutes: u16,
    pub area: LifeArea,
    pub what: String,
    pub note: String,
    pub ratings: EntryRatings,
}

impl EntryDraft {
    /// Check every part, tidying the text. A time makes the part of the day unnecessary.
    pub fn checked(mut self) -> Result<EntryDraft, DomainError> {
        self.what = self.what.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.what.is_empty() {
            return Err(DomainError::Invalid(
                "Please write what you did, for example \"walk to the shop\".".into(),
            ));
        }
        check_text("activity", &self.what, MAX_WHAT_CHARS)?;
        self.note = self.note.trim().to_string();
        check_text("note", &self.note, MAX_TEXT_CHARS)?;
        check_entry_numbers(self.minutes, &self.ratings)?;
        if self.time.is_some() {
            self.part = None;
        }
        Ok(self)
    }

    fn into_entry(self, id: EntryId) -> DiaryEntry {
        DiaryEntry {
            id,
            date: self.date,
            time: self.time,
            part: self.part,
            minutes: self.minutes,
            area: self.area,
            what: self.what,
            note: self.note,
            ratings: self.ratings,
        }
    }
}

fn check_entry_numbers(minutes: u16, ratings: &EntryRatings) -> Result<(), DomainError> {
    if minutes == 0 {
        return Err(DomainError::OutOfRange(
            "How long must be at least 1 minute.".into(),
        ));
    }
    check_range(
        "activity length in minutes",
        minutes.into(),
        1,
        MINUTES_IN_A_DAY.into(),
    )?;
    for (name, v) in ratings.present() {
        check_range(&format!("{name} rating"), v.into(), 0, 10)?;
    }
    Ok(())
}

/// Changes to the diary and its settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiaryCommand {
    Add(EntryDraft),
    Change {
        id: EntryId,
        draft: EntryDraft,
    },
    Remove(EntryId),
    /// Put back a removed entry (undo).
    Restore(DiaryEntry),
    /// Copy the activities of `from` onto `to` ("same as yesterday"), without ratings or notes.
    /// `batch` is a number the page chooses for this copy (the time in milliseconds will do);
    /// the ids the copy gets are kept under it, so the copy can be undone exactly, even when it
    /// was re-applied on top of another tab's changes and got other ids than first time.
    Repeat {
        from: NaiveDate,
        to: NaiveDate,
        batch: u64,
    },
    /// Take away exactly the entries the copy `batch` added (undo). Nothing else is touched.
    UndoRepeat {
        batch: u64,
    },
    /// Mark a day as unwell, holiday or rest, or take the mark away (`None`).
    MarkDay {
        date: NaiveDate,
        kind: Option<DayKind>,
    },
    /// Which optional ratings the diary asks for.
    SetRatings(DiaryRatingToggles),
    SetPacingOn(bool),
    /// The pacing budget, the area it covers and the baseline days it came from.
    SetBudget {
        area: Option<LifeArea>,
        baseline: Vec<u16>,
        budget: u16,
    },
}

fn gone() -> DomainError {
    DomainError::Invalid(
        "That activity is no longer in your diary. It may have been changed in another tab.".into(),
    )
}

/// How many recent copies ("same as yesterday") are remembered for undo.
pub const KEPT_COPIES: usize = 5;

/// The entries one "same as yesterday" added, so its undo takes away exactly those.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryCopy {
    pub batch: u64,
    pub ids: Vec<EntryId>,
}

/// A record number no entry has.
fn fresh_id(data: &mut AppData) -> Result<EntryId, DomainError> {
    for _ in 0..=data.diary.len() {
        let id = EntryId(data.take_id());
        if !data.diary.iter().any(|e| e.id == id) {
            return Ok(id);
        }
    }
    Err(DomainError::Invalid(
        "There is no room for more records. Please download a backup and ask for help.".into(),
    ))
}

/// Keep the diary in date order: a new entry goes after the others on its day.
fn insert_entry(data: &mut AppData, entry: DiaryEntry) {
    let at = data.diary.partition_point(|e| e.date <= entry.date);
    data.diary.insert(at, entry);
}

/// Apply a diary command. On error nothing has changed.
pub fn apply(data: &mut AppData, command: DiaryCommand) -> Result<(), DomainError> {
    match command {
        DiaryCommand::Add(draft) => {
            let draft = draft.checked()?;
            let id = fresh_id(data)?;
            insert_entry(data, draft.into_entry(id));
        }
        DiaryCommand::Change { id, draft } => {
            let draft = draft.checked()?;
            let at = data
                .diary
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(gone)?;
            data.diary.remove(at);
            insert_entry(data, draft.into_entry(id));
        }
        DiaryCommand::Remove(id) => {
            let at = data
                .diary
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(gone)?;
            data.diary.remove(at);
        }
        DiaryCommand::Restore(entry) => {
            if data.diary.iter().any(|e| e.id == entry.id) {
                return Err(DomainError::Invalid(
                    "That activity is already in your diary.".into(),
                ));
            }
            check_entry_numbers(entry.minutes, &entry.ratings)?;
            insert_entry(data, entry);
        }
        DiaryCommand::Repeat { from, to, batch } => {
            if data.copies.iter().any(|c| c.batch == batch) {
                return Err(DomainError::Invalid(
                    "That copy has already been made.".into(),
                ));
            }
            if from == to {
                return Err(DomainError::Invalid(
                    "Please choose a different day to copy from.".into(),
                ));
            }
            let copies: Vec<DiaryEntry> = day_entries(&data.diary, from)
                .into_iter()
                .cloned()
                .collect();
            if copies.is_empty() {
                return Err(DomainError::Invalid(format!(
                    "There is nothing in your diary for {} to copy.",
                    weekday_date(from)
                )));
            }
            // Ids are taken on a copy of the counter, so a refusal part way changes nothing.
            let kept_next = data.next_id;
            let mut added = Vec::with_capacity(copies.len());
            for e in copies {
                let id = match fresh_id(data) {
                    Ok(id) => id,
                    Err(e) => {
                        data.next_id = kept_next;
                        return Err(e);
                    }
                };
                added.push(DiaryEntry {
                    id,
                    date: to,
                    note: String::new(),
                    ratings: EntryRatings::default(),
                    ..e
                });
            }
            let ids = added.iter().map(|e| e.id).collect();
            for e in added {
                insert_entry(data, e);
            }
            data.copies.push(DiaryCopy { batch, ids });
            let extra = data.copies.len().saturating_sub(KEPT_COPIES);
            data.copies.drain(..extra);
        }
        DiaryCommand::UndoRepeat { batch } => {
            let at = data
                .copies
                .iter()
                .position(|c| c.batch == batch)
                .ok_or_else(|| {
                    DomainError::Invalid(
                        "That copy can no longer be undone. You can still remove each \
                         activity on its own."
                            .into(),
                    )
                })?;
            let copy = data.copies.remove(at);
            // Only the ids this copy was given: entries added any other way are never touched.
            data.diary.retain(|e| !copy.ids.contains(&e.id));
        }
        DiaryCommand::MarkDay { date, kind } => {
            data.day_marks.retain(|m| m.date != date);
            if let Some(kind) = kind {
                let at = data.day_marks.partition_point(|m| m.date < date);
                data.day_marks.insert(at, DayMark { date, kind });
            }
        }
        DiaryCommand::SetRatings(toggles) => data.settings.diary_ratings = toggles,
        DiaryCommand::SetPacingOn(on) => data.settings.pacing.on = on,
        DiaryCommand::SetBudget {
            area,
            baseline,
            budget,
        } => {
            let pacing = Pacing {
                on: data.settings.pacing.on,
                area,
                baseline,
                budget: Some(budget),
            };
            check_pacing(&pacing)?;
            data.settings.pacing = pacing;
        }
    }
    Ok(())
}

fn check_pacing(p: &Pacing) -> Result<(), DomainError> {
    if p.baseline.len() > BASELINE_DAYS {
        return Err(DomainError::Invalid(format!(
            "A baseline has at most {BASELINE_DAYS} days."
        )));
    }
    for &m in &p.baseline {
        check_range(
            "minutes on a baseline day",
            m.into(),
            0,
            MINUTES_IN_A_DAY.into(),
        )?;
    }
    if let Some(b) = p.budget {
        check_range(
            "daily budget in minutes",
            b.into(),
            1,
            MINUTES_IN_A_DAY.into(),
        )?;
    }
    Ok(())
}

/// Checks on stored diary settings (entries are checked in `AppData::validate`).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    check_pacing(&data.settings.pacing)?;
    for e in &data.diary {
        check_text("activity", &e.what, MAX_WHAT_CHARS)?;
        check_text("note", &e.note, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

// --- Finding entries ---

/// The entries dated `from` to `to` inclusive. The diary is kept in date order, so this is a
/// binary search; data from elsewhere that is not in order is searched one by one instead.
pub fn entries_between(diary: &[DiaryEntry], from: NaiveDate, to: NaiveDate) -> &[DiaryEntry] {
    let start = diary.partition_point(|e| e.date < from);
    let end = diary.partition_point(|e| e.date <= to);
    diary.get(start..end.max(start)).unwrap_or(&[])
}

fn in_order(diary: &[DiaryEntry]) -> bool {
    diary.windows(2).all(|w| w[0].date <= w[1].date)
}

/// One day's entries in timeline order.
pub fn day_entries(diary: &[DiaryEntry], date: NaiveDate) -> Vec<&DiaryEntry> {
    let mut list: Vec<&DiaryEntry> = if in_order(diary) {
        entries_between(diary, date, date).iter().collect()
    } else {
        diary.iter().filter(|e| e.date == date).collect()
    };
    list.sort_unstable_by_key(|e| timeline_key(e));
    list
}

/// The mark on a day, if any.
pub fn mark_on(marks: &[DayMark], date: NaiveDate) -> Option<DayKind> {
    marks.iter().find(|m| m.date == date).map(|m| m.kind)
}

// --- Day view ---

/// One day: its entries in timeline order and its totals.
#[derive(Clone, Debug, PartialEq)]
pub struct DayView<'a> {
    pub date: NaiveDate,
    pub mark: Option<DayKind>,
    pub entries: Vec<&'a DiaryEntry>,
    pub total: u32,
    /// Minutes per area, in `LifeArea::ALL` order.
    pub by_area: [u32; 4],
}

impl DayView<'_> {
    /// More time logged than a day holds.
    pub fn over_a_day(&self) -> bool {
        self.total > MINUTES_IN_A_DAY
    }
}

pub fn day_view(data: &AppData, date: NaiveDate) -> DayView<'_> {
    let entries = day_entries(&data.diary, date);
    let mut by_area = [0u32; 4];
    for e in &entries {
        by_area[area_index(e.area)] += u32::from(e.minutes);
    }
    DayView {
        date,
        mark: mark_on(&data.day_marks, date),
        total: by_area.iter().sum(),
        entries,
        by_area,
    }
}

/// The warning for a day holding more than 24 hours, if it does.
pub fn over_a_day_warning(total: u32) -> Option<String> {
    (total > MINUTES_IN_A_DAY).then(|| {
        format!(
            "This day has {} of activities, more than the 24 hours in a day. Please check the \
             times: one may be too long or put in twice.",
            minutes_words(total)
        )
    })
}

// --- Week view ---

/// Time per area and each area's share, as whole percentages that add up to 100.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    pub minutes: [u32; 4],
    pub total: u32,
    pub percent: [u32; 4],
}

impl Balance {
    fn from_minutes(minutes: [u32; 4]) -> Balance {
        Balance {
            minutes,
            total: minutes.iter().sum(),
            percent: shares(&minutes),
        }
    }
}

/// Whole percentages adding up to exactly 100 (largest remainders get the spare points); all
/// zero when there is nothing.
pub fn shares(parts: &[u32; 4]) -> [u32; 4] {
    let total: u64 = parts.iter().map(|&p| u64::from(p)).sum();
    let mut out = [0u32; 4];
    if total == 0 {
        return out;
    }
    let mut rest = [(0u64, 0usize); 4];
    for (i, &p) in parts.iter().enumerate() {
        let x = u64::from(p) * 100;
        out[i] = (x / total) as u32;
        rest[i] = (x % total, i);
    }
    // Biggest remainder first; equal remainders in area order.
    rest.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let spare = 100 - out.iter().sum::<u32>();
    for &(_, i) in rest.iter().take(spare as usize) {
        out[i] += 1;
    }
    out
}

/// One activity on a day, with the same activity done several times added together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayActivity {
    pub what: String,
    pub times: u32,
    pub minutes: u32,
}

/// One day's row in the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayLine {
    pub date: NaiveDate,
    pub mark: Option<DayKind>,
    pub total: u32,
    pub by_area: [u32; 4],
    pub activities: Vec<DayActivity>,
}

/// The average of one rating over a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RatingAverage {
    pub kind: RatingKind,
    pub tenths: u32,
    pub count: usize,
}

/// A Monday-to-Sunday week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekView {
    pub start: NaiveDate,
    pub days: Vec<DayLine>,
    /// Everything logged in the week.
    pub total: u32,
    /// The balance over the days not marked unwell, holiday or rest.
    pub balance: Balance,
    /// Average ratings over the days not marked, for each rating given at least once.
    pub ratings: Vec<RatingAverage>,
    pub marked_days: usize,
}

/// Lower case with single spaces, so "Walk " and "walk" are the same activity.
fn activity_key(what: &str) -> String {
    what.split_whitespace()
        .map(super::case::lower)
        .collect::<Vec<_>>()
        .join(" ")
}

fn ratings_over<'a>(entries: impl Iterator<Item = &'a DiaryEntry>) -> Vec<RatingAverage> {
    let mut sums = [(0u64, 0u64); 6];
    for e in entries {
        for (i, kind) in RatingKind::ALL.into_iter().enumerate() {
            if let Some(v) = kind.of(&e.ratings) {
                sums[i].0 += u64::from(v);
                sums[i].1 += 1;
            }
        }
    }
    RatingKind::ALL
        .into_iter()
        .zip(sums)
        .filter(|(_, (_, n))| *n > 0)
        .map(|(kind, (sum, n))| RatingAverage {
            kind,
            tenths: average_tenths(sum, n),
            count: n as usize,
        })
        .collect()
}

/// The week starting on the Monday on or before `date`.
pub fn week_view(data: &AppData, date: NaiveDate) -> WeekView {
    let start = week_start(date);
    let mut days = Vec::with_capacity(7);
    let mut balance = [0u32; 4];
    let mut ordinary: Vec<&DiaryEntry> = Vec::new();
    let mut marked_days = 0;
    for i in 0..7 {
        let day = day_view(data, add_days(start, i));
        let mut activities: Vec<DayActivity> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for e in &day.entries {
            let key = activity_key(&e.what);
            let minutes = u32::from(e.minutes);
            match keys.iter().position(|k| *k == key) {
                Some(at) => {
                    activities[at].times += 1;
                    activities[at].minutes += minutes;
                }
                None => {
                    keys.push(key);
                    activities.push(DayActivity {
                        what: e.what.clone(),
                        times: 1,
                        minutes,
                    });
                }
            }
        }
        if day.mark.is_some() {
            marked_days += 1;
        } else {
            for (b, m) in balance.iter_mut().zip(day.by_area) {
                *b += m;
            }
            ordinary.extend(day.entries.iter().copied());
        }
        days.push(DayLine {
            date: day.date,
            mark: day.mark,
            total: day.total,
            by_area: day.by_area,
            activities,
        });
    }
    WeekView {
        start,
        total: days.iter().map(|d| d.total).sum(),
        days,
        balance: Balance::from_minutes(balance),
        ratings: ratings_over(ordinary.into_iter()),
        marked_days,
    }
}

// --- Insights ---

/// An activity that went with a better rating than the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityLift {
    pub what: String,
    pub tenths: u32,
    pub count: usize,
    pub others_tenths: u32,
    pub others_count: usize,
}

/// What can be said about one rating (mood or enjoyment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingFinding {
    /// Fewer than `MIN_RATED` ratings so far.
    NotEnough { rated: usize },
    /// Enough ratings, but no activity stands out by a point or more.
    NothingStandsOut { rated: usize },
    /// The activities that stand out, best first (at most three).
    Found {
        rated: usize,
        lifts: Vec<ActivityLift>,
    },
}

/// The balance in the first and the latest week with records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalanceChange {
    pub first_week: NaiveDate,
    pub first: Balance,
    pub latest_week: NaiveDate,
    pub latest: Balance,
}

/// Everything the diary can say from the person's own data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Insights {
    pub mood: RatingFinding,
    pub enjoyment: RatingFinding,
    /// None until there are two different weeks with records.
    pub balance: Option<BalanceChange>,
}

/// Mood and enjoyment ratings of one activity: (sum, count) for each.
type Tally = [(u64, u64); 2];

/// What can be said about one rating, from the tallies of each activity and of everything.
fn rating_finding(per: &[(&str, Tally)], k: usize) -> RatingFinding {
    let (sum, rated) = per
        .iter()
        .fold((0, 0), |(s, n), (_, t)| (s + t[k].0, n + t[k].1));
    let rated_n = rated as usize;
    if rated_n < MIN_RATED {
        return RatingFinding::NotEnough { rated: rated_n };
    }
    let mut lifts: Vec<ActivityLift> = per
        .iter()
        .filter_map(|&(what, t)| {
            let (s, n) = t[k];
            let others = rated - n;
            if (n as usize) < MIN_PER_ACTIVITY || (others as usize) < MIN_PER_ACTIVITY {
                return None;
            }
            let tenths = average_tenths(s, n);
            let others_tenths = average_tenths(sum - s, others);
            (tenths >= others_tenths + MIN_LIFT_TENTHS).then(|| ActivityLift {
                what: what.to_string(),
                tenths,
                count: n as usize,
                others_tenths,
                others_count: others as usize,
            })
        })
        .collect();
    // Biggest difference first, then the most often done, then by name (a stable order).
    lifts.sort_unstable_by(|a, b| {
        (b.tenths - b.others_tenths)
            .cmp(&(a.tenths - a.others_tenths))
            .then(b.count.cmp(&a.count))
            .then(a.what.cmp(&b.what))
    });
    lifts.truncate(3);
    if lifts.is_empty() {
        RatingFinding::NothingStandsOut { rated: rated_n }
    } else {
        RatingFinding::Found {
            rated: rated_n,
            lifts,
        }
    }
}

/// Insights from every entry up to `upto`, leaving out days marked unwell, holiday or rest.
/// One pass over the diary; activities are tallied by their exact text first (no copying),
/// and only the few distinct texts are then put together by their lower-case form.
pub fn insights(data: &AppData, upto: NaiveDate) -> Insights {
    let mut marks: Vec<NaiveDate> = data.day_marks.iter().map(|m| m.date).collect();
    marks.sort_unstable();
    // The first and latest weeks holding any time, with each week's minutes per area.
    let mut first: Option<(NaiveDate, [u32; 4])> = None;
    let mut latest: Option<(NaiveDate, [u32; 4])> = None;
    // Per exact text: the tallies and the position of its latest entry.
    let mut by_text: HashMap<&str, (Tally, usize)> = HashMap::new();
    for (at, e) in data.diary.iter().enumerate() {
        if e.date > upto || marks.binary_search(&e.date).is_ok() {
            continue;
        }
        let week = week_start(e.date);
        let (i, m) = (area_index(e.area), u32::from(e.minutes));
        for (slot, earlier) in [(&mut first, true), (&mut latest, false)] {
            match slot {
                Some((w, mins)) if *w == week => mins[i] += m,
                // A week further out replaces the one kept; any other is passed over.
                Some((w, _)) if (week < *w) != earlier => {}
                _ => {
                    let mut mins = [0; 4];
                    mins[i] = m;
                    *slot = Some((week, mins));
                }
            }
        }
        let (mood, enjoyment) = (e.ratings.mood, e.ratings.enjoyment);
        if mood.is_some() || enjoyment.is_some() {
            let slot = by_text.entry(e.what.as_str()).or_default();
            for (k, v) in [mood, enjoyment].into_iter().enumerate() {
                if let Some(v) = v {
                    slot.0[k].0 += u64::from(v);
                    slot.0[k].1 += 1;
                }
            }
            slot.1 = at;
        }
    }
    // Put "Walk" and "walk " together, named as most recently written.
    let mut by_key: HashMap<String, (&str, Tally, usize)> = HashMap::new();
    for (what, (t, at)) in by_text {
        let slot = by_key
            .entry(activity_key(what))
            .or_insert((what, [(0, 0); 2], at));
        for (sum, add) in slot.1.iter_mut().zip(t) {
            sum.0 += add.0;
            sum.1 += add.1;
        }
        if at >= slot.2 {
            slot.0 = what;
            slot.2 = at;
        }
    }
    let per: Vec<(&str, Tally)> = by_key.into_values().map(|(w, t, _)| (w, t)).collect();
    let balance = match (first, latest) {
        (Some((fw, fm)), Some((lw, lm))) if fw != lw => Some(BalanceChange {
            first_week: fw,
            first: Balance::from_minutes(fm),
            latest_week: lw,
            latest: Balance::from_minutes(lm),
        }),
        _ => None,
    };
    Insights {
        mood: rating_finding(&per, 0),
        enjoyment: rating_finding(&per, 1),
        balance,
    }
}

/// Plain-English sentences for a rating finding.
pub fn finding_sentences(kind: RatingKind, finding: &RatingFinding) -> Vec<String> {
    let (noun, better) = match kind {
        RatingKind::Enjoyment => ("enjoyment", "you enjoyed more"),
        _ => ("mood", "went with a better mood"),
    };
    match finding {
        RatingFinding::NotEnough { rated } => vec![format!(
            "Once you have rated your {noun} for at least {MIN_RATED} activities, this will show \
             which activities {}. So far you have rated {rated}.",
            if kind == RatingKind::Enjoyment {
                "you enjoy most"
            } else {
                "go with a better mood"
            }
        )],
        RatingFinding::NothingStandsOut { rated } => vec![format!(
            "From {rated} {noun} ratings, no activity you did at least {MIN_PER_ACTIVITY} times \
             stands out by a point or more: your {noun} was much the same whatever you did."
        )],
        RatingFinding::Found { lifts, .. } => lifts
            .iter()
            .map(|l| {
                let head = if kind == RatingKind::Enjoyment {
                    format!("{} is something {better}", l.what)
                } else {
                    format!("{} {better}", l.what)
                };
                format!(
                    "{head}: {} on average over {} times, against {} for your other activities \
                     ({} ratings).",
                    out_of_ten(l.tenths),
                    l.count,
                    out_of_ten(l.others_tenths),
                    l.others_count
                )
            })
            .collect(),
    }
}

/// Sentences about how the balance changed from the first to the latest week.
pub fn balance_sentences(change: &BalanceChange) -> Vec<String> {
    let first = weekday_date(change.first_week);
    let latest = weekday_date(change.latest_week);
    let mut out = Vec::new();
    for (i, area) in LifeArea::ALL.into_iter().enumerate() {
        let (a, b) = (change.first.percent[i], change.latest.percent[i]);
        if a.abs_diff(b) >= MIN_BALANCE_CHANGE {
            out.push(format!(
                "{}: {}% of your recorded time in your first week (from {first}), {}% in your \
                 latest week (from {latest}), {} {} points.",
                area.label(),
                a,
                b,
                if b > a { "up" } else { "down" },
                a.abs_diff(b)
            ));
        }
    }
    if out.is_empty() {
        out.push(format!(
            "The balance across areas of life in your latest week (from {latest}) is much the same \
             as in your first week (from {first}): no area changed by {MIN_BALANCE_CHANGE} points \
             or more."
        ));
    }
    out
}

// --- Pacing ---

/// The usual starting budget: the average of the baseline days less 20 percent, in whole
/// minutes (rounded to the nearest). None unless there are three days with time on them.
pub fn suggested_budget(baseline: &[u16]) -> Option<u16> {
    if baseline.len() != BASELINE_DAYS || baseline.contains(&0) {
        return None;
    }
    let sum: u32 = baseline.iter().map(|&m| u32::from(m)).sum();
    // sum / 3 × 0.8 = sum × 8 / 30, rounded half up.
    Some(((sum * 8 * 2 + 30) / 60) as u16)
}

/// The minutes that count towards the budget: one area, or everything except rest.
pub fn counted_minutes<'a>(
    entries: impl IntoIterator<Item = &'a DiaryEntry>,
    area: Option<LifeArea>,
) -> u32 {
    entries
        .into_iter()
        .filter(|e| match area {
            Some(a) => e.area == a,
            None => e.area != LifeArea::Rest,
        })
        .map(|e| u32::from(e.minutes))
        .sum()
}

/// What the budget covers, for sentences: "leisure", "all activity except rest".
pub fn budget_area_words(area: Option<LifeArea>) -> String {
    match area {
        Some(a) => a.label().to_ascii_lowercase(),
        None => "all activity except rest".into(),
    }
}

/// Up to three recent days, before `before` and not marked, with time counted for the budget:
/// a starting point for the baseline the person can change. Newest first.
pub fn baseline_from_diary(
    data: &AppData,
    before: NaiveDate,
    area: Option<LifeArea>,
) -> Vec<(NaiveDate, u16)> {
    let mut out: Vec<(NaiveDate, u16)> = Vec::new();
    let mut day = before;
    // Look back at most eight weeks.
    for _ in 0..56 {
        let Some(previous) = day.pred_opt() else {
            break;
        };
        day = previous;
        if mark_on(&data.day_marks, day).is_some() {
            continue;
        }
        let m = counted_minutes(day_entries(&data.diary, day), area);
        if m > 0 {
            out.push((day, m.min(MINUTES_IN_A_DAY) as u16));
            if out.len() == BASELINE_DAYS {
                break;
            }
        }
    }
    out
}

/// How a day stands against the budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BudgetStatus {
    Within,
    Over,
    /// Well over: more than `BOOM_PERCENT` of the budget.
    Boom,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BudgetUse {
    pub used: u32,
    pub budget: u32,
    pub status: BudgetStatus,
    /// The day is marked unwell, holiday or rest: no flag is raised.
    pub marked: bool,
}

/// Time used against the budget on `date`, when pacing is on and a budget is set.
pub fn budget_use(data: &AppData, date: NaiveDate) -> Option<BudgetUse> {
    let p = &data.settings.pacing;
    let budget = u32::from(p.budget?).max(1);
    if !p.on {
        return None;
    }
    let used = counted_minutes(day_entries(&data.diary, date), p.area);
    let status = if used * 100 > budget * BOOM_PERCENT {
        BudgetStatus::Boom
    } else if used > budget {
        BudgetStatus::Over
    } else {
        BudgetStatus::Within
    };
    Some(BudgetUse {
        used,
        budget,
        status,
        marked: mark_on(&data.day_marks, date).is_some(),
    })
}

/// A headline and a gentle line of advice.
pub fn budget_words(u: &BudgetUse) -> (String, String) {
    let head = format!(
        "{} used of your budget of {}.",
        minutes_words(u.used),
        minutes_words(u.budget)
    );
    let advice = match (u.marked, u.status) {
        (true, _) => "This day is marked, so it is not counted against you.".to_string(),
        (false, BudgetStatus::Within) if u.used == u.budget => "Right on your budget.".into(),
        (false, BudgetStatus::Within) => {
            format!("{} left.", minutes_words(u.budget - u.used))
        }
        (false, BudgetStatus::Over) => format!(
            "A little over, by {}. That is fine now and then.",
            minutes_words(u.used - u.budget)
        ),
        (false, BudgetStatus::Boom) => format!(
            "A busy day: {} over, well above your budget. That happens. A lighter day tomorrow, \
             with rest between activities, can help you avoid a crash.",
            minutes_words(u.used - u.budget)
        ),
    };
    (head, advice)
}

// --- Suggestions ---

/// Something to log with one tap: what, the area and how long it usually takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub what: String,
    pub area: LifeArea,
    pub minutes: u16,
}

/// A short built-in list for a new diary.
pub const BUILT_IN: [(&str, LifeArea, u16); 8] = [
    ("Get washed and dressed", LifeArea::SelfCare, 30),
    ("Make a meal", LifeArea::SelfCare, 30),
    ("Housework", LifeArea::Productivity, 30),
    ("Shopping", LifeArea::Productivity, 60),
    ("Go for a walk", LifeArea::Leisure, 20),
    ("See or phone someone", LifeArea::Leisure, 30),
    ("Watch TV or listen to the radio", LifeArea::Leisure, 60),
    ("Rest", LifeArea::Rest, 30),
];

/// Entries looked at for suggestions: the most recent ones, so old habits fade.
const RECENT: usize = 300;

/// Up to `limit` suggestions: the person's most frequent recent activities (as last logged),
/// then the built-in list.
pub fn suggestions(diary: &[DiaryEntry], limit: usize) -> Vec<Suggestion> {
    // Per activity: (count, recency rank, the latest entry).
    let mut seen: HashMap<String, (usize, usize, &DiaryEntry)> = HashMap::new();
    for (rank, e) in diary.iter().rev().take(RECENT).enumerate() {
        let slot = seen.entry(activity_key(&e.what)).or_insert((0, rank, e));
        slot.0 += 1;
    }
    let mut own: Vec<(String, (usize, usize, &DiaryEntry))> = seen.into_iter().collect();
    own.sort_unstable_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    let mut out: Vec<Suggestion> = Vec::with_capacity(limit);
    let mut keys: Vec<String> = Vec::new();
    for (key, (_, _, e)) in own.into_iter().take(limit) {
        keys.push(key);
        out.push(Suggestion {
            what: e.what.clone(),
            area: e.area,
            minutes: e.minutes,
        });
    }
    for (what, area, minutes) in BUILT_IN {
        if out.len() >= limit {
            break;
        }
        if !keys.contains(&activity_key(what)) {
            out.push(Suggestion {
                what: what.into(),
                area,
                minutes,
            });
        }
    }
    out
}

/// The area and length last used for an activity, to fill in when the name is typed.
pub fn last_used(diary: &[DiaryEntry], what: &str) -> Option<(LifeArea, u16)> {
    let key = activity_key(what);
    if key.is_empty() {
        return None;
    }
    diary
        .iter()
        .rev()
        .take(RECENT * 3)
        .find(|e| activity_key(&e.what) == key)
        .map(|e| (e.area, e.minutes))
        .or_else(|| {
            BUILT_IN
                .iter()
                .find(|b| activity_key(b.0) == key)
                .map(|b| (b.1, b.2))
        })
}

/// Distinct activity names for the text field's list, most recent first.
pub fn history_names(diary: &[DiaryEntry], limit: usize) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for e in diary.iter().rev().take(RECENT * 3) {
        let key = activity_key(&e.what);
        if !keys.contains(&key) {
            keys.push(key);
            out.push(e.what.clone());
            if out.len() >= limit {
                break;
            }
        }
    }
    out
}

/// The latest day before `date` (at most two weeks back) with entries, to repeat.
pub fn repeat_source(diary: &[DiaryEntry], date: NaiveDate) -> Option<NaiveDate> {
    let from = add_days(date, -14);
    let before = date.pred_opt()?;
    if in_order(diary) {
        entries_between(diary, from, before).last().map(|e| e.date)
    } else {
        diary
            .iter()
            .filter(|e| e.date >= from && e.date <= before)
            .map(|e| e.date)
            .max()
    }
}

/// "Same as yesterday" or "Same as Monday 23 November" for the repeat button.
pub fn repeat_label(source: NaiveDate, date: NaiveDate, today: NaiveDate) -> String {
    if date.pred_opt() == Some(source) {
        if date == today {
            "Same as yesterday".into()
        } else {
            "Same as the day before".into()
        }
    } else {
        format!("Same as {}", weekday_date(source))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::state::Command;
    use chrono::Duration;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    fn draft(date: NaiveDate, what: &str, minutes: u16, area: LifeArea) -> EntryDraft {
        EntryDraft {
            date,
            time: None,
            part: None,
            minutes,
            area,
            what: what.into(),
            note: String::new(),
            ratings: EntryRatings::default(),
        }
    }

    fn add(data: &mut AppData, draft: EntryDraft) {
        data.apply(Command::Diary(DiaryCommand::Add(draft)))
            .unwrap();
    }

    fn rated(date: NaiveDate, what: &str, mood: u8, enjoyment: u8) -> EntryDraft {
        EntryDraft {
            ratings: EntryRatings {
                mood: Some(mood),
                enjoyment: Some(enjoyment),
                ..EntryRatings::default()
            },
            ..draft(date, what, 30, LifeArea::Leisure)
        }
    }

    #[test]
    fn words() {
        assert_eq!(minutes_words(1), "1 minute");
        assert_eq!(minutes_words(45), "45 minutes");
        assert_eq!(minutes_words(60), "1 hour");
        assert_eq!(minutes_words(61), "1 hour 1 minute");
        assert_eq!(minutes_words(90), "1 hour 30 minutes");
        assert_eq!(minutes_words(1500), "25 hours");
        assert_eq!(out_of_ten(63), "6.3 out of 10");
        assert_eq!(out_of_ten(70), "7 out of 10");
        assert_eq!(form_minutes(" 30 "), Ok(30));
        assert_eq!(form_minutes("1440"), Ok(1440));
        for bad in ["0", "1441", "-5", "half an hour", "", "2.5"] {
            assert!(form_minutes(bad).is_err(), "{bad}");
        }
        assert_eq!(form_time("23:30"), Ok(t(23, 30).unwrap()));
        assert!(form_time("24:00").is_err());
        assert!(form_time("").is_err());
        assert_eq!(part_of_day(t(4, 59).unwrap()), PartOfDay::Night);
        assert_eq!(part_of_day(t(5, 0).unwrap()), PartOfDay::Morning);
        assert_eq!(part_of_day(t(12, 0).unwrap()), PartOfDay::Afternoon);
        assert_eq!(part_of_day(t(21, 59).unwrap()), PartOfDay::Evening);
        assert_eq!(part_of_day(t(23, 30).unwrap()), PartOfDay::Night);
        assert_eq!(week_start(d(11, 29)), d(11, 23));
        assert_eq!(week_start(d(11, 23)), d(11, 23));
    }

    #[test]
    fn bad_entries_are_refused_and_change_nothing() {
        let mut data = AppData::default();
        let before = data.clone();
        for (bad, words) in [
            (
                draft(d(3, 2), "   ", 30, LifeArea::Rest),
                "write what you did",
            ),
            (
                draft(d(3, 2), "Walk", 0, LifeArea::Rest),
                "at least 1 minute",
            ),
            (
                draft(d(3, 2), "Walk", 1441, LifeArea::Rest),
                "between 1 and 1440",
            ),
            (
                draft(d(3, 2), &"x".repeat(121), 30, LifeArea::Rest),
                "too long",
            ),
            (
                EntryDraft {
                    ratings: EntryRatings {
                        pain: Some(11),
                        ..EntryRatings::default()
                    },
                    ..draft(d(3, 2), "Walk", 30, LifeArea::Rest)
                },
                "pain or tiredness rating must be between 0 and 10",
            ),
        ] {
            let err = data
                .apply(Command::Diary(DiaryCommand::Add(bad)))
                .unwrap_err();
            assert!(err.to_string().contains(words), "{err}");
            assert_eq!(data, before);
        }
    }

    #[test]
    fn entries_are_added_changed_removed_and_restored_in_date_order() {
        let mut data = AppData::default();
        add(
            &mut data,
            draft(d(3, 5), "  Walk   to the  park ", 30, LifeArea::Leisure),
        );
        add(&mut data, draft(d(3, 2), "Shower", 20, LifeArea::SelfCare));
        add(
            &mut data,
            draft(d(3, 9), "Work", 240, LifeArea::Productivity),
        );
        let dates: Vec<_> = data.diary.iter().map(|e| e.date).collect();
        assert_eq!(dates, vec![d(3, 2), d(3, 5), d(3, 9)]);
        assert_eq!(data.diary[1].what, "Walk to the park");
        let walk = data.diary[1].clone();

        // Moving an entry to another day keeps its id and the order.
        let change = DiaryCommand::Change {
            id: walk.id,
            draft: EntryDraft {
                time: t(23, 30),
                part: Some(PartOfDay::Morning),
                ..draft(d(3, 10), "Walk to the park", 45, LifeArea::Leisure)
            },
        };
        data.apply(Command::Diary(change)).unwrap();
        let moved = data.diary.last().unwrap().clone();
        assert_eq!(
            (moved.id, moved.date, moved.minutes),
            (walk.id, d(3, 10), 45)
        );
        // A time makes the part of the day unnecessary.
        assert_eq!(moved.part, None);

        data.apply(Command::Diary(DiaryCommand::Remove(moved.id)))
            .unwrap();
        assert_eq!(data.diary.len(), 2);
        assert!(data
            .apply(Command::Diary(DiaryCommand::Remove(moved.id)))
            .is_err());
        data.apply(Command::Diary(DiaryCommand::Restore(moved.clone())))
            .unwrap();
        assert_eq!(data.diary.last(), Some(&moved));
        assert!(data
            .apply(Command::Diary(DiaryCommand::Restore(moved)))
            .is_err());
        data.validate().unwrap();
    }

    #[test]
    fn an_entry_late_at_night_stays_on_the_day_chosen() {
        // 29 March 2026 is the day the UK clocks go forward; 25 October they go back. The
        // diary works on calendar days, so neither moves an entry.
        let mut data = AppData::default();
        for day in [d(3, 28), d(3, 29), d(10, 25)] {
            add(
                &mut data,
                EntryDraft {
                    time: t(23, 30),
                    ..draft(day, "Read in bed", 30, LifeArea::Rest)
                },
            );
            add(
                &mut data,
                EntryDraft {
                    time: t(0, 30),
                    ..draft(day, "Could not sleep", 30, LifeArea::Rest)
                },
            );
        }
        for day in [d(3, 28), d(3, 29), d(10, 25)] {
            let v = day_view(&data, day);
            let whats: Vec<_> = v.entries.iter().map(|e| e.what.as_str()).collect();
            assert_eq!(whats, vec!["Could not sleep", "Read in bed"], "{day}");
            assert_eq!(v.total, 60);
        }
        let week = week_view(&data, d(3, 29));
        assert_eq!(week.start, d(3, 23));
        assert_eq!(week.days.len(), 7);
        assert_eq!(week.days[5].total, 60);
        assert_eq!(week.days[6].total, 60);
    }

    #[test]
    fn day_view_orders_by_time_and_part_and_warns_over_24_hours() {
        let mut data = AppData::default();
        add(
            &mut data,
            EntryDraft {
                part: Some(PartOfDay::Evening),
                ..draft(d(3, 2), "Cook", 60, LifeArea::SelfCare)
            },
        );
        add(
            &mut data,
            draft(d(3, 2), "Phone call", 20, LifeArea::Leisure),
        );
        add(
            &mut data,
            EntryDraft {
                time: t(9, 15),
                ..draft(d(3, 2), "Shower", 20, LifeArea::SelfCare)
            },
        );
        add(
            &mut data,
            EntryDraft {
                part: Some(PartOfDay::Morning),
                ..draft(d(3, 2), "Breakfast", 20, LifeArea::SelfCare)
            },
        );
        let v = day_view(&data, d(3, 2));
        let order: Vec<_> = v.entries.iter().map(|e| when_label(e)).collect();
        assert_eq!(order, vec!["Morning", "09:15", "Evening", "Time not given"]);
        assert_eq!(v.total, 120);
        assert_eq!(v.by_area, [100, 0, 20, 0]);
        assert!(!v.over_a_day());
        assert_eq!(over_a_day_warning(v.total), None);
        // More than 24 hours is allowed (it may be a mistake to fix later) but warned about.
        add(&mut data, draft(d(3, 2), "Sleep", 1_380, LifeArea::Rest));
        let v = day_view(&data, d(3, 2));
        assert!(v.over_a_day());
        assert!(over_a_day_warning(v.total)
            .unwrap()
            .contains("25 hours of activities, more than the 24 hours in a day"));
        // The next day is empty.
        assert!(day_view(&data, d(3, 3)).entries.is_empty());
    }

    #[test]
    fn marks_are_one_per_day_and_can_be_taken_away() {
        let mut data = AppData::default();
        let mark = |data: &mut AppData, date, kind| {
            data.apply(Command::Diary(DiaryCommand::MarkDay { date, kind }))
                .unwrap()
        };
        mark(&mut data, d(3, 5), Some(DayKind::Unwell));
        mark(&mut data, d(3, 2), Some(DayKind::Holiday));
        mark(&mut data, d(3, 5), Some(DayKind::Rest));
        assert_eq!(
            data.day_marks,
            vec![
                DayMark {
                    date: d(3, 2),
                    kind: DayKind::Holiday
                },
                DayMark {
                    date: d(3, 5),
                    kind: DayKind::Rest
                }
            ]
        );
        mark(&mut data, d(3, 2), None);
        assert_eq!(mark_on(&data.day_marks, d(3, 2)), None);
        assert_eq!(mark_on(&data.day_marks, d(3, 5)), Some(DayKind::Rest));
    }

    #[test]
    fn week_view_worked_by_hand() {
        let mut data = AppData::default();
        // Monday 2 March to Sunday 8 March 2026.
        add(&mut data, rated(d(3, 2), "Walk", 8, 9));
        add(&mut data, rated(d(3, 2), "walk ", 6, 7));
        add(
            &mut data,
            draft(d(3, 2), "Work", 120, LifeArea::Productivity),
        );
        add(&mut data, draft(d(3, 4), "Shower", 30, LifeArea::SelfCare));
        // A day marked unwell: shown, but left out of the balance and averages.
        add(&mut data, rated(d(3, 5), "Walk", 1, 1));
        add(&mut data, draft(d(3, 5), "Lie down", 300, LifeArea::Rest));
        data.apply(Command::Diary(DiaryCommand::MarkDay {
            date: d(3, 5),
            kind: Some(DayKind::Unwell),
        }))
        .unwrap();
        // The next week is not in it.
        add(
            &mut data,
            draft(d(3, 9), "Work", 60, LifeArea::Productivity),
        );

        let w = week_view(&data, d(3, 6));
        assert_eq!(w.start, d(3, 2));
        assert_eq!(w.days[0].total, 180);
        assert_eq!(
            w.days[0].activities,
            vec![
                DayActivity {
                    what: "Walk".into(),
                    times: 2,
                    minutes: 60
                },
                DayActivity {
                    what: "Work".into(),
                    times: 1,
                    minutes: 120
                }
            ]
        );
        assert_eq!(w.days[3].mark, Some(DayKind::Unwell));
        assert_eq!(w.days[3].total, 330);
        assert_eq!(w.total, 540);
        assert_eq!(w.marked_days, 1);
        // Balance over the ordinary days: 30 self-care, 120 work, 60 leisure = 210.
        assert_eq!(w.balance.minutes, [30, 120, 60, 0]);
        assert_eq!(w.balance.total, 210);
        // 14.28.., 57.14.., 28.57.. → 14, 57, 29 (the largest remainder gets the spare point).
        assert_eq!(w.balance.percent, [14, 57, 29, 0]);
        // Mood (8 + 6) / 2 = 7; enjoyment (9 + 7) / 2 = 8; the unwell day's 1s left out.
        assert_eq!(
            w.ratings,
            vec![
                RatingAverage {
                    kind: RatingKind::Mood,
                    tenths: 70,
                    count: 2
                },
                RatingAverage {
                    kind: RatingKind::Enjoyment,
                    tenths: 80,
                    count: 2
                }
            ]
        );
    }

    #[test]
    fn shares_add_up_to_100() {
        assert_eq!(shares(&[0, 0, 0, 0]), [0, 0, 0, 0]);
        assert_eq!(shares(&[1, 1, 1, 0]), [34, 33, 33, 0]);
        assert_eq!(shares(&[10, 0, 0, 0]), [100, 0, 0, 0]);
        assert_eq!(shares(&[u32::MAX; 4]), [25, 25, 25, 25]);
    }

    #[test]
    fn insights_need_enough_ratings_and_give_the_numbers() {
        let mut data = AppData::default();
        let mut day = d(3, 2);
        // 19 rated entries: not enough yet.
        for i in 0..19u32 {
            let (what, mood) = if i % 3 == 0 {
                ("Walk in the park", 8)
            } else {
                ("Housework", 4)
            };
            add(&mut data, rated(day, what, mood, 5));
            day += Duration::days(1);
        }
        let ins = insights(&data, day);
        assert_eq!(ins.mood, RatingFinding::NotEnough { rated: 19 });
        assert!(finding_sentences(RatingKind::Mood, &ins.mood)[0]
            .contains("at least 20 activities, this will show which activities go with a better mood. So far you have rated 19."));

        // The 20th: walks (7 of them) average 8, housework (13) averages 4.
        add(&mut data, rated(day, "Housework", 4, 5));
        let ins = insights(&data, day);
        let RatingFinding::Found { rated, lifts } = &ins.mood else {
            panic!("{:?}", ins.mood);
        };
        assert_eq!(*rated, 20);
        assert_eq!(
            lifts,
            &vec![ActivityLift {
                what: "Walk in the park".into(),
                tenths: 80,
                count: 7,
                others_tenths: 40,
                others_count: 13
            }]
        );
        assert_eq!(
            finding_sentences(RatingKind::Mood, &ins.mood),
            vec![
                "Walk in the park went with a better mood: 8 out of 10 on average over 7 times, \
                  against 4 out of 10 for your other activities (13 ratings)."
            ]
        );
        // Enjoyment was 5 for everything: nothing stands out.
        assert_eq!(ins.enjoyment, RatingFinding::NothingStandsOut { rated: 20 });

        // Marking the walk days unwell leaves them out (they count for nothing).
        for e in data.diary.clone() {
            if e.what.starts_with("Walk") {
                data.apply(Command::Diary(DiaryCommand::MarkDay {
                    date: e.date,
                    kind: Some(DayKind::Unwell),
                }))
                .unwrap();
            }
        }
        assert_eq!(
            insights(&data, day).mood,
            RatingFinding::NotEnough { rated: 13 }
        );
    }

    #[test]
    fn balance_change_from_the_first_to_the_latest_week() {
        let mut data = AppData::default();
        assert_eq!(insights(&data, d(3, 31)).balance, None);
        add(
            &mut data,
            draft(d(3, 3), "Work", 300, LifeArea::Productivity),
        );
        add(&mut data, draft(d(3, 4), "Walk", 100, LifeArea::Leisure));
        // Only one week: nothing to compare.
        assert_eq!(insights(&data, d(3, 31)).balance, None);
        add(
            &mut data,
            draft(d(3, 17), "Work", 200, LifeArea::Productivity),
        );
        add(&mut data, draft(d(3, 18), "Walk", 200, LifeArea::Leisure));
        // A later entry after `upto` is not counted.
        add(&mut data, draft(d(3, 30), "Walk", 200, LifeArea::Rest));
        let change = insights(&data, d(3, 22)).balance.unwrap();
        assert_eq!(change.first_week, d(3, 2));
        assert_eq!(change.latest_week, d(3, 16));
        assert_eq!(change.first.percent, [0, 75, 25, 0]);
        assert_eq!(change.latest.percent, [0, 50, 50, 0]);
        assert_eq!(
            balance_sentences(&change),
            vec![
                "Work, study, housework or caring: 75% of your recorded time in your first week (from Monday 2 March), 50% in your latest week (from Monday 16 March), down 25 points.",
                "Leisure: 25% of your recorded time in your first week (from Monday 2 March), 50% in your latest week (from Monday 16 March), up 25 points."
            ]
        );
    }

    #[test]
    fn pacing_budget_and_boom_days() {
        assert_eq!(suggested_budget(&[100, 120, 140]), Some(96));
        // 100 + 100 + 101 = 301 → 301 × 0.8 / 3 = 80.27 → 80.
        assert_eq!(suggested_budget(&[100, 100, 101]), Some(80));
        assert_eq!(suggested_budget(&[100, 120]), None);
        assert_eq!(suggested_budget(&[100, 0, 120]), None);
        assert_eq!(suggested_budget(&[1440, 1440, 1440]), Some(1152));

        let mut data = AppData::default();
        add(
            &mut data,
            draft(d(3, 2), "Work", 100, LifeArea::Productivity),
        );
        add(&mut data, draft(d(3, 2), "Nap", 600, LifeArea::Rest));
        add(
            &mut data,
            draft(d(3, 3), "Work", 120, LifeArea::Productivity),
        );
        add(
            &mut data,
            draft(d(3, 4), "Work", 500, LifeArea::Productivity),
        );
        add(&mut data, draft(d(3, 5), "Walk", 140, LifeArea::Leisure));
        data.apply(Command::Diary(DiaryCommand::MarkDay {
            date: d(3, 4),
            kind: Some(DayKind::Unwell),
        }))
        .unwrap();
        // The marked day is skipped; rest does not count.
        assert_eq!(
            baseline_from_diary(&data, d(3, 6), None),
            vec![(d(3, 5), 140), (d(3, 3), 120), (d(3, 2), 100)]
        );
        assert_eq!(
            baseline_from_diary(&data, d(3, 6), Some(LifeArea::Leisure)),
            vec![(d(3, 5), 140)]
        );

        // Off by default: nothing is shown.
        assert_eq!(budget_use(&data, d(3, 2)), None);
        data.apply(Command::Diary(DiaryCommand::SetPacingOn(true)))
            .unwrap();
        assert_eq!(budget_use(&data, d(3, 2)), None);
        let bad = DiaryCommand::SetBudget {
            area: None,
            baseline: vec![100, 120, 140],
            budget: 0,
        };
        assert!(data.apply(Command::Diary(bad)).is_err());
        data.apply(Command::Diary(DiaryCommand::SetBudget {
            area: None,
            baseline: vec![100, 120, 140],
            budget: 96,
        }))
        .unwrap();
        assert!(data.settings.pacing.on);
        let u = budget_use(&data, d(3, 2)).unwrap();
        assert_eq!((u.used, u.budget, u.status), (100, 96, BudgetStatus::Over));
        assert_eq!(
            budget_words(&u).0,
            "1 hour 40 minutes used of your budget of 1 hour 36 minutes."
        );
        assert!(budget_words(&u)
            .1
            .starts_with("A little over, by 4 minutes."));
        // 140 > 96 × 1.25 = 120: a boom day, said gently.
        let u = budget_use(&data, d(3, 5)).unwrap();
        assert_eq!(u.status, BudgetStatus::Boom);
        assert!(budget_words(&u).1.contains("A lighter day tomorrow"));
        // Exactly 125% is not yet a boom.
        add(&mut data, draft(d(3, 6), "Walk", 120, LifeArea::Leisure));
        assert_eq!(
            budget_use(&data, d(3, 6)).unwrap().status,
            BudgetStatus::Over
        );
        // A marked day raises no flag.
        let u = budget_use(&data, d(3, 4)).unwrap();
        assert!(u.marked);
        assert_eq!(
            budget_words(&u).1,
            "This day is marked, so it is not counted against you."
        );
        let u = budget_use(&data, d(3, 9)).unwrap();
        assert_eq!(budget_words(&u).1, "1 hour 36 minutes left.");
        data.validate().unwrap();
        data.apply(Command::Diary(DiaryCommand::SetPacingOn(false)))
            .unwrap();
        assert_eq!(budget_use(&data, d(3, 2)), None);
    }

    #[test]
    fn suggestions_come_from_history_then_the_built_in_list() {
        let mut data = AppData::default();
        let s = suggestions(&data.diary, 6);
        assert_eq!(s.len(), 6);
        assert_eq!(s[0].what, "Get washed and dressed");
        add(&mut data, draft(d(3, 2), "Knitting", 45, LifeArea::Leisure));
        add(&mut data, draft(d(3, 3), "Rest", 20, LifeArea::Rest));
        add(&mut data, draft(d(3, 4), "knitting", 50, LifeArea::Leisure));
        let s = suggestions(&data.diary, 4);
        // Knitting (twice, latest spelling and length), then rest, then the built-in list
        // without its own "Rest".
        assert_eq!(
            s[0],
            Suggestion {
                what: "knitting".into(),
                area: LifeArea::Leisure,
                minutes: 50
            }
        );
        assert_eq!(s[1].what, "Rest");
        assert_eq!(s[2].what, "Get washed and dressed");
        assert_eq!(s.len(), 4);
        assert_eq!(
            last_used(&data.diary, " KNITTING"),
            Some((LifeArea::Leisure, 50))
        );
        assert_eq!(
            last_used(&data.diary, "shopping"),
            Some((LifeArea::Productivity, 60))
        );
        assert_eq!(last_used(&data.diary, "juggling"), None);
        assert_eq!(history_names(&data.diary, 10), vec!["knitting", "Rest"]);
    }

    #[test]
    fn same_as_yesterday_copies_without_ratings_or_notes() {
        let mut data = AppData::default();
        assert!(data
            .apply(Command::Diary(DiaryCommand::Repeat {
                from: d(3, 1),
                to: d(3, 2),
                batch: 1,
            }))
            .unwrap_err()
            .to_string()
            .contains("nothing in your diary for Sunday 1 March"));
        add(
            &mut data,
            EntryDraft {
                note: "Sore after".into(),
                time: t(10, 0),
                ..rated(d(3, 1), "Walk", 6, 7)
            },
        );
        add(
            &mut data,
            draft(d(3, 1), "Work", 60, LifeArea::Productivity),
        );
        add(
            &mut data,
            draft(d(3, 3), "Later", 60, LifeArea::Productivity),
        );
        assert_eq!(repeat_source(&data.diary, d(3, 2)), Some(d(3, 1)));
        assert_eq!(repeat_source(&data.diary, d(3, 1)), None);
        assert_eq!(repeat_label(d(3, 1), d(3, 2), d(3, 2)), "Same as yesterday");
        assert_eq!(
            repeat_label(d(3, 1), d(3, 2), d(3, 9)),
            "Same as the day before"
        );
        assert_eq!(
            repeat_label(d(3, 1), d(3, 3), d(3, 3)),
            "Same as Sunday 1 March"
        );
        data.apply(Command::Diary(DiaryCommand::Repeat {
            from: d(3, 1),
            to: d(3, 2),
            batch: 7,
        }))
        .unwrap();
        let copies = day_view(&data, d(3, 2));
        assert_eq!(copies.entries.len(), 2);
        assert_eq!(copies.entries[0].what, "Walk");
        assert_eq!(copies.entries[0].time, t(10, 0));
        assert!(copies
            .entries
            .iter()
            .all(|e| e.note.is_empty() && e.ratings.is_empty()));
        assert!(data.diary.windows(2).all(|w| w[0].date <= w[1].date));
        assert_eq!(data.copies.len(), 1);
        assert_eq!(data.copies[0].ids.len(), 2);
        // The same copy cannot be made twice.
        assert!(data
            .apply(Command::Diary(DiaryCommand::Repeat {
                from: d(3, 1),
                to: d(3, 2),
                batch: 7,
            }))
            .is_err());
        data.apply(Command::Diary(DiaryCommand::UndoRepeat { batch: 7 }))
            .unwrap();
        assert!(day_view(&data, d(3, 2)).entries.is_empty());
        assert!(data.copies.is_empty());
        assert!(data
            .apply(Command::Diary(DiaryCommand::UndoRepeat { batch: 7 }))
            .is_err());
    }

    #[test]
    fn two_years_of_sample_data() {
        let end = d(11, 24);
        let data = crate::domain::sample::two_years(end);
        let w = week_view(&data, end);
        assert_eq!(w.start, d(11, 23));
        // Ten entries a day.
        assert_eq!(
            w.days[1].activities.iter().map(|a| a.times).sum::<u32>(),
            10
        );
        let ins = insights(&data, end);
        assert!(!matches!(ins.mood, RatingFinding::NotEnough { .. }));
        assert!(ins.balance.is_some());
        assert_eq!(suggestions(&data.diary, 8).len(), 8);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn entry() -> impl Strategy<Value = DiaryEntry> {
            (
                0i64..40,
                prop::option::of(0u32..1440),
                0usize..4,
                1u16..=1440,
                0usize..4,
                prop::option::of(0u8..=10),
                prop::option::of(0u8..=10),
                "[a-cA-C ]{0,6}",
            )
                .prop_map(
                    |(day, minute, part, minutes, area, mood, enjoyment, what)| DiaryEntry {
                        id: EntryId(0),
                        date: d(3, 1) + Duration::days(day),
                        time: minute.and_then(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0)),
                        part: Some(PARTS[part]),
                        minutes,
                        area: LifeArea::ALL[area],
                        what,
                        note: String::new(),
                        ratings: EntryRatings {
                            mood,
                            enjoyment,
                            ..EntryRatings::default()
                        },
                    },
                )
        }

        fn data() -> impl Strategy<Value = (AppData, bool)> {
            (
                prop::collection::vec(entry(), 0..120),
                prop::collection::vec((0i64..40, 0usize..3), 0..10),
                any::<bool>(),
                prop::option::of(1u16..=1440),
            )
                .prop_map(|(mut diary, marks, sorted, budget)| {
                    for (i, e) in diary.iter_mut().enumerate() {
                        e.id = EntryId(i as u32);
                    }
                    if sorted {
                        diary.sort_by_key(|e| e.date);
                    }
                    let mut data = AppData {
                        diary,
                        ..AppData::default()
                    };
                    for (day, kind) in marks {
                        let _ = apply(
                            &mut data,
                            DiaryCommand::MarkDay {
                                date: d(3, 1) + Duration::days(day),
                                kind: Some(DAY_KINDS[kind]),
                            },
                        );
                    }
                    data.settings.pacing = Pacing {
                        on: true,
                        area: None,
                        baseline: Vec::new(),
                        budget,
                    };
                    (data, sorted)
                })
        }

        proptest! {
            #[test]
            fn aggregates_never_panic_and_totals_add_up((data, _sorted) in data(), pick in 0i64..50) {
                let date = d(3, 1) + Duration::days(pick);
                let all: u32 = data.diary.iter().map(|e| u32::from(e.minutes)).sum();

                // Every day's total adds up to the whole diary, area by area.
                let mut sum = 0;
                for i in 0..40 {
                    let v = day_view(&data, d(3, 1) + Duration::days(i));
                    prop_assert_eq!(v.by_area.iter().sum::<u32>(), v.total);
                    let listed: u32 = v.entries.iter().map(|e| u32::from(e.minutes)).sum();
                    prop_assert_eq!(listed, v.total);
                    prop_assert!(v.entries.windows(2).all(|w| timeline_key(w[0]) <= timeline_key(w[1])));
                    sum += v.total;
                }
                prop_assert_eq!(sum, all);

                let w = week_view(&data, date);
                prop_assert_eq!(w.days.len(), 7);
                prop_assert_eq!(w.days.iter().map(|d| d.total).sum::<u32>(), w.total);
                for day in &w.days {
                    prop_assert_eq!(day.activities.iter().map(|a| a.minutes).sum::<u32>(), day.total);
                }
                let ordinary: u32 = w.days.iter().filter(|d| d.mark.is_none()).map(|d| d.total).sum();
                prop_assert_eq!(w.balance.total, ordinary);
                prop_assert_eq!(w.balance.minutes.iter().sum::<u32>(), ordinary);
                let pct: u32 = w.balance.percent.iter().sum();
                prop_assert_eq!(pct, if ordinary > 0 { 100 } else { 0 });
                for r in &w.ratings {
                    prop_assert!(r.tenths <= 100 && r.count > 0);
                }

                let ins = insights(&data, date);
                for f in [&ins.mood, &ins.enjoyment] {
                    if let RatingFinding::Found { lifts, rated } = f {
                        prop_assert!(*rated >= MIN_RATED && !lifts.is_empty() && lifts.len() <= 3);
                        for l in lifts {
                            prop_assert!(l.tenths >= l.others_tenths + MIN_LIFT_TENTHS);
                            prop_assert_eq!(l.count + l.others_count, *rated);
                        }
                    }
                    let _ = finding_sentences(RatingKind::Mood, f);
                }
                if let Some(b) = &ins.balance {
                    prop_assert!(b.first_week < b.latest_week);
                    prop_assert_eq!(b.first.percent.iter().sum::<u32>(), 100);
                    prop_assert_eq!(b.latest.percent.iter().sum::<u32>(), 100);
                    prop_assert!(!balance_sentences(b).is_empty());
                }

                if let Some(u) = budget_use(&data, date) {
                    let _ = budget_words(&u);
                    prop_assert!(u.used <= day_view(&data, date).total);
                }
                for (_, m) in baseline_from_diary(&data, date, None) {
                    prop_assert!(m > 0);
                }
                let s = suggestions(&data.diary, 8);
                prop_assert!(s.len() <= 8);
                let _ = repeat_source(&data.diary, date);
            }

            #[test]
            fn shares_always_add_up(parts in any::<[u32; 4]>()) {
                let s = shares(&parts);
                let total: u64 = parts.iter().map(|&p| u64::from(p)).sum();
                prop_assert_eq!(s.iter().sum::<u32>(), if total > 0 { 100 } else { 0 });
                for (p, pct) in parts.iter().zip(s) {
                    // Each share is its exact percentage rounded down or up.
                    let exact = u64::from(*p) * 100;
                    prop_assert!(u64::from(pct) * total <= exact + total);
                    prop_assert!(u64::from(pct) * total + total > exact);
                }
            }

            #[test]
            fn commands_keep_the_diary_in_date_order(days in prop::collection::vec((0i64..30, 1u16..200), 1..30)) {
                let mut data = AppData::default();
                for (day, minutes) in days {
                    let draft = draft(d(3, 1) + Duration::days(day), "Walk", minutes, LifeArea::Leisure);
                    apply(&mut data, DiaryCommand::Add(draft)).unwrap();
                }
                prop_assert!(data.diary.windows(2).all(|w| w[0].date <= w[1].date));
                let first = data.diary[0].clone();
                apply(&mut data, DiaryCommand::Repeat { from: first.date, to: d(5, 15), batch: 1 }).unwrap();
                prop_assert!(data.diary.windows(2).all(|w| w[0].date <= w[1].date));
                data.validate().unwrap();
            }
        }
    }
}
