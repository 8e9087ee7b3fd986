import Lozenge from '@atlaskit/lozenge';
import type { ComponentProps } from 'react';
import {
  COVERAGE_STATE_LABELS,
  KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type CoverageState,
  type Kind,
  type Severity,
  type Status,
} from './format';

type Appearance = NonNullable<ComponentProps<typeof Lozenge>['appearance']>;

const SEVERITY_APPEARANCE: Record<Severity, Appearance> = {
  error: 'removed',
  warning: 'moved',
  info: 'default',
};
const STATUS_APPEARANCE: Record<Status, Appearance> = {
  open: 'new',
  acknowledged: 'inprogress',
  suppressed: 'default',
  resolved: 'success',
  reopened: 'moved',
};
const COVERAGE_APPEARANCE: Record<CoverageState, Appearance> = {
  scanned: 'success',
  denied: 'removed',
  disabled: 'default',
  failed: 'removed',
  'not-selected': 'default',
};

/** Lozenges say states in words and colour, the same way on every screen. */
export function SeverityLozenge({ severity }: { severity: Severity }) {
  return (
    <Lozenge appearance={SEVERITY_APPEARANCE[severity]} isBold={severity === 'error'}>
      {SEVERITY_LABELS[severity]}
    </Lozenge>
  );
}

/** A finding resolved because its page left the scan scope says so, not just "Resolved". */
export function StatusLozenge({ status, reason = null }: { status: Status; reason?: string | null }) {
  const label = status === 'resolved' && reason === 'out-of-scope' ? 'Out of scope' : STATUS_LABELS[status];
  return <Lozenge appearance={STATUS_APPEARANCE[status]}>{label}</Lozenge>;
}

export function KindLozenge({ kind }: { kind: Kind }) {
  return <Lozenge>{KIND_LABELS[kind]}</Lozenge>;
}

export function CoverageLozenge({ state }: { state: CoverageState }) {
  return <Lozenge appearance={COVERAGE_APPEARANCE[state]}>{COVERAGE_STATE_LABELS[state]}</Lozenge>;
}
