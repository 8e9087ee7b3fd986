// The storage tests (test/store) and the app in the local Forge runtime (test/local), the same files
// as test:services, on the embedded SQL engine (SQLite in WebAssembly behind the MySQL translation in
// src/local/embedded-sql): no MariaDB needed. Each test file gets its own in-memory database.
import services from './jest.services.config.mjs';

/** @type {import('jest').Config} */
const config = {
  ...services,
  setupFiles: ['<rootDir>/test/support/embedded-sql.setup.ts'],
};

export default config;
