/**
 * The settings contract's plain values (no zod), so the settings page can validate and offer
 * choices with the very values the backend checks without bundling the schemas. The contract
 * modules re-export them; import them from here only where zod must stay out (the Custom UI).
 */

/** An IAM role ARN as the contract accepts it. */
export const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
/** An AWS region name, e.g. eu-west-1. */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** At most this many connected AWS accounts per install (one role each). */
export const MAX_AWS_ACCOUNTS = 20;

/** Weekdays the weekly digest can go out on (UTC), Monday first as in ISO 8601. */
export const WEEKDAY_VALUES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAY_VALUES)[number];

/** At most this many digest recipients per install (5 Resend batches of 100). */
export const MAX_DIGEST_RECIPIENTS = 500;

/** The services a connection test checks, as the inventory names them. */
export const AWS_SERVICE_VALUES = [
  'ec2',
  'rds',
  'elb',
  'elbv2',
  'elasticache',
  'ecs',
  'eks',
  'lambda',
  's3',
  'route53',
] as const;
export type AwsService = (typeof AWS_SERVICE_VALUES)[number];
