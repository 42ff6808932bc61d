#!/usr/bin/env bash
# Release build of Everyday into dist/:
#  1. cargo builds the app's WebAssembly and the employer's page's (release; build.rs keeps the
#     relocations);
#  2. trunk builds the rest of the site (index.html, the stylesheets, public/) into target/site;
#  3. scripts/split.mjs cuts the WebAssembly into a part per section (wasm-split-cli), binds it
#     (wasm-bindgen --keep-lld-exports) and loads it from index.html;
#  4. scripts/postbuild.mjs joins the stylesheets, adds the CSP, writes the service worker and
#     the compressed copies;
#  5. the finished site replaces dist/. A failure at any step leaves the old dist/ untouched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh

echo "== cargo build --release --target wasm32-unknown-unknown --bin everyday"
cargo build --offline --release --target wasm32-unknown-unknown --bin everyday
# The employer's page alone: without the app's route table and its parts (feature "app").
echo "== cargo build --release --target wasm32-unknown-unknown --bin employer --no-default-features"
cargo build --offline --release --target wasm32-unknown-unknown --bin employer --no-default-features
# cargo writes where CARGO_TARGET_DIR says (target/ by default); the scratch folders below stay in target/.
wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/everyday.wasm"
employer_wasm="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/employer.wasm"

site="target/site"
echo "== trunk build --release --dist ${site} (assets)"
# trunk builds the Rust app itself when the page has no rust link and a Cargo.toml sits beside
# it, so it reads a copy of index.html in a folder of its own, its links pointing back here.
rm -rf "${site}" target/trunk-src
mkdir -p target/trunk-src/page
sed -E 's#(<link data-trunk[^>]* href=")([^/"][^"]*")#\1../../../\2#' index.html > target/trunk-src/page/index.html
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --dist "${site}" target/trunk-src/page/index.html

echo "== split, bind and name the WebAssembly (scripts/split.mjs)"
node scripts/split.mjs "${wasm}" "${site}" "${employer_wasm}"

echo "== CSP, service worker, compressed copies (scripts/postbuild.mjs)"
TRUNK_STAGING_DIR="${site}" TRUNK_SOURCE_DIR="$(pwd)" TRUNK_PUBLIC_URL=/ node scripts/postbuild.mjs

for f in index.html sw.js; do
  [ -f "${site}/${f}" ] || { echo "error: ${f} missing after the build" >&2; exit 1; }
done
if grep -q '__EVERYDAY_' "${site}/sw.js"; then
  echo "error: sw.js still has template placeholders" >&2
  exit 1
fi
grep -q 'http-equiv="Content-Security-Policy"' "${site}/index.html" \
  || { echo "error: index.html has no CSP meta tag" >&2; exit 1; }

rm -rf dist.old
if [ -d dist ]; then mv dist dist.old; fi
mv "${site}" dist
rm -rf dist.old
echo "ok: release build in dist/"
