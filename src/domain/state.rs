//! The app's whole state, the commands that change it, and the checks that every value is in
//! range (used for anything restored from a file).

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::activity::{DayMark, DiaryEntry};
use super::checklists::{HomeSafety, WorkplacePlan};
use super::goals::Goal;
use super::ids::UNSET;
use super::outcomes::OutcomeEvent;
use super::ratings::{ConfidenceCheckIn, Ratings};
use super::settings::Settings;

/// Everything the app keeps for the person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppData {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Diary entries, kept in date order by the commands that add them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diary: Vec<DiaryEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_marks: Vec<DayMark>,
    #[serde(default)]
    pub workplace: WorkplacePlan,
    #[serde(default)]
    pub home_safety: HomeSafety,
    #[serde(default)]
    pub ratings: Ratings,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeEvent>,
    /// The next free record number; ids are never reused.
    #[serde(default)]
    pub next_id: u32,
    /// The OT's plans the person accepted (the last version of each).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<super::plan::ImportedPlan>,
    /// The last few "same as yesterday" copies and the entries each added, for their undo.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<super::diary::DiaryCopy>,
    /// The OT practice's key, pinned from the first plan added: later plans must be signed
    /// with it (see `domain::plan::signing`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_key: Option<super::plan::signing::PlanKey>,
}

/// A change the person asks for. Commands are pure: applying one to the same data always gives
/// the same result, so a change can be re-applied on top of newer data from another tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    FinishWelcome,
    SetName(String),
    RecordBackup(NaiveDateTime),
    SetOtStart(Option<NaiveDate>),
    CheckInConfidence {
        date: NaiveDate,
        score: u8,
        note: String,
    },
    /// Goals, their steps, progress and ratings.
    Goal(super::goals::GoalCommand),
    /// Self-ratings and counted outcomes (GP appointments, sick days, fit notes).
    Measure(super::measures::MeasureCommand),
    /// The workplace plan and the home-safety checklist.
    Checklist(super::checklists::ChecklistCommand),
    /// The activity diary, day marks, diary ratings and pacing.
    Diary(super::diary::DiaryCommand),
    /// The day of the last review with the OT (for "since the last review" summaries).
    SetLastReview(Option<NaiveDate>),
    /// "What I want to talk about" on the summary.
    SetTalkAbout(String),
    /// Accept an OT's plan whose signature was checked (merged, never overwriting: see
    /// `domain::plan`).
    ImportPlan {
        plan: Box<super::plan::signing::VerifiedPlan>,
        today: NaiveDate,
    },
    /// Today's agenda: put off, dismiss, restore an item (by its key); the diary reminder.
    Agenda(super::agenda::AgendaCommand),
}

/// A change that can be applied to the data: a whole [`Command`], or one area's own command
/// (goals, measures, checklists, diary, agenda). The app dispatches the narrowest, so each part
/// of the app's download carries only the rules it uses (the WebAssembly is cut into parts:
/// `routes::lazy`); `AppData::apply` with a [`Command`] gives the same result.
pub trait Apply: Clone + 'static {
    /// Apply the change; on error nothing has changed.
    fn apply_to(self, data: &mut AppData) -> Result<(), DomainError>;
}

impl Apply for Command {
    fn apply_to(self, data: &mut AppData) -> Result<(), DomainError> {
        data.apply(self)
    }
}

/// Each area's command applies through its module's `apply`.
macro_rules! apply_through {
    ($($area:ident::$command:ident),+ $(,)?) => {
        $(
            impl Apply for super::$area::$command {
                fn apply_to(self, data: &mut AppData) -> Result<(), DomainError> {
                    super::$area::apply(data, self)
                }
            }
        )+
    };
}

apply_through!(
    goals::GoalCommand,
    measures::MeasureCommand,
    checklists::ChecklistCommand,
    diary::DiaryCommand,
    agenda::AgendaCommand,
);

/// "Start using Everyday" on the welcome ([`Command::FinishWelcome`] on its own, so the first
/// screen's download does not carry every other rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FinishWelcome;

impl Apply for FinishWelcome {
    fn apply_to(self, data: &mut AppData) -> Result<(), DomainError> {
        data.settings.welcome_done = true;
        Ok(())
    }
}

