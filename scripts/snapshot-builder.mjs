// Expands a readable snapshot spec (one short line per resource) into a full InventorySnapshot
// (src/core/inventory/snapshot.ts): ARNs, endpoints, DNS names and the coverage list are derived
// the way the collector writes them, so hand-written specs stay short and consistent.

const REGIONAL = ['ec2', 'rds', 'elb', 'elbv2', 'elasticache', 'ecs', 'eks', 'lambda'];
const GLOBAL = ['s3', 'route53'];

const SHORT_DIRECTION = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};
/** eu-west-1 → euw1: the region label ElastiCache endpoints use. */
function cacheRegion(region) {
  const [geo, direction, n] = region.split('-');
  return `${geo}${SHORT_DIRECTION[direction] ?? direction}${n}`;
}

function base(r, kind, id, defaults) {
  return {
    kind,
    id,
    arn: null,
    account: r.account ?? defaults.account,
    region: r.region === undefined ? defaults.region : r.region,
    state: null,
    dnsNames: [],
    privateIps: [],
    publicIps: [],
    name: null,
    tags: {},
    attributes: {},
  };
}

const EXPAND = {
  ec2(r, d) {
    const x = base(r, 'ec2-instance', r.id, d);
    x.arn = `arn:aws:ec2:${x.region}:${x.account}:instance/${r.id}`;
    x.state = r.state ?? 'running';
    if (r.privateIp) {
      x.privateIps = [r.privateIp];
      x.dnsNames.push(`ip-${r.privateIp.replaceAll('.', '-')}.${x.region}.compute.internal`);
    }
    if (r.publicIp) {
      x.publicIps = [r.publicIp];
      x.dnsNames.push(`ec2-${r.publicIp.replaceAll('.', '-')}.${x.region}.compute.amazonaws.com`);
    }
    if (r.name) {
      x.name = r.name;
      x.tags = { Name: r.name };
    }
    return x;
  },
  sg: (r, d) => network(r, d, 'security-group', 'security-group'),
  subnet: (r, d) => network(r, d, 'subnet', 'subnet'),
  vpc: (r, d) => network(r, d, 'vpc', 'vpc'),
  rds(r, d) {
    const x = base(r, 'rds-instance', r.id, d);
    x.arn = `arn:aws:rds:${x.region}:${x.account}:db:${r.id}`;
    x.state = r.state ?? 'available';
    x.dnsNames = [`${r.id}.${r.hash ?? 'c9akciq32ab'}.${x.region}.rds.amazonaws.com`];
    x.attributes = { engine: r.engine ?? 'postgres', port: String(r.port ?? 5432) };
    if (r.cluster) x.attributes.dbClusterIdentifier = r.cluster;
    return x;
  },
  alb(r, d) {
    const x = base(r, 'load-balancer', r.name, d);
    const type = r.lbType ?? 'application';
    const id = r.lbId ?? '1234567890';
    x.arn =
      type === 'classic'
        ? `arn:aws:elasticloadbalancing:${x.region}:${x.account}:loadbalancer/${r.name}`
        : `arn:aws:elasticloadbalancing:${x.region}:${x.account}:loadbalancer/${type === 'network' ? 'net' : 'app'}/${r.name}/${r.arnId ?? '50dc6c495c0c9188'}`;
    // Classic load balancers have no state in the API.
    x.state = type === 'classic' ? null : (r.state ?? 'active');
    x.dnsNames = [
      type === 'network'
        ? `${r.name}-${id}.elb.${x.region}.amazonaws.com`
        : `${r.internal ? 'internal-' : ''}${r.name}-${id}.${x.region}.elb.amazonaws.com`,
    ];
    x.attributes = { type, scheme: r.internal ? 'internal' : 'internet-facing' };
    return x;
  },
  cache(r, d) {
    const x = base(r, 'elasticache-cluster', r.id, d);
    x.arn = `arn:aws:elasticache:${x.region}:${x.account}:cluster:${r.id}`;
    x.state = r.state ?? 'available';
    x.dnsNames = [`${r.id}.${r.hash ?? 'abc123'}.0001.${cacheRegion(x.region)}.cache.amazonaws.com`];
    x.attributes = { engine: r.engine ?? 'redis' };
    if (r.group) x.attributes.replicationGroupId = r.group;
    return x;
  },
  ecs(r, d) {
    const x = base(r, 'ecs-cluster', r.name, d);
    x.arn = `arn:aws:ecs:${x.region}:${x.account}:cluster/${r.name}`;
    x.state = r.state ?? 'ACTIVE';
    return x;
  },
  eks(r, d) {
    const x = base(r, 'eks-cluster', r.name, d);
    x.arn = `arn:aws:eks:${x.region}:${x.account}:cluster/${r.name}`;
    x.state = r.state ?? 'ACTIVE';
    x.dnsNames = [
      `${r.endpoint ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90'}.${r.endpointZone ?? 'gr7'}.${x.region}.eks.amazonaws.com`,
    ];
    return x;
  },
  lambda(r, d) {
    const x = base(r, 'lambda-function', r.name, d);
    x.arn = `arn:aws:lambda:${x.region}:${x.account}:function:${r.name}`;
    x.state = r.state ?? 'Active';
    x.attributes = { runtime: r.runtime ?? 'python3.12' };
    return x;
  },
  bucket(r, d) {
    const x = base(r, 's3-bucket', r.name, d);
    x.arn = `arn:aws:s3:::${r.name}`;
    return x;
  },
};

