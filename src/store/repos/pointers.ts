import { str, type SqlExecutor } from '../executor';

/** Switching a pointer is a single upsert: the one atomic step Forge SQL gives us without transactions. */
export async function switchPointer(
  db: SqlExecutor,
  name: string,
  value: string,
  now: number,
): Promise<void> {
  await db.execute(
    `INSERT INTO rg_pointers (name, value, updated_at) VALUES (?, ?, ?)
     ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)`,
    [name, value, now],
  );
}

export async function readPointer(db: SqlExecutor, name: string): Promise<string | null> {
  const rows = await db.query<{ value: unknown }>('SELECT value FROM rg_pointers WHERE name = ?', [name]);
  return rows[0] ? str(rows[0].value) : null;
}
