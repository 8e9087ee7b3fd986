// The inventory behind `runbookguard scan --demo` (demo/space.json). Rebuild with:
//   node scripts/build-snapshot.mjs scripts/demo-snapshot.spec.mjs demo/snapshot.json
//
// The story: prod 210987654321 (eu-west-1, us-east-1) and staging 304958672011 (eu-west-1, EKS
// access denied) are connected; the archive, China and other accounts are not; eu-central-1,
// us-west-2 and the China regions were not scanned. Most references are healthy. Stale ones:
//   - api-3 was replaced after a termination (a suggestion by Name tag), so was billing-web-03;
//   - orders-reporting and dwh-etl are stopped; i-b7931f06 and billing-web-02 too;
//   - the k8s internal ingress was recreated: the DNS name in the runbook is dead;
//   - payments-legacy-elb, billing-mysql-replica, orders-scratch, flags-prod were deleted;
//   - cw-to-datadog lives in us-east-1, not eu-west-1;
//   - checkout.acme.io points at a deleted load balancer, status.acme.io at a bucket that no
//     longer exists (takeover risk), dwh.data.acme-internal.net has no record.
const PROD = '210987654321';
const STAGING = '304958672011';
const EU = 'eu-west-1';
const US = 'us-east-1';

export default {
  takenAt: '2025-03-03T06:00:00.000Z',
  accounts: [
    { account: PROD, roleArn: `arn:aws:iam::${PROD}:role/RunbookGuardReadOnly`, regions: [EU, US] },
    { account: STAGING, roleArn: `arn:aws:iam::${STAGING}:role/RunbookGuardReadOnly`, regions: [EU] },
  ],
  failures: [
    {
      account: STAGING,
      service: 'eks',
      region: EU,
      outcome: 'access-denied',
      detail: 'AccessDeniedException: not authorized to perform eks:ListClusters',
    },
  ],
  resources: [
    // Orders (eu-west-1)
    { type: 'rds', id: 'orders-prod-instance-1', cluster: 'orders-prod', hash: '9b56c5efdcfa' },
    { type: 'rds', id: 'orders-prod-instance-2', cluster: 'orders-prod', hash: '9b56c5efdcfa' },
    { type: 'rds', id: 'orders-reporting', hash: 'b35a8cfc46a6', state: 'stopped' },
    { type: 'vpc', id: 'vpc-09c0812321d7c52b1', name: 'prod-eu' },
    { type: 'subnet', id: 'subnet-05a226d28bc1059c6' },
    { type: 'subnet', id: 'subnet-0719d51823439936a' },
    { type: 'subnet', id: 'subnet-0a0aef8dcf45565c3' },
    { type: 'sg', id: 'sg-0f82e6f20dacb8d90', name: 'orders-db' },
    { type: 'bucket', name: 'acme-orders-db-exports' },
    { type: 'lambda', name: 'orders-snapshot-export' },
    { type: 'ecs', name: 'payments-prod' },
    { type: 'ecs', name: 'commerce-prod' },
    { type: 'ecs', name: 'batch-prod' },
    // Public API (us-east-1)
    { type: 'alb', name: 'public-api-alb', region: US, lbId: '1375557183', arnId: '7555d90d727c0a65' },
    { type: 'ecs', name: 'api-prod', region: US },
    { type: 'ec2', id: 'i-089197da6df133905', region: US, name: 'api-1', privateIp: '10.20.11.45' },
    { type: 'ec2', id: 'i-0a135c0681d2127d5', region: US, name: 'api-2', privateIp: '10.20.12.19' },
    { type: 'ec2', id: 'i-084c38dc9a8b404e2', region: US, name: 'api-3', state: 'terminated' },
    { type: 'ec2', id: 'i-0c9d8e7f6a5b4c3d2', region: US, name: 'api-3', privateIp: '10.20.13.77' },
    { type: 'ec2', id: 'i-0e74e36cd6913d67e', region: US, name: 'api-4', privateIp: '10.20.11.88' },
    { type: 'sg', id: 'sg-0511edb37d1a0f067', region: US },
    { type: 'sg', id: 'sg-090fc32ab5e3a049b', region: US },
    { type: 'sg', id: 'sg-030729cf40ed0183f', region: US },
    { type: 'sg', id: 'sg-0659ba63de37d451a', region: US },
    { type: 'cache', id: 'sessions-prod-001', group: 'sessions-prod', region: US, hash: 'd6b594' },
    { type: 'lambda', name: 'api-authorizer', region: US },
    { type: 'lambda', name: 'cw-to-datadog', region: US },
    { type: 'bucket', name: 'acme-api-static', region: US },
    { type: 'rds', id: 'payments-prod-1', cluster: 'payments-prod', region: US, hash: '5a5dd17cf6ba' },
    // Kubernetes (eu-west-1 and us-east-1)
    { type: 'eks', name: 'platform-prod', endpoint: '319dcdc2b0c7c91f4df44ddd7cd2c76f' },
    {
      type: 'eks',
      name: 'platform-prod-use1',
      region: US,
      endpoint: '7bb82e32124dc37295442890bc12a526',
      endpointZone: 'sk1',
    },
    { type: 'subnet', id: 'subnet-017ba42e01db8c019' },
    { type: 'subnet', id: 'subnet-0e3b4c5c2df2af975' },
    { type: 'subnet', id: 'subnet-05f61d8cd030232b2' },
    { type: 'vpc', id: 'vpc-0593ab3df49c71786', name: 'platform' },
    { type: 'sg', id: 'sg-0212f6fccc942c137' },
    { type: 'sg', id: 'sg-07d7cc9d1de14ffb2' },
    { type: 'ec2', id: 'i-0bdb4f779362ebba5', name: 'platform-node', privateIp: '10.50.1.20' },
    { type: 'alb', name: 'k8s-ingress-prod-7f3a9c21d4', lbId: '796593883' },
    // Recreated: the runbook still has the old DNS name (…-906984322).
    { type: 'alb', name: 'k8s-ingress-internal-4b1e', lbId: '1183920476', internal: true },
    // DNS cutover (us-east-1)
    {
      type: 'alb',
      name: 'payments-nlb',
      region: US,
      lbType: 'network',
      lbId: '2769fe6094fccf4e',
      arnId: '2769fe6094fccf4e',
    },
    { type: 'alb', name: 'payments-admin', region: US, lbId: '986951453', internal: true },
    {
      type: 'ec2',
      id: 'i-b7931f06',
      region: US,
      name: 'legacy-gw-1',
      publicIp: '52.44.198.12',
      state: 'stopped',
    },
    { type: 'ec2', id: 'i-eb724756', region: US, name: 'legacy-gw-2', publicIp: '34.231.7.90' },
    { type: 'ec2', id: 'i-0f1e2d3c4b5a69788', region: US, name: 'vpn', publicIp: '54.210.33.17' },
    // Redis (eu-west-1)
    { type: 'cache', id: 'sessions-prod-001', group: 'sessions-prod', hash: '7091ab' },
    { type: 'cache', id: 'sessions-prod-002', group: 'sessions-prod', hash: '7091ab' },
    { type: 'cache', id: 'ratelimit-prod-0001-001', group: 'ratelimit-prod', hash: 'c1768d' },
    { type: 'cache', id: 'catalog-mc', hash: '3fc147', engine: 'memcached' },
    { type: 'ec2', id: 'i-091439aeba86775ee', name: 'redis-jump', privateIp: '10.40.22.9' },
    // S3 restore
    { type: 'bucket', name: 'acme-invoices-prod' },
    { type: 'bucket', name: 'acme-user-uploads' },
    { type: 'bucket', name: 'acme-db-backups' },
    { type: 'bucket', name: 'acme-logs-prod' },
    // On-call handbook (eu-west-1)
    { type: 'ec2', id: 'i-0d3a81dff1285b86a', name: 'jenkins' },
    { type: 'ec2', id: 'i-daad1d1b', name: 'nat-legacy' },
    { type: 'ec2', id: 'i-0a45a3cda00847513', name: 'grafana' },
    { type: 'ec2', id: 'i-09cd7878e5b300ab2', name: 'prometheus' },
    { type: 'ec2', id: 'i-078af2d9255e73dac', name: 'bastion-prod' },
    { type: 'rds', id: 'storefront-prod-1', cluster: 'storefront-prod', hash: 'b7765a1a5256' },
    { type: 'rds', id: 'identity-prod', hash: '6f4d896083c6' },
    { type: 'rds', id: 'billing-mysql-prod', hash: '2af43cd1b4d7', engine: 'mysql', port: 3306 },
    { type: 'alb', name: 'storefront-alb', lbId: '1220734998' },
    { type: 'alb', name: 'checkout-int', lbId: '1539048576', internal: true },
    { type: 'alb', name: 'sftp-nlb', lbType: 'network', lbId: 'ae71bf2aaf6bffd1' },
    { type: 'lambda', name: 'invoice-pdf-render' },
    { type: 'lambda', name: 'user-export-gdpr' },
    // Staging (eu-west-1)
    { type: 'ec2', id: 'i-04b3cea91ee9ade35', account: STAGING, name: 'staging-app' },
    { type: 'subnet', id: 'subnet-0c8ecf5b7e746e99d', account: STAGING },
    // Billing legacy (eu-west-1)
    { type: 'alb', name: 'billing-web-elb', lbType: 'classic', lbId: '1901297348' },
    { type: 'ec2', id: 'i-374bca64', name: 'billing-web-01', privateIp: '10.30.1.11' },
    { type: 'ec2', id: 'i-bdb10a25', name: 'billing-web-02', privateIp: '10.30.1.12', state: 'stopped' },
    { type: 'ec2', id: 'i-18b58faa', name: 'billing-web-03', state: 'terminated' },
    { type: 'ec2', id: 'i-0f5e6d7c8b9a01234', name: 'billing-web-03', privateIp: '10.30.1.23' },
    { type: 'ec2', id: 'i-607e8eef', name: 'billing-cron-01', privateIp: '10.30.2.14' },
    { type: 'sg', id: 'sg-b45b53ff' },
    { type: 'sg', id: 'sg-d0974e9b' },
    { type: 'sg', id: 'sg-cfd239e5' },
    { type: 'vpc', id: 'vpc-f135f022', name: 'billing-classic' },
    { type: 'subnet', id: 'subnet-603e3333' },
    { type: 'subnet', id: 'subnet-c23ac32e' },
    { type: 'subnet', id: 'subnet-0ca6f30e' },
    { type: 'bucket', name: 'acme-billing-invoices-legacy' },
    // Data team (eu-west-1)
    { type: 'bucket', name: 'acme-dwh-landing' },
    { type: 'bucket', name: 'acme-dwh-curated' },
    { type: 'lambda', name: 'dwh-loader' },
    { type: 'ec2', id: 'i-0aaa9b4b8e570cc60', name: 'dwh-etl', privateIp: '10.40.31.7', state: 'stopped' },
    { type: 'rds', id: 'dwh-meta', hash: 'cd8aedd26a93' },
    { type: 'sg', id: 'sg-09509a20ea01a7144' },
  ],
  zones: [
    {
      id: 'Z04ACMEIO7Q3X1',
      name: 'acme.io',
      records: [
        ['acme.io', 'MX', '10 aspmx.l.google.com'],
        ['api.acme.io', 'A', { alias: 'dualstack.public-api-alb-1375557183.us-east-1.elb.amazonaws.com' }],
        ['api.payments.acme.io', 'A', { alias: 'payments-nlb-2769fe6094fccf4e.elb.us-east-1.amazonaws.com' }],
        ['checkout.acme.io', 'CNAME', 'checkout-pub-1859671210.us-east-1.elb.amazonaws.com'],
        ['status.acme.io', 'CNAME', 'acme-status.s3-website-us-east-1.amazonaws.com'],
        [
          'admin.payments.acme.io',
          'A',
          { alias: 'internal-payments-admin-986951453.us-east-1.elb.amazonaws.com' },
        ],
        ['vpn.acme.io', 'A', '54.210.33.17'],
        ['docs.acme.io', 'CNAME', 'docs-origin.acme-internal.net'],
        ['backstage.acme.io', 'CNAME', 'k8s-ingress-prod-7f3a9c21d4-796593883.eu-west-1.elb.amazonaws.com'],
      ],
    },
    {
      id: 'Z07PRODINTERNAL',
      name: 'prod.acme-internal.net',
      private: true,
      records: [
        [
          'orders-db.prod.acme-internal.net',
          'CNAME',
          'orders-prod.cluster-9b56c5efdcfa.eu-west-1.rds.amazonaws.com',
        ],
      ],
    },
    {
      id: 'Z09DATAINTERNAL',
      name: 'data.acme-internal.net',
      private: true,
      records: [
        ['warehouse.data.acme-internal.net', 'CNAME', 'dwh-meta.cd8aedd26a93.eu-west-1.rds.amazonaws.com'],
      ],
    },
  ],
};
