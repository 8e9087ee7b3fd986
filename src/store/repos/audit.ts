import { num, str, strOrNull, type SqlExecutor } from '../executor';

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  actor: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  /** Human detail. Never a secret: callers pass ids and counts, not configuration values. */
  detail: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: number;
}

export async function appendAudit(db: SqlExecutor, entry: AuditEntry, now: number): Promise<void> {
  await db.execute(
    'INSERT INTO rg_audit_log (at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)',
    [
      now,
      entry.actor,
      entry.action.slice(0, 64),
      entry.target?.slice(0, 255) ?? null,
      entry.outcome,
      entry.detail,
    ],
  );
}

/** Newest first; `beforeId` pages backwards. */
export async function listAudit(
  db: SqlExecutor,
  options: { limit: number; beforeId?: number },
): Promise<AuditRecord[]> {
  const limit = Math.max(1, Math.min(200, options.limit));
  const rows = await db.query<Record<string, unknown>>(
    options.beforeId === undefined
      ? `SELECT * FROM rg_audit_log ORDER BY id DESC LIMIT ${limit}`
      : `SELECT * FROM rg_audit_log WHERE id < ? ORDER BY id DESC LIMIT ${limit}`,
    options.beforeId === undefined ? [] : [options.beforeId],
  );
  return rows.map(toRecord);
}

function toRecord(r: Record<string, unknown>): AuditRecord {
  return {
    id: num(r.id),
    at: num(r.at),
    actor: strOrNull(r.actor),
    action: str(r.action),
    target: strOrNull(r.target),
    outcome: str(r.outcome) as AuditOutcome,
    detail: strOrNull(r.detail),
  };
}

/** One target's entries (a finding's fingerprint), newest first, for some actions only. */
export async function auditForTarget(
  db: SqlExecutor,
  target: string,
  actions: readonly string[],
  limit: number,
): Promise<AuditRecord[]> {
  if (actions.length === 0) return [];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT * FROM rg_audit_log WHERE target = ? AND action IN (${actions.map(() => '?').join(', ')})
     ORDER BY id DESC LIMIT ${Math.max(1, Math.min(200, Math.floor(limit)))}`,
    [target, ...actions],
  );
  return rows.map(toRecord);
}
