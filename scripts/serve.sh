#!/usr/bin/env bash
# Builds the release app and serves dist/ on http://127.0.0.1:${PORT:-8080}/ (deep links work).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
PORT="${PORT:-8080}"
echo "Serving dist/ at http://127.0.0.1:${PORT}/ (Ctrl+C to stop)"
exec node scripts/server.mjs dist "${PORT}"
