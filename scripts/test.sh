#!/usr/bin/env bash
# The whole test suite: the type check and every Cucumber scenario under c8 coverage, side by side.
# Writes coverage/ (text-summary, lcov, HTML) and reports/ (Cucumber HTML, JUnit XML, JSON, and the
# message stream that `npx tsx scripts/suite-timings.ts` reads), and ends with the line
# "N passed, N failed" (scenarios); a failed type check ends it with "0 passed, 1 failed".
# .test-bundles/ holds the compiled sources of the CLIs scenarios start as child processes
# (step-definitions/support/precompiled.ts); their coverage maps back to the sources through inline source maps.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/reports-lock.sh
rm -rf coverage reports && mkdir -p reports node_modules/.cache/mock-ews
# A larger young generation for every node process of the run (workers, the CLIs they start): the
# scenarios' short-lived XML trees die young instead of being copied into the old generation. On 713
# scenarios: 5 % less CPU and wall time (docs/BENCHMARKS.md, figure 5).
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-semi-space-size=32"
# tsc uses one core for about 20 s; beside the scenarios it fills time the Cucumber workers spend
# waiting on sockets, timers and child processes instead of holding them back. --incremental keeps
# its build info between runs, so a re-run checks only what changed. It runs niced: the Cucumber
# workers, loading their step definitions at the same moment, come first.
nice -n 10 npx tsc --noEmit --incremental --tsBuildInfoFile node_modules/.cache/mock-ews/tsc.tsbuildinfo > reports/tsc.log 2>&1 9>&- &
tsc_pid=$!
npx c8 --reporter=text-summary --reporter=lcov --reporter=html --report-dir=coverage \
  --include='mock-ews/src/**' --include='syncer/src/**' --include='.test-bundles/**' \
  cucumber-js "$@" 9>&-
status=$?
npx tsx scripts/scenario-summary.ts reports/cucumber.json > reports/summary.txt 9>&- || status=1
if wait "$tsc_pid"; then
  cat reports/summary.txt
else
  cat reports/tsc.log
  echo "type check failed (scenarios: $(tail -n 1 reports/summary.txt))"
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
