//! The layout of each role's pages (the page itself is drawn where the `<Outlet/>` is) and the
//! not-found page.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

use super::paths;
use crate::components::notices::Notices;
use crate::components::page::PageHeading;
use crate::platform::focus::{focus_later, keep_messages_in_view};

/// Either the given children (the not-found page, drawn outside the route table) or the
/// matched child route.
fn page_or_outlet(children: Option<Children>) -> AnyView {
    match children {
        Some(children) => children().into_any(),
        None => view! { <Outlet/> }.into_any(),
    }
}

/// The patient's layout: header, messages, the page, and the navigation.
///
/// The navigation is a bar fixed to the bottom of the screen while the text fits it (icons with
/// short labels; the page ends above it). With large text on a narrow screen (a container query in layout.css, measured
/// in the text's own size) it becomes a plain list at the end of the page, and the header's
/// "Menu" link goes to it, so it never covers the page or its messages.
#[component]
pub fn PatientLayout(#[prop(optional)] children: Option<Children>) -> impl IntoView {
    keep_messages_in_view();
    let to_menu = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        focus_later("#main-nav");
    };
    view! {
        <div class="app-frame">
            <header class="top-bar">
                <A href=paths::TODAY attr:class="brand">"Everyday"</A>
                <span class="top-links">
                    <a href="#main-nav" class="top-link menu-link" on:click=to_menu>"Menu"</a>
                    <A href=paths::SETTINGS attr:class="top-link">"Settings"</A>
                </span>
            </header>
            <Notices/>
            <main id="main" class="page">{page_or_outlet(children)}</main>
            <nav class="bottom-nav" id="main-nav" tabindex="-1" aria-label="Main">
                <NavItem href=paths::TODAY label="Today" icon="M12 3v2m0 14v2M3 12h2m14 0h2M6 6l1.5 1.5M16.5 16.5 18 18M6 18l1.5-1.5M16.5 7.5 18 6M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"/>
                <NavItem href=paths::GOALS label="Goals" icon="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10zm0 3.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"/>
                <NavItem href=paths::DIARY label="Diary" icon="M6 3h11a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6zM6 3v18M10 8h6M10 12h6"/>
                <NavItem href=paths::CHECKLISTS label="Checklists" icon="M4 6l2 2 3-3M4 13l2 2 3-3M12 7h8M12 14h8M12 20h8"/>
                <NavItem href=paths::PROGRESS label="Progress" icon="M4 20V10M10 20V4M16 20v-7M22 20H2"/>
            </nav>
        </div>
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
            <span class="nav-label">{label}</span>
        </A>
    }
}

/// The layout for the OT's area: no patient navigation, nothing of the patient's.
#[component]
pub fn RoleLayout(role: &'static str) -> impl IntoView {
    view! { <RoleFrame role=role><Outlet/></RoleFrame> }
}

/// The frame of a role's page (the OT's area, the employer's page): the role's name in the
/// header and the page, without the patient's navigation. The employer's page uses it without
/// the router (it is a program of its own, `src/bin/employer.rs`).
#[component]
pub fn RoleFrame(role: &'static str, children: Children) -> impl IntoView {
    keep_messages_in_view();
    view! {
        <div class="app-frame">
            <header class="top-bar role-bar">
                <span class="brand">"Everyday"</span>
                <span class="role-name">{role}</span>
            </header>
            <main id="main" class="page page-wide">{children()}</main>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading title="Page not found"/>
        <p>"There is no page at this address. Your records are safe."</p>
        <p><A href=paths::TODAY>"Go to Today"</A></p>
    }
}

/// The employer's page reached from inside the app (a link the person opened to try it): it is
/// a program of its own, so the browser loads it afresh at the same address.
#[component]
pub fn EmployerElsewhere() -> impl IntoView {
    let location = window().location();
    if let Ok(href) = location.href() {
        let _ = location.replace(&href);
    }
    view! { <p role="status">"Opening the plan…"</p> }
}
