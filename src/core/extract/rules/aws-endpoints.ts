import { isPlaceholderName } from '../placeholders';
import { expandRegionCode, isRegionCode } from '../regions';
import type { ReferenceType } from '../types';
import { candidate, claim, type ExtractionRule, type RuleOutput } from './rule';

interface EndpointMatch {
  type: ReferenceType;
  value: string;
  region: string | null;
}

/** One service-endpoint host form: a pattern over the lowercase host, and how to read it. */
interface EndpointForm {
  id: string;
  pattern: RegExp;
  read(m: RegExpExecArray, host: string): EndpointMatch | null;
}

const ELASTICACHE_NODE = /-\d{3,4}$/;

function readElastiCache(host: string): EndpointMatch | null {
  const labels = host.replace(/\.cache\.amazonaws\.com(?:\.cn)?$/, '').split('.');
  // TLS endpoints put the role first: master.NAME.HASH.REGION, clustercfg.NAME.HASH.REGION.
  if (labels[0] === 'master' || labels[0] === 'replica' || labels[0] === 'clustercfg') labels.shift();
  const region = expandRegionCode(labels[labels.length - 1] ?? '');
  let name = labels[0] ?? '';
  if (labels[1] === 'serverless') name = name.replace(/-[a-z0-9]{6}$/, '');
  else if (labels[2] === 'ng') name = name.replace(/-ro$/, '');
  name = name.replace(ELASTICACHE_NODE, '');
  if (!region || !/^[a-z][a-z0-9-]*$/.test(name)) return null;
  return { type: 'elasticache-cluster', value: name, region };
}

