import { contextSnippet } from './context-snippet';
import { findRegionStatements } from './region-statements';
import { scanBlock } from './scan-block';
import { walkStorage, type TextBlock } from './storage-walker';
import type { LocationKind, PageExtraction, PageInput, Reference, RegionSource } from './types';

/** The kind of the last span starting at or before `offset` (binary search: a block may have thousands). */
function kindAt(block: TextBlock, offset: number): LocationKind {
  const spans = block.spans;
  let low = 0;
  let high = spans.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((spans[mid]?.offset ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return spans[found]?.kind ?? 'prose';
}

function contextRegion(
  statements: ReadonlyMap<number, string>,
  chain: readonly number[],
): { region: string; source: RegionSource } | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const region = statements.get(chain[i] ?? -1);
    if (region) return { region, source: 'section' };
  }
  const page = statements.get(0);
  return page ? { region: page, source: 'page' } : null;
}

/**
 * Turns one page's storage XHTML into deduplicated references: one per (type, value, region),
 * with the first location, an occurrence count and every alias seen. Never throws on markup.
 */
export function extractPage(page: PageInput): PageExtraction {
  const blocks = walkStorage(page.storage);
  const statements = findRegionStatements(blocks);
  const byKey = new Map<string, Reference>();

  for (const block of blocks) {
    for (const candidate of scanBlock(block.text)) {
      let region = candidate.region;
      let regionSource: RegionSource | null = region ? 'explicit' : null;
      if (!region && candidate.acceptsContextRegion) {
        const inherited = contextRegion(statements, block.sectionChain);
        if (inherited) {
          region = inherited.region;
          regionSource = inherited.source;
        }
      }
      const key = `${candidate.type}\u0000${candidate.value}\u0000${region ?? ''}`;
      let reference = byKey.get(key);
      if (!reference) {
        reference = {
          type: candidate.type,
          value: candidate.value,
          region,
          regionSource,
          account: candidate.account,
          aliases: [],
          placeholder: candidate.placeholder,
          location: { headingPath: block.headingPath, kind: kindAt(block, candidate.start) },
          occurrences: 0,
          context: contextSnippet(block.text, candidate.start, candidate.end),
        };
        byKey.set(key, reference);
      }
      reference.occurrences++;
      if (reference.account === null) reference.account = candidate.account;
      const alias = candidate.alias;
      if (alias && alias !== candidate.value && !reference.aliases.includes(alias))
        reference.aliases.push(alias);
    }
  }

  const entities = [...byKey.values()];
  for (const reference of entities) if (reference.aliases.length > 1) reference.aliases.sort();
  return { pageId: page.id, title: page.title, version: page.version, entities };
}

export function extractPages(pages: readonly PageInput[]): PageExtraction[] {
  return pages.map(extractPage);
}
