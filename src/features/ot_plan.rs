//! The OT's plan builder (`/ot/plan`), used on the practice computer: goals with the four parts
//! and five levels, steps with how often, diary ratings, pacing, checklist items, measures and
//! dates, then hand-over by link, QR code or file. Plans are kept in this browser's storage
//! under their own key prefix (never mixed with a patient's data, through `storage::ot_plans`)
//! to update or reuse later. Every plan is signed with the practice's key, whose code the OT
//! reads out to the person; the key can be exported and imported between the practice's PCs.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{paths, PageHeading};
use crate::components::date_field::DateField;
use crate::components::field::{FormMessage, TextField};
use crate::components::html::esc;
use crate::domain::checklists::{AdviceKind, Room};
use crate::domain::dates::{iso_date, long_date, parse_iso_date};
use crate::domain::goals::{goal_sentence, AttainmentLevels, TaskFrequency};
use crate::domain::home_safety::ROOMS;
use crate::domain::plan::signing::PracticeKey;
use crate::domain::plan::{
    check_plan, MeasureWhen, Plan, PlanAdjustment, PlanGoal, PlanHazard, PlanMeasure,
    PlanMeasureItem, PlanPacing, PlanTask,
};
use crate::domain::qr::qr_svg;
use crate::domain::share::{base64url_encode, ShareKind};
use crate::domain::workplace::ADVICE_KINDS;
use crate::features::plan::plan_html;
use crate::platform::focus::focus_later;
use crate::platform::share::{app_url, copy_text, make_fragment, random_bytes};
use crate::platform::{clock, files, sign};
use crate::storage::local::LocalKv;
use crate::storage::ot_plans;

fn saved_plans() -> Vec<Plan> {
    ot_plans::load_plans(&LocalKv)
}

fn save_plan(plan: &Plan) -> Result<(), String> {
    ot_plans::save_plan(&mut LocalKv, plan).map_err(|e| format!("The plan was not kept. {e}"))
}

/// The practice key kept on this computer, or a new one (kept before it is used, so every
/// plan this computer hands over can be updated from it later).
async fn practice_key() -> Result<PracticeKey, String> {
    match ot_plans::load_key(&LocalKv) {
        Ok(Some(key)) => Ok(key),
        Ok(None) => {
            let key = sign::new_practice_key().await.map_err(|e| e.to_string())?;
            ot_plans::save_key(&mut LocalKv, &key).map_err(|e| {
                format!("The practice's signing key could not be kept on this computer, so plans cannot be signed yet. {e}")
            })?;
            Ok(key)
        }
        Err(e) => Err(format!(
            "The practice's signing key kept on this computer cannot be read: {e} Please import the practice key file below."
        )),
    }
}

fn new_id() -> String {
    let bytes = random_bytes(9).unwrap_or_else(|_| clock::stamp_ms().to_le_bytes().to_vec());
    format!("p-{}", base64url_encode(&bytes))
}

