import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { DigestSettingsView } from '../../src/shared/contract-settings';
import { WEEKDAY_VALUES, type Weekday } from '../../src/shared/settings-values';
import { call, type ApiError } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { DigestPreview } from './digest-preview';
import { describedBy, FieldRow } from '../shared/field';
import { asApiError, useForbiddenReport, useForbiddenWatch } from './forbidden';
import { capitalize, plural } from './format';
import { TestDigest } from './test-digest';
import { recipientProblem } from './validate';

const fieldStyles = xcss({ width: '100%', maxWidth: '420px' });
const listStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  maxHeight: '280px',
  overflowY: 'auto',
});
const rowStyles = xcss({
  paddingInline: 'space.150',
  paddingBlock: 'space.050',
  borderBlockEndColor: 'color.border',
  borderBlockEndStyle: 'solid',
  borderBlockEndWidth: 'border.width',
});
const sectionStyles = xcss({ maxWidth: '720px' });

interface Option {
  label: string;
  value: Weekday;
}
const WEEKDAYS: Option[] = WEEKDAY_VALUES.map((d) => ({ label: capitalize(d), value: d }));

/** The "Weekly digest" tab: who gets it and when, a test send, and a preview of the next one. */
export function DigestTab() {
  const loaded = useResolver('getDigestSettings', {});
  useForbiddenWatch(loaded.state === 'error' ? loaded.error : null);
  if (loaded.data === null)
    return loaded.state === 'error' ? (
      <ErrorState error={loaded.error} onRetry={loaded.reload} />
    ) : (
      <Loading label="Loading the digest settings" />
    );
  return (
    <Stack space="space.500">
      <DigestForm initial={loaded.data} />
      <TestDigest />
      <DigestPreview />
    </Stack>
  );
}

