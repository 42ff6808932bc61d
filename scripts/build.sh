#!/usr/bin/env bash
# Release build of Everyday into dist/ (trunk; wasm-opt off; CSP and service worker added by
# scripts/postbuild.mjs). Fails if the build fails: trunk would leave the old dist/ in place.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

bash scripts/setup.sh

echo "== trunk build --release --dist dist"
status=0
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --dist dist || status=$?
if [ "${status}" -ne 0 ]; then
  echo "error: trunk build failed (exit ${status}); dist/ was not updated" >&2
  exit "${status}"
fi
for f in dist/index.html dist/sw.js; do
  [ -f "${f}" ] || { echo "error: ${f} missing after the build" >&2; exit 1; }
done
if grep -q '__EVERYDAY_' dist/sw.js; then
  echo "error: dist/sw.js still has template placeholders (did the post_build hook run?)" >&2
  exit 1
fi
grep -q 'http-equiv="Content-Security-Policy"' dist/index.html \
  || { echo "error: dist/index.html has no CSP meta tag (did the post_build hook run?)" >&2; exit 1; }
echo "ok: release build in dist/"
