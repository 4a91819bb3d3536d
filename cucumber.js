// Cucumber configuration: TypeScript step definitions through tsx, parallel workers, and the
// reports CI publishes (HTML, JUnit XML, JSON for the pass/fail summary line).
const parallel = Number(process.env.CUCUMBER_PARALLEL ?? 2);
module.exports = {
  default: {
    requireModule: ['tsx/cjs'],
    require: ['step-definitions/**/*.ts'],
    paths: ['features/**/*.feature'],
    format: ['progress-bar', 'html:reports/cucumber.html', 'junit:reports/cucumber.xml', 'json:reports/cucumber.json'],
    formatOptions: { junit: { suiteName: 'mock-ews' } },
    parallel,
    strict: true,
  },
};
