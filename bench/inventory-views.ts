import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import {
  RESOURCE_KINDS,
  SNAPSHOT_FORMAT_VERSION,
  newResource,
  type CoverageEntry,
  type InventorySnapshot,
  type Resource,
} from '../src/core/inventory/snapshot';
import { GLOBAL_SERVICES, SERVICES_OF } from '../src/core/match/tables';
import { startLocalForge, type LocalForge } from '../src/local/forge-app';
import { batchInsert } from '../src/store/batch';
import { createMysqlPool, mysqlExecutor } from '../src/store/mysql-executor';
import { writeSnapshot } from '../src/store/repos/snapshots';
import { line, mib, timeMsAsync } from './measure';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];

/** A site's inventory: `count` resources over 3 accounts and 5 regions, every 7th tagged team=payments. */
function bigSnapshot(count: number): InventorySnapshot {
  const resources: Resource[] = [];
  for (let i = 0; i < count; i++) {
    const kind = RESOURCE_KINDS[i % RESOURCE_KINDS.length] ?? 'ec2-instance';
    // Each kind in every account and region: kinds cycle fastest, then accounts, then regions.
    const round = Math.floor(i / RESOURCE_KINDS.length);
    const account = ACCOUNTS[round % ACCOUNTS.length] ?? '111111111111';
    const global = kind === 'route53-zone';
    const region = global
      ? null
      : (REGIONS[Math.floor(round / ACCOUNTS.length) % REGIONS.length] ?? 'eu-west-1');
    const id = `${kind}-${i.toString(36).padStart(6, '0')}`;
    resources.push(
      newResource({
        kind,
        id,
        account,
        region,
        arn: `arn:aws:${kind}:${region ?? ''}:${account}:${id}`,
        name: `svc-${i}`,
        state: 'running',
        dnsNames: kind === 'load-balancer' ? [`${id}.elb.amazonaws.com`] : [],
        tags: i % 7 === 0 ? { team: 'payments', env: i % 2 === 0 ? 'prod' : 'staging' } : { env: 'dev' },
      }),
    );
  }
  const coverage: CoverageEntry[] = [];
  for (const account of ACCOUNTS)
    for (const service of new Set(Object.values(SERVICES_OF).flat()))
      for (const region of GLOBAL_SERVICES.has(service) ? [null] : REGIONS)
        coverage.push({
          account,
          service,
          region,
          outcome: 'ok',
          detail: null,
          resourceCount: resources.filter(
            (r) =>
              r.account === account &&
              SERVICES_OF[r.kind].includes(service) &&
              (region === null || r.region === region),
          ).length,
        });
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    takenAt: '2026-01-01T00:00:00.000Z',
    accounts: ACCOUNTS.map((account) => ({ account, roleArn: null, regions: REGIONS })),
    resources,
    dnsRecords: [],
    coverage,
  };
}

/**
 * The dashboard's Coverage and Inventory tabs on a large site: one call each of
 * listUncoveredResources (no filter; account+region+type; a tag) and listInventory (counts; one
 * cell's first page) over RG_BENCH_VIEWS_RESOURCES resources (default 100,000) and
 * RG_BENCH_VIEWS_REFERENCES stored references (default 5,000), in the local runtime over MariaDB.
 * Each call prints its time and the largest single SQL response (Forge SQL allows 4 MiB).
 */
