//! The occupational therapist's area: what is here and the way to each part. Nothing of a
//! patient's is stored here.

use leptos::prelude::*;

use leptos_router::components::A;

use crate::app::{paths, PageHeading};

#[component]
pub fn OtPage() -> impl IntoView {
    view! {
        <PageHeading title="Occupational therapist"/>
        <p class="lead">"This part of Everyday is for the occupational therapist, on the practice computer."</p>
        <div class="ot-parts">
            <section class="card" aria-labelledby="ot-plan-heading">
                <h2 id="ot-plan-heading">"Plans"</h2>
                <p>"Build a plan for one person: goals with what each level looks like and their steps, diary ratings and pacing, workplace adjustments, home-safety hazards, the measures to complete and the review date."</p>
                <p>"Hand it over as a link, a QR code to scan, or a file. It is signed with your practice's code, which you read out to the person the first time. Plans are saved on this computer so you can update one later or start someone new from it."</p>
                <p><A href=paths::OT_PLAN attr:class="button button-primary">"Build a plan"</A></p>
            </section>
            <section class="card" aria-labelledby="ot-summaries-heading">
                <h2 id="ot-summaries-heading">"Patients' summaries"</h2>
                <p>"Open the summary files your patients bring or send: each shows as the one-page summary they saw, with the goal score. With several open, a caseload table and totals show how people are doing across them."</p>
                <p><A href=paths::OT_SUMMARIES attr:class="button button-primary">"Open patients' summary files"</A></p>
            </section>
        </div>
        <p>"Nothing is sent to any server. Nothing is stored on this computer unless you choose to keep it: saved plans, your practice's key, and summaries you ask to keep, all in this browser."</p>
    }
}
