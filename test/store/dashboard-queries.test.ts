import type { Finding } from '../../src/core/match/types';
import { batchInsert } from '../../src/store/batch';
import { appendAudit, auditForTarget } from '../../src/store/repos/audit';
import {
  changeStatus,
  countActiveFindings,
  countFindings,
  findingKey,
  queryFindings,
  recordSeenFindings,
  spacesWithFindings,
  type FindingKey,
  type FindingSort,
  type StoredFinding,
} from '../../src/store/repos/findings';
import { acquireLock, dropLock, lockHolder } from '../../src/store/repos/locks';
import { getStoredPage, pageReferences, referencedValues, savePages } from '../../src/store/repos/pages';
import { recentScanTotals, recordScanTotals } from '../../src/store/repos/scan-totals';
import { createScan, finishScan, lastFullScanOfPage } from '../../src/store/repos/scans';
import { recordScanPages } from '../../src/store/repos/scan-pages';
import { readLatestSnapshotHeader, writeSnapshot } from '../../src/store/repos/snapshots';
import { applyRetention } from '../../src/store/retention';
import { createTestDatabase, type TestDatabase } from './support/mariadb';
import { finding, snapshot } from './support/fixtures';
import { migrate } from './support/schema';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('dashq');
  (await migrate(t)).uninstall();
});
afterAll(async () => {
  await t.drop();
});

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** 30 findings over 5 pages and 2 spaces, severities and last-seen times mixed. */
async function seed(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const f: Finding = { ...finding(String(100 + (i % 5)), `i-${i.toString(16).padStart(17, '0')}`) };
    f.severity = SEVERITIES[i % 3] as Finding['severity'];
    await recordSeenFindings(
      t.db,
      [{ finding: f, spaceId: i % 5 < 2 ? '7' : '8' }],
      `scan-${i}`,
      1000 + (i % 4),
    );
  }
}

async function walk(sort: FindingSort, limit: number): Promise<StoredFinding[]> {
  const out: StoredFinding[] = [];
  let after: FindingKey | undefined;
  for (;;) {
    const rows = await queryFindings(t.db, {}, { limit, sort, ...(after ? { after } : {}) });
    out.push(...rows);
    if (rows.length < limit) return out;
    after = findingKey(rows[rows.length - 1] as StoredFinding);
  }
}

describe('findings queries for the dashboard', () => {
  beforeAll(seed);

  test('severity sort: errors first, newest first within one; keyset pages add up to one walk', async () => {
    const whole = await walk('severity', 500);
    expect(whole).toHaveLength(30);
    const rank = (f: StoredFinding): number => SEVERITIES.indexOf(f.finding.severity);
    for (let i = 1; i < whole.length; i++) {
      const [a, b] = [whole[i - 1] as StoredFinding, whole[i] as StoredFinding];
      expect(rank(a) < rank(b) || (rank(a) === rank(b) && a.lastSeen >= b.lastSeen)).toBe(true);
    }
    expect((await walk('severity', 4)).map((f) => f.fingerprint)).toEqual(whole.map((f) => f.fingerprint));
  });

  test('page sort groups each page together; keyset pages add up', async () => {
    const whole = await walk('page', 500);
    const pages = whole.map((f) => f.pageId);
    expect(pages).toEqual([...pages].sort());
    expect((await walk('page', 7)).map((f) => f.fingerprint)).toEqual(whole.map((f) => f.fingerprint));
  });

  test('counts: filtered total, active by severity and kind (per page too), spaces with findings', async () => {
    expect(await countFindings(t.db, {})).toBe(30);
    expect(await countFindings(t.db, { severities: ['error'], spaceId: '7' })).toBe(
      (await queryFindings(t.db, { severities: ['error'], spaceId: '7' }, { limit: 500 })).length,
    );
    const [first] = await queryFindings(t.db, { pageId: '100' }, { limit: 1 });
    await changeStatus(
      t.db,
      first?.fingerprint as string,
      { status: 'suppressed', by: 'a', reason: 'r', until: null },
      5,
    );
    const all = await countActiveFindings(t.db);
    expect(all.total).toBe(29);
    expect(all.bySeverity.error + all.bySeverity.warning + all.bySeverity.info).toBe(29);
    expect(all.byKind.missing).toBe(29);
    expect((await countActiveFindings(t.db, '101')).total).toBe(6);
    expect(await spacesWithFindings(t.db)).toEqual(['7', '8']);
  });

  test('scan totals: recorded after a scan (idempotent), newest N returned oldest first', async () => {
    const first = await recordScanTotals(t.db, 'scan-a', 5, 2000);
    expect(first.open).toEqual((await countActiveFindings(t.db)).bySeverity);
    await recordScanTotals(t.db, 'scan-a', 5, 2000);
    await recordScanTotals(t.db, 'scan-b', 6, 3000);
    await recordScanTotals(t.db, 'scan-c', 7, 4000);
    expect((await recentScanTotals(t.db, 2)).map((x) => [x.scanId, x.pages])).toEqual([
      ['scan-b', 6],
      ['scan-c', 7],
    ]);
    expect(await recentScanTotals(t.db, 12)).toHaveLength(3);
  });
});

