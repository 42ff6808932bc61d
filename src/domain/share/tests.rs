//! Tests of the share envelope and of the whitelist: property tests over arbitrary data prove
//! that nothing outside the chosen workplace plan fields can reach a share.

use super::*;
use crate::domain::activity::{DiaryEntry, EntryRatings, LifeArea};
use crate::domain::checklists::{
    ActionLogEntry, Difficulty, HazardCheck, PhasedReturnWeek, Room, WellnessActionPlan,
    WorkplaceItem,
};
use crate::domain::goals::{Goal, GoalStatus, ProgressRecord, Source};
use crate::domain::ids::{EntryId, GoalId, HazardId, OutcomeId, WorkplaceItemId};
use crate::domain::outcomes::{OutcomeEvent, OutcomeKind};
use crate::domain::ratings::ConfidenceCheckIn;
use proptest::prelude::*;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[test]
fn base64url_and_crc_known_values() {
    assert_eq!(base64url_encode(b""), "");
    assert_eq!(base64url_encode(b"f"), "Zg");
    assert_eq!(base64url_encode(b"fo"), "Zm8");
    assert_eq!(base64url_encode(b"foo"), "Zm9v");
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
    assert_eq!(base64url_decode("Zm9"), None, "leftover bits");
    assert_eq!(base64url_decode("Zm9v="), None);
    assert_eq!(base64url_decode("Z"), None);
    assert_eq!(base64url_decode("Zm+v"), None);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn fragments_round_trip_and_say_what_is_wrong() {
    let body = b"compressed bytes".to_vec();
    let text = encode_fragment(ShareKind::WorkplacePlan, false, &body);
    assert!(text.starts_with("1.w.p."));
    let f = read_fragment(&format!("#{text}")).unwrap();
    assert_eq!(f.body, body);
    assert!(!f.protected);
    // One character changed: the checksum catches it.
    let mut damaged = text.clone().into_bytes();
    let last = damaged.len() - 3;
    damaged[last] = if damaged[last] == b'A' { b'B' } else { b'A' };
    let damaged = String::from_utf8(damaged).unwrap();
    assert_eq!(read_fragment(&damaged), Err(ShareError::Damaged));
    // Cut short.
    assert_eq!(
        read_fragment(&text[..text.len() - 6]),
        Err(ShareError::Damaged)
    );
    assert_eq!(read_fragment("2.w.p.AAAA"), Err(ShareError::Newer));
    assert_eq!(read_fragment("17.z.q"), Err(ShareError::Newer));
    assert_eq!(read_fragment("1.o.p.AAAAAAA"), Err(ShareError::WrongKind));
    assert_eq!(read_fragment(""), Err(ShareError::Damaged));
    assert_eq!(read_fragment("0.w.p.AAAA"), Err(ShareError::Damaged));
    assert_eq!(read_fragment("1.w.e.AAAA"), Err(ShareError::Damaged));
    assert_eq!(
        read_fragment(&"1".repeat(MAX_FRAGMENT_CHARS + 1)),
        Err(ShareError::TooLong)
    );
    let sealed = vec![7u8; SALT_BYTES + IV_BYTES + TAG_BYTES + 3];
    let text = encode_fragment(ShareKind::WorkplacePlan, true, &sealed);
    assert!(text.starts_with("1.w.e."));
    let f = read_fragment(&text).unwrap();
    assert!(f.protected);
    let (salt, iv, ct) = split_sealed(&f.body).unwrap();
    assert_eq!((salt.len(), iv.len(), ct.len()), (16, 12, 19));
    assert_eq!(header(ShareKind::WorkplacePlan, true), "1.w.e");
}

#[test]
fn fragment_found_in_a_file_or_link() {
    assert_eq!(
        fragment_in("Open: https://x.org/employer#1.w.p.Ab-_9\" more"),
        "1.w.p.Ab-_9"
    );
    assert_eq!(fragment_in("  1.w.p.Ab  "), "1.w.p.Ab");
    assert_eq!(
        fragment_in("<style>p{color:#000}</style><a href=\"https://x.org/employer#1.w.e.Zz\">"),
        "1.w.e.Zz"
    );
    assert!(check_passphrase("short").is_err());
    assert!(check_passphrase("blue kettle river").is_ok());
}

#[test]
fn a_shared_plan_round_trips_through_json() {
    let mut data = AppData::default();
    data.settings.name = "Sam".into();
    data.workplace.review = Some(d(4, 1));
    data.workplace
        .items
        .push(item(1, ItemStatus::Agreed, false));
    data.workplace.phased_return.push(PhasedReturnWeek {
        id: Default::default(),
        starts: d(3, 2),
        hours: 12,
        half_hour: false,
        days: 3,
        done: true,
    });
    let plan = share_payload(&data, &ShareChoices::default(), d(3, 1));
    assert_eq!(plan.name, "Sam");
    assert_eq!(plan.review, Some(d(4, 1)));
    assert_eq!(plan.adjustments.len(), 1);
    assert_eq!(decode_plan(plan_json(&plan).as_bytes()), Ok(plan));
    assert_eq!(decode_plan(b"{"), Err(ShareError::Damaged));
    assert_eq!(
        decode_plan(
            br#"{"shared":"2026-03-01","phased_return":[{"starts":"2026-03-02","hours":200}]}"#
        ),
        Err(ShareError::Damaged)
    );
    let empty = share_payload(&AppData::default(), &ShareChoices::default(), d(3, 1));
    assert!(empty.is_empty());
}

#[test]
fn the_defaults_share_agreed_in_place_and_asked_for_and_suggested_only_when_chosen() {
    let mut data = AppData::default();
    for (id, status) in [
        (1, ItemStatus::Agreed),
        (2, ItemStatus::InPlace),
        (3, ItemStatus::AskedFor),
        (4, ItemStatus::Suggested),
        (5, ItemStatus::NotPossible),
        (6, ItemStatus::DidNotHelp),
    ] {
        data.workplace.items.push(item(id, status, false));
    }
    let statuses = |choices: &ShareChoices| {
        share_payload(&data, choices, d(3, 1))
            .adjustments
            .iter()
            .map(|a| a.status)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        statuses(&ShareChoices::default()),
        [
            ItemStatus::Agreed,
            ItemStatus::InPlace,
            ItemStatus::AskedFor
        ]
    );
    let with_suggested = ShareChoices {
        suggested: true,
        ..ShareChoices::default()
    };
    assert_eq!(
        statuses(&with_suggested),
        [
            ItemStatus::Agreed,
            ItemStatus::InPlace,
            ItemStatus::AskedFor,
            ItemStatus::Suggested
        ]
    );
    // The employer is told what to do about each.
    let plan = share_payload(&data, &with_suggested, d(3, 1));
    let steps = employer_next_steps(&plan);
    assert!(steps[0].starts_with("Reply to your employee about the adjustment asked for"));
    assert!(steps[1].contains("the idea marked \"suggested\": it has not been asked for yet"));
    assert!(steps
        .last()
        .unwrap()
        .contains("Agree a date with your employee"));
    assert_eq!(
        review_words(&plan),
        "No review date has been set yet. Please agree one with your employee."
    );
}

#[test]
fn the_employer_page_says_who_sent_it_and_when_it_is_reviewed() {
    let mut data = AppData::default();
    data.settings.name = "Sam".into();
    data.workplace.review = Some(d(4, 1));
    for id in [1, 2] {
        data.workplace
            .items
            .push(item(id, ItemStatus::AskedFor, false));
    }
    let plan = share_payload(&data, &ShareChoices::default(), d(3, 1));
    assert_eq!(sender(&plan), "Sam");
    assert_eq!(
        review_words(&plan),
        "The plan will be reviewed on 1 April 2026."
    );
    let steps = employer_next_steps(&plan);
    assert_eq!(
        steps[0],
        "Reply to Sam about the 2 adjustments asked for: agree them, or say what could be done instead."
    );
    assert!(steps
        .last()
        .unwrap()
        .starts_with("Meet Sam on or before the review date"));
    // Without the plan's date, the earliest review of an adjustment.
    let mut no_period = plan.clone();
    no_period.review = None;
    no_period.adjustments[1].review = Some(d(3, 20));
    assert_eq!(
        review_words(&no_period),
        "The first review is on 20 March 2026."
    );
}

#[test]
fn a_link_made_before_suggested_items_and_half_hours_still_opens() {
    // The JSON of a plan shared by the version before (no "suggested", whole hours only).
    let old = br#"{"shared":"2026-03-01","name":"Sam","advice":["phased_return","altered_hours"],"review":"2026-04-01","adjustments":[{"kind":"altered_hours","text":"Start later in the morning","status":"agreed","owner":"employer","since":"2026-03-01"}],"phased_return":[{"starts":"2026-03-02","hours":12,"days":3},{"starts":"2026-03-09","hours":20}]}"#;
    let plan = decode_plan(old).unwrap();
    assert_eq!(plan.name, "Sam");
    assert_eq!(plan.adjustments[0].status, ItemStatus::Agreed);
    assert_eq!(plan.phased_return.len(), 2);
    assert_eq!(plan.phased_return[1].days, 0);
    assert_eq!(plan.phased_return[0].week_hours().to_string(), "12");
    // A plan with a half hour goes through a link and back.
    let mut data = AppData::default();
    let mut weeks = crate::domain::workplace::plan_weeks(
        d(3, 2),
        2,
        crate::domain::workplace::HalfHours(25),
        crate::domain::workplace::HalfHours(75),
        3,
    )
    .unwrap();
    weeks[1].days = 5;
    data.workplace.phased_return = weeks;
    let plan = share_payload(&data, &ShareChoices::default(), d(3, 1));
    let back = decode_plan(plan_json(&plan).as_bytes()).unwrap();
    let shown: Vec<(String, u8)> = back
        .phased_return
        .iter()
        .map(|w| (w.week_hours().to_string(), w.days))
        .collect();
    assert_eq!(shown, [("12.5".to_string(), 3), ("37.5".to_string(), 5)]);
}

fn item(id: u32, status: ItemStatus, private: bool) -> WorkplaceItem {
    WorkplaceItem {
        id: WorkplaceItemId(id),
        kind: AdviceKind::AlteredHours,
        text: format!("ITEM{id}:"),
        status,
        reason: "REASONSECRET".into(),
        owner: Owner::Employer,
        review: None,
        since: None,
        note: format!("INOTE{id}:"),
        private,
        source: Source::Me,
    }
}

fn goal(id: u32, text: &str) -> Goal {
    Goal {
        id: GoalId(id),
        activity: format!("GOALSECRET {text}"),
        support: "GOALSECRET support".into(),
        amount: String::new(),
        by_when: None,
        levels: Default::default(),
        baseline: -1,
        importance: Some(2),
        difficulty: None,
        status: GoalStatus::Active,
        created: d(1, 5),
        tasks: Vec::new(),
        progress: vec![ProgressRecord {
            date: d(2, 1),
            level: 1,
            note: "GOALSECRET progress".into(),
        }],
        ratings: Vec::new(),
        source: Source::Me,
    }
}

const STATUSES: [ItemStatus; 6] = crate::domain::workplace::STATUSES;

prop_compose! {
    fn arb_data()(
        words in proptest::collection::vec("[a-z ]{0,12}", 8),
        items in proptest::collection::vec((0usize..6, any::<bool>()), 0..12),
        rows in proptest::collection::vec(any::<bool>(), 0..6),
        diary in 0usize..5,
        goals in 0usize..3,
        weeks in 0usize..5,
        wellness in any::<bool>(),
        name in "[a-z]{0,8}",
    ) -> AppData {
        let mut data = AppData::default();
        data.settings.name = if name.is_empty() { String::new() } else { format!("NAME{name}") };
        for i in 0..diary {
            data.diary.push(DiaryEntry {
                id: EntryId(900 + i as u32),
                date: d(2, 1 + i as u32),
                time: None,
                part: None,
                minutes: 30,
                area: LifeArea::Leisure,
                what: format!("DIARYSECRET {}", words[i % 8]),
                note: format!("DIARYSECRET note {}", words[(i + 1) % 8]),
                ratings: EntryRatings { mood: Some(7), pain: Some(9), ..Default::default() },
            });
        }
        for (g, word) in words.iter().take(goals).enumerate() {
            data.goals.push(goal(800 + g as u32, word));
        }
        data.ratings.confidence.push(ConfidenceCheckIn { date: d(2, 3), score: 3, note: "CONFSECRET".into() });
        data.outcomes.push(OutcomeEvent { id: OutcomeId(700), date: d(2, 4), kind: OutcomeKind::GpAppointment, reason: "OUTSECRET back pain".into() });
        for (i, (status, private)) in items.into_iter().enumerate() {
            data.workplace.items.push(item(i as u32, STATUSES[status], private));
        }
        for (i, private) in rows.into_iter().enumerate() {
            data.workplace.difficulties.push(Difficulty { id: Default::default(),
                difficulty: format!("DIFF{i}: {}", words[i % 8]),
                recommendation: format!("REC{i}:"),
                private,
            });
        }
        for w in 0..weeks {
            data.workplace.phased_return.push(PhasedReturnWeek { id: Default::default(), starts: d(3, 2 + 7 * w as u32), hours: 10, half_hour: false, days: 3, done: w % 2 == 0 });
        }
        if wellness {
            data.workplace.wellness = WellnessActionPlan {
                keeps_me_well: "WELLKEEP".into(),
                warning_signs: "WELLSIGNS".into(),
                ..Default::default()
            };
        }
        data.home_safety.hazards.push(HazardCheck {
            id: HazardId(600),
            room: Room::Kitchen,
            hazard: "HAZSECRET".into(),
            fix: "HAZSECRET fix".into(),
            key: String::new(),
            applies: true,
            actions: vec![ActionLogEntry { id: Default::default(), date: d(2, 9), what: "HAZSECRET done".into() }],
            source: Source::Me,
        });
        data
    }
}

fn arb_choices() -> impl Strategy<Value = ShareChoices> {
    proptest::array::uniform9(any::<bool>()).prop_map(|b| ShareChoices {
        name: b[0],
        period: b[1],
        agreed: b[2],
        asked_for: b[3],
        suggested: b[8],
        notes: b[4],
        phased_return: b[5],
        difficulties: b[6],
        wellness: b[7],
    })
}

/// Every object key in a JSON value, anywhere in it.
fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                keys(v, out);
            }
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

