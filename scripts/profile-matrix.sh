#!/usr/bin/env bash
# Runs the protocol and profile features once per Exchange generation (docs/PROFILES.md).
# PROFILE_MATRIX="Exchange2007_SP1 ExchangeOnline" limits the rows; default: every profile.
# Each row skips the scenarios that do not apply to its generation; ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/reports-lock.sh
mkdir -p reports
profiles=${PROFILE_MATRIX:-"Exchange2007 Exchange2007_SP1 Exchange2010 Exchange2010_SP1 Exchange2010_SP2 Exchange2013 Exchange2013_SP1 Exchange2016 Exchange2019 ExchangeOnline"}
status=0
for p in $profiles; do
  echo "== $p"
  MOCK_EWS_PROFILE=$p npx cucumber-js --config scripts/profile-matrix.cucumber.js "$@" 9>&- || status=1
done
npx tsx scripts/matrix-summary.ts $profiles 9>&- || status=1
exit $status
