/**
 * The reference model produced by the extractor. The `type` strings are a public
 * contract of the CLI's JSON output: never rename one.
 */
export const REFERENCE_TYPES = [
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

export type ReferenceType = (typeof REFERENCE_TYPES)[number];

/** Where on the page a reference was written. */
export type LocationKind = 'prose' | 'table' | 'inline-code' | 'code-block';

export interface ReferenceLocation {
  /** Headings enclosing the reference, outermost first. */
  headingPath: string[];
  kind: LocationKind;
}

/**
 * How the region of a reference was learned: on the reference itself (its ARN, endpoint, URL or
 * command line), from its table row's Region/AZ column, or from the page/section.
 */
export const REGION_SOURCES = ['explicit', 'row', 'section', 'page'] as const;
export type RegionSource = (typeof REGION_SOURCES)[number];

/**
 * Why a hostname was kept: it sits under an internal suffix (`.internal`, `.corp`), AWS generated
 * it (`*.cloudfront.net`), it shares the registrable domain the page uses as the organisation's
 * own, or it is a named host of an unknown domain that only a hosted-zone lookup can place.
 * Only a name inside a connected account's hosted zone can become a finding (the matcher's call).
 */
export const HOST_REASONS = ['internal-suffix', 'aws-shaped', 'organisation-domain', 'zone-lookup'] as const;
export type HostReason = (typeof HOST_REASONS)[number];

export interface Reference {
  type: ReferenceType;
  /** Normalized value (see the rule table in rules/). */
  value: string;
  region: string | null;
  regionSource: RegionSource | null;
  /** 12-digit account id when the reference states one (ARN, console sign-in URL). */
  account: string | null;
  /** Other spellings of the same resource seen on the page (endpoints, DNS names, ARNs). */
  aliases: string[];
  /**
   * Documentation placeholders and examples (i-1234567890abcdef0, <instance-id>, …).
   * Kept so a UI can explain them, but never matched against an inventory.
   */
  placeholder: boolean;
  /** First place the reference appears. */
  location: ReferenceLocation;
  /** How many times the page mentions it. */
  occurrences: number;
  /** A short piece of the surrounding text, secrets redacted. */
  context: string;
  /** Hostnames only: why the name is taken as the organisation's (see HostReason). */
  hostReason?: HostReason;
}

export interface PageInput {
  id: string;
  title: string;
  version: number;
  storage: string;
}

export interface PageExtraction {
  pageId: string;
  title: string;
  version: number;
  entities: Reference[];
}
