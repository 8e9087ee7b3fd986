// The world the scan corpus pages are checked against. Build with:
//   node scripts/build-snapshot.mjs test/scan-corpus/snapshot.spec.mjs test/scan-corpus/snapshot.json
// Prod 210987654321 (eu-west-1, us-east-1) and staging 345678901234 (eu-west-1, Lambda denied).
// Not scanned: us-west-2, ap-southeast-2. Not connected: 771802934466.
const PROD = '210987654321';
const STAGING = '345678901234';

export default {
  takenAt: '2025-03-03T06:00:00.000Z',
  accounts: [
    {
      account: PROD,
      roleArn: `arn:aws:iam::${PROD}:role/RunbookGuardReadOnly`,
      regions: ['eu-west-1', 'us-east-1'],
    },
    {
      account: STAGING,
      roleArn: `arn:aws:iam::${STAGING}:role/RunbookGuardReadOnly`,
      regions: ['eu-west-1'],
    },
  ],
  failures: [
    {
      account: STAGING,
      service: 'lambda',
      region: 'eu-west-1',
      outcome: 'access-denied',
      detail: 'AccessDeniedException: not authorized to perform lambda:ListFunctions',
    },
  ],
  resources: [
    // EC2 (prod eu-west-1 unless stated)
    {
      type: 'ec2',
      id: 'i-0a1b2c3d4e5f60718',
      name: 'bastion-prod',
      privateIp: '10.0.1.10',
      publicIp: '203.0.113.10',
    },
    { type: 'ec2', id: 'i-0b2c3d4e5f6071829', name: 'bastion-prod', state: 'terminated' },
    {
      type: 'ec2',
      id: 'i-0c3d4e5f607182930',
      name: 'batch-worker',
      privateIp: '10.0.2.20',
      state: 'stopped',
    },
    { type: 'ec2', id: 'i-0d4e5f60718293a41', name: 'etl-runner', state: 'terminated' },
    {
      type: 'ec2',
      id: 'i-0e5f60718293a4b52',
      name: 'dr-bastion',
      region: 'us-east-1',
      privateIp: '10.20.1.10',
    },
    { type: 'ec2', id: 'i-0f60718293a4b5c63', name: 'staging-app', account: STAGING, privateIp: '10.1.0.5' },
    { type: 'sg', id: 'sg-0123abcd4567ef890', name: 'web-sg', account: STAGING },
    { type: 'subnet', id: 'subnet-0aa11bb22cc33dd44', account: STAGING },
    { type: 'vpc', id: 'vpc-0abc1234def567890', account: STAGING },
    // Databases
    { type: 'rds', id: 'orders-prod-instance-1', cluster: 'orders-prod', hash: '9b56c5efdcfa' },
    { type: 'rds', id: 'orders-prod-instance-2', cluster: 'orders-prod', hash: '9b56c5efdcfa' },
    { type: 'rds', id: 'reporting-db', state: 'stopped' },
    { type: 'rds', id: 'billing-db', region: 'us-east-1' },
    // Load balancers
    { type: 'alb', name: 'api-prod', lbId: '1234567890' },
    { type: 'alb', name: 'admin-prod', lbId: '2233445566', internal: true, arnId: '7f3e2d1c0b9a8877' },
    {
      type: 'alb',
      name: 'mqtt-ingest',
      lbType: 'network',
      lbId: '0a1b2c3d4e5f6071',
      arnId: '0a1b2c3d4e5f6071',
    },
    // Caches, containers, functions, buckets
    { type: 'cache', id: 'sessions-001', group: 'sessions' },
    { type: 'cache', id: 'sessions-002', group: 'sessions' },
    { type: 'ecs', name: 'payments-prod' },
    { type: 'ecs', name: 'legacy-batch', state: 'INACTIVE' },
    { type: 'eks', name: 'platform-prod', endpoint: '4f1c9e2a7b3d8e6f0a1b2c3d4e5f6a7b' },
    { type: 'lambda', name: 'orders-snapshot-export' },
    { type: 'lambda', name: 'rotate-keys', region: 'us-east-1' },
    { type: 'bucket', name: 'acme-prod-backups' },
    { type: 'bucket', name: 'docs.acme.io' },
  ],
  zones: [
    {
      id: 'Z0ACMEIO0000001',
      name: 'acme.io',
      records: [
        ['acme.io', 'MX', '10 mx.acme.io'],
        ['api.acme.io', 'A', { alias: 'dualstack.api-prod-1234567890.eu-west-1.elb.amazonaws.com' }],
        ['www.acme.io', 'CNAME', 'api.acme.io'],
        ['old-api.acme.io', 'A', { alias: 'dualstack.api-old-9988776655.eu-west-1.elb.amazonaws.com' }],
        ['status.acme.io', 'CNAME', 'acme-status-page.s3-website-eu-west-1.amazonaws.com'],
        ['docs.acme.io', 'A', { alias: 's3-website-eu-west-1.amazonaws.com' }],
        ['bastion.acme.io', 'A', '203.0.113.10'],
        ['mqtt.acme.io', 'CNAME', 'mqtt-ingest-0a1b2c3d4e5f6071.elb.eu-west-1.amazonaws.com'],
        ['cdn.acme.io', 'CNAME', 'd1x2y3z4w5v6u7.cloudfront.net'],
      ],
    },
    {
      id: 'Z0INTERNAL00001',
      name: 'prod.acme-internal.net',
      private: true,
      records: [
        [
          'orders-db.prod.acme-internal.net',
          'CNAME',
          'orders-prod.cluster-9b56c5efdcfa.eu-west-1.rds.amazonaws.com',
        ],
        ['reports.prod.acme-internal.net', 'CNAME', 'reporting-db.c9akciq32ab.eu-west-1.rds.amazonaws.com'],
        ['redis.prod.acme-internal.net', 'CNAME', 'master.sessions.abc123.euw1.cache.amazonaws.com'],
        ['old-redis.prod.acme-internal.net', 'CNAME', 'master.carts.abc123.euw1.cache.amazonaws.com'],
        ['batch.prod.acme-internal.net', 'A', '10.0.2.20'],
        [
          'admin.prod.acme-internal.net',
          'A',
          { alias: 'internal-admin-prod-2233445566.eu-west-1.elb.amazonaws.com' },
        ],
      ],
    },
  ],
};
