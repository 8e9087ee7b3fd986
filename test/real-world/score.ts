import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePagesDocument } from '../../src/cli/pages-file';
import { toSarif } from '../../src/cli/scan/sarif';
import {
  extractPage,
  REFERENCE_TYPES,
  type PageExtraction,
  type PageInput,
  type ReferenceType,
} from '../../src/core/extract';
import { snapshotSchema, type InventorySnapshot } from '../../src/core/inventory/snapshot';
import { indexSnapshot, scanPages } from '../../src/core/match';
import type { TypeScore } from '../corpus/score';

/** One labelled reference, in test/corpus's format. */
export interface Label {
  type: ReferenceType;
  value: string;
  region: string | null;
  placeholder: boolean;
  /**
   * Only where the count is the point (Cloud-editor panels whose ADF fallback repeats the body):
   * how many mentions the page really has.
   */
  occurrences?: number;
}

/** expected.json: the references a user wants listed, plus the secrets planted on the page. */
export interface Expected {
  references: Label[];
  /** Strings that must never appear in any output (extraction, scan report, SARIF). */
  secrets?: string[];
}

export interface RealWorldPage {
  folder: string;
  page: PageInput;
  expected: Expected;
}

export type MistakeKind =
  | 'false-positive'
  | 'false-negative'
  | 'wrong-placeholder'
  | 'wrong-region'
  | 'wrong-placeholder-and-region'
  | 'wrong-occurrences'
  | 'secret-leaked';

/** One disagreement with the labels. The golden file lists every one of them, in this shape. */
export interface Mistake {
  page: string;
  kind: MistakeKind;
  type?: string;
  value?: string;
  /** What the labels say (region and placeholder verdict), absent for a false positive. */
  expected?: { region: string | null; placeholder: boolean };
  /** What the extractor said, absent for a false negative. */
  got?: { region: string | null; placeholder: boolean };
  /** wrong-occurrences only: the labelled and the extracted mention counts. */
  occurrences?: { expected: number; got: number };
  /** secret-leaked only: the planted secret and the output field that showed it. */
  secret?: string;
  where?: string;
}

export interface RealWorldScore {
  pages: number;
  labels: number;
  byType: Record<ReferenceType, TypeScore>;
  overall: TypeScore;
  /** Labelled placeholders the extractor called real: each would become a finding. */
  placeholderFindings: number;
  /** Labelled references with a stated region whose type and value were extracted. */
  statedRegions: number;
  statedRegionsRight: number;
  regionAccuracy: number;
  /** Planted secrets seen in any output field (counted once per page and secret). */
  secretsPlanted: number;
  secretsLeaked: number;
  mistakes: Mistake[];
}

const ROOT = __dirname;

/** Every `NN-slug` folder of a real-world corpus directory, in name order. */
export function loadRealWorld(dir: string = ROOT): RealWorldPage[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2,3}-[a-z0-9-]+$/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((folder) => {
      const base = path.join(dir, folder);
      const [page] = parsePagesDocument(
        [JSON.parse(readFileSync(path.join(base, 'page.json'), 'utf8'))],
        folder,
      );
      if (!page) throw new Error(`${folder}: no page`);
      const expected = JSON.parse(readFileSync(path.join(base, 'expected.json'), 'utf8')) as Expected;
      return { folder, page, expected };
    });
}

/** The scan corpus's inventory: the findings and SARIF of a realistic scan are checked for secrets too. */
export function loadSnapshot(dir: string = ROOT): InventorySnapshot {
  return snapshotSchema.parse(
    JSON.parse(readFileSync(path.join(dir, '..', 'scan-corpus', 'snapshot.json'), 'utf8')),
  );
}

const sameKey = (a: { type: string; value: string }, b: { type: string; value: string }) =>
  a.type === b.type && a.value === b.value;

function verdict(r: { region: string | null; placeholder: boolean }) {
  return { region: r.region, placeholder: r.placeholder };
}

