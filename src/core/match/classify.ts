import type { Reference } from '../extract/types';
import { classifyHostname } from './dns';
import { lower, type InventoryIndex } from './inventory-index';
import { classifyAccount, classifyIp, classifyRegion } from './network';
import { classifyResource } from './resources';
import { RESOURCE_KIND_OF } from './tables';
import type { Verdict } from './types';
import { PLACEHOLDER, verdict } from './verdict';

/** The verdict on one reference against the indexed snapshot. Pure and deterministic. */
export function matchReference(ref: Reference, ix: InventoryIndex): Verdict {
  // Documentation examples are never matched: no finding, whatever the inventory says.
  if (ref.placeholder) return PLACEHOLDER;
  switch (ref.type) {
    case 'hostname':
      return classifyHostname(lower(ref.value), ix);
    case 'ip-address':
      return classifyIp(ref, ix);
    case 'region':
      return classifyRegion(ref, ix);
    case 'aws-account':
      return classifyAccount(ref, ix);
    default: {
      const kind = RESOURCE_KIND_OF[ref.type];
      if (kind) return classifyResource(ref, kind, ix);
      // A reference type the extractor learned before the collector did.
      return verdict(
        'unverifiable',
        `RunbookGuard does not collect ${String(ref.type)} resources, so ${ref.value} was not checked`,
      );
    }
  }
}
