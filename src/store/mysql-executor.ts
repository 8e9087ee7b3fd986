import mysql from 'mysql2/promise';
import type { SqlExecutor, SqlValue } from './executor';

/**
 * A MySQL-compatible server (MariaDB here, TiDB behind Forge SQL). Options chosen to answer like
 * Forge SQL's JSON API: dates and big numbers as strings, one statement per request.
 */
export function createMysqlPool(url: string): mysql.Pool {
  return mysql.createPool({
    uri: url,
    connectionLimit: 4,
    multipleStatements: false,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
}

/**
 * What the local runtime needs of a SQL server: mysql2's pool.query (`[rows, fields]` for a SELECT,
 * `[header, fields]` otherwise) and end(). A mysql2 pool is one; the embedded engine
 * (src/local/embedded-sql) answers the same way.
 */
export interface SqlPool {
  query(sql: string, values?: unknown[]): Promise<[unknown, unknown]>;
  end(): Promise<void>;
}

export function mysqlExecutor(pool: SqlPool): SqlExecutor & { ddl(sql: string): Promise<void> } {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const [rows] = await pool.query(sql, [...params]);
      return rows as Row[];
    },
    async execute(sql: string, params: readonly SqlValue[] = []) {
      const [result] = await pool.query(sql, [...params]);
      return { affectedRows: (result as mysql.ResultSetHeader).affectedRows };
    },
    async ddl(sql: string) {
      await pool.query(sql);
    },
  };
}
