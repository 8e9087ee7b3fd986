import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { InventorySnapshot } from '../src/core/inventory/snapshot';
import type { LocalPage } from '../src/local/confluence-service';
import { EmbeddedSql } from '../src/local/embedded-sql/engine';
import { startLocalForge, type LocalForge } from '../src/local/forge-app';
import { FORGE_LIMITS, perStartedMinute } from '../src/local/limits';
import { LocalPlatform } from '../src/local/platform';
import { createMysqlPool, type SqlPool } from '../src/store/mysql-executor';
import { generatePage } from './generate-space';
import { inventoryForSpace } from './match';
import { line } from './measure';

/**
 * `npm run bench:forge-limits`: a simulated site of RG_BENCH_PAGES pages (default 100,000) in each
 * of two installations served by one process, their invocations interleaved, on the strict local
 * platform (src/local). Every figure comes from the platform's meters; each is printed beside its
 * Forge limit, and the last line sums them up. The phases, per installation:
 *   first use (installed: migrations), the first full scan (as Scan now), a steady day (1% of pages
 *   edited: their page events, then the next daily trigger), and one byline render.
 * Time is the platform's clock: when the Confluence hour is spent, the clock moves to the next one
 * instead of waiting (the app sees the same clock). SQL: the MariaDB at FORGE_SQL_URL (default
 * 127.0.0.1:3306, scratch databases dropped afterwards), else the embedded engine.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A scan that has not finished after this much platform time is reported as not finishing. */
const MAX_SCAN_DAYS = 14;
const BYLINE_USER = 'bench-admin';

interface Figure {
  name: string;
  value: number;
  limit: number;
  unit?: string;
}

async function openPool(tag: string): Promise<{ pool: SqlPool; drop: () => Promise<void>; kind: string }> {
  const url = new URL(process.env.FORGE_SQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = '';
  const server = url.toString().replace(/\/$/, '');
  try {
    const admin = await mysql.createConnection(server);
    const name = `rg_limits_${tag}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE \`${name}\``);
    const pool = createMysqlPool(`${server}/${name}`);
    return {
      pool,
      kind: `MariaDB at ${url.host}`,
      drop: async () => {
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await admin.end();
      },
    };
  } catch {
    const pool = await EmbeddedSql.open();
    return { pool, kind: 'embedded engine', drop: () => pool.end() };
  }
}

/** Pages of one installation: a few hundred distinct runbook bodies, reused under unique ids. */
function sitePages(count: number, idBase: number): LocalPage[] {
  const bodies = Array.from({ length: Math.min(count, 400) }, (_, i) => generatePage(i, 8, 4_000));
  return Array.from({ length: count }, (_, i) => {
    const body = bodies[i % bodies.length] as (typeof bodies)[number];
    return {
      id: String(idBase + i),
      title: `${body.title} (${i})`,
      spaceId: String(1000 + (i % 20)),
      version: { number: body.version },
      body: { storage: { value: body.storage } },
    };
  });
}

async function scanState(forge: LocalForge): Promise<string> {
  const answer = (await forge.resolver('getScanProgress', {}, BYLINE_USER)) as {
    data?: { scan?: { state?: string } | null };
  };
  return answer.data?.scan?.state ?? 'none';
}

/**
 * Drains both queues, interleaved; when a scan is still running with nothing queued (its chain
 * broke, or it waits for budget), time moves to the next daily trigger, as on Forge.
 */
async function runUntilDone(forges: LocalForge[], platform: LocalPlatform): Promise<Map<string, number>> {
  const finishedAt = new Map<string, number>();
  const start = platform.clock.now();
  while (platform.clock.now() - start < MAX_SCAN_DAYS * DAY_MS) {
    await Promise.all(forges.map((f) => f.drain().catch(() => 0)));
    for (const f of forges)
      if (!finishedAt.has(f.installationId) && (await scanState(f)) !== 'running')
        finishedAt.set(f.installationId, platform.clock.now());
    if (finishedAt.size === forges.length) break;
    platform.clock.advance(DAY_MS);
    await Promise.all(
      forges
        .filter((f) => !finishedAt.has(f.installationId))
        .map((f) => f.dailyScan().catch(() => undefined)),
    );
  }
  return finishedAt;
}

async function findingPages(pool: SqlPool): Promise<string[]> {
  const [rows] = await pool.query('SELECT DISTINCT page_id FROM rg_findings');
  return (rows as { page_id: unknown }[]).map((r) => String(r.page_id));
}

