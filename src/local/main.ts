import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import { createMysqlPool, type SqlPool } from '../store/mysql-executor';
import { remoteConfluenceFromEnv } from './confluence-remote';
import { loadPagesFile, loadSpacesFile } from './confluence-service';
import { EmbeddedSql } from './embedded-sql/engine';
import { startLocalForge } from './forge-app';

/**
 * `npm run local`: the app in the local Forge runtime with the demo data. SQL goes to the MySQL-compatible
 * server at FORGE_SQL_URL when it is set (e.g. mysql://root@127.0.0.1:3306/runbookguard_local; the
 * database is created if missing), otherwise to the embedded engine, kept in .runbookguard-local.sqlite
 * so a second run sees the first one's data (delete the file to start over); KVS to
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
  const kvsFile = path.join(process.cwd(), '.runbookguard-kvs.json');
  const pool = await openSql(kvsFile);
  // RG_CONFLUENCE_URL, _EMAIL and _API_TOKEN: a real Confluence Cloud site instead of the demo space.
  const site = remoteConfluenceFromEnv();
  const pages = loadPagesFile(path.join(ROOT, 'demo', 'space.json'));
  const snapshot = JSON.parse(
    readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8'),
  ) as InventorySnapshot;
  const forge = startLocalForge({
    pool,
    pages,
    spaces: loadSpacesFile(path.join(ROOT, 'demo', 'space.json')),
    users: { [ADMIN]: { siteAdmin: true, spaceAdmin: [...new Set(pages.map((p) => p.spaceId))] } },
    aws: process.env.RG_LOCAL_AWS === 'environment' ? 'environment' : snapshot,
    kvsFile,
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

async function openSql(kvsFile: string): Promise<SqlPool> {
  const url = process.env.FORGE_SQL_URL;
  if (url === undefined || url === '') {
    const file = path.join(process.cwd(), '.runbookguard-local.sqlite');
    // KVS remembers that the schema is applied: with a new database it would describe a database
    // that is gone, so a new database starts a new local install.
    if (!existsSync(file) && existsSync(kvsFile)) {
      console.log(`SQL: new database, so a new local install: removing ${path.basename(kvsFile)}`);
      rmSync(kvsFile);
    }
    console.log(`SQL: embedded engine, ${path.relative(process.cwd(), file)}`);
    return EmbeddedSql.open({ file });
  }
  const database = new URL(url).pathname.slice(1);
  const server = await mysql.createConnection(url.replace(/\/[^/]*$/, ''));
  await server.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  await server.end();
  console.log(`SQL: ${url.replace(/\/\/[^@/]*@/, '//')}`);
  return createMysqlPool(url);
}

function show(name: string, answer: unknown): void {
  console.log(`${name}: ${JSON.stringify(answer)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
