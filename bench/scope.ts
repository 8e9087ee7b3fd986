import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { LocalPage } from '../src/local/confluence-service';
import { startLocalForge } from '../src/local/forge-app';
import { createMysqlPool } from '../src/store/mysql-executor';
import { generateSpace } from './generate-space';
import { inventoryForSpace } from './match';
import { line } from './measure';

/**
 * Confluence API requests of a full scan in the local Forge runtime, by scan scope: a site of
 * RG_BENCH_SCOPE_PAGES pages (default 10,000) in 20 spaces, RG_BENCH_SCOPE_RUNBOOKS of them
 * (default 500) labelled `runbook`. A label scope reads only the runbooks (one CQL content search
 * per 50 of them), the all-pages scope reads every page of the site; the counts come from the local
 * Confluence's request log. Small page bodies and inventory: what is measured is the requests.
 */
export async function benchScope(
  pages = Number(process.env.RG_BENCH_SCOPE_PAGES ?? 10_000),
  runbooks = Number(process.env.RG_BENCH_SCOPE_RUNBOOKS ?? 500),
): Promise<void> {
  console.log(
    `\nScan scope · ${pages} pages in 20 spaces, ${runbooks} labelled runbook (local runtime, MariaDB)`,
  );
  const space = generateSpace(pages, 5, 1_000);
  const snapshot = inventoryForSpace(space, 1_000);
  const every = Math.max(1, Math.floor(pages / runbooks));
  const localPages: LocalPage[] = space.map((p, i) => ({
    id: p.id,
    title: p.title,
    spaceId: String(1000 + (i % 20)),
    version: { number: p.version, authorId: 'bench' },
    body: { storage: { value: p.storage } },
    labels: i % every === 0 && i / every < runbooks ? ['runbook'] : [],
    ownerId: 'bench',
  }));
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
  try {
    const labelled = await scanWith(admin, server, localPages, snapshot, {
      spaces: 'all',
      rule: { allPages: false, labels: ['runbook', 'playbook'] },
    });
    const all = await scanWith(admin, server, localPages, snapshot, null);
    for (const [name, r] of [
      ['label scope (runbook, playbook)', labelled],
      ['all pages (unconfigured)', all],
    ] as const)
      line(
        name,
        `${r.pagesScanned} pages read, ${r.requests} Confluence requests (${r.listRequests} page-list/search), ${(r.ms / 1000).toFixed(1)} s`,
      );
    line(
      'requests per in-scope page',
      `${(labelled.requests / Math.max(1, labelled.pagesScanned)).toFixed(3)} with the label scope; ${(all.requests / labelled.requests).toFixed(1)}× fewer than all pages`,
    );
  } finally {
    await admin.end();
  }
}

interface ScopeRun {
  pagesScanned: number;
  requests: number;
  listRequests: number;
  ms: number;
}

async function scanWith(
  admin: mysql.Connection,
  server: string,
  pages: LocalPage[],
  snapshot: ReturnType<typeof inventoryForSpace>,
  site: unknown,
): Promise<ScopeRun> {
  const name = `rg_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE \`${name}\``);
  const pool = createMysqlPool(`${server}/${name}`);
  const forge = startLocalForge({ pool, pages, users: { bench: { siteAdmin: true } }, aws: snapshot });
  const print = console.log;
  try {
    await forge.installed();
    forge.kvs.values.set('settings', {
      accounts: snapshot.accounts.map((a) => ({
        account: a.account,
        roleArn: `arn:aws:iam::${a.account}:role/RunbookGuardReadOnly`,
        regions: null,
        connectedAt: Date.now(),
        connectedBy: 'bench',
      })),
    });
    if (site !== null) {
      const saved = (await forge.resolver('saveSiteScope', site, 'bench')) as { ok: boolean };
      if (!saved.ok) throw new Error(`saveSiteScope: ${JSON.stringify(saved)}`);
    }
    forge.confluence.requests.length = 0;
    console.log = () => undefined;
    const started = Date.now();
    const answer = (await forge.resolver('startScan', {}, 'bench')) as { ok: boolean };
    if (!answer.ok) throw new Error(`startScan: ${JSON.stringify(answer)}`);
    await forge.drain();
    const ms = Date.now() - started;
    console.log = print;
    const [rows] = await pool.query('SELECT COUNT(*) AS n FROM rg_pages');
    // The scan's own requests: the app's (the resolver's permission checks run as the user).
    const app = forge.confluence.requests.filter((r) => r.as === 'app');
    return {
      pagesScanned: Number((rows as { n: unknown }[])[0]?.n),
      requests: app.length,
      listRequests: app.filter(
        (r) => r.path.startsWith('/wiki/api/v2/pages?') || r.path.includes('/content/search'),
      ).length,
      ms,
    };
  } finally {
    console.log = print;
    forge.stop();
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
}

if (require.main === module) {
  benchScope().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
