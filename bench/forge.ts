import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { LocalPage } from '../src/local/confluence-service';
import { startLocalForge } from '../src/local/forge-app';
import { peakPerSecond } from '../src/local/sql-service';
import { createMysqlPool } from '../src/store/mysql-executor';
import { generateSpace } from './generate-space';
import { inventoryForSpace } from './match';
import { line, mib } from './measure';

/**
 * A full scan job in the local Forge runtime: RG_BENCH_PAGES pages (default 10,000) against
 * RG_BENCH_RESOURCES resources (default 100,000), on the MariaDB at FORGE_SQL_URL (default
 * 127.0.0.1:3306, a scratch database dropped afterwards). Prints, against Forge's limits, the
 * longest invocation per handler (and per scan step), the peak DML requests per second, the
 * largest SQL request and response, the largest queue push, and the total time.
 */
const LIMIT_MS: Record<string, number> = { resolver: 25_000, installed: 25_000, scanWorker: 900_000 };

export async function benchForge(
  pages = Number(process.env.RG_BENCH_PAGES ?? 10_000),
  resources = Number(process.env.RG_BENCH_RESOURCES ?? 100_000),
): Promise<void> {
  console.log(
    `\nForge scan job · ${pages} pages × ${resources} resources + those the pages name (local runtime, MariaDB)`,
  );
  const space = generateSpace(pages);
  const snapshot = inventoryForSpace(space, resources);
  const localPages: LocalPage[] = space.map((p, i) => ({
    id: p.id,
    title: p.title,
    spaceId: String(1000 + (i % 20)),
    version: { number: p.version },
    body: { storage: { value: p.storage } },
  }));
  const url = new URL(process.env.FORGE_SQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = '';
  const server = url.toString().replace(/\/$/, '');
  const name = `rg_bench_${randomBytes(4).toString('hex')}`;
  let admin: mysql.Connection;
  try {
    admin = await mysql.createConnection(server);
  } catch (error) {
    console.log(`  skipped: no MySQL-compatible server at ${url.host} (${(error as Error).message})`);
    return;
  }
  await admin.query(`CREATE DATABASE \`${name}\``);
  const pool = createMysqlPool(`${server}/${name}`);
  const forge = startLocalForge({
    pool,
    pages: localPages,
    users: { bench: { siteAdmin: true } },
    aws: snapshot,
  });
  try {
    const started = Date.now();
    await forge.installed();
    forge.kvs.values.set('settings', {
      accounts: snapshot.accounts.map((a) => ({
        account: a.account,
        roleArn: `arn:aws:iam::${a.account}:role/RunbookGuardReadOnly`,
        regions: null,
        connectedAt: started,
        connectedBy: 'bench',
      })),
    });
    // The app's log lines (one per chunk) are counted, not printed.
    const print = console.log;
    let logLines = 0;
    console.log = () => void (logLines += 1);
    try {
      const answer = (await forge.resolver('startScan', {}, 'bench')) as { ok: boolean };
      if (!answer.ok) throw new Error(`startScan: ${JSON.stringify(answer)}`);
      await forge.drain();
    } finally {
      console.log = print;
    }
    const total = Date.now() - started;
    const progress = (await forge.resolver('getScanProgress', {}, 'bench')) as {
      data: { scan: { state: string; pagesDone: number; resources: number } };
    };
    const [findings] = await pool.query('SELECT COUNT(*) AS n FROM rg_findings');
    line(
      'scan',
      `${progress.data.scan.state}, ${progress.data.scan.pagesDone} pages, ${progress.data.scan.resources} resources, ${String((findings as { n: unknown }[])[0]?.n)} findings`,
    );
    const longest = new Map<string, number>();
    for (const i of forge.invocations) longest.set(i.handler, Math.max(longest.get(i.handler) ?? 0, i.ms));
    for (const [handler, ms] of [...longest].sort()) {
      const limit = LIMIT_MS[handler.split(':')[0] ?? ''] ?? 900_000;
      line(
        `longest ${handler}`,
        `${(ms / 1000).toFixed(2)} s (limit ${limit / 1000} s) ${ms < limit ? 'ok' : 'OVER'}`,
      );
    }
    const peak = peakPerSecond(forge.sql.dmlTimes);
    line('peak DML requests/s', `${peak} (limit 150) ${peak < 150 ? 'ok' : 'OVER'}`);
    line('SQL requests', `${forge.sql.requests} (${forge.sql.dmlTimes.length} DML)`);
    line(
      'slowest SQL request',
      `${forge.sql.slowest.ms} ms (limits 5 s SELECT, 10 s DML): ${forge.sql.slowest.query}`,
    );
    line('largest SQL request', `${mib(forge.sql.largestRequestBytes)} (limit 1 MiB)`);
    line('largest SQL response', `${mib(forge.sql.largestResponseBytes)} (limit 4 MiB)`);
    line(
      'largest queue push',
      `${(forge.queue.largestPushBytes / 1024).toFixed(1)} KB, ${forge.queue.largestPushEvents} events (limits 200 KB, 50)`,
    );
    line('app log lines', String(logLines));
    line('total time', `${(total / 1000).toFixed(1)} s`);
  } finally {
    forge.stop();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

if (require.main === module) {
  benchForge().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
