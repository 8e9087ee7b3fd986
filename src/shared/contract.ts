import { z } from 'zod';
import { dashboardPayloads, type DashboardResults } from './contract-dashboard';
import { findingsPayloads, type FindingsResults } from './contract-findings';
import { scopePayloads, type ScopeResults } from './contract-scope';
import { settingsPayloads, type SettingsResults } from './contract-settings';

/**
 * The resolver contract: every function the Custom UI may call, its payload schema and its answer
 * type. The backend validates each payload with these schemas; the UI can use the same ones to
 * build requests. Adding a function here without implementing it fails the typecheck. Each area
 * keeps its functions in its own module (contract-findings, contract-settings, …), spread in here.
 */
export const resolverPayloads = {
  ...findingsPayloads,
  ...dashboardPayloads,
  ...settingsPayloads,
  ...scopePayloads,
  /** Anyone who can open a RunbookGuard view: what the app can tell this user about itself. */
  getStatus: z.object({}).strict(),
  /** Site admins: starts a full scan (one at a time per install). */
  startScan: z.object({}).strict(),
  /** Anyone signed in: the latest scan's progress (counts only). */
  getScanProgress: z.object({}).strict(),
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
/** What a caller sends: fields with defaults may be left out (the UI builds requests with this). */
export type ResolverRequest<K extends ResolverKey> = z.input<(typeof resolverPayloads)[K]>;

export interface StatusView {
  /** Whether the caller is a Confluence site admin (checked server-side, as the caller). */
  isSiteAdmin: boolean;
  /** The newest schema migration this install has applied, or null before the first. */
  schemaVersion: string | null;
  /** Whether that is the newest migration this app version ships. */
  schemaCurrent: boolean;
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

export interface AuditView {
  id: number;
  at: number;
  actor: string | null;
  action: string;
  target: string | null;
  outcome: 'success' | 'denied' | 'failed';
  detail: string | null;
}

export interface ResolverResults extends FindingsResults, DashboardResults, SettingsResults, ScopeResults {
  getStatus: StatusView;
  startScan: { scanId: string };
  getScanProgress: ScanProgressView;
  listAuditLog: { entries: AuditView[]; nextBeforeId: number | null };
}

export * from './contract-common';
export * from './contract-dashboard';
export { FINDING_SORT_VALUES, REFERENCE_TYPE_VALUES } from './contract-findings';
export type { FindingList, FindingView } from './contract-findings';
export * from './contract-settings';
export * from './contract-scope';
