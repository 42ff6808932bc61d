//! Goals page. The goal builder, steps and Goal Attainment Scaling arrive with the goals feature.

use leptos::prelude::*;

use crate::app::PageHeading;

#[component]
pub fn GoalsPage() -> impl IntoView {
    view! {
        <PageHeading title="Goals"/>
        <section class="card empty-state">
            <h2>"Your goals will be here"</h2>
            <p>"You will be able to set a goal in four parts: what you want to do, the help you need, how much or how well, and by when. Then break it into small steps and record how it is going."</p>
            <p>"Goals from your occupational therapist will show here too, marked as from your OT."</p>
        </section>
    }
}
