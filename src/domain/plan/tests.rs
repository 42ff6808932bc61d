//! Tests of the plan format and the merge rules: first import, re-import, update, the person's
//! edits and own items kept; property tests for the decoder and for merging.

use super::signing::*;
use super::*;
use crate::domain::goals::{GoalCommand, GoalDraft, ProgressRecord, TaskCompletion};
use crate::domain::state::Command;
use proptest::prelude::*;

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).unwrap()
}

fn sample_plan() -> Plan {
    let mut plan = Plan::new("p-abc".into(), d(1));
    plan.ot = "Sam Jones, Riverside Surgery".into();
    plan.message = "See you in four weeks.".into();
    plan.ot_start = Some(d(1));
    plan.next_review = Some(d(29));
    plan.goals.push(PlanGoal {
        key: "g1".into(),
        activity: "walk to the shop".into(),
        support: "with my stick".into(),
        amount: "three times a week".into(),
        by_when: Some(d(29)),
        levels: AttainmentLevels {
            much_less: "not at all".into(),
            somewhat_less: "once a week".into(),
            expected: "three times a week".into(),
            somewhat_more: "four times".into(),
            much_more: "every day".into(),
        },
        baseline: -1,
        difficulty: Some(2),
        tasks: vec![PlanTask {
            key: "t1".into(),
            title: "Walk to the corner".into(),
            frequency: TaskFrequency::Daily,
        }],
    });
    plan.ratings.mood = true;
    plan.pacing = Some(PlanPacing {
        on: true,
        minutes: Some(120),
    });
    plan.workplace.push(PlanAdjustment {
        key: "w1".into(),
        kind: AdviceKind::AlteredHours,
        text: "Start at 10am".into(),
    });
    plan.home.push(PlanHazard {
        key: "h1".into(),
        room: Room::Bathroom,
        hazard: "No grab rail by the bath".into(),
        fix: "Ask about a grab rail".into(),
    });
    plan.measures.push(PlanMeasureItem {
        measure: PlanMeasure::Confidence,
        when: MeasureWhen::Weekly,
    });
    plan
}

/// The practice key the tests sign with (the signature itself is the browser's to check).
fn ot_key() -> PlanKey {
    PlanKey::from_bytes(&[4; PUBLIC_KEY_BYTES]).unwrap()
}

fn other_key() -> PlanKey {
    let mut bytes = [4; PUBLIC_KEY_BYTES];
    bytes[1] = 9;
    PlanKey::from_bytes(&bytes).unwrap()
}

fn signed(plan: Plan) -> VerifiedPlan {
    VerifiedPlan::assume_signed(plan, ot_key())
}

fn import_cmd(data: &mut AppData, plan: Plan) -> Result<(), DomainError> {
    import_with(data, plan, ot_key())
}

fn import_with(data: &mut AppData, plan: Plan, key: PlanKey) -> Result<(), DomainError> {
    data.apply(Command::ImportPlan {
        plan: Box::new(VerifiedPlan::assume_signed(plan, key)),
        today: d(2),
    })
}

fn own_goal(data: &mut AppData) -> GoalId {
    data.apply(Command::Goal(GoalCommand::Add {
        draft: GoalDraft {
            activity: "read a chapter".into(),
            ..GoalDraft::default()
        },
        created: d(1),
    }))
    .unwrap();
    data.goals.last().unwrap().id
}

