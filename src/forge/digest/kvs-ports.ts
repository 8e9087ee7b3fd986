import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseDigestState } from '../../core/digest';
import { normalizeEmail } from '../../email/opt-out';
import { MAX_DIGEST_RECIPIENTS, WEEKDAY_VALUES } from '../../shared/contract-settings';
import type { KeyValue } from '../deps';
import type { DigestSettings, DigestStateStore, OptOutStore } from './ports';

/** KVS keys of the digest: small values, one each per install. */
export const DIGEST_KEYS = {
  settings: 'digest-settings',
  state: 'digest-state',
  optOuts: 'digest-opt-outs',
  signingKey: 'digest-signing-key',
  /** When the last test digest went out (epoch ms): one a minute per install. */
  lastTestSend: 'digest-test-sent-at',
} as const;

/** At most this many recipients: the settings page's limit, and 5 batches of 100. */
export const MAX_RECIPIENTS = MAX_DIGEST_RECIPIENTS;

export const digestSettingsSchema = z.object({
  recipients: z.array(z.email()).max(MAX_RECIPIENTS),
  // Settings saved before the weekday existed read as Monday, the start of the ISO week.
  weekday: z.enum(WEEKDAY_VALUES).default('monday'),
  sendWhenQuiet: z.boolean(),
});

const DEFAULT_SETTINGS: DigestSettings = { recipients: [], weekday: 'monday', sendWhenQuiet: false };

/** Unset or unreadable settings mean "nobody to send to": the digest never guesses recipients. */
export async function readDigestSettings(kv: KeyValue): Promise<DigestSettings> {
  const parsed = digestSettingsSchema.safeParse(await kv.get(DIGEST_KEYS.settings));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeDigestSettings(kv: KeyValue, settings: DigestSettings): Promise<void> {
  await kv.set(DIGEST_KEYS.settings, digestSettingsSchema.parse(settings));
}

export function kvDigestState(kv: KeyValue): DigestStateStore {
  return {
    async load() {
      const parsed = parseDigestState(await kv.get(DIGEST_KEYS.state));
      return parsed.ok ? parsed.state : null;
    },
    save: (state) => kv.set(DIGEST_KEYS.state, state),
  };
}

export function kvOptOuts(kv: KeyValue): OptOutStore {
  const read = async (): Promise<string[]> => {
    const parsed = z.array(z.string()).safeParse(await kv.get(DIGEST_KEYS.optOuts));
    return parsed.success ? parsed.data : [];
  };
  return {
    list: async () => new Set(await read()),
    async add(email) {
      const all = new Set(await read());
      all.add(normalizeEmail(email));
      await kv.set(DIGEST_KEYS.optOuts, [...all].sort());
    },
  };
}

/** The install's opt-out signing key: created once, kept in KVS, never sent or logged. */
export async function ensureSigningKey(kv: KeyValue): Promise<string> {
  const current = await kv.get(DIGEST_KEYS.signingKey);
  if (typeof current === 'string' && current.length >= 32) return current;
  const key = randomBytes(32).toString('base64url');
  await kv.set(DIGEST_KEYS.signingKey, key);
  return key;
}
