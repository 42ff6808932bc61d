//! The daily activity diary: what was done, when, for how long, and in which area of life.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::ids::EntryId;

/// The four areas of life occupational therapy looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    SelfCare,
    /// Work, study, housework, caring.
    Productivity,
    Leisure,
    Rest,
}

impl LifeArea {
    pub const ALL: [LifeArea; 4] = [
        LifeArea::SelfCare,
        LifeArea::Productivity,
        LifeArea::Leisure,
        LifeArea::Rest,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LifeArea::SelfCare => "Looking after myself",
            LifeArea::Productivity => "Work, study, housework or caring",
            LifeArea::Leisure => "Leisure",
            LifeArea::Rest => "Rest",
        }
    }

    /// What the area covers, for the diary's form.
    pub fn hint(self) -> &'static str {
        match self {
            LifeArea::SelfCare => "Washing, dressing, eating, medication, appointments",
            LifeArea::Productivity => "Paid work, study, housework, shopping, caring for someone",
            LifeArea::Leisure => "Hobbies, going out, seeing or phoning people, TV",
            LifeArea::Rest => "Resting, relaxing, a nap",
        }
    }
}

/// A rough part of the day, for people who do not want to give a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// Optional 0 to 10 ratings on an entry; each is shown only when switched on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryRatings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closeness: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enjoyment: Option<u8>,
}

impl EntryRatings {
    pub fn is_empty(&self) -> bool {
        self == &EntryRatings::default()
    }

    /// Every rating that is set, with its name (lower case), for validation and display.
    pub fn present(&self) -> impl Iterator<Item = (String, u8)> + '_ {
        super::diary::RatingKind::ALL
            .into_iter()
            .filter_map(|k| k.of(self).map(|v| (k.label().to_ascii_lowercase(), v)))
    }
}

/// One thing the person did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryEntry {
    pub id: EntryId,
    /// The local calendar day it belongs to.
    #[serde(deserialize_with = "super::wire::date")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::wire::opt_time"
    )]
    pub time: Option<NaiveTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOfDay>,
    /// How long, in minutes.
    pub minutes: u16,
    pub area: LifeArea,
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "EntryRatings::is_empty")]
    pub ratings: EntryRatings,
}

/// Why a day is marked: it counts for nothing against the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Unwell,
    Holiday,
    Rest,
}

/// A day marked as unwell, holiday or a rest day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayMark {
    pub date: NaiveDate,
    pub kind: DayKind,
}
