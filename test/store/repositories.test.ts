import { batchInsert, MAX_REQUEST_BYTES } from '../../src/store/batch';
import type { SqlExecutor, SqlValue } from '../../src/store/executor';
import { appendAudit, listAudit } from '../../src/store/repos/audit';
import {
  changeStatus,
  findingsForPages,
  getFinding,
  recordSeenFindings,
  resolveUnseen,
} from '../../src/store/repos/findings';
import { acquireLock, lockHolder, releaseLock } from '../../src/store/repos/locks';
import {
  latestSnapshotId,
  readLatestSnapshot,
  readSnapshot,
  writeSnapshot,
} from '../../src/store/repos/snapshots';
import { applyRetention } from '../../src/store/retention';
import { createTestDatabase, type TestDatabase } from './support/mariadb';
import { finding, snapshot } from './support/fixtures';
import { migrate } from './support/schema';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('repos');
  (await migrate(t)).uninstall();
});
afterAll(async () => {
  await t.drop();
});

/** Wraps an executor to record every statement's size as Forge SQL would receive it. */
function measured(db: SqlExecutor): SqlExecutor & { sizes: number[] } {
  const sizes: number[] = [];
  const size = (sql: string, params: readonly SqlValue[] = []): void => {
    sizes.push(Buffer.byteLength(JSON.stringify({ query: sql, params, method: 'all' })));
  };
  return {
    sizes,
    query: (sql, params) => (size(sql, params), db.query(sql, params)),
    execute: (sql, params) => (size(sql, params), db.execute(sql, params)),
  };
}

describe('batch inserts', () => {
  test('split so that every request stays under 1 MiB, rows intact', async () => {
    await t.db.ddl('CREATE TABLE batch_probe (id INT PRIMARY KEY, body MEDIUMTEXT)');
    const rows = Array.from({ length: 60 }, (_, i): SqlValue[] => [i, 'x'.repeat(50_000 + i)]);
    const db = measured(t.db);
    const result = await batchInsert(db, { table: 'batch_probe', columns: ['id', 'body'], rows });
    expect(result.statements).toBeGreaterThan(1);
    for (const s of db.sizes) expect(s).toBeLessThan(MAX_REQUEST_BYTES);
    const [count] = await t.pool.query('SELECT COUNT(*) AS n, SUM(LENGTH(body)) AS total FROM batch_probe');
    expect(Number((count as { n: unknown }[])[0]?.n)).toBe(60);
  });

  test('a single row over the limit is an error, not a truncation', async () => {
    await expect(
      batchInsert(t.db, {
        table: 'batch_probe',
        columns: ['id', 'body'],
        rows: [[999, 'y'.repeat(MAX_REQUEST_BYTES)]],
      }),
    ).rejects.toThrow(/over the request limit/);
  });
});

describe('snapshots', () => {
  test('round-trip through chunk rows; every write and read fits Forge SQL limits', async () => {
    const snap = snapshot(3000);
    const db = measured(t.db);
    const id = await writeSnapshot(db, snap, { now: 1000 });
    for (const s of db.sizes) expect(s).toBeLessThan(1024 * 1024);
    expect(await latestSnapshotId(t.db)).toBe(id);
    expect(await readLatestSnapshot(t.db)).toEqual(snap);
  });

  test('a write that crashes before the pointer switch leaves readers on the previous snapshot', async () => {
    const before = await latestSnapshotId(t.db);
    const failing: SqlExecutor = {
      query: (sql, p) => t.db.query(sql, p),
      execute: (sql, p) => {
        if (sql.includes("SET state = 'complete'")) return Promise.reject(new Error('crash'));
        return t.db.execute(sql, p);
      },
    };
    await expect(writeSnapshot(failing, snapshot(10), { id: 'crashed-snapshot', now: 2000 })).rejects.toThrow(
      'crash',
    );
    expect(await latestSnapshotId(t.db)).toBe(before);
    expect(await readSnapshot(t.db, 'crashed-snapshot')).toBeNull();
    // Retrying the same write (same id) completes it and switches the pointer.
    await writeSnapshot(t.db, snapshot(10), { id: 'crashed-snapshot', now: 3000 });
    expect(await latestSnapshotId(t.db)).toBe('crashed-snapshot');
    expect((await readSnapshot(t.db, 'crashed-snapshot'))?.resources).toHaveLength(10);
  });
});

