// Cucumber configuration: TypeScript step definitions through tsx, parallel workers, and the
// reports CI publishes (HTML, JUnit XML, JSON for the pass/fail summary line).
const parallel = Number(process.env.CUCUMBER_PARALLEL ?? 2);
// Cucumber merges configured paths with those given on the command line, so the whole suite is
// the default only when the command line names no feature files or folders.
const namesFeatures = process.argv.slice(2).some((a) => !a.startsWith('-') && /(^|\/)features(\/|$)|\.feature(:\d+)*$/.test(a));
module.exports = {
  default: {
    requireModule: ['tsx/cjs'],
    require: ['step-definitions/**/*.ts'],
    paths: namesFeatures ? [] : ['features/**/*.feature'],
    format: ['progress-bar', 'html:reports/cucumber.html', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json'],
    formatOptions: { junit: { suiteName: 'mock-ews' } },
    parallel,
    strict: true,
  },
};
