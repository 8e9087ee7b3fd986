import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InventorySnapshot } from '../../core/inventory/snapshot';
import type { ScanFlags } from '../commands/scan';
import type { CliIo } from '../io';
import { loadSnapshotFile } from '../snapshot-file';

/**
 * `scan` without --inventory: runs the inventory command with the same live options into a
 * temporary snapshot and reads it back, so both commands share one collector and one validation.
 * Until the inventory module exports an in-memory collector this goes through a temp file.
 */
export async function collectLiveSnapshot(flags: ScanFlags, io: CliIo): Promise<InventorySnapshot> {
  const { runInventory } = await import('../commands/inventory');
  const dir = await mkdtemp(path.join(tmpdir(), 'runbookguard-scan-'));
  const out = path.join(dir, 'snapshot.json');
  const args: string[] = [];
  const externalIds = flags['external-id'] ?? [];
  for (const [i, arn] of (flags['role-arn'] ?? []).entries()) {
    args.push('--role-arn', arn);
    if (externalIds[i] !== undefined) args.push('--external-id', externalIds[i]);
  }
  if (flags.regions) args.push('--regions', flags.regions.join(','));
  args.push('--out', out);
  try {
    // Progress and the coverage summary go to stderr: stdout carries only the scan report.
    await runInventory(args, { ...io, stdout: io.stderr });
    return await loadSnapshotFile(out, io.cwd);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
