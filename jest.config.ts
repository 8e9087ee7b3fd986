import type { Config } from 'jest';

// Unit tests are self-contained: no network, no services. Integration tests
// (moto, MariaDB, Chromium) live under test/integration and run via test:integration.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/integration/'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

export default config;
