import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { FORGE_LIMITS } from './limits';
import { bodyText, jsonResponse, type ServiceHandler } from './runtime';

/**
 * Forge KVS as @forge/kvs calls it: POST /api/v1/{get,set,delete} (and the secret/ variants) with a
 * JSON body `{key, value?}`; a missing key answers 404 `{code:'KEY_NOT_FOUND'}`, which the client
 * turns into `undefined`. Values live in memory, optionally mirrored to a JSON file after each write.
 * Forge's limits are enforced as its errors: a key over 500 bytes answers 400 KEY_TOO_LONG, a value
 * over 240 KiB (as JSON) 400 MAX_SIZE (limits-kvs-ce, storage-reference/handling-errors-kvs).
 */
export interface KvsStore {
  values: Map<string, unknown>;
  secrets: Map<string, unknown>;
  /** The largest value (JSON bytes) ever written, and how many writes were refused. */
  largestValueBytes: number;
  refused: number;
  /** Keys written with a TTL, with when they expire (epoch ms). */
  expires: Map<string, number>;
}

const TTL_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

const setOptionsSchema = z
  .object({
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    ttl: z
      .object({ value: z.number().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) })
      .optional(),
  })
  .passthrough();

export function newKvsStore(file?: string): KvsStore {
  const store: KvsStore = {
    values: new Map(),
    secrets: new Map(),
    largestValueBytes: 0,
    refused: 0,
    expires: new Map(),
  };
  if (file !== undefined && existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { values?: Record<string, unknown> };
    for (const [k, v] of Object.entries(saved.values ?? {})) store.values.set(k, v);
  }
  return store;
}

export function kvsService(
  store: KvsStore = newKvsStore(),
  file?: string,
  now: () => number = () => Date.now(),
): ServiceHandler {
  return (target, path, init) => {
    if (target.type !== 'kvs') return null;
    const body = JSON.parse(bodyText(init) || '{}') as { key?: unknown; value?: unknown; options?: unknown };
    const secret = path.startsWith('/api/v1/secret/');
    const map = secret ? store.secrets : store.values;
    for (const [k, at] of store.expires)
      if (at <= now()) {
        store.values.delete(k);
        store.expires.delete(k);
      }
    const op = path.replace('/api/v1/secret/', '/api/v1/');
    const key = typeof body.key === 'string' ? body.key : null;
    if (key === null) return Promise.resolve(jsonResponse(400, { code: 'BAD_REQUEST', message: 'key' }));
    if (Buffer.byteLength(key) > FORGE_LIMITS.kvsKeyBytes) {
      store.refused += 1;
      return Promise.resolve(jsonResponse(400, { code: 'KEY_TOO_LONG', message: 'key over 500 bytes' }));
    }
    switch (op) {
      case '/api/v1/get':
        if (!map.has(key)) return Promise.resolve(notFound(key));
        return Promise.resolve(jsonResponse(200, { key, value: map.get(key) }));
      case '/api/v1/set': {
        const bytes = Buffer.byteLength(JSON.stringify(body.value ?? null));
        store.largestValueBytes = Math.max(store.largestValueBytes, bytes);
        if (bytes > FORGE_LIMITS.kvsValueBytes) {
          store.refused += 1;
          return Promise.resolve(
            jsonResponse(400, { code: 'MAX_SIZE', message: `value of ${bytes} bytes is over 240 KiB` }),
          );
        }
        const options = setOptionsSchema.safeParse(body.options ?? {});
        if (!options.success)
          return Promise.resolve(jsonResponse(400, { code: 'BAD_REQUEST', message: 'set options' }));
        // keyPolicy FAIL_IF_EXISTS is an atomic create: the status and code are this emulation's.
        if (options.data.keyPolicy === 'FAIL_IF_EXISTS' && map.has(key))
          return Promise.resolve(jsonResponse(409, { code: 'KEY_ALREADY_EXISTS', message: `${key} exists` }));
        map.set(key, structuredClone(body.value));
        const ttl = options.data.ttl;
        if (ttl) store.expires.set(key, now() + ttl.value * TTL_MS[ttl.unit]);
        else store.expires.delete(key);
        persist(store, file);
        return Promise.resolve(new Response('', { status: 200 }));
      }
      case '/api/v1/delete':
        map.delete(key);
        store.expires.delete(key);
        persist(store, file);
        return Promise.resolve(new Response(null, { status: 204 }));
      default:
        return Promise.resolve(
          jsonResponse(501, { code: 'NOT_EMULATED', message: `local KVS: ${path} is not emulated` }),
        );
    }
  };
}

function notFound(key: string): Response {
  return jsonResponse(404, { code: 'KEY_NOT_FOUND', message: `no value for ${key}` });
}

function persist(store: KvsStore, file: string | undefined): void {
  // Secrets stay in memory: a local file must never hold them.
  // Leases (keys with a TTL) stay in memory too: a lock must not outlive the process that held it.
  const lasting = [...store.values].filter(([key]) => !store.expires.has(key));
  if (file !== undefined) writeFileSync(file, JSON.stringify({ values: Object.fromEntries(lasting) }));
}
