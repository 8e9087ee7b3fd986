import type { SqlExecutor, SqlValue } from './executor';

/** Forge SQL rejects requests over 1 MiB; stay well under it, the JSON envelope included. */
export const MAX_REQUEST_BYTES = 900 * 1024;
/** Placeholder count per statement stays far below MySQL's 65,535. */
const MAX_ROWS_PER_STATEMENT = 500;

export interface BatchInsert {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly SqlValue[])[];
  /** Appended after VALUES, e.g. "ON DUPLICATE KEY UPDATE …" for idempotent upserts. */
  suffix?: string;
  maxBytes?: number;
}

/**
 * Multi-row INSERTs, each request sized under the limit. Sizes are measured as Forge SQL sends
 * them: the statement text plus the JSON-encoded parameters. A single row too big for one request
 * is an error, never a silent truncation.
 */
export async function batchInsert(
  db: SqlExecutor,
  spec: BatchInsert,
): Promise<{ statements: number; maxBytes: number }> {
  const limit = spec.maxBytes ?? MAX_REQUEST_BYTES;
  const rowSql = `(${spec.columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES `;
  const tail = spec.suffix ? ` ${spec.suffix}` : '';
  const fixed = byteLength(head) + byteLength(tail) + 64; // 64: {"query":…,"params":[…],"method":"all"}
  let batch: (readonly SqlValue[])[] = [];
  let size = fixed;
  let statements = 0;
  let largest = 0;

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const sql = head + batch.map(() => rowSql).join(', ') + tail;
    await db.execute(sql, batch.flat());
    statements += 1;
    largest = Math.max(largest, size);
    batch = [];
    size = fixed;
  };

  for (const row of spec.rows) {
    if (row.length !== spec.columns.length) throw new Error(`${spec.table}: row has ${row.length} values`);
    const rowBytes = byteLength(rowSql) + 2 + byteLength(JSON.stringify(row));
    if (fixed + rowBytes > limit)
      throw new Error(`${spec.table}: one row is ${rowBytes} bytes, over the request limit`);
    if (size + rowBytes > limit || batch.length >= MAX_ROWS_PER_STATEMENT) await flush();
    batch.push(row);
    size += rowBytes;
  }
  await flush();
  return { statements, maxBytes: largest };
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
