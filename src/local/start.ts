import { readFileSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import { createMysqlPool } from '../store/mysql-executor';
import { loadPagesFile, type LocalUser } from './confluence-service';
import { startLocalForge, type LocalForge } from './forge-app';
import type { HostUser } from './ui-host/host-pages';
import { startUiHost } from './ui-host/server';

/**
 * `npm start`: the app's Custom UI on localhost, on the local Forge runtime with the demo data —
 * the dashboard, the settings page and the demo runbooks with the macro and byline item, as three
 * local users (a site admin, a space admin, an engineer who may not see one restricted page).
 */
const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);

const USERS: (HostUser & LocalUser)[] = [
  { accountId: 'local-admin', label: 'Ada (site admin)', siteAdmin: true },
  { accountId: 'space-admin', label: 'Sam (SRE space admin)', spaceAdmin: ['98305'] },
  { accountId: 'engineer', label: 'Eli (engineer)' },
];
/** Restricted to the site admin: the engineer must never see its findings or title anywhere. */
const RESTRICTED_PAGE = '12845098';
/** Forge delivers queue events with some latency; a little here makes progress visible locally. */
const DELIVERY_DELAY_MS = Number(process.env.RG_LOCAL_DELIVERY_DELAY_MS ?? 300);

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 5177);
  const url = process.env.FORGE_SQL_URL ?? 'mysql://root@127.0.0.1:3306/runbookguard_local';
  const database = new URL(url).pathname.slice(1);
  const server = await mysql.createConnection(url.replace(/\/[^/]*$/, ''));
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.query(`CREATE DATABASE \`${database}\``);
  await server.end();
  const pool = createMysqlPool(url);
  const pages = loadPagesFile(path.join(ROOT, 'demo', 'space.json'));
  const snapshot = JSON.parse(
    readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8'),
  ) as InventorySnapshot;
  const allSpaces = [...new Set(pages.map((p) => p.spaceId))];
  const users = Object.fromEntries(
    USERS.map((u) => [
      u.accountId,
      { siteAdmin: u.siteAdmin ?? false, spaceAdmin: u.siteAdmin ? allSpaces : (u.spaceAdmin ?? []) },
    ]),
  );
  const forge = startLocalForge({ pool, pages, users, aws: snapshot });
  forge.confluence.restrictions[RESTRICTED_PAGE] = ['local-admin'];
  await forge.installed();
  if (process.env.RG_LOCAL_FIRST_RUN !== '1') await connectAndScan(forge, snapshot);
  const pump = queuePump(forge);
  const host = await startUiHost({ forge, pages, users: USERS, root: ROOT, afterInvoke: pump }, port);
  const address = host.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  console.log(`RunbookGuard is running on the local Forge runtime (demo data):
  Dashboard      ${base}/wiki/apps/runbookguard
  Settings       ${base}/wiki/admin/runbookguard
  A runbook page ${base}/wiki/spaces/98305/pages/1048577
  All pages      ${base}/
Switch users in the top bar. Ctrl+C stops.`);
  const stop = () => {
    host.close();
    forge.stop();
    void pool.end();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The demo's accounts connected and one scan done, so the first screen has something to show. */
async function connectAndScan(forge: LocalForge, snapshot: InventorySnapshot): Promise<void> {
  const accounts = snapshot.accounts.map((a) => ({ roleArn: a.roleArn ?? '', regions: a.regions }));
  await forge.resolver('saveSettings', { accounts }, 'local-admin');
  await forge.resolver('startScan', {}, 'local-admin');
  await forge.drain();
}

/** Delivers queued events in the background, one at a time, after each UI call that may add some. */
function queuePump(forge: LocalForge): () => void {
  let running = false;
  return () => {
    if (running) return;
    running = true;
    void (async () => {
      try {
        while (forge.queue.pending.length > 0) {
          await new Promise((r) => setTimeout(r, DELIVERY_DELAY_MS));
          await forge.drain(1);
        }
      } catch (error) {
        console.error('local queue: a delivery failed', error instanceof Error ? error.message : error);
      } finally {
        running = false;
      }
    })();
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
