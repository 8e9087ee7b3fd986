import { z } from 'zod';
import { REGION, ROLE_ARN } from './contract-common';
import {
  MAX_AWS_ACCOUNTS,
  MAX_DIGEST_RECIPIENTS,
  WEEKDAY_VALUES,
  type AwsService,
  type Weekday,
} from './settings-values';

export {
  AWS_SERVICE_VALUES,
  MAX_AWS_ACCOUNTS,
  MAX_DIGEST_RECIPIENTS,
  WEEKDAY_VALUES,
  type AwsService,
  type Weekday,
} from './settings-values';

const email = z.string().trim().max(254).pipe(z.email('not an e-mail address'));
const roleArn = z.string().max(2048).regex(ROLE_ARN, 'not an IAM role ARN');
const regions = z
  .array(z.string().max(32).regex(REGION, 'not an AWS region'))
  .min(1)
  .max(40)
  .nullable()
  .default(null);

/** Settings: AWS accounts, the role set-up helper, the connection test and the weekly digest (site admins only). */
export const settingsPayloads = {
  /** Site admins: the connected AWS accounts and this install's External ID. */
  getSettings: z.object({}).strict(),
  /** Site admins: replaces the connected accounts; new roles must pass the confused-deputy check. */
  saveSettings: z
    .object({
      accounts: z.array(z.object({ roleArn, regions }).strict()).max(MAX_AWS_ACCOUNTS),
    })
    .strict()
    .refine((p) => new Set(p.accounts.map((a) => a.roleArn.split(':')[4])).size === p.accounts.length, {
      message: 'one role per AWS account',
      path: ['accounts'],
    }),
  /** Site admins: what creating the customer's role needs (External ID, trusted principal, template, quick-create link). */
  getSetupInfo: z.object({}).strict(),
  /**
   * Site admins: the confused-deputy check, then one cheap read per service and region with the
   * role; nothing is saved. regions null: every region the account has enabled.
   */
  testConnection: z.object({ roleArn, regions }).strict(),
  /** Site admins: the weekly digest's settings. */
  getDigestSettings: z.object({}).strict(),
  /** Site admins: replaces the weekly digest's settings (recipients are lower-cased and de-duplicated). */
  saveDigestSettings: z
    .object({
      recipients: z.array(email).max(MAX_DIGEST_RECIPIENTS),
      weekday: z.enum(WEEKDAY_VALUES),
      sendWhenQuiet: z.boolean(),
    })
    .strict(),
  /** Site admins: the digest the next run would send, from the latest scan; nothing is sent or stored. */
  previewDigest: z.object({}).strict(),
  /** Site admins: the current digest to one address, subject marked as a test; once a minute per install. */
  sendTestDigest: z.object({ to: email }).strict(),
} as const;

export interface SettingsView {
  /** Generated per install, never chosen by the customer: goes into the role's trust policy. */
  externalId: string;
  accounts: { account: string; roleArn: string; regions: string[] | null; connectedAt: number }[];
}

export interface SetupInfoView {
  /** The template parameter ExternalId: this install's External ID. */
  externalId: string;
  /**
   * The template parameter VendorPrincipalArn: the RunbookGuard principal the role trusts, and its
   * AWS account. Null when the app's operator has not configured it (RG_VENDOR_PRINCIPAL_ARN).
   */
  vendor: { principalArn: string; account: string } | null;
  /** The stack name the quick-create link proposes. */
  stackName: string;
  /** cfn/runbookguard-role.yaml as shipped with this app version, for a download button. */
  template: { fileName: string; contentType: string; text: string };
  /** The CloudFormation console's quick-create link, or why there is none (hide the link then). */
  quickCreate: { available: true; url: string } | { available: false; reason: string };
  /** The read-only IAM actions the role grants (the template's policy), for display. */
  actions: string[];
}

/** One service in one region (null: a global service) of a connection test. */
export type ServiceCheckView = { service: AwsService; region: string | null } & (
  | {
      status: 'ok';
      /** Items on the first page read (resources; hosted zones for Route 53). */
      resourceCount: number;
      /** More exist than that one page. */
      moreResources: boolean;
    }
  | {
      status: 'denied';
      /** The IAM action AWS refused, e.g. "eks:ListClusters". */
      action: string;
    }
  /** The region is not enabled for the account (or the service is absent from it). */
  | { status: 'disabled' }
  /** Any other failure: AWS's code and message (never credentials). */
  | { status: 'error'; message: string }
  /** Not started, or cut off, because the test ran out of time. */
  | { status: 'not-tried' }
);

export interface ConnectionTestView {
  roleArn: string;
  account: string;
  /** The confused-deputy check and AssumeRole with this install's External ID. */
  role:
    | { status: 'ok' }
    | { status: 'unguarded'; message: string }
    | { status: 'rejected'; code: string; message: string };
  /** The regions checked: those asked for, or the account's enabled regions. */
  regions: string[];
  /** Empty when the role was not ok. Sorted by service, then region. */
  checks: ServiceCheckView[];
  /** False when some checks are 'not-tried' (the test stops before the resolver's time limit). */
  complete: boolean;
  durationMs: number;
}

export interface DigestSettingsView {
  recipients: string[];
  weekday: Weekday;
  sendWhenQuiet: boolean;
  maxRecipients: number;
  /** Recipients who used their unsubscribe link: they get no digest until they are removed and re-added. */
  optedOut: string[];
  /** Whether the app's operator configured the mail service (RG_RESEND_API_KEY). */
  mailConfigured: boolean;
  /** The last digest that went out (or a quiet week that was skipped), or null. */
  lastDigest: { week: string; at: string } | null;
}

export type DigestPreviewView =
  | { status: 'no-scan-yet' }
  | {
      status: 'ready';
      subject: string;
      html: string;
      text: string;
      quiet: boolean;
      /** Whether the next scheduled run would send this (not already sent this week, recipients set, not quiet or sending anyway). */
      wouldSend: boolean;
      /** ISO week, e.g. "2026-W48". */
      week: string;
      /** The UTC date (YYYY-MM-DD) of the next run that may send: the chosen weekday. */
      nextSendDate: string;
    };

export type TestDigestView =
  | { status: 'sent'; to: string; subject: string }
  | { status: 'no-scan-yet' }
  | { status: 'not-configured'; reason: string };

export interface SettingsResults {
  getSettings: SettingsView;
  saveSettings: SettingsView;
  getSetupInfo: SetupInfoView;
  testConnection: ConnectionTestView;
  getDigestSettings: DigestSettingsView;
  saveDigestSettings: DigestSettingsView;
  previewDigest: DigestPreviewView;
  sendTestDigest: TestDigestView;
}