/// Why a command or a value was refused, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{0}")]
    OutOfRange(String),
    #[error("{0}")]
    Invalid(String),
    /// A date outside the window Everyday accepts (see `domain::dates`).
    #[error(transparent)]
    Date(#[from] super::dates::DateOutOfWindow),
}

/// Keep a name short enough for a summary header.
pub const MAX_NAME_CHARS: usize = 80;
/// Notes and free text are limited so one field cannot fill the phone's storage.
pub const MAX_TEXT_CHARS: usize = 2_000;

pub(crate) fn check_range(what: &str, value: i64, low: i64, high: i64) -> Result<(), DomainError> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(DomainError::OutOfRange(format!(
            "The {what} must be between {low} and {high}, but it was {value}."
        )))
    }
}

pub(crate) fn check_text(what: &str, text: &str, max: usize) -> Result<(), DomainError> {
    if text.chars().count() <= max {
        Ok(())
    } else {
        Err(DomainError::Invalid(format!(
            "The {what} is too long: please keep it under {max} characters."
        )))
    }
}

impl AppData {
    /// Everything but the diary and the goals, which are stored in parts of their own (the
    /// diary month by month, each goal by itself): the storage engine's core part.
    pub fn core_part(&self) -> AppData {
        // A struct literal, so adding a field to AppData is a compile error here until it is
        // decided where that field is stored.
        AppData {
            settings: self.settings.clone(),
            goals: Vec::new(),
            diary: Vec::new(),
            day_marks: self.day_marks.clone(),
            workplace: self.workplace.clone(),
            home_safety: self.home_safety.clone(),
            ratings: self.ratings.clone(),
            outcomes: self.outcomes.clone(),
            next_id: self.next_id,
            plans: self.plans.clone(),
            copies: self.copies.clone(),
            plan_key: self.plan_key.clone(),
        }
    }

    /// Whether everything but the diary and the goals is the same in both (see `core_part`).
    pub fn same_core(&self, other: &AppData) -> bool {
        // Destructured, so adding a field to AppData is a compile error here too.
        let AppData {
            settings,
            goals: _,
            diary: _,
            day_marks,
            workplace,
            home_safety,
            ratings,
            outcomes,
            next_id,
            plans,
            copies,
            plan_key,
        } = self;
        *settings == other.settings
            && *day_marks == other.day_marks
            && *workplace == other.workplace
            && *home_safety == other.home_safety
            && *ratings == other.ratings
            && *outcomes == other.outcomes
            && *next_id == other.next_id
            && *plans == other.plans
            && *copies == other.copies
            && *plan_key == other.plan_key
    }

    /// Take a fresh record number.
    pub fn take_id(&mut self) -> u32 {
        let id = self.next_id;
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// A fresh record number for a kind of record whose ids start at 1 (0 is "no id yet"):
    /// never 0 and never one `in_use` says is taken. On error nothing has changed.
    pub(crate) fn fresh_id(
        &mut self,
        in_use: impl Fn(&AppData, u32) -> bool,
    ) -> Result<u32, DomainError> {
        let kept = self.next_id;
        loop {
            let id = self.take_id();
            if id != UNSET && !in_use(self, id) {
                return Ok(id);
            }
            if self.next_id == u32::MAX {
                self.next_id = kept;
                return Err(DomainError::Invalid(
                    "There is no room for more records. Please download a backup and ask for \
                     help."
                        .into(),
                ));
            }
        }
    }

    /// Every record id in use (and every id a "same as yesterday" undo may still name).
    fn ids_in_use(&self) -> impl Iterator<Item = u32> + '_ {
        let goals = self
            .goals
            .iter()
            .flat_map(|g| std::iter::once(g.id.0).chain(g.tasks.iter().map(|t| t.id.0)));
        let diary = self.diary.iter().map(|e| e.id.0);
        let copies = self.copies.iter().flat_map(|c| c.ids.iter().map(|id| id.0));
        let plan = &self.workplace;
        let workplace = plan
            .items
            .iter()
            .map(|i| i.id.0)
            .chain(plan.difficulties.iter().map(|d| d.id.0))
            .chain(plan.phased_return.iter().map(|w| w.id.0));
        let home = self
            .home_safety
            .hazards
            .iter()
            .flat_map(|h| std::iter::once(h.id.0).chain(h.actions.iter().map(|a| a.id.0)));
        let falls = self.home_safety.falls_checks.iter().map(|c| c.id.0);
        let outcomes = self.outcomes.iter().map(|o| o.id.0);
        goals
            .chain(diary)
            .chain(copies)
            .chain(workplace)
            .chain(home)
            .chain(falls)
            .chain(outcomes)
    }

