import { z } from 'zod';
import { generateExternalId } from '../core/inventory/external-id';
import type { AccountSetting } from './aws';
import type { KeyValue } from './deps';

export const SETTINGS_KEY = 'settings';
export const EXTERNAL_ID_KEY = 'external-id';

const settingsSchema = z.object({
  accounts: z.array(
    z.object({
      account: z.string().regex(/^\d{12}$/),
      roleArn: z.string(),
      regions: z.array(z.string()).nullable(),
      connectedAt: z.number(),
      connectedBy: z.string().nullable(),
    }),
  ),
});
export type StoredAccount = AccountSetting & { connectedAt: number; connectedBy: string | null };
export type Settings = z.infer<typeof settingsSchema>;

/** Settings live in KVS (a few accounts; no secrets: the role trust needs only the External ID). */
export async function readSettings(kv: KeyValue): Promise<Settings> {
  const parsed = settingsSchema.safeParse(await kv.get(SETTINGS_KEY));
  return parsed.success ? parsed.data : { accounts: [] };
}

export async function writeSettings(kv: KeyValue, settings: Settings): Promise<void> {
  await kv.set(SETTINGS_KEY, settingsSchema.parse(settings));
}

/**
 * The install's External ID: created once (install trigger, or first need), never replaced. Two
 * first calls at once (the installed event and a settings page) each mint one; only the first write
 * lands, and the other adopts it, so no role is ever set up with an ID that is later replaced.
 */
export async function ensureExternalId(kv: KeyValue): Promise<string> {
  const current = await kv.get(EXTERNAL_ID_KEY);
  if (typeof current === 'string') return current;
  const id = generateExternalId();
  if (await kv.setIfAbsent(EXTERNAL_ID_KEY, id)) return id;
  const winner = await kv.get(EXTERNAL_ID_KEY);
  if (typeof winner !== 'string') throw new Error('the External ID was taken but cannot be read');
  return winner;
}