const ALLOWED_KEYS: [&str; 23] = [
    "shared",
    "name",
    "advice",
    "from",
    "to",
    "review",
    "adjustments",
    "kind",
    "text",
    "status",
    "owner",
    "since",
    "note",
    "difficulties",
    "difficulty",
    "recommendation",
    "phased_return",
    "starts",
    "hours",
    "half_hour",
    "days",
    "wellness",
    "keeps_me_well",
];
const WELLNESS_KEYS: [&str; 3] = ["warning_signs", "effect_on_work", "support_from_manager"];

proptest! {

    #[test]
    fn nothing_private_or_unrelated_is_ever_shared(data in arb_data(), choices in arb_choices()) {
        let plan = share_payload(&data, &choices, d(3, 1));
        let json = plan_json(&plan);
        // Never: the diary, ratings notes, goals, outcomes, home safety, reasons.
        for secret in ["DIARYSECRET", "GOALSECRET", "CONFSECRET", "OUTSECRET", "HAZSECRET", "REASONSECRET"] {
            prop_assert!(!json.contains(secret), "{secret} leaked: {json}");
        }
        // Only the fields of the whitelist, whatever the data.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut found = Vec::new();
        keys(&value, &mut found);
        for k in &found {
            prop_assert!(ALLOWED_KEYS.contains(&k.as_str()) || WELLNESS_KEYS.contains(&k.as_str()), "unexpected field {k}");
        }
        // Ratings and levels have nowhere to go: no number but hours and days.
        prop_assert!(!json.contains("mood") && !json.contains("score") && !json.contains("level"));
        for i in &data.workplace.items {
            let shown = !i.private
                && ((choices.agreed && i.status.is_agreed())
                    || (choices.asked_for && i.status == ItemStatus::AskedFor)
                    || (choices.suggested && i.status == ItemStatus::Suggested));
            let marker = format!("\"ITEM{}:\"", i.id.0);
            prop_assert_eq!(json.contains(&marker), shown, "item {:?} in {}", i, json);
            let note = format!("\"INOTE{}:\"", i.id.0);
            prop_assert_eq!(json.contains(&note), shown && choices.notes);
        }
        for (n, row) in data.workplace.difficulties.iter().enumerate() {
            let marker = format!("DIFF{n}:");
            prop_assert_eq!(json.contains(&marker), choices.difficulties && !row.private);
        }
        prop_assert_eq!(json.contains("WELL"), choices.wellness && data.workplace.wellness != WellnessActionPlan::default());
        prop_assert_eq!(json.contains("NAME"), choices.name && !data.settings.name.is_empty());
        prop_assert_eq!(plan.phased_return.len(), if choices.phased_return { data.workplace.phased_return.len() } else { 0 });
        // Whatever is shared reads back the same.
        prop_assert_eq!(decode_plan(json.as_bytes()), Ok(plan));
    }

    #[test]
    fn the_fragment_reader_never_panics(text in ".{0,200}") {
        let _ = read_fragment(&text);
        let _ = fragment_in(&text);
        let _ = base64url_decode(&text);
    }

    #[test]
    fn the_reader_never_panics_on_well_formed_headers(bytes in proptest::collection::vec(any::<u8>(), 0..120), mode in "[pe]", version in 0u32..3) {
        let text = format!("{version}.w.{mode}.{}", base64url_encode(&bytes));
        if let Ok(f) = read_fragment(&text) {
            prop_assert_eq!(version, 1);
            if f.protected {
                prop_assert!(split_sealed(&f.body).is_ok());
            }
        }
        let _ = decode_plan(&bytes);
    }

    #[test]
    fn decode_plan_never_panics_on_json_like_input(text in "\\{\"shared\":\"2026-0[1-9]-1[0-9]\"(,\"[a-z_]{1,12}\":(\\[\\]|\"[a-z]{0,4}\"|[0-9]{1,4}|\\{\\}|null))*\\}") {
        let _ = decode_plan(text.as_bytes());
    }

    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = base64url_encode(&bytes);
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(base64url_decode(&text), Some(bytes.clone()));
        let frag = encode_fragment(ShareKind::WorkplacePlan, false, &bytes);
        prop_assert_eq!(read_fragment(&frag).map(|f| f.body), Ok(bytes));
    }
}