/** Pairs labels with extracted references of the same type and value and names every disagreement. */
function compareReferences(folder: string, labels: readonly Label[], got: readonly Label[]): Mistake[] {
  const mistakes: Mistake[] = [];
  const keys = new Map<string, { type: string; value: string }>();
  for (const r of [...labels, ...got]) keys.set(`${r.type}\u0000${r.value}`, r);
  for (const { type, value } of keys.values()) {
    const want = labels.filter((l) => sameKey(l, { type, value }));
    const have = got.filter((g) => sameKey(g, { type, value }));
    const exact = (a: Label, b: Label) => a.region === b.region && a.placeholder === b.placeholder;
    const leftWant = want.filter((w) => !have.some((h) => exact(w, h)));
    const leftHave = have.filter((h) => !want.some((w) => exact(w, h)));
    // Pair the leftovers: first those that agree on the region (a wrong verdict), then on the verdict.
    const pairs: [Label, Label][] = [];
    const takeWhere = (match: (w: Label, h: Label) => boolean) => {
      for (const w of [...leftWant]) {
        const h = leftHave.find((x) => match(w, x));
        if (!h) continue;
        pairs.push([w, h]);
        leftWant.splice(leftWant.indexOf(w), 1);
        leftHave.splice(leftHave.indexOf(h), 1);
      }
    };
    takeWhere((w, h) => w.region === h.region);
    takeWhere((w, h) => w.placeholder === h.placeholder);
    takeWhere(() => true);
    for (const [w, h] of pairs) {
      const kind: MistakeKind =
        w.placeholder !== h.placeholder
          ? w.region !== h.region
            ? 'wrong-placeholder-and-region'
            : 'wrong-placeholder'
          : 'wrong-region';
      mistakes.push({ page: folder, kind, type, value, expected: verdict(w), got: verdict(h) });
    }
    for (const w of leftWant)
      mistakes.push({ page: folder, kind: 'false-negative', type, value, expected: verdict(w) });
    for (const h of leftHave)
      mistakes.push({ page: folder, kind: 'false-positive', type, value, got: verdict(h) });
  }
  return mistakes;
}

// A long secret counts as shown when any 16 characters of it are: a snippet cut in the middle of a
// token still leaks it.
const WINDOW = 16;

function shows(text: string, secret: string): boolean {
  if (secret.length <= WINDOW) return text.includes(secret);
  for (let i = 0; i + WINDOW <= secret.length; i++)
    if (text.includes(secret.slice(i, i + WINDOW))) return true;
  return false;
}

/** Every string field of an output that shows the secret, named by its path (array positions elided). */
function fieldsShowing(output: unknown, secret: string, at: string, found: Set<string>): void {
  if (typeof output === 'string') {
    if (shows(output, secret)) found.add(at);
  } else if (Array.isArray(output)) {
    for (const item of output) fieldsShowing(item, secret, `${at}[]`, found);
  } else if (output && typeof output === 'object') {
    for (const [k, v] of Object.entries(output)) fieldsShowing(v, secret, at ? `${at}.${k}` : k, found);
  }
}

