import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { DigestPreviewView } from '../../src/shared/contract-settings';
import { call, type ApiError } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { Facts } from './facts';
import { asApiError, useForbiddenReport } from './forbidden';

const frameStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  overflow: 'hidden',
});

/**
 * The digest the next run would send, built from the latest scan. The e-mail's HTML is shown in an
 * iframe with an empty sandbox (no script, no same origin, no forms, no navigation): it is data.
 */
export function DigestPreview() {
  const forbidden = useForbiddenReport();
  const [state, setState] = useState<
    | { state: 'idle' | 'loading' }
    | { state: 'ready'; preview: DigestPreviewView }
    | { state: 'error'; error: ApiError }
  >({ state: 'idle' });

  const load = async () => {
    setState({ state: 'loading' });
    try {
      setState({ state: 'ready', preview: await call('previewDigest', {}) });
    } catch (e) {
      if (forbidden(e)) return;
      setState({ state: 'error', error: asApiError(e) });
    }
  };

  return (
    <Box as="section" aria-labelledby="rg-preview-heading">
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="small" as="h3" id="rg-preview-heading">
            Preview the next digest
          </Heading>
          <Button onClick={() => void load()} isLoading={state.state === 'loading'}>
            {state.state === 'ready' ? 'Refresh preview' : 'Show preview'}
          </Button>
        </Inline>
        {state.state === 'idle' && (
          <Text color="color.text.subtle">
            See the e-mail the next scheduled run would send, from the latest scan. Nothing is sent.
          </Text>
        )}
        {state.state === 'loading' && <Loading label="Building the digest preview" />}
        {state.state === 'error' && <ErrorState error={state.error} onRetry={() => void load()} />}
        {state.state === 'ready' && <Preview preview={state.preview} />}
      </Stack>
    </Box>
  );
}

function Preview({ preview }: { preview: DigestPreviewView }) {
  if (preview.status === 'no-scan-yet')
    return (
      <SectionMessage appearance="information" title="No scan yet">
        <Text>
          The digest is built from the latest scan. Once a scan has finished, its digest shows here.
        </Text>
      </SectionMessage>
    );
  return (
    <Stack space="space.150">
      <Facts
        items={[
          { label: 'Subject', value: <Text>{preview.subject}</Text> },
          {
            label: 'Next run',
            value: (
              <Inline space="space.100" alignBlock="center" shouldWrap>
                {preview.wouldSend ? (
                  <Lozenge appearance="success">Would send</Lozenge>
                ) : (
                  <Lozenge appearance="default">Would not send</Lozenge>
                )}
                <Text>
                  {`${preview.nextSendDate} (week ${preview.week})`}
                  {preview.quiet ? ' · a quiet week' : ''}
                </Text>
              </Inline>
            ),
          },
        ]}
      />
      {!preview.wouldSend && (
        <Text color="color.text.subtle">
          The next run sends nothing when this week&apos;s digest already went out, there are no recipients,
          or the week is quiet and &quot;send even when quiet&quot; is off.
        </Text>
      )}
      <Box xcss={frameStyles}>
        <iframe
          title={`Digest preview: ${preview.subject}`}
          sandbox=""
          srcDoc={preview.html}
          // A mail client shows the e-mail on white, in dark mode too; so does the preview.
          style={{ display: 'block', width: '100%', height: 640, border: 0, background: 'white' }}
        />
      </Box>
    </Stack>
  );
}