describe('findings lifecycle', () => {
  const a = { finding: finding('100', 'i-0aaaaaaaaaaaaaaaa'), spaceId: '9' };
  const b = { finding: finding('100', 'i-0bbbbbbbbbbbbbbbb'), spaceId: '9' };

  test('open on first sight; duplicates (redelivered chunks) change nothing', async () => {
    await recordSeenFindings(t.db, [a, b], 'scan-1', 10);
    await recordSeenFindings(t.db, [a, b], 'scan-1', 10);
    const rows = await findingsForPages(t.db, ['100']);
    expect(rows.map((r) => r.status)).toEqual(['open', 'open']);
    expect(rows.every((r) => r.firstSeen === 10 && r.lastSeen === 10)).toBe(true);
  });

  test('resolved when a scan no longer sees it, reopened when it comes back, first seen kept', async () => {
    await recordSeenFindings(t.db, [a], 'scan-2', 20);
    expect(await resolveUnseen(t.db, 'scan-2', ['100'], 21)).toBe(1);
    expect((await getFinding(t.db, b.finding.fingerprint))?.status).toBe('resolved');
    expect(await resolveUnseen(t.db, 'scan-2', ['100'], 22)).toBe(0); // safe to repeat

    await recordSeenFindings(t.db, [a, b], 'scan-3', 30);
    const back = await getFinding(t.db, b.finding.fingerprint);
    expect(back).toMatchObject({ status: 'reopened', firstSeen: 10, lastSeen: 30, lastScanId: 'scan-3' });
  });

  test('acknowledged stays acknowledged; suppression holds until it expires, then reopens', async () => {
    await changeStatus(t.db, a.finding.fingerprint, { status: 'acknowledged', by: 'u1', reason: null }, 40);
    await recordSeenFindings(t.db, [a], 'scan-4', 41);
    expect((await getFinding(t.db, a.finding.fingerprint))?.status).toBe('acknowledged');

    await changeStatus(
      t.db,
      a.finding.fingerprint,
      { status: 'suppressed', by: 'u1', reason: 'decommissioned', until: 100 },
      50,
    );
    await recordSeenFindings(t.db, [a], 'scan-5', 60);
    expect(await getFinding(t.db, a.finding.fingerprint)).toMatchObject({
      status: 'suppressed',
      statusReason: 'decommissioned',
      statusBy: 'u1',
      suppressedUntil: 100,
    });
    // A suppressed finding is not resolved by a scan that misses it.
    await resolveUnseen(t.db, 'scan-6', ['100'], 70);
    expect((await getFinding(t.db, a.finding.fingerprint))?.status).toBe('suppressed');

    await recordSeenFindings(t.db, [a], 'scan-7', 150);
    expect((await getFinding(t.db, a.finding.fingerprint))?.status).toBe('reopened');
  });

  test('changing the status of an unknown fingerprint reports false', async () => {
    expect(await changeStatus(t.db, 'nope', { status: 'open', by: 'u', reason: null }, 1)).toBe(false);
  });
});

describe('locks', () => {
  test('one holder at a time; renewal by the holder; takeover only after expiry', async () => {
    expect(await acquireLock(t.db, 'scan', 'job-a', 1000, 0)).toBe(true);
    expect(await acquireLock(t.db, 'scan', 'job-b', 1000, 500)).toBe(false);
    expect(await acquireLock(t.db, 'scan', 'job-a', 1000, 900)).toBe(true); // renewed to 1900
    expect(await acquireLock(t.db, 'scan', 'job-b', 1000, 1500)).toBe(false);
    expect(await acquireLock(t.db, 'scan', 'job-b', 1000, 1900)).toBe(true);
    expect(await lockHolder(t.db, 'scan', 2000)).toBe('job-b');
    await releaseLock(t.db, 'scan', 'job-a'); // not the holder: no effect
    expect(await lockHolder(t.db, 'scan', 2000)).toBe('job-b');
    await releaseLock(t.db, 'scan', 'job-b');
    expect(await lockHolder(t.db, 'scan', 2000)).toBeNull();
  });

  test('concurrent contenders: exactly one wins', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => acquireLock(t.db, 'race', `job-${i}`, 10_000, 5000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe('audit log and retention', () => {
  test('audit entries list newest first', async () => {
    await appendAudit(
      t.db,
      { actor: 'u1', action: 'settings.save', target: null, outcome: 'success', detail: null },
      1,
    );
    await appendAudit(
      t.db,
      { actor: 'u2', action: 'settings.save', target: null, outcome: 'denied', detail: null },
      2,
    );
    const entries = await listAudit(t.db, { limit: 10 });
    expect(entries.map((e) => [e.actor, e.outcome])).toEqual([
      ['u2', 'denied'],
      ['u1', 'success'],
    ]);
  });

  test('retention keeps the current and previous snapshot, drops older and abandoned ones', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await writeSnapshot(t.db, snapshot(5), { now: 10_000 + i }));
    await t.db.execute(
      `INSERT INTO rg_snapshots (snapshot_id, state, taken_at, header, item_chunks, resource_count, created_at)
       VALUES ('abandoned', 'writing', 0, '{}', 0, 0, 0)`,
    );
    await applyRetention(t.db, 10 * 24 * 3600_000);
    const [rows] = await t.pool.query('SELECT snapshot_id FROM rg_snapshots');
    const kept = (rows as { snapshot_id: string }[]).map((r) => r.snapshot_id).sort();
    expect(kept).toEqual([ids[2], ids[3]].sort());
    expect(await readLatestSnapshot(t.db)).not.toBeNull();
    const [items] = await t.pool.query('SELECT DISTINCT snapshot_id FROM rg_snapshot_items');
    expect((items as { snapshot_id: string }[]).map((r) => r.snapshot_id).sort()).toEqual(kept);
  });
});
