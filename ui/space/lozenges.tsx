import Lozenge from '@atlaskit/lozenge';
import type { FindingView } from '../../src/shared/contract-findings';

const SEVERITY: Record<FindingView['severity'], 'removed' | 'moved' | 'default'> = {
  error: 'removed',
  warning: 'moved',
  info: 'default',
};
const STATUS: Record<FindingView['status'], 'new' | 'inprogress' | 'default' | 'success' | 'moved'> = {
  open: 'new',
  reopened: 'moved',
  acknowledged: 'inprogress',
  suppressed: 'default',
  resolved: 'success',
};

export function SeverityLozenge({ severity }: { severity: FindingView['severity'] }) {
  return (
    <Lozenge appearance={SEVERITY[severity]} isBold={severity === 'error'}>
      {severity}
    </Lozenge>
  );
}

export function StatusLozenge({ status, reason }: { status: FindingView['status']; reason?: string | null }) {
  const label = status === 'resolved' && reason === 'out-of-scope' ? 'out of scope' : status;
  return <Lozenge appearance={STATUS[status]}>{label}</Lozenge>;
}