function leaks(folder: string, secrets: readonly string[], outputs: Record<string, unknown>): Mistake[] {
  const mistakes: Mistake[] = [];
  for (const secret of secrets) {
    const found = new Set<string>();
    for (const [name, output] of Object.entries(outputs)) fieldsShowing(output, secret, name, found);
    for (const where of [...found].sort())
      mistakes.push({ page: folder, kind: 'secret-leaked', secret, where });
  }
  return mistakes;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

function typeScore(tp: number, fp: number, fn: number): TypeScore {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

const ORDER: Record<MistakeKind, number> = {
  'false-positive': 0,
  'false-negative': 1,
  'wrong-placeholder': 2,
  'wrong-region': 3,
  'wrong-placeholder-and-region': 4,
  'wrong-occurrences': 5,
  'secret-leaked': 6,
};

function compareMistakes(a: Mistake, b: Mistake): number {
  const text = (m: Mistake) =>
    [
      m.page,
      String(ORDER[m.kind]).padStart(2, '0'),
      m.type ?? '',
      m.value ?? '',
      m.secret ?? '',
      m.where ?? '',
      m.expected?.region ?? '',
      m.got?.region ?? '',
    ].join('\u0000');
  const [x, y] = [text(a), text(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Scores extraction on the corpus. A reference counts as right only when type, value, region and the
 * placeholder verdict all agree (as in test/corpus); the mistakes say which part was wrong.
 */
export function scoreRealWorld(
  corpus: readonly RealWorldPage[],
  snapshot: InventorySnapshot,
  extract: (page: PageInput) => PageExtraction = extractPage,
): RealWorldScore {
  const counts = Object.fromEntries(REFERENCE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    ReferenceType,
    { tp: number; fp: number; fn: number }
  >;
  const mistakes: Mistake[] = [];
  const index = indexSnapshot(snapshot);
  let placeholderFindings = 0;
  let statedRegions = 0;
  let statedRegionsRight = 0;
  let secretsPlanted = 0;
  const leakedPairs = new Set<string>();

  for (const { folder, page, expected } of corpus) {
    const extraction = extract(page);
    const got: Label[] = extraction.entities.map((e) => ({
      type: e.type,
      value: e.value,
      region: e.region,
      placeholder: e.placeholder,
    }));
    const labels = expected.references;
    const key = (r: Label) => `${r.type}\u0000${r.value}\u0000${r.region ?? ''}\u0000${r.placeholder}`;
    const want = new Set(labels.map(key));
    const have = new Set(got.map(key));
    for (const g of got) counts[g.type][want.has(key(g)) ? 'tp' : 'fp']++;
    for (const l of labels) if (!have.has(key(l))) counts[l.type].fn++;

    for (const g of got) {
      if (!g.placeholder && labels.some((l) => sameKey(l, g) && l.placeholder)) placeholderFindings++;
    }
    for (const l of labels) {
      if (l.region === null || l.type === 'region') continue;
      const same = got.filter((g) => sameKey(g, l));
      if (same.length === 0) continue;
      statedRegions++;
      if (same.some((g) => g.region === l.region)) statedRegionsRight++;
    }

    mistakes.push(...compareReferences(folder, labels, got));
    for (const l of labels) {
      if (l.occurrences === undefined) continue;
      const e = extraction.entities.find(
        (x) =>
          x.type === l.type &&
          x.value === l.value &&
          x.region === l.region &&
          x.placeholder === l.placeholder,
      );
      if (e && e.occurrences !== l.occurrences)
        mistakes.push({
          page: folder,
          kind: 'wrong-occurrences',
          type: l.type,
          value: l.value,
          occurrences: { expected: l.occurrences, got: e.occurrences },
        });
    }

    const secrets = expected.secrets ?? [];
    secretsPlanted += secrets.length;
    if (secrets.length > 0) {
      const report = scanPages([extraction], index);
      const found = leaks(folder, secrets, { extraction, report, sarif: toSarif(report, '0.0.0') });
      for (const m of found) leakedPairs.add(`${folder}\u0000${m.secret}`);
      mistakes.push(...found);
    }
  }

  const byType = Object.fromEntries(
    REFERENCE_TYPES.map((t) => [t, typeScore(counts[t].tp, counts[t].fp, counts[t].fn)]),
  ) as Record<ReferenceType, TypeScore>;
  const sum = (f: 'tp' | 'fp' | 'fn') => REFERENCE_TYPES.reduce((n, t) => n + counts[t][f], 0);
  return {
    pages: corpus.length,
    labels: corpus.reduce((n, p) => n + p.expected.references.length, 0),
    byType,
    overall: typeScore(sum('tp'), sum('fp'), sum('fn')),
    placeholderFindings,
    statedRegions,
    statedRegionsRight,
    regionAccuracy: ratio(statedRegionsRight, statedRegions),
    secretsPlanted,
    secretsLeaked: leakedPairs.size,
    mistakes: mistakes.sort(compareMistakes),
  };
}

/** The golden file's text: one mistake per line, so a change of the extractor reads as a short diff. */
export function formatMistakes(mistakes: readonly Mistake[]): string {
  if (mistakes.length === 0) return '[]\n';
  return `[\n${mistakes.map((m) => `  ${JSON.stringify(m)}`).join(',\n')}\n]\n`;
}

/** The figures, as the test and `npm run score:real-world` print them. */
export function formatScore(s: RealWorldScore): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = [
    `real-world corpus: ${s.pages} pages, ${s.labels} labelled references`,
    ...REFERENCE_TYPES.map((t) => {
      const v = s.byType[t];
      return `  ${t.padEnd(20)} P=${pct(v.precision)} R=${pct(v.recall)} (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`;
    }),
    `  ${'all types'.padEnd(20)} P=${pct(s.overall.precision)} R=${pct(s.overall.recall)} (tp ${s.overall.tp}, fp ${s.overall.fp}, fn ${s.overall.fn})`,
    `placeholder findings (labelled examples extracted as real): ${s.placeholderFindings}`,
    `region accuracy on stated regions: ${pct(s.regionAccuracy)} (${s.statedRegionsRight}/${s.statedRegions})`,
    `secrets leaked into any output: ${s.secretsLeaked} of ${s.secretsPlanted} planted`,
    `mistakes listed in the golden file: ${s.mistakes.length}`,
  ];
  return lines.join('\n');
}
