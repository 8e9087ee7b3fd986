import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPages, type PageInput } from '../../src/core/extract';
import { snapshotSchema } from '../../src/core/inventory/snapshot';
import {
  FINDING_KINDS,
  indexSnapshot,
  scanPages,
  type FindingKind,
  type ScanReport,
} from '../../src/core/match';

/** One labelled reference: what the scan should conclude about it. */
interface Expectation {
  type: string;
  value: string;
  /** Only when the page holds the same value under two regions. */
  region?: string;
  status: string;
}

interface Case {
  id: string;
  title: string;
  expect: Expectation[];
}

export interface KindScore {
  kind: FindingKind;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  kinds: KindScore[];
  /** Human-readable lines for every disagreement, for the failure message. */
  problems: string[];
  report: ScanReport;
}

const ROOT = __dirname;

export function loadCorpus(): { pages: PageInput[]; cases: Case[] } {
  const dirs = readdirSync(path.join(ROOT, 'cases')).sort();
  const cases: Case[] = [];
  const pages: PageInput[] = [];
  for (const dir of dirs) {
    const c = JSON.parse(readFileSync(path.join(ROOT, 'cases', dir, 'case.json'), 'utf8')) as Case;
    cases.push(c);
    pages.push({
      id: c.id,
      title: c.title,
      version: 1,
      storage: readFileSync(path.join(ROOT, 'cases', dir, 'page.xhtml'), 'utf8'),
    });
  }
  return { pages, cases };
}

export function loadCorpusSnapshot() {
  return snapshotSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'snapshot.json'), 'utf8')));
}

const matches = (e: Expectation, type: string, value: string, region: string | null) =>
  e.type === type &&
  e.value.toLowerCase() === value.toLowerCase() &&
  (e.region === undefined || e.region === region);

/** Runs extraction + matching over the corpus and scores findings per kind against the labels. */
export function scoreScanCorpus(): CorpusScore {
  const { pages, cases } = loadCorpus();
  const report = scanPages(extractPages(pages), indexSnapshot(loadCorpusSnapshot()));
  const problems: string[] = [];
  const counts = new Map<FindingKind, { tp: number; fp: number; fn: number }>(
    FINDING_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]),
  );
  const bump = (kind: string, field: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(kind as FindingKind);
    if (c) c[field]++;
  };

  for (const c of cases) {
    const refs = report.references.filter((r) => r.pageId === c.id);
    for (const e of c.expect) {
      const got = refs.filter((r) => matches(e, r.type, r.value, r.region));
      const statuses = got.map((r) => r.status);
      if (statuses.includes(e.status as never)) {
        bump(e.status, 'tp');
      } else {
        bump(e.status, 'fn');
        problems.push(
          `${c.id} ${e.type} ${e.value}: expected ${e.status}, got ${statuses.join('/') || 'not extracted'}${got[0]?.note ? ` (${got[0].note})` : ''}`,
        );
      }
    }
    for (const r of refs) {
      const labelled = c.expect.filter((e) => matches(e, r.type, r.value, r.region));
      if (labelled.some((e) => e.status === r.status)) continue;
      // A finding nobody expected is a false positive; an unlabelled healthy reference is only noted.
      if ((FINDING_KINDS as readonly string[]).includes(r.status)) {
        bump(r.status, 'fp');
        if (labelled.length === 0)
          problems.push(`${c.id} ${r.type} ${r.value}: unexpected ${r.status} (${r.note ?? ''})`);
      } else if (labelled.length === 0) {
        problems.push(`${c.id} ${r.type} ${r.value}: unlabelled reference (status ${r.status})`);
      }
    }
  }

  const kinds = FINDING_KINDS.map((kind) => {
    const { tp, fp, fn } = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    return {
      kind,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
  return { kinds, problems, report };
}
