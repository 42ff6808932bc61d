//! Home safety for older adults: the built-in room-by-room hazards with a suggested fix for
//! each, and the falls self-check (yes/no statements that add up to a total; four or more
//! suggests talking to the GP or OT).

use super::checklists::{FallsCheck, HazardCheck, HomeSafety, Room};

/// The rooms in the order a person walks through a home.
pub const ROOMS: [Room; 7] = [
    Room::Entrance,
    Room::HallAndStairs,
    Room::LivingRoom,
    Room::Kitchen,
    Room::Bedroom,
    Room::Bathroom,
    Room::GardenAndOutside,
];

impl Room {
    pub fn label(self) -> &'static str {
        match self {
            Room::Entrance => "Entrance",
            Room::HallAndStairs => "Hall and stairs",
            Room::LivingRoom => "Living room",
            Room::Kitchen => "Kitchen",
            Room::Bedroom => "Bedroom",
            Room::Bathroom => "Bathroom",
            Room::GardenAndOutside => "Garden and outside",
        }
    }

    /// For the address of the room's page.
    pub fn code(self) -> &'static str {
        match self {
            Room::Entrance => "entrance",
            Room::HallAndStairs => "hall-and-stairs",
            Room::LivingRoom => "living-room",
            Room::Kitchen => "kitchen",
            Room::Bedroom => "bedroom",
            Room::Bathroom => "bathroom",
            Room::GardenAndOutside => "garden",
        }
    }

    pub fn from_code(code: &str) -> Option<Room> {
        ROOMS.into_iter().find(|r| r.code() == code)
    }
}

/// A built-in hazard: its key, room, what to look for and the suggested fix.
pub struct LibraryHazard {
    pub key: &'static str,
    pub room: Room,
    pub hazard: &'static str,
    pub fix: &'static str,
}

const fn h(
    key: &'static str,
    room: Room,
    hazard: &'static str,
    fix: &'static str,
) -> LibraryHazard {
    LibraryHazard {
        key,
        room,
        hazard,
        fix,
    }
}

