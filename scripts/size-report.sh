#!/usr/bin/env bash
# Builds the release app, then prints what each visit downloads before it can be used (headless
# Chromium) against the budgets. Pass --enforce to fail when over budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/build.sh
exec node scripts/size-report.mjs dist "$@"
