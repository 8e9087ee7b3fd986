import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { awsError, scripted, STATIC_CREDENTIALS } from '../../../test/support/fake-aws';
import { newSink, type Scope } from './common';
import { collectInstances } from './ec2.collect';
import { collectEcsClusters } from './ecs.collect';
import { collectFunctions } from './lambda.collect';
import { collectRecordSets, collectRoute53 } from './route53.collect';
import { collectBuckets } from './s3.collect';

const cfg = { region: 'us-east-1', credentials: STATIC_CREDENTIALS };
const scope: Scope = { account: '123456789012', region: 'us-east-1' };

describe('paging, token by token', () => {
  it('EC2 DescribeInstances: largest page, follows NextToken until it is absent', async () => {
    const pages: Record<string, { Reservations: unknown[]; NextToken?: string }> = {
      start: { Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }], NextToken: 't1' },
      t1: { Reservations: [{ Instances: [{ InstanceId: 'i-2' }, { InstanceId: 'i-3' }] }], NextToken: 't2' },
      t2: { Reservations: [] },
    };
    const client = scripted(
      new EC2Client(cfg),
      (_, input) => pages[(input.NextToken as string | undefined) ?? 'start'],
    );
    const sink = newSink();
    await collectInstances(client, scope, sink);
    expect(client.calls.map((c) => [c.input.NextToken, c.input.MaxResults])).toEqual([
      [undefined, 1000],
      ['t1', 1000],
      ['t2', 1000],
    ]);
    expect(sink.resources.map((r) => r.id)).toEqual(['i-1', 'i-2', 'i-3']);
  });

  it('keeps the pages read before a failure', async () => {
    const client = scripted(new EC2Client(cfg), (_, input) => {
      if (input.NextToken) throw awsError('InternalError', 500);
      return { Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }], NextToken: 'next' };
    });
    const sink = newSink();
    await expect(collectInstances(client, scope, sink)).rejects.toMatchObject({ name: 'InternalError' });
    expect(sink.resources.map((r) => r.id)).toEqual(['i-1']);
  });

  it('Lambda ListFunctions: MaxItems 50 and Marker/NextMarker', async () => {
    const client = scripted(new LambdaClient(cfg), (_, input) =>
      input.Marker
        ? { Functions: [{ FunctionName: 'b' }] }
        : { Functions: [{ FunctionName: 'a' }], NextMarker: 'm1' },
    );
    const sink = newSink();
    await collectFunctions(client, scope, sink);
    expect(client.calls.map((c) => [c.input.Marker, c.input.MaxItems])).toEqual([
      [undefined, 50],
      ['m1', 50],
    ]);
    expect(sink.resources.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('ECS: lists every page, then describes in chunks of 100 with tags', async () => {
    const arns = Array.from({ length: 250 }, (_, i) => `arn:aws:ecs:us-east-1:123456789012:cluster/c${i}`);
    const client = scripted(new ECSClient(cfg), (command, input) => {
      if (command === 'ListClustersCommand') {
        const start = input.nextToken ? Number(input.nextToken) : 0;
        const next = start + 100;
        return {
          clusterArns: arns.slice(start, next),
          ...(next < arns.length ? { nextToken: String(next) } : {}),
        };
      }
      const clusters = input.clusters as string[];
      return {
        clusters: clusters.map((arn) => ({
          clusterArn: arn,
          clusterName: arn.split('/')[1],
          status: 'ACTIVE',
        })),
      };
    });
    const sink = newSink();
    await collectEcsClusters(client, scope, sink);
    const lists = client.calls.filter((c) => c.command === 'ListClustersCommand');
    expect(lists.map((c) => [c.input.nextToken, c.input.maxResults])).toEqual([
      [undefined, 100],
      ['100', 100],
      ['200', 100],
    ]);
    const describes = client.calls.filter((c) => c.command === 'DescribeClustersCommand');
    expect(describes.map((c) => (c.input.clusters as string[]).length)).toEqual([100, 100, 50]);
    expect(describes[0]?.input.include).toEqual(['TAGS']);
    expect(sink.resources).toHaveLength(250);
  });

  it('Route 53 record sets: the next page starts at NextRecordName/Type/Identifier', async () => {
    const client = scripted(new Route53Client(cfg), (_, input) => {
      if (!input.StartRecordName) {
        return {
          ResourceRecordSets: [
            { Name: 'a.example.com.', Type: 'A', ResourceRecords: [{ Value: '10.0.0.1' }] },
          ],
          IsTruncated: true,
          NextRecordName: 'w.example.com.',
          NextRecordType: 'A',
          NextRecordIdentifier: 'green',
        };
      }
      return {
        ResourceRecordSets: [
          {
            Name: 'w.example.com.',
            Type: 'A',
            SetIdentifier: 'green',
            ResourceRecords: [{ Value: '10.0.0.2' }],
          },
        ],
        IsTruncated: false,
      };
    });
    const sink = newSink();
    await collectRecordSets(client, { Id: '/hostedzone/Z1', Name: 'example.com.' }, scope.account, sink);
    expect(client.calls.map((c) => c.input)).toEqual([
      { HostedZoneId: '/hostedzone/Z1', MaxItems: 300 },
      {
        HostedZoneId: '/hostedzone/Z1',
        MaxItems: 300,
        StartRecordName: 'w.example.com.',
        StartRecordType: 'A',
        StartRecordIdentifier: 'green',
      },
    ]);
    expect(sink.dnsRecords.map((r) => r.name)).toEqual(['a.example.com', 'w.example.com']);
  });

  it('Route 53 zones: MaxItems 100 and Marker/NextMarker, then each zone’s records', async () => {
    const client = scripted(new Route53Client(cfg), (command, input) => {
      if (command === 'ListHostedZonesCommand') {
        return input.Marker
          ? { HostedZones: [{ Id: '/hostedzone/Z2', Name: 'b.com.' }], IsTruncated: false }
          : { HostedZones: [{ Id: '/hostedzone/Z1', Name: 'a.com.' }], IsTruncated: true, NextMarker: 'Z2' };
      }
      return { ResourceRecordSets: [], IsTruncated: false };
    });
    const sink = newSink();
    await collectRoute53(client, scope, sink);
    const zoneCalls = client.calls.filter((c) => c.command === 'ListHostedZonesCommand');
    expect(zoneCalls.map((c) => [c.input.Marker, c.input.MaxItems])).toEqual([
      [undefined, 100],
      ['Z2', 100],
    ]);
    expect(sink.resources.map((r) => r.id)).toEqual(['Z1', 'Z2']);
    expect(client.calls.filter((c) => c.command === 'ListResourceRecordSetsCommand')).toHaveLength(2);
  });

  it('S3: pages ListBuckets, then asks each bucket its location (null → us-east-1, EU → eu-west-1)', async () => {
    const locations: Record<string, string | undefined> = {
      old: undefined,
      empty: '',
      eu: 'EU',
      tokyo: 'ap-northeast-1',
    };
    const client = scripted(new S3Client(cfg), (command, input) => {
      if (command === 'ListBucketsCommand') {
        return input.ContinuationToken
          ? { Buckets: [{ Name: 'eu' }, { Name: 'tokyo' }] }
          : { Buckets: [{ Name: 'old' }, { Name: 'empty' }], ContinuationToken: 'c1' };
      }
      return { LocationConstraint: locations[input.Bucket as string] };
    });
    const sink = newSink();
    await collectBuckets(client, scope, sink);
    const lists = client.calls.filter((c) => c.command === 'ListBucketsCommand');
    expect(lists.map((c) => [c.input.ContinuationToken, c.input.MaxBuckets])).toEqual([
      [undefined, 10000],
      ['c1', 10000],
    ]);
    expect(Object.fromEntries(sink.resources.map((r) => [r.id, r.region]))).toEqual({
      old: 'us-east-1',
      empty: 'us-east-1',
      eu: 'eu-west-1',
      tokyo: 'ap-northeast-1',
    });
  });

  it('S3: a bucket whose location is denied is kept without a region, and the call reports it', async () => {
    const client = scripted(new S3Client(cfg), (command, input) => {
      if (command === 'ListBucketsCommand') return { Buckets: [{ Name: 'ok' }, { Name: 'locked' }] };
      if (input.Bucket === 'locked') throw awsError('AccessDenied', 403);
      return { LocationConstraint: 'eu-central-1' };
    });
    const sink = newSink();
    await expect(collectBuckets(client, scope, sink)).rejects.toThrow(
      /GetBucketLocation failed for 1 of 2 buckets/,
    );
    expect(Object.fromEntries(sink.resources.map((r) => [r.id, r.region]))).toEqual({
      ok: 'eu-central-1',
      locked: null,
    });
  });
});
