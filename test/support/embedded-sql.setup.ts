// jest.embedded.config.mjs: the test databases (test/store/support/mariadb.ts) use the embedded engine.
process.env.RG_TEST_SQL = 'embedded';
