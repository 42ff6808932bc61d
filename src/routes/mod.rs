//! The route table, in one place: every path, one parent route per role with its layout, and
//! the not-found page. Features link with `paths`; `app.rs` only provides state and the router.

pub mod layouts;
pub mod paths;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Routes};
use leptos_router::path;

use crate::features::{
    checklists, diary, employer, goals, measures, ot, ot_plan, ot_summaries, plan, progress,
    settings, summary, today,
};
use layouts::{NotFound, PatientLayout, RoleLayout};

/// Every page of the three roles: the OT's area and the employer's page (their own layout,
/// nothing of the patient's), then the patient's pages under the patient layout.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <PatientLayout><NotFound/></PatientLayout> }>
            <ParentRoute path=path!("/ot") view=|| view! { <RoleLayout role="For occupational therapists"/> }>
                <Route path=path!("") view=ot::OtPage/>
                <Route path=path!("/plan") view=ot_plan::OtPlanPage/>
                <Route path=path!("/summaries") view=ot_summaries::OtSummariesPage/>
            </ParentRoute>
            <ParentRoute path=path!("/employer") view=|| view! { <RoleLayout role="Workplace plan"/> }>
                <Route path=path!("") view=employer::EmployerPage/>
            </ParentRoute>
            <ParentRoute path=path!("") view=|| view! { <PatientLayout/> }>
                <Route path=path!("") view=today::TodayPage/>
                <Route path=path!("/goals") view=goals::GoalsPage/>
                <Route path=path!("/goals/new") view=goals::NewGoalPage/>
                <Route path=path!("/goals/:id") view=goals::GoalPage/>
                <Route path=path!("/goals/:id/change") view=goals::ChangeGoalPage/>
                <Route path=path!("/diary") view=diary::DiaryPage/>
                <Route path=path!("/diary/week") view=diary::WeekPage/>
                <Route path=path!("/diary/insights") view=diary::InsightsPage/>
                <Route path=path!("/diary/pacing") view=diary::PacingPage/>
                <Route path=path!("/checklists") view=checklists::ChecklistsPage/>
                <Route path=path!("/checklists/work") view=checklists::WorkplacePage/>
                <Route path=path!("/checklists/work/return") view=checklists::PhasedReturnPage/>
                <Route path=path!("/checklists/work/wellness") view=checklists::WellnessPage/>
                <Route path=path!("/checklists/work/share") view=checklists::SharePage/>
                <Route path=path!("/checklists/home") view=checklists::HomePage/>
                <Route path=path!("/checklists/home/falls") view=checklists::FallsPage/>
                <Route path=path!("/checklists/home/falls/:step") view=checklists::FallsStepPage/>
                <Route path=path!("/checklists/home/room/:room") view=checklists::RoomPage/>
                <Route path=path!("/progress") view=progress::ProgressPage/>
                <Route path=path!("/progress/questionnaire") view=measures::QuestionnairePage/>
                <Route path=path!("/progress/work-ability") view=measures::WorkAbilityPage/>
                <Route path=path!("/progress/appointments") view=measures::EventsPage/>
                <Route path=path!("/settings") view=settings::SettingsPage/>
                <Route path=path!("/summary") view=summary::SummaryPage/>
                <Route path=path!("/plan") view=plan::PlanPage/>
            </ParentRoute>
        </Routes>
    }
}