/// The built-in checklist, in plain UK English.
pub const HAZARDS: [LibraryHazard; 28] = [
    h(
        "entrance-step",
        Room::Entrance,
        "The front step is hard to see or uneven",
        "Paint the edge of the step white, and fit a rail beside it.",
    ),
    h(
        "entrance-dark",
        Room::Entrance,
        "It is dark outside the front door",
        "Fit an outside light, for example one that comes on by itself.",
    ),
    h(
        "entrance-post",
        Room::Entrance,
        "You bend down to pick up post from the floor",
        "Fit a letter basket on the back of the door.",
    ),
    h(
        "entrance-keys",
        Room::Entrance,
        "Finding your keys or the lock is a struggle",
        "Keep keys on a hook by the door. A key safe lets carers get in.",
    ),
    h(
        "stairs-rail",
        Room::HallAndStairs,
        "The stairs have one rail or none",
        "Ask for a second stair rail. Your OT or the council can help.",
    ),
    h(
        "stairs-light",
        Room::HallAndStairs,
        "The stairs are dim, or the light switch is only at one end",
        "Use bright bulbs and fit a switch at the top and bottom, or plug-in night lights.",
    ),
    h(
        "stairs-clutter",
        Room::HallAndStairs,
        "Things are left on the stairs",
        "Keep the stairs clear. Put things to take up in a basket at the bottom.",
    ),
    h(
        "stairs-carpet",
        Room::HallAndStairs,
        "Carpet on the stairs or in the hall is loose or worn",
        "Have it fixed down or replaced.",
    ),
    h(
        "living-rugs",
        Room::LivingRoom,
        "There are loose rugs or mats",
        "Take them away, or fix them down with non-slip tape.",
    ),
    h(
        "living-cables",
        Room::LivingRoom,
        "Cables run across the floor",
        "Run cables along the wall, or have more sockets fitted.",
    ),
    h(
        "living-chair",
        Room::LivingRoom,
        "Your chair is too low to get up from easily",
        "Ask your OT about chair raisers or a higher chair.",
    ),
    h(
        "living-reach",
        Room::LivingRoom,
        "Things you use every day are hard to reach",
        "Keep them between waist and shoulder height.",
    ),
    h(
        "kitchen-climb",
        Room::Kitchen,
        "You climb on a chair to reach cupboards",
        "Move everyday things to lower shelves. Use a steady step with a handle.",
    ),
    h(
        "kitchen-spills",
        Room::Kitchen,
        "Spills on the floor stay wet",
        "Wipe spills straight away. Keep a long-handled mop handy.",
    ),
    h(
        "kitchen-carry",
        Room::Kitchen,
        "You carry hot drinks or food from room to room",
        "Use a kitchen trolley or a flask, or sit down to eat in the kitchen.",
    ),
    h(
        "kitchen-alarm",
        Room::Kitchen,
        "There is no working smoke alarm",
        "Test alarms each month. The fire service fits them free for many people.",
    ),
    h(
        "bedroom-light",
        Room::Bedroom,
        "You cannot reach a light from your bed",
        "Keep a lamp or torch by the bed. A plug-in night light helps too.",
    ),
    h(
        "bedroom-bed",
        Room::Bedroom,
        "Your bed is too high or too low",
        "Ask your OT about bed raisers or a bed rail.",
    ),
    h(
        "bedroom-night",
        Room::Bedroom,
        "You get up in the night to use the toilet",
        "Light the way with night lights and keep the path clear.",
    ),
    h(
        "bedroom-phone",
        Room::Bedroom,
        "There is no phone or alarm near the bed",
        "Keep a phone or a pendant alarm within reach of the bed.",
    ),
    h(
        "bathroom-slip",
        Room::Bathroom,
        "The bath or shower floor is slippery",
        "Use non-slip mats inside and outside the bath or shower.",
    ),
    h(
        "bathroom-grab",
        Room::Bathroom,
        "There is nothing to hold getting in and out of the bath or shower",
        "Fit grab rails. Ask your OT about a bath board or shower seat.",
    ),
    h(
        "bathroom-toilet",
        Room::Bathroom,
        "The toilet is low and hard to get up from",
        "A raised toilet seat or a frame around the toilet can help.",
    ),
    h(
        "bathroom-lock",
        Room::Bathroom,
        "The door locks from the inside",
        "Fit a lock that can be opened from outside in an emergency.",
    ),
    h(
        "garden-paths",
        Room::GardenAndOutside,
        "Paths are uneven, mossy or slippery",
        "Have paths mended and cleared. Grit them in icy weather.",
    ),
    h(
        "garden-steps",
        Room::GardenAndOutside,
        "Outside steps have no rail",
        "Fit a rail, and paint the step edges white.",
    ),
    h(
        "garden-bins",
        Room::GardenAndOutside,
        "Bins or hoses are left across the path",
        "Keep them to one side, away from where you walk.",
    ),
    h(
        "garden-dark",
        Room::GardenAndOutside,
        "The path or garden is dark",
        "Fit outside lights along the path.",
    ),
];

/// The built-in hazard with this key.
pub fn library_hazard(key: &str) -> Option<&'static LibraryHazard> {
    HAZARDS.iter().find(|h| h.key == key)
}

/// One line of a room's checklist: a built-in hazard (with its record once ticked) or the
/// person's own.
pub struct RoomLine<'a> {
    /// The built-in key, or empty for the person's own.
    pub key: &'static str,
    pub hazard: &'a str,
    pub fix: &'a str,
    pub record: Option<&'a HazardCheck>,
}

/// A room's checklist: the built-in hazards, then the person's own.
pub fn room_lines(home: &HomeSafety, room: Room) -> Vec<RoomLine<'_>> {
    let mut lines: Vec<RoomLine> = HAZARDS
        .iter()
        .filter(|h| h.room == room)
        .map(|h| RoomLine {
            key: h.key,
            hazard: h.hazard,
            fix: h.fix,
            record: home.hazards.iter().find(|r| r.key == h.key),
        })
        .collect();
    lines.extend(
        home.hazards
            .iter()
            .filter(|r| r.room == room && library_hazard(&r.key).is_none())
            .map(|r| RoomLine {
                key: "",
                hazard: &r.hazard,
                fix: &r.fix,
                record: Some(r),
            }),
    );
    lines
}

