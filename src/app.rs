//! The app shell: state provider, router with the role route groups, layout and not-found page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::notices::Notices;
use crate::features::{
    checklists, diary, employer, goals, measures, ot, ot_plan, ot_summaries, plan, progress,
    settings, summary, today,
};
use crate::state::AppState;

/// Every path in the app, in one place.
pub mod paths {
    pub const TODAY: &str = "/";
    pub const GOALS: &str = "/goals";
    pub const DIARY: &str = "/diary";
    pub const DIARY_WEEK: &str = "/diary/week";
    pub const DIARY_INSIGHTS: &str = "/diary/insights";
    pub const DIARY_PACING: &str = "/diary/pacing";
    pub const CHECKLISTS: &str = "/checklists";
    pub const PROGRESS: &str = "/progress";
    pub const PROGRESS_QUESTIONNAIRE: &str = "/progress/questionnaire";
    pub const PROGRESS_WORK_ABILITY: &str = "/progress/work-ability";
    pub const PROGRESS_EVENTS: &str = "/progress/appointments";
    pub const SETTINGS: &str = "/settings";
    pub const OT: &str = "/ot";
    pub const EMPLOYER: &str = "/employer";
    pub const PLAN: &str = "/plan";
    pub const OT_PLAN: &str = "/ot/plan";
    pub const GOAL_NEW: &str = "/goals/new";
    pub const WORKPLACE: &str = "/checklists/work";
    pub const PHASED_RETURN: &str = "/checklists/work/return";
    pub const WELLNESS: &str = "/checklists/work/wellness";
    pub const SHARE: &str = "/checklists/work/share";
    pub const HOME_SAFETY: &str = "/checklists/home";
    pub const FALLS: &str = "/checklists/home/falls";

    /// A room of the home-safety checklist.
    pub fn room(room: crate::domain::checklists::Room) -> String {
        format!("/checklists/home/room/{}", room.code())
    }
    pub const SUMMARY: &str = "/summary";
    pub const OT_SUMMARIES: &str = "/ot/summaries";

    /// A goal's own page.
    pub fn goal(id: crate::domain::ids::GoalId) -> String {
        format!("/goals/{}", id.0)
    }

    /// The builder, to change a goal.
    pub fn goal_change(id: crate::domain::ids::GoalId) -> String {
        format!("/goals/{}/change", id.0)
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // Changes saved in another tab appear here without a reload.
    let handle = window_event_listener(leptos::ev::storage, move |e| {
        state.on_storage_event(e.key());
    });
    on_cleanup(move || handle.remove());

    view! {
        <Router>
            <FocusOnNavigate/>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Routes fallback=|| view! { <PatientLayout><NotFound/></PatientLayout> }>
                <Route path=path!("/") view=|| view! { <PatientLayout><today::TodayPage/></PatientLayout> }/>
                <Route path=path!("/goals") view=|| view! { <PatientLayout><goals::GoalsPage/></PatientLayout> }/>
                <Route path=path!("/goals/new") view=|| view! { <PatientLayout><goals::NewGoalPage/></PatientLayout> }/>
                <Route path=path!("/goals/:id") view=|| view! { <PatientLayout><goals::GoalPage/></PatientLayout> }/>
                <Route path=path!("/goals/:id/change") view=|| view! { <PatientLayout><goals::ChangeGoalPage/></PatientLayout> }/>
                <Route path=path!("/diary") view=|| view! { <PatientLayout><diary::DiaryPage/></PatientLayout> }/>
                <Route path=path!("/diary/week") view=|| view! { <PatientLayout><diary::WeekPage/></PatientLayout> }/>
                <Route path=path!("/diary/insights") view=|| view! { <PatientLayout><diary::InsightsPage/></PatientLayout> }/>
                <Route path=path!("/diary/pacing") view=|| view! { <PatientLayout><diary::PacingPage/></PatientLayout> }/>
                <Route path=path!("/checklists") view=|| view! { <PatientLayout><checklists::ChecklistsPage/></PatientLayout> }/>
                <Route path=path!("/checklists/work") view=|| view! { <PatientLayout><checklists::WorkplacePage/></PatientLayout> }/>
                <Route path=path!("/checklists/work/return") view=|| view! { <PatientLayout><checklists::PhasedReturnPage/></PatientLayout> }/>
                <Route path=path!("/checklists/work/wellness") view=|| view! { <PatientLayout><checklists::WellnessPage/></PatientLayout> }/>
                <Route path=path!("/checklists/work/share") view=|| view! { <PatientLayout><checklists::SharePage/></PatientLayout> }/>
                <Route path=path!("/checklists/home") view=|| view! { <PatientLayout><checklists::HomePage/></PatientLayout> }/>
                <Route path=path!("/checklists/home/falls") view=|| view! { <PatientLayout><checklists::FallsPage/></PatientLayout> }/>
                <Route path=path!("/checklists/home/room/:room") view=|| view! { <PatientLayout><checklists::RoomPage/></PatientLayout> }/>
                <Route path=path!("/progress") view=|| view! { <PatientLayout><progress::ProgressPage/></PatientLayout> }/>
                <Route path=path!("/progress/questionnaire") view=|| view! { <PatientLayout><measures::QuestionnairePage/></PatientLayout> }/>
                <Route path=path!("/progress/work-ability") view=|| view! { <PatientLayout><measures::WorkAbilityPage/></PatientLayout> }/>
                <Route path=path!("/progress/appointments") view=|| view! { <PatientLayout><measures::EventsPage/></PatientLayout> }/>
                <Route path=path!("/settings") view=|| view! { <PatientLayout><settings::SettingsPage/></PatientLayout> }/>
                <Route path=path!("/summary") view=|| view! { <PatientLayout><summary::SummaryPage/></PatientLayout> }/>
                <Route path=path!("/ot/summaries") view=|| view! { <RoleLayout role="For occupational therapists"><ot_summaries::OtSummariesPage/></RoleLayout> }/>
                <Route path=path!("/ot") view=|| view! { <RoleLayout role="For occupational therapists"><ot::OtPage/></RoleLayout> }/>
                <Route path=path!("/ot/plan") view=|| view! { <RoleLayout role="For occupational therapists"><ot_plan::OtPlanPage/></RoleLayout> }/>
                <Route path=path!("/plan") view=|| view! { <PatientLayout><plan::PlanPage/></PatientLayout> }/>
                <Route path=path!("/employer") view=|| view! { <RoleLayout role="Workplace plan"><employer::EmployerPage/></RoleLayout> }/>
            </Routes>
        </Router>
    }
}

/// After each navigation, move focus to the new page's heading so screen readers announce it.
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        let _ = location.pathname.get();
        if first.get_value() {
            // On first load leave focus where the browser puts it.
            first.set_value(false);
            return;
        }
        focus_main_heading();
    });
}

