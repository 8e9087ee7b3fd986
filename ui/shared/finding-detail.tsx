import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { useId, useState, type ReactNode } from 'react';
import type { FindingDetail } from '../../src/shared/contract';
import type { FindingView } from '../../src/shared/contract-findings';
import { ApiError, call } from './api';
import { Dialog } from './dialog';
import { KindLozenge, SeverityLozenge, StatusLozenge } from './finding-lozenges';
import { exactTime, formatDay, plural, regionLabel, relativeTime } from './format';
import { PageLink } from './links';
import { ErrorState, Loading } from './states';
import { codeStyle, fieldLabelStyle, subtleTextStyle } from './table-styles';
import { useResolver } from './use-resolver';

export interface FindingDetailProps {
  finding: FindingView;
  /** The page's space key (or id) for the page link. */
  spaceKey: string;
  canTriage: boolean;
  onClose: () => void;
  /** A triage action succeeded: the finding as it is now, and what happened ("suppressed"). */
  onChanged: (finding: FindingView, verb: string) => void;
}

const LOCATION_WORDS: Record<FindingDetail['evidence']['locationKind'], string> = {
  prose: 'in the text',
  table: 'in a table',
  'inline-code': 'in inline code',
  'code-block': 'in a code block',
};

/** A finding's detail: evidence, suggestions, history, and (for space admins) triage. */
export default function FindingDetailModal({
  finding,
  spaceKey,
  canTriage,
  onClose,
  onChanged,
}: FindingDetailProps) {
  const detail = useResolver('getFindingDetail', { fingerprint: finding.fingerprint });
  const current = detail.data?.finding ?? finding;
  return (
    <Dialog
      onClose={onClose}
      title={<span style={{ overflowWrap: 'anywhere' }}>{finding.entity.value}</span>}
      footer={
        <Button appearance="subtle" onClick={onClose}>
          Close
        </Button>
      }
    >
      <Stack space="space.200">
        <Inline space="space.100" shouldWrap alignBlock="center">
          <SeverityLozenge severity={current.severity} />
          <KindLozenge kind={current.kind} />
          <StatusLozenge status={current.status} reason={current.statusReason} />
          <Text color="color.text.subtle" size="small">
            on{' '}
            <PageLink pageId={current.pageId} space={spaceKey}>
              {current.pageTitle}
            </PageLink>
          </Text>
        </Inline>
        <Text>{current.message}</Text>
        {current.statusReason !== null && (
          <Text color="color.text.subtle" size="small">
            {current.status === 'suppressed' && current.suppressedUntil !== null
              ? `Suppressed until ${formatDay(current.suppressedUntil)}: `
              : 'Reason: '}
            {current.statusReason}
          </Text>
        )}
        {detail.state === 'error' ? (
          <ErrorState error={detail.error} onRetry={detail.reload} />
        ) : detail.data === null ? (
          <Loading label="Loading the finding's evidence" />
        ) : (
          <DetailSections detail={detail.data} />
        )}
        {canTriage && (
          <Triage
            finding={current}
            onDone={(f, verb) => {
              detail.reload();
              onChanged(f, verb);
            }}
          />
        )}
      </Stack>
    </Dialog>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h3">
        {title}
      </Heading>
      {children}
    </Stack>
  );
}