/// For a room: (hazards ticked, of which something has been done).
pub fn room_counts(home: &HomeSafety, room: Room) -> (usize, usize) {
    let ticked = home.hazards.iter().filter(|r| r.room == room && r.applies);
    (
        ticked.clone().count(),
        ticked.filter(|r| !r.actions.is_empty()).count(),
    )
}

/// "2 things ticked, 1 with something done." for a room.
pub fn room_words(home: &HomeSafety, room: Room) -> String {
    match room_counts(home, room) {
        (0, _) => "Nothing ticked yet.".into(),
        (t, done) => format!(
            "{t} {} ticked, {done} with something done.",
            if t == 1 { "thing" } else { "things" }
        ),
    }
}

/// The falls self-check: each statement with the points a "yes" adds.
pub const FALLS_STATEMENTS: [(&str, u8); 12] = [
    ("I have had a fall in the past year.", 2),
    (
        "I use, or have been told to use, a walking stick or frame to get about safely.",
        2,
    ),
    ("Sometimes I feel unsteady when I am walking.", 1),
    (
        "I steady myself by holding on to furniture when I walk around at home.",
        1,
    ),
    ("I am worried about falling.", 1),
    ("I need to push with my hands to stand up from a chair.", 1),
    ("I have some trouble stepping up onto a kerb.", 1),
    ("I often have to rush to the toilet.", 1),
    ("I have lost some feeling in my feet.", 1),
    (
        "I take medicine that sometimes makes me feel light-headed or more tired than usual.",
        1,
    ),
    ("I take medicine to help me sleep or to help my mood.", 1),
    ("I often feel sad or low.", 1),
];

/// At this total or more, suggest talking to the GP or OT.
pub const FALLS_TALK_AT: u8 = 4;

/// The highest total possible.
pub fn falls_max() -> u8 {
    FALLS_STATEMENTS.iter().map(|(_, p)| p).sum()
}

/// The total of the points for each "yes".
pub fn falls_total(answers: &[bool]) -> u8 {
    answers
        .iter()
        .zip(FALLS_STATEMENTS.iter())
        .filter(|(yes, _)| **yes)
        .map(|(_, (_, points))| points)
        .sum()
}

/// What the total means, in calm words.
pub fn falls_advice(total: u8) -> String {
    if total >= FALLS_TALK_AT {
        format!(
            "Your total is {total}. With {FALLS_TALK_AT} or more, it is a good idea to talk to \
             your GP or your occupational therapist about falls when you next can. This is \
             common, and there is a lot that helps: exercises for strength and balance, a check \
             of your medicines, and small changes at home. You do not need to do anything \
             urgently because of this check."
        )
    } else {
        format!(
            "Your total is {total}. That is under {FALLS_TALK_AT}. Keep doing what keeps you \
             steady, and do the check again if anything changes or if you have a fall."
        )
    }
}

/// Checks a completed self-check: an answer for every statement.
pub fn check_falls(check: &FallsCheck) -> Result<(), String> {
    if check.answers.len() != FALLS_STATEMENTS.len() {
        return Err(format!(
            "Please answer all {} statements, yes or no.",
            FALLS_STATEMENTS.len()
        ));
    }
    Ok(())
}

/// The answers given so far in a falls self-check, one statement at a time (kept in the tab's
/// session storage as text, so a reload loses nothing): `y`, `n` or `-` (not yet) for each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FallsDraft(pub [Option<bool>; FALLS_STATEMENTS.len()]);

/// Where a falls self-check goes after a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FallsNext {
    /// The next statement (1-based).
    Question(usize),
    /// Every statement is answered: check the answers.
    Check,
}

impl FallsDraft {
    /// The draft as stored: one character per statement.
    pub fn encode(&self) -> String {
        self.0
            .iter()
            .map(|a| match a {
                Some(true) => 'y',
                Some(false) => 'n',
                None => '-',
            })
            .collect()
    }

