import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REFERENCE_TYPES } from '../../src/core/extract';
import { formatMistakes, formatScore, loadRealWorld, loadSnapshot, scoreRealWorld } from './score';

// Exact golden results, not thresholds: every disagreement with the labels is listed in
// golden/mistakes.json, so the test passes while the extractor is still wrong and every change of
// the extractor shows up as a reviewed change of that file. UPDATE_GOLDEN=1 rewrites it on purpose.
const GOLDEN = path.join(__dirname, 'golden', 'mistakes.json');
const REGION =
  /^(?:us-gov|us|eu|ap|sa|ca|me|af|cn|il|mx)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d$/;

const corpus = loadRealWorld();

describe('real-world corpus: labels', () => {
  test('has at least 60 pages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
  });

  test.each(corpus.map((p) => [p.folder, p] as const))(
    '%s is well labelled',
    (_folder, { page, expected }) => {
      const keys = expected.references.map((r) => `${r.type} ${r.value} ${r.region ?? '-'}`);
      expect(new Set(keys).size).toBe(keys.length);
      const sorted = [...expected.references].sort((a, b) =>
        a.type !== b.type
          ? a.type < b.type
            ? -1
            : 1
          : a.value !== b.value
            ? a.value < b.value
              ? -1
              : 1
            : (a.region ?? '') < (b.region ?? '')
              ? -1
              : 1,
      );
      expect(expected.references).toEqual(sorted);
      for (const r of expected.references) {
        expect(REFERENCE_TYPES).toContain(r.type);
        expect(typeof r.placeholder).toBe('boolean');
        if (r.region !== null) expect(r.region).toMatch(REGION);
        if (r.type === 'hostname' || r.type === 'aws-account') expect(r.region).toBeNull();
        if (r.type === 'region') expect(r.region).toBe(r.value);
        // One value gets one verdict per page: all its spellings are examples, or none is.
        const verdicts = expected.references.filter((o) => o.type === r.type && o.value === r.value);
        expect(new Set(verdicts.map((o) => o.placeholder)).size).toBe(1);
      }
      for (const secret of expected.secrets ?? []) expect(page.storage).toContain(secret);
    },
  );
});

describe('real-world corpus: scores', () => {
  const score = scoreRealWorld(corpus, loadSnapshot());

  test('prints precision and recall per type, placeholder findings, region accuracy and leaks', () => {
    const text = formatScore(score);
    console.log(text);
    expect(text).toContain('real-world corpus:');
  });

  test('every mistake is the one listed in golden/mistakes.json', () => {
    const actual = formatMistakes(score.mistakes);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