describe('pages, references, audit, locks, snapshots', () => {
  test('referencedValues pages through more rows than one SELECT reads, lowercased', async () => {
    const rows = Array.from({ length: 5003 }, (_, i) => [
      String(9000 + (i % 3)),
      `k${i.toString().padStart(6, '0')}`,
      1,
      'hostname',
      `Host-${i}.Example.com`,
      null,
      null,
      'ok',
      null,
    ]);
    await batchInsert(t.db, {
      table: 'rg_references',
      columns: [
        'page_id',
        'ref_key',
        'page_version',
        'type',
        'value',
        'region',
        'account',
        'status',
        'fingerprint',
      ],
      rows,
    });
    const values = await referencedValues(t.db);
    expect(values.size).toBe(5003);
    expect(values.has('host-5002.example.com')).toBe(true);
    expect((await pageReferences(t.db, '9000')).length).toBe(1668);
  });

  test('getStoredPage and lastFullScanOfPage', async () => {
    await savePages(
      t.db,
      [
        {
          pageId: '42',
          spaceId: '7',
          spaceKey: null,
          extraction: { pageId: '42', title: 'T', version: 2, entities: [] },
        },
      ],
      111,
    );
    expect(await getStoredPage(t.db, '42')).toMatchObject({
      pageId: '42',
      title: 'T',
      version: 2,
      updatedAt: 111,
    });
    expect(await getStoredPage(t.db, '43')).toBeNull();
    expect(await lastFullScanOfPage(t.db, '42')).toBeNull();
    await createScan(t.db, { scanId: 's-1', kind: 'full', requestedBy: null }, 100);
    await recordScanPages(t.db, 's-1', [{ pageId: '42', spaceId: '7' }]);
    expect(await lastFullScanOfPage(t.db, '42')).toBeNull(); // still running
    await finishScan(t.db, 's-1', { state: 'succeeded' }, 500);
    expect(await lastFullScanOfPage(t.db, '42')).toBe(500);
    expect(await lastFullScanOfPage(t.db, '44')).toBeNull();
  });

  test('auditForTarget: one target, chosen actions, newest first', async () => {
    await appendAudit(
      t.db,
      { actor: 'a', action: 'finding.acknowledge', target: 'fp1', outcome: 'success', detail: 'one' },
      1,
    );
    await appendAudit(
      t.db,
      { actor: 'b', action: 'finding.suppress', target: 'fp1', outcome: 'success', detail: 'two' },
      2,
    );
    await appendAudit(
      t.db,
      { actor: 'c', action: 'finding.suppress', target: 'fp2', outcome: 'success', detail: 'x' },
      3,
    );
    await appendAudit(
      t.db,
      { actor: 'd', action: 'scan.start', target: 'fp1', outcome: 'success', detail: 'y' },
      4,
    );
    const got = await auditForTarget(t.db, 'fp1', ['finding.acknowledge', 'finding.suppress'], 10);
    expect(got.map((e) => e.detail)).toEqual(['two', 'one']);
  });

  test('dropLock frees a lock whoever holds it', async () => {
    expect(await acquireLock(t.db, 'recheck:1', 'h1', 1000, 0)).toBe(true);
    expect(await acquireLock(t.db, 'recheck:1', 'h2', 1000, 0)).toBe(false);
    await dropLock(t.db, 'recheck:1');
    expect(await lockHolder(t.db, 'recheck:1', 0)).toBeNull();
  });

  test('readLatestSnapshotHeader reads accounts and coverage of the current snapshot only', async () => {
    expect(await readLatestSnapshotHeader(t.db)).toBeNull();
    const id = await writeSnapshot(t.db, snapshot(3, '2026-02-01T00:00:00.000Z'), { now: 9 });
    const header = await readLatestSnapshotHeader(t.db);
    expect(header).toMatchObject({ snapshotId: id, takenAtMs: Date.parse('2026-02-01T00:00:00.000Z') });
    expect(header?.coverage).toEqual(snapshot(3).coverage);
  });
});

describe('retention', () => {
  test('per-scan totals older than the scan-run retention are deleted, newer ones kept', async () => {
    const day = 86_400_000;
    const now = 200 * day;
    await recordScanTotals(t.db, 'scan-new', 1, now - day);
    expect((await recentScanTotals(t.db, 100)).length).toBeGreaterThan(1);
    await applyRetention(t.db, now);
    expect((await recentScanTotals(t.db, 100)).map((x) => x.scanId)).toEqual(['scan-new']);
  });
});
