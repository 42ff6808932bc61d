//! The occupational therapist's area. Plan building and reading summaries arrive with those
//! features; nothing of a patient's is stored here.

use leptos::prelude::*;

use leptos_router::components::A;

use crate::app::{paths, PageHeading};

#[component]
pub fn OtPage() -> impl IntoView {
    view! {
        <PageHeading title="Occupational therapist"/>
        <p class="lead">"This part of Everyday is for the occupational therapist, on the practice computer."</p>
        <p><A href=paths::OT_PLAN attr:class="button button-primary">"Build a plan"</A></p>
        <section class="card empty-state">
            <h2>"Coming here"</h2>
            <ul class="plain-list">
                <li>"Build a plan of goals, tasks and checklist items, and hand it over by link, QR code or file."</li>
                <li>"Open the summary files your patients bring, and see outcomes across them."</li>
            </ul>
            <p>"Nothing is stored on this computer unless you choose to keep it."</p>
        </section>
        <p><leptos_router::components::A href=crate::app::paths::OT_SUMMARIES attr:class="button button-primary">"Open patients' summary files"</leptos_router::components::A></p>
    }
}
