//! Every page but Today is downloaded when it is first opened: one part per section (the
//! patient's goals, diary, checklists, progress, settings, summary and plans; the OT's area), so
//! the first visit to Today downloads only the shell and Today, and a deep link the shell and
//! its own section. (The employer's page is a program of its own: `src/bin/employer.rs`.)
//!
//! Each section is one `#[wasm_split]` function (from `wasm_split_helpers`, re-exported by
//! Leptos) that draws the asked-for page. `scripts/build.sh` cuts those functions, and the code
//! only they use, out of the main WebAssembly file into a part per section (`wasm-split-cli`).
//! A route's view is a [`LazyRoute`] that waits for its section's part, then draws the page.
//! A part that cannot be downloaded (offline before the app was kept, or mid-update) gives a
//! plain message with a Reload button instead of a crash: the split functions are `fallible`.
//! In a build that is not split (the browser tests), the same functions run directly.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use leptos_router::LazyRoute;

use crate::components::page::{focus_main_heading, PageHeading};
use crate::features::{
    checklists, diary, goals, measures, ot, ot_plan, ot_summaries, plan, progress, settings,
    summary,
};
use crate::platform::persist::register_service_worker;

/// One section's part: an enum of its pages, the split function that draws one of them, and a
/// [`LazyRoute`] per page for the route table.
macro_rules! part {
    ($split:ident, $pages:ident { $($route:ident => $page:path),+ $(,)? }) => {
        #[derive(Clone, Copy)]
        enum $pages {
            $($route),+
        }

        #[wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
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

part!(goals_part, GoalsPages {
    Goals => goals::GoalsPage,
    NewGoal => goals::NewGoalPage,
    Goal => goals::GoalPage,
    ChangeGoal => goals::ChangeGoalPage,
});

part!(diary_part, DiaryPages {
    Diary => diary::DiaryPage,
    DiaryWeek => diary::WeekPage,
    DiaryInsights => diary::InsightsPage,
    DiaryPacing => diary::PacingPage,
});

part!(checklists_part, ChecklistsPages {
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

part!(progress_part, ProgressPages {
    Progress => progress::ProgressPage,
    Questionnaire => measures::QuestionnairePage,
    WorkAbility => measures::WorkAbilityPage,
    Appointments => measures::EventsPage,
});

part!(settings_part, SettingsPages {
    Settings => settings::SettingsPage,
    SettingsOt => settings::OtSettingsPage,
    SettingsDiary => settings::DiarySettingsPage,
    SettingsBackup => settings::BackupPage,
    SettingsLock => settings::LockSettingsPage,
});

part!(summary_part, SummaryPages {
    Summary => summary::SummaryPage,
});

part!(plan_part, PlanPages {
    Plan => plan::PlanPage,
});

part!(ot_part, OtPages {
    Ot => ot::OtPage,
    OtPlan => ot_plan::OtPlanPage,
    OtSummaries => ot_summaries::OtSummariesPage,
});

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
fn PartMissing() -> impl IntoView {
    view! {
        <PageHeading title="This page could not be opened"/>
        <div class="notice notice-warn" role="alert">
            <p>
                "This part of Everyday has not been downloaded to this phone yet, and it could "
                "not be downloaded now. Your records are safe."
            </p>
            <p>"Check that you are connected to the internet, then reload the page."</p>
            <button type="button" class="button button-primary" on:click=move |_| {
                let _ = window().location().reload();
            }>"Reload the page"</button>
        </div>
    }
}