    /// Make data read from storage or a backup safe to change, the same way in every tab:
    /// the id counter goes above every id in use (a backup may lack it, another tab may have
    /// used more), and each record of a kind that was stored without ids (difficulties,
    /// phased-return weeks, action-log entries, falls self-checks), or with an id another record
    /// of its kind already has, gets the next number, in the order the records are stored.
    /// Every decoder of the person's whole data calls this (storage load, backup check).
    pub fn normalise(&mut self) {
        if let Some(largest) = self.ids_in_use().max() {
            self.next_id = self.next_id.max(largest.saturating_add(1));
        }
        let mut next = self.next_id;
        let mut give = |id: &mut u32, seen: &mut BTreeSet<u32>| {
            if *id == UNSET || !seen.insert(*id) {
                *id = next;
                seen.insert(next);
                next = next.saturating_add(1);
            }
        };
        let mut seen = BTreeSet::new();
        for row in &mut self.workplace.difficulties {
            give(&mut row.id.0, &mut seen);
        }
        let mut seen = BTreeSet::new();
        for week in &mut self.workplace.phased_return {
            give(&mut week.id.0, &mut seen);
        }
        let mut seen = BTreeSet::new();
        for action in self
            .home_safety
            .hazards
            .iter_mut()
            .flat_map(|h| h.actions.iter_mut())
        {
            give(&mut action.id.0, &mut seen);
        }
        let mut seen = BTreeSet::new();
        for check in &mut self.home_safety.falls_checks {
            give(&mut check.id.0, &mut seen);
        }
        self.next_id = next;
        let extra = self.copies.len().saturating_sub(super::diary::KEPT_COPIES);
        self.copies.drain(..extra);
    }

    /// Apply one command. On error nothing has changed.
    pub fn apply(&mut self, command: Command) -> Result<(), DomainError> {
        match command {
            Command::FinishWelcome => FinishWelcome.apply_to(self)?,
            Command::SetName(name) => {
                let name = name.trim().to_string();
                check_text("name", &name, MAX_NAME_CHARS)?;
                self.settings.name = name;
            }
            Command::RecordBackup(at) => {
                super::dates::check_date(at.date())?;
                self.settings.last_backup = Some(at);
            }
            Command::SetOtStart(date) => {
                date.map(super::dates::check_date).transpose()?;
                self.settings.ot_start = date;
            }
            Command::CheckInConfidence { date, score, note } => {
                super::dates::check_date(date)?;
                check_range("confidence rating", score.into(), 0, 10)?;
                let note = note.trim().to_string();
                check_text("note", &note, MAX_TEXT_CHARS)?;
                // Keep check-ins in date order; a same-day check-in goes after earlier ones.
                let at = self.ratings.confidence.partition_point(|c| c.date <= date);
                self.ratings
                    .confidence
                    .insert(at, ConfidenceCheckIn { date, score, note });
            }
            Command::Goal(command) => super::goals::apply(self, command)?,
            Command::Measure(command) => super::measures::apply(self, command)?,
            Command::Checklist(command) => super::checklists::apply(self, command)?,
            Command::Diary(command) => super::diary::apply(self, command)?,
            Command::SetLastReview(date) => {
                date.map(super::dates::check_date).transpose()?;
                self.settings.last_review = date;
            }
            Command::SetTalkAbout(text) => {
                let text = text.trim().to_string();
                check_text(
                    "\"what I want to talk about\" text",
                    &text,
                    super::summary::MAX_TALK_CHARS,
                )?;
                self.settings.talk_about = text;
            }
            Command::ImportPlan { plan, today } => {
                // Merged into a copy, so on error nothing has changed.
                let mut next = self.clone();
                super::plan::import(&mut next, *plan, today)?;
                *self = next;
            }
            Command::Agenda(command) => super::agenda::apply(self, command)?,
        }
        Ok(())
    }

