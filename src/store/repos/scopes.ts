import { z } from 'zod';
import type { ScopeRule, SpaceOverride } from '../../core/scope';
import { num, str, strOrNull, type SqlExecutor } from '../executor';

const ruleSchema = z.object({
  allPages: z.boolean(),
  labels: z.array(z.string()),
  parentPageIds: z.array(z.string()),
});

export interface StoredOverride extends SpaceOverride {
  updatedBy: string | null;
  updatedAt: number;
}

/** Every space's own scope setting (a few hundred rows at most: one per space that changed it). */
export async function listSpaceOverrides(db: SqlExecutor): Promise<StoredOverride[]> {
  const rows = await db.query<Record<string, unknown>>(
    'SELECT * FROM rg_space_scopes ORDER BY space_id LIMIT 5000',
  );
  return rows.map(toOverride);
}

export async function getSpaceOverride(db: SqlExecutor, spaceId: string): Promise<StoredOverride | null> {
  const rows = await db.query<Record<string, unknown>>('SELECT * FROM rg_space_scopes WHERE space_id = ?', [
    spaceId,
  ]);
  return rows[0] ? toOverride(rows[0]) : null;
}

export async function saveSpaceOverride(
  db: SqlExecutor,
  o: SpaceOverride,
  by: string,
  now: number,
): Promise<void> {
  const rule = o.rule === null ? null : JSON.stringify(ruleSchema.parse(o.rule));
  await db.execute(
    `INSERT INTO rg_space_scopes (space_id, space_key, paused, rule, updated_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE space_key = VALUES(space_key), paused = VALUES(paused), rule = VALUES(rule),
       updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)`,
    [o.space.id, o.space.key, o.paused ? 1 : 0, rule, by, now],
  );
}

function toOverride(row: Record<string, unknown>): StoredOverride {
  const raw = strOrNull(row.rule);
  // A row this code cannot read falls back to the site default rather than failing every scan.
  const parsed: ScopeRule | null = raw === null ? null : (ruleSchema.safeParse(JSON.parse(raw)).data ?? null);
  return {
    space: { id: str(row.space_id), key: str(row.space_key) },
    paused: num(row.paused) !== 0,
    rule: parsed,
    updatedBy: strOrNull(row.updated_by),
    updatedAt: num(row.updated_at),
  };
}
