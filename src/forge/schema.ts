import { ensureSchema } from '../store/migrate';
import type { KeyValue } from './deps';

export const SCHEMA_MARKER_KEY = 'schema-version';

/** Migrations before first use, remembered in KVS so warm and cold starts skip the DDL round trips. */
export function ensureSchemaWith({ kv, installId }: { kv: KeyValue; installId: string }): Promise<void> {
  return ensureSchema(installId, {
    read: async () => {
      const value = await kv.get(SCHEMA_MARKER_KEY);
      return typeof value === 'string' ? value : null;
    },
    write: (version) => kv.set(SCHEMA_MARKER_KEY, version),
  });
}