#[test]
fn first_import_adds_everything_marked_as_from_the_ot() {
    let mut data = AppData::default();
    let mine = own_goal(&mut data);
    import_cmd(&mut data, sample_plan()).unwrap();
    assert_eq!(data.goals.len(), 2);
    assert!(data.goals.iter().any(|g| g.id == mine && g.source.is_me()));
    let g = data.goals.iter().find(|g| !g.source.is_me()).unwrap();
    assert_eq!(g.activity, "walk to the shop");
    assert_eq!(g.levels.much_more, "every day");
    assert_eq!(g.difficulty, Some(2));
    assert_eq!(g.created, d(2));
    assert_eq!(g.tasks.len(), 1);
    assert_eq!(g.tasks[0].frequency, TaskFrequency::Daily);
    assert!(!g.tasks[0].source.is_me());
    assert!(data.settings.diary_ratings.mood);
    assert!(!data.settings.diary_ratings.pain);
    assert!(data.settings.pacing.on);
    assert_eq!(data.settings.pacing.budget, Some(120));
    assert_eq!(data.workplace.items.len(), 1);
    assert_eq!(data.workplace.items[0].status, ItemStatus::Suggested);
    assert!(data.workplace.advice.contains(&AdviceKind::AlteredHours));
    assert_eq!(data.home_safety.hazards.len(), 1);
    assert!(data.home_safety.hazards[0].applies);
    assert_eq!(data.settings.ot_start, Some(d(1)));
    assert_eq!(data.settings.next_review, Some(d(29)));
    assert_eq!(data.plans.len(), 1);
    data.validate().unwrap();
}

#[test]
fn reimport_of_the_same_revision_changes_nothing() {
    let mut data = AppData::default();
    import_cmd(&mut data, sample_plan()).unwrap();
    let before = data.clone();
    assert_eq!(plan_status(&data, &sample_plan()), PlanStatus::AlreadyHave);
    assert_eq!(
        import(&mut data, signed(sample_plan()), d(5)).unwrap(),
        ImportOutcome::Unchanged
    );
    assert_eq!(data, before);
}

#[test]
fn older_revision_is_refused_and_changes_nothing() {
    let mut data = AppData::default();
    let mut newer = sample_plan();
    newer.revision = 3;
    import_cmd(&mut data, newer).unwrap();
    let before = data.clone();
    let err = import_cmd(&mut data, sample_plan()).unwrap_err();
    assert!(err.to_string().contains("newer version"));
    assert_eq!(data, before);
}

#[test]
fn update_changes_the_ot_items_and_keeps_history_and_own_items() {
    let mut data = AppData::default();
    import_cmd(&mut data, sample_plan()).unwrap();
    let mine = own_goal(&mut data);
    let gid = data.goals[0].id;
    let tid = data.goals[0].tasks[0].id;
    data.apply(Command::Goal(GoalCommand::TickTask {
        goal: gid,
        task: tid,
        date: d(3),
        note: String::new(),
    }))
    .unwrap();
    data.apply(Command::Goal(GoalCommand::RecordProgress {
        goal: gid,
        date: d(4),
        level: 0,
        note: "good week".into(),
    }))
    .unwrap();

    let mut update = sample_plan();
    update.revision = 2;
    update.goals[0].amount = "four times a week".into();
    update.goals[0].tasks[0].title = "Walk to the post box".into();
    update.goals[0].tasks.push(PlanTask {
        key: "t2".into(),
        title: "Rest after".into(),
        frequency: TaskFrequency::Once,
    });
    update.workplace[0].text = "Start at 10.30am".into();
    update.next_review = Some(d(30));
    assert_eq!(plan_status(&data, &update), PlanStatus::Update(1));
    import_cmd(&mut data, update).unwrap();

    let g = &data.goals[0];
    assert_eq!(g.amount, "four times a week");
    assert_eq!(g.tasks[0].title, "Walk to the post box");
    assert_eq!(g.tasks[0].id, tid);
    assert_eq!(
        g.tasks[0].done,
        vec![TaskCompletion {
            date: d(3),
            note: String::new()
        }]
    );
    assert_eq!(g.tasks.len(), 2);
    assert_eq!(
        g.progress,
        vec![ProgressRecord {
            date: d(4),
            level: 0,
            note: "good week".into()
        }]
    );
    assert!(data.goals.iter().any(|g| g.id == mine && g.source.is_me()));
    assert_eq!(data.goals.len(), 2);
    assert_eq!(data.workplace.items[0].text, "Start at 10.30am");
    assert_eq!(data.settings.next_review, Some(d(30)));
    assert_eq!(data.plans.len(), 1);
    assert_eq!(data.plans[0].plan.revision, 2);
}

