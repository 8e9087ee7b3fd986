import { SNAPSHOT_FORMAT_VERSION, snapshotSchema, type InventorySnapshot } from '../core/inventory/snapshot';
import { UsageError } from './errors';
import { describePath, readJsonFile } from './json-file';

/** Validates a parsed snapshot document; the first problem becomes one readable line. */
export function parseSnapshotDocument(document: unknown, source: string): InventorySnapshot {
  // A different format version is the likeliest mistake: say so before any field-level detail.
  if (typeof document === 'object' && document !== null && 'formatVersion' in document) {
    const version = document.formatVersion;
    if (version !== SNAPSHOT_FORMAT_VERSION) {
      throw new UsageError(
        `${source}: snapshot format version ${String(version)} is not supported (expected ${SNAPSHOT_FORMAT_VERSION}); re-run runbookguard inventory`,
      );
    }
  }
  const parsed = snapshotSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  const first = issues[0];
  const where = first ? describePath(first.path) : '';
  const more =
    issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  throw new UsageError(
    `${source}: not an inventory snapshot: ${where ? `${where}: ` : ''}${first?.message ?? 'invalid'}${more}`,
  );
}

/** Reads and validates an inventory snapshot file (the output of runbookguard inventory). */
export async function loadSnapshotFile(file: string, cwd: string): Promise<InventorySnapshot> {
  return parseSnapshotDocument(await readJsonFile(file, cwd), file);
}
