// Cucumber configuration: TypeScript step definitions through tsx, parallel workers, and the
// reports CI publishes (HTML, JUnit XML, JSON for the pass/fail summary line, and the message
// stream scripts/suite-timings.ts reads to show where the time goes).
// Four workers on two cores: much of a scenario is waiting (sockets, timers, child processes), and the
// extra workers fill that time; see docs/BENCHMARKS.md, figure 5 (3 workers: 181 s of Cucumber for
// 1,110 scenarios, 4: 166 s on 2026-11-28).
const parallel = Number(process.env.CUCUMBER_PARALLEL ?? 4);
// Cucumber merges configured paths with those given on the command line, so the whole suite is
// the default only when the command line names no feature files or folders.
const namesFeatures = process.argv.slice(2).some((a) => !a.startsWith('-') && /(^|\/)features(\/|$)|\.feature(:\d+)*$/.test(a));
// Workers take scenarios in this order, so the features with the longest scenarios come first:
// started last, one of them would keep a worker busy long after the others ran out of work.
// Cucumber drops the repeats when the glob expands.
const LONGEST_FIRST = [
  'features/reliability/syncer-kill.feature',
  'features/reliability/permissions.feature',
  'features/admin/harness.feature',
  'features/mock-cli/example-script.feature',
  'features/import/failures.feature',
];
module.exports = {
  default: {
    requireModule: ['tsx/cjs'],
    require: ['step-definitions/**/*.ts'],
    paths: namesFeatures ? [] : [...LONGEST_FIRST, 'features/**/*.feature'],
    format: ['progress-bar', 'html:reports/cucumber.html', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json', 'message:reports/cucumber.ndjson'],
    formatOptions: { junit: { suiteName: 'mock-ews' } },
    parallel,
    strict: true,
  },
};
