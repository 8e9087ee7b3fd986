import type { ResourceKind, Service } from '../inventory/snapshot';

/** An AWS-generated hostname a DNS record can point at, and the scan that would list its owner. */
export interface AwsEndpoint {
  kind: ResourceKind;
  services: readonly Service[];
  region: string | null;
  /** S3 only: the bucket, or null when the record name is the bucket (S3 website alias). */
  bucket: string | null;
  /** S3 website endpoints: a bucket anyone can create — the takeover case. */
  website: boolean;
}

const ELB = ['elb', 'elbv2'] as const;

/**
 * Recognises the endpoint forms of the kinds we collect. Anything else (CloudFront, API Gateway,
 * Elastic Beanstalk, third parties) returns null: we can't see its owner, so we never judge it.
 */
export function parseAwsEndpoint(host: string): AwsEndpoint | null {
  if (!host.endsWith('.amazonaws.com') && !host.endsWith('.amazonaws.com.cn')) return null;
  let m: RegExpExecArray | null;
  // NLB: NAME-HASH.elb.REGION.amazonaws.com
  if ((m = /\.elb\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('load-balancer', ['elbv2'], m[1]);
  // ALB / classic: [internal-]NAME-ID.REGION.elb.amazonaws.com
  if ((m = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.elb\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('load-balancer', ELB, m[1]);
  if ((m = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.rds\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('rds-instance', ['rds'], m[1]);
  if ((m = /\.([a-z0-9-]+)\.cache\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('elasticache-cluster', ['elasticache'], cacheRegion(m[1] ?? ''));
  if ((m = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.eks\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('eks-cluster', ['eks'], m[1]);
  if ((m = /\.([a-z]{2}(?:-[a-z]+)+-\d)\.compute\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return endpoint('ec2-instance', ['ec2'], m[1]);
  if (/\.compute-1\.amazonaws\.com$/.test(host)) return endpoint('ec2-instance', ['ec2'], 'us-east-1');
  // S3 website: BUCKET.s3-website-REGION… / BUCKET.s3-website.REGION…, or the bare alias target.
  if ((m = /^(?:(.+)\.)?s3-website[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return { kind: 's3-bucket', services: ['s3'], region: m[2] ?? null, bucket: m[1] ?? null, website: true };
  // S3 REST: BUCKET.s3.amazonaws.com, BUCKET.s3.REGION…, BUCKET.s3-REGION…
  if ((m = /^(.+)\.s3(?:[.-]([a-z]{2}(?:-[a-z]+)+-\d))?\.amazonaws\.com(?:\.cn)?$/.exec(host)))
    return {
      kind: 's3-bucket',
      services: ['s3'],
      region: m[2] ?? null,
      bucket: m[1] ?? null,
      website: false,
    };
  return null;
}

function endpoint(
  kind: ResourceKind,
  services: readonly Service[],
  region: string | null | undefined,
): AwsEndpoint {
  return { kind, services, region: region ?? null, bucket: null, website: false };
}

const DIRECTIONS: Record<string, string> = {
  e: 'east',
  w: 'west',
  n: 'north',
  s: 'south',
  c: 'central',
  ne: 'northeast',
  nw: 'northwest',
  se: 'southeast',
  sw: 'southwest',
};

/** ElastiCache endpoints abbreviate the region (euw1, use1, apse2); some tools write it in full. */
export function cacheRegion(label: string): string | null {
  if (/^[a-z]{2}(?:-[a-z]+)+-\d$/.test(label)) return label;
  const m = /^([a-z]{2})([a-z]{1,2})(\d)$/.exec(label);
  const direction = m ? DIRECTIONS[m[2] ?? ''] : undefined;
  return m && direction ? `${m[1]}-${direction}-${m[3]}` : null;
}
