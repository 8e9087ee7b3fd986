import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { FINDING_KINDS } from '../../src/core/match';
import { scoreScanCorpus } from './score';

const THRESHOLD = 0.97;

describe('scan corpus', () => {
  const score = scoreScanCorpus();

  it.each(FINDING_KINDS)('finds %s with precision and recall ≥ 0.97', (kind) => {
    const k = score.kinds.find((x) => x.kind === kind);
    const detail = `${kind}: ${JSON.stringify(k)}\n${score.problems.join('\n')}`;
    expect(k?.truePositives ?? 0).toBeGreaterThan(0);
    expect({ precision: k?.precision ?? 0, detail }).toEqual({
      precision: expect.any(Number) as number,
      detail,
    });
    expect(k?.precision ?? 0).toBeGreaterThanOrEqual(THRESHOLD);
    expect(k?.recall ?? 0).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('labels every reference the pages contain', () => {
    expect(score.problems).toEqual([]);
  });

  it('keeps snapshot.json in step with snapshot.spec.mjs', () => {
    const root = path.resolve(__dirname, '../..');
    const run = spawnSync(
      process.execPath,
      [
        'scripts/build-snapshot.mjs',
        'test/scan-corpus/snapshot.spec.mjs',
        'test/scan-corpus/snapshot.json',
        '--check',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
