//! Every page but the welcome is downloaded when it is first needed, in one of four parts:
//! `today` (Today's own page, after the welcome), `daily` (goals, the diary, progress),
//! `records` (checklists, plans, the summary, settings) and `ot` (the OT's area). The first
//! visit to Today downloads only the shell and the welcome; a deep link the shell, its part and
//! the code its part shares with others. (The employer's page is a program of its own:
//! `src/bin/employer.rs`.)
//!
//! Why four parts and not one per section: `wasm-split-cli` puts code that several parts use in
//! a shared file for each different set of parts that use it. With a part per section (nine)
//! that made 169 files, and a deep link needed 47 to 92 of them; with four there are 16 files
//! in all and a deep link needs 6 or 7 of them. The parts group what a person uses together.
//!
//! Each section is one `#[wasm_split(<part>)]` function (from `wasm_split_helpers`, re-exported
//! by Leptos) that draws the asked-for page; the functions naming the same part are cut out
//! together. `scripts/build.sh` cuts them, and the code only they use, out of the main
//! WebAssembly file (`wasm-split-cli`). A route's view is a [`LazyRoute`] that waits for its
//! part, then draws the page. A part that cannot be downloaded (offline before the app was
//! kept, or mid-update) gives a plain message with a Reload button instead of a crash: the
//! split functions are `fallible`. In a build that is not split (the browser tests), the same
//! functions run directly.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;

use crate::components::notices::PART_MISSING;
use crate::components::page::{focus_main_heading, PageHeading};
use crate::domain::state::FinishWelcome;
use crate::features::{
    checklists, diary, goals, measures, ot, ot_plan, ot_summaries, plan, progress, settings,
    summary, today,
};
use crate::platform::persist::register_service_worker;
use crate::state::{use_app_state, ActionError, AppState};

/// One section in a part (`daily`, `records`, `ot`): an enum of its pages, the split function
/// that draws one of them, and a [`LazyRoute`] per page for the route table.
macro_rules! part {
    ($part:ident, $split:ident, $pages:ident { $($route:ident => $page:path),+ $(,)? }) => {
        #[derive(Clone, Copy)]
        enum $pages {
            $($route),+
        }

        #[wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $split(page: $pages) -> Result<AnyView, SplitLoaderError> {
            Ok(untrack(|| match page {
                $($pages::$route => $page().into_any()),+
            }))
        }

        $(
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> AnyView {
                    let navigated = page_shown();
                    shown($split($pages::$route).await, navigated)
                }
            }
        )+
    };
}

part!(daily, goals_part, GoalsPages {
    Goals => goals::GoalsPage,
    NewGoal => goals::NewGoalPage,
    Goal => goals::GoalPage,
    ChangeGoal => goals::ChangeGoalPage,
});

part!(daily, diary_part, DiaryPages {
    Diary => diary::DiaryPage,
    DiaryWeek => diary::WeekPage,
    DiaryInsights => diary::InsightsPage,
    DiaryPacing => diary::PacingPage,
});

part!(records, checklists_part, ChecklistsPages {
    Checklists => checklists::ChecklistsPage,
    Workplace => checklists::WorkplacePage,
    WorkCovers => checklists::CoversPage,
    WorkAdjustments => checklists::AdjustmentsPage,
    WorkAdjustmentsAdd => checklists::AddAdjustmentsPage,
    WorkDifficulties => checklists::DifficultiesPage,
    PhasedReturn => checklists::PhasedReturnPage,
    Wellness => checklists::WellnessPage,
    Share => checklists::SharePage,
    ShareLink => checklists::ShareLinkPage,
    HomeSafety => checklists::HomePage,
    Falls => checklists::FallsPage,
    FallsStep => checklists::FallsStepPage,
    Room => checklists::RoomPage,
});

part!(daily, progress_part, ProgressPages {
    Progress => progress::ProgressPage,
    Questionnaire => measures::QuestionnairePage,
    WorkAbility => measures::WorkAbilityPage,
    Appointments => measures::EventsPage,
});

