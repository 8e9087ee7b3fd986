import { indexSnapshot, matchReference } from '../../src/core/match';
import { ACCOUNT_A, ACCOUNT_B, ref, res, snap } from './support';

describe('EC2 instances', () => {
  const bastionOld = res({
    kind: 'ec2-instance',
    id: 'i-0aaa1111bbbb22223',
    state: 'terminated',
    name: 'bastion-prod',
  });
  const bastionNew = res({
    kind: 'ec2-instance',
    id: 'i-0ddd4444eeee55556',
    state: 'running',
    name: 'bastion-prod',
  });
  const worker = res({ kind: 'ec2-instance', id: 'i-0ccc3333dddd44445', state: 'stopped' });
  const ix = indexSnapshot(snap({ resources: [bastionOld, bastionNew, worker] }));

  it('is ok when running', () => {
    expect(matchReference(ref({ type: 'ec2-instance', value: bastionNew.id }), ix).status).toBe('ok');
  });

  it('reports a terminated instance as missing and names the one now carrying its Name tag', () => {
    const v = matchReference(ref({ type: 'ec2-instance', value: bastionOld.id }), ix);
    expect(v.status).toBe('missing');
    expect(v.message).toBe(
      'i-0aaa1111bbbb22223 was terminated; the instance now tagged bastion-prod is i-0ddd4444eeee55556',
    );
    expect(v.suggestion).toEqual({
      value: 'i-0ddd4444eeee55556',
      reason: 'the instance now tagged bastion-prod',
    });
  });

  it('suggests nothing when several instances carry the Name tag', () => {
    const twin = res({
      kind: 'ec2-instance',
      id: 'i-0fff6666aaaa77778',
      state: 'running',
      name: 'bastion-prod',
    });
    const ix2 = indexSnapshot(snap({ resources: [bastionOld, bastionNew, twin] }));
    const v = matchReference(ref({ type: 'ec2-instance', value: bastionOld.id }), ix2);
    expect(v.status).toBe('missing');
    expect(v.suggestion).toBeNull();
    expect(v.message).toBe('i-0aaa1111bbbb22223 was terminated');
  });

  it('reports a stopped instance as not-running', () => {
    const v = matchReference(ref({ type: 'ec2-instance', value: worker.id }), ix);
    expect(v.status).toBe('not-running');
    expect(v.message).toContain('is stopped');
  });

  it('reports an unknown id as missing when every region was scanned', () => {
    const v = matchReference(ref({ type: 'ec2-instance', value: 'i-0abcdef0123456789' }), ix);
    expect(v.status).toBe('missing');
    expect(v.message).toBe(
      `i-0abcdef0123456789 was not found in eu-west-1, us-east-1 of account ${ACCOUNT_A}`,
    );
  });

  it('never calls missing what a failed scan could have hidden', () => {
    const partial = indexSnapshot(
      snap({
        override: [
          {
            account: ACCOUNT_A,
            service: 'ec2',
            region: 'us-east-1',
            outcome: 'access-denied',
            detail: 'UnauthorizedOperation',
          },
        ],
      }),
    );
    const v = matchReference(ref({ type: 'ec2-instance', value: 'i-0abcdef0123456789' }), partial);
    expect(v.status).toBe('unverifiable');
    expect(v.message).toContain(
      'ec2 in us-east-1 of account 210987654321 (access-denied: UnauthorizedOperation)',
    );
    // …but the stated region was scanned fine, so there it can be missing.
    const inEu = matchReference(
      ref({ type: 'ec2-instance', value: 'i-0abcdef0123456789', region: 'eu-west-1' }),
      partial,
    );
    expect(inEu.status).toBe('missing');
  });

  it('is unverifiable in a region that was not scanned', () => {
    const v = matchReference(
      ref({ type: 'ec2-instance', value: 'i-0abcdef0123456789', region: 'ap-south-1' }),
      ix,
    );
    expect(v.status).toBe('unverifiable');
    expect(v.gaps).toEqual([
      { account: ACCOUNT_A, service: 'ec2', region: 'ap-south-1', outcome: 'not-scanned', detail: null },
    ]);
  });

  it('knows an instance id seen elsewhere proves the stated region wrong, scanned or not', () => {
    const v = matchReference(ref({ type: 'ec2-instance', value: bastionNew.id, region: 'ap-south-1' }), ix);
    expect(v.status).toBe('wrong-region');
    expect(v.message).toBe('i-0ddd4444eeee55556 is in eu-west-1, not ap-south-1');
  });

  it('is unverifiable for an account that is not connected', () => {
    const v = matchReference(
      ref({ type: 'ec2-instance', value: bastionNew.id, account: '999988887777' }),
      ix,
    );
    expect(v.status).toBe('unverifiable');
    expect(v.message).toContain('account 999988887777, which is not connected');
  });

  it('produces nothing for placeholders, whatever the inventory says', () => {
    const v = matchReference(
      ref({ type: 'ec2-instance', value: 'i-1234567890abcdef0', placeholder: true }),
      ix,
    );
    expect(v.status).toBe('placeholder');
  });
});

