//! The employer's page as a program of its own: the shared plan's reader and nothing of the
//! patient's app (no stored records, no router, no lock, no other page), so an employer opening
//! a link downloads only what this page needs. index.html loads it instead of the app at
//! `/employer` (`scripts/split.mjs` writes that choice). The page itself is
//! `features::employer`, which the patient's share preview uses too.
#![forbid(unsafe_code)]

#[cfg(target_arch = "wasm32")]
fn main() {
    // No service worker here: it would download the whole patient's app (about 900 KB) to an
    // employer's computer to keep it offline. A person who uses the app has it already, and
    // their phone opens this page offline too.
    everyday::platform::mount(everyday::features::employer::EmployerApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Everyday runs in the browser: see README.md for the command that serves it.");
}
