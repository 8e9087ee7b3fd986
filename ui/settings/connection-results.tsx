import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionTestView, ServiceCheckView } from '../../src/shared/contract-settings';
import { plural } from './format';
import { SimpleTable } from './table';

const SERVICE_NAMES: Record<ServiceCheckView['service'], string> = {
  ec2: 'EC2',
  rds: 'RDS',
  elb: 'Classic Load Balancing',
  elbv2: 'Application and Network Load Balancing',
  elasticache: 'ElastiCache',
  ecs: 'ECS',
  eks: 'EKS',
  lambda: 'Lambda',
  s3: 'S3',
  route53: 'Route 53',
};

type Status = ServiceCheckView['status'];
const STATUS: Record<Status, { label: string; appearance: 'success' | 'removed' | 'default' | 'moved' }> = {
  ok: { label: 'OK', appearance: 'success' },
  denied: { label: 'Denied', appearance: 'removed' },
  disabled: { label: 'Region disabled', appearance: 'default' },
  error: { label: 'Error', appearance: 'moved' },
  'not-tried': { label: 'Not tried', appearance: 'default' },
};

function detail(check: ServiceCheckView): string {
  switch (check.status) {
    case 'ok':
      return check.moreResources
        ? `${check.resourceCount}+ resources readable (first page)`
        : `${plural(check.resourceCount, 'resource')} readable`;
    case 'denied':
      return `AWS refused ${check.action}`;
    case 'disabled':
      return 'The account has not enabled this region';
    case 'error':
      return check.message;
    case 'not-tried':
      return 'Not checked: the test ran out of time';
  }
}

const where = (c: ServiceCheckView): string => c.region ?? 'Global';

/** A connection test's outcome: the role check first, then one row per service and region. */
export function ConnectionResults({ result }: { result: ConnectionTestView }) {
  if (result.role.status !== 'ok')
    return (
      <SectionMessage
        appearance="error"
        title={
          result.role.status === 'unguarded'
            ? 'RunbookGuard refuses this role: others could make it read this account'
            : 'RunbookGuard could not assume this role'
        }
      >
        <Stack space="space.100">
          <Text>{result.role.message}</Text>
          <Text>
            {result.role.status === 'unguarded'
              ? "Require this install's External ID in the role's trust policy with StringEquals, in the account RunbookGuard should read (the RunbookGuard template does both), then test again."
              : "Check the ARN, that the stack finished creating the role, and that its trust policy names this install's External ID."}
          </Text>
        </Stack>
      </SectionMessage>
    );
  const counts = new Map<Status, number>();
  for (const c of result.checks) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const notTried = result.checks.filter((c) => c.status === 'not-tried');
  const problems = (counts.get('denied') ?? 0) + (counts.get('error') ?? 0);
  return (
    <Stack space="space.200">
      <SectionMessage
        appearance={problems > 0 || notTried.length > 0 ? 'warning' : 'success'}
        title={
          problems > 0
            ? `Connected to account ${result.account}, but some reads failed`
            : `Connected to account ${result.account}`
        }
      >
        <Stack space="space.100">
          <Text>
            The role was assumed with this install&apos;s External ID and refuses callers without it. Checked{' '}
            {plural(result.regions.length, 'region')} in {(result.durationMs / 1000).toFixed(1)} s.
          </Text>
          <Inline space="space.100" shouldWrap>
            {(Object.keys(STATUS) as Status[])
              .filter((s) => (counts.get(s) ?? 0) > 0)
              .map((s) => (
                <Lozenge key={s} appearance={STATUS[s].appearance}>
                  {`${STATUS[s].label}: ${counts.get(s) ?? 0}`}
                </Lozenge>
              ))}
          </Inline>
          {notTried.length > 0 && (
            <Text>
              Not tried for lack of time:{' '}
              {notTried.map((c) => `${SERVICE_NAMES[c.service]} (${where(c)})`).join(', ')}. Test again with
              fewer regions to check them.
            </Text>
          )}
        </Stack>
      </SectionMessage>
      <SimpleTable<ServiceCheckView>
        caption="Connection test by service and region"
        rowKey={(c) => `${c.service}-${c.region ?? 'global'}`}
        rows={result.checks}
        columns={[
          { key: 'service', header: 'Service', width: '30%', render: (c) => SERVICE_NAMES[c.service] },
          { key: 'region', header: 'Region', width: '18%', render: where },
          {
            key: 'result',
            header: 'Result',
            width: '16%',
            render: (c) => (
              <Lozenge appearance={STATUS[c.status].appearance}>{STATUS[c.status].label}</Lozenge>
            ),
          },
          { key: 'detail', header: 'Detail', render: detail },
        ]}
      />
    </Stack>
  );
}
