import { accountRule } from './account';
import { arnRule } from './arn';
import { awsEndpointRule } from './aws-endpoints';
import { cliFlagRule } from './cli-flags';
import { configKeyRule } from './config-keys';
import { consoleUrlRule } from './console-url';
import { ec2IdRule } from './ec2-ids';
import { hostnameRule } from './hostname';
import { ipAddressRule } from './ip-address';
import { regionRule } from './region';
import type { ExtractionRule } from './rule';
import { s3UriRule } from './s3-uri';

/**
 * The rule table, in priority order: a rule may not match inside text an earlier rule claimed
 * (an ARN's region is not a standalone region; an RDS endpoint is not a customer hostname).
 */
export const RULES: readonly ExtractionRule[] = [
  arnRule,
  awsEndpointRule,
  s3UriRule,
  ec2IdRule,
  consoleUrlRule,
  cliFlagRule,
  configKeyRule,
  accountRule,
  regionRule,
  ipAddressRule,
  hostnameRule,
];

export type { Candidate, ExtractionRule, RegionScope, RuleOutput } from './rule';
