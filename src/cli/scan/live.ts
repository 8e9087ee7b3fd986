import type { InventorySnapshot } from '../../core/inventory/snapshot';
import { UsageError } from '../errors';
import type { CliIo } from '../io';
import type { ScanFlags } from '../commands/scan';

/** Reads AWS live for `scan` without --inventory, with the inventory command's options. */
export function collectLiveSnapshot(_flags: ScanFlags, _io: CliIo): Promise<InventorySnapshot> {
  return Promise.reject(new UsageError('scan: live AWS reading is not available yet: pass --inventory FILE'));
}
