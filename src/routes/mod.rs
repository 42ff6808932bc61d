//! The route table, in one place: every path, one parent route per role with its layout, and
//! the not-found page. Features link with `paths`; `app.rs` only provides state and the router.
//! Every page but Today is a lazy route, downloaded with its section when first opened (`lazy`).

pub mod layouts;
#[cfg(feature = "app")]
mod lazy;
pub mod paths;

#[cfg(feature = "app")]
use leptos::prelude::*;
#[cfg(feature = "app")]
use leptos_router::components::{ParentRoute, Route, Routes};
#[cfg(feature = "app")]
use leptos_router::{path, Lazy};

#[cfg(feature = "app")]
use layouts::{NotFound, PatientLayout, RoleLayout};
#[cfg(feature = "app")]
pub(crate) use lazy::PartMissing;
#[cfg(feature = "app")]
use lazy::*;

/// Every page of the app: the OT's area (its own layout, nothing of the patient's), then the
/// patient's pages under the patient layout. The employer's page is not here: it has a start of
/// its own, without the router or the stored records (`src/bin/employer.rs`).
#[cfg(feature = "app")]
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <PatientLayout><NotFound/></PatientLayout> }>
            <ParentRoute path=path!("/ot") view=|| view! { <RoleLayout role="For occupational therapists"/> }>
                <Route path=path!("") view={Lazy::<Ot>::new()}/>
                <Route path=path!("/plan") view={Lazy::<OtPlan>::new()}/>
                <Route path=path!("/summaries") view={Lazy::<OtSummaries>::new()}/>
            </ParentRoute>
            // The employer's page is a program of its own (`src/bin/employer.rs`): a move to it from
            // inside the app loads the page afresh.
            <Route path=path!("/employer") view=layouts::EmployerElsewhere/>
            <ParentRoute path=path!("") view=|| view! { <PatientLayout/> }>
                <Route path=path!("") view=TodayPage/>
                <Route path=path!("/goals") view={Lazy::<Goals>::new()}/>
                <Route path=path!("/goals/new") view={Lazy::<NewGoal>::new()}/>
                <Route path=path!("/goals/:id") view={Lazy::<Goal>::new()}/>
                <Route path=path!("/goals/:id/change") view={Lazy::<ChangeGoal>::new()}/>
                <Route path=path!("/diary") view={Lazy::<Diary>::new()}/>
                <Route path=path!("/diary/week") view={Lazy::<DiaryWeek>::new()}/>
                <Route path=path!("/diary/insights") view={Lazy::<DiaryInsights>::new()}/>
                <Route path=path!("/diary/pacing") view={Lazy::<DiaryPacing>::new()}/>
                <Route path=path!("/checklists") view={Lazy::<Checklists>::new()}/>
                <Route path=path!("/checklists/work") view={Lazy::<Workplace>::new()}/>
                <Route path=path!("/checklists/work/covers") view={Lazy::<WorkCovers>::new()}/>
                <Route path=path!("/checklists/work/adjustments") view={Lazy::<WorkAdjustments>::new()}/>
                <Route path=path!("/checklists/work/adjustments/add") view={Lazy::<WorkAdjustmentsAdd>::new()}/>
                <Route path=path!("/checklists/work/difficulties") view={Lazy::<WorkDifficulties>::new()}/>
                <Route path=path!("/checklists/work/return") view={Lazy::<PhasedReturn>::new()}/>
                <Route path=path!("/checklists/work/wellness") view={Lazy::<Wellness>::new()}/>
                <Route path=path!("/checklists/work/share") view={Lazy::<Share>::new()}/>
                <Route path=path!("/checklists/work/share/link") view={Lazy::<ShareLink>::new()}/>
                <Route path=path!("/checklists/home") view={Lazy::<HomeSafety>::new()}/>
                <Route path=path!("/checklists/home/falls") view={Lazy::<Falls>::new()}/>
                <Route path=path!("/checklists/home/falls/:step") view={Lazy::<FallsStep>::new()}/>
                <Route path=path!("/checklists/home/room/:room") view={Lazy::<Room>::new()}/>
                <Route path=path!("/progress") view={Lazy::<Progress>::new()}/>
                <Route path=path!("/progress/questionnaire") view={Lazy::<Questionnaire>::new()}/>
                <Route path=path!("/progress/work-ability") view={Lazy::<WorkAbility>::new()}/>
                <Route path=path!("/progress/appointments") view={Lazy::<Appointments>::new()}/>
                <Route path=path!("/settings") view={Lazy::<Settings>::new()}/>
                <Route path=path!("/settings/ot") view={Lazy::<SettingsOt>::new()}/>
                <Route path=path!("/settings/diary") view={Lazy::<SettingsDiary>::new()}/>
                <Route path=path!("/settings/backup") view={Lazy::<SettingsBackup>::new()}/>
                <Route path=path!("/settings/lock") view={Lazy::<SettingsLock>::new()}/>
                <Route path=path!("/summary") view={Lazy::<Summary>::new()}/>
                <Route path=path!("/plan") view={Lazy::<Plan>::new()}/>
            </ParentRoute>
        </Routes>
    }
}
