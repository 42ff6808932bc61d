//! Progress page: the person's confidence check-ins so far. Change from baseline, the
//! self-efficacy scale and outcome counts arrive with the confidence feature.

use leptos::prelude::*;

use crate::app::PageHeading;
use crate::domain::dates::short_date;
use crate::state::use_app_state;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = use_app_state();
    let rows = Memo::new(move |_| {
        state.data.with(|d| {
            d.ratings
                .confidence
                .iter()
                .rev()
                .map(|c| (short_date(c.date), c.score, c.note.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <PageHeading title="Progress"/>
        <section class="card" aria-labelledby="confidence-list-heading">
            <h2 id="confidence-list-heading">"Your confidence check-ins"</h2>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=|| view! { <p>"No check-ins yet. You can check in on the Today page."</p> }
            >
                <div class="table-scroll">
                    <table>
                        <caption class="visually-hidden">"Confidence check-ins, newest first"</caption>
                        <thead><tr><th scope="col">"Date"</th><th scope="col">"Confidence (0 to 10)"</th><th scope="col">"Note"</th></tr></thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|(date, score, note)| view! {
                                <tr><td>{date}</td><td>{score}</td><td>{note}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
        <section class="card empty-state">
            <h2>"More to come"</h2>
            <p>"Your confidence at the start compared with now, a longer confidence questionnaire, and counts of GP appointments, days off sick and fit notes will be here."</p>
        </section>
    }
}
