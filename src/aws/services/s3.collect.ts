import { GetBucketLocationCommand, paginateListBuckets, type S3Client } from '@aws-sdk/client-s3';
import { maxPageSize } from '../actions';
import { mapAwsError, type AwsApiError } from '../errors';
import { mapLimited } from '../limiter';
import { parseItem, type Scope, type Sink } from './common';
import { bucketRegion, bucketSchema, convertBucket } from './s3.convert';

const LOCATION_CONCURRENCY = 8;

/**
 * Bucket names and regions. A bucket whose location cannot be read (a bucket policy may deny it)
 * stays in the snapshot with region null, and the call fails afterwards so coverage says so.
 */
export async function collectBuckets(client: S3Client, scope: Scope, sink: Sink): Promise<void> {
  const names: string[] = [];
  for await (const page of paginateListBuckets({ client, pageSize: maxPageSize('s3.ListBuckets') }, {})) {
    for (const item of page.Buckets ?? []) {
      const bucket = parseItem(bucketSchema, item, sink);
      if (bucket) names.push(bucket.Name);
    }
  }
  const errors: AwsApiError[] = [];
  const regions = await mapLimited(names, LOCATION_CONCURRENCY, async (name) => {
    try {
      const out = await client.send(new GetBucketLocationCommand({ Bucket: name }));
      return bucketRegion(out.LocationConstraint);
    } catch (error) {
      errors.push(mapAwsError(error));
      return null;
    }
  });
  names.forEach((name, i) => sink.resources.push(convertBucket(name, regions[i] ?? null, scope)));
  const first = errors[0];
  if (first) {
    first.message = `GetBucketLocation failed for ${errors.length} of ${names.length} buckets: ${first.message}`;
    throw first;
  }
}
