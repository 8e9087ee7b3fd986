// Service tests: storage (test/store) and the app in the local Forge runtime (test/local) against the real MariaDB at 127.0.0.1:3306 (FORGE_SQL_URL or
// RG_TEST_MYSQL_URL override it). Each test file creates and drops its own database.
// .ci/run starts MariaDB if it is not running, then runs this as `npm run test:services`.
/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/store', '<rootDir>/test/local'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
    // The digest e-mail renders through @react-email/render, whose dynamic import needs this (as in jest.config.ts).
    '/node_modules/@react-email/render/.+\\.c?js$': '<rootDir>/test/support/jest-dynamic-import.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!@react-email/render/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 60_000,
  // Two cores; files in parallel would only queue behind one server.
  maxWorkers: 1,
};

export default config;