    /// A stored draft; anything that is not one (another length, other characters) is an
    /// empty draft, so a damaged draft never stops the check.
    pub fn decode(text: &str) -> FallsDraft {
        let mut draft = FallsDraft::default();
        if text.chars().count() != draft.0.len() {
            return draft;
        }
        for (slot, c) in draft.0.iter_mut().zip(text.chars()) {
            *slot = match c {
                'y' => Some(true),
                'n' => Some(false),
                '-' => None,
                _ => return FallsDraft::default(),
            };
        }
        draft
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The first statement not answered yet (1-based), if any.
    pub fn first_unanswered(&self) -> Option<usize> {
        self.0.iter().position(Option::is_none).map(|i| i + 1)
    }

    /// After answering statement `question` (1-based): the next one, or the check of the
    /// answers once every statement has an answer.
    pub fn next_after(&self, question: usize) -> FallsNext {
        match self.first_unanswered() {
            None => FallsNext::Check,
            Some(_) if question < self.0.len() => FallsNext::Question(question + 1),
            Some(first) => FallsNext::Question(first),
        }
    }

    /// Every answer, when all are given: what is saved.
    pub fn complete(&self) -> Option<Vec<bool>> {
        self.0.iter().copied().collect()
    }
}

/// "Yes" or "No" for an answer.
pub fn yes_no(answer: bool) -> &'static str {
    if answer {
        "Yes"
    } else {
        "No"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_room_has_hazards_and_keys_are_unique() {
        for room in ROOMS {
            assert!(HAZARDS.iter().filter(|h| h.room == room).count() >= 4);
            assert_eq!(Room::from_code(room.code()), Some(room));
        }
        for (i, a) in HAZARDS.iter().enumerate() {
            assert!(HAZARDS[i + 1..].iter().all(|b| b.key != a.key), "{}", a.key);
        }
    }

    #[test]
    fn falls_total_and_advice() {
        assert_eq!(falls_max(), 14);
        let mut answers = vec![false; 12];
        assert_eq!(falls_total(&answers), 0);
        answers[0] = true; // 2 points
        answers[4] = true; // 1 point
        assert_eq!(falls_total(&answers), 3);
        assert!(falls_advice(3).contains("under 4"));
        answers[11] = true;
        assert_eq!(falls_total(&answers), 4);
        let advice = falls_advice(4);
        assert!(advice.contains("talk to your GP or your occupational therapist"));
        assert!(advice.contains("do not need to do anything urgently"));
        assert!(check_falls(&FallsCheck {
            id: Default::default(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            answers: vec![true; 3],
        })
        .is_err());
    }

    #[test]
    fn a_falls_draft_is_kept_as_text_and_leads_on_to_the_check() {
        let mut draft = FallsDraft::default();
        assert!(draft.is_empty());
        assert_eq!(draft.encode(), "------------");
        assert_eq!(draft.first_unanswered(), Some(1));
        draft.0[0] = Some(true);
        draft.0[1] = Some(false);
        assert_eq!(draft.encode(), "yn----------");
        assert_eq!(FallsDraft::decode("yn----------"), draft);
        assert_eq!(draft.next_after(2), FallsNext::Question(3));
        assert_eq!(draft.complete(), None);
        // Damaged or old text is an empty draft, never a panic.
        assert!(FallsDraft::decode("yn").is_empty());
        assert!(FallsDraft::decode("yx----------").is_empty());
        assert!(FallsDraft::decode("").is_empty());
        // The last statement answered with a gap earlier: back to the gap.
        let mut gap = FallsDraft::decode("yyyyy-yyyyyy");
        assert_eq!(gap.next_after(12), FallsNext::Question(6));
        assert_eq!(gap.next_after(3), FallsNext::Question(4));
        gap.0[5] = Some(false);
        assert_eq!(gap.next_after(6), FallsNext::Check);
        let answers = gap.complete().unwrap();
        assert_eq!(answers.len(), 12);
        assert_eq!(
            falls_total(&answers),
            13,
            "every statement but the sixth (1 point)"
        );
        assert_eq!(yes_no(true), "Yes");
    }
}
