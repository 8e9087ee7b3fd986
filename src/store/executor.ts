/**
 * The storage layer's only dependency: a small SQL executor. Forge SQL (src/store/forge-executor.ts)
 * and a MySQL-compatible server (src/store/mysql-executor.ts) both implement it, so repositories
 * run unchanged on Forge and locally. One statement per call: Forge SQL allows nothing else.
 */
export type SqlValue = string | number | null;

export interface SqlExecutor {
  /** A SELECT; rows as plain objects keyed by column name. */
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** An INSERT, UPDATE or DELETE. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<{ affectedRows: number }>;
}

/** Numbers may come back as strings (BIGINT over JSON); every read goes through these. */
export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`expected a number from SQL, got ${typeof value}`);
  return n;
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw new Error(`expected a string from SQL, got ${value === null ? 'null' : typeof value}`);
}

export function strOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : str(value);
}
