//! Checklists page. The workplace plan and home-safety checklists arrive with that feature.

use leptos::prelude::*;

use crate::app::PageHeading;

#[component]
pub fn ChecklistsPage() -> impl IntoView {
    view! {
        <PageHeading title="Checklists"/>
        <section class="card empty-state">
            <h2>"Your checklists will be here"</h2>
            <p>"A plan for changes at work that you can choose to share with your employer, and a room-by-room check to make your home safer."</p>
        </section>
    }
}
