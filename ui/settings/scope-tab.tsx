import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import type { ScopePreview, ScopeView } from '../../src/shared/contract-scope';
import { call, errorMessage } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { SpacePicker, spaceLabel, type SpaceOption } from './space-picker';
import { RadioChoice } from '../shared/radio-choice';
import { FieldRow } from '../shared/field';

const card = xcss({
  borderColor: 'color.border',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderRadius: 'radius.medium',
  padding: 'space.200',
  maxWidth: '760px',
});
const split = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * Site admins: which spaces RunbookGuard covers and what counts as a runbook in them, with the
 * count in plain words before anything is saved or scanned. Space admins narrow or widen their own
 * space on its space page; their choices are listed here.
 */
export function ScopeTab() {
  const scope = useResolver('getScope', {});
  if (scope.state === 'loading') return <Loading label="Loading the scan scope" />;
  if (scope.state === 'error') return <ErrorState error={scope.error} onRetry={scope.reload} />;
  return <ScopeForm scope={scope.data} onSaved={scope.reload} />;
}

function ScopeForm({ scope, onSaved }: { scope: ScopeView; onSaved: () => void }) {
  const spacesKnown = useResolver('listSpaces', {});
  const [allSpaces, setAllSpaces] = useState(scope.spaces === 'all');
  // Saved spaces carry their keys only; names come from the spaces the app knows, or from the picker.
  const [chosen, setChosen] = useState<SpaceOption[]>(
    scope.spaces === 'all' ? [] : scope.spaces.map((s) => ({ value: s.id, label: s.key })),
  );
  const [everyPage, setEveryPage] = useState(scope.rule.allPages);
  const [labels, setLabels] = useState(
    (scope.rule.labels.length > 0 ? scope.rule.labels : scope.defaultLabels).join(', '),
  );
  const [preview, setPreview] = useState<ScopePreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const proposal = () => ({
    spaces: allSpaces ? ('all' as const) : chosen.map((o) => o.value),
    rule: everyPage ? { allPages: true } : { allPages: false, labels: split(labels) },
  });
  const body = JSON.stringify(proposal());
  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      call('previewScope', { site: JSON.parse(body) as ReturnType<typeof proposal> }).then(
        (p) => live && setPreview(p),
        (e: unknown) => live && setMessage({ ok: false, text: errorMessage(e) }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [body]);

  const save = async () => {
    setBusy(true);
    try {
      await call('saveSiteScope', proposal());
      setMessage({ ok: true, text: 'Saved. The next scan reads only the pages in this scope.' });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const known = spacesKnown.state === 'ready' ? spacesKnown.data.spaces : [];
  return (
    <Stack space="space.300">
      <Box xcss={card}>
        <Stack space="space.200">
          <Heading size="small" as="h2">
            What RunbookGuard checks
          </Heading>
          <Box role="status" aria-live="polite">
            <Text>
              {preview === null ? (
                'Counting the pages in scope…'
              ) : (
                <>
                  With these choices: <strong>{preview.description}</strong>
                </>
              )}
            </Text>
          </Box>
          {!scope.configured && (
            <Text color="color.text.subtle">
              Not saved yet: until a scope is saved, every page of every space is checked.
            </Text>
          )}
          <Stack space="space.100" role="radiogroup" aria-label="Spaces">
            <Text weight="medium">Spaces</Text>
            <RadioChoice
              id="spaces-all"
              name="spaces"
              checked={allSpaces}
              onChange={() => setAllSpaces(true)}
            >
              <Text>All spaces</Text>
            </RadioChoice>
            <RadioChoice
              id="spaces-some"
              name="spaces"
              checked={!allSpaces}
              onChange={() => setAllSpaces(false)}
            >
              <Text>Only the spaces I choose</Text>
            </RadioChoice>
          </Stack>
          {!allSpaces && (
            <Box xcss={xcss({ maxWidth: '560px' })}>
              <FieldRow id="scope-spaces" label="Spaces to check">
                <SpacePicker
                  inputId="scope-spaces"
                  value={chosen.map((o) => {
                    const s = known.find((k) => k.id === o.value);
                    return s !== undefined && o.label === s.key ? { ...o, label: spaceLabel(s) } : o;
                  })}
                  onChange={setChosen}
                />
                <Text size="small" color="color.text.subtle">
                  Type part of a space&apos;s name or key; every space you can see is listed.
                </Text>
              </FieldRow>
            </Box>
          )}
          <Stack space="space.100" role="radiogroup" aria-label="What counts as a runbook">
            <Text weight="medium">What counts as a runbook</Text>
            <RadioChoice
              id="rule-labels"
              name="rule"
              checked={!everyPage}
              onChange={() => setEveryPage(false)}
            >
              <Text>Pages carrying one of these labels</Text>
            </RadioChoice>
            <RadioChoice id="rule-all" name="rule" checked={everyPage} onChange={() => setEveryPage(true)}>
              <Text>Every page in a covered space</Text>
            </RadioChoice>
          </Stack>
          {!everyPage && (
            <Box xcss={xcss({ maxWidth: '420px' })}>
              <FieldRow id="scope-labels" label="Labels (comma-separated)">
                <Textfield
                  id="scope-labels"
                  value={labels}
                  onChange={(e) => setLabels(e.currentTarget.value)}
                />
              </FieldRow>
            </Box>
          )}
          <Box>
            <Button appearance="primary" onClick={() => void save()} isDisabled={busy}>
              Save scope
            </Button>
          </Box>
          {message !== null && (
            <SectionMessage appearance={message.ok ? 'success' : 'error'}>
              <Text>{message.text}</Text>
            </SectionMessage>
          )}
        </Stack>
      </Box>
      <Stack space="space.100">
        <DynamicTable
          caption="Spaces with their own setting"
          head={{
            cells: [
              { key: 'space', content: 'Space' },
              { key: 'setting', content: 'Setting' },
              { key: 'by', content: 'Changed by' },
            ],
          }}
          rows={scope.overrides.map((o) => ({
            key: o.space.id,
            cells: [
              { key: 'space', content: o.space.key },
              {
                key: 'setting',
                content: o.paused ? (
                  <Lozenge appearance="moved">paused</Lozenge>
                ) : o.rule === null ? (
                  'site default'
                ) : o.rule.allPages ? (
                  'every page'
                ) : (
                  [
                    o.rule.labels.length > 0 ? `labels ${o.rule.labels.join(', ')}` : '',
                    o.rule.parentPageIds.length > 0
                      ? `page trees under ${o.rule.parentPageIds.join(', ')}`
                      : '',
                  ]
                    .filter((x) => x !== '')
                    .join('; ')
                ),
              },
              { key: 'by', content: o.updatedBy ?? '' },
            ],
          }))}
          emptyView={<Text color="color.text.subtle">No space admin has changed their space's scope.</Text>}
        />
      </Stack>
    </Stack>
  );
}
