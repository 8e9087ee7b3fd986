import { newSink, normalizeHost, type Scope } from './common';
import { convertReservations, convertSecurityGroups, enabledRegions } from './ec2.convert';
import { convertCacheClusters } from './elasticache.convert';
import { convertClassicLoadBalancers, convertLoadBalancersV2 } from './elb.convert';
import { convertEksCluster } from './eks.convert';
import { convertDbInstances } from './rds.convert';
import { convertRecordSets, zoneId } from './route53.convert';
import { bucketRegion } from './s3.convert';

const scope: Scope = { account: '123456789012', region: 'eu-west-1' };

describe('converters', () => {
  it('normalizes host names: lowercase, no trailing dot, scheme, port or path; decodes \\052', () => {
    expect(normalizeHost('Web.Example.COM.')).toBe('web.example.com');
    expect(normalizeHost('https://ABC.gr7.eu-west-1.eks.amazonaws.com:443/x')).toBe(
      'abc.gr7.eu-west-1.eks.amazonaws.com',
    );
    expect(normalizeHost('\\052.example.com.')).toBe('*.example.com');
    expect(normalizeHost('')).toBeNull();
  });

  it('EC2 instance: state kept (terminated too), DNS names, IPs, Name tag, ARN', () => {
    const sink = newSink();
    const [running, gone] = convertReservations(
      [
        {
          Instances: [
            {
              InstanceId: 'i-1',
              State: { Name: 'running' },
              PrivateDnsName: 'ip-10-0-0-1.eu-west-1.compute.internal',
              PublicDnsName: 'EC2-1-2-3-4.eu-west-1.compute.amazonaws.com',
              PrivateIpAddress: '10.0.0.1',
              PublicIpAddress: '1.2.3.4',
              NetworkInterfaces: [
                {
                  PrivateIpAddresses: [
                    { PrivateIpAddress: '10.0.0.9', Association: { PublicIp: '5.6.7.8' } },
                  ],
                },
              ],
              Tags: [
                { Key: 'Name', Value: 'web-1' },
                { Key: 'team', Value: 'sre' },
              ],
              InstanceType: 't3.micro',
            },
            { InstanceId: 'i-2', State: { Name: 'terminated' }, PrivateDnsName: '' },
          ],
        },
      ],
      scope,
      sink,
    );
    expect(running).toMatchObject({
      kind: 'ec2-instance',
      arn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1',
      state: 'running',
      dnsNames: ['ip-10-0-0-1.eu-west-1.compute.internal', 'ec2-1-2-3-4.eu-west-1.compute.amazonaws.com'],
      privateIps: ['10.0.0.1', '10.0.0.9'],
      publicIps: ['1.2.3.4', '5.6.7.8'],
      name: 'web-1',
      tags: { Name: 'web-1', team: 'sre' },
      attributes: { instanceType: 't3.micro' },
    });
    expect(gone).toMatchObject({ id: 'i-2', state: 'terminated', dnsNames: [] });
  });

  it('skips and counts an item without its id instead of failing', () => {
    const sink = newSink();
    expect(
      convertSecurityGroups([{ GroupName: 'no-id' }, { GroupId: 'sg-1', GroupName: 'web' }], scope, sink),
    ).toHaveLength(1);
    expect(sink.skipped).toBe(1);
  });

  it('RDS: endpoint address as DNS name, cluster identifier as attribute', () => {
    const [db] = convertDbInstances(
      [
        {
          DBInstanceIdentifier: 'orders-1',
          DBInstanceStatus: 'available',
          DBClusterIdentifier: 'orders',
          Engine: 'aurora-postgresql',
          Endpoint: { Address: 'Orders-1.abc.eu-west-1.rds.amazonaws.com', Port: 5432 },
        },
      ],
      scope,
      newSink(),
    );
    expect(db).toMatchObject({
      dnsNames: ['orders-1.abc.eu-west-1.rds.amazonaws.com'],
      attributes: { dbClusterIdentifier: 'orders', engine: 'aurora-postgresql', port: '5432' },
    });
  });

  it('ELB: v2 type and scheme, classic marked classic', () => {
    const [alb] = convertLoadBalancersV2(
      [
        {
          LoadBalancerName: 'web',
          DNSName: 'Web-1.eu-west-1.elb.amazonaws.com',
          Type: 'application',
          Scheme: 'internet-facing',
          State: { Code: 'active' },
        },
      ],
      scope,
      newSink(),
    );
    expect(alb).toMatchObject({
      state: 'active',
      dnsNames: ['web-1.eu-west-1.elb.amazonaws.com'],
      attributes: { type: 'application', scheme: 'internet-facing' },
    });
    const [clb] = convertClassicLoadBalancers(
      [{ LoadBalancerName: 'old', DNSName: 'old-1.eu-west-1.elb.amazonaws.com', Scheme: 'internal' }],
      scope,
      newSink(),
    );
    expect(clb).toMatchObject({
      attributes: { type: 'classic', scheme: 'internal' },
      arn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/old',
    });
  });

  it('ElastiCache: node endpoints and configuration endpoint, replication group', () => {
    const [c] = convertCacheClusters(
      [
        {
          CacheClusterId: 'sessions-001',
          CacheClusterStatus: 'available',
          ReplicationGroupId: 'sessions',
          ConfigurationEndpoint: { Address: 'sessions.abc.cfg.euw1.cache.amazonaws.com' },
          CacheNodes: [{ Endpoint: { Address: 'sessions-001.abc.0001.euw1.cache.amazonaws.com' } }],
        },
      ],
      scope,
      newSink(),
    );
    expect(c).toMatchObject({
      dnsNames: [
        'sessions.abc.cfg.euw1.cache.amazonaws.com',
        'sessions-001.abc.0001.euw1.cache.amazonaws.com',
      ],
      attributes: { replicationGroupId: 'sessions' },
    });
  });

  it('EKS: endpoint host, status as state', () => {
    expect(
      convertEksCluster(
        { name: 'prod', status: 'ACTIVE', endpoint: 'https://ABC.gr7.eu-west-1.eks.amazonaws.com' },
        scope,
        newSink(),
      ),
    ).toMatchObject({
      state: 'ACTIVE',
      dnsNames: ['abc.gr7.eu-west-1.eks.amazonaws.com'],
    });
  });

  it('Route 53: names and CNAME/MX targets normalized, alias targets kept with dualstack', () => {
    const zone = { Id: '/hostedzone/Z9', Name: 'Example.com.', Config: { PrivateZone: true } };
    const records = convertRecordSets(
      [
        { Name: '\\052.Example.com.', Type: 'CNAME', ResourceRecords: [{ Value: 'Target.Example.NET.' }] },
        { Name: 'example.com.', Type: 'MX', ResourceRecords: [{ Value: '10 Mail.Example.com.' }] },
        { Name: 'example.com.', Type: 'TXT', ResourceRecords: [{ Value: '"Keep Case"' }] },
        {
          Name: 'lb.example.com.',
          Type: 'A',
          AliasTarget: { DNSName: 'DualStack.web-1.eu-west-1.elb.amazonaws.com.' },
        },
      ],
      zone,
      '123456789012',
      newSink(),
    );
    expect(records.map((r) => [r.name, r.type, r.values, r.aliasTarget])).toEqual([
      ['*.example.com', 'CNAME', ['target.example.net'], null],
      ['example.com', 'MX', ['10 mail.example.com'], null],
      ['example.com', 'TXT', ['"Keep Case"'], null],
      ['lb.example.com', 'A', [], 'dualstack.web-1.eu-west-1.elb.amazonaws.com'],
    ]);
    expect(records[0]).toMatchObject({ zoneId: 'Z9', zoneName: 'example.com', privateZone: true });
    expect(zoneId('/hostedzone/Z9')).toBe('Z9');
  });

  it('S3 location constraints and enabled regions', () => {
    expect([bucketRegion(null), bucketRegion(''), bucketRegion('EU'), bucketRegion('sa-east-1')]).toEqual([
      'us-east-1',
      'us-east-1',
      'eu-west-1',
      'sa-east-1',
    ]);
    expect(
      enabledRegions([
        { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
        { RegionName: 'me-south-1', OptInStatus: 'not-opted-in' },
        { RegionName: 'af-south-1', OptInStatus: 'opted-in' },
      ]),
    ).toEqual(['af-south-1', 'us-east-1']);
  });
});
