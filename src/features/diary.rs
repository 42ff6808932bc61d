//! Diary page. The activity diary, day and week views and pacing arrive with the diary feature.

use leptos::prelude::*;

use crate::app::PageHeading;

#[component]
pub fn DiaryPage() -> impl IntoView {
    view! {
        <PageHeading title="Diary"/>
        <section class="card empty-state">
            <h2>"Your activity diary will be here"</h2>
            <p>"You will be able to note what you did, when and for how long, and see the balance of your week between looking after yourself, work or chores, leisure and rest."</p>
            <p>"There are no streaks to keep up. A day when you are unwell counts for nothing against you."</p>
        </section>
    }
}