/// A label for a new item, unique within the plan.
fn new_key(prefix: char) -> String {
    thread_local!(static N: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = N.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    format!("{prefix}{:x}{n}", clock::stamp_ms())
}

fn frequency_code(f: TaskFrequency) -> String {
    match f {
        TaskFrequency::Once => "once".into(),
        TaskFrequency::Daily => "daily".into(),
        TaskFrequency::Weekly { times } => format!("w{times}"),
    }
}

fn frequency_from(code: &str) -> TaskFrequency {
    match code {
        "daily" => TaskFrequency::Daily,
        c if c.starts_with('w') => TaskFrequency::Weekly {
            times: c[1..].parse().unwrap_or(1).clamp(1, 7),
        },
        _ => TaskFrequency::Once,
    }
}

/// The HTML file handed over: the link, and the plan in words.
fn file_html(plan: &Plan, link: &str) -> String {
    let link = esc(link);
    format!(
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Your plan</title></head><body><h1>Your plan from your occupational therapist</h1><p>Open this link on your phone to add the plan to Everyday: <a href=\"{link}\">{link}</a></p>{}</body></html>",
        plan_html(plan, 2)
    )
}

/// What a plan is called on this page: "Plan by Sam Jones: walk to the shop (version 2, 3 March
/// 2026)". Never the internal id.
fn plan_title(p: &Plan) -> String {
    format!(
        "{}{} (version {}, {})",
        if p.ot.trim().is_empty() {
            "Plan".to_string()
        } else {
            format!("Plan by {}", p.ot.trim())
        },
        p.goals
            .first()
            .map(|g| format!(": {}", g.activity))
            .unwrap_or_default(),
        p.revision,
        long_date(p.made)
    )
}

#[component]
fn Select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field-label" for=id>{label}</label>
            <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| {
                    let v2 = v.clone();
                    view! { <option value=v selected=move || value.get() == v2>{l}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn frequency_options() -> Vec<(String, String)> {
    let mut v = vec![
        ("once".to_string(), "Once".to_string()),
        ("daily".to_string(), "Every day".to_string()),
    ];
    for t in 1..=7u8 {
        let f = TaskFrequency::Weekly { times: t };
        v.push((frequency_code(f), f.label()));
    }
    v
}

#[component]
pub fn OtPlanPage() -> impl IntoView {
    let plan = RwSignal::new(Plan::new(new_id(), clock::today()));
    // The plan as last handed over, to tell whether a change needs a new revision.
    let handed = RwSignal::new(None::<Plan>);
    let saved = RwSignal::new(saved_plans());
    let message = RwSignal::new(None::<String>);
    let link = RwSignal::new(None::<String>);

    // The practice's signing key and its code.
    let practice = RwSignal::new(None::<PracticeKey>);
    let code = RwSignal::new(None::<String>);
    let key_message = RwSignal::new(None::<String>);
    // A key file chosen while this computer has another key: kept until the OT confirms.
    let replacing = RwSignal::new(None::<PracticeKey>);
    leptos::task::spawn_local(async move {
        match practice_key().await {
            Ok(key) => practice.set(Some(key)),
            Err(e) => key_message.set(Some(e)),
        }
    });
    Effect::new(move |_| {
        let key = practice.get();
        leptos::task::spawn_local(async move {
            let shown = match key {
                Some(k) => sign::code(&k.public()).await.ok(),
                None => None,
            };
            code.set(shown);
        });
    });
    let use_key = move |key: PracticeKey| {
        key_message.set(Some(match ot_plans::save_key(&mut LocalKv, &key) {
            Ok(()) => {
                practice.set(Some(key));
                "The practice key is imported: plans made on this computer now carry the practice's code shown above.".into()
            }
            Err(e) => format!("The practice key was not imported. {e}"),
        }));
        replacing.set(None);
    };
    let export_key = move |_| {
        let Some(key) = practice.get_untracked() else {
            return;
        };
        let name = "everyday-practice-key.json";
        key_message.set(Some(match files::download(name, &key.to_file(), "application/json") {
            Ok(()) => format!("The file {name} is in your downloads. Anyone with this file can sign plans as your practice: copy it only to the practice's own computers, import it there, then delete it."),
            Err(e) => e,
        }));
    };
    let import_key = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let bytes = match files::read_bytes(file, 64 * 1024).await {
                Ok(b) => b,
                Err(e) => return key_message.set(Some(e)),
            };
            let key = match PracticeKey::from_file(&bytes) {
                Ok(k) => k,
                Err(e) => return key_message.set(Some(e.to_string())),
            };
            if let Err(e) = sign::check_practice_key(&key).await {
                return key_message.set(Some(e.to_string()));
            }
            match practice.get_untracked() {
                Some(current) if current == key => {
                    key_message.set(Some("This computer already uses this practice key.".into()))
                }
                Some(_) => {
                    replacing.set(Some(key));
                    key_message.set(None);
                }
                None => use_key(key),
            }
        });
    };

    // Dates and message.
    let ot_start = RwSignal::new(String::new());
    let review = RwSignal::new(String::new());
    Effect::new(move |_| {
        let (s, r) = (
            parse_iso_date(&ot_start.get()),
            parse_iso_date(&review.get()),
        );
        plan.update(|p| {
            p.ot_start = s;
            p.next_review = r;
        });
    });
    // Pacing and measures.
    let pacing = RwSignal::new("same".to_string());
    let pacing_minutes = RwSignal::new(String::new());
    let measure_sel: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let load = move |p: Plan, keep_identity: bool| {
        let mut p = p;
        pacing.set(match &p.pacing {
            Some(x) if x.on => "on".into(),
            Some(_) => "off".into(),
            None => "same".into(),
        });
        pacing_minutes.set(
            p.pacing
                .as_ref()
                .and_then(|x| x.minutes)
                .map(|m| m.to_string())
                .unwrap_or_default(),
        );
        for (m, sel) in PlanMeasure::ALL.iter().zip(measure_sel) {
            sel.set(
                p.measures
                    .iter()
                    .find(|i| i.measure == *m)
                    .map(|i| i.when.code().to_string())
                    .unwrap_or_default(),
            );
        }
        ot_start.set(p.ot_start.map(iso_date).unwrap_or_default());
        review.set(p.next_review.map(iso_date).unwrap_or_default());
        if keep_identity {
            handed.set(Some(p.clone()));
        } else {
            p.id = new_id();
            p.revision = 1;
            handed.set(None);
        }
        p.made = clock::today();
        plan.set(p);
        link.set(None);
    };

    // A goal being added.
    let activity = RwSignal::new(String::new());
    let support = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let by_when = RwSignal::new(String::new());
    let lv: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let baseline = RwSignal::new("-1".to_string());
    let difficulty = RwSignal::new(String::new());
    let steps = RwSignal::new(Vec::<PlanTask>::new());
    let step_title = RwSignal::new(String::new());
    let step_freq = RwSignal::new("daily".to_string());
    let goal_message = RwSignal::new(None::<String>);
    // The goal being changed (its label), when the OT chose "Change this goal".
    let editing = RwSignal::new(None::<String>);
    let add_step = move |_| {
        let title = step_title.get_untracked().trim().to_string();
        if title.is_empty() {
            return goal_message.set(Some("Please write what the step is.".into()));
        }
        steps.update(|s| {
            s.push(PlanTask {
                key: new_key('t'),
                title,
                frequency: frequency_from(&step_freq.get_untracked()),
            })
        });
        step_title.set(String::new());
        goal_message.set(None);
    };
    let add_goal = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let goal = PlanGoal {
            key: editing.get_untracked().unwrap_or_else(|| new_key('g')),
            activity: activity.get_untracked().trim().to_string(),
            support: support.get_untracked().trim().to_string(),
            amount: amount.get_untracked().trim().to_string(),
            by_when: parse_iso_date(&by_when.get_untracked()),
            levels: AttainmentLevels {
                much_less: lv[0].get_untracked().trim().to_string(),
                somewhat_less: lv[1].get_untracked().trim().to_string(),
                expected: lv[2].get_untracked().trim().to_string(),
                somewhat_more: lv[3].get_untracked().trim().to_string(),
                much_more: lv[4].get_untracked().trim().to_string(),
            },
            baseline: if baseline.get_untracked() == "-2" {
                -2
            } else {
                -1
            },
            difficulty: difficulty.get_untracked().parse().ok(),
            tasks: steps.get_untracked(),
        };
        let mut next = plan.get_untracked();
        match next.goals.iter_mut().find(|g| g.key == goal.key) {
            Some(g) => *g = goal,
            None => next.goals.push(goal),
        }
        if let Err(e) = check_plan(&next) {
            return goal_message.set(Some(e.to_string()));
        }
        plan.set(next);
        for s in [activity, support, amount, by_when, step_title] {
            s.set(String::new());
        }
        for s in lv {
            s.set(String::new());
        }
        steps.set(Vec::new());
        goal_message.set(Some(if editing.get_untracked().is_some() {
            "Goal changed.".into()
        } else {
            "Goal added to the plan.".into()
        }));
        editing.set(None);
    };

    // Checklist items.
    let w_kind = RwSignal::new(AdviceKind::AlteredHours.code().to_string());
    let w_text = RwSignal::new(String::new());
    let h_room = RwSignal::new(Room::Bathroom.code().to_string());
    let h_hazard = RwSignal::new(String::new());
    let h_fix = RwSignal::new(String::new());
    let item_message = RwSignal::new(None::<String>);
    let add_adjustment = move |_| {
        let text = w_text.get_untracked().trim().to_string();
        if text.is_empty() {
            return item_message.set(Some("Please write what the adjustment is.".into()));
        }
        let kind =
            AdviceKind::from_code(&w_kind.get_untracked()).unwrap_or(AdviceKind::AlteredHours);
        plan.update(|p| {
            p.workplace.push(PlanAdjustment {
                key: new_key('w'),
                kind,
                text,
            })
        });
        w_text.set(String::new());
        item_message.set(Some("Adjustment added to the plan.".into()));
    };
    let add_hazard = move |_| {
        let hazard = h_hazard.get_untracked().trim().to_string();
        if hazard.is_empty() {
            return item_message.set(Some("Please write what the hazard is.".into()));
        }
        let room = Room::from_code(&h_room.get_untracked()).unwrap_or(Room::Bathroom);
        let fix = h_fix.get_untracked().trim().to_string();
        plan.update(|p| {
            p.home.push(PlanHazard {
                key: new_key('h'),
                room,
                hazard,
                fix,
            })
        });
        h_hazard.set(String::new());
        h_fix.set(String::new());
        item_message.set(Some("Home-safety item added to the plan.".into()));
    };

    let build = move || -> Result<Plan, String> {
        let mut p = plan.get_untracked();
        p.pacing = match pacing.get_untracked().as_str() {
            "on" => {
                let m = pacing_minutes.get_untracked();
                let minutes = if m.trim().is_empty() {
                    None
                } else {
                    Some(m.trim().parse::<u16>().map_err(|_| {
                        "The daily pacing budget must be a number of minutes, from 1 to 1440."
                            .to_string()
                    })?)
                };
                Some(PlanPacing { on: true, minutes })
            }
            "off" => Some(PlanPacing {
                on: false,
                minutes: None,
            }),
            _ => None,
        };
        p.measures = PlanMeasure::ALL
            .iter()
            .zip(measure_sel)
            .filter_map(|(m, s)| {
                let code = s.get_untracked();
                MeasureWhen::ALL
                    .iter()
                    .find(|w| w.code() == code)
                    .map(|w| PlanMeasureItem {
                        measure: *m,
                        when: *w,
                    })
            })
            .collect();
        p.ot = p.ot.trim().to_string();
        p.message = p.message.trim().to_string();
        if let Some(last) = handed.get_untracked() {
            let mut same = p.clone();
            same.revision = last.revision;
            same.made = last.made;
            if same == last {
                p = last;
            } else {
                p.revision = last.revision + 1;
            }
        }
        check_plan(&p).map_err(|e| e.to_string())?;
        Ok(p)
    };

    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = match build() {
            Ok(p) => p,
            Err(e) => return message.set(Some(e)),
        };
        let Some(key) = practice.get_untracked() else {
            return message.set(Some(
                "Plans cannot be signed on this computer yet: see \"Your practice's code\" above."
                    .into(),
            ));
        };
        message.set(Some("Making the link…".into()));
        leptos::task::spawn_local(async move {
            let made = match sign::sign_plan(&key, &p).await {
                Ok(json) => make_fragment(ShareKind::OtPlan, &json, None).await,
                Err(e) => Err(e),
            };
            match made {
                Ok(fragment) => {
                    link.set(Some(format!("{}#{fragment}", app_url(paths::PLAN))));
                    // The link and QR code appear just below the button: go to them.
                    focus_later("#plan-link-heading");
                    plan.set(p.clone());
                    handed.set(Some(p.clone()));
                    let kept = save_plan(&p);
                    saved.set(saved_plans());
                    message.set(Some(match kept {
                        Ok(()) => format!("The link for version {} of this plan is ready below. The plan is kept on this computer so you can update it later.", p.revision),
                        Err(e) => e,
                    }));
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        });
    };
    let save = move |_| {
        message.set(Some(match build().and_then(|p| save_plan(&p)) {
            Ok(()) => "The plan is saved on this computer.".into(),
            Err(e) => e,
        }));
        saved.set(saved_plans());
    };

    let goals_list = move || {
        plan.with(|p| {
            p.goals
                .iter()
                .map(|g| {
                    let key = g.key.clone();
                    let goal = g.clone();
                    let change = move |_| {
                        activity.set(goal.activity.clone());
                        support.set(goal.support.clone());
                        amount.set(goal.amount.clone());
                        by_when.set(goal.by_when.map(iso_date).unwrap_or_default());
                        for (i, s) in lv.iter().enumerate() {
                            s.set(goal.levels.describe(i as i8 - 2).to_string());
                        }
                        baseline.set(goal.baseline.to_string());
                        difficulty.set(goal.difficulty.map(|d| d.to_string()).unwrap_or_default());
                        steps.set(goal.tasks.clone());
                        editing.set(Some(goal.key.clone()));
                        goal_message.set(Some("The goal is in the form below: change it, then save it.".into()));
                    };
                    let sentence = goal_sentence(&g.activity, &g.support, &g.amount, g.by_when);
                    let steps = g
                        .tasks
                        .iter()
                        .map(|t| format!("{} ({})", t.title, t.frequency.label().to_ascii_lowercase()))
                        .collect::<Vec<_>>()
                        .join("; ");
                    view! {
                        <li class="card">
                            <p>{sentence}</p>
                            {(!steps.is_empty()).then(|| view! { <p class="hint">"Steps: "{steps}</p> })}
                            <div class="button-row">
                                <button type="button" class="button" on:click=change>"Change this goal"</button>
                                <button type="button" class="button" on:click=move |_| plan.update(|p| p.goals.retain(|g| g.key != key))>"Remove this goal"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let items_list = move || {
        plan.with(|p| {
            let w = p.workplace.iter().map(|a| {
                let key = a.key.clone();
                let text = format!("{}: {}", a.kind.label(), a.text);
                view! { <li>{text}" "<button type="button" class="button" on:click=move |_| plan.update(|p| p.workplace.retain(|a| a.key != key))>"Remove"</button></li> }
            }).collect_view();
            let h = p.home.iter().map(|x| {
                let key = x.key.clone();
                let text = format!("{}: {}", x.room.label(), x.hazard);
                view! { <li>{text}" "<button type="button" class="button" on:click=move |_| plan.update(|p| p.home.retain(|x| x.key != key))>"Remove"</button></li> }
            }).collect_view();
            view! { <ul class="plain-list">{w}{h}</ul> }
        })
    };
    let rating = move |label: &'static str, get: fn(&Plan) -> bool, set: fn(&mut Plan, bool)| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || plan.with(get)
                    on:change=move |ev| { let v = event_target_checked(&ev); plan.update(|p| set(p, v)) }/>
                <span class="check-label">{label}</span>
            </label>
        }
    };
    let when_options = || {
        let mut v = vec![(String::new(), "Not asked for".to_string())];
        v.extend(
            MeasureWhen::ALL
                .iter()
                .map(|w| (w.code().to_string(), w.label().to_string())),
        );
        v
    };
    let saved_list = move || {
        saved.get().into_iter().map(|p| {
            let title = plan_title(&p);
            let (p1, p2) = (p.clone(), p);
            let remove_id = p1.id.clone();
            view! {
                <li class="card">
                    <p>{title}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| { load(p1.clone(), true); message.set(Some("Plan opened. Change it, then make a new link: the person's app will update what came from it and keep their own changes.".into())); }>"Update this plan"</button>
                        <button type="button" class="button" on:click=move |_| { load(p2.clone(), false); message.set(Some("A new plan for someone else, started from this one.".into())); }>"Use for someone new"</button>
                        <button type="button" class="button" on:click=move |_| {
                            ot_plans::remove_plan(&mut LocalKv, &remove_id);
                            saved.set(saved_plans());
                        }>"Remove"</button>
                    </div>
                </li>
            }
        }).collect_view()
    };
    let result = move || {
        link.get().map(|l| {
            let p = plan.get_untracked();
            let ready = format!("Ready to hand over: {}", plan_title(&p));
            let qr = qr_svg(&l, "QR code of the link to the plan");
            let (l1, l2) = (l.clone(), l.clone());
            view! {
                <section class="card share-result" aria-labelledby="plan-link-heading">
                    <h2 id="plan-link-heading" tabindex="-1">{ready}</h2>
                    <label class="field"><span>"The link"</span>
                        <textarea class="share-link" readonly rows="4" prop:value=l.clone()></textarea>
                    </label>
                    <div class="button-row">
                        <button type="button" class="button button-primary" on:click=move |_| {
                            let l = l1.clone();
                            leptos::task::spawn_local(async move {
                                message.set(Some(match copy_text(&l).await { Ok(()) => "The link is copied.".into(), Err(e) => e }));
                            });
                        }>"Copy the link"</button>
                        <button type="button" class="button" on:click=move |_| {
                            let name = format!("everyday-plan-{}.html", iso_date(p.made));
                            message.set(Some(match files::download(&name, &file_html(&p, &l2), "text/html") {
                                Ok(()) => format!("The file {name} is in your downloads."),
                                Err(e) => e,
                            }));
                        }>"Download as a file"</button>
                    </div>
                    {match qr {
                        Some(svg) => view! {
                            <h3>"QR code"</h3>
                            <p>"The person can scan this with their phone camera."</p>
                            <div class="qr-box" inner_html=svg></div>
                        }.into_any(),
                        None => view! { <p class="card-nudge">"This plan is too long for a QR code that scans well. Please send the link or the file instead."</p> }.into_any(),
                    }}
                </section>
            }
        })
    };

    view! {
        <PageHeading title="Build a plan"/>
        <p><A href=paths::OT>"Back to the OT area"</A></p>
        <p class="lead">"Build a plan for one person and hand it over as a link, a QR code or a file. Nothing is sent to any server. When the person adds it, it joins their own goals and checklists; their own items and records are never changed."</p>
        <div class="plan-grid">
        <section class="card" aria-labelledby="saved-heading">
            <h2 id="saved-heading">"Saved plans"</h2>
            {move || saved.with(|s| s.is_empty()).then(|| view! { <p>"No plans are saved on this computer yet."</p> })}
            <ul class="plain-list">{saved_list}</ul>
        </section>
        <section class="card" aria-labelledby="key-heading">
            <h2 id="key-heading">"Your practice's code"</h2>
            {move || code.get().map(|c| view! {
                <p class="plan-code" aria-label=format!("Practice code {c}")>{c.clone()}</p>
            })}
            <p>"Every plan made here is signed by your practice. When a person adds their first plan from you, their phone shows this code: read it out so they can check it is the same. After that their phone accepts plans only from your practice."</p>
            <p class="hint">"To use the same code on the practice's other computers, export the key here and import it there. Keep the file safe: anyone with it can sign plans as your practice."</p>
            <div class="button-row">
                <button type="button" class="button" on:click=export_key disabled=move || practice.with(|p| p.is_none())>"Export this practice's plan key"</button>
            </div>
            <label class="field"><span>"Import a practice key"</span>
                <input type="file" accept=".json,application/json" on:change=import_key/>
            </label>
            {move || replacing.get().map(|key| {
                view! {
                    <div class="card-nudge" role="alert">
                        <p>"This computer already has a different practice key. If you replace it, people who already have plans signed with the old key will not accept updates made here."</p>
                        <div class="button-row">
                            <button type="button" class="button button-primary" on:click=move |_| use_key(key.clone())>"Replace this computer's key"</button>
                            <button type="button" class="button" on:click=move |_| { replacing.set(None); key_message.set(Some("The key on this computer is unchanged.".into())); }>"Keep the current key"</button>
                        </div>
                    </div>
                }
            })}
            <FormMessage message=key_message/>
        </section>
        </div>
        <div class="plan-grid">
        <div class="plan-column">
        <section class="card" aria-labelledby="about-heading">
            <h2 id="about-heading">"About the plan"</h2>
            <p class="hint">{move || {
                let title = plan.with(plan_title);
                if handed.with(Option::is_some) {
                    format!("Updating: {title}. The person's app will update what came from it.")
                } else {
                    format!("A new plan, not handed over yet: {title}.")
                }
            }}</p>
            <label class="field"><span>"Your name and service"</span>
                <input type="text" maxlength="80" prop:value=move || plan.with(|p| p.ot.clone()) on:input=move |ev| { let v = event_target_value(&ev); plan.update(|p| p.ot = v) }/>
            </label>
            <DateField id="plan-ot-start" label="Start of OT involvement" value=ot_start any_day=true/>
            <DateField id="plan-review" label="Next review" value=review any_day=true/>
            <label class="field"><span>"A short message to the person"</span>
                <textarea rows="3" maxlength="1000" prop:value=move || plan.with(|p| p.message.clone()) on:input=move |ev| { let v = event_target_value(&ev); plan.update(|p| p.message = v) }></textarea>
            </label>
        </section>
        <section class="card" aria-labelledby="plan-goals-heading">
            <h2 id="plan-goals-heading">"Goals"</h2>
            <ul class="plain-list">{goals_list}</ul>
            <form on:submit=add_goal>
                <h3>{move || if editing.get().is_some() { "Change the goal" } else { "Add a goal" }}</h3>
                <TextField label="What the person wants to do" value=activity/>
                <TextField label="The help they need" value=support/>
                <TextField label="How much or how well" value=amount/>
                <DateField id="plan-goal-by" label="By when" value=by_when any_day=true/>
                <fieldset class="checks">
                    <legend>"What each level would look like"</legend>
                    <TextField label="-2: much less than expected" value=lv[0]/>
                    <TextField label="-1: somewhat less than expected" value=lv[1]/>
                    <TextField label="0: the expected outcome" value=lv[2]/>
                    <TextField label="+1: somewhat more than expected" value=lv[3]/>
                    <TextField label="+2: much more than expected" value=lv[4]/>
                </fieldset>
                <Select id="plan-goal-baseline" label="Starting level" value=baseline
                    options=vec![("-1".into(), "-1: some ability already".into()), ("-2".into(), "-2: cannot do it yet".into())]/>
                <Select id="plan-goal-difficulty" label="Difficulty (for weighting)" value=difficulty
                    options=vec![(String::new(), "Not set".into()), ("0".into(), "0".into()), ("1".into(), "1".into()), ("2".into(), "2".into()), ("3".into(), "3".into())]/>
                <fieldset class="checks">
                    <legend>"Steps"</legend>
                    <ul class="plain-list">{move || steps.get().into_iter().map(|t| view! { <li>{format!("{} ({})", t.title, t.frequency.label().to_ascii_lowercase())}</li> }).collect_view()}</ul>
                    <TextField label="Step" value=step_title/>
                    <Select id="plan-step-freq" label="How often" value=step_freq options=frequency_options()/>
                    <button type="button" class="button" on:click=add_step>"Add this step"</button>
                </fieldset>
                <button type="submit" class="button button-primary">{move || if editing.get().is_some() { "Save the goal" } else { "Add the goal to the plan" }}</button>
                <FormMessage message=goal_message/>
            </form>
        </section>
        </div>
        <div class="plan-column">
        <section class="card" aria-labelledby="plan-diary-heading">
            <h2 id="plan-diary-heading">"Diary"</h2>
            <fieldset class="checks">
                <legend>"Diary ratings to switch on"</legend>
                {rating(crate::domain::diary::RatingKind::Effort.label(), |p| p.ratings.effort, |p, v| p.ratings.effort = v)}
                {rating(crate::domain::diary::RatingKind::Pain.label(), |p| p.ratings.pain, |p, v| p.ratings.pain = v)}
                {rating(crate::domain::diary::RatingKind::Mood.label(), |p| p.ratings.mood, |p, v| p.ratings.mood = v)}
                {rating(crate::domain::diary::ACTIVATION_SET, |p| p.ratings.activation, |p, v| p.ratings.activation = v)}
            </fieldset>
            <Select id="plan-pacing" label="Pacing" value=pacing
                options=vec![("same".into(), "Leave as it is".into()), ("on".into(), "Switch on".into()), ("off".into(), "Switch off".into())]/>
            <label class="field" hidden=move || pacing.get() != "on"><span>"Daily budget in minutes, from the baseline"</span>
                <input type="number" inputmode="numeric" min="1" max="1440" prop:value=move || pacing_minutes.get() on:input=move |ev| pacing_minutes.set(event_target_value(&ev))/>
            </label>
        </section>
        <section class="card" aria-labelledby="plan-items-heading">
            <h2 id="plan-items-heading">"Checklist items"</h2>
            {items_list}
            <h3>"Workplace adjustment"</h3>
            <Select id="plan-w-kind" label="Kind of advice" value=w_kind
                options=ADVICE_KINDS.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect()/>
            <TextField label="Adjustment" value=w_text/>
            <button type="button" class="button" on:click=add_adjustment>"Add this adjustment"</button>
            <h3>"Home safety"</h3>
            <Select id="plan-h-room" label="Room" value=h_room
                options=ROOMS.iter().map(|r| (r.code().to_string(), r.label().to_string())).collect()/>
            <TextField label="Hazard" value=h_hazard/>
            <TextField label="What could help" value=h_fix/>
            <button type="button" class="button" on:click=add_hazard>"Add this hazard"</button>
            <FormMessage message=item_message/>
        </section>
        <section class="card" aria-labelledby="plan-measures-heading">
            <h2 id="plan-measures-heading">"Measures to complete"</h2>
            <Select id="plan-m-confidence" label=PlanMeasure::Confidence.label() value=measure_sel[0] options=when_options()/>
            <Select id="plan-m-self-efficacy" label=PlanMeasure::SelfEfficacy.label() value=measure_sel[1] options=when_options()/>
            <Select id="plan-m-work-ability" label=PlanMeasure::WorkAbility.label() value=measure_sel[2] options=when_options()/>
            <Select id="plan-m-events" label=PlanMeasure::Events.label() value=measure_sel[3] options=when_options()/>
            <Select id="plan-m-falls" label=PlanMeasure::Falls.label() value=measure_sel[4] options=when_options()/>
        </section>
        <form class="card" on:submit=make>
            <h2>"Hand it over"</h2>
            <div class="button-row">
                <button type="submit" class="button button-primary">"Make the link"</button>
                <button type="button" class="button" on:click=save>"Save on this computer"</button>
            </div>
            <FormMessage message/>
        </form>
        {result}
        </div>
        </div>
    }
}