describe('RDS and Aurora', () => {
  const orders = res({
    kind: 'rds-instance',
    id: 'orders-db',
    state: 'available',
    dnsNames: ['orders-db.c9akciq32.eu-west-1.rds.amazonaws.com'],
  });
  const reporting = res({ kind: 'rds-instance', id: 'reporting', state: 'stopped' });
  const member1 = res({
    kind: 'rds-instance',
    id: 'ledger-1',
    state: 'stopped',
    attributes: { dbClusterIdentifier: 'ledger' },
  });
  const member2 = res({
    kind: 'rds-instance',
    id: 'ledger-2',
    state: 'available',
    attributes: { dbClusterIdentifier: 'ledger' },
  });
  const usOnly = res({ kind: 'rds-instance', id: 'billing', region: 'us-east-1', state: 'available' });
  const ix = indexSnapshot(snap({ resources: [orders, reporting, member1, member2, usOnly] }));

  it('matches by identifier and by endpoint alias', () => {
    expect(
      matchReference(ref({ type: 'rds-instance', value: 'orders-db', region: 'eu-west-1' }), ix).status,
    ).toBe('ok');
    const byEndpoint = ref({
      type: 'rds-instance',
      value: 'something-else',
      aliases: ['orders-db.c9akciq32.eu-west-1.rds.amazonaws.com'],
    });
    expect(matchReference(byEndpoint, ix).resource?.id).toBe('orders-db');
  });

  it('treats an Aurora cluster as up while any member is available', () => {
    expect(matchReference(ref({ type: 'rds-instance', value: 'ledger' }), ix).status).toBe('ok');
    const down = indexSnapshot(snap({ resources: [member1] }));
    expect(matchReference(ref({ type: 'rds-instance', value: 'ledger' }), down).status).toBe('not-running');
  });

  it('reports a stopped database as not-running', () => {
    const v = matchReference(ref({ type: 'rds-instance', value: 'reporting' }), ix);
    expect(v.status).toBe('not-running');
    expect(v.message).toBe(`Database reporting is stopped (eu-west-1, account ${ACCOUNT_A})`);
  });

  it('reports the same name in another scanned region as wrong-region, with the region as suggestion', () => {
    const v = matchReference(
      ref({ type: 'rds-instance', value: 'billing', region: 'eu-west-1', regionSource: 'section' }),
      ix,
    );
    expect(v.status).toBe('wrong-region');
    expect(v.message).toBe(
      'Database billing is in us-east-1, not eu-west-1 (the region stated for this section)',
    );
    expect(v.suggestion).toEqual({
      value: 'us-east-1',
      reason: `database billing exists in us-east-1, account ${ACCOUNT_A}`,
    });
  });

  it('does not call a name wrong-region when the stated region was not scanned', () => {
    const v = matchReference(ref({ type: 'rds-instance', value: 'billing', region: 'ap-south-1' }), ix);
    expect(v.status).toBe('unverifiable');
    expect(v.message).toContain('one of that name exists in us-east-1');
  });
});

describe('load balancers', () => {
  const web = res({
    kind: 'load-balancer',
    id: 'web-prod',
    state: 'active',
    arn: 'arn:aws:elasticloadbalancing:eu-west-1:210987654321:loadbalancer/app/web-prod/50dc6c495c0c9188',
    dnsNames: ['web-prod-1234567890.eu-west-1.elb.amazonaws.com'],
  });
  const ix = indexSnapshot(snap({ resources: [web] }));

  it('matches by name, DNS and ARN', () => {
    expect(
      matchReference(ref({ type: 'load-balancer', value: 'web-prod', aliases: [web.dnsNames[0] ?? ''] }), ix)
        .status,
    ).toBe('ok');
    expect(
      matchReference(ref({ type: 'load-balancer', value: 'x', aliases: [web.arn ?? ''] }), ix).resource,
    ).toBe(web);
  });

  it('flags a DNS name from a previous incarnation of the same load balancer', () => {
    const v = matchReference(
      ref({
        type: 'load-balancer',
        value: 'web-prod',
        aliases: ['web-prod-99999.eu-west-1.elb.amazonaws.com'],
      }),
      ix,
    );
    expect(v.status).toBe('missing');
    expect(v.suggestion?.value).toBe('web-prod-1234567890.eu-west-1.elb.amazonaws.com');
  });

  it('needs only elbv2 coverage for an ALB ARN', () => {
    const noClassic = indexSnapshot(
      snap({ override: [{ account: ACCOUNT_A, service: 'elb', outcome: 'failed', detail: 'boom' }] }),
    );
    const alb = ref({
      type: 'load-balancer',
      value: 'gone-alb',
      region: 'eu-west-1',
      aliases: ['arn:aws:elasticloadbalancing:eu-west-1:210987654321:loadbalancer/app/gone-alb/1'],
    });
    expect(matchReference(alb, noClassic).status).toBe('missing');
    expect(
      matchReference(ref({ type: 'load-balancer', value: 'gone', region: 'eu-west-1' }), noClassic).status,
    ).toBe('unverifiable');
  });
});