#[test]
fn update_keeps_the_persons_edits() {
    let mut data = AppData::default();
    import_cmd(&mut data, sample_plan()).unwrap();
    let gid = data.goals[0].id;
    let tid = data.goals[0].tasks[0].id;
    // The person rewrites the amount, drops the step, turns mood off, removes the adjustment.
    let mut draft = GoalDraft::from_goal(&data.goals[0]);
    draft.amount = "twice a week to start".into();
    data.apply(Command::Goal(GoalCommand::Change { goal: gid, draft }))
        .unwrap();
    data.apply(Command::Goal(GoalCommand::DropTask {
        goal: gid,
        task: tid,
    }))
    .unwrap();
    data.settings.diary_ratings.mood = false;
    let wid = data.workplace.items[0].id;
    data.apply(Command::Checklist(
        crate::domain::checklists::ChecklistCommand::RemoveItem(wid),
    ))
    .unwrap();

    let mut update = sample_plan();
    update.revision = 2;
    update.goals[0].amount = "four times a week".into();
    update.goals[0].activity = "walk to the big shop".into();
    update.workplace[0].text = "Start at 10.30am".into();
    import_cmd(&mut data, update).unwrap();

    let g = &data.goals[0];
    assert_eq!(g.amount, "twice a week to start", "the person's words kept");
    assert_eq!(
        g.activity, "walk to the big shop",
        "an unchanged part updated"
    );
    assert!(g.tasks[0].dropped, "a dropped step stays dropped");
    assert!(
        !data.settings.diary_ratings.mood,
        "the person's choice kept"
    );
    assert!(
        data.workplace.items.is_empty(),
        "a removed item is not brought back"
    );
}

#[test]
fn bad_plans_are_refused_and_change_nothing() {
    let mut data = AppData::default();
    let before = data.clone();
    let mut bad = sample_plan();
    bad.goals[0].baseline = 1;
    assert!(import_cmd(&mut data, bad).is_err());
    let mut bad = sample_plan();
    bad.goals[0].tasks[0].key = "g1".into();
    assert!(import_cmd(&mut data, bad).is_err());
    let mut bad = sample_plan();
    bad.message = "x".repeat(MAX_MESSAGE_CHARS + 1);
    assert!(import_cmd(&mut data, bad).is_err());
    assert_eq!(data, before);
}

#[test]
fn decoder_round_trip_and_newer_version() {
    let plan = sample_plan();
    let json = plan_json(&plan);
    assert_eq!(decode_plan(json.as_bytes()).unwrap(), plan);
    let newer = json.replacen("\"v\":1", "\"v\":2", 1);
    assert_eq!(decode_plan(newer.as_bytes()), Err(ShareError::Newer));
    assert_eq!(decode_plan(b"{}"), Err(ShareError::Damaged));
    let huge = vec![b' '; crate::domain::share::MAX_PAYLOAD_BYTES + 1];
    assert_eq!(decode_plan(&huge), Err(ShareError::TooLong));
    let mut bad = sample_plan();
    bad.goals[0].difficulty = Some(9);
    assert_eq!(
        decode_plan(plan_json(&bad).as_bytes()),
        Err(ShareError::Damaged)
    );
}

#[test]
fn plan_lines_say_what_is_inside() {
    let lines = plan_lines(&sample_plan());
    assert!(lines.contains(&"1 goal with 1 step".to_string()));
    assert!(lines
        .iter()
        .any(|l| l == "Diary ratings to switch on: mood"));
    assert!(lines
        .iter()
        .any(|l| l == "The quick confidence check-in: once a week"));
    assert!(lines.iter().any(|l| l.contains("120 minutes")));
}

#[test]
fn plan_through_the_share_envelope() {
    use crate::domain::share::{encode_fragment, read_fragment, ShareKind};
    let frag = encode_fragment(
        ShareKind::OtPlan,
        false,
        plan_json(&sample_plan()).as_bytes(),
    );
    assert!(frag.starts_with("1.t.p."));
    let read = read_fragment(&frag).unwrap();
    assert_eq!(read.kind, ShareKind::OtPlan);
    assert_eq!(decode_plan(&read.body).unwrap(), sample_plan());
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z ]{1,12}"]
}

