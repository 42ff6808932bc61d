//! The workplace plan's words and rules: the built-in library of adjustments in plain English,
//! labels for the kinds of advice, statuses and owners, and the phased return schedule (making
//! one week by week, and where the person is in it today).

use chrono::NaiveDate;

use super::checklists::{AdviceKind, ItemStatus, Owner, PhasedReturnWeek, WorkplacePlan};

/// Every kind of advice, in the order of the fit note (and the AHP report's fourth option last).
pub const ADVICE_KINDS: [AdviceKind; 5] = [
    AdviceKind::PhasedReturn,
    AdviceKind::AlteredHours,
    AdviceKind::AmendedDuties,
    AdviceKind::WorkplaceAdaptations,
    AdviceKind::WorkplaceAssessment,
];

/// Every status, in the order an item usually moves through them.
pub const STATUSES: [ItemStatus; 6] = [
    ItemStatus::Suggested,
    ItemStatus::AskedFor,
    ItemStatus::Agreed,
    ItemStatus::InPlace,
    ItemStatus::NotPossible,
    ItemStatus::DidNotHelp,
];

pub const OWNERS: [Owner; 3] = [Owner::Me, Owner::Employer, Owner::Ot];

impl AdviceKind {
    /// As on the fit note.
    /// The OT's shorter wording, used on the summary sheet.
    pub fn label_for_ot(self) -> &'static str {
        match self {
            AdviceKind::PhasedReturn => "Phased return",
            other => other.label(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AdviceKind::PhasedReturn => "Phased return to work",
            AdviceKind::AlteredHours => "Altered hours",
            AdviceKind::AmendedDuties => "Amended duties",
            AdviceKind::WorkplaceAdaptations => "Workplace adaptations",
            AdviceKind::WorkplaceAssessment => "Workplace assessment",
        }
    }

    /// What it means, in plain words.
    pub fn hint(self) -> &'static str {
        match self {
            AdviceKind::PhasedReturn => "Building back up to your usual hours over some weeks.",
            AdviceKind::AlteredHours => "Different start or finish times, or fewer hours.",
            AdviceKind::AmendedDuties => "Leaving out or changing some of your tasks for a while.",
            AdviceKind::WorkplaceAdaptations => "Changes to equipment or the place you work.",
            AdviceKind::WorkplaceAssessment => "Someone looks at your work and workplace with you.",
        }
    }

    /// A short name for element ids and form values.
    pub fn code(self) -> &'static str {
        match self {
            AdviceKind::PhasedReturn => "phased",
            AdviceKind::AlteredHours => "hours",
            AdviceKind::AmendedDuties => "duties",
            AdviceKind::WorkplaceAdaptations => "adaptations",
            AdviceKind::WorkplaceAssessment => "assessment",
        }
    }

    pub fn from_code(code: &str) -> Option<AdviceKind> {
        ADVICE_KINDS.into_iter().find(|k| k.code() == code)
    }
}

impl ItemStatus {
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Suggested => "Suggested",
            ItemStatus::AskedFor => "Asked for",
            ItemStatus::Agreed => "Agreed",
            ItemStatus::InPlace => "In place",
            ItemStatus::NotPossible => "Not possible",
            ItemStatus::DidNotHelp => "Did not help",
        }
    }

    /// The words before the status date: "Agreed on 5 March 2026".
    pub fn since_words(self) -> &'static str {
        match self {
            ItemStatus::Suggested => "Suggested on",
            ItemStatus::AskedFor => "Asked for on",
            ItemStatus::Agreed => "Agreed on",
            ItemStatus::InPlace => "In place since",
            ItemStatus::NotPossible => "Found not possible on",
            ItemStatus::DidNotHelp => "Found not to help on",
        }
    }

    /// The status as the employer's page says it: what is only suggested or asked for is
    /// plainly marked so.
    pub fn label_for_employer(self) -> &'static str {
        match self {
            ItemStatus::Suggested => "Suggested: not asked for yet",
            ItemStatus::AskedFor => "Asked for: waiting for your reply",
            other => other.label(),
        }
    }

    /// Agreed with the employer (in place counts as agreed).
    pub fn is_agreed(self) -> bool {
        matches!(self, ItemStatus::Agreed | ItemStatus::InPlace)
    }
}

