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

/** How the region of a reference was learned: on the reference itself, or from the page/section. */
export type RegionSource = 'explicit' | 'section' | 'page';

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
