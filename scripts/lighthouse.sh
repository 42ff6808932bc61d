#!/usr/bin/env bash
# Lighthouse (mobile: simulated slow 4G and a 4x slower CPU) against the built app in dist/,
# served by the project's own server (scripts/server.mjs, compressed as a host should).
# Prints the performance score and the timings against the budgets (score at least 95,
# LCP at most 1.2 s) and marks a figure OVER; it never fails on a figure (times are reported,
# not asserted). Lighthouse 12 (13 needs Node 22) is installed from npm into .tools/ on first
# use. Usage: bash scripts/lighthouse.sh [path ...]   (default: / and the employer's page opened
# from a sample link, as an employer opens it: scripts/sample-link.mjs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LH_VERSION="12.8.2"
LH_DIR=".tools/lighthouse"
LH="${LH_DIR}/node_modules/.bin/lighthouse"
if [ -x "${LH}" ] && [ "$(node -p "require('./${LH_DIR}/node_modules/lighthouse/package.json').version" 2>/dev/null)" = "${LH_VERSION}" ]; then
  echo "ok: lighthouse ${LH_VERSION}"
else
  echo "installing: lighthouse ${LH_VERSION} (npm, into ${LH_DIR})"
  mkdir -p "${LH_DIR}"
  npm install --prefix "${LH_DIR}" --no-audit --no-fund --no-save "lighthouse@${LH_VERSION}" >/dev/null
fi
[ -f dist/index.html ] || { echo "error: dist/ is not built (bash scripts/build.sh)" >&2; exit 1; }

PORT="${LH_PORT:-4390}"
node scripts/server.mjs dist "${PORT}" >/dev/null &
server=$!
trap 'kill "${server}" 2>/dev/null || true' EXIT
node -e '
  const url = process.argv[1]; const until = Date.now() + 10000;
  (async () => { for (;;) { try { await fetch(url); return; } catch { if (Date.now() > until) process.exit(1); await new Promise((r) => setTimeout(r, 100)); } } })();
' "http://127.0.0.1:${PORT}/" || { echo "error: the server did not start" >&2; exit 1; }

paths=("$@")
[ "${#paths[@]}" -gt 0 ] || paths=("/" "$(node scripts/sample-link.mjs)")
out="$(mktemp -d)"
for p in "${paths[@]}"; do
  report="${out}/report.json"
  if ! CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "${LH}" "http://127.0.0.1:${PORT}${p}" \
    --only-categories=performance --form-factor=mobile --throttling-method=simulate \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output-path="${report}" --quiet; then
    echo "lighthouse: could not measure ${p} (see above)"
    continue
  fi
  node -e '
    const r = require(process.argv[1]); const a = r.audits; const p = process.argv[2];
    const score = Math.round(r.categories.performance.score * 100);
    const lcp = a["largest-contentful-paint"].numericValue / 1000;
    const mark = (ok) => (ok ? "ok" : "OVER");
    console.log(`lighthouse ${p}: score ${score} (budget >= 95: ${mark(score >= 95)}), ` +
      `LCP ${lcp.toFixed(2)} s (budget <= 1.2 s: ${mark(lcp <= 1.2)}), ` +
      `FCP ${(a["first-contentful-paint"].numericValue / 1000).toFixed(2)} s, ` +
      `TBT ${Math.round(a["total-blocking-time"].numericValue)} ms, ` +
      `interactive ${(a.interactive.numericValue / 1000).toFixed(2)} s, ` +
      `${Math.round(a["total-byte-weight"].numericValue / 1024)} KiB transferred`);
  ' "${report}" "${p%%#*}$([[ "${p}" == *'#'* ]] && echo ' (from a link)')"
done
