import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SNAPSHOT_FORMAT_VERSION, snapshotSchema, type InventorySnapshot } from '../core/inventory/snapshot';
import { UsageError } from './errors';

function describePath(issuePath: PropertyKey[]): string {
  return issuePath
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

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
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : 'cannot be read';
    throw new UsageError(`${file}: ${reason}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseSnapshotDocument(document, file);
}