function DigestForm({ initial }: { initial: DigestSettingsView }) {
  const forbidden = useForbiddenReport();
  const [current, setCurrent] = useState(initial);
  const [recipients, setRecipients] = useState<string[]>(initial.recipients);
  const [weekday, setWeekday] = useState<Weekday>(initial.weekday);
  const [sendWhenQuiet, setSendWhenQuiet] = useState(initial.sendWhenQuiet);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [save, setSave] = useState<
    { state: 'idle' | 'saving' | 'saved' } | { state: 'error'; error: ApiError }
  >({
    state: 'idle',
  });
  const dirty =
    recipients.join() !== current.recipients.join() ||
    weekday !== current.weekday ||
    sendWhenQuiet !== current.sendWhenQuiet;
  useEffect(() => {
    if (dirty && save.state === 'saved') setSave({ state: 'idle' });
  }, [dirty, save.state]);

  const add = () => {
    const problem = recipientProblem(draft, recipients);
    setDraftError(problem);
    if (problem !== null) return;
    setRecipients([...recipients, draft.trim().toLowerCase()]);
    setDraft('');
  };

  const submit = async () => {
    setSave({ state: 'saving' });
    try {
      const next = await call('saveDigestSettings', { recipients, weekday, sendWhenQuiet });
      setCurrent(next);
      setRecipients(next.recipients);
      setWeekday(next.weekday);
      setSendWhenQuiet(next.sendWhenQuiet);
      setSave({ state: 'saved' });
    } catch (e) {
      if (forbidden(e)) return;
      setSave({ state: 'error', error: asApiError(e) });
    }
  };

  const optedOut = new Set(current.optedOut);
  return (
    <Box as="section" aria-labelledby="rg-digest-heading" xcss={sectionStyles}>
      <Stack space="space.250">
        <Stack space="space.050">
          <Heading size="medium" as="h2" id="rg-digest-heading">
            Weekly digest
          </Heading>
          <Text color="color.text.subtle">
            A weekly e-mail summarising what changed in your runbooks&apos; findings, sent on the chosen day
            (UTC).
            {current.lastDigest !== null
              ? ` The last one went out for week ${current.lastDigest.week}.`
              : ' None has gone out yet.'}
          </Text>
        </Stack>
        {!current.mailConfigured && (
          <SectionMessage appearance="warning" title="E-mail is not set up for this app">
            <Text>
              The app&apos;s operator has not configured the mail service, so no digest can be sent. You can
              still choose recipients and preview the digest.
            </Text>
          </SectionMessage>
        )}

        <Stack space="space.100">
          <FieldRow
            id="rg-recipient"
            label="Add a recipient"
            helper={`${plural(recipients.length, 'recipient')} of at most ${current.maxRecipients}.`}
            error={draftError}
          >
            <Inline space="space.100" alignBlock="start">
              <Box xcss={fieldStyles}>
                <Textfield
                  id="rg-recipient"
                  type="email"
                  value={draft}
                  placeholder="name@example.com"
                  isInvalid={draftError !== null}
                  aria-describedby={describedBy('rg-recipient', true, draftError)}
                  onChange={(e) => {
                    setDraft(e.currentTarget.value);
                    setDraftError(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      add();
                    }
                  }}
                />
              </Box>
              <Button onClick={add}>Add</Button>
            </Inline>
          </FieldRow>
          {recipients.length === 0 ? (
            <Text color="color.text.subtle">
              No recipients yet: the digest goes to nobody until you add one.
            </Text>
          ) : (
            <Box xcss={listStyles}>
              <ul aria-label="Recipients" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {recipients.map((r) => (
                  <li key={r}>
                    <Box xcss={rowStyles}>
                      <Inline spread="space-between" alignBlock="center" space="space.100">
                        <Inline space="space.100" alignBlock="center">
                          <Text>{r}</Text>
                          {optedOut.has(r) && <Lozenge appearance="moved">Unsubscribed</Lozenge>}
                        </Inline>
                        <Button
                          appearance="subtle"
                          spacing="compact"
                          aria-label={`Remove ${r}`}
                          onClick={() => setRecipients(recipients.filter((x) => x !== r))}
                        >
                          Remove
                        </Button>
                      </Inline>
                    </Box>
                  </li>
                ))}
              </ul>
            </Box>
          )}
          {current.optedOut.length > 0 && (
            <Text size="small" color="color.text.subtle">
              Unsubscribed recipients used the link in a digest; they get none until you remove and re-add
              them.
            </Text>
          )}
        </Stack>

        <FieldRow id="rg-weekday" label="Send on">
          <Box xcss={fieldStyles}>
            <Select<Option>
              inputId="rg-weekday"
              options={WEEKDAYS}
              value={WEEKDAYS.find((o) => o.value === weekday) ?? null}
              onChange={(o) => {
                if (o !== null) setWeekday(o.value);
              }}
              isSearchable={false}
            />
          </Box>
        </FieldRow>

        <Stack space="space.050">
          <label style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
            <input
              type="checkbox"
              checked={sendWhenQuiet}
              onChange={(e) => setSendWhenQuiet(e.currentTarget.checked)}
              aria-describedby="rg-quiet-helper"
              style={{
                accentColor: token('color.background.selected.bold'),
                width: 16,
                height: 16,
                margin: 0,
              }}
            />
            <Text>Send even when the week is quiet</Text>
          </label>
          <Text size="small" color="color.text.subtle" id="rg-quiet-helper">
            A quiet week is one where nothing changed. Sending anyway confirms the check still runs.
          </Text>
        </Stack>

        <Inline space="space.150" alignBlock="center">
          <Button
            appearance="primary"
            onClick={() => void submit()}
            isLoading={save.state === 'saving'}
            isDisabled={!dirty && save.state !== 'error'}
          >
            Save digest settings
          </Button>
          <Box aria-live="polite">
            {save.state === 'saved' && <Text color="color.text.success">Digest settings saved.</Text>}
            {dirty && save.state === 'idle' && <Text color="color.text.subtle">Unsaved changes</Text>}
          </Box>
        </Inline>
        {save.state === 'error' && <ErrorState error={save.error} onRetry={() => void submit()} />}
      </Stack>
    </Box>
  );
}
