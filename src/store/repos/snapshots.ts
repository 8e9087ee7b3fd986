import { randomUUID } from 'node:crypto';
import {
  snapshotSchema,
  type DnsRecord,
  type InventorySnapshot,
  type Resource,
} from '../../core/inventory/snapshot';
import { batchInsert } from '../batch';
import { num, str, type SqlExecutor } from '../executor';
import { readPointer, switchPointer } from './pointers';
import { deleteSnapshotResources, indexSnapshotResources } from './snapshot-resources';

export const LATEST_SNAPSHOT = 'latest_snapshot';
/** One chunk row's JSON: small enough that an INSERT of it stays under 1 MiB, and four under 4 MiB per SELECT. */
export const SNAPSHOT_CHUNK_BYTES = 512 * 1024;
const CHUNKS_PER_SELECT = 4;

type Header = Pick<InventorySnapshot, 'formatVersion' | 'takenAt' | 'accounts' | 'coverage'>;

/**
 * Writes a snapshot under a new id, then switches the pointer: readers see the old snapshot or the
 * new one, never half of one. Re-running with the same id (a retried chunk) rewrites the same rows.
 */
export async function writeSnapshot(
  db: SqlExecutor,
  snapshot: InventorySnapshot,
  options: { id?: string; now?: number; chunkBytes?: number; switchPointer?: boolean } = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  const now = options.now ?? Date.now();
  const header: Header = {
    formatVersion: snapshot.formatVersion,
    takenAt: snapshot.takenAt,
    accounts: snapshot.accounts,
    coverage: snapshot.coverage,
  };
  await db.execute(
    `INSERT INTO rg_snapshots (snapshot_id, state, taken_at, header, item_chunks, resource_count, created_at)
     VALUES (?, 'writing', ?, ?, 0, ?, ?)
     ON DUPLICATE KEY UPDATE state = 'writing', header = VALUES(header), resource_count = VALUES(resource_count)`,
    [id, Date.parse(snapshot.takenAt) || now, JSON.stringify(header), snapshot.resources.length, now],
  );
  const chunks = [
    ...chunkItems('resource', snapshot.resources, options.chunkBytes ?? SNAPSHOT_CHUNK_BYTES),
    ...chunkItems('dns', snapshot.dnsRecords, options.chunkBytes ?? SNAPSHOT_CHUNK_BYTES),
  ];
  await batchInsert(db, {
    table: 'rg_snapshot_items',
    columns: ['snapshot_id', 'seq', 'kind', 'item_count', 'data'],
    rows: chunks.map((c, seq) => [id, seq, c.kind, c.count, c.json]),
    suffix:
      'ON DUPLICATE KEY UPDATE kind = VALUES(kind), item_count = VALUES(item_count), data = VALUES(data)',
  });
  // Chunks past the new count would be left over from an earlier, larger attempt under this id.
  await db.execute('DELETE FROM rg_snapshot_items WHERE snapshot_id = ? AND seq >= ?', [id, chunks.length]);
  await db.execute(`UPDATE rg_snapshots SET state = 'complete', item_chunks = ? WHERE snapshot_id = ?`, [
    chunks.length,
    id,
  ]);
  // A scan writes per-account parts without switching; only the merged snapshot becomes current,
  // and only it gets per-resource rows (the dashboard reads the current snapshot only).
  if (options.switchPointer !== false) {
    await indexSnapshotResources(db, id, snapshot.resources);
    const previous = await latestSnapshotId(db);
    await switchPointer(db, LATEST_SNAPSHOT, id, now);
    // The previous snapshot stays for comparisons (retention), but no reader needs its rows.
    if (previous !== null && previous !== id)
      while ((await deleteSnapshotResources(db, previous, 10_000)) > 0);
  }
  return id;
}

export async function latestSnapshotId(db: SqlExecutor): Promise<string | null> {
  return readPointer(db, LATEST_SNAPSHOT);
}

