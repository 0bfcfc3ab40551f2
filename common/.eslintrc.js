module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // Tests may assert through small helpers named expect*.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*'] },
    ],
    // Tests that read the files shared beside the repository are declared
    // with it or it.skip, chosen when the test file loads.
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['itWithSharedFiles'] },
    ],
  },
});
