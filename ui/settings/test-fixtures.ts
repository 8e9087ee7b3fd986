import type {
  ConnectionTestView,
  DigestSettingsView,
  SettingsView,
  SetupInfoView,
} from '../../src/shared/contract-settings';
import type { StatusView } from '../../src/shared/contract';

/** Answers for the settings page's component tests, shaped exactly like the contract's views. */
export const ADMIN: StatusView = { isSiteAdmin: true, schemaVersion: '013', schemaCurrent: true };
export const NOT_ADMIN: StatusView = { isSiteAdmin: false, schemaVersion: '013', schemaCurrent: true };

export const EXTERNAL_ID = 'rgExt4mpleId0123456789abcdef';
export const ROLE = 'arn:aws:iam::210987654321:role/RunbookGuardReadOnly';

export const SETUP: SetupInfoView = {
  externalId: EXTERNAL_ID,
  vendor: { principalArn: 'arn:aws:iam::111122223333:role/RunbookGuardScanner', account: '111122223333' },
  stackName: 'RunbookGuardReadOnly',
  template: {
    fileName: 'runbookguard-role.yaml',
    contentType: 'application/x-yaml',
    text: 'AWSTemplateFormatVersion: 2010-09-09\n',
  },
  quickCreate: {
    available: true,
    url: 'https://console.aws.amazon.com/cloudformation/home#/stacks/quickcreate?x=1',
  },
  actions: ['ec2:DescribeInstances', 'rds:DescribeDBInstances', 'eks:ListClusters'],
};

export function settingsView(accounts: SettingsView['accounts'] = []): SettingsView {
  return { externalId: EXTERNAL_ID, accounts };
}

export const CONNECTED: SettingsView['accounts'][number] = {
  account: '304958672011',
  roleArn: 'arn:aws:iam::304958672011:role/RunbookGuardReadOnly',
  regions: ['eu-west-1'],
  connectedAt: Date.UTC(2026, 10, 1, 9, 30),
};

export const TESTED: ConnectionTestView = {
  roleArn: ROLE,
  account: '210987654321',
  role: { status: 'ok' },
  regions: ['eu-west-1', 'us-east-1'],
  checks: [
    { service: 'ec2', region: 'eu-west-1', status: 'ok', resourceCount: 12, moreResources: false },
    { service: 'ec2', region: 'us-east-1', status: 'disabled' },
    { service: 'eks', region: 'eu-west-1', status: 'denied', action: 'eks:ListClusters' },
    { service: 'lambda', region: 'eu-west-1', status: 'error', message: 'Throttled by AWS' },
    { service: 'rds', region: 'us-east-1', status: 'not-tried' },
    { service: 's3', region: null, status: 'ok', resourceCount: 50, moreResources: true },
  ],
  complete: false,
  durationMs: 4200,
};

export const DIGEST: DigestSettingsView = {
  recipients: ['ops@example.com'],
  weekday: 'monday',
  sendWhenQuiet: false,
  maxRecipients: 500,
  optedOut: [],
  mailConfigured: true,
  lastDigest: null,
};
