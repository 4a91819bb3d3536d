// Cucumber configuration of the profile matrix (scripts/profile-matrix.sh): the protocol and
// profile features, once per generation chosen with MOCK_EWS_PROFILE.
module.exports = {
  default: {
    requireModule: ['tsx/cjs'],
    require: ['step-definitions/**/*.ts'],
    paths: ['features/protocol/**/*.feature', 'features/profiles/**/*.feature'],
    format: ['progress', `json:reports/matrix-${process.env.MOCK_EWS_PROFILE ?? 'default'}.json`],
    parallel: Number(process.env.CUCUMBER_PARALLEL ?? 2),
    strict: true,
  },
};
