// Browser tests: the rendered digest e-mail in Debian's Chromium (playwright-core drives
// /usr/bin/chromium; no browser download). Screenshots go to test-output/browser/.
// .ci/run installs chromium when it is missing, then runs this as `npm run test:browser`.
/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
    '/node_modules/@react-email/render/.+\\.c?js$': '<rootDir>/test/support/jest-dynamic-import.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!@react-email/render/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60_000,
  maxWorkers: 1,
};

export default config;
