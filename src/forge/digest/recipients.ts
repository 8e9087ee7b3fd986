import { z } from 'zod';
import { normalizeEmail } from '../../email/opt-out';

const emailSchema = z.email();

export interface RecipientList {
  /** Valid, not opted out, deduplicated, sorted: the same batches (and keys) on every run. */
  send: string[];
  invalid: number;
  optedOut: number;
}

export function recipientsToSend(
  configured: readonly string[],
  optedOut: ReadonlySet<string>,
): RecipientList {
  const valid = new Set<string>();
  let invalid = 0;
  let skipped = 0;
  for (const raw of configured) {
    const email = normalizeEmail(raw);
    if (!emailSchema.safeParse(email).success) invalid += 1;
    else if (optedOut.has(email)) skipped += 1;
    else valid.add(email);
  }
  return { send: [...valid].sort(), invalid, optedOut: skipped };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