    /// Check every stored value is within its allowed range. Used on anything read from a file
    /// or a link, so a bad value is reported rather than shown or scored.
    pub fn validate(&self) -> Result<(), DomainError> {
        // Every date first: the checks and pages below do arithmetic with them.
        super::dates::check_dates(self)?;
        check_text("name", &self.settings.name, MAX_NAME_CHARS)?;
        check_text(
            "\"what I want to talk about\" text",
            &self.settings.talk_about,
            super::summary::MAX_TALK_CHARS,
        )?;
        for goal in &self.goals {
            check_range("goal's starting level", goal.baseline.into(), -2, -1)?;
            if let Some(i) = goal.importance {
                check_range("goal's importance", i.into(), 0, 3)?;
            }
            if let Some(d) = goal.difficulty {
                check_range("goal's difficulty", d.into(), 0, 3)?;
            }
            for p in &goal.progress {
                check_range("goal level", p.level.into(), -2, 2)?;
            }
            for r in &goal.ratings {
                for v in [r.importance, r.performance, r.satisfaction] {
                    check_range("goal rating", v.into(), 1, 10)?;
                }
            }
            for t in &goal.tasks {
                if let super::goals::TaskFrequency::Weekly { times } = t.frequency {
                    check_range("number of times a week", times.into(), 1, 21)?;
                }
            }
        }
        for e in &self.diary {
            check_range("activity length in minutes", e.minutes.into(), 1, 1440)?;
            // This runs for every entry on every load: the name is only written out for the
            // message.
            for kind in super::diary::RatingKind::ALL {
                if let Some(v) = kind.of(&e.ratings).filter(|v| *v > 10) {
                    let name = kind.label().to_ascii_lowercase();
                    check_range(&format!("{name} rating"), v.into(), 0, 10)?;
                }
            }
        }
        for c in &self.ratings.confidence {
            check_range("confidence rating", c.score.into(), 0, 10)?;
        }
        for s in &self.ratings.self_efficacy {
            for v in s.items.iter().flatten() {
                check_range("self-efficacy answer", (*v).into(), 1, 10)?;
            }
        }
        for w in &self.ratings.work_ability {
            check_range("work ability score", w.score.into(), 0, 10)?;
        }
        for w in &self.workplace.phased_return {
            check_range("hours in a phased return week", w.hours.into(), 0, 80)?;
            check_range("days in a phased return week", w.days.into(), 0, 7)?;
        }
        super::measures::validate(self)?;
        super::checklists::validate(self)?;
        super::diary::validate(self)?;
        super::plan::validate(self)?;
        super::agenda::validate(self)?;
        Ok(())
    }

    /// What a set of data holds, to show before it replaces anything.
    pub fn contents(&self) -> DataContents {
        let mut dates: Vec<NaiveDate> = Vec::new();
        dates.extend(self.diary.first().map(|e| e.date));
        dates.extend(self.diary.last().map(|e| e.date));
        for g in &self.goals {
            dates.push(g.created);
            dates.extend(g.progress.iter().map(|p| p.date));
        }
        dates.extend(self.ratings.confidence.iter().map(|c| c.date));
        dates.extend(self.ratings.self_efficacy.iter().map(|c| c.date));
        dates.extend(self.ratings.work_ability.iter().map(|c| c.date));
        dates.extend(self.outcomes.iter().map(|o| o.date));
        DataContents {
            goals: self.goals.len(),
            progress_records: self.goals.iter().map(|g| g.progress.len()).sum(),
            tasks_done: self
                .goals
                .iter()
                .flat_map(|g| &g.tasks)
                .map(|t| t.done.len())
                .sum(),
            diary_entries: self.diary.len(),
            checklist_items: self.workplace.items.len() + self.home_safety.hazards.len(),
            ratings: self.ratings.confidence.len()
                + self.ratings.self_efficacy.len()
                + self.ratings.work_ability.len(),
            outcome_events: self.outcomes.len(),
            first_date: dates.iter().min().copied(),
            last_date: dates.iter().max().copied(),
        }
    }

