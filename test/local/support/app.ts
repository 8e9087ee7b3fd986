import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InventorySnapshot } from '../../../src/core/inventory/snapshot';
import { loadPagesFile, type LocalPage } from '../../../src/local/confluence-service';
import { startLocalForge, type LocalForge, type LocalForgeOptions } from '../../../src/local/forge-app';
import { LocalPlatform } from '../../../src/local/platform';
import { createTestDatabase, type TestDatabase } from '../../store/support/mariadb';

export const ROOT = path.resolve(__dirname, '../../..');
export const demoPages = (): LocalPage[] => loadPagesFile(path.join(ROOT, 'demo/space.json'));
export const demoSnapshot = (): InventorySnapshot =>
  JSON.parse(readFileSync(path.join(ROOT, 'demo/snapshot.json'), 'utf8')) as InventorySnapshot;

/** Site admin (and admin of every demo space), a plain viewer, and someone Confluence does not know. */
export const ADMIN = 'acc-admin';
export const VIEWER = 'acc-viewer';
export const STRANGER = 'acc-stranger';

export function demoUsers(pages: readonly LocalPage[]): LocalForgeOptions['users'] {
  return {
    [ADMIN]: { siteAdmin: true, spaceAdmin: [...new Set(pages.map((p) => p.spaceId))] },
    [VIEWER]: {},
  };
}

/** N pages: the demo pages repeated under fresh ids (same content), for paging and chunking. */
export function manyPages(n: number): LocalPage[] {
  const demo = demoPages();
  return Array.from({ length: n }, (_, i) => {
    const base = demo[i % demo.length] as LocalPage;
    return { ...base, id: String(5_000_000 + i), title: `${base.title} (${i})` };
  });
}

export interface Harness {
  t: TestDatabase;
  forge: LocalForge;
  /** Starts (or restarts, as after a crash) the runtime over the same database and KVS. */
  restart(options?: Partial<LocalForgeOptions>): LocalForge;
  close(): Promise<void>;
}

export async function harness(prefix: string, options: Partial<LocalForgeOptions> = {}): Promise<Harness> {
  const t = await createTestDatabase(prefix);
  const pages = options.pages ?? demoPages();
  const base: LocalForgeOptions = {
    pool: t.pool,
    pages,
    users: demoUsers(pages),
    aws: demoSnapshot(),
    ...options,
  };
  let restartedPlatform: LocalPlatform | undefined;
  const h: Harness = {
    t,
    forge: startLocalForge(base),
    restart(more = {}) {
      const kvs = h.forge.kvs;
      // A restarted process keeps the wall clock: a fresh clock would start behind the time the
      // queue's delays had moved to, so leases and backoffs taken before the crash looked still held.
      const clock = h.forge.platform.clock;
      h.forge.stop();
      restartedPlatform?.close();
      restartedPlatform = new LocalPlatform({ clock });
      h.forge = startLocalForge({ ...base, platform: restartedPlatform, ...more });
      for (const [k, v] of kvs.values) h.forge.kvs.values.set(k, v);
      h.forge.confluence.pages =
        h.forge.confluence.pages === base.pages ? base.pages : h.forge.confluence.pages;
      return h.forge;
    },
    async close() {
      h.forge.stop();
      restartedPlatform?.close();
      await t.drop();
    },
  };
  await h.forge.installed();
  return h;
}

/** Connects the demo snapshot's accounts through the settings resolver, as a site admin would. */
export async function connectDemoAccounts(forge: LocalForge): Promise<void> {
  const answer = await forge.resolver(
    'saveSettings',
    { accounts: demoSnapshot().accounts.map((a) => ({ roleArn: a.roleArn as string, regions: a.regions })) },
    ADMIN,
  );
  expect(answer).toMatchObject({ ok: true });
}

/** Findings as stored, in a stable order, without timestamps that differ between runs. */
export async function findingRows(t: TestDatabase): Promise<Record<string, unknown>[]> {
  const [rows] = await t.pool.query(
    'SELECT fingerprint, page_id, space_id, kind, severity, status FROM rg_findings ORDER BY fingerprint',
  );
  return rows as Record<string, unknown>[];
}
