import type { Config } from 'jest';

// Unit tests are self-contained: no network, no services. Integration tests
// (moto, MariaDB) live under test/integration and test/store; the Chromium screenshot test under
// test/browser (test:browser).
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/ui'],
  // Component tests (ui/**/*.test.tsx) pick jsdom with a docblock; everything else runs in node.
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/ui/test-support/style-stub.ts',
    // As in the built resources (scripts/build-ui.mjs): Atlaskit's feature gates answer their defaults.
    '^@atlaskit/feature-gate-js-client/feature-gates$': '<rootDir>/ui/shared/feature-gates-off.ts',
  },
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '<rootDir>/test/integration/',
    '<rootDir>/test/store/',
    '<rootDir>/test/browser/',
    '<rootDir>/test/local/',
  ],
  // Transpile only (type errors are the typecheck step's job): fast, and no native binaries,
  // which this project's registry mirror cannot serve for every platform.
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
    '/node_modules/@react-email/render/.+\\.c?js$': '<rootDir>/test/support/jest-dynamic-import.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!@react-email/render/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

export default config;
