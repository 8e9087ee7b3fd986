import type { Config } from 'jest';
import base from './jest.config';

// Integration tests talk to local services (moto_server on a loopback port); run with test:integration.
const config: Config = {
  ...base,
  roots: ['<rootDir>/test/integration'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120_000,
  // One moto per file; files in parallel would only compete for the two cores.
  maxWorkers: 1,
};

export default config;
