import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

/**
 * `scan --baseline`: last week's output (SARIF or JSON) against this week's pages. Last week lacked
 * page NEW (its findings are new now); this week lacks page GONE (its findings are absent now).
 */
const ROOT = path.join(__dirname, '..', '..');
const demo = JSON.parse(readFileSync(path.join(ROOT, 'demo', 'space.json'), 'utf8')) as {
  results: { id: string }[];
};
const NEW = '3211265';
const GONE = '1048577';
const dir = mkdtempSync(path.join(tmpdir(), 'rg-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pagesWithout = (name: string, id: string): string => {
  writeFileSync(path.join(dir, name), JSON.stringify({ results: demo.results.filter((p) => p.id !== id) }));
  return name;
};
const lastWeek = pagesWithout('last-week.json', NEW);
const thisWeek = pagesWithout('this-week.json', GONE);
const SNAPSHOT = path.join(ROOT, 'demo', 'snapshot.json');

async function scan(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo({ cwd: dir });
  const code = await main(['scan', '--inventory', SNAPSHOT, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

interface SarifResult {
  baselineState?: string;
  level: string;
  partialFingerprints: Record<string, string>;
  properties: { pageId: string };
}
const resultsOf = (out: string): SarifResult[] =>
  (JSON.parse(out) as { runs: { results: SarifResult[] }[] }).runs[0]?.results ?? [];

beforeAll(async () => {
  for (const format of ['sarif', 'json']) {
    const r = await scan(['--pages', lastWeek, '--format', format, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    writeFileSync(path.join(dir, `baseline.${format}`), r.out);
  }
});

describe('scan --baseline', () => {
  it('SARIF: each result new or unchanged, the baseline findings gone now absent, valid SARIF 2.1.0', async () => {
    const r = await scan([
      '--pages',
      thisWeek,
      '--format',
      'sarif',
      '--baseline',
      'baseline.sarif',
      '--fail-on',
      'never',
    ]);
    expect(r.err).toBe('');
    const results = resultsOf(r.out);
    const byState = (state: string): SarifResult[] => results.filter((x) => x.baselineState === state);
    expect(byState('new').length).toBeGreaterThan(0);
    expect(byState('new').every((x) => x.properties.pageId === NEW)).toBe(true);
    expect(byState('absent').length).toBeGreaterThan(0);
    expect(byState('absent').every((x) => x.properties.pageId === GONE)).toBe(true);
    const unchanged = byState('unchanged');
    expect(unchanged.every((x) => x.properties.pageId !== NEW && x.properties.pageId !== GONE)).toBe(true);
    expect(byState('new').length + unchanged.length + byState('absent').length).toBe(results.length);
    // Unchanged is exactly last week's findings on the pages both weeks have.
    const before = resultsOf(readFileSync(path.join(dir, 'baseline.sarif'), 'utf8'));
    expect(unchanged.length).toBe(before.filter((x) => x.properties.pageId !== GONE).length);

    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(r.out))).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('JSON: the same states from a JSON baseline', async () => {
    const sarif = await scan([
      '--pages',
      thisWeek,
      '--format',
      'sarif',
      '--baseline',
      'baseline.sarif',
      '--fail-on',
      'never',
    ]);
    const json = await scan([
      '--pages',
      thisWeek,
      '--format',
      'json',
      '--baseline',
      'baseline.json',
      '--fail-on',
      'never',
    ]);
    const report = JSON.parse(json.out) as {
      findings: { fingerprint: string; baselineState: string }[];
      baseline: { new: number; unchanged: number; absent: number; absentFindings: { fingerprint: string }[] };
    };
    const states = new Map(
      resultsOf(sarif.out).map((x) => [x.partialFingerprints['runbookguard/v1'], x.baselineState]),
    );
    for (const f of report.findings) expect(states.get(f.fingerprint)).toBe(f.baselineState);
    for (const a of report.baseline.absentFindings) expect(states.get(a.fingerprint)).toBe('absent');
    expect(report.baseline.absent).toBe(report.baseline.absentFindings.length);
    expect(report.baseline.new + report.baseline.unchanged).toBe(report.findings.length);
    // The SARIF baseline and the JSON baseline agree (SARIF messages carry the suggestion too).
    const fromSarif = await scan([
      '--pages',
      thisWeek,
      '--format',
      'json',
      '--baseline',
      'baseline.sarif',
      '--fail-on',
      'never',
    ]);
    const other = JSON.parse(fromSarif.out) as typeof report;
    expect(other.findings).toEqual(report.findings);
    expect(other.baseline.absentFindings.map((a) => a.fingerprint)).toEqual(
      report.baseline.absentFindings.map((a) => a.fingerprint),
    );
  });

  it('--fail-on-new exits 1 only for new findings at or above --fail-on', async () => {
    // This week has error findings, but against itself none is new.
    const self = await scan(['--pages', thisWeek, '--format', 'sarif', '--fail-on', 'never']);
    writeFileSync(path.join(dir, 'self.sarif'), self.out);
    expect((await scan(['--pages', thisWeek, '--baseline', 'self.sarif'])).code).toBe(1);
    expect((await scan(['--pages', thisWeek, '--baseline', 'self.sarif', '--fail-on-new'])).code).toBe(0);
    // Against last week, page NEW brings new findings.
    const newOnes = resultsOf(
      (
        await scan([
          '--pages',
          thisWeek,
          '--format',
          'sarif',
          '--baseline',
          'baseline.sarif',
          '--fail-on',
          'never',
        ])
      ).out,
    ).filter((x) => x.baselineState === 'new');
    const newErrors = newOnes.some((x) => x.level === 'error');
    const newWarnings = newOnes.some((x) => x.level === 'error' || x.level === 'warning');
    expect(newWarnings).toBe(true);
    expect((await scan(['--pages', thisWeek, '--baseline', 'baseline.sarif', '--fail-on-new'])).code).toBe(
      newErrors ? 1 : 0,
    );
    expect(
      (
        await scan([
          '--pages',
          thisWeek,
          '--baseline',
          'baseline.sarif',
          '--fail-on-new',
          '--fail-on',
          'warning',
        ])
      ).code,
    ).toBe(1);
    expect(
      (
        await scan([
          '--pages',
          thisWeek,
          '--baseline',
          'baseline.sarif',
          '--fail-on-new',
          '--fail-on',
          'never',
        ])
      ).code,
    ).toBe(0);
  });

  it('bad baselines and flags are one-line usage errors', async () => {
    writeFileSync(path.join(dir, 'not-a-scan.json'), JSON.stringify({ hello: 1 }));
    const cases: Array<[string[], RegExp]> = [
      [['--fail-on-new'], /--fail-on-new needs --baseline FILE/],
      [['--baseline', 'missing.sarif'], /missing\.sarif: no such file/],
      [['--baseline', 'not-a-scan.json'], /--baseline: not-a-scan\.json is not the JSON or SARIF output/],
    ];
    for (const [args, message] of cases) {
      const r = await scan(['--pages', thisWeek, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('the table says how the findings compare', async () => {
    const r = await scan([
      '--pages',
      thisWeek,
      '--format',
      'table',
      '--baseline',
      'baseline.json',
      '--fail-on',
      'never',
    ]);
    expect(r.out).toMatch(/Against the baseline: [1-9]\d* new, [1-9]\d* unchanged, [1-9]\d* absent\n$/);
  });
});