    /// True when there is nothing of the person's in it yet.
    pub fn is_empty(&self) -> bool {
        let c = self.contents();
        c.goals + c.diary_entries + c.checklist_items + c.ratings + c.outcome_events == 0
    }
}

/// Counts and the date range of a set of data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataContents {
    pub goals: usize,
    pub progress_records: usize,
    pub tasks_done: usize,
    pub diary_entries: usize,
    pub checklist_items: usize,
    pub ratings: usize,
    pub outcome_events: usize,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
}

impl DataContents {
    /// Plain-English lines describing the contents.
    pub fn lines(&self) -> Vec<String> {
        fn count(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        let mut lines = vec![
            count(self.goals, "goal", "goals"),
            count(self.progress_records, "progress record", "progress records"),
            count(self.tasks_done, "task done", "tasks done"),
            count(self.diary_entries, "diary entry", "diary entries"),
            count(self.checklist_items, "checklist item", "checklist items"),
            count(self.ratings, "rating", "ratings"),
            count(
                self.outcome_events,
                "appointment, sick day or fit note",
                "appointments, sick days and fit notes",
            ),
        ];
        if let (Some(first), Some(last)) = (self.first_date, self.last_date) {
            lines.push(format!(
                "From {} to {}",
                super::dates::long_date(first),
                super::dates::long_date(last)
            ));
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn an_area_command_applies_as_the_whole_command_does() {
        let put_off = super::super::agenda::AgendaCommand::PutOff {
            key: "review".into(),
            until: day(2),
        };
        let (mut narrow, mut whole) = (AppData::default(), AppData::default());
        put_off.clone().apply_to(&mut narrow).unwrap();
        whole.apply(Command::Agenda(put_off)).unwrap();
        assert_eq!(narrow, whole);
        assert_ne!(narrow, AppData::default());

        let mut welcomed = AppData::default();
        FinishWelcome.apply_to(&mut welcomed).unwrap();
        let mut by_command = AppData::default();
        by_command.apply(Command::FinishWelcome).unwrap();
        assert_eq!(welcomed, by_command);
        assert!(welcomed.settings.welcome_done);
    }

    #[test]
    fn check_in_out_of_range_changes_nothing() {
        let mut data = AppData::default();
        let before = data.clone();
        let err = data
            .apply(Command::CheckInConfidence {
                date: day(1),
                score: 11,
                note: String::new(),
            })
            .unwrap_err();
        assert!(err.to_string().contains("between 0 and 10"));
        assert_eq!(data, before);
    }

    #[test]
    fn check_ins_stay_in_date_order() {
        let mut data = AppData::default();
        for (d, s) in [(5, 4), (2, 3), (9, 7)] {
            data.apply(Command::CheckInConfidence {
                date: day(d),
                score: s,
                note: " ".into(),
            })
            .unwrap();
        }
        let dates: Vec<_> = data.ratings.confidence.iter().map(|c| c.date).collect();
        assert_eq!(dates, vec![day(2), day(5), day(9)]);
        assert!(data.ratings.confidence.iter().all(|c| c.note.is_empty()));
    }

    #[test]
    fn long_name_is_refused() {
        let mut data = AppData::default();
        assert!(data.apply(Command::SetName("x".repeat(81))).is_err());
        data.apply(Command::SetName("  J. B.  ".into())).unwrap();
        assert_eq!(data.settings.name, "J. B.");
    }

    #[test]
    fn contents_counts_and_dates() {
        let mut data = AppData::default();
        assert!(data.is_empty());
        data.apply(Command::CheckInConfidence {
            date: day(3),
            score: 5,
            note: String::new(),
        })
        .unwrap();
        let c = data.contents();
        assert_eq!(c.ratings, 1);
        assert_eq!(c.first_date, Some(day(3)));
        assert!(c.lines().iter().any(|l| l == "1 rating"));
        assert!(!data.is_empty());
    }
}
