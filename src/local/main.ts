import { readFileSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import { createMysqlPool } from '../store/mysql-executor';
import { remoteConfluenceFromEnv } from './confluence-remote';
import { loadPagesFile } from './confluence-service';
import { startLocalForge } from './forge-app';

/**
 * `npm run local`: the app in the local Forge runtime with the demo data. SQL goes to FORGE_SQL_URL
 * (default: the local MariaDB, database runbookguard_local, created if missing); KVS to
 * .runbookguard-kvs.json; Confluence is demo/space.json with one site admin, or a real Confluence
 * Cloud site with RG_CONFLUENCE_URL, RG_CONFLUENCE_EMAIL and RG_CONFLUENCE_API_TOKEN; AWS is
 * demo/snapshot.json, or the real SDK (e.g. moto via AWS_ENDPOINT_URL) with RG_LOCAL_AWS=environment.
 * It installs the app, connects the demo accounts, runs a full scan through the queue and prints
 * what the dashboard would show.
 */
const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);
const ADMIN = 'local-admin';

async function main(): Promise<void> {
  const url = process.env.FORGE_SQL_URL ?? 'mysql://root@127.0.0.1:3306/runbookguard_local';
  const database = new URL(url).pathname.slice(1);
  const server = await mysql.createConnection(url.replace(/\/[^/]*$/, ''));
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  await server.end();
  const pool = createMysqlPool(url);
  // RG_CONFLUENCE_URL, _EMAIL and _API_TOKEN: a real Confluence Cloud site instead of the demo space.
  const site = remoteConfluenceFromEnv();
  const pages = loadPagesFile(path.join(ROOT, 'demo', 'space.json'));
  const snapshot = JSON.parse(
    readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8'),
  ) as InventorySnapshot;
  const forge = startLocalForge({
    pool,
    pages,
    users: { [ADMIN]: { siteAdmin: true, spaceAdmin: [...new Set(pages.map((p) => p.spaceId))] } },
    aws: process.env.RG_LOCAL_AWS === 'environment' ? 'environment' : snapshot,
    kvsFile: path.join(process.cwd(), '.runbookguard-kvs.json'),
    ...(site ? { remoteConfluence: site } : {}),
  });
  try {
    await forge.installed();
    const accounts = snapshot.accounts.map((a) => ({ roleArn: a.roleArn ?? '', regions: a.regions }));
    show('saveSettings', await forge.resolver('saveSettings', { accounts }, ADMIN));
    const started = await forge.resolver('startScan', {}, ADMIN);
    show('startScan', started);
    await forge.resumeScan(); // a scan left running by an earlier, interrupted session
    await forge.drain();
    show('getScanProgress', await forge.resolver('getScanProgress', {}, ADMIN));
    const list = (await forge.resolver('listFindings', { limit: 100 }, ADMIN)) as {
      ok: boolean;
      data?: { items: { severity: string; kind: string; pageTitle: string; message: string }[] };
    };
    for (const f of list.data?.items ?? [])
      console.log(`${f.severity.padEnd(7)} ${f.kind.padEnd(13)} ${f.pageTitle} — ${f.message}`);
  } finally {
    forge.stop();
    await pool.end();
  }
}

function show(name: string, answer: unknown): void {
  console.log(`${name}: ${JSON.stringify(answer)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
