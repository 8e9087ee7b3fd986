import { z } from 'zod';
import {
  FINDING_KIND_VALUES,
  FINDING_STATUS_VALUES,
  SEVERITY_VALUES,
  fingerprint,
  pageId,
  reason,
} from './contract-common';

/** Reference types the extractor emits (src/core/extract/types.ts REFERENCE_TYPES). */
export const REFERENCE_TYPE_VALUES = [
  'ec2-instance',
  'security-group',
  'subnet',
  'vpc',
  'rds-instance',
  'load-balancer',
  'elasticache-cluster',
  'ecs-cluster',
  'eks-cluster',
  'lambda-function',
  's3-bucket',
  'hostname',
  'ip-address',
  'region',
  'aws-account',
] as const;
/** `severity`: errors first, then most recently seen. `page`: grouped by page, errors first within one. */
export const FINDING_SORT_VALUES = ['severity', 'page'] as const;

/** Findings: the dashboard's table and detail, the macro and byline, triage actions. */
export const findingsPayloads = {
  /** Findings on pages the caller can view, filtered and paginated server-side. */
  listFindings: z
    .object({
      /** Default: open, acknowledged and reopened. */
      statuses: z.array(z.enum(FINDING_STATUS_VALUES)).min(1).max(FINDING_STATUS_VALUES.length).optional(),
      kinds: z.array(z.enum(FINDING_KIND_VALUES)).min(1).max(FINDING_KIND_VALUES.length).optional(),
      severities: z.array(z.enum(SEVERITY_VALUES)).min(1).max(SEVERITY_VALUES.length).optional(),
      /** The referenced entity's type. */
      types: z.array(z.enum(REFERENCE_TYPE_VALUES)).min(1).max(REFERENCE_TYPE_VALUES.length).optional(),
      /** Case-insensitive substring of the entity value, the page title or the message (taken literally). */
      query: z.string().trim().min(1).max(200).optional(),
      spaceId: z
        .string()
        .max(32)
        .regex(/^\d{1,32}$/)
        .optional(),
      sort: z.enum(FINDING_SORT_VALUES).default('severity'),
      limit: z.number().int().min(1).max(100).default(25),
      /** nextCursor of the previous answer, with the same filters and sort. */
      cursor: z
        .string()
        .max(400)
        .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor')
        .optional(),
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
} as const;

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

export interface FindingList {
  items: FindingView[];
  nextCursor: string | null;
  /**
   * Findings matching the filters on EVERY page, counted BEFORE the view-permission check (an exact
   * count of only the caller's pages would need a permission call per page of the whole site). So
   * it can be more than the caller will ever page through (show it as "about N" or "up to N"); it
   * reveals a number only.
   */
  total: number;
  /** Always true: says `total` may include findings on pages the caller cannot view. */
  totalIncludesHidden: true;
  /**
   * With `types` or `query` the match is made outside SQL, so counting stops after a bounded
   * number of rows: then `total` is a lower bound of the matching findings and this is true.
   */
  totalIsLowerBound: boolean;
}

export interface FindingsResults {
  listFindings: FindingList;
  getPageFindings: { pageId: string; findings: FindingView[] };
  acknowledgeFinding: FindingView;
  suppressFinding: FindingView;
}