part!(records, settings_part, SettingsPages {
    Settings => settings::SettingsPage,
    SettingsOt => settings::OtSettingsPage,
    SettingsDiary => settings::DiarySettingsPage,
    SettingsBackup => settings::BackupPage,
    SettingsLock => settings::LockSettingsPage,
});

part!(records, summary_part, SummaryPages {
    Summary => summary::SummaryPage,
});

part!(records, plan_part, PlanPages {
    Plan => plan::PlanPage,
});

part!(ot, ot_part, OtPages {
    Ot => ot::OtPage,
    OtPlan => ot_plan::OtPlanPage,
    OtSummaries => ot_summaries::OtSummariesPage,
});

/// Today: the welcome on a first visit (in the main part, so a first visit downloads nothing
/// more before it can be used), then Today's own page from its part. The part is usually on the
/// phone by then: the service worker fetches every part while the welcome is read, and on a
/// later visit index.html fetches it together with the main part.
#[component]
pub fn TodayPage() -> impl IntoView {
    let state = use_app_state();
    let welcome_done = Memo::new(move |_| state.data.with(|d| d.settings.welcome_done));
    let problem = RwSignal::new(None::<String>);
    // "Start using Everyday" is saved by Today's part (saving is not in the main part: see
    // `AppState::dispatch`); Today's page, from the same part, follows.
    let start = Callback::new(move |()| {
        problem.set(None);
        leptos::task::spawn_local(async move {
            match finish_welcome(state).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => problem.set(Some(e.to_string())),
                Err(_) => problem.set(Some(format!(
                    "{PART_MISSING} Check that you are connected to the internet, then press \
                     \"Start using Everyday\" again."
                ))),
            }
        });
    });
    view! {
        <Show when=move || welcome_done.get() fallback=move || view! { <today::Welcome start=start problem=problem/> }>
            <Suspense fallback=|| view! { <p class="boot-line" role="status">"Opening Today\u{2026}"</p> }>
                {Suspend::new(async move {
                    // After "Start using Everyday", focus goes to Today's heading once drawn.
                    let navigated = page_shown();
                    shown(today_part().await, navigated)
                })}
            </Suspense>
        </Show>
    }
}

#[wasm_split(today, wasm_split_path = ::leptos::wasm_split, fallible)]
fn today_part() -> Result<AnyView, SplitLoaderError> {
    Ok(untrack(|| today::TodayContent().into_any()))
}

#[wasm_split(today, wasm_split_path = ::leptos::wasm_split, fallible)]
fn finish_welcome(state: AppState) -> Result<Result<(), ActionError>, SplitLoaderError> {
    Ok(state.dispatch(FinishWelcome))
}

/// Whether a page is on the screen already (so this is a move from it, not the app's start).
fn page_shown() -> bool {
    document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .is_some()
}

/// The page, or a plain message when its part could not be downloaded. After a move from
/// another page, focus goes to the new heading once it is drawn (the part may arrive after
/// the router's own move of focus).
fn shown(page: Result<AnyView, SplitLoaderError>, navigated: bool) -> AnyView {
    if navigated {
        focus_main_heading();
    }
    // The first page is on its way to the screen: the service worker may now fetch the rest
    // of the app (registering again is harmless).
    register_service_worker();
    match page {
        Ok(view) => view,
        Err(_) => view! { <PartMissing/> }.into_any(),
    }
}

/// Shown instead of a page whose part of the app could not be downloaded.
#[component]
pub(crate) fn PartMissing(
    #[prop(default = "This page could not be opened")] title: &'static str,
) -> impl IntoView {
    view! {
        <PageHeading title=title/>
        <div class="notice notice-warn" role="alert">
            <p>{PART_MISSING}</p>
            <p>"Check that you are connected to the internet, then reload the page."</p>
            <button type="button" class="button button-primary" on:click=move |_| {
                let _ = window().location().reload();
            }>"Reload the page"</button>
        </div>
    }
}
