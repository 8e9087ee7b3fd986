import { buildDigest, isoWeek, parseDigestState, type DigestState } from '../../src/core/digest';
import { COVERAGE, finding, input, SECRET_CONTEXT } from './support';

function stateAfter(findings: Parameters<typeof input>[0]): DigestState {
  return { ...buildDigest(input(findings)).nextState, sent: true };
}

describe('buildDigest', () => {
  const a = finding('1', 'i-0aaaaaaaaaaaaaaa1');
  const b = finding('1', 'i-0bbbbbbbbbbbbbbb2', 'wrong-region', 'warning');
  const c = finding('3', 'i-0ccccccccccccccc3');
  const d = finding('2', 'i-0ddddddddddddddd4');

  it('reports what is new and what was fixed since the previous digest, grouped by space', () => {
    const previous = stateAfter({ findings: [a, c], now: '2026-11-16T07:00:00.000Z' });
    const digest = buildDigest(input({ previous, findings: [a, b, d] }));
    expect(digest.totals).toEqual({
      newFindings: 2,
      newStale: 2,
      resolved: 1,
      open: 3,
      openErrors: 2,
      openWarnings: 1,
    });
    expect(digest.spaces.map((s) => [s.key, s.newCount, s.resolvedCount, s.openCount])).toEqual([
      ['OPS', 2, 0, 3],
      ['PLAT', 0, 1, 0],
    ]);
    expect(digest.spaces[0]?.newFindings.map((f) => f.value)).toEqual([
      'i-0ddddddddddddddd4',
      'i-0bbbbbbbbbbbbbbb2',
    ]);
    expect(digest.spaces[1]?.resolved[0]).toMatchObject({
      value: 'i-0ccccccccccccccc3',
      pageTitle: 'Kafka restart',
    });
    expect(digest.subject).toBe('2 new stale references in OPS runbooks, 1 fixed');
    expect(digest.period).toEqual({ from: '2026-11-16T07:00:00.000Z', to: '2026-11-23T07:00:00.000Z' });
    expect(digest.quiet).toBe(false);
  });

  it('says "4 new stale references in OPS runbooks" for four in one space', () => {
    const four = ['1', '2', '1', '2'].map((p, i) => finding(p, `i-0${String(i).repeat(16)}`));
    const digest = buildDigest(input({ previous: stateAfter({}), findings: four }));
    expect(digest.subject).toBe('4 new stale references in OPS runbooks');
  });

  it('names the number of spaces when changes span several, and the singular for one', () => {
    expect(buildDigest(input({ previous: stateAfter({}), findings: [a, c] })).subject).toBe(
      '2 new stale references in 2 spaces',
    );
    expect(buildDigest(input({ previous: stateAfter({}), findings: [c] })).subject).toBe(
      '1 new stale reference in PLAT runbooks',
    );
    expect(buildDigest(input({ previous: stateAfter({ findings: [c] }), findings: [] })).subject).toBe(
      '1 stale reference fixed in PLAT runbooks',
    );
  });

  it('is quiet when nothing changed, and says what is still open', () => {
    const previous = stateAfter({ findings: [a] });
    const digest = buildDigest(input({ previous, findings: [a] }));
    expect(digest.quiet).toBe(true);
    expect(digest.spaces).toEqual([]);
    expect(digest.subject).toBe('No changes this week; 1 stale reference still open');
  });

  it('is deterministic whatever the input order, and counts a repeated fingerprint once', () => {
    const previous = stateAfter({ findings: [c] });
    const one = buildDigest(input({ previous, findings: [a, b, d, a] }));
    const two = buildDigest(input({ previous, findings: [d, b, a] }));
    expect(two).toEqual(one);
    expect(one.totals.newFindings).toBe(3);
  });

  it('ranks the most affected pages by open errors, then warnings, with links', () => {
    const digest = buildDigest(
      input({
        findings: [
          c,
          d,
          finding('2', 'i-0eeeeeeeeeeeeee5', 'not-running', 'warning'),
          a,
          b,
          finding('1', 'i-0fffffffffffffff6'),
        ],
      }),
    );
    expect(digest.mostAffected.map((p) => [p.title, p.errors, p.warnings, p.url])).toEqual([
      ['Orders DB failover', 2, 1, 'https://acme.atlassian.net/wiki/spaces/OPS/pages/1'],
      ['API 5xx response', 1, 1, 'https://acme.atlassian.net/wiki/spaces/OPS/pages/2'],
      ['Kafka restart', 1, 0, 'https://acme.atlassian.net/wiki/spaces/PLAT/pages/3'],
    ]);
  });

  it('treats every finding as new on the first digest, and counts unverifiable ones apart', () => {
    const info = finding('3', 'ap-east-1', 'unverifiable', 'info');
    const digest = buildDigest(input({ findings: [a, info] }));
    expect(digest.firstDigest).toBe(true);
    expect(digest.totals).toMatchObject({ newFindings: 2, newStale: 1, open: 1 });
    expect(digest.subject).toBe('1 new stale reference in OPS runbooks');
  });

  it('reports coverage changes: regions no longer scanned, scanned again, resources no runbook names', () => {
    const resources = [
      {
        kind: 'ec2-instance' as const,
        id: 'i-0aaaaaaaaaaaaaaa1',
        arn: null,
        account: '210987654321',
        region: 'eu-west-1',
        name: 'orders',
        dnsNames: [],
      },
      {
        kind: 'rds-instance' as const,
        id: 'billing-db',
        arn: null,
        account: '210987654321',
        region: 'eu-west-1',
        name: null,
        dnsNames: ['billing-db.abc.eu-west-1.rds.amazonaws.com'],
      },
      {
        kind: 'vpc' as const,
        id: 'vpc-0123',
        arn: null,
        account: '210987654321',
        region: 'eu-west-1',
        name: null,
        dnsNames: [],
      },
    ];
    const gap = {
      account: '210987654321',
      service: 'ec2' as const,
      region: 'us-east-1',
      outcome: 'access-denied' as const,
      detail: null,
    };
    const previous = stateAfter({
      resources,
      references: [
        { value: 'i-0aaaaaaaaaaaaaaa1', status: 'ok' },
        { value: 'billing-db.abc.eu-west-1.rds.amazonaws.com', status: 'ok' },
      ],
      coverage: { ...COVERAGE, problems: [{ ...gap, region: 'eu-central-1' }] },
    });
    const digest = buildDigest(
      input({
        previous,
        resources,
        references: [{ value: 'I-0AAAAAAAAAAAAAAA1', status: 'ok' }],
        coverage: { ...COVERAGE, problems: [gap] },
      }),
    );
    expect(digest.coverage).toEqual({
      newlyUnscannedRegions: ['us-east-1'],
      rescannedRegions: ['eu-central-1'],
      unscannedRegions: ['us-east-1'],
      regionProblems: [{ region: 'us-east-1', services: ['ec2'] }],
      unreferencedCount: 1,
      newlyUnreferenced: [
        { kind: 'rds-instance', id: 'billing-db', account: '210987654321', region: 'eu-west-1' },
      ],
      newlyUnreferencedCount: 1,
    });
    expect(digest.quiet).toBe(false);
    expect(digest.subject).toBe('Scans failing in 1 more region');
  });

  it('never carries page bodies, context snippets or evidence', () => {
    const digest = buildDigest(input({ findings: [a, b, c] }));
    const json = JSON.stringify(digest);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain(SECRET_CONTEXT);
    expect(json).not.toContain('accountsChecked');
  });

  it('hands back a state the next digest accepts, not yet marked sent', () => {
    const state = buildDigest(input({ findings: [a, c] })).nextState;
    expect(state).toMatchObject({ week: '2026-W48', sent: false, generatedAt: '2026-11-23T07:00:00.000Z' });
    expect(parseDigestState(JSON.parse(JSON.stringify(state)))).toEqual({ ok: true, state });
    expect(parseDigestState({ formatVersion: 2 })).toMatchObject({ ok: false });
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2026-11-22T23:59:59Z', '2026-W47'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2024-12-30T00:00:00Z', '2025-W01'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
  ])('%s is in %s', (at, week) => {
    expect(isoWeek(new Date(at))).toBe(week);
  });
});
