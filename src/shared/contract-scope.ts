import { z } from 'zod';
import { FINDING_KIND_VALUES, FINDING_STATUS_VALUES, SEVERITY_VALUES } from './contract-common';
import type { FindingList, FindingView } from './contract-findings';
import { FINDING_SORT_VALUES, REFERENCE_TYPE_VALUES } from './contract-findings';

/** Confluence label names as the scope accepts them (lowercase; letters, digits, '_', '.', '-'). */
const label = z
  .string()
  .max(200)
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,99}$/, 'labels are lowercase letters, digits, "_", "." or "-"');
const spaceId = z
  .string()
  .max(32)
  .regex(/^\d{1,32}$/, 'not a space id');
const pageRef = z
  .string()
  .max(32)
  .regex(/^\d{1,32}$/, 'not a page id');
const email = z
  .string()
  .max(320)
  .trim()
  .toLowerCase()
  .pipe(z.email('not an e-mail address'))
  .pipe(z.string().max(320));

/** Which pages of a space count as runbooks; a page counts when any part matches. */
export const scopeRule = z
  .object({
    allPages: z.boolean(),
    labels: z.array(label).max(20).default([]),
    /** Page trees: the parent page and every page below it. */
    parentPageIds: z.array(pageRef).max(20).default([]),
  })
  .strict();
export type ScopeRuleInput = z.input<typeof scopeRule>;

const siteScope = z
  .object({
    /** 'all', or the chosen space ids. */
    spaces: z.union([z.literal('all'), z.array(spaceId).min(1).max(500)]),
    /** The default rule: every page, or labelled pages (page trees are a space admin's choice). */
    rule: scopeRule,
  })
  .strict();

export const SUBSCRIPTION_KIND_VALUES = ['own-pages', 'space'] as const;

/** Scan scope (site and space admins), the space page, and personal digest subscriptions. */
export const scopePayloads = {
  /** Site admins: the site scope and every space's own setting. */
  getScope: z.object({}).strict(),
  /** Site admins: which spaces are covered and the default rule; takes effect on the next scan. */
  saveSiteScope: siteScope,
  /** Site admins: "412 pages in 6 spaces: …" for the saved scope, or for `site` before saving it. */
  previewScope: z.object({ site: siteScope.optional() }).strict(),
  /** Admins of that space: its scope (covered, paused, own rule or the site default) with a count. */
  getSpaceScope: z.object({ spaceId }).strict(),
  /** Admins of that space: pause it, or give it its own rule (null: back to the site default). */
  saveSpaceScope: z.object({ spaceId, paused: z.boolean(), rule: scopeRule.nullable() }).strict(),
  /** Admins of that space: its findings (the dashboard's filters) with each page's owner and last editor. */
  listSpaceFindings: z
    .object({
      spaceId,
      statuses: z.array(z.enum(FINDING_STATUS_VALUES)).min(1).max(FINDING_STATUS_VALUES.length).optional(),
      kinds: z.array(z.enum(FINDING_KIND_VALUES)).min(1).max(FINDING_KIND_VALUES.length).optional(),
      severities: z.array(z.enum(SEVERITY_VALUES)).min(1).max(SEVERITY_VALUES.length).optional(),
      types: z.array(z.enum(REFERENCE_TYPE_VALUES)).min(1).max(REFERENCE_TYPE_VALUES.length).optional(),
      query: z.string().trim().min(1).max(200).optional(),
      sort: z.enum(FINDING_SORT_VALUES).default('severity'),
      limit: z.number().int().min(1).max(100).default(25),
      cursor: z
        .string()
        .max(400)
        .regex(/^[A-Za-z0-9_-]+$/, 'not a cursor')
        .optional(),
    })
    .strict(),
  /** Admins of that space: its checked pages, when each was checked and how many references it holds. */
  getSpaceCoverage: z
    .object({
      spaceId,
      limit: z.number().int().min(1).max(100).default(50),
      /** The last page id of the previous answer. */
      afterPageId: pageRef.optional(),
    })
    .strict(),
  /**
   * Site admins: the site's spaces as the caller sees them (the settings' space picker), filtered by
   * name or key when `query` is given; `cursor` continues where the previous answer stopped.
   */
  searchSpaces: z
    .object({
      query: z.string().trim().min(1).max(100).optional(),
      cursor: z
        .string()
        .max(1000)
        .regex(/^[A-Za-z0-9_=+/.%-]+$/, 'not a cursor')
        .optional(),
    })
    .strict(),
  /**
   * Admins of that space (or site admins): its pages whose titles match `query`, as the caller sees
   * them (the page-tree picker); `ids` instead answers the titles of already chosen pages.
   */
  searchPages: z
    .object({
      spaceId,
      query: z.string().trim().min(1).max(100).optional(),
      ids: z.array(pageRef).min(1).max(20).optional(),
    })
    .strict(),
  /** Anyone signed in: their own digest subscriptions. */
  getMySubscriptions: z.object({}).strict(),
  /**
   * Anyone signed in: 'own-pages' sends the weekly digest of their own pages' findings to `email`;
   * 'space' (that space's admins only) a digest of the space. `subscribed: false` ends it.
   */
  saveMySubscription: z
    .object({
      kind: z.enum(SUBSCRIPTION_KIND_VALUES),
      spaceId: spaceId.optional(),
      email: email.optional(),
      subscribed: z.boolean(),
    })
    .strict()
    .refine((p) => p.kind === 'own-pages' || p.spaceId !== undefined, {
      message: 'spaceId: required for a space subscription',
      path: ['spaceId'],
    })
    .refine((p) => !p.subscribed || p.email !== undefined, {
      message: 'email: required to subscribe',
      path: ['email'],
    }),
} as const;