impl Owner {
    /// Who acts on it, as the person would say it.
    pub fn label(self) -> &'static str {
        match self {
            Owner::Me => "Me",
            Owner::Employer => "My employer",
            Owner::Ot => "My OT",
        }
    }

    /// The same for someone else reading the plan (the employer).
    /// Who acts, as the OT's summary sheet says it (the person is "me" only on their own pages).
    pub fn label_for_ot(self) -> &'static str {
        match self {
            Owner::Me => "Me",
            Owner::Employer => "Employer",
            Owner::Ot => "OT",
        }
    }

    pub fn label_for_employer(self) -> &'static str {
        match self {
            Owner::Me => "The employee",
            Owner::Employer => "The employer",
            Owner::Ot => "The occupational therapist",
        }
    }
}

/// The built-in adjustments, under the kind of advice each belongs to.
pub const ADJUSTMENT_LIBRARY: [(AdviceKind, &str); 23] = [
    (
        AdviceKind::PhasedReturn,
        "Build up my hours week by week, as in my phased return plan",
    ),
    (
        AdviceKind::PhasedReturn,
        "Lighter, familiar tasks in the first weeks back",
    ),
    (
        AdviceKind::PhasedReturn,
        "A short catch-up with my manager at the end of each week",
    ),
    (AdviceKind::AlteredHours, "Start later in the morning"),
    (AdviceKind::AlteredHours, "Finish earlier in the day"),
    (
        AdviceKind::AlteredHours,
        "Regular short breaks, for example 10 minutes every hour",
    ),
    (AdviceKind::AlteredHours, "Time off for health appointments"),
    (AdviceKind::AlteredHours, "Work from home some days"),
    (AdviceKind::AmendedDuties, "No heavy lifting for six weeks"),
    (AdviceKind::AmendedDuties, "No driving for work for now"),
    (
        AdviceKind::AmendedDuties,
        "Written instructions as well as spoken ones",
    ),
    (
        AdviceKind::AmendedDuties,
        "One task at a time, with clear priorities",
    ),
    (
        AdviceKind::AmendedDuties,
        "A named person to go to with questions or worries",
    ),
    (
        AdviceKind::AmendedDuties,
        "Swap some tasks with a colleague for a while",
    ),
    (AdviceKind::WorkplaceAdaptations, "A sit-stand desk"),
    (
        AdviceKind::WorkplaceAdaptations,
        "A chair set up to support my back",
    ),
    (
        AdviceKind::WorkplaceAdaptations,
        "A quiet space to work or to take a break",
    ),
    (
        AdviceKind::WorkplaceAdaptations,
        "A parking space near the door",
    ),
    (
        AdviceKind::WorkplaceAdaptations,
        "A desk on the ground floor or near the lift",
    ),
    (
        AdviceKind::WorkplaceAdaptations,
        "Voice typing or other software to cut down typing",
    ),
    (
        AdviceKind::WorkplaceAssessment,
        "An assessment of my desk, chair and screen",
    ),
    (
        AdviceKind::WorkplaceAssessment,
        "A referral to occupational health",
    ),
    (
        AdviceKind::WorkplaceAssessment,
        "Help to apply to Access to Work",
    ),
];

/// Hours in half-hour steps: 37.5 hours is `HalfHours(75)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct HalfHours(pub u16);

impl HalfHours {
    pub fn whole(hours: u8) -> HalfHours {
        HalfHours(u16::from(hours) * 2)
    }

    /// "37", "37.5", "37,5" or "37½"; None for anything else (including quarters).
    pub fn parse(text: &str) -> Option<HalfHours> {
        let text = text.trim();
        let (whole, half) = if let Some(w) = text.strip_suffix('½') {
            (w.trim(), true)
        } else if let Some((w, f)) = text.split_once(['.', ',']) {
            match f.trim_end_matches('0') {
                "" => (w, false),
                "5" => (w, true),
                _ => return None,
            }
        } else {
            (text, false)
        };
        if whole.is_empty() && !half {
            return None;
        }
        let whole: u16 = if whole.is_empty() {
            0
        } else if whole.bytes().all(|b| b.is_ascii_digit()) && whole.len() <= 3 {
            whole.parse().ok()?
        } else {
            return None;
        };
        Some(HalfHours(whole * 2 + u16::from(half)))
    }

