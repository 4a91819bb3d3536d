# Sourced by the scripts that write reports/ and coverage/ (test.sh, profile-matrix.sh): one such run
# per working tree at a time, since test.sh starts by clearing both. A second run waits, saying so.
# The scripts start their commands with 9>&-, so only the script itself holds the lock: a process
# left behind by a test cannot keep the next run waiting.
mkdir -p node_modules/.cache/mock-ews
exec 9>node_modules/.cache/mock-ews/reports.lock
if ! flock -n 9; then
  echo "another test run in this working tree is writing reports/ and coverage/; waiting for it to finish" >&2
  flock 9
fi
