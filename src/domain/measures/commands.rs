//! Reading the measure forms, and the commands that record and correct ratings and counted
//! events.

use super::*;

/// Read a date typed into a form; it must not be after today.
pub fn form_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Please enter a date.".into());
    }
    let date = crate::domain::dates::parse_iso_date(text)
        .ok_or_else(|| "Please enter a real date, for example 5 March 2026.".to_string())?;
    if date > today {
        return Err("That date is in the future. Please choose today or an earlier day.".into());
    }
    Ok(date)
}

/// The most days off sick recorded in one go.
pub const MAX_SICK_DAYS_AT_ONCE: u16 = 366;

/// Read "how many days in a row": a whole number from 1 to 366.
pub fn form_day_count(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(n) if (1..=MAX_SICK_DAYS_AT_ONCE).contains(&n) => Ok(n),
        _ => Err(format!(
            "Please enter how many days in a row, as a number from 1 to {MAX_SICK_DAYS_AT_ONCE}."
        )),
    }
}

/// The last of `days` days in a row from `first`, if it exists in the calendar.
pub fn last_sick_day(first: NaiveDate, days: u16) -> Option<NaiveDate> {
    first.checked_add_signed(Duration::days(i64::from(days.max(1)) - 1))
}

/// Days off sick in a row must all be today or earlier.
pub fn check_sick_days(first: NaiveDate, days: u16, today: NaiveDate) -> Result<NaiveDate, String> {
    match last_sick_day(first, days) {
        Some(last) if last <= today => Ok(last),
        _ => Err(format!(
            "{} from {} would go past today. Please check the first day and the number of days.",
            count_words(days.into(), "day", "days"),
            long_date(first)
        )),
    }
}

// ---------------------------------------------------------------------------------------------
// Commands

/// Recording and correcting ratings and counted events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureCommand {
    /// A completed (or partly completed) six-item questionnaire.
    SelfEfficacy(SelfEfficacyResponse),
    WorkAbility(WorkAbilityScore),
    /// A GP appointment or a fit note (or a single day off sick).
    AddEvent {
        date: NaiveDate,
        kind: OutcomeKind,
        reason: String,
    },
    /// Days off sick in a row; days already recorded are skipped.
    AddSickDays {
        first: NaiveDate,
        days: u16,
    },
    EditEvent {
        id: OutcomeId,
        date: NaiveDate,
        kind: OutcomeKind,
        reason: String,
    },
    RemoveEvent(OutcomeId),
    /// Put back a removed event (undo).
    RestoreEvent(OutcomeEvent),
    RemoveCheckIn(ConfidenceCheckIn),
    RemoveSelfEfficacy(SelfEfficacyResponse),
    RemoveWorkAbility(WorkAbilityScore),
}

fn gone(what: &str) -> DomainError {
    DomainError::Invalid(format!(
        "That {what} is no longer there. It may have been changed in another tab."
    ))
}

/// Only GP appointments keep a reason.
fn clean_reason(kind: OutcomeKind, reason: &str) -> Result<String, DomainError> {
    if kind != OutcomeKind::GpAppointment {
        return Ok(String::new());
    }
    let reason = reason.trim();
    check_text("reason", reason, MAX_TEXT_CHARS)?;
    Ok(reason.to_string())
}

fn sick_day_taken(data: &AppData, date: NaiveDate, except: Option<OutcomeId>) -> bool {
    data.outcomes
        .iter()
        .any(|e| e.kind == OutcomeKind::SickDay && e.date == date && Some(e.id) != except)
}

fn insert_event(data: &mut AppData, event: OutcomeEvent) {
    let at = data.outcomes.partition_point(|e| e.date <= event.date);
    data.outcomes.insert(at, event);
}

/// A record number not used by any event (stored data may hold ids above `next_id`).
fn fresh_id(data: &mut AppData) -> Result<OutcomeId, DomainError> {
    for _ in 0..=data.outcomes.len() {
        let id = OutcomeId(data.take_id());
        if !data.outcomes.iter().any(|e| e.id == id) {
            return Ok(id);
        }
    }
    Err(DomainError::Invalid(
        "There is no room for more records. Please download a backup and ask for help.".into(),
    ))
}

/// The dates a command would store: each must be inside the accepted window, so nothing the
/// app stores is refused when it is read back.
fn command_dates(command: &MeasureCommand) -> Vec<NaiveDate> {
    match command {
        MeasureCommand::SelfEfficacy(r) => vec![r.date],
        MeasureCommand::WorkAbility(w) => vec![w.date],
        MeasureCommand::AddEvent { date, .. } | MeasureCommand::EditEvent { date, .. } => {
            vec![*date]
        }
        MeasureCommand::AddSickDays { first, days } => vec![
            *first,
            crate::domain::dates::add_days(*first, i64::from(*days).max(1) - 1),
        ],
        MeasureCommand::RestoreEvent(e) => vec![e.date],
        MeasureCommand::RemoveEvent(_)
        | MeasureCommand::RemoveCheckIn(_)
        | MeasureCommand::RemoveSelfEfficacy(_)
        | MeasureCommand::RemoveWorkAbility(_) => Vec::new(),
    }
}

