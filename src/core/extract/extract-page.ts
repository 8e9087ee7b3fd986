import { contextSnippet } from './context-snippet';
import { findExampleContext, inExampleRange } from './example-context';
import { assignHostReasons, type HostSighting } from './host-reasons';
import { redactSecrets } from './redact';
import { findRegionStatements } from './region-statements';
import { scanBlock } from './scan-block';
import { walkStorage, type TextBlock } from './storage-walker';
import { REGION_SOURCE } from './regions';
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

const ROW_REGION_CELL = new RegExp(`^\\s*(${REGION_SOURCE})[a-z]?\\s*$`, 'i');

/**
 * A table row's Region or AZ column (`eu-west-1`, `eu-west-1b`) states the region of the row's
 * references. A row naming two regions (primary and DR) states none.
 */
function rowRegion(block: TextBlock): string | null {
  if (!block.text.includes(' | ') || !block.spans.some((s) => s.kind === 'table')) return null;
  let found: string | null = null;
  for (const cell of block.text.split(' | ')) {
    const m = ROW_REGION_CELL.exec(cell);
    if (!m?.[1]) continue;
    const region = m[1].toLowerCase();
    if (found !== null && found !== region) return null;
    found = region;
  }
  return found;
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
 * One value gets one verdict per page: when any spelling of it (its value, an alias, a region's
 * copy) is a documentation example, or the page says to substitute it, every copy is. Regions
 * are exempt: a region code is the same in an example and in the real estate.
 */
function oneVerdictPerValue(entities: Reference[], substituted: ReadonlySet<string>): void {
  const exampleValues = new Set(substituted);
  for (const r of entities) {
    if (!r.placeholder || r.type === 'region') continue;
    exampleValues.add(r.value.toLowerCase());
    for (const alias of r.aliases) exampleValues.add(alias.toLowerCase());
  }
  if (exampleValues.size === 0) return;
  for (const r of entities) {
    if (r.placeholder || r.type === 'region') continue;
    if (exampleValues.has(r.value.toLowerCase()) || r.aliases.some((a) => exampleValues.has(a.toLowerCase())))
      r.placeholder = true;
  }
}

/**
 * Turns one page's storage XHTML into deduplicated references: one per (type, value, region),
 * with the first location, an occurrence count and every alias seen. Never throws on markup.
 */
export function extractPage(page: PageInput): PageExtraction {
  const blocks = walkStorage(page.storage);
  const statements = findRegionStatements(blocks);
  const examples = findExampleContext(blocks);
  const byKey = new Map<string, Reference>();
  // Headings are page text too: a secret in one ("Rotate token abc…") never leaves in a heading path.
  const headingPaths = new Map<readonly string[], string[]>();
  const safeHeadingPath = (path: string[]): string[] => {
    let safe = headingPaths.get(path);
    if (!safe) {
      safe = path.map(redactSecrets);
      headingPaths.set(path, safe);
    }
    return safe;
  };
  const hostSightings = new Map<string, HostSighting>();

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as TextBlock;
    const wholeExample = examples.wholeBlock[b] === true;
    const exampleRanges = examples.ranges[b] ?? [];
    const inRow = rowRegion(block);
    for (const candidate of scanBlock(block.text)) {
      const example =
        candidate.type !== 'region' &&
        (wholeExample || (exampleRanges.length > 0 && inExampleRange(exampleRanges, candidate.start)));
      let region = candidate.region;
      let regionSource: RegionSource | null = region ? 'explicit' : null;
      if (!region && inRow && candidate.acceptsContextRegion) {
        region = inRow;
        regionSource = 'row';
      }
      if (!region && candidate.acceptsContextRegion) {
        const inherited = contextRegion(statements, block.sectionChain);
        if (inherited) {
          region = inherited.region;
          regionSource = inherited.source;
        }
      }
      const kind = kindAt(block, candidate.start);
      if (candidate.type === 'hostname') {
        const sighting = hostSightings.get(candidate.value) ?? { operational: false };
        if (candidate.hostEvidence === 'operational' || kind === 'code-block' || kind === 'inline-code')
          sighting.operational = true;
        hostSightings.set(candidate.value, sighting);
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
          placeholder: candidate.placeholder || example,
          location: { headingPath: safeHeadingPath(block.headingPath), kind },
          occurrences: 0,
          context: contextSnippet(block.text, candidate.start, candidate.end),
        };
        byKey.set(key, reference);
      }
      reference.occurrences++;
      if (example || candidate.placeholder) reference.placeholder = true;
      if (reference.account === null) reference.account = candidate.account;
      const alias = candidate.alias;
      if (alias && alias !== candidate.value && !reference.aliases.includes(alias))
        reference.aliases.push(alias);
    }
  }

  const entities = assignHostReasons([...byKey.values()], hostSightings);
  oneVerdictPerValue(entities, examples.substituted);
  for (const reference of entities) if (reference.aliases.length > 1) reference.aliases.sort();
  return { pageId: page.id, title: redactSecrets(page.title), version: page.version, entities };
}

export function extractPages(pages: readonly PageInput[]): PageExtraction[] {
  return pages.map(extractPage);
}
