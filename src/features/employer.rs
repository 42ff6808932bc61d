//! The employer's read-only view of a shared workplace plan. Opening a shared link arrives with
//! the checklists feature; this page never shows anything stored on this device.

use leptos::prelude::*;

use crate::app::PageHeading;

#[component]
pub fn EmployerPage() -> impl IntoView {
    view! {
        <PageHeading title="Shared workplace plan"/>
        <p class="lead">"When an employee shares their workplace plan with you, open the link they send and the plan shows here: the agreed adjustments, the phased return and the review date."</p>
        <section class="card empty-state">
            <p>"No plan has been opened. The plan travels inside the link itself and is never sent to any server."</p>
        </section>
    }
}