/// Apply a measure command. On error nothing has changed.
pub fn apply(data: &mut AppData, command: MeasureCommand) -> Result<(), DomainError> {
    for date in command_dates(&command) {
        crate::domain::dates::check_date(date)?;
    }
    match command {
        MeasureCommand::SelfEfficacy(response) => {
            if response.items.iter().all(Option::is_none) {
                return Err(DomainError::Invalid(
                    "Please answer at least one question.".into(),
                ));
            }
            for v in response.items.iter().flatten() {
                check_range("answer", (*v).into(), 1, 10)?;
            }
            let list = &mut data.ratings.self_efficacy;
            let at = list.partition_point(|r| r.date <= response.date);
            list.insert(at, response);
        }
        MeasureCommand::WorkAbility(score) => {
            check_range("work ability score", score.score.into(), 0, 10)?;
            let list = &mut data.ratings.work_ability;
            let at = list.partition_point(|r| r.date <= score.date);
            list.insert(at, score);
        }
        MeasureCommand::AddEvent { date, kind, reason } => {
            let reason = clean_reason(kind, &reason)?;
            if kind == OutcomeKind::SickDay && sick_day_taken(data, date, None) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(date)
                )));
            }
            let id = fresh_id(data)?;
            insert_event(
                data,
                OutcomeEvent {
                    id,
                    date,
                    kind,
                    reason,
                },
            );
        }
        MeasureCommand::AddSickDays { first, days } => {
            check_range(
                "number of days",
                days.into(),
                1,
                MAX_SICK_DAYS_AT_ONCE.into(),
            )?;
            let new_days: Vec<NaiveDate> = (0..i64::from(days))
                .filter_map(|n| first.checked_add_signed(Duration::days(n)))
                .filter(|d| !sick_day_taken(data, *d, None))
                .collect();
            if new_days.is_empty() {
                return Err(DomainError::Invalid(if days == 1 {
                    format!(
                        "{} is already recorded as a day off sick.",
                        long_date(first)
                    )
                } else {
                    "Those days are already recorded as days off sick.".into()
                }));
            }
            let (kept, kept_next) = (data.outcomes.clone(), data.next_id);
            for date in new_days {
                match fresh_id(data) {
                    Ok(id) => insert_event(
                        data,
                        OutcomeEvent {
                            id,
                            date,
                            kind: OutcomeKind::SickDay,
                            reason: String::new(),
                        },
                    ),
                    Err(e) => {
                        data.outcomes = kept;
                        data.next_id = kept_next;
                        return Err(e);
                    }
                }
            }
        }
        MeasureCommand::EditEvent {
            id,
            date,
            kind,
            reason,
        } => {
            let at = data
                .outcomes
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| gone("record"))?;
            let reason = clean_reason(kind, &reason)?;
            if kind == OutcomeKind::SickDay && sick_day_taken(data, date, Some(id)) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(date)
                )));
            }
            data.outcomes.remove(at);
            insert_event(
                data,
                OutcomeEvent {
                    id,
                    date,
                    kind,
                    reason,
                },
            );
        }
        MeasureCommand::RemoveEvent(id) => {
            let at = data
                .outcomes
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| gone("record"))?;
            data.outcomes.remove(at);
        }
        MeasureCommand::RestoreEvent(event) => {
            if data.outcomes.iter().any(|e| e.id == event.id) {
                return Err(DomainError::Invalid("That record is already there.".into()));
            }
            if event.kind == OutcomeKind::SickDay && sick_day_taken(data, event.date, None) {
                return Err(DomainError::Invalid(format!(
                    "{} is already recorded as a day off sick.",
                    long_date(event.date)
                )));
            }
            check_text("reason", &event.reason, MAX_TEXT_CHARS)?;
            data.next_id = data.next_id.max(event.id.0.saturating_add(1));
            insert_event(data, event);
        }
        MeasureCommand::RemoveCheckIn(c) => {
            remove_equal(&mut data.ratings.confidence, &c, "check-in")?
        }
        MeasureCommand::RemoveSelfEfficacy(r) => {
            remove_equal(&mut data.ratings.self_efficacy, &r, "questionnaire")?
        }
        MeasureCommand::RemoveWorkAbility(w) => {
            remove_equal(&mut data.ratings.work_ability, &w, "score")?
        }
    }
    Ok(())
}

/// Range checks for the counted events (the ratings are checked in `AppData::validate`).
pub fn validate(data: &AppData) -> Result<(), DomainError> {
    for e in &data.outcomes {
        check_text("reason", &e.reason, MAX_TEXT_CHARS)?;
    }
    Ok(())
}

/// Take one record equal to `item` out of `list` (the first, when two are the same), or say
/// plainly that the `what` is not there any more.
fn remove_equal<T: PartialEq>(list: &mut Vec<T>, item: &T, what: &str) -> Result<(), DomainError> {
    let at = list
        .iter()
        .position(|x| x == item)
        .ok_or_else(|| gone(what))?;
    list.remove(at);
    Ok(())
}