function network(r, d, kind, arnType) {
  const x = base(r, kind, r.id, d);
  x.arn = `arn:aws:ec2:${x.region}:${x.account}:${arnType}/${r.id}`;
  x.state = kind === 'security-group' ? null : (r.state ?? 'available');
  if (r.name) {
    x.name = r.name;
    x.tags = { Name: r.name };
  }
  return x;
}

const SERVICE_OF = {
  'ec2-instance': 'ec2',
  'security-group': 'ec2',
  subnet: 'ec2',
  vpc: 'ec2',
  'rds-instance': 'rds',
  'elasticache-cluster': 'elasticache',
  'ecs-cluster': 'ecs',
  'eks-cluster': 'eks',
  'lambda-function': 'lambda',
  's3-bucket': 's3',
  'route53-zone': 'route53',
};

export function buildSnapshot(spec) {
  const defaults = { account: spec.accounts[0].account, region: spec.accounts[0].regions[0] };
  const resources = spec.resources.map((r) => {
    const expand = EXPAND[r.type];
    if (!expand) throw new Error(`unknown resource type ${r.type}`);
    return expand(r, defaults);
  });
  const dnsRecords = [];
  for (const z of spec.zones ?? []) {
    const account = z.account ?? defaults.account;
    resources.push({
      kind: 'route53-zone',
      id: z.id,
      arn: `arn:aws:route53:::hostedzone/${z.id}`,
      account,
      region: null,
      state: null,
      dnsNames: [z.name],
      privateIps: [],
      publicIps: [],
      name: null,
      tags: {},
      attributes: { zoneName: z.name, privateZone: String(z.private === true) },
    });
    for (const [name, type, target] of z.records) {
      const alias = typeof target === 'object' && target !== null && 'alias' in target;
      dnsRecords.push({
        account,
        zoneId: z.id,
        zoneName: z.name,
        privateZone: z.private === true,
        name,
        type,
        values: alias ? [] : [].concat(target),
        aliasTarget: alias ? target.alias : null,
      });
    }
  }
  const coverage = [];
  for (const a of spec.accounts) {
    const count = (service, region) =>
      resources.filter(
        (r) =>
          r.account === a.account &&
          (SERVICE_OF[r.kind] ?? (r.attributes.type === 'classic' ? 'elb' : 'elbv2')) === service &&
          (region === null || r.region === region),
      ).length;
    const entry = (service, region) => {
      const failure = (spec.failures ?? []).find(
        (f) => f.account === a.account && f.service === service && (f.region ?? null) === region,
      );
      return {
        account: a.account,
        service,
        region,
        outcome: failure?.outcome ?? 'ok',
        detail: failure?.detail ?? null,
        resourceCount: failure ? 0 : count(service, region),
      };
    };
    for (const region of a.regions) for (const service of REGIONAL) coverage.push(entry(service, region));
    for (const service of GLOBAL) coverage.push(entry(service, null));
  }
  return {
    formatVersion: 1,
    takenAt: spec.takenAt,
    accounts: spec.accounts.map((a) => ({
      account: a.account,
      roleArn: a.roleArn ?? null,
      regions: a.regions,
    })),
    resources,
    dnsRecords,
    coverage,
  };
}