function DetailSections({ detail }: { detail: FindingDetail }) {
  const { evidence, suggestions, history } = detail;
  return (
    <Stack space="space.200">
      <Section title="Evidence">
        {evidence.headingPath.length > 0 && (
          <Text size="small" color="color.text.subtle">
            Under {evidence.headingPath.join(' › ')}, {LOCATION_WORDS[evidence.locationKind]}
            {evidence.occurrences > 1 ? `, ${plural(evidence.occurrences, 'time')} on the page` : ''}
          </Text>
        )}
        {evidence.context !== '' && (
          <blockquote
            style={{
              margin: 0,
              padding: token('space.100'),
              background: token('color.background.neutral'),
              borderInlineStart: `${token('border.width.selected')} solid ${token('color.border')}`,
              font: token('font.code'),
              whiteSpace: 'pre-wrap',
              overflowWrap: 'anywhere',
            }}
          >
            {evidence.context}
          </blockquote>
        )}
        <Text size="small" color="color.text.subtle">
          {evidence.snapshotTakenAt !== null
            ? `Checked against the inventory of ${exactTime(evidence.snapshotTakenAt)}`
            : 'Checked against the latest inventory'}
          {evidence.accountsChecked.length > 0
            ? ` in ${plural(evidence.accountsChecked.length, 'account')}`
            : ''}
          {evidence.regionsChecked.length > 0 ? ` (${evidence.regionsChecked.join(', ')})` : ''}.
        </Text>
        {evidence.resource !== null && (
          <Text size="small">
            Closest resource: <code style={codeStyle}>{evidence.resource.id}</code> in account{' '}
            {evidence.resource.account}, {regionLabel(evidence.resource.region)}
            {evidence.resource.state !== null ? `, ${evidence.resource.state}` : ''}
          </Text>
        )}
        {evidence.dnsChain.length > 0 && (
          <Text size="small">
            DNS:{' '}
            {evidence.dnsChain.map((d, i) => (
              <span key={d}>
                {i > 0 ? ' → ' : ''}
                <code style={codeStyle}>{d}</code>
              </span>
            ))}
          </Text>
        )}
        {evidence.gaps.length > 0 && (
          <Stack space="space.050">
            <Text size="small" weight="semibold">
              Not verifiable because
            </Text>
            <ul style={{ margin: 0, paddingInlineStart: token('space.300') }}>
              {evidence.gaps.map((g) => (
                <li key={`${g.account}/${g.service}/${g.region ?? ''}`}>
                  <Text size="small">
                    {g.service} in {g.account}, {regionLabel(g.region)}: {g.outcome}
                    {g.detail !== null ? ` (${g.detail})` : ''}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        )}
        {evidence.covers.length > 0 && (
          <Text size="small">
            Stands for {plural(evidence.covers.length, 'reference')} on the page:{' '}
            {evidence.covers.slice(0, 10).map((c, i) => (
              <span key={`${c.type}:${c.value}`}>
                {i > 0 ? ', ' : ''}
                <code style={codeStyle}>{c.value}</code>
              </span>
            ))}
            {evidence.covers.length > 10 ? ` and ${evidence.covers.length - 10} more` : ''}
          </Text>
        )}
      </Section>
      <Section title="Suggestions">
        {suggestions.length === 0 ? (
          <Text size="small" color="color.text.subtle">
            RunbookGuard has no suggestion for this one.
          </Text>
        ) : (
          <ul style={{ margin: 0, paddingInlineStart: token('space.300') }}>
            {suggestions.map((s) => (
              <li key={s.value}>
                <Text size="small">
                  <code style={codeStyle}>{s.value}</code> — {s.reason}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="History">
        <Text size="small">
          First seen{' '}
          <Tooltip content={exactTime(history.firstSeen)} tag="span">
            <span tabIndex={0}>{relativeTime(history.firstSeen)}</span>
          </Tooltip>
          , last seen{' '}
          <Tooltip content={exactTime(history.lastSeen)} tag="span">
            <span tabIndex={0}>{relativeTime(history.lastSeen)}</span>
          </Tooltip>
          .
        </Text>
        {history.changes.length > 0 && (
          <ol style={{ margin: 0, paddingInlineStart: token('space.300') }} aria-label="Status changes">
            {history.changes.map((c) => (
              <li key={`${c.at}-${c.action}`}>
                <Text size="small">
                  {exactTime(c.at)} · {c.actor ?? 'RunbookGuard'} · {c.action.replace(/[._-]/g, ' ')}
                  {c.outcome !== 'success' ? ` (${c.outcome})` : ''}
                  {c.reason !== null ? `: ${c.reason}` : ''}
                </Text>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </Stack>
  );
}

type Action = 'acknowledge' | 'suppress';

/** The day after today as YYYY-MM-DD (local): the earliest a suppression may end. */
function tomorrow(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "2026-12-01" → the start of that day, local time, in ms: the finding comes back that morning. */
export function untilMs(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

function Triage({
  finding,
  onDone,
}: {
  finding: FindingView;
  onDone: (f: FindingView, verb: string) => void;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const reasonId = useId();
  const untilId = useId();

  const submit = async () => {
    if (action === null) return;
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const updated =
        action === 'suppress'
          ? await call('suppressFinding', {
              fingerprint: finding.fingerprint,
              reason: reason.trim(),
              until: untilMs(until),
            })
          : await call('acknowledgeFinding', { fingerprint: finding.fingerprint, reason: reason.trim() });
      onDone(updated, action === 'suppress' ? 'suppressed' : 'acknowledged');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL', 'Something went wrong. Try again.'));
    } finally {
      setBusy(false);
    }
  };

  if (action === null)
    return (
      <Inline space="space.100">
        {finding.status !== 'acknowledged' && (
          <Button onClick={() => setAction('acknowledge')}>Acknowledge</Button>
        )}
        {finding.status !== 'suppressed' && <Button onClick={() => setAction('suppress')}>Suppress</Button>}
      </Inline>
    );

  return (
    <Box
      as="form"
      padding="space.200"
      backgroundColor="color.background.neutral.subtle.hovered"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack space="space.150">
        <Heading size="xsmall" as="h3">
          {action === 'suppress' ? 'Suppress this finding' : 'Acknowledge this finding'}
        </Heading>
        <Text size="small" color="color.text.subtle">
          {action === 'suppress'
            ? 'It leaves the open list and digests until the date you choose (or for good). The reason is kept in the audit log.'
            : 'It stays on the dashboard, marked as known. The reason is kept in the audit log.'}
        </Text>
        <div>
          <label htmlFor={reasonId} style={fieldLabelStyle}>
            Reason (required)
          </label>
          <TextArea
            id={reasonId}
            value={reason}
            isInvalid={missingReason}
            aria-describedby={missingReason ? `${reasonId}-error` : undefined}
            maxLength={1000}
            minimumRows={2}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissingReason(false);
            }}
          />
          {missingReason && (
            <span
              id={`${reasonId}-error`}
              role="alert"
              style={{ ...subtleTextStyle, color: token('color.text.danger') }}
            >
              Say why, so others know: a reason is required.
            </span>
          )}
        </div>
        {action === 'suppress' && (
          <div style={{ maxWidth: 240 }}>
            <label htmlFor={untilId} style={fieldLabelStyle}>
              Until (optional)
            </label>
            <DatePicker
              id={untilId}
              value={until}
              minDate={tomorrow()}
              onChange={setUntil}
              placeholder="For good"
              clearControlLabel="Clear the date"
            />
          </div>
        )}
        {error !== null && <ErrorState error={error} />}
        <Inline space="space.100">
          <Button type="submit" appearance="primary" isLoading={busy}>
            {action === 'suppress' ? 'Suppress' : 'Acknowledge'}
          </Button>
          <Button appearance="subtle" onClick={() => setAction(null)}>
            Cancel
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