fn arb_plan(revision: u32) -> impl Strategy<Value = Plan> {
    (
        proptest::collection::vec(
            (
                arb_text(),
                arb_text(),
                -2i8..=-1,
                proptest::collection::vec((0u8..4, arb_text()), 0..3),
            ),
            0..4,
        ),
        proptest::collection::vec((0u8..4, arb_text()), 0..3),
        any::<bool>(),
    )
        .prop_map(move |(goals, items, mood)| {
            let mut plan = Plan::new("p-prop".into(), d(1));
            plan.revision = revision;
            for (gi, (activity, amount, baseline, tasks)) in goals.into_iter().enumerate() {
                plan.goals.push(PlanGoal {
                    key: format!("g{gi}"),
                    activity: format!("goal {activity}"),
                    support: String::new(),
                    amount,
                    by_when: None,
                    levels: AttainmentLevels::default(),
                    baseline,
                    difficulty: None,
                    tasks: tasks
                        .into_iter()
                        .map(|(k, t)| PlanTask {
                            key: format!("g{gi}t{k}"),
                            title: format!("step {t}"),
                            frequency: TaskFrequency::Daily,
                        })
                        .fold(Vec::new(), |mut v: Vec<PlanTask>, t| {
                            if !v.iter().any(|o| o.key == t.key) {
                                v.push(t);
                            }
                            v
                        }),
                });
            }
            for (k, t) in items {
                if !plan.workplace.iter().any(|w| w.key == format!("w{k}")) {
                    plan.workplace.push(PlanAdjustment {
                        key: format!("w{k}"),
                        kind: AdviceKind::AmendedDuties,
                        text: format!("item {t}"),
                    });
                }
            }
            plan.ratings.mood = mood;
            plan
        })
}

proptest! {
    #[test]
    fn decoder_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_plan(&bytes);
    }

    #[test]
    fn decoder_never_panics_on_near_json(text in r#"\{"v":[0-9],"id":"[a-z]{0,3}","revision":[0-9],"made":"2026-0[0-9]-1[0-9]"(,"goals":\[\{"key":"[a-z]?","activity":"[a-z]*","baseline":-?[0-9]\}\])?\}"#) {
        if let Ok(plan) = decode_plan(text.as_bytes()) {
            prop_assert!(check_plan(&plan).is_ok());
        }
    }

    #[test]
    fn merge_never_loses_own_items_or_history(first in arb_plan(1), second in arb_plan(2)) {
        let mut data = AppData::default();
        let mine = own_goal(&mut data);
        import_cmd(&mut data, first).unwrap();
        // Some history on every goal and step.
        let ids: Vec<(GoalId, Vec<TaskId>)> = data
            .goals
            .iter()
            .map(|g| (g.id, g.tasks.iter().map(|t| t.id).collect()))
            .collect();
        for (g, tasks) in &ids {
            data.apply(Command::Goal(GoalCommand::RecordProgress { goal: *g, date: d(3), level: 1, note: String::new() })).unwrap();
            for t in tasks {
                data.apply(Command::Goal(GoalCommand::TickTask { goal: *g, task: *t, date: d(3), note: String::new() })).unwrap();
            }
        }
        let before = data.clone();
        import_cmd(&mut data, second).unwrap();
        for g in &before.goals {
            let now = data.goals.iter().find(|n| n.id == g.id);
            prop_assert!(now.is_some());
            let now = now.unwrap();
            prop_assert_eq!(&now.progress, &g.progress);
            prop_assert_eq!(&now.status, &g.status);
            for t in &g.tasks {
                let nt = now.tasks.iter().find(|n| n.id == t.id);
                prop_assert!(nt.is_some());
                prop_assert_eq!(&nt.unwrap().done, &t.done);
            }
        }
        let own = data.goals.iter().find(|g| g.id == mine).unwrap();
        prop_assert_eq!(own, before.goals.iter().find(|g| g.id == mine).unwrap());
        prop_assert_eq!(&data.diary, &before.diary);
        prop_assert_eq!(&data.ratings, &before.ratings);
        prop_assert!(data.validate().is_ok());
    }
}

