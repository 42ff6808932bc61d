//! The person's own settings and the dates that frame their OT involvement.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::activity::LifeArea;

/// Which optional 0 to 10 ratings the diary asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiaryRatingToggles {
    #[serde(default)]
    pub effort: bool,
    #[serde(default)]
    pub pain: bool,
    #[serde(default)]
    pub mood: bool,
    /// Achievement, closeness and enjoyment (behavioural activation).
    #[serde(default)]
    pub activation: bool,
    /// The person has said which ratings they want (the diary asks once). Older data lacks it
    /// and reads as not yet asked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chosen: bool,
}

impl DiaryRatingToggles {
    /// True when no rating is switched on.
    pub fn none_on(&self) -> bool {
        !(self.effort || self.pain || self.mood || self.activation)
    }

    /// Whether the diary should ask which ratings to give: not asked yet, and none on (someone
    /// who switched one on in Settings has already chosen).
    pub fn ask_first(&self) -> bool {
        !self.chosen && self.none_on()
    }
}

/// Settings and profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The first-run welcome has been read.
    #[serde(default)]
    pub welcome_done: bool,
    /// The name or initials the person wants on their summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// When a backup file was last downloaded (local time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_backup: Option<NaiveDateTime>,
    /// When OT involvement started, for "before and since" figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ot_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    #[serde(default)]
    pub diary_ratings: DiaryRatingToggles,
    /// Pacing: off by default; a daily activity budget when switched on.
    #[serde(default, skip_serializing_if = "Pacing::is_default")]
    pub pacing: Pacing,
    /// The day of the last review with the OT: "since the last review" summaries start there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<NaiveDate>,
    /// "What I want to talk about", kept for the next summary.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub talk_about: String,
    /// Today's agenda: items put off or dismissed, and the diary reminder time (additive).
    #[serde(
        default,
        skip_serializing_if = "super::agenda::AgendaChoices::is_default"
    )]
    pub agenda: super::agenda::AgendaChoices,
}

/// Pacing support: a daily budget in minutes for an area of life (or all activity except
/// rest), set from a baseline of typical days.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pacing {
    #[serde(default)]
    pub on: bool,
    /// The area the budget covers; none means all activity except rest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<LifeArea>,
    /// Minutes on each of the typical days the budget was worked out from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baseline: Vec<u16>,
    /// The daily budget in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<u16>,
}

impl Pacing {
    pub fn is_default(&self) -> bool {
        self == &Pacing::default()
    }
}

impl Settings {
    /// How the diary is set, for the Settings home: "Ratings on. Pacing off."
    pub fn diary_words(&self) -> String {
        let on_off = |on: bool| if on { "on" } else { "off" };
        format!(
            "Ratings {}. Pacing {}.",
            on_off(!self.diary_ratings.none_on()),
            on_off(self.pacing.on)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diary_words_say_what_is_on() {
        let mut s = Settings::default();
        assert_eq!(s.diary_words(), "Ratings off. Pacing off.");
        s.diary_ratings.mood = true;
        s.pacing.on = true;
        assert_eq!(s.diary_words(), "Ratings on. Pacing on.");
    }
}
