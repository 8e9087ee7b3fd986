import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { SpaceFindingView } from '../../src/shared/contract-scope';
import { call, errorMessage } from '../shared/api';
import { Dialog } from '../shared/dialog';
import { Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { copyText, findingText } from './copy';
import { ago, exact } from './format';
import { SeverityLozenge, StatusLozenge } from '../shared/finding-lozenges';
import { typeName } from '../shared/format';
import { NativeSelect } from './native-select';

const snippetStyle = xcss({
  fontFamily: 'font.family.code',
  backgroundColor: 'color.background.neutral',
  padding: 'space.100',
  borderRadius: 'radius.small',
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
});
const DAY = 86_400_000;
const UNTIL = [
  { label: 'Suppress until someone lifts it', value: '0' },
  { label: 'Suppress for 30 days', value: '30' },
  { label: 'Suppress for 90 days', value: '90' },
] as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Inline space="space.100" alignBlock="start">
      <Box xcss={xcss({ width: '120px', flexShrink: 0 })}>
        <Text color="color.text.subtle">{label}</Text>
      </Box>
      <Box>{children}</Box>
    </Inline>
  );
}

/**
 * A finding's detail, and what the space's admins can do about it: acknowledge or suppress it
 * (with a reason), or copy a short text with the link for Jira or Slack.
 */
export function FindingModal({
  finding: f,
  onClose,
  onChanged,
}: {
  finding: SpaceFindingView;
  onClose: () => void;
  onChanged: (f: SpaceFindingView) => void;
}) {
  const detail = useResolver('getFindingDetail', { fingerprint: f.fingerprint });
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<(typeof UNTIL)[number]['value']>('0');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const decide = async (kind: 'acknowledge' | 'suppress') => {
    if (reason.trim() === '') {
      setMessage({ kind: 'error', text: 'Give a reason: the next admin will want to know why.' });
      return;
    }
    setBusy(true);
    try {
      const updated =
        kind === 'acknowledge'
          ? await call('acknowledgeFinding', { fingerprint: f.fingerprint, reason })
          : await call('suppressFinding', {
              fingerprint: f.fingerprint,
              reason,
              until: until === '0' ? null : Date.now() + Number(until) * DAY,
            });
      onChanged({ ...f, ...updated });
      setMessage({ kind: 'success', text: kind === 'acknowledge' ? 'Acknowledged.' : 'Suppressed.' });
      setReason('');
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    const ok = await copyText(findingText(f));
    setMessage(
      ok
        ? { kind: 'success', text: 'Copied: paste it into a Jira issue or a Slack message.' }
        : { kind: 'error', text: 'Your browser did not allow copying. Select the text below instead.' },
    );
  };

  return (
    <Dialog
      onClose={onClose}
      width={760}
      title={
        <Inline space="space.100" alignBlock="center">
          <SeverityLozenge severity={f.severity} />
          <span>{f.entity.value}</span>
        </Inline>
      }
      footer={
        <>
          <Button onClick={() => void copy()}>Copy for Jira/Slack</Button>
          <Button onClick={() => void decide('acknowledge')} isDisabled={busy}>
            Acknowledge
          </Button>
          <Button appearance="warning" onClick={() => void decide('suppress')} isDisabled={busy}>
            Suppress
          </Button>
        </>
      }
    >
      <Stack space="space.200">
        <Text>{f.message}</Text>
        <Stack space="space.075">
          <Field label="Runbook">
            <a href={f.pageUrl} target="_blank" rel="noreferrer">
              {f.pageTitle}
            </a>
          </Field>
          <Field label="Owner">
            <Text>{f.owner?.displayName ?? 'Unknown'}</Text>
          </Field>
          <Field label="Last editor">
            <Text>{f.lastEditor?.displayName ?? 'Unknown'}</Text>
          </Field>
          <Field label="Reference">
            <Text>
              {typeName(f.entity.type)}
              {f.entity.region === null ? '' : ` in ${f.entity.region}`}
              {f.entity.account === null ? '' : `, account ${f.entity.account}`}
            </Text>
          </Field>
          <Field label="Status">
            <Inline space="space.100" alignBlock="center">
              <StatusLozenge status={f.status} reason={f.statusReason} />
              {f.statusReason !== null && f.statusReason !== 'out-of-scope' && (
                <Text color="color.text.subtle">{f.statusReason}</Text>
              )}
            </Inline>
          </Field>
          <Field label="First seen">
            <span title={exact(f.firstSeen)}>{ago(f.firstSeen)}</span>
          </Field>
        </Stack>
        {detail.state === 'loading' && <Loading label="Loading the evidence" />}
        {detail.state === 'ready' && (
          <Stack space="space.100">
            {detail.data.suggestions.length > 0 && (
              <Text>
                Probably should say <strong>{detail.data.suggestions[0]?.value}</strong> (
                {detail.data.suggestions[0]?.reason})
              </Text>
            )}
            {detail.data.evidence.context !== '' && (
              <Box xcss={snippetStyle} aria-label="Where it is written">
                {detail.data.evidence.context}
              </Box>
            )}
          </Stack>
        )}
        <Stack space="space.075">
          <label htmlFor="finding-reason">
            <Text weight="medium">Reason (for acknowledge or suppress)</Text>
          </label>
          <TextArea
            id="finding-reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            placeholder="e.g. the instance is replaced in next week's migration"
            minimumRows={2}
          />
          <Box xcss={xcss({ width: '240px' })}>
            <NativeSelect
              id="finding-until"
              ariaLabel="How long to suppress"
              value={until}
              options={UNTIL}
              onChange={setUntil}
            />
          </Box>
        </Stack>
        {message !== null && (
          <SectionMessage appearance={message.kind === 'success' ? 'success' : 'error'}>
            <Text>{message.text}</Text>
          </SectionMessage>
        )}
      </Stack>
    </Dialog>
  );
}
