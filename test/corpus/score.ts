import { REFERENCE_TYPES, type PageInput, type Reference, type ReferenceType } from '../../src/core/extract';

export interface ExpectedReference {
  type: ReferenceType;
  value: string;
  region: string | null;
  placeholder: boolean;
}

export interface LabeledPage {
  name: string;
  page: PageInput;
  expected: { references: ExpectedReference[] };
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/**
 * A reference counts as found only when type, value, region and the placeholder flag all agree.
 * Placeholders are scored like everything else: calling a placeholder real is a false positive.
 */
export function scoreCorpus(corpus: readonly LabeledPage[], extract: (page: PageInput) => Reference[]) {
  const counts = Object.fromEntries(REFERENCE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<
    ReferenceType,
    { tp: number; fp: number; fn: number }
  >;
  const mistakes: string[] = [];
  const mistakesByType = Object.fromEntries(REFERENCE_TYPES.map((t) => [t, [] as string[]])) as Record<ReferenceType, string[]>;
  const key = (r: { type: string; value: string; region: string | null; placeholder: boolean }) =>
    `${r.type} ${r.value} ${r.region ?? '-'}${r.placeholder ? ' (placeholder)' : ''}`;

  for (const { name, page, expected } of corpus) {
    const want = new Set(expected.references.map(key));
    const got = new Set(extract(page).map(key));
    for (const k of got) {
      const type = k.split(' ')[0] as ReferenceType;
      if (want.has(k)) counts[type].tp++;
      else {
        counts[type].fp++;
        mistakes.push(`${name}: extra   ${k}`);
        mistakesByType[type].push(`${name}: extra ${k}`);
      }
    }
    for (const k of want) {
      if (got.has(k)) continue;
      const type = k.split(' ')[0] as ReferenceType;
      counts[type].fn++;
      mistakes.push(`${name}: missed  ${k}`);
      mistakesByType[type].push(`${name}: missed ${k}`);
    }
  }
  const byType = Object.fromEntries(
    REFERENCE_TYPES.map((t) => {
      const { tp, fp, fn } = counts[t];
      return [t, { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) }];
    }),
  ) as Record<ReferenceType, TypeScore>;
  return { byType, mistakes, mistakesByType };
}
