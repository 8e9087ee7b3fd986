import { readFileSync } from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import { createMysqlPool, type SqlPool } from '../store/mysql-executor';
import { loadPagesFile, loadSpacesFile } from './confluence-service';
import { EmbeddedSql } from './embedded-sql/engine';
import { startLocalApp } from './ui-host/local-app';

/**
 * `npm start`: the Custom UI on localhost, on the local Forge runtime with the demo data: the
 * dashboard, the settings page and the demo runbooks with the macro and the byline item.
 * RG_LOCAL_FIRST_RUN=1 starts unconfigured (the setup wizard); PORT picks the port (default 5177).
 * Each start is a fresh install: SQL in the embedded engine in memory (no server needed), or on a
 * MySQL-compatible server at FORGE_SQL_URL, whose database is then dropped and created again.
 */
const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);

async function main(): Promise<void> {
  const pool = await freshDatabase();
  const app = await startLocalApp({
    sql: { pool },
    pages: loadPagesFile(path.join(ROOT, 'demo', 'space.json')),
    spaces: loadSpacesFile(path.join(ROOT, 'demo', 'space.json')),
    snapshot: JSON.parse(readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8')) as InventorySnapshot,
    root: ROOT,
    port: Number(process.env.PORT ?? 5177),
    firstRun: process.env.RG_LOCAL_FIRST_RUN === '1',
  });
  console.log(`RunbookGuard is running on the local Forge runtime with the demo data:
  Dashboard       ${app.url}/wiki/apps/runbookguard
  Settings        ${app.url}/wiki/admin/runbookguard
  A runbook page  ${app.url}/wiki/spaces/98305/pages/1048602
  A space's page  ${app.url}/wiki/spaces/98305/apps/runbookguard
  All demo pages  ${app.url}/
Switch between the three local users in the top bar. Ctrl+C stops.`);
  const stop = () => {
    void app.close().then(() => pool.end());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function freshDatabase(): Promise<SqlPool> {
  const url = process.env.FORGE_SQL_URL;
  if (url === undefined || url === '') return EmbeddedSql.open();
  const database = new URL(url).pathname.slice(1);
  const server = await mysql.createConnection(url.replace(/\/[^/]*$/, ''));
  await server.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await server.query(`CREATE DATABASE \`${database}\``);
  await server.end();
  return createMysqlPool(url);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
