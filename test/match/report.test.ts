import fc from 'fast-check';
import { REFERENCE_TYPES, type PageExtraction, type Reference } from '../../src/core/extract/types';
import { FINDING_KINDS, fingerprintOf, indexSnapshot, scanPages, severityOf } from '../../src/core/match';
import { ACCOUNT_A, ref, res, snap } from './support';

const page = (entities: Reference[], id = '1001'): PageExtraction => ({
  pageId: id,
  title: 'Bastion access',
  version: 3,
  entities,
});

describe('scanPages', () => {
  const ix = indexSnapshot(
    snap({
      resources: [
        res({ kind: 'ec2-instance', id: 'i-0aaa1111bbbb22223', state: 'terminated', name: 'bastion' }),
        res({ kind: 'ec2-instance', id: 'i-0ddd4444eeee55556', state: 'running', name: 'bastion' }),
      ],
    }),
  );

  it('returns findings, every reference with its status, and the coverage', () => {
    const report = scanPages(
      [
        page([
          ref({
            type: 'ec2-instance',
            value: 'i-0aaa1111bbbb22223',
            location: { headingPath: ['Connect'], kind: 'code-block' },
          }),
          ref({ type: 'ec2-instance', value: 'i-0ddd4444eeee55556' }),
          ref({ type: 'ec2-instance', value: 'i-1234567890abcdef0', placeholder: true }),
          ref({ type: 'hostname', value: 'grafana.example.dev' }),
        ]),
      ],
      ix,
    );
    expect(report.findings).toHaveLength(1);
    const [f] = report.findings;
    expect(f).toMatchObject({
      pageId: '1001',
      pageTitle: 'Bastion access',
      entity: { type: 'ec2-instance', value: 'i-0aaa1111bbbb22223', region: null },
      kind: 'missing',
      severity: 'error',
      suggestion: { value: 'i-0ddd4444eeee55556' },
      location: { headingPath: ['Connect'], kind: 'code-block', occurrences: 1 },
      evidence: {
        snapshotTakenAt: '2025-03-01T08:00:00.000Z',
        accountsChecked: [ACCOUNT_A],
        regionsChecked: ['eu-west-1', 'us-east-1'],
        resource: { id: 'i-0aaa1111bbbb22223', state: 'terminated' },
      },
    });
    expect(f?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(report.references.map((r) => r.status)).toEqual(['missing', 'ok', 'placeholder', 'unchecked']);
    expect(report.references[0]?.fingerprint).toBe(f?.fingerprint);
    expect(report.coverage.regionsScanned).toEqual(['eu-west-1', 'us-east-1']);
    expect(report.coverage.problems).toEqual([]);
  });

  it('keeps fingerprints when only positions, context or wording change', () => {
    const a = scanPages([page([ref({ type: 'ec2-instance', value: 'i-0aaa1111bbbb22223' })])], ix);
    const moved = ref({
      type: 'ec2-instance',
      value: 'i-0AAA1111BBBB22223',
      occurrences: 4,
      context: 'ssh ec2-user@…',
      location: { headingPath: ['Other', 'Section'], kind: 'table' },
    });
    const b = scanPages([page([moved])], ix);
    expect(b.findings[0]?.fingerprint).toBe(a.findings[0]?.fingerprint);
  });
});

describe('fingerprints (properties)', () => {
  const arb = fc.record({
    pageId: fc.stringMatching(/^[0-9]{1,8}$/),
    type: fc.constantFrom(...REFERENCE_TYPES),
    value: fc.string({ minLength: 1, maxLength: 40 }),
    region: fc.option(fc.constantFrom('eu-west-1', 'us-east-1'), { nil: null }),
    kind: fc.constantFrom(...FINDING_KINDS),
  });

  it('is deterministic and case-insensitive on the value', () => {
    fc.assert(
      fc.property(arb, (x) => {
        const f = fingerprintOf(x.pageId, x.type, x.value, x.region, x.kind);
        expect(fingerprintOf(x.pageId, x.type, x.value.toUpperCase().toLowerCase(), x.region, x.kind)).toBe(
          fingerprintOf(x.pageId, x.type, x.value.toLowerCase(), x.region, x.kind),
        );
        expect(fingerprintOf(x.pageId, x.type, x.value, x.region, x.kind)).toBe(f);
      }),
    );
  });

  it('separates different entities and kinds', () => {
    fc.assert(
      fc.property(arb, arb, (x, y) => {
        const same =
          x.pageId === y.pageId &&
          x.type === y.type &&
          x.value.toLowerCase() === y.value.toLowerCase() &&
          x.region === y.region &&
          x.kind === y.kind;
        const fx = fingerprintOf(x.pageId, x.type, x.value, x.region, x.kind);
        const fy = fingerprintOf(y.pageId, y.type, y.value, y.region, y.kind);
        expect(fx === fy).toBe(same);
      }),
    );
  });

  it('makes the scan deterministic: same input, same report', () => {
    const ix = indexSnapshot(
      snap({ resources: [res({ kind: 'rds-instance', id: 'db1', state: 'stopped' })] }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom(...REFERENCE_TYPES),
            value: fc.constantFrom(
              'db1',
              'i-0aaa1111bbbb22223',
              'x.acme.io',
              '10.0.0.1',
              'eu-west-1',
              ACCOUNT_A,
              'zz',
            ),
            region: fc.option(fc.constantFrom('eu-west-1', 'us-east-1', 'ap-south-1'), { nil: null }),
          }),
          { maxLength: 30 },
        ),
        (refs) => {
          const p = page(refs.map((r) => ref(r)));
          expect(scanPages([p], ix)).toEqual(scanPages([p], ix));
        },
      ),
    );
  });
});

