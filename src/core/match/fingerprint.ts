import { createHash } from 'node:crypto';
import type { ReferenceType } from '../extract/types';
import type { FindingKind } from './types';

/**
 * Identifies a finding across scans: page, entity and kind — never positions or wording, so
 * editing a page or rewording a message doesn't reopen it. The region is part of the entity:
 * the extractor keeps one entity per (type, value, region), and two of them must not collide.
 * node:crypto is a Node built-in, not a platform SDK, so the core stays pure.
 */
export function fingerprintOf(
  pageId: string,
  type: ReferenceType,
  value: string,
  region: string | null,
  kind: FindingKind,
): string {
  const input = ['rg1', pageId, type, value.toLowerCase(), region ?? '', kind].join('\u0000');
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}
