import type { PageReferenceView, PageReport } from '../../src/shared/contract-dashboard';
import { STATE_ORDER } from '../../src/shared/page-summary';

/** Page reports for the macro's and byline's component tests (never bundled: tests import it). */
export function ref(over: Partial<PageReferenceView> & Pick<PageReferenceView, 'value'>): PageReferenceView {
  return {
    type: 'ec2-instance',
    region: 'eu-west-1',
    account: '111122223333',
    state: 'verified',
    message: null,
    suggestion: null,
    fingerprint: null,
    findingStatus: null,
    findingStatusReason: null,
    headingPath: [],
    occurrences: 1,
    ...over,
  };
}

/** A report whose counts are computed from its references, as the backend does. */
export function report(references: PageReferenceView[], over: Partial<PageReport> = {}): PageReport {
  const counts = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as PageReport['counts'];
  for (const r of references) counts[r.state] += 1;
  return {
    pageId: '1048577',
    lastCheckedAt: Date.now() - 2 * 3600_000,
    recheckPending: false,
    counts,
    references,
    ...over,
  };
}

export const ONE_OF_EACH: PageReferenceView[] = [
  ref({ value: 'i-0aaa1111bbbb2222c', state: 'verified' }),
  ref({ value: 'i-0123456789abcdef0', state: 'placeholder', region: null, account: null }),
  ref({
    value: 'i-0dead000000000001',
    state: 'stale',
    message: 'No EC2 instance i-0dead000000000001 in the accounts and regions scanned.',
    suggestion: { value: 'i-0abc123456789def0', reason: 'the instance now tagged orders-db in eu-west-1' },
    fingerprint: 'f'.repeat(64),
    findingStatus: 'open',
  }),
  ref({
    value: 'orders-db.cluster-abc.us-east-1.rds.amazonaws.com',
    type: 'hostname',
    state: 'dangling',
    message: 'The name resolves to nothing that exists.',
    fingerprint: 'e'.repeat(64),
    findingStatus: 'acknowledged',
    findingStatusReason: 'Decommissioned next sprint',
  }),
  ref({
    value: 'sg-0123abcd',
    type: 'security-group',
    state: 'wrong-region',
    message: 'Security group sg-0123abcd is in us-east-1, not eu-west-1.',
    fingerprint: 'd'.repeat(64),
    findingStatus: 'suppressed',
    findingStatusReason: 'Known: documented for the DR region',
  }),
  ref({ value: 'i-0stopped00000001', state: 'not-running', message: 'The instance is stopped.' }),
  ref({
    value: 'arn:aws:s3:::payments-exports',
    type: 's3-bucket',
    state: 'unverifiable',
    message: 'S3 was denied.',
  }),
  ref({ value: 'subnet-0fff', type: 'subnet', state: 'not-checked' }),
];
