import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { TestDigestView } from '../../src/shared/contract-settings';
import { call, type ApiError } from '../shared/api';
import { ErrorState } from '../shared/states';
import { describedBy, FieldRow } from '../shared/field';
import { asApiError, useForbiddenReport } from './forbidden';
import { emailProblem } from './validate';

const fieldStyles = xcss({ width: '100%', maxWidth: '420px' });
const sectionStyles = xcss({ maxWidth: '720px' });

/** "Send a test digest": the current digest to one address, subject marked as a test; once a minute. */
export function TestDigest() {
  const forbidden = useForbiddenReport();
  const [to, setTo] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [state, setState] = useState<
    | { state: 'idle' | 'sending' }
    | { state: 'done'; result: TestDigestView }
    | { state: 'error'; error: ApiError }
  >({ state: 'idle' });

  const send = async () => {
    const p = emailProblem(to);
    setProblem(p);
    if (p !== null) return;
    setState({ state: 'sending' });
    try {
      setState({ state: 'done', result: await call('sendTestDigest', { to: to.trim() }) });
    } catch (e) {
      if (forbidden(e)) return;
      const error = asApiError(e);
      if (error.code === 'INVALID_PAYLOAD') {
        setProblem(error.message);
        setState({ state: 'idle' });
      } else setState({ state: 'error', error });
    }
  };

  return (
    <Box as="section" aria-labelledby="rg-test-heading" xcss={sectionStyles}>
      <Stack space="space.200">
        <Heading size="small" as="h3" id="rg-test-heading">
          Send a test digest
        </Heading>
        <FieldRow
          id="rg-test-to"
          label="Send to"
          helper="The current digest, its subject marked as a test. One test per minute."
          error={problem}
        >
          <Inline space="space.100" alignBlock="start">
            <Box xcss={fieldStyles}>
              <Textfield
                id="rg-test-to"
                type="email"
                value={to}
                placeholder="you@example.com"
                isInvalid={problem !== null}
                aria-describedby={describedBy('rg-test-to', true, problem)}
                onChange={(e) => {
                  setTo(e.currentTarget.value);
                  setProblem(null);
                }}
              />
            </Box>
            <Button onClick={() => void send()} isLoading={state.state === 'sending'}>
              Send test digest
            </Button>
          </Inline>
        </FieldRow>
        <Box aria-live="polite">
          {state.state === 'done' && <Outcome result={state.result} />}
          {state.state === 'error' &&
            (state.error.code === 'RATE_LIMITED' ? (
              <SectionMessage appearance="warning" title="Too soon for another test">
                <Text>{state.error.message}</Text>
              </SectionMessage>
            ) : (
              <ErrorState error={state.error} onRetry={() => void send()} />
            ))}
        </Box>
      </Stack>
    </Box>
  );
}

function Outcome({ result }: { result: TestDigestView }) {
  switch (result.status) {
    case 'sent':
      return (
        <SectionMessage appearance="success" title={`Test digest sent to ${result.to}`}>
          <Text>Subject: {result.subject}</Text>
        </SectionMessage>
      );
    case 'no-scan-yet':
      return (
        <SectionMessage appearance="information" title="Nothing to send yet">
          <Text>There is no scan yet, so there is no digest. Run a scan from the dashboard first.</Text>
        </SectionMessage>
      );
    case 'not-configured':
      return (
        <SectionMessage appearance="warning" title="E-mail is not set up">
          <Text>{result.reason}</Text>
        </SectionMessage>
      );
  }
}