    /// The whole hours, and whether there is half an hour more (as stored in a week).
    pub fn split(self) -> (u8, bool) {
        (u8::try_from(self.0 / 2).unwrap_or(u8::MAX), self.0 % 2 == 1)
    }

    pub fn within_max(self) -> bool {
        self <= HalfHours::whole(MAX_WEEK_HOURS)
    }

    /// The hours in words: "1 hour", "37.5 hours", "half an hour".
    pub fn words(self) -> String {
        match self.0 {
            1 => "half an hour".into(),
            2 => "1 hour".into(),
            _ => format!("{self} hours"),
        }
    }
}

impl std::fmt::Display for HalfHours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.split() {
            (h, true) => write!(f, "{h}.5"),
            (h, false) => write!(f, "{h}"),
        }
    }
}

impl PhasedReturnWeek {
    /// The hours of the week, with the half hour.
    pub fn week_hours(&self) -> HalfHours {
        HalfHours(u16::from(self.hours) * 2 + u16::from(self.half_hour))
    }

    pub fn set_hours(&mut self, hours: HalfHours) {
        (self.hours, self.half_hour) = hours.split();
    }
}

/// The most weeks a phased return can have.
pub const MAX_WEEKS: usize = 26;
/// The most hours in a week.
pub const MAX_WEEK_HOURS: u8 = 80;

