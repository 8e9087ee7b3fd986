import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage, REFERENCE_TYPES, type ReferenceType } from '../../src/core/extract';
import { parsePagesDocument } from '../../src/cli/pages-file';
import { scoreCorpus, type LabeledPage } from './score';

const corpusDir = __dirname;

function loadCorpus(): LabeledPage[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const folder = path.join(corpusDir, d.name);
      const [page] = parsePagesDocument([JSON.parse(readFileSync(path.join(folder, 'page.json'), 'utf8'))], d.name);
      const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as LabeledPage['expected'];
      if (!page) throw new Error(`${d.name}: no page`);
      return { name: d.name, page, expected };
    });
}

const MIN_SCORE = 0.98;

describe('labeled runbook corpus', () => {
  const corpus = loadCorpus();
  const report = scoreCorpus(corpus, (page) => extractPage(page).entities);

  test('has at least 40 pages', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  test('prints precision and recall per type', () => {
    const lines = REFERENCE_TYPES.map((type) => {
      const s = report.byType[type];
      return `${type.padEnd(20)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    });
    console.log(`corpus: ${corpus.length} pages\n${lines.join('\n')}\n${report.mistakes.slice(0, 40).join('\n')}`);
    expect(lines).toHaveLength(REFERENCE_TYPES.length);
  });

  test.each(REFERENCE_TYPES.map((t) => [t] as const))(`%s: precision and recall ≥ ${MIN_SCORE}`, (type: ReferenceType) => {
    const s = report.byType[type];
    expect(s.tp + s.fn).toBeGreaterThan(0);
    if (s.precision < MIN_SCORE || s.recall < MIN_SCORE) {
      // Name every disagreement so a failure says what to look at.
      throw new Error(
        `${type}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}\n${report.mistakesByType[type].join('\n')}`,
      );
    }
  });
});
