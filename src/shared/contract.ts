import { z } from 'zod';

/**
 * The resolver contract: every function the Custom UI may call, its payload schema and its answer
 * type. The backend validates each payload with these schemas; the UI can use the same ones to
 * build requests. Adding a function here without implementing it fails the typecheck.
 */
const fingerprint = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a finding fingerprint');
const pageId = z.string().regex(/^\d{1,32}$/, 'not a page id');
const reason = z.string().trim().min(1, 'a reason is required').max(1000);
export const FINDING_STATUS_VALUES = ['open', 'acknowledged', 'suppressed', 'resolved', 'reopened'] as const;
export const FINDING_KIND_VALUES = [
  'missing',
  'wrong-region',
  'not-running',
  'dangling',
  'unverifiable',
] as const;
export const SEVERITY_VALUES = ['error', 'warning', 'info'] as const;
export const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export const resolverPayloads = {
  /** Anyone who can open a RunbookGuard view: what the app can tell this user about itself. */
  getStatus: z.object({}).strict(),
  /** Site admins: the connected AWS accounts and this install's External ID. */
  getSettings: z.object({}).strict(),
  /** Site admins: replaces the connected accounts; new roles must pass the confused-deputy check. */
  saveSettings: z
    .object({
      accounts: z
        .array(
          z
            .object({
              roleArn: z.string().regex(ROLE_ARN, 'not an IAM role ARN'),
              regions: z
                .array(z.string().regex(REGION, 'not an AWS region'))
                .min(1)
                .max(40)
                .nullable()
                .default(null),
            })
            .strict(),
        )
        .max(20),
    })
    .strict()
    .refine((p) => new Set(p.accounts.map((a) => a.roleArn.split(':')[4])).size === p.accounts.length, {
      message: 'one role per AWS account',
      path: ['accounts'],
    }),
  /** Site admins: starts a full scan (one at a time per install). */
  startScan: z.object({}).strict(),
  /** Anyone signed in: the latest scan's progress (counts only). */
  getScanProgress: z.object({}).strict(),
  /** Findings on pages the caller can view, filtered and paginated server-side. */
  listFindings: z
    .object({
      statuses: z.array(z.enum(FINDING_STATUS_VALUES)).min(1).optional(),
      kinds: z.array(z.enum(FINDING_KIND_VALUES)).min(1).optional(),
      severities: z.array(z.enum(SEVERITY_VALUES)).min(1).optional(),
      spaceId: z
        .string()
        .regex(/^\d{1,32}$/)
        .optional(),
      limit: z.number().int().min(1).max(100).default(25),
      cursor: fingerprint.optional(),
    })
    .strict(),
  /** The macro and byline: one page's findings, if the caller can view that page. */
  getPageFindings: z.object({ pageId }).strict(),
  /** Space admins of the finding's page: "known, leave it open on the dashboard". */
  acknowledgeFinding: z.object({ fingerprint, reason }).strict(),
  /** Space admins of the finding's page: hide it, optionally until a time (ms since epoch). */
  suppressFinding: z
    .object({ fingerprint, reason, until: z.number().int().positive().nullable().default(null) })
    .strict(),
  /** Site admins: the audit log, newest first. */
  listAuditLog: z
    .object({
      limit: z.number().int().min(1).max(200).default(50),
      beforeId: z.number().int().positive().optional(),
    })
    .strict(),
} as const;

export type ResolverKey = keyof typeof resolverPayloads;
export type ResolverPayload<K extends ResolverKey> = z.infer<(typeof resolverPayloads)[K]>;

export interface StatusView {
  /** Whether the caller is a Confluence site admin (checked server-side, as the caller). */
  isSiteAdmin: boolean;
  /** The newest schema migration this install has applied, or null before the first. */
  schemaVersion: string | null;
  /** Whether that is the newest migration this app version ships. */
  schemaCurrent: boolean;
}

export interface SettingsView {
  /** Generated per install, never chosen by the customer: goes into the role's trust policy. */
  externalId: string;
  accounts: { account: string; roleArn: string; regions: string[] | null; connectedAt: number }[];
}

export interface ScanProgressView {
  scan: null | {
    scanId: string;
    state: 'running' | 'succeeded' | 'failed';
    phase: 'pages' | 'inventory' | 'match' | 'finalize' | 'done';
    pagesTotal: number;
    pagesDone: number;
    resources: number;
    chunksTotal: number;
    chunksDone: number;
    startedAt: number;
    finishedAt: number | null;
  };
}

export interface FindingView {
  fingerprint: string;
  pageId: string;
  pageTitle: string;
  spaceId: string;
  kind: (typeof FINDING_KIND_VALUES)[number];
  severity: (typeof SEVERITY_VALUES)[number];
  message: string;
  entity: { type: string; value: string; region: string | null; account: string | null };
  status: (typeof FINDING_STATUS_VALUES)[number];
  statusReason: string | null;
  statusBy: string | null;
  suppressedUntil: number | null;
  firstSeen: number;
  lastSeen: number;
}

export interface AuditView {
  id: number;
  at: number;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied' | 'failed';
  detail: string | null;
}

export interface ResolverResults {
  getStatus: StatusView;
  getSettings: SettingsView;
  saveSettings: SettingsView;
  startScan: { scanId: string };
  getScanProgress: ScanProgressView;
  listFindings: { items: FindingView[]; nextCursor: string | null };
  getPageFindings: { pageId: string; findings: FindingView[] };
  acknowledgeFinding: FindingView;
  suppressFinding: FindingView;
  listAuditLog: { entries: AuditView[]; nextBeforeId: number | null };
}