export async function benchInventoryViews(
  count = Number(process.env.RG_BENCH_VIEWS_RESOURCES ?? 100_000),
  references = Number(process.env.RG_BENCH_VIEWS_REFERENCES ?? 5_000),
): Promise<void> {
  console.log(`\nInventory views · ${count} resources, ${references} references (local runtime, MariaDB)`);
  const url = new URL(process.env.FORGE_SQL_URL ?? 'mysql://root@127.0.0.1:3306');
  url.pathname = '';
  const server = url.toString().replace(/\/$/, '');
  let admin: mysql.Connection;
  try {
    admin = await mysql.createConnection(server);
  } catch (error) {
    console.log(`  skipped: no MySQL-compatible server at ${url.host} (${(error as Error).message})`);
    return;
  }
  const name = `rg_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${name}\``);
  const pool = createMysqlPool(`${server}/${name}`);
  const snapshot = bigSnapshot(count);
  const forge = startLocalForge({ pool, pages: [], users: { bench: { siteAdmin: true } }, aws: snapshot });
  try {
    await forge.installed();
    const db = mysqlExecutor(pool);
    const writeMs = await timeMsAsync(async () => {
      await writeSnapshot(db, snapshot);
    });
    // Every 20th resource is named by some page, by id, Name tag or ARN in turn.
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < references; i++) {
      const r = snapshot.resources[(i * 20) % snapshot.resources.length];
      if (r === undefined) break;
      const value = [r.id, r.name ?? r.id, r.arn ?? r.id][i % 3] ?? r.id;
      rows.push([`p${Math.floor(i / 10)}`, `k${i}`, 1, 'instance-id', value.toUpperCase(), null, null, 'ok']);
    }
    await batchInsert(db, {
      table: 'rg_references',
      columns: ['page_id', 'ref_key', 'page_version', 'type', 'value', 'region', 'account', 'status'],
      rows,
    });
    const stored = await db.query<{ n: unknown; bytes: unknown }>(
      'SELECT COUNT(*) AS n, SUM(LENGTH(data)) AS bytes FROM rg_snapshot_items',
    );
    line(
      'snapshot as stored',
      `${String(stored[0]?.n)} chunk rows, ${mib(Number(stored[0]?.bytes))} of JSON; written in ${(writeMs / 1000).toFixed(1)} s`,
    );
    const cases: [string, string, Record<string, unknown>][] = [
      ['listUncoveredResources, no filter', 'listUncoveredResources', {}],
      [
        'listUncoveredResources, account+region+type',
        'listUncoveredResources',
        { account: ACCOUNTS[1], region: 'us-east-1', resourceType: 'ec2-instance' },
      ],
      [
        'listUncoveredResources, tag team=payments',
        'listUncoveredResources',
        { tag: { key: 'team', value: 'payments' } },
      ],
      ['listInventory, counts', 'listInventory', {}],
      [
        'listInventory, one cell (ec2, first page)',
        'listInventory',
        { account: ACCOUNTS[0], region: 'eu-west-1', service: 'ec2' },
      ],
    ];
    for (const [label, key, payload] of cases) {
      const { ms, total, bytes, requests } = await timedCall(forge, key, payload);
      line(
        label,
        `${ms.toFixed(0)} ms, ${requests} SQL requests, largest response ${kib(bytes)} (total ${total})`,
      );
    }
  } finally {
    forge.stop();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

function kib(bytes: number): string {
  return bytes >= 1 << 20 ? mib(bytes) : `${(bytes / 1024).toFixed(1)} KiB`;
}

async function timedCall(
  forge: LocalForge,
  key: string,
  payload: Record<string, unknown>,
): Promise<{ ms: number; total: string; bytes: number; requests: number }> {
  forge.sql.largestResponseBytes = 0;
  const before = forge.sql.requests;
  let answer: unknown;
  const ms = await timeMsAsync(async () => {
    answer = await forge.resolver(key, { ...payload, limit: 25 }, 'bench');
  });
  const a = answer as { ok: boolean; data?: { total?: number; resources?: { total: number } | null } };
  if (!a.ok) throw new Error(`${key}: ${JSON.stringify(answer)}`);
  const total = a.data?.total ?? a.data?.resources?.total;
  return {
    ms,
    total: total === undefined ? 'counts only' : String(total),
    bytes: forge.sql.largestResponseBytes,
    requests: forge.sql.requests - before,
  };
}

if (require.main === module) {
  benchInventoryViews().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
