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

export function mysqlExecutor(pool: mysql.Pool): SqlExecutor & { ddl(sql: string): Promise<void> } {
  return {
    async query<Row extends object>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const [rows] = await pool.query(sql, [...params]);
      return rows as Row[];
    },
    async execute(sql: string, params: readonly SqlValue[] = []) {
      const [result] = await pool.query<mysql.ResultSetHeader>(sql, [...params]);
      return { affectedRows: result.affectedRows };
    },
    async ddl(sql: string) {
      await pool.query(sql);
    },
  };
}