#[test]
fn a_plan_with_a_date_outside_the_window_is_refused_plainly() {
    // Issue 13, fault 2: every date of a plan from a link or file is in 1900 to 2200.
    let far = NaiveDate::from_ymd_opt(262_142, 12, 30).unwrap();
    let changes: [fn(&mut Plan, NaiveDate); 4] = [
        |p, d| p.made = d,
        |p, d| p.ot_start = Some(d),
        |p, d| p.next_review = Some(d),
        |p, d| p.goals[0].by_when = Some(d),
    ];
    for change in changes {
        let mut plan = sample_plan();
        change(&mut plan, far);
        let err = decode_plan(plan_json(&plan).as_bytes()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("This link has a date that cannot be right: 262142-12-30."),
            "{err}"
        );
    }
    assert!(decode_plan(plan_json(&sample_plan()).as_bytes()).is_ok());
}

// ---------------------------------------------------------------------------------------------
// Signed plans (fault 5) and the app's own list limits (fault 6).

/// The JSON of a link as the OT's page makes it, with a made-up signature.
fn link_json(plan: &Plan, key: &PlanKey) -> String {
    signed_plan_json(&plan_json(plan), key, &[7; SIGNATURE_BYTES])
}

fn opened(plan: &Plan) -> SignedPlan {
    open_signed_plan(link_json(plan, &ot_key()).as_bytes()).unwrap()
}

#[test]
fn a_bare_plan_link_is_refused_as_unsigned() {
    // The forged first plan of the issue: pacing off, a far review date, a long message.
    let mut forged = sample_plan();
    forged.pacing = Some(PlanPacing {
        on: false,
        minutes: None,
    });
    forged.next_review = Some(NaiveDate::from_ymd_opt(2099, 1, 1).unwrap());
    forged.message = "Stop all your exercises. ".repeat(30);
    assert_eq!(
        open_signed_plan(plan_json(&forged).as_bytes()),
        Err(PlanRefusal::Unsigned)
    );
    assert!(PlanRefusal::Unsigned
        .to_string()
        .contains("Nothing was changed."));
}

#[test]
fn the_signed_envelope_keeps_the_exact_bytes_that_were_signed() {
    // Spaces and key order inside the plan are kept byte for byte.
    let payload = r#"{ "v":1,"revision":1, "id":"p-abc","made":"2026-03-01"}"#;
    let json = signed_plan_json(payload, &ot_key(), &[1; SIGNATURE_BYTES]);
    let read = open_signed_plan(json.as_bytes()).unwrap();
    assert_eq!(read.payload, payload.as_bytes());
    assert_eq!(read.key, ot_key());
    assert_eq!(read.signature, vec![1; SIGNATURE_BYTES]);
    assert_eq!(
        read.message(),
        [SIGNING_CONTEXT, payload.as_bytes()].concat()
    );
}

#[test]
fn a_damaged_or_newer_envelope_is_refused() {
    let good = link_json(&sample_plan(), &ot_key());
    let newer = good.replacen("\"v\":2", "\"v\":3", 1);
    assert_eq!(
        open_signed_plan(newer.as_bytes()),
        Err(PlanRefusal::Link(ShareError::Newer))
    );
    let short_sig = signed_plan_json(&plan_json(&sample_plan()), &ot_key(), &[7; 10]);
    assert_eq!(
        open_signed_plan(short_sig.as_bytes()),
        Err(PlanRefusal::Link(ShareError::Damaged))
    );
    let bad_key = good.replacen(ot_key().as_str(), "AAAA", 1);
    assert_eq!(
        open_signed_plan(bad_key.as_bytes()),
        Err(PlanRefusal::Link(ShareError::Damaged))
    );
    assert!(PlanKey::from_bytes(&[3; PUBLIC_KEY_BYTES]).is_none());
    assert!(open_signed_plan(b"{\"v\":2}").is_err());
    assert!(open_signed_plan(b"").is_err());
}

#[test]
fn an_invalid_signature_is_refused_before_the_plan_is_read() {
    let data = AppData::default();
    assert_eq!(
        check_signed(&data, opened(&sample_plan()), false),
        Err(PlanRefusal::BadSignature)
    );
}

