import { startLocalForge, type LocalForge } from '../../src/local/forge-app';
import { createTestDatabase, type TestDatabase } from '../store/support/mariadb';
import { ADMIN, demoPages, demoSnapshot, demoUsers } from './support/app';

/**
 * Issue 14 item 5: the External ID is minted once. The installed event and a settings page opened
 * right after install both find no ID; before the fix each wrote its own (last write wins), so an
 * admin could copy one into the role's trust policy while the app kept the other.
 */
let t: TestDatabase;
let forge: LocalForge;

beforeAll(async () => {
  t = await createTestDatabase('extid');
  const pages = demoPages();
  forge = startLocalForge({ pool: t.pool, pages, users: demoUsers(pages), aws: demoSnapshot() });
});

afterAll(async () => {
  forge.stop();
  await t.drop();
});

test('concurrent first calls agree on one External ID, and it is the one kept', async () => {
  const [settings, setup, again] = await Promise.all([
    forge.resolver('getSettings', {}, ADMIN),
    forge.resolver('getSetupInfo', {}, ADMIN),
    forge.resolver('getSettings', {}, ADMIN),
    forge.installed(),
  ]);
  const ids = [settings, setup, again].map((a) => {
    expect(a).toMatchObject({ ok: true });
    return (a as { ok: true; data: { externalId: string } }).data.externalId;
  });
  expect(new Set(ids).size).toBe(1);
  expect(forge.kvs.values.get('external-id')).toBe(ids[0]);
});
