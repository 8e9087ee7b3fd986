import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createMysqlPool, mysqlExecutor } from '../../../src/store/mysql-executor';

/** The machine's MariaDB (root, no password) unless RG_TEST_MYSQL_URL points elsewhere. */
export const SERVER_URL = process.env.RG_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  name: string;
  url: string;
  pool: mysql.Pool;
  db: ReturnType<typeof mysqlExecutor>;
  drop(): Promise<void>;
}

/** A uniquely named database for one test file, dropped at the end. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `rg_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(SERVER_URL);
  await admin.query(`CREATE DATABASE \`${name}\``);
  await admin.end();
  const url = `${SERVER_URL}/${name}`;
  const pool = createMysqlPool(url);
  return {
    name,
    url,
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
