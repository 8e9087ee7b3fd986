import { sql } from '@forge/sql';
import type { SqlExecutor, SqlValue } from './executor';

/** Forge SQL: the DML endpoint with server-side parameters (never string-built values). */
export function forgeSqlExecutor(): SqlExecutor {
  return {
    async query<Row extends object>(query: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      const result = await sql
        .prepare<Row>(query)
        .bindParams(...params)
        .execute();
      return result.rows as Row[];
    },
    async execute(query: string, params: readonly SqlValue[] = []) {
      const result = await sql
        .prepare<{ affectedRows: number }>(query)
        .bindParams(...params)
        .execute();
      const rows: unknown = result.rows;
      const affected = (rows as { affectedRows?: unknown } | null)?.affectedRows;
      return { affectedRows: typeof affected === 'number' ? affected : Number(affected ?? 0) };
    },
  };
}