/** Reads a complete snapshot back, a few chunks per SELECT to stay under the 4 MiB response limit. */
export async function readSnapshot(db: SqlExecutor, id: string): Promise<InventorySnapshot | null> {
  const heads = await db.query<{ state: unknown; header: unknown; item_chunks: unknown }>(
    'SELECT state, header, item_chunks FROM rg_snapshots WHERE snapshot_id = ?',
    [id],
  );
  const head = heads[0];
  if (!head || str(head.state) !== 'complete') return null;
  const header = JSON.parse(str(head.header)) as Header;
  const resources: Resource[] = [];
  const dnsRecords: DnsRecord[] = [];
  const total = num(head.item_chunks);
  for (let from = 0; from < total; from += CHUNKS_PER_SELECT) {
    const rows = await db.query<{ kind: unknown; data: unknown }>(
      'SELECT kind, data FROM rg_snapshot_items WHERE snapshot_id = ? AND seq >= ? AND seq < ? ORDER BY seq',
      [id, from, from + CHUNKS_PER_SELECT],
    );
    for (const row of rows) {
      const items = JSON.parse(str(row.data)) as unknown[];
      if (str(row.kind) === 'resource') resources.push(...(items as Resource[]));
      else dnsRecords.push(...(items as DnsRecord[]));
    }
  }
  // Validated on the way out: a snapshot that no longer parses must not be matched against.
  return snapshotSchema.parse({ ...header, resources, dnsRecords });
}

export async function readLatestSnapshot(db: SqlExecutor): Promise<InventorySnapshot | null> {
  const id = await latestSnapshotId(db);
  return id === null ? null : readSnapshot(db, id);
}

interface Chunk {
  kind: 'resource' | 'dns';
  count: number;
  json: string;
}

function chunkItems(kind: Chunk['kind'], items: readonly unknown[], maxBytes: number): Chunk[] {
  const chunks: Chunk[] = [];
  let parts: string[] = [];
  let size = 2;
  const flush = (): void => {
    if (parts.length === 0) return;
    chunks.push({ kind, count: parts.length, json: `[${parts.join(',')}]` });
    parts = [];
    size = 2;
  };
  for (const item of items) {
    const json = JSON.stringify(item);
    const bytes = Buffer.byteLength(json) + 1;
    if (bytes + 2 > maxBytes) throw new Error(`a ${kind} item is ${bytes} bytes, over the chunk size`);
    if (size + bytes > maxBytes) flush();
    parts.push(json);
    size += bytes;
  }
  flush();
  return chunks;
}

/** Deletes a snapshot that is not current (a scan's per-account parts once merged). */
export async function deleteSnapshot(db: SqlExecutor, id: string): Promise<void> {
  if ((await latestSnapshotId(db)) === id) return;
  await db.execute('DELETE FROM rg_snapshot_items WHERE snapshot_id = ?', [id]);
  while ((await deleteSnapshotResources(db, id, 10_000)) > 0);
  await db.execute('DELETE FROM rg_snapshots WHERE snapshot_id = ?', [id]);
}

export interface SnapshotHeader extends Header {
  snapshotId: string;
  /** ms since epoch (the snapshot's takenAt, or when it was written if that did not parse). */
  takenAtMs: number;
}

/** The latest snapshot's header only (accounts and coverage): no resource chunks read. */
export async function readLatestSnapshotHeader(db: SqlExecutor): Promise<SnapshotHeader | null> {
  const id = await latestSnapshotId(db);
  if (id === null) return null;
  const rows = await db.query<{ state: unknown; header: unknown; taken_at: unknown }>(
    'SELECT state, header, taken_at FROM rg_snapshots WHERE snapshot_id = ?',
    [id],
  );
  const row = rows[0];
  if (!row || str(row.state) !== 'complete') return null;
  const header = snapshotSchema
    .pick({ formatVersion: true, takenAt: true, accounts: true, coverage: true })
    .parse(JSON.parse(str(row.header)));
  return { ...header, snapshotId: id, takenAtMs: num(row.taken_at) };
}
