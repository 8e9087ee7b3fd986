import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import { partitionOf, resource, type Scope } from './common';

export const bucketSchema = z.object({ Name: z.string().min(1) });

/**
 * GetBucketLocation's answer as a region: null or '' means us-east-1 and the legacy 'EU' means
 * eu-west-1 (both for buckets created before regions had names in the API).
 */
export function bucketRegion(locationConstraint: string | null | undefined): string {
  if (!locationConstraint) return 'us-east-1';
  if (locationConstraint === 'EU') return 'eu-west-1';
  return locationConstraint;
}

/** region is null when the bucket's location could not be read. */
export function convertBucket(name: string, region: string | null, scope: Scope): Resource {
  return resource({
    kind: 's3-bucket',
    id: name,
    arn: `arn:${partitionOf(scope.region)}:s3:::${name}`,
    account: scope.account,
    region,
  });
}
