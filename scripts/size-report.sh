#!/usr/bin/env bash
# Builds the release app, then prints its download size against the 200 KB brotli budget.
# Pass --enforce to fail when over budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
exec node scripts/size-report.mjs dist "$@"
