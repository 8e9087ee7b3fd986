import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { EmbeddedSql } from '../../../src/local/embedded-sql/engine';
import { createMysqlPool, mysqlExecutor, type SqlPool } from '../../../src/store/mysql-executor';

/**
 * Where the storage and job tests keep their data: RG_TEST_SQL=mysql (the default, `npm run
 * test:services`) is the machine's MariaDB, the real dialect; RG_TEST_SQL=embedded (`npm run
 * test:embedded`) is the embedded engine `npm run local` uses without FORGE_SQL_URL. Both run the
 * same test files.
 */
export const TEST_SQL: 'mysql' | 'embedded' = process.env.RG_TEST_SQL === 'embedded' ? 'embedded' : 'mysql';

/** The machine's MariaDB (root, no password) unless RG_TEST_MYSQL_URL points elsewhere. */
export const SERVER_URL = process.env.RG_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  name: string;
  pool: SqlPool;
  db: ReturnType<typeof mysqlExecutor>;
  drop(): Promise<void>;
}

/** A uniquely named database for one test file, dropped at the end (an in-memory one when embedded). */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `rg_${prefix}_${randomBytes(4).toString('hex')}`;
  if (TEST_SQL === 'embedded') {
    const pool = await EmbeddedSql.open();
    return { name, pool, db: mysqlExecutor(pool), drop: () => pool.end() };
  }
  const admin = await mysql.createConnection(SERVER_URL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.end();
  const pool = createMysqlPool(`${SERVER_URL}/${name}`);
  return {
    name,
    pool,
    db: mysqlExecutor(pool),
    async drop() {
      await pool.end();
      const conn = await mysql.createConnection(SERVER_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