/// Scroll to the top and put focus on the page's heading, after the page has been drawn, so a
/// screen reader announces the new page and a keyboard user starts from its top.
pub fn focus_main_heading() {
    request_animation_frame(|| {
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(h1) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = h1.focus();
        }
    });
}

/// The patient's layout: header, messages, the page, and the bottom navigation.
#[component]
fn PatientLayout(children: Children) -> impl IntoView {
    view! {
        <header class="top-bar">
            <A href=paths::TODAY attr:class="brand">"Everyday"</A>
            <A href=paths::SETTINGS attr:class="top-link">"Settings"</A>
        </header>
        <Notices/>
        <main id="main" class="page">{children()}</main>
        <nav class="bottom-nav" aria-label="Main">
            <NavItem href=paths::TODAY label="Today" icon="M12 3v2m0 14v2M3 12h2m14 0h2M6 6l1.5 1.5M16.5 16.5 18 18M6 18l1.5-1.5M16.5 7.5 18 6M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"/>
            <NavItem href=paths::GOALS label="Goals" icon="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 3.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/>
            <NavItem href=paths::DIARY label="Diary" icon="M6 3h11a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6zM6 3v18M10 8h6M10 12h6"/>
            <NavItem href=paths::CHECKLISTS label="Checklists" icon="M4 6l2 2 3-3M4 13l2 2 3-3M12 7h8M12 14h8M12 20h8"/>
            <NavItem href=paths::PROGRESS label="Progress" icon="M4 20V10M10 20V4M16 20v-7M22 20H2"/>
        </nav>
    }
}

#[component]
fn NavItem(href: &'static str, label: &'static str, icon: &'static str) -> impl IntoView {
    // Today ("/") is current only on itself; the others also on their own pages below them
    // (Diary on the week view, Goals on a goal's page).
    let exact = href == paths::TODAY;
    view! {
        <A href=href attr:class="nav-item" exact=exact>
            <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=icon/>
            </svg>
            <span>{label}</span>
        </A>
    }
}

/// The layout for the OT and employer areas: no patient navigation, nothing of the patient's.
#[component]
fn RoleLayout(role: &'static str, children: Children) -> impl IntoView {
    view! {
        <header class="top-bar role-bar">
            <span class="brand">"Everyday"</span>
            <span class="role-name">{role}</span>
        </header>
        <main id="main" class="page page-wide">{children()}</main>
    }
}

/// A page heading that also sets the document title.
#[component]
pub fn PageHeading(title: &'static str) -> impl IntoView {
    Effect::new(move |_| {
        document().set_title(&format!("{title} – Everyday"));
    });
    view! { <h1 tabindex="-1">{title}</h1> }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <PageHeading title="Page not found"/>
        <p>"There is no page at this address. Your records are safe."</p>
        <p><A href=paths::TODAY>"Go to Today"</A></p>
    }
}