#[test]
fn a_first_plan_is_not_checked_until_added_and_adding_pins_its_key() {
    let mut data = AppData::default();
    let checked = check_signed(&data, opened(&sample_plan()), true).unwrap();
    assert_eq!(checked.trust, Trust::NotChecked);
    assert_eq!(checked.status, PlanStatus::New);
    assert_eq!(data.plan_key, None);
    data.apply(Command::ImportPlan {
        plan: Box::new(checked.plan),
        today: d(2),
    })
    .unwrap();
    assert_eq!(data.plan_key, Some(ot_key()));
    let mut update = sample_plan();
    update.revision = 2;
    let checked = check_signed(&data, opened(&update), true).unwrap();
    assert_eq!(checked.trust, Trust::Known);
    assert_eq!(checked.status, PlanStatus::Update(1));
}

#[test]
fn a_plan_signed_with_another_key_is_refused_and_changes_nothing() {
    let mut data = AppData::default();
    import_cmd(&mut data, sample_plan()).unwrap();
    let before = data.clone();
    let mut other = sample_plan();
    other.id = "p-other".into();
    other.pacing = Some(PlanPacing {
        on: false,
        minutes: None,
    });
    let read = open_signed_plan(link_json(&other, &other_key()).as_bytes()).unwrap();
    assert_eq!(check_signed(&data, read, true), Err(PlanRefusal::OtherKey));
    // The domain refuses it too, whatever the page did.
    let err = import_with(&mut data, other, other_key()).unwrap_err();
    assert!(err.to_string().contains("different practice"));
    assert_eq!(data, before);
}

#[test]
fn a_huge_revision_is_refused_and_does_not_block_genuine_updates() {
    let mut data = AppData::default();
    import_cmd(&mut data, sample_plan()).unwrap();
    let before = data.clone();
    let mut huge = sample_plan();
    huge.revision = u32::MAX;
    assert_eq!(
        check_signed(&data, opened(&huge), true),
        Err(PlanRefusal::TooFarAhead {
            have: 1,
            got: u32::MAX
        })
    );
    assert!(import_cmd(&mut data, huge).is_err());
    assert_eq!(data, before);
    let mut genuine = sample_plan();
    genuine.revision = 2;
    import_cmd(&mut data, genuine).unwrap();
    assert_eq!(data.plans[0].plan.revision, 2);
    // At most MAX_REVISION_STEP ahead, also for a plan not seen before.
    let mut far = sample_plan();
    far.revision = 2 + MAX_REVISION_STEP;
    assert_eq!(plan_status(&data, &far), PlanStatus::Update(2));
    far.revision += 1;
    assert_eq!(plan_status(&data, &far), PlanStatus::TooFarAhead(2));
    far.id = "p-new".into();
    far.revision = MAX_REVISION_STEP;
    assert_eq!(plan_status(&data, &far), PlanStatus::New);
    far.revision += 1;
    assert_eq!(plan_status(&data, &far), PlanStatus::TooFarAhead(0));
}

#[test]
fn a_huge_revision_stored_before_signing_does_not_block_the_first_signed_plan() {
    // Data from before plans were signed: a forged plan with the largest revision, no key.
    let mut data = AppData::default();
    let mut forged = sample_plan();
    forged.revision = u32::MAX;
    forged.pacing = Some(PlanPacing {
        on: false,
        minutes: None,
    });
    data.plans.push(ImportedPlan {
        imported: d(1),
        plan: forged,
    });
    let mut genuine = sample_plan();
    genuine.revision = 2;
    assert_eq!(plan_status(&data, &genuine), PlanStatus::Update(u32::MAX));
    import_cmd(&mut data, genuine).unwrap();
    assert_eq!(data.plans.len(), 1);
    assert_eq!(data.plans[0].plan.revision, 2);
    assert_eq!(data.plan_key, Some(ot_key()));
}

