import { z } from 'zod';
import { FINDING_KINDS, SEVERITIES } from '../match/types';
import type { DigestState } from './types';

/** KVS values are limited in size (Forge: 240 KiB); past this many keys "newly unreferenced" is approximate. */
export const MAX_UNREFERENCED_KEYS = 2000;

const stateSchema = z.object({
  formatVersion: z.literal(1),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  generatedAt: z.string(),
  sent: z.boolean(),
  findings: z.array(
    z.object({
      fingerprint: z.string(),
      pageId: z.string(),
      pageTitle: z.string(),
      spaceKey: z.string(),
      kind: z.enum(FINDING_KINDS),
      severity: z.enum(SEVERITIES),
      value: z.string(),
    }),
  ),
  unscannedRegions: z.array(z.string()),
  unreferenced: z.array(z.string()),
});

/** Validates a stored or user-supplied state; the error is one readable line. */
export function parseDigestState(
  value: unknown,
): { ok: true; state: DigestState } | { ok: false; error: string } {
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return { ok: true, state: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: `not a digest state (${where}${issue?.message ?? 'invalid'})` };
}