export async function benchForgeLimits(pages = Number(process.env.RG_BENCH_PAGES ?? 100_000)): Promise<void> {
  const platform = new LocalPlatform();
  const dbs = await Promise.all([openPool('a'), openPool('b')]);
  console.log(
    `\nForge limits · ${pages} pages × 2 installations in one process (strict local platform, ${dbs[0]?.kind})`,
  );
  const sites = [sitePages(pages, 10_000_000), sitePages(pages, 20_000_000)];
  const snapshot: InventorySnapshot = inventoryForSpace(
    sites[0]
      ?.slice(0, 400)
      .map((p) => ({ id: p.id, title: p.title, version: 1, storage: p.body.storage.value })) ?? [],
    10_000,
  );
  const forges = sites.map((site, i) =>
    startLocalForge({
      platform,
      installationId: `bench-install-${i === 0 ? 'a' : 'b'}`,
      pool: (dbs[i] as { pool: SqlPool }).pool,
      pages: site,
      users: { [BYLINE_USER]: { siteAdmin: true, spaceAdmin: [...new Set(site.map((p) => p.spaceId))] } },
      aws: snapshot,
    }),
  );
  const print = console.log;
  const started = Date.now();
  try {
    // The app's own log lines are counted by the platform, not printed.
    console.log = () => undefined;
    await Promise.all(forges.map((f) => f.installed()));
    for (const f of forges)
      f.kvs.values.set('settings', {
        accounts: snapshot.accounts.map((a) => ({
          account: a.account,
          roleArn: `arn:aws:iam::${a.account}:role/RunbookGuardReadOnly`,
          regions: null,
          connectedAt: platform.clock.now(),
          connectedBy: 'bench',
        })),
      });

    // The first full scan of both sites at once.
    const before = forges.map((f) => f.points.total);
    const scanStart = platform.clock.now();
    await Promise.all(forges.map((f) => f.resolver('startScan', {}, BYLINE_USER)));
    const finished = await runUntilDone(forges, platform);
    const fullScanPoints = (forges[0]?.points.total ?? 0) - (before[0] ?? 0);
    const scanHours = ((finished.get(forges[0]?.installationId ?? '') ?? Number.NaN) - scanStart) / HOUR_MS;
    const states = await Promise.all(forges.map((f) => scanState(f)));

    // A steady day: 1% of pages edited in each site, their page events, then the next daily trigger.
    const changed = Math.max(1, Math.round(pages / 100));
    const dayStart = forges.map((f) => f.points.total);
    for (const i of forges.keys()) {
      const site = sites[i] ?? [];
      for (let k = 0; k < changed; k++) {
        const page = site[Math.floor((k * site.length) / changed)];
        if (page === undefined) continue;
        page.version = { number: page.version.number + 1 };
        page.body = { storage: { value: `${page.body.storage.value}<p>edited ${k}</p>` } };
      }
    }
    await Promise.all(
      forges.map(async (f, i) => {
        const site = sites[i] ?? [];
        for (let k = 0; k < changed; k++) {
          const page = site[Math.floor((k * site.length) / changed)];
          if (page !== undefined) await f.pageChanged(page.id).catch(() => undefined);
        }
      }),
    );
    await Promise.all(forges.map((f) => f.drain().catch(() => 0)));
    platform.clock.advance(DAY_MS);
    await Promise.all(forges.map((f) => f.dailyScan().catch(() => undefined)));
    await runUntilDone(forges, platform);
    const steadyDayPoints = (forges[0]?.points.total ?? 0) - (dayStart[0] ?? 0);

    // One byline render on a page with findings.
    const bylinePage = (await findingPages((dbs[0] as { pool: SqlPool }).pool))[0] ?? sites[0]?.[0]?.id ?? '';
    const beforeByline = forges[0]?.points.total ?? 0;
    await forges[0]?.byline(
      { extension: { content: { id: bylinePage } } },
      { principal: { accountId: BYLINE_USER } },
    );
    const bylinePoints = (forges[0]?.points.total ?? 0) - beforeByline;

    // Cross-tenant leaks: a finding of one tenant naming a page of the other, or settings crossing.
    let leaks = 0;
    for (const [i, db] of dbs.entries()) {
      const own = new Set((sites[i] ?? []).map((p) => p.id));
      leaks += (await findingPages(db.pool)).filter((id) => !own.has(id)).length;
    }
    console.log = print;

    const queues = forges.map((f) => f.queue);
    const egressByFunction = [...platform.handlers].map(([key, h]) => ({
      key,
      egress: h.maxEgress,
      cap: perStartedMinute(FORGE_LIMITS.egressPerMinute, platform.spec(key).timeoutSeconds),
    }));
    const worstEgress = egressByFunction.reduce(
      (worst, e) => (e.egress / e.cap > worst.egress / worst.cap ? e : worst),
      { key: '-', egress: 0, cap: 100 },
    );
    const figures: Figure[] = [
      {
        name: 'push requests from one root',
        value: Math.max(...queues.map((q) => q.maxPushesFromRoot)),
        limit: FORGE_LIMITS.pushesPerRoot,
      },
      {
        name: 'peak events pushed per minute',
        value: Math.max(...queues.map((q) => q.eventsPerMinute.peak)),
        limit: FORGE_LIMITS.eventsPushedPerMinute,
      },
      {
        name: `peak egress per invocation (${worstEgress.key})`,
        value: worstEgress.egress,
        limit: worstEgress.cap,
      },
      {
        name: 'largest KVS value',
        value: Math.max(...forges.map((f) => f.kvs.largestValueBytes)) / 1024,
        limit: FORGE_LIMITS.kvsValueBytes / 1024,
        unit: 'KiB',
      },
      {
        name: 'DDL per minute at first use',
        value: Math.max(...forges.map((f) => f.sql.ddlPerMinute.peak)),
        limit: FORGE_LIMITS.ddlPerMinute,
      },
      {
        name: 'peak invocations per minute (one install)',
        value: platform.peakInvocationsPerMinute,
        limit: FORGE_LIMITS.invocationsPerMinutePerInstall,
      },
      {
        name: 'Confluence points in the busiest hour (app)',
        value: platform.points.peakHour(),
        limit: FORGE_LIMITS.confluencePointsPerHour,
      },
    ];
    for (const [key, h] of [...platform.handlers].sort(([a], [b]) => a.localeCompare(b))) {
      const spec = platform.spec(key);
      figures.push({
        name: `longest ${key}`,
        value: h.longestMs / 1000,
        limit: spec.timeoutSeconds,
        unit: 's',
      });
      line(
        `process heap after ${key}`,
        `${(h.peakHeapBytes / (1 << 20)).toFixed(0)} MiB (both sites and the bench's data included; memoryMB default 512)`,
      );
      line(
        `most outbound requests in one ${key}`,
        `${h.maxEgress} (limit ${perStartedMinute(FORGE_LIMITS.egressPerMinute, spec.timeoutSeconds)})`,
      );
      line(
        `log lines, most in one ${key}`,
        `${h.maxLogLines} (limit ${perStartedMinute(FORGE_LIMITS.logLinesPerMinute, spec.timeoutSeconds)})`,
      );
    }
    let overLimit = 0;
    for (const f of figures) {
      const over = f.value > f.limit;
      if (over) overLimit += 1;
      const target = f.value <= f.limit * 0.8 ? 'ok (≥20% under)' : over ? 'OVER' : 'within, <20% margin';
      line(
        f.name,
        `${round(f.value)}${f.unit ? ` ${f.unit}` : ''} (limit ${f.limit}${f.unit ? ` ${f.unit}` : ''}) ${target}`,
      );
    }
    line(
      'refused by the platform',
      `${platform.violations.length} (${summarise(platform.violations.map((v) => v.message))})`,
    );
    line('first scan', `${states.join(' / ')}; install A in ${round(scanHours)} h of platform time`);
    line(
      'full scan points (install A)',
      `${fullScanPoints} (${round(fullScanPoints / pages)} per page; target ≤ 1.05)`,
    );
    line(
      'steady day points (install A)',
      `${steadyDayPoints} for ${changed} changed pages (target ≤ ${3 * changed + 50})`,
    );
    line('byline render points', `${bylinePoints} (target 0)`);
    line('cross-tenant leaks', String(leaks));
    line('wall time', `${((Date.now() - started) / 1000).toFixed(0)} s`);
    console.log(
      `forge-limits: pages=${pages} installs=2 maxPushesFromRoot=${figures[0]?.value} peakEventsPerMin=${figures[1]?.value} maxEgressPerInvocation=${figures[2]?.value} largestKvsValueKiB=${round(figures[3]?.value ?? 0)} ddlPerMinute=${figures[4]?.value} fullScanPoints=${fullScanPoints} steadyDayPoints=${steadyDayPoints} bylinePoints=${bylinePoints} crossTenantLeaks=${leaks} overLimit=${overLimit}`,
    );
  } finally {
    console.log = print;
    for (const f of forges) f.stop();
    platform.close();
    for (const db of dbs) await db.drop();
  }
}

function round(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : 'n/a';
}

function summarise(messages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.split(':')[0] ?? m, (counts.get(m.split(':')[0] ?? m) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none';
}

if (require.main === module) {
  benchForgeLimits().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