export interface ScopeRuleView {
  allPages: boolean;
  labels: string[];
  parentPageIds: string[];
}

export interface SpaceRefView {
  id: string;
  key: string;
}

export interface SpaceOverrideView {
  space: SpaceRefView;
  paused: boolean;
  rule: ScopeRuleView | null;
  updatedBy: string | null;
  updatedAt: number;
}

export interface ScopeView {
  /** False until a site admin saved a scope: then every page of every space is in scope. */
  configured: boolean;
  spaces: 'all' | SpaceRefView[];
  rule: ScopeRuleView;
  /** The labels the label rule suggests when none are set. */
  defaultLabels: string[];
  overrides: SpaceOverrideView[];
  updatedBy: string | null;
  updatedAt: number | null;
}

export interface ScopePreview {
  pages: number;
  spaces: number;
  /** Plain words: "412 pages in 6 spaces: pages labelled runbook or playbook". */
  description: string;
}

export interface SpaceScopeView {
  space: SpaceRefView & { name: string };
  /** Whether a site admin's scope covers this space at all. */
  covered: boolean;
  paused: boolean;
  /** The space's own rule, or null when the site default applies. */
  rule: ScopeRuleView | null;
  siteRule: ScopeRuleView;
  /** In-scope pages of this space now, and the rule in plain words. */
  pages: number;
  description: string;
  updatedBy: string | null;
  updatedAt: number | null;
}

export interface SpaceChoice {
  id: string;
  key: string;
  name: string;
}

export interface PageChoice {
  id: string;
  title: string;
}

export interface PersonView {
  accountId: string;
  displayName: string;
}

export interface SpaceFindingView extends FindingView {
  owner: PersonView | null;
  lastEditor: PersonView | null;
  /** The page on the site, for "copy for Jira/Slack". */
  pageUrl: string;
}

export interface SpaceFindingList extends Omit<FindingList, 'items'> {
  items: SpaceFindingView[];
}

export interface SpaceCoveragePage {
  pageId: string;
  title: string;
  version: number;
  checkedAt: number | null;
  references: number;
  openFindings: number;
  owner: PersonView | null;
  lastEditor: PersonView | null;
  pageUrl: string;
}

export interface SpaceCoverageView {
  space: SpaceRefView & { name: string };
  /** Pages of this space the app holds (every one checked by the last scan or a re-check). */
  totalPages: number;
  pages: SpaceCoveragePage[];
  nextAfterPageId: string | null;
}

export interface SubscriptionView {
  kind: (typeof SUBSCRIPTION_KIND_VALUES)[number];
  spaceId: string | null;
  email: string;
}

export interface ScopeResults {
  getScope: ScopeView;
  saveSiteScope: ScopeView;
  previewScope: ScopePreview;
  getSpaceScope: SpaceScopeView;
  saveSpaceScope: SpaceScopeView;
  listSpaceFindings: SpaceFindingList;
  getSpaceCoverage: SpaceCoverageView;
  searchSpaces: { spaces: SpaceChoice[]; nextCursor: string | null };
  searchPages: { pages: PageChoice[] };
  getMySubscriptions: { subscriptions: SubscriptionView[] };
  saveMySubscription: { subscriptions: SubscriptionView[] };
}
