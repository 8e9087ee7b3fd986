import type { KeyValue } from '../../src/forge/deps';
import {
  DIGEST_KEYS,
  ensureSigningKey,
  kvDigestState,
  kvOptOuts,
  readDigestSettings,
  writeDigestSettings,
} from '../../src/forge/digest/kvs-ports';

function memoryKv(): KeyValue & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (key) => Promise.resolve(data.get(key)),
    set: (key, value) => {
      data.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
    setIfAbsent: (key, value) => {
      if (data.has(key)) return Promise.resolve(false);
      data.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve(true);
    },
  };
}

describe('digest settings, state and opt-outs in KVS', () => {
  it('settings: unset means nobody; written ones are validated e-mail addresses', async () => {
    const kv = memoryKv();
    expect(await readDigestSettings(kv)).toEqual({ recipients: [], weekday: 'monday', sendWhenQuiet: false });
    await writeDigestSettings(kv, { recipients: ['ana@acme.io'], weekday: 'monday', sendWhenQuiet: true });
    expect(await readDigestSettings(kv)).toEqual({
      recipients: ['ana@acme.io'],
      weekday: 'monday',
      sendWhenQuiet: true,
    });
    await expect(
      writeDigestSettings(kv, { recipients: ['not an address'], weekday: 'monday', sendWhenQuiet: false }),
    ).rejects.toThrow();
    kv.data.set(DIGEST_KEYS.settings, { recipients: 'ana@acme.io' });
    expect(await readDigestSettings(kv)).toEqual({ recipients: [], weekday: 'monday', sendWhenQuiet: false });
  });

  it('state: a stored state that does not parse is no state', async () => {
    const kv = memoryKv();
    const store = kvDigestState(kv);
    expect(await store.load()).toBeNull();
    kv.data.set(DIGEST_KEYS.state, { formatVersion: 1, week: 'last week' });
    expect(await store.load()).toBeNull();
  });

  it('opt-outs are normalized and kept', async () => {
    const kv = memoryKv();
    const optOuts = kvOptOuts(kv);
    await optOuts.add(' Bo@Acme.io');
    await optOuts.add('bo@acme.io');
    expect([...(await optOuts.list())]).toEqual(['bo@acme.io']);
  });

  it('the signing key is made once and then kept', async () => {
    const kv = memoryKv();
    const key = await ensureSigningKey(kv);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await ensureSigningKey(kv)).toBe(key);
  });
});
