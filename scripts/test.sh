#!/usr/bin/env bash
# The test command: formatting, lints (native and wasm32), native tests, browser tests in
# headless Chromium, the release build, end-to-end tests against it, and the size report.
# Stops at the first failure with a non-zero exit code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

started=$(date +%s)
step=0
banner() {
  step=$((step + 1))
  echo
  echo "=== [${step}/12] $* ==="
}
trap 'status=$?; if [ "${status}" -ne 0 ]; then echo; echo "FAILED at step ${step} (exit ${status})" >&2; fi' EXIT

banner "setup (tools and node modules)"
bash scripts/setup.sh

banner "cargo fmt --all -- --check"
cargo fmt --all -- --check

banner "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

banner "cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings (and the employer's page alone)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The employer's page is built without the feature "app" (scripts/build.sh): lint that build too.
cargo clippy --target wasm32-unknown-unknown --no-default-features --lib --bin employer -- -D warnings

banner "cargo test (native)"
rm -rf target/ics-samples
cargo test

banner "calendar files: the .ics written by the native tests, read by Python's icalendar"
.tools/pyenv/bin/python scripts/check-ics.py target/ics-samples

banner "browser tests: cargo test --release --target wasm32-unknown-unknown --test web (headless Chromium)"
# wasm-bindgen-test-runner (the runner in .cargo/config.toml) drives Chromium through
# chromedriver, and adds the headless and no-sandbox flags itself. Release build, because the
# storage benchmark in tests/web.rs reports its timings against the budgets, and --nocapture
# so its figures are printed.
CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}" \
  WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
  cargo test --release --target wasm32-unknown-unknown --test web -- --nocapture

banner "release build (scripts/build.sh)"
bash scripts/build.sh

banner "end-to-end tests (npx playwright test)"
npx --no-install playwright test

banner "domain benchmarks on two years of data (cargo run --release --example ...; figures, not enforced)"
for bench in examples/*_bench.rs; do
  name="$(basename "${bench}" .rs)"
  echo "--- ${name}"
  cargo run --quiet --release --example "${name}"
done

banner "size report: what / , the employer's link and deep links fetch before they can be used (headless Chromium; enforced)"
# Fails when Today's first visit is over its budget (200 KB brotli) or the employer's page over its
# own (150 KB).
node scripts/size-report.mjs dist --enforce

banner "Lighthouse mobile (slow 4G, 4x CPU) on the project's own server (figures, not enforced)"
bash scripts/lighthouse.sh

trap - EXIT
echo
echo "All ${step} steps passed in $(( $(date +%s) - started ))s: fmt, clippy (native + wasm32), cargo test (native + browser), calendar files, release build, end-to-end, benchmarks, size report, Lighthouse."