#[test]
fn the_pinned_key_is_additive_to_the_stored_format() {
    let data = AppData::default();
    let text = serde_json::to_string(&data).unwrap();
    assert!(!text.contains("plan_key"));
    let mut pinned = AppData::default();
    import_cmd(&mut pinned, sample_plan()).unwrap();
    let text = serde_json::to_string(&pinned).unwrap();
    let back: AppData = serde_json::from_str(&text).unwrap();
    assert_eq!(back.plan_key, Some(ot_key()));
    back.validate().unwrap();
    let damaged = text.replacen(ot_key().as_str(), "AAAA", 1);
    assert!(serde_json::from_str::<AppData>(&damaged).is_err());
}

#[test]
fn the_code_is_two_groups_of_five_digits_from_the_hash() {
    assert_eq!(key_code(&[0xff; 32]), "27775 27775");
    assert_eq!(key_code(&[0; 32]), "00000 00000");
    let mut digest = [0u8; 32];
    digest[4] = 1;
    digest[9] = 42;
    assert_eq!(key_code(&digest), "00001 00042");
}

fn jwk() -> Jwk {
    let c = |b: u8| crate::domain::share::base64url_encode(&[b; 32]);
    Jwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: c(1),
        y: c(2),
        d: c(3),
    }
}

#[test]
fn a_practice_key_file_round_trips_and_bad_files_are_refused() {
    let key = PracticeKey::from_jwk(jwk()).unwrap();
    let mut public = vec![4u8];
    public.extend([1u8; 32]);
    public.extend([2u8; 32]);
    assert_eq!(key.public().bytes(), public);
    let file = key.to_file();
    assert_eq!(PracticeKey::from_file(file.as_bytes()), Ok(key.clone()));
    assert!(key.jwk_json().contains("\"d\""));
    let newer = file.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(
        PracticeKey::from_file(newer.as_bytes()),
        Err(PracticeKeyError::Newer)
    );
    assert_eq!(
        PracticeKey::from_file(b"{\"format\":\"everyday-backup\",\"version\":1}"),
        Err(PracticeKeyError::NotAKey)
    );
    assert_eq!(
        PracticeKey::from_file(b"not json"),
        Err(PracticeKeyError::NotAKey)
    );
    let mut short = jwk();
    short.d = "AAAA".into();
    assert_eq!(PracticeKey::from_jwk(short), Err(PracticeKeyError::Damaged));
    let mut rsa = jwk();
    rsa.kty = "RSA".into();
    assert!(PracticeKey::from_jwk(rsa).is_err());
}

fn plan_with_items(id: &str, n: usize) -> Plan {
    let mut plan = Plan::new(id.into(), d(1));
    for i in 0..n {
        plan.workplace.push(PlanAdjustment {
            key: format!("w{i}"),
            kind: AdviceKind::AlteredHours,
            text: format!("Adjustment {i}"),
        });
        plan.home.push(PlanHazard {
            key: format!("h{i}"),
            room: Room::Kitchen,
            hazard: format!("Hazard {i}"),
            fix: String::new(),
        });
    }
    plan
}

#[test]
fn repeated_imports_cannot_grow_a_list_past_the_apps_limit() {
    let mut data = AppData::default();
    import_cmd(&mut data, plan_with_items("p-1", MAX_ITEMS)).unwrap();
    assert_eq!(data.workplace.items.len(), MAX_ITEMS);
    let before = data.clone();
    let err = import_cmd(&mut data, plan_with_items("p-2", 1)).unwrap_err();
    assert!(err.to_string().contains("more than 200"));
    assert_eq!(data, before);
    // Only hazards would overflow: still refused.
    let mut hazards_only = plan_with_items("p-3", 1);
    hazards_only.workplace.clear();
    assert!(import_cmd(&mut data, hazards_only).is_err());
    assert_eq!(data, before);
    // A plan that adds nothing new (the same items updated) is still accepted.
    let mut update = plan_with_items("p-1", MAX_ITEMS);
    update.revision = 2;
    update.workplace[0].text = "Changed".into();
    import_cmd(&mut data, update).unwrap();
    assert_eq!(data.workplace.items.len(), MAX_ITEMS);
    data.validate().unwrap();
}
