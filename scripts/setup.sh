#!/usr/bin/env bash
# Installs (only when missing or at the wrong version) everything needed to build, test and
# serve Everyday. Idempotent and fast when everything is in place; prints one line per step.
# Needs: rustup + cargo, Node 20 + npm, Python 3 and apt (as root) on Debian 12. Downloads only
# from crates.io, npm, PyPI, Debian and the rustup server (never GitHub).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

TRUNK_VERSION="0.21.14"
# Python's icalendar: the independent parser scripts/check-ics.py reads the app's .ics with.
ICALENDAR_VERSION="6.3.2"
# wasm-split-cli, from the crate wasm_split_cli_support (scripts/split.mjs).
WASM_SPLIT_VERSION="0.2.4"

ok() { echo "ok: $*"; }
installing() { echo "installing: $*"; }
die() { echo "error: $*" >&2; exit 1; }

command -v rustup >/dev/null || die "rustup not found (install Rust with rustup first)"
command -v cargo >/dev/null || die "cargo not found"
command -v node >/dev/null || die "node not found (Node 20 or newer is needed)"
command -v npm >/dev/null || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "${node_major}" -ge 20 ] || die "Node ${node_major} is too old: Node 20 or newer is needed"

# --- Rust target and components -----------------------------------------------------------
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  ok "rust target wasm32-unknown-unknown"
else
  installing "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^${component}"; then
    ok "rust component ${component}"
  else
    installing "rust component ${component}"
    rustup component add "${component}"
  fi
done

# --- trunk (pinned: 0.22 needs a newer rustc) ---------------------------------------------
if command -v trunk >/dev/null && [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "${TRUNK_VERSION}" ]; then
  ok "trunk ${TRUNK_VERSION}"
else
  installing "trunk ${TRUNK_VERSION} (several minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "${TRUNK_VERSION}"
fi

# --- wasm-bindgen CLI at exactly the version in Cargo.lock ---------------------------------
[ -f Cargo.lock ] || die "Cargo.lock is missing (run 'cargo generate-lockfile' or a cargo build first)"
WBG_VERSION="$(awk '
  /^\[\[package\]\]/ { name = "" }
  /^name = / { gsub(/"/, "", $3); name = $3 }
  /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[ -n "${WBG_VERSION}" ] || die "no wasm-bindgen package found in Cargo.lock"
have_wbg=""
if command -v wasm-bindgen >/dev/null && command -v wasm-bindgen-test-runner >/dev/null; then
  have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
fi
if [ "${have_wbg}" = "${WBG_VERSION}" ]; then
  ok "wasm-bindgen-cli ${WBG_VERSION}"
else
  installing "wasm-bindgen-cli ${WBG_VERSION} (found: ${have_wbg:-none}; a few minutes)"
  # Not --locked: its lockfile wants a crate version the registry mirror lacks.
  cargo install --force wasm-bindgen-cli --version "=${WBG_VERSION}"
fi

# --- Crate sources -------------------------------------------------------------------------------
# Trunk.toml sets offline = true, which makes trunk run `cargo build --offline`: every crate in
# Cargo.lock (for every target) must already be downloaded. No network when they are.
if cargo fetch --offline >/dev/null 2>&1; then
  ok "crate sources (Cargo.lock)"
else
  installing "crate sources (cargo fetch)"
  cargo fetch
fi

# --- wasm-split-cli (cuts the app into a part per section; scripts/split.mjs) --------------
# From the crate registry. Upgrade it only together with wasm-bindgen and Leptos (whose
# wasm_split_helpers must match the format it reads).
if command -v wasm-split-cli >/dev/null \
  && cargo install --list | grep -qx "wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  ok "wasm-split-cli ${WASM_SPLIT_VERSION}"
else
  installing "wasm-split-cli ${WASM_SPLIT_VERSION} (crate wasm_split_cli_support; a few minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --force wasm_split_cli_support --version "=${WASM_SPLIT_VERSION}" --features build-binary
fi

# --- wasm-opt: deliberately not used ----------------------------------------------------------
# Debian 12's binaryen (108) silently breaks the app, and the release profile strips the
# target-features section wasm-opt needs. scripts/build.sh never runs it. Nothing to install.

# --- Chromium and chromedriver (browser tests and end-to-end tests) --------------------------
if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null; then
  ok "chromium and chromedriver"
else
  installing "chromium and chromium-driver (apt)"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  ${SUDO} env DEBIAN_FRONTEND=noninteractive apt-get update -q
  ${SUDO} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

# --- Node modules (Playwright, axe) from the lockfile ------------------------------------------
# Never 'npx playwright install': Playwright drives the system Chromium instead.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ package.json -nt node_modules/.package-lock.json ]; then
  installing "node modules (npm ci)"
  npm ci --no-audit --no-fund
else
  ok "node modules"
fi

# --- Python's icalendar (test only: scripts/check-ics.py), in a venv under .tools/ ------------
PYENV=".tools/pyenv"
if [ -x "${PYENV}/bin/python" ] \
  && [ "$("${PYENV}/bin/python" -c 'import icalendar; print(icalendar.__version__)' 2>/dev/null)" = "${ICALENDAR_VERSION}" ]; then
  ok "python icalendar ${ICALENDAR_VERSION} (${PYENV})"
else
  installing "python icalendar ${ICALENDAR_VERSION} into ${PYENV} (PyPI)"
  command -v python3 >/dev/null || die "python3 not found"
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    ${SUDO} env DEBIAN_FRONTEND=noninteractive apt-get update -q
    ${SUDO} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
  fi
  rm -rf "${PYENV}"
  python3 -m venv "${PYENV}"
  "${PYENV}/bin/pip" install --quiet --disable-pip-version-check "icalendar==${ICALENDAR_VERSION}"
fi