function readS3Host(host: string): EndpointMatch | null {
  // BUCKET.s3.amazonaws.com, BUCKET.s3[.-]REGION…, BUCKET.s3-website[.-]REGION…, BUCKET.s3.dualstack.REGION…
  const m = /^(.+?)\.s3(?:-website)?(?:[.-](?:dualstack\.)?([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?$/.exec(
    host,
  );
  if (!m?.[1]) return null;
  // Transfer Acceleration (BUCKET.s3-accelerate[.dualstack].amazonaws.com) names no region.
  if (m[2] === 'accelerate' || m[2] === 'accelerate.dualstack')
    return { type: 's3-bucket', value: m[1], region: null };
  const region = m[2] && isRegionCode(m[2]) ? m[2] : null;
  if (m[2] && !region && m[2] !== 'external-1') return null;
  return { type: 's3-bucket', value: m[1], region: region ?? (m[2] === 'external-1' ? 'us-east-1' : null) };
}

/** Service endpoints that name a resource, by service. Other *.amazonaws.com hosts are not references. */
export const ENDPOINT_FORMS: readonly EndpointForm[] = [
  {
    id: 'rds-endpoint',
    // NAME.HASH.REGION.rds… (instance); NAME.cluster-[ro-|custom-]HASH.REGION.rds… (Aurora: NAME is the cluster).
    pattern:
      /^([a-z][a-z0-9-]*)\.(?:cluster-(?:ro-|custom-)?)?[a-z0-9]{8,16}\.([a-z0-9-]+)\.rds\.amazonaws\.com(?:\.cn)?$/,
    read: (m) => (m[1] && m[2] ? { type: 'rds-instance', value: m[1], region: m[2] } : null),
  },
  {
    id: 'nlb-dns',
    pattern:
      /^(?:dualstack\.)?(?:internal-)?([a-z0-9-]+)-[0-9a-f]{16}\.elb\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/,
    read: (m) => (m[1] && m[2] ? { type: 'load-balancer', value: m[1], region: m[2] } : null),
  },
  {
    id: 'alb-elb-dns',
    pattern:
      // The name is everything before the final id segment, which is decimal or hex (never a word).
      /^(?:dualstack\.)?(?:internal-)?([a-z0-9-]+?)-(?:\d{6,}|[0-9a-f]{8,32})\.([a-z0-9-]+)\.elb\.amazonaws\.com(?:\.cn)?$/,
    read: (m) => (m[1] && m[2] ? { type: 'load-balancer', value: m[1], region: m[2] } : null),
  },
  {
    id: 'elasticache-endpoint',
    pattern: /\.cache\.amazonaws\.com(?:\.cn)?$/,
    read: (_m, host) => readElastiCache(host),
  },
  {
    id: 'eks-endpoint',
    pattern: /^[0-9a-f]{32}\.[a-z0-9]{3}\.([a-z0-9-]+)\.eks\.amazonaws\.com(?:\.cn)?$/,
    read: (m, host) => (m[1] ? { type: 'eks-cluster', value: host, region: m[1] } : null),
  },
  {
    id: 's3-virtual-host',
    pattern: /^.+\.s3(?:-website)?(?:[.-][a-z0-9.-]+)?\.amazonaws\.com(?:\.cn)?$/,
    read: (_m, host) => readS3Host(host),
  },
];

// Path-style S3: https://s3[.-]REGION.amazonaws.com/BUCKET/… or https://s3.amazonaws.com/BUCKET.
const S3_PATH_HOST = /^s3(?:[.-](?:dualstack\.)?([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?$/;
const BUCKET_SEGMENT = /^\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?=[/?#\s]|$)/;

const AWS_SUFFIX = /amazonaws\.com(?:\.cn)?/gi;
const AWS_HOST = /^(?:[a-z0-9-]+\.)+amazonaws\.com(?:\.cn)?$/i;
const PORT = /^:\d{2,5}(?!\d)/;

function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

/**
 * Every *.amazonaws.com host with its optional :port. Found from the literal suffix and widened
 * to the left, because a pattern that starts at every word of a block costs far more.
 */
function* awsHosts(text: string): Generator<{ host: string; start: number; end: number }> {
  AWS_SUFFIX.lastIndex = 0;
  for (let m = AWS_SUFFIX.exec(text); m; m = AWS_SUFFIX.exec(text)) {
    let end = m.index + m[0].length;
    const next = text.charCodeAt(end);
    if (isHostChar(next) && next !== 46) continue; // amazonaws.community
    if (next === 95) continue; // glued to `_`
    let start = m.index;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    if (text[start - 1] === '_') continue;
    const host = text.slice(start, end);
    if (!AWS_HOST.test(host)) continue;
    const port = PORT.exec(text.slice(end, end + 7));
    if (port) end += port[0].length;
    yield { host: host.toLowerCase(), start, end };
  }
}

function classify(host: string): EndpointMatch | null {
  for (const form of ENDPOINT_FORMS) {
    const m = form.pattern.exec(host);
    if (!m) continue;
    const hit = form.read(m, host);
    if (hit && hit.region !== null && !isRegionCode(hit.region)) return null;
    return hit;
  }
  return null;
}

function pushEndpoint(out: RuleOutput, hit: EndpointMatch, host: string, start: number, end: number): void {
  const isBucket = hit.type === 's3-bucket';
  out.candidates.push(
    candidate({
      type: hit.type,
      value: hit.value,
      start,
      end,
      region: hit.region,
      alias: isBucket ? null : host,
      placeholder: isPlaceholderName(hit.value),
      acceptsCommandRegion: !isBucket,
    }),
  );
}

/** Hosts under amazonaws.com: RDS, ELB/ALB/NLB, ElastiCache, EKS and S3 endpoints. */
export const awsEndpointRule: ExtractionRule = {
  id: 'aws-endpoint',
  types: ['rds-instance', 'load-balancer', 'elasticache-cluster', 'eks-cluster', 's3-bucket'],
  description: 'service endpoint hostnames (with optional :port); the endpoint is kept as an alias',
  gate: /amazonaws\.com/i,
  find(text, out) {
    for (const found of awsHosts(text)) {
      const { host, start } = found;
      let end = found.end;
      const pathHost = S3_PATH_HOST.exec(host);
      if (pathHost) {
        const bucket = BUCKET_SEGMENT.exec(text.slice(end, end + 70));
        const region = pathHost[1] && isRegionCode(pathHost[1]) ? pathHost[1] : null;
        if (bucket?.[1]) {
          end += bucket[0].length;
          pushEndpoint(out, { type: 's3-bucket', value: bucket[1].toLowerCase(), region }, host, start, end);
        } else {
          out.candidates.push(claim(start, end));
        }
        continue;
      }
      const hit = classify(host);
      if (hit) pushEndpoint(out, hit, host, start, end);
      // Other AWS hosts (sqs, ecr, execute-api…) are not references; claim them so that no
      // hostname rule picks them up either.
      else out.candidates.push(claim(start, end));
    }
  },
  examples: {
    positive: [
      {
        text: 'psql -h orders-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com -U app',
        expect: [{ type: 'rds-instance', value: 'orders-prod', region: 'eu-west-1' }],
      },
      {
        text: 'writer: billing-aurora.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com:5432',
        expect: [{ type: 'rds-instance', value: 'billing-aurora', region: 'us-east-1' }],
      },
      {
        text: 'reader billing-aurora.cluster-ro-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com',
        expect: [{ type: 'rds-instance', value: 'billing-aurora', region: 'us-east-1' }],
      },
      {
        text: 'curl https://internal-api-gw-prod-1234567890.eu-west-1.elb.amazonaws.com/health',
        expect: [{ type: 'load-balancer', value: 'api-gw-prod', region: 'eu-west-1' }],
      },
      {
        text: 'NLB payments-nlb-0a1b2c3d4e5f6789.elb.us-east-1.amazonaws.com',
        expect: [{ type: 'load-balancer', value: 'payments-nlb', region: 'us-east-1' }],
      },
      {
        text: 'redis-cli -h sessions-prod.abc123.ng.0001.euw1.cache.amazonaws.com -p 6379',
        expect: [{ type: 'elasticache-cluster', value: 'sessions-prod', region: 'eu-west-1' }],
      },
      {
        text: 'clustercfg.ratelimit.x1y2z3.use1.cache.amazonaws.com:6379',
        expect: [{ type: 'elasticache-cluster', value: 'ratelimit', region: 'us-east-1' }],
      },
      {
        text: 'memcached catalog.a1b2c3.cfg.eu-central-1.cache.amazonaws.com:11211',
        expect: [{ type: 'elasticache-cluster', value: 'catalog', region: 'eu-central-1' }],
      },
      {
        text: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.eu-west-1.eks.amazonaws.com',
        expect: [
          {
            type: 'eks-cluster',
            value: '0123456789abcdef0123456789abcdef.gr7.eu-west-1.eks.amazonaws.com',
            region: 'eu-west-1',
          },
        ],
      },
      {
        text: 'https://acme-artifacts.s3.eu-west-1.amazonaws.com/builds/app.zip',
        expect: [{ type: 's3-bucket', value: 'acme-artifacts', region: 'eu-west-1' }],
      },
      {
        text: 'https://s3.us-west-2.amazonaws.com/acme-logs/2024/',
        expect: [{ type: 's3-bucket', value: 'acme-logs', region: 'us-west-2' }],
      },
      {
        text: 'https://orders-api-prod-7f3a9c2e1b.eu-west-1.elb.amazonaws.com/health',
        expect: [{ type: 'load-balancer', value: 'orders-api-prod', region: 'eu-west-1' }],
      },
      {
        text: 'upload to https://acme-exports.s3-accelerate.amazonaws.com/big.tar',
        expect: [{ type: 's3-bucket', value: 'acme-exports', region: null }],
      },
      {
        text: 'web-legacy-123456789.cn-north-1.elb.amazonaws.com.cn',
        expect: [{ type: 'load-balancer', value: 'web-legacy', region: 'cn-north-1' }],
      },
    ],
    negative: [
      'https://sqs.eu-west-1.amazonaws.com/210987654321/orders',
      '210987654321.dkr.ecr.eu-west-1.amazonaws.com/api:latest',
      'orders-prod.proxy-c9akciq32xyz.eu-west-1.rds.amazonaws.com',
      'https://abcdef1234.execute-api.eu-west-1.amazonaws.com/prod',
    ],
  },
};