/// A phased return that builds up evenly from `first_hours` to `full_hours` over `weeks`
/// weeks, each week starting 7 days after the one before. The first and last weeks have the
/// hours given (half hours too); the weeks between go up in whole hours.
pub fn plan_weeks(
    first: NaiveDate,
    weeks: usize,
    first_hours: HalfHours,
    full_hours: HalfHours,
    days: u8,
) -> Result<Vec<PhasedReturnWeek>, String> {
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(format!(
            "Please choose from 1 to {MAX_WEEKS} weeks for the phased return."
        ));
    }
    if !first_hours.within_max() || !full_hours.within_max() {
        return Err(format!(
            "Hours in a week must be from 0 to {MAX_WEEK_HOURS}."
        ));
    }
    if days > 7 {
        return Err("Days in a week must be from 0 to 7.".into());
    }
    let (a, b) = (i64::from(first_hours.0), i64::from(full_hours.0));
    let steps = (weeks as i64 - 1).max(1);
    let last = weeks as i64 - 1;
    (0..weeks as i64)
        .map(|w| {
            // Even steps from the first week's hours to the full hours; the weeks between to
            // the nearest whole hour (in half hours: the nearest even number).
            let hours = if w == 0 {
                first_hours
            } else if w == last {
                full_hours
            } else {
                let whole = (a * steps + (b - a) * w + steps).div_euclid(2 * steps);
                HalfHours(u16::try_from(whole * 2).unwrap_or(0))
            };
            let (hours, half_hour) = hours.split();
            Some(PhasedReturnWeek {
                // Given when the schedule is saved (`ChecklistCommand::SetPhasedReturn`).
                id: Default::default(),
                starts: super::dates::checked_add_days(first, 7 * w)
                    .filter(|d| super::dates::in_window(*d))?,
                hours,
                half_hour,
                days,
                done: false,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| {
            format!(
                "Please choose a first week that starts between {} and {}.",
                super::dates::long_date(super::dates::EARLIEST_DATE),
                super::dates::long_date(super::dates::LATEST_DATE)
            )
        })
}

/// Where the person is in their phased return today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnPosition {
    /// No schedule.
    None,
    /// The first week starts later.
    NotStarted { starts: NaiveDate },
    /// In week `week` (1-based) of `of`.
    InWeek { week: usize, of: usize },
    /// After the last week.
    Finished { of: usize },
}

/// The week today falls in: a week runs from its start to the day before the next week starts
/// (the last week for 7 days).
pub fn return_position(weeks: &[PhasedReturnWeek], today: NaiveDate) -> ReturnPosition {
    let Some(first) = weeks.first() else {
        return ReturnPosition::None;
    };
    if today < first.starts {
        return ReturnPosition::NotStarted {
            starts: first.starts,
        };
    }
    let of = weeks.len();
    for (i, w) in weeks.iter().enumerate() {
        let ends = weeks
            .get(i + 1)
            .map_or(super::dates::add_days(w.starts, 7), |n| n.starts);
        if today >= w.starts && today < ends {
            return ReturnPosition::InWeek { week: i + 1, of };
        }
    }
    ReturnPosition::Finished { of }
}

/// "You are in week 2 of 6." and the like.
pub fn position_words(position: ReturnPosition) -> String {
    match position {
        ReturnPosition::None => "There is no phased return plan yet.".into(),
        ReturnPosition::NotStarted { starts } => format!(
            "Your phased return starts on {}.",
            super::dates::long_date(starts)
        ),
        ReturnPosition::InWeek { week, of } => format!("You are in week {week} of {of}."),
        ReturnPosition::Finished { of } => {
            format!("All {of} weeks of your phased return are behind you.")
        }
    }
}

/// Checks a schedule: at most [`MAX_WEEKS`] weeks, each in range, in date order.
pub fn check_weeks(weeks: &[PhasedReturnWeek]) -> Result<(), String> {
    if weeks.len() > MAX_WEEKS {
        return Err(format!(
            "A phased return can have at most {MAX_WEEKS} weeks."
        ));
    }
    for (i, w) in weeks.iter().enumerate() {
        if !w.week_hours().within_max() {
            return Err(format!(
                "Week {}: hours must be from 0 to {MAX_WEEK_HOURS}.",
                i + 1
            ));
        }
        if w.days > 7 {
            return Err(format!("Week {}: days must be from 0 to 7.", i + 1));
        }
        if i > 0 && w.starts <= weeks[i - 1].starts {
            return Err(format!(
                "Week {} must start after week {} starts.",
                i + 1,
                i
            ));
        }
    }
    Ok(())
}

/// Counts for the checklists page.
pub fn plan_summary(plan: &WorkplacePlan) -> String {
    let agreed = plan.items.iter().filter(|i| i.status.is_agreed()).count();
    if plan.items.is_empty() && plan.difficulties.is_empty() && plan.phased_return.is_empty() {
        return "Nothing in your plan yet.".into();
    }
    format!(
        "{} {}, {agreed} agreed or in place. {} {} in the phased return.",
        plan.items.len(),
        if plan.items.len() == 1 {
            "adjustment"
        } else {
            "adjustments"
        },
        plan.phased_return.len(),
        if plan.phased_return.len() == 1 {
            "week"
        } else {
            "weeks"
        },
    )
}

/// "1 thing" or "2 things": a count with its word.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The status line of "What the plan covers" on the plan's overview.
pub fn covers_words(plan: &WorkplacePlan) -> String {
    if plan.advice.is_empty() && plan.from.is_none() && plan.to.is_none() && plan.review.is_none() {
        return "Not filled in yet.".into();
    }
    let kinds = counted(plan.advice.len(), "kind of advice", "kinds of advice");
    match plan.review {
        Some(review) => format!("{kinds}. Review on {}.", super::dates::long_date(review)),
        None => format!("{kinds}. No review date yet."),
    }
}

/// The status line of the adjustments on the plan's overview: "3 adjustments, 1 agreed or in
/// place."
pub fn items_words(plan: &WorkplacePlan) -> String {
    if plan.items.is_empty() {
        return "None yet.".into();
    }
    let agreed = plan.items.iter().filter(|i| i.status.is_agreed()).count();
    format!(
        "{}, {agreed} agreed or in place.",
        counted(plan.items.len(), "adjustment", "adjustments")
    )
}

/// The status line of the difficulties table on the plan's overview.
pub fn difficulties_words(plan: &WorkplacePlan) -> String {
    if plan.difficulties.is_empty() {
        return "Nothing in the table yet.".into();
    }
    format!(
        "{} in the table.",
        counted(plan.difficulties.len(), "difficulty", "difficulties")
    )
}

/// The status line of the Wellness Action Plan on the plan's overview.
pub fn wellness_words(plan: &WorkplacePlan) -> String {
    let w = &plan.wellness;
    let written = [
        &w.keeps_me_well,
        &w.warning_signs,
        &w.effect_on_work,
        &w.support_from_manager,
    ]
    .iter()
    .any(|t| !t.trim().is_empty());
    if written {
        "Started. Only shared if you choose.".into()
    } else {
        "Not filled in yet.".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    fn h(hours: u8) -> HalfHours {
        HalfHours::whole(hours)
    }

    #[test]
    fn hours_are_whole_or_half() {
        assert_eq!(HalfHours::parse("37.5"), Some(HalfHours(75)));
        assert_eq!(HalfHours::parse(" 37,5 "), Some(HalfHours(75)));
        assert_eq!(HalfHours::parse("37½"), Some(HalfHours(75)));
        assert_eq!(HalfHours::parse("12"), Some(h(12)));
        assert_eq!(HalfHours::parse("12.0"), Some(h(12)));
        assert_eq!(HalfHours::parse("0.5"), Some(HalfHours(1)));
        for bad in ["", "37.25", "-3", "abc", "1e3", "37.5.5", "9999"] {
            assert_eq!(HalfHours::parse(bad), None, "{bad}");
        }
        assert_eq!(HalfHours(75).to_string(), "37.5");
        assert_eq!(h(12).to_string(), "12");
        assert!(h(80).within_max() && !HalfHours(161).within_max());
        let mut week = plan_weeks(d(3, 2), 1, HalfHours(75), h(75), 5)
            .unwrap()
            .remove(0);
        assert_eq!((week.hours, week.half_hour), (37, true));
        assert_eq!(week.week_hours(), HalfHours(75));
        week.set_hours(h(20));
        assert_eq!((week.hours, week.half_hour), (20, false));
        // 37.5 hours was refused before half hours; now it is the last week's hours exactly.
        let weeks = plan_weeks(d(3, 2), 4, h(12), HalfHours(75), 3).unwrap();
        let hours: Vec<String> = weeks.iter().map(|w| w.week_hours().to_string()).collect();
        assert_eq!(hours, ["12", "21", "29", "37.5"]);
        assert!(check_weeks(&weeks).is_ok());
        let mut over = weeks.clone();
        over[3].hours = 80;
        assert!(check_weeks(&over).unwrap_err().contains("Week 4"));
        // A week stored before half hours reads as whole hours.
        let old: PhasedReturnWeek =
            serde_json::from_str(r#"{"id":3,"starts":"2026-03-02","hours":12,"days":3}"#).unwrap();
        assert_eq!(old.week_hours(), h(12));
        assert!(!serde_json::to_string(&old).unwrap().contains("half_hour"));
    }

    #[test]
    fn weeks_build_up_evenly() {
        let weeks = plan_weeks(d(3, 2), 4, h(8), h(36), 3).unwrap();
        let hours: Vec<u8> = weeks.iter().map(|w| w.hours).collect();
        assert_eq!(hours, vec![8, 17, 27, 36]);
        assert_eq!(weeks[3].starts, d(3, 23));
        assert!(check_weeks(&weeks).is_ok());
        assert_eq!(
            plan_weeks(d(3, 2), 1, h(20), h(36), 5).unwrap()[0].hours,
            20
        );
        assert!(plan_weeks(d(3, 2), 0, h(8), h(36), 3).is_err());
        assert!(plan_weeks(d(3, 2), 27, h(8), h(36), 3).is_err());
        assert!(plan_weeks(d(3, 2), 4, h(8), h(81), 3).is_err());
        assert!(plan_weeks(d(3, 2), 4, h(8), h(36), 8).is_err());
        // Building down works too (for a planned reduction).
        let down: Vec<u8> = plan_weeks(d(3, 2), 3, h(30), h(10), 3)
            .unwrap()
            .iter()
            .map(|w| w.hours)
            .collect();
        assert_eq!(down, vec![30, 20, 10]);
    }

    #[test]
    fn where_you_are() {
        assert_eq!(return_position(&[], d(3, 1)), ReturnPosition::None);
        let weeks = plan_weeks(d(3, 2), 3, h(8), h(24), 3).unwrap();
        assert_eq!(
            return_position(&weeks, d(3, 1)),
            ReturnPosition::NotStarted { starts: d(3, 2) }
        );
        assert_eq!(
            return_position(&weeks, d(3, 2)),
            ReturnPosition::InWeek { week: 1, of: 3 }
        );
        assert_eq!(
            return_position(&weeks, d(3, 15)),
            ReturnPosition::InWeek { week: 2, of: 3 }
        );
        assert_eq!(
            return_position(&weeks, d(3, 22)),
            ReturnPosition::InWeek { week: 3, of: 3 }
        );
        assert_eq!(
            return_position(&weeks, d(3, 23)),
            ReturnPosition::Finished { of: 3 }
        );
        assert_eq!(
            position_words(ReturnPosition::InWeek { week: 2, of: 3 }),
            "You are in week 2 of 3."
        );
    }

    #[test]
    fn weeks_out_of_order_are_refused() {
        let mut weeks = plan_weeks(d(3, 2), 3, h(8), h(24), 3).unwrap();
        weeks.swap(0, 1);
        assert!(check_weeks(&weeks).unwrap_err().contains("Week 2"));
    }

    #[test]
    fn weeks_past_the_window_or_the_calendar_are_refused_not_a_panic() {
        let late = NaiveDate::from_ymd_opt(2200, 12, 20).unwrap();
        assert_eq!(
            plan_weeks(late, 4, h(8), h(24), 3).unwrap_err(),
            "Please choose a first week that starts between 1 January 1900 and 31 December 2200."
        );
        assert!(plan_weeks(NaiveDate::MAX, 2, h(8), h(24), 3).is_err());
        assert_eq!(plan_weeks(late, 1, h(8), h(24), 3).unwrap()[0].starts, late);
    }

    #[test]
    fn library_has_something_under_every_kind() {
        for k in ADVICE_KINDS {
            assert!(ADJUSTMENT_LIBRARY.iter().any(|(kind, _)| *kind == k));
            assert_eq!(AdviceKind::from_code(k.code()), Some(k));
        }
    }

    #[test]
    fn overview_status_lines_count_in_plain_words() {
        let mut plan = WorkplacePlan::default();
        assert_eq!(covers_words(&plan), "Not filled in yet.");
        assert_eq!(items_words(&plan), "None yet.");
        assert_eq!(difficulties_words(&plan), "Nothing in the table yet.");
        assert_eq!(wellness_words(&plan), "Not filled in yet.");
        plan.advice = vec![AdviceKind::AlteredHours];
        assert_eq!(covers_words(&plan), "1 kind of advice. No review date yet.");
        plan.advice.push(AdviceKind::PhasedReturn);
        plan.review = Some(d(4, 1));
        assert_eq!(
            covers_words(&plan),
            "2 kinds of advice. Review on 1 April 2026."
        );
        let item = |status| crate::domain::checklists::WorkplaceItem {
            id: Default::default(),
            kind: AdviceKind::AlteredHours,
            text: "Start later".into(),
            status,
            reason: String::new(),
            owner: Owner::Me,
            review: None,
            since: None,
            note: String::new(),
            private: false,
            source: Default::default(),
        };
        plan.items = vec![
            item(ItemStatus::Agreed),
            item(ItemStatus::Suggested),
            item(ItemStatus::AskedFor),
        ];
        assert_eq!(items_words(&plan), "3 adjustments, 1 agreed or in place.");
        plan.difficulties = vec![Default::default()];
        assert_eq!(difficulties_words(&plan), "1 difficulty in the table.");
        plan.wellness.warning_signs = "Not sleeping".into();
        assert_eq!(wellness_words(&plan), "Started. Only shared if you choose.");
    }
}
