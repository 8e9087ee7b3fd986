import { str, type SqlExecutor } from '../executor';

/**
 * A named lock with an expiry, taken in one statement: it goes to the caller if free, expired, or
 * already the caller's (renewal); otherwise the row is left alone. Then read back to learn who won.
 * Assignments run left to right, so `expires_at` checks the holder after it may have changed.
 */
export async function acquireLock(
  db: SqlExecutor,
  name: string,
  holder: string,
  ttlMs: number,
  now: number,
): Promise<boolean> {
  await db.execute(
    `INSERT INTO rg_locks (name, holder, expires_at) VALUES (?, ?, ?)
     ON DUPLICATE KEY UPDATE
       holder = IF(expires_at <= ? OR holder = VALUES(holder), VALUES(holder), holder),
       expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at)`,
    [name, holder, now + ttlMs, now],
  );
  return (await lockHolder(db, name, now)) === holder;
}

export async function releaseLock(db: SqlExecutor, name: string, holder: string): Promise<void> {
  await db.execute('DELETE FROM rg_locks WHERE name = ? AND holder = ?', [name, holder]);
}

/** The current holder, or null when the lock is free or expired. */
export async function lockHolder(db: SqlExecutor, name: string, now: number): Promise<string | null> {
  const rows = await db.query<{ holder: unknown }>(
    'SELECT holder FROM rg_locks WHERE name = ? AND expires_at > ?',
    [name, now],
  );
  return rows[0] ? str(rows[0].holder) : null;
}

/** Frees a lock whoever holds it (a debounce marker cleared by the job it announced). */
export async function dropLock(db: SqlExecutor, name: string): Promise<void> {
  await db.execute('DELETE FROM rg_locks WHERE name = ?', [name]);
}
