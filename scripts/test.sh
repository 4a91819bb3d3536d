#!/usr/bin/env bash
# The whole test suite: type-check, then every Cucumber scenario under c8 coverage.
# Writes coverage/ (text-summary, lcov, HTML) and reports/ (Cucumber HTML, JUnit XML, JSON),
# and ends with the line "N passed, N failed" (scenarios).
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf coverage reports && mkdir -p reports
npx tsc --noEmit || { echo "type check failed"; echo "0 passed, 1 failed"; exit 1; }
npx c8 --reporter=text-summary --reporter=lcov --reporter=html --report-dir=coverage \
  --include='mock-ews/src/**' --include='syncer/src/**' \
  cucumber-js "$@"
status=$?
npx tsx scripts/scenario-summary.ts reports/cucumber.json || status=1
exit $status
