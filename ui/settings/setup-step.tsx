import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import { useState } from 'react';
import type { SetupInfoView } from '../../src/shared/contract-settings';
import { FieldRow } from '../shared/field';
import { copyText, downloadText } from './download';

const idFieldStyles = xcss({ width: '100%', maxWidth: '420px' });
const actionsStyles = xcss({
  maxHeight: '240px',
  overflowY: 'auto',
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

/**
 * Step 1: everything the admin needs to create the role in their AWS account: the External ID to
 * copy, the quick-create link (or why there is none), the template file, and what the role grants.
 */
export function SetupStep({ info }: { info: SetupInfoView }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [linkBlocked, setLinkBlocked] = useState(false);
  return (
    <Stack space="space.300">
      <FieldRow
        id="rg-external-id"
        label="External ID for this Confluence site"
        helper="The role's trust policy requires this value, so only this RunbookGuard install can use the role. It is not a secret and never changes."
      >
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Box xcss={idFieldStyles}>
            <Textfield
              id="rg-external-id"
              value={info.externalId}
              isReadOnly
              isMonospaced
              aria-describedby="rg-external-id-helper"
              onFocus={(e) => e.currentTarget.select()}
            />
          </Box>
          <Button
            onClick={() => {
              void copyText(info.externalId).then((ok) => setCopied(ok ? 'yes' : 'no'));
            }}
          >
            Copy External ID
          </Button>
          <Box aria-live="polite">
            {copied === 'yes' && <Text color="color.text.success">Copied</Text>}
            {copied === 'no' && (
              <Text color="color.text.subtle">Select the field and press Ctrl+C (⌘C) to copy</Text>
            )}
          </Box>
        </Inline>
      </FieldRow>

      <Stack space="space.150">
        <Heading size="small" as="h4">
          Create the role with CloudFormation
        </Heading>
        {info.quickCreate.available ? (
          <Stack space="space.100">
            <Text>
              Open the AWS console signed in to the account to connect. The stack{' '}
              <Text weight="semibold">{info.stackName}</Text> is pre-filled with this External ID
              {info.vendor ? (
                <> and trusts RunbookGuard&apos;s principal in account {info.vendor.account}</>
              ) : null}
              . Create it, then copy the RoleArn output.
            </Text>
            <Inline space="space.100" shouldWrap>
              <Button
                appearance="primary"
                onClick={() => {
                  if (info.quickCreate.available)
                    router.open(info.quickCreate.url).catch(() => setLinkBlocked(true));
                }}
              >
                Open the CloudFormation quick-create page
              </Button>
              <Button onClick={() => downloadText(info.template)}>
                Download the template ({info.template.fileName})
              </Button>
            </Inline>
            {linkBlocked && (
              <SectionMessage appearance="warning" title="The console did not open">
                <Stack space="space.100">
                  <Text>Copy this link into a new browser tab signed in to the AWS account:</Text>
                  <Textfield
                    aria-label="CloudFormation quick-create link"
                    value={info.quickCreate.url}
                    isReadOnly
                    isMonospaced
                    onFocus={(e) => e.currentTarget.select()}
                  />
                </Stack>
              </SectionMessage>
            )}
          </Stack>
        ) : (
          <Stack space="space.100">
            <SectionMessage appearance="information" title="No quick-create link for this install">
              <Text>{info.quickCreate.reason}</Text>
            </SectionMessage>
            <Text>
              Download the template and create a stack from it in the CloudFormation console of the account to
              connect. Enter this External ID as the ExternalId parameter
              {info.vendor ? (
                <>
                  {' '}
                  and <Text weight="semibold">{info.vendor.principalArn}</Text> as VendorPrincipalArn
                </>
              ) : null}
              .
            </Text>
            <Inline>
              <Button appearance="primary" onClick={() => downloadText(info.template)}>
                Download the template ({info.template.fileName})
              </Button>
            </Inline>
          </Stack>
        )}
      </Stack>

      <Stack space="space.100">
        <Heading size="small" as="h4">
          What the role allows
        </Heading>
        <Text>
          Read-only: {info.actions.length} list and describe actions, nothing that reads object contents or
          secrets, nothing that changes anything.
        </Text>
        <Box xcss={actionsStyles} tabIndex={0} role="region" aria-label="IAM actions the role grants">
          <ul style={{ margin: 0, paddingInlineStart: token('space.250'), columns: '2 16rem' }}>
            {info.actions.map((a) => (
              <li key={a}>
                <code>{a}</code>
              </li>
            ))}
          </ul>
        </Box>
      </Stack>
    </Stack>
  );
}