describe('other kinds', () => {
  const ix = indexSnapshot(
    snap({
      accounts: [
        { account: ACCOUNT_A, regions: ['eu-west-1', 'us-east-1'] },
        { account: ACCOUNT_B, regions: ['eu-west-1'] },
      ],
      resources: [
        res({ kind: 'lambda-function', id: 'rotate-keys', region: 'us-east-1', state: 'Active' }),
        res({ kind: 'ecs-cluster', id: 'payments', state: 'INACTIVE' }),
        res({
          kind: 'eks-cluster',
          id: 'platform',
          state: 'ACTIVE',
          dnsNames: ['abc123.gr7.eu-west-1.eks.amazonaws.com'],
        }),
        res({
          kind: 'elasticache-cluster',
          id: 'sessions-001',
          state: 'available',
          attributes: { replicationGroupId: 'sessions' },
        }),
        res({ kind: 's3-bucket', id: 'acme-artifacts', region: 'us-east-1', account: ACCOUNT_B }),
      ],
    }),
  );

  it('reports a Lambda function living in another region', () => {
    const v = matchReference(ref({ type: 'lambda-function', value: 'rotate-keys', region: 'eu-west-1' }), ix);
    expect(v.status).toBe('wrong-region');
  });

  it('reports an INACTIVE (deleted) ECS cluster as missing', () => {
    const v = matchReference(ref({ type: 'ecs-cluster', value: 'payments' }), ix);
    expect(v.status).toBe('missing');
    expect(v.message).toBe('ECS cluster payments was deleted (state INACTIVE)');
  });

  it('resolves an EKS endpoint and an ElastiCache replication group', () => {
    expect(
      matchReference(ref({ type: 'eks-cluster', value: 'abc123.gr7.eu-west-1.eks.amazonaws.com' }), ix)
        .status,
    ).toBe('ok');
    expect(matchReference(ref({ type: 'elasticache-cluster', value: 'sessions' }), ix).status).toBe('ok');
  });

  it('ignores a page region for buckets, but not a region written on the bucket URL', () => {
    expect(
      matchReference(
        ref({ type: 's3-bucket', value: 'acme-artifacts', region: 'eu-west-1', regionSource: 'page' }),
        ix,
      ).status,
    ).toBe('ok');
    expect(
      matchReference(ref({ type: 's3-bucket', value: 'acme-artifacts', region: 'eu-west-1' }), ix).status,
    ).toBe('wrong-region');
    expect(matchReference(ref({ type: 's3-bucket', value: 'acme-gone' }), ix).message).toBe(
      `Bucket acme-gone was not found in accounts ${ACCOUNT_A}, ${ACCOUNT_B}`,
    );
  });

  it("calls an unseen bucket missing only when its name follows the connected accounts' buckets", () => {
    // ListBuckets lists only the caller's buckets: a partner's bucket is invisible, not deleted.
    const partner = matchReference(ref({ type: 's3-bucket', value: 'vendorco-feeds' }), ix);
    expect(partner.status).toBe('unverifiable');
    expect(partner.message).toBe(
      `Bucket vendorco-feeds is not in accounts ${ACCOUNT_A}, ${ACCOUNT_B}, and its name does not follow theirs, so it may belong to an account that is not connected`,
    );
    expect(matchReference(ref({ type: 's3-bucket', value: 'ACME.old-exports' }), ix).status).toBe('missing');
    // Nothing to compare with: no bucket is called missing.
    const empty = indexSnapshot(snap({}));
    expect(matchReference(ref({ type: 's3-bucket', value: 'acme-gone' }), empty).status).toBe('unverifiable');
  });

  it('names the other account when an ARN states the wrong one', () => {
    const v = matchReference(
      ref({
        type: 's3-bucket',
        value: 'acme-artifacts',
        account: ACCOUNT_A,
        aliases: ['arn:aws:s3:::acme-artifacts'],
      }),
      ix,
    );
    expect(v.status).toBe('missing');
    expect(v.suggestion?.reason).toBe(`bucket acme-artifacts exists in us-east-1, account ${ACCOUNT_B}`);
  });
});

describe('coverage footprint', () => {
  it('judges a stated region within the accounts set up to scan it', () => {
    const ix = indexSnapshot(
      snap({
        accounts: [
          { account: ACCOUNT_A, regions: ['eu-west-1', 'us-east-1'] },
          { account: ACCOUNT_B, regions: ['eu-west-1'] },
        ],
      }),
    );
    const v = matchReference(
      ref({ type: 'ec2-instance', value: 'i-0abcdef0123456789', region: 'us-east-1' }),
      ix,
    );
    expect(v.status).toBe('missing');
    expect(v.message).toBe(`i-0abcdef0123456789 was not found in us-east-1 of account ${ACCOUNT_A}`);
  });
});
