import { indexSnapshot, matchReference } from '../../src/core/match';
import { ACCOUNT_A, rec, ref, res, snap } from './support';

const host = (value: string) => ref({ type: 'hostname', value });

describe('hostnames in connected Route53 zones', () => {
  const lb = res({
    kind: 'load-balancer',
    id: 'api-prod',
    state: 'active',
    dnsNames: ['api-prod-111.eu-west-1.elb.amazonaws.com'],
  });
  const db = res({
    kind: 'rds-instance',
    id: 'orders-db',
    state: 'stopped',
    dnsNames: ['orders-db.c9akciq32.eu-west-1.rds.amazonaws.com'],
  });
  const oldHost = res({
    kind: 'ec2-instance',
    id: 'i-0aaa1111bbbb22223',
    state: 'terminated',
    privateIps: ['10.0.4.20'],
  });
  const ix = indexSnapshot(
    snap({
      resources: [lb, db, oldHost, res({ kind: 's3-bucket', id: 'docs.acme.io', region: 'eu-west-1' })],
      dnsRecords: [
        rec({
          name: 'api.acme.io',
          type: 'A',
          aliasTarget: 'dualstack.api-prod-111.eu-west-1.elb.amazonaws.com',
        }),
        rec({
          name: 'old-api.acme.io',
          type: 'A',
          aliasTarget: 'dualstack.api-old-222.eu-west-1.elb.amazonaws.com',
        }),
        rec({ name: 'db.acme.io', values: ['orders-db.c9akciq32.eu-west-1.rds.amazonaws.com'] }),
        rec({ name: 'www.acme.io', values: ['api.acme.io'] }),
        rec({ name: 'status.acme.io', values: ['acme-status.s3-website-eu-west-1.amazonaws.com'] }),
        rec({ name: 'docs.acme.io', type: 'A', aliasTarget: 's3-website-eu-west-1.amazonaws.com' }),
        rec({ name: 'a.acme.io', values: ['b.acme.io'] }),
        rec({ name: 'b.acme.io', values: ['a.acme.io'] }),
        rec({ name: 'jump.acme.io', type: 'A', values: ['10.0.4.20'] }),
        rec({ name: 'vpn.acme.io', type: 'A', values: ['198.51.100.7'] }),
        rec({ name: 'cdn.acme.io', values: ['d111111abcdef8.cloudfront.net'] }),
        rec({ name: 'team.acme.io', type: 'NS', values: ['ns-1.partner.net'] }),
        rec({ name: '*.preview.acme.io', values: ['api.acme.io'] }),
        rec({ name: 'acme.io', type: 'MX', values: ['10 mx.acme.io'] }),
      ],
    }),
  );

  it('follows an alias to a live load balancer', () => {
    const v = matchReference(host('api.acme.io'), ix);
    expect(v.status).toBe('ok');
    expect(v.resource).toBe(lb);
  });

  it('follows CNAME chains through other records', () => {
    const v = matchReference(host('www.acme.io'), ix);
    expect(v.status).toBe('ok');
    expect(v.dnsChain).toEqual(['api.acme.io', 'api-prod-111.eu-west-1.elb.amazonaws.com']);
  });

  it('is dangling when the alias target load balancer is gone', () => {
    const v = matchReference(host('old-api.acme.io'), ix);
    expect(v.status).toBe('dangling');
    expect(v.message).toBe(
      'old-api.acme.io points to api-old-222.eu-west-1.elb.amazonaws.com, which no longer exists (no load balancer in eu-west-1 of the connected accounts has that endpoint)',
    );
  });

  it('is dangling when the name has no record in its zone', () => {
    const v = matchReference(host('grafana.acme.io'), ix);
    expect(v.status).toBe('dangling');
    expect(v.message).toBe('grafana.acme.io has no DNS record in the Route53 zone acme.io');
  });

  it('calls out the S3 website takeover case', () => {
    const v = matchReference(host('status.acme.io'), ix);
    expect(v.status).toBe('dangling');
    expect(v.message).toContain('bucket acme-status does not exist');
    // An S3 website alias names no bucket: the bucket must be named like the record.
    expect(matchReference(host('docs.acme.io'), ix).status).toBe('ok');
  });

  it('is not-running when the record points at a stopped database', () => {
    expect(matchReference(host('db.acme.io'), ix).status).toBe('not-running');
  });

  it('protects against CNAME loops', () => {
    const v = matchReference(host('a.acme.io'), ix);
    expect(v.status).toBe('dangling');
    expect(v.message).toContain('loops');
  });

  it('is dangling when an A record points at a terminated instance, ok at unknown addresses', () => {
    expect(matchReference(host('jump.acme.io'), ix).status).toBe('dangling');
    expect(matchReference(host('vpn.acme.io'), ix).status).toBe('ok');
  });

  it('leaves targets we do not collect, delegated subzones and outside names unchecked', () => {
    expect(matchReference(host('cdn.acme.io'), ix).status).toBe('unchecked');
    expect(matchReference(host('wiki.team.acme.io'), ix).status).toBe('unchecked');
    expect(matchReference(host('grafana.internal.corp'), ix).status).toBe('unchecked');
  });

  it('honours wildcard records', () => {
    expect(matchReference(host('pr-42.preview.acme.io'), ix).status).toBe('ok');
  });

  it('treats the zone apex with only MX records as existing', () => {
    expect(matchReference(host('acme.io'), ix).status).toBe('ok');
  });

  it('is unverifiable when Route53 could not be read for the zone account', () => {
    const failed = indexSnapshot(
      snap({
        dnsRecords: [rec({ name: 'api.acme.io', values: ['x.acme.io'] })],
        override: [
          { account: ACCOUNT_A, service: 'route53', outcome: 'access-denied', detail: 'AccessDenied' },
        ],
      }),
    );
    expect(matchReference(host('gone.acme.io'), failed).status).toBe('unverifiable');
  });

  it('uses cluster and cache primary endpoints through their identifiers', () => {
    const ix2 = indexSnapshot(
      snap({
        resources: [
          res({
            kind: 'rds-instance',
            id: 'ledger-1',
            state: 'available',
            attributes: { dbClusterIdentifier: 'ledger' },
          }),
          res({
            kind: 'elasticache-cluster',
            id: 'sessions-001',
            state: 'available',
            attributes: { replicationGroupId: 'sessions' },
          }),
        ],
        dnsRecords: [
          rec({ name: 'ledger.acme.io', values: ['ledger.cluster-c9akciq32.eu-west-1.rds.amazonaws.com'] }),
          rec({ name: 'cache.acme.io', values: ['master.sessions.abc123.euw1.cache.amazonaws.com'] }),
          rec({ name: 'oldcache.acme.io', values: ['master.carts.abc123.euw1.cache.amazonaws.com'] }),
        ],
      }),
    );
    expect(matchReference(host('ledger.acme.io'), ix2).status).toBe('ok');
    expect(matchReference(host('cache.acme.io'), ix2).status).toBe('ok');
    expect(matchReference(host('oldcache.acme.io'), ix2).status).toBe('dangling');
  });
});