describe('severity', () => {
  it('errors for step-breaking missing/dangling, warnings for region and state, info for unverifiable', () => {
    expect(severityOf('missing', 'ec2-instance')).toBe('error');
    expect(severityOf('dangling', 'hostname')).toBe('error');
    expect(severityOf('missing', 'security-group')).toBe('warning');
    expect(severityOf('wrong-region', 'rds-instance')).toBe('warning');
    expect(severityOf('not-running', 'ec2-instance')).toBe('warning');
    expect(severityOf('unverifiable', 'aws-account')).toBe('info');
  });
});

describe('accounts named on the page but not connected', () => {
  it('turns missing into unverifiable in the section that names the foreign account', () => {
    // acme-logs makes acme-gone look like one of ours (see the S3 naming rule): missing.
    const ix = indexSnapshot(
      snap({ resources: [res({ kind: 's3-bucket', id: 'acme-logs', region: null })] }),
    );
    const archive = { headingPath: ['Archive'], kind: 'prose' as const };
    const report = scanPages(
      [
        page([
          ref({ type: 'aws-account', value: '551234098876', location: archive }),
          ref({
            type: 's3-bucket',
            value: 'acme-archive',
            location: { headingPath: ['Archive', 'Restore'], kind: 'code-block' },
          }),
          ref({
            type: 's3-bucket',
            value: 'acme-gone',
            location: { headingPath: ['Backups'], kind: 'code-block' },
          }),
        ]),
      ],
      ix,
    );
    expect(report.references.map((r) => r.status)).toEqual(['unverifiable', 'unverifiable', 'missing']);
    expect(report.references[1]?.note).toContain('names account 551234098876, which is not connected');
    // One finding for the account and everything in its section, after the page's own findings.
    expect(report.findings.map((f) => [f.kind, f.entity.type, f.entity.value])).toEqual([
      ['missing', 's3-bucket', 'acme-gone'],
      ['unverifiable', 'aws-account', '551234098876'],
    ]);
    expect(report.findings[1]?.covers).toEqual([{ type: 's3-bucket', value: 'acme-archive', region: null }]);
    expect(report.findings[1]?.message).toBe(
      'Account 551234098876 is not connected to RunbookGuard; 1 reference on this page that may be in it could not be checked: acme-archive',
    );
    expect(report.references[0]?.fingerprint).toBe(report.findings[1]?.fingerprint);
    expect(report.references[1]?.fingerprint).toBe(report.findings[1]?.fingerprint);
  });

  it('reports one finding per page for a region nobody scanned, covering every reference in it', () => {
    const ix = indexSnapshot(snap({}));
    const cn = (type: Reference['type'], value: string): Reference =>
      ref({ type, value, region: 'cn-north-1', regionSource: 'section' });
    const report = scanPages(
      [
        page([
          ref({ type: 'region', value: 'cn-north-1', region: 'cn-north-1', regionSource: 'explicit' }),
          cn('ec2-instance', 'i-0aaa1111bbbb22223'),
          cn('rds-instance', 'orders-cn'),
          cn('lambda-function', 'rotate-keys'),
        ]),
      ],
      ix,
    );
    expect(report.references.map((r) => r.status)).toEqual(Array(4).fill('unverifiable'));
    expect(report.findings).toHaveLength(1);
    const [f] = report.findings;
    expect(f).toMatchObject({
      kind: 'unverifiable',
      severity: 'info',
      entity: { type: 'region', value: 'cn-north-1', region: 'cn-north-1' },
      fingerprint: fingerprintOf('1001', 'region', 'cn-north-1', 'cn-north-1', 'unverifiable'),
    });
    expect(f?.message).toMatch(
      /^Region cn-north-1 was not scanned \(scanned: eu-west-1, us-east-1\); 3 references on this page in it could not be checked: i-0aaa1111bbbb22223, orders-cn, rotate-keys$/,
    );
    expect(f?.evidence.gaps.map((g) => g.service).sort()).toEqual(['ec2', 'lambda', 'rds']);
  });
});
