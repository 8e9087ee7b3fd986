import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ConnectionTestView, SettingsView } from '../../src/shared/contract-settings';
import { call, type ApiError } from '../shared/api';
import { ErrorState, Loading } from '../shared/states';
import { useResolver } from '../shared/use-resolver';
import { ConnectionResults } from './connection-results';
import { Facts } from './facts';
import { describedBy, FieldRow } from '../shared/field';
import { asApiError, useForbiddenReport, useForbiddenWatch } from './forbidden';
import { RegionPicker } from './region-picker';
import { regionsSummary } from './regions';
import { SetupStep } from './setup-step';
import { accountOf, regionsProblem, roleArnProblem } from './validate';

type Step = 1 | 2 | 3;
const STEPS: Record<Step, string> = {
  1: 'Create the role in AWS',
  2: 'Enter the role and test it',
  3: 'Save the connection',
};

const arnFieldStyles = xcss({ width: '100%', maxWidth: '640px' });
const cardStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.large',
  padding: 'space.300',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
});

/**
 * Connect an AWS account in three steps: create the role (External ID, template), enter and test
 * its ARN, save. Used for the first account and for each one added later; saving sends the accounts
 * already connected plus the new one (the backend checks only the new role).
 */
export function ConnectWizard({
  connected,
  onSaved,
  onCancel,
}: {
  connected: SettingsView['accounts'];
  onSaved: (view: SettingsView) => void;
  onCancel?: () => void;
}) {
  const setup = useResolver('getSetupInfo', {});
  useForbiddenWatch(setup.state === 'error' ? setup.error : null);
  const forbidden = useForbiddenReport();
  const [step, setStep] = useState<Step>(1);
  const [arn, setArn] = useState('');
  const [arnError, setArnError] = useState<string | null>(null);
  const [regions, setRegions] = useState<string[] | null>(null);
  const [regionsError, setRegionsError] = useState<string | null>(null);
  const [test, setTest] = useState<
    | { state: 'idle' }
    | { state: 'running' }
    | { state: 'done'; result: ConnectionTestView }
    | { state: 'error'; error: ApiError }
  >({ state: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  const roleArn = arn.trim();
  const validate = (): boolean => {
    const a = roleArnProblem(
      roleArn,
      connected.map((c) => c.roleArn),
    );
    const r = regionsProblem(regions);
    setArnError(a);
    setRegionsError(r);
    return a === null && r === null;
  };
  /** Errors about the payload belong to the field that caused them; others to the step. */
  const placeError = (error: ApiError): boolean => {
    if (error.code !== 'INVALID_PAYLOAD') return false;
    if (/region/i.test(error.message)) setRegionsError(error.message);
    else setArnError(error.message);
    return true;
  };

  const runTest = async () => {
    if (!validate()) return;
    setTest({ state: 'running' });
    try {
      setTest({ state: 'done', result: await call('testConnection', { roleArn, regions }) });
    } catch (e) {
      if (forbidden(e)) return;
      const error = asApiError(e);
      if (placeError(error)) setTest({ state: 'idle' });
      else setTest({ state: 'error', error });
    }
  };

  const save = async () => {
    if (!validate()) {
      setStep(2);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const view = await call('saveSettings', {
        accounts: [
          ...connected.map((a) => ({ roleArn: a.roleArn, regions: a.regions })),
          { roleArn, regions },
        ],
      });
      onSaved(view);
    } catch (e) {
      if (forbidden(e)) return;
      const error = asApiError(e);
      if (placeError(error)) setStep(2);
      else setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  const tested = test.state === 'done' ? test.result : null;

  return (
    <Box xcss={cardStyles}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="medium" as="h2">
            {connected.length === 0 ? 'Connect your first AWS account' : 'Connect another AWS account'}
          </Heading>
          <Text color="color.text.subtle">
            RunbookGuard reads your AWS inventory through a read-only IAM role you create in each account. It
            never changes anything and never sees credentials you keep.
          </Text>
        </Stack>
        <ol
          aria-label="Steps"
          style={{ display: 'flex', gap: '8px', listStyle: 'none', margin: 0, padding: 0, flexWrap: 'wrap' }}
        >
          {([1, 2, 3] as Step[]).map((s) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} style={{ margin: 0 }}>
              <Lozenge
                appearance={s === step ? 'inprogress' : s < step ? 'success' : 'default'}
                isBold={s === step}
              >
                {`${s}. ${STEPS[s]}`}
              </Lozenge>
            </li>
          ))}
        </ol>
        <Heading size="small" as="h3">
          {`Step ${step} of 3: ${STEPS[step]}`}
        </Heading>

        {step === 1 &&
          (setup.state === 'ready' ? (
            <SetupStep info={setup.data} />
          ) : setup.state === 'error' ? (
            <ErrorState error={setup.error} onRetry={setup.reload} />
          ) : (
            <Loading label="Loading the role set-up" />
          ))}

        {step === 2 && (
          <Stack space="space.300">
            <FieldRow
              id="rg-role-arn"
              label="Role ARN"
              helper="The RoleArn output of the CloudFormation stack, e.g. arn:aws:iam::123456789012:role/RunbookGuardReadOnly"
              error={arnError}
            >
              <Box xcss={arnFieldStyles}>
                <Textfield
                  id="rg-role-arn"
                  value={arn}
                  isMonospaced
                  isInvalid={arnError !== null}
                  aria-describedby={describedBy('rg-role-arn', true, arnError)}
                  placeholder="arn:aws:iam::123456789012:role/RunbookGuardReadOnly"
                  onChange={(e) => {
                    setArn(e.currentTarget.value);
                    setArnError(null);
                    // Results belong to the role and regions they were run with.
                    setTest({ state: 'idle' });
                  }}
                  onBlur={() => {
                    if (roleArn !== '')
                      setArnError(
                        roleArnProblem(
                          roleArn,
                          connected.map((c) => c.roleArn),
                        ),
                      );
                  }}
                />
              </Box>
            </FieldRow>
            <RegionPicker
              id="rg-regions"
              value={regions}
              error={regionsError}
              onChange={(next) => {
                setRegions(next);
                setRegionsError(null);
                setTest({ state: 'idle' });
              }}
            />
            <Stack space="space.150">
              <Inline space="space.100" alignBlock="center">
                <Button onClick={() => void runTest()} isLoading={test.state === 'running'}>
                  Test connection
                </Button>
                <Text color="color.text.subtle">
                  One cheap read per service and region; nothing is saved.
                </Text>
              </Inline>
              <Box aria-live="polite">
                {test.state === 'running' && <Loading label="Testing the role (up to 20 seconds)" />}
                {test.state === 'error' && <ErrorState error={test.error} onRetry={() => void runTest()} />}
                {test.state === 'done' && <ConnectionResults result={test.result} />}
              </Box>
            </Stack>
          </Stack>
        )}

        {step === 3 && (
          <Stack space="space.200">
            <Facts
              items={[
                { label: 'AWS account', value: <Text>{accountOf(roleArn)}</Text> },
                { label: 'Role', value: <code>{roleArn}</code> },
                { label: 'Regions', value: <Text>{regionsSummary(regions)}</Text> },
                {
                  label: 'Connection test',
                  value:
                    tested === null ? (
                      <Lozenge appearance="moved">Not tested</Lozenge>
                    ) : tested.role.status === 'ok' ? (
                      <Lozenge appearance="success">Role OK</Lozenge>
                    ) : (
                      <Lozenge appearance="removed">Role refused</Lozenge>
                    ),
                },
              ]}
            />
            <Text color="color.text.subtle">
              Saving checks the role once more: AWS must refuse it without the External ID and accept it with
              it.
            </Text>
            {saveError !== null &&
              (saveError.code === 'AWS_ROLE_REJECTED' ? (
                <SectionMessage appearance="error" title="AWS refused this role">
                  <Stack space="space.100">
                    <Text>{saveError.message}</Text>
                    <Text>
                      {/without the External ID/i.test(saveError.message)
                        ? 'This role can be assumed without the External ID — add the condition "sts:ExternalId" with this install\'s External ID to the role\'s trust policy (the RunbookGuard template does this), then save again.'
                        : "Check that the stack has finished creating the role and that its trust policy names this install's External ID (step 1), then save again."}
                    </Text>
                  </Stack>
                </SectionMessage>
              ) : (
                <ErrorState error={saveError} onRetry={() => void save()} />
              ))}
          </Stack>
        )}

        <Inline space="space.100" spread="space-between">
          <Inline space="space.100">
            {step > 1 && (
              <Button onClick={() => setStep((step - 1) as Step)} isDisabled={saving}>
                Back
              </Button>
            )}
            {onCancel && (
              <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
                Cancel
              </Button>
            )}
          </Inline>
          {step === 1 && (
            <Button appearance="primary" onClick={() => setStep(2)}>
              Next: enter the role
            </Button>
          )}
          {step === 2 && (
            <Button
              appearance="primary"
              onClick={() => {
                if (validate()) setStep(3);
              }}
            >
              Next: review and save
            </Button>
          )}
          {step === 3 && (
            <Button appearance="primary" onClick={() => void save()} isLoading={saving}>
              Save and connect
            </Button>
          )}
        </Inline>
      </Stack>
    </Box>
  );
}
