import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ScopeRuleInput, SpaceScopeView, SubscriptionView } from '../../src/shared/contract-scope';
import { call, errorMessage } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { PagePicker } from './page-picker';
import { nativeControlStyle, RadioChoice } from '../shared/radio-choice';
import { describedBy, FieldRow } from '../shared/field';

type Mode = 'default' | 'all' | 'custom';
const split = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
const describe = (r: SpaceScopeView['siteRule']): string =>
  r.allPages ? 'every page' : `pages labelled ${r.labels.join(' or ') || '(no labels)'}`;
const card = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
});

/** The space's own say over what counts as a runbook, and its admins' digest subscriptions. */
export function ScopeTab({
  scope,
  onSaved,
}: {
  scope: SpaceScopeView;
  onSaved: (s: SpaceScopeView) => void;
}) {
  const own = scope.rule;
  const [mode, setMode] = useState<Mode>(own === null ? 'default' : own.allPages ? 'all' : 'custom');
  const [labels, setLabels] = useState((own?.labels ?? scope.siteRule.labels).join(', '));
  const [parents, setParents] = useState<string[]>(own?.parentPageIds ?? []);
  const [paused, setPaused] = useState(scope.paused);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async () => {
    const rule: ScopeRuleInput | null =
      mode === 'default'
        ? null
        : mode === 'all'
          ? { allPages: true }
          : { allPages: false, labels: split(labels), parentPageIds: parents };
    setBusy(true);
    try {
      const saved = await call('saveSpaceScope', { spaceId: scope.space.id, paused, rule });
      onSaved(saved);
      setMessage({ ok: true, text: `Saved: ${saved.description}. It applies from the next scan.` });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack space="space.300">
      <Box xcss={card}>
        <Stack space="space.200">
          <Heading size="small" as="h2">
            What counts as a runbook in {scope.space.name}
          </Heading>
          <Text>
            Now: <strong>{scope.description}</strong>
          </Text>
          {!scope.covered ? (
            <SectionMessage appearance="information" title="This space is not covered">
              <Text>
                A Confluence site admin chooses which spaces RunbookGuard checks, in the app's settings.
              </Text>
            </SectionMessage>
          ) : (
            <>
              <Stack space="space.100" role="radiogroup" aria-label="Rule for this space">
                <RadioChoice
                  id="mode-default"
                  name="mode"
                  checked={mode === 'default'}
                  onChange={() => setMode('default')}
                >
                  <Text>Site default: {describe(scope.siteRule)}</Text>
                </RadioChoice>
                <RadioChoice
                  id="mode-all"
                  name="mode"
                  checked={mode === 'all'}
                  onChange={() => setMode('all')}
                >
                  <Text>Every page in this space</Text>
                </RadioChoice>
                <RadioChoice
                  id="mode-custom"
                  name="mode"
                  checked={mode === 'custom'}
                  onChange={() => setMode('custom')}
                >
                  <Text>Pages with these labels, or in these page trees</Text>
                </RadioChoice>
              </Stack>
              {mode === 'custom' && (
                <Inline space="space.200" shouldWrap>
                  <Box xcss={xcss({ width: '280px' })}>
                    <FieldRow id="scope-labels" label="Labels (comma-separated)">
                      <Textfield
                        id="scope-labels"
                        value={labels}
                        onChange={(e) => setLabels(e.currentTarget.value)}
                      />
                    </FieldRow>
                  </Box>
                  <Box xcss={xcss({ width: '420px' })}>
                    <FieldRow
                      id="scope-parents"
                      label="Page trees (the page and all below it)"
                      helper="Type part of a page title; only pages of this space you can view are listed."
                    >
                      <PagePicker
                        inputId="scope-parents"
                        spaceId={scope.space.id}
                        value={parents}
                        onChange={setParents}
                        describedBy={describedBy('scope-parents', true, null)}
                      />
                    </FieldRow>
                  </Box>
                </Inline>
              )}
              <Inline space="space.100" alignBlock="center">
                <input
                  type="checkbox"
                  id="scope-paused"
                  checked={paused}
                  onChange={(e) => setPaused(e.currentTarget.checked)}
                  style={nativeControlStyle}
                />
                <label htmlFor="scope-paused">
                  <Text>Pause RunbookGuard in this space (its findings resolve as out of scope)</Text>
                </label>
              </Inline>
              <Box>
                <Button appearance="primary" onClick={() => void save()} isDisabled={busy}>
                  Save scope
                </Button>
              </Box>
            </>
          )}
          {message !== null && (
            <SectionMessage appearance={message.ok ? 'success' : 'error'}>
              <Text>{message.text}</Text>
            </SectionMessage>
          )}
        </Stack>
      </Box>
      <Subscriptions spaceId={scope.space.id} spaceName={scope.space.name} />
    </Stack>
  );
}

function Subscriptions({ spaceId, spaceName }: { spaceId: string; spaceName: string }) {
  const subs = useResolver('getMySubscriptions', {});
  const [list, setList] = useState<SubscriptionView[] | null>(null);
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (subs.state === 'loading' && list === null) return <Loading label="Loading your digest subscriptions" />;
  if (subs.state === 'error' && list === null) return <ErrorState error={subs.error} onRetry={subs.reload} />;
  const current = list ?? subs.data?.subscriptions ?? [];
  const has = (kind: SubscriptionView['kind']) =>
    current.find((s) => s.kind === kind && (kind === 'own-pages' || s.spaceId === spaceId));
  const address = email !== '' ? email : (current[0]?.email ?? '');

  const toggle = async (kind: SubscriptionView['kind'], subscribed: boolean) => {
    try {
      const answer = await call('saveMySubscription', {
        kind,
        ...(kind === 'space' ? { spaceId } : {}),
        ...(subscribed ? { email: address } : {}),
        subscribed,
      });
      setList(answer.subscriptions);
      setMessage({ ok: true, text: subscribed ? `Subscribed ${address}.` : 'Unsubscribed.' });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  };
  const row = (kind: SubscriptionView['kind'], title: string, hint: string) => {
    const on = has(kind);
    return (
      <Inline space="space.200" alignBlock="center" spread="space-between">
        <Stack space="space.025">
          <Text weight="medium">{title}</Text>
          <Text size="small" color="color.text.subtle">
            {on ? `Weekly to ${on.email}` : hint}
          </Text>
        </Stack>
        <Button onClick={() => void toggle(kind, on === undefined)}>
          {on ? 'Unsubscribe' : 'Subscribe'}
        </Button>
      </Inline>
    );
  };
  return (
    <Box xcss={card}>
      <Stack space="space.200">
        <Heading size="small" as="h2">
          Weekly digest for you
        </Heading>
        <Box xcss={xcss({ width: '320px' })}>
          <FieldRow id="digest-email" label="Send to">
            <Textfield
              id="digest-email"
              type="email"
              value={address}
              placeholder="you@example.com"
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
          </FieldRow>
        </Box>
        {row('own-pages', 'New findings on runbooks I own', 'Only your own pages, in every space')}
        {row('space', `Everything in ${spaceName}`, 'New and fixed findings of this space')}
        {message !== null && (
          <SectionMessage appearance={message.ok ? 'success' : 'error'}>
            <Text>{message.text}</Text>
          </SectionMessage>
        )}
      </Stack>
    </Box>
  );
}
