import { isPlaceholderAccount, isPlaceholderId, isPlaceholderName, isTemplateSlot } from '../placeholders';
import type { ReferenceType } from '../types';
import { candidate, claim, trimTrailingPunctuation, type ExtractionRule } from './rule';

interface ArnResourceForm {
  service: string;
  /** Matches the ARN's resource part; group 1 is the resource's name or id. */
  resource: RegExp;
  type: ReferenceType;
  normalize: 'lower' | 'keep';
  /** Ids (i-…, sg-…) get the id placeholder check; names the name check. */
  shape: 'id' | 'name';
}

/** Every ARN form we turn into a reference, by service. */
export const ARN_RESOURCE_FORMS: readonly ArnResourceForm[] = [
  {
    service: 'ec2',
    resource: /^instance\/(i-[0-9a-f]{8,17})$/i,
    type: 'ec2-instance',
    normalize: 'lower',
    shape: 'id',
  },
  {
    service: 'ec2',
    resource: /^security-group\/(sg-[0-9a-f]{8,17})$/i,
    type: 'security-group',
    normalize: 'lower',
    shape: 'id',
  },
  {
    service: 'ec2',
    resource: /^subnet\/(subnet-[0-9a-f]{8,17})$/i,
    type: 'subnet',
    normalize: 'lower',
    shape: 'id',
  },
  { service: 'ec2', resource: /^vpc\/(vpc-[0-9a-f]{8,17})$/i, type: 'vpc', normalize: 'lower', shape: 'id' },
  {
    service: 'rds',
    resource: /^(?:db|cluster):([a-z][a-z0-9-]*)$/i,
    type: 'rds-instance',
    normalize: 'lower',
    shape: 'name',
  },
  {
    service: 'elasticloadbalancing',
    resource: /^loadbalancer\/(?:app|net|gwy)\/([a-z0-9-]+)\/[0-9a-f]+$/i,
    type: 'load-balancer',
    normalize: 'lower',
    shape: 'name',
  },
  {
    service: 'elasticloadbalancing',
    resource: /^loadbalancer\/([a-z0-9-]+)$/i,
    type: 'load-balancer',
    normalize: 'lower',
    shape: 'name',
  },
  {
    service: 'elasticache',
    resource: /^(?:cluster|replicationgroup):([a-z][a-z0-9-]*)$/i,
    type: 'elasticache-cluster',
    normalize: 'lower',
    shape: 'name',
  },
  { service: 'ecs', resource: /^cluster\/([\w-]+)$/, type: 'ecs-cluster', normalize: 'keep', shape: 'name' },
  { service: 'eks', resource: /^cluster\/([\w-]+)$/, type: 'eks-cluster', normalize: 'keep', shape: 'name' },
  {
    service: 'lambda',
    resource: /^function:([\w-]+)(?::[\w$-]+)?$/,
    type: 'lambda-function',
    normalize: 'keep',
    shape: 'name',
  },
  {
    service: 's3',
    resource: /^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/.*)?$/,
    type: 's3-bucket',
    normalize: 'lower',
    shape: 'name',
  },
];

// arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE — the resource runs to whitespace or markup punctuation.
const ARN = /\barn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:([^\s"'<>,;|)\]}`]+)/g;

/** ARNs of every supported type in every partition; IAM ARNs yield their account. */
export const arnRule: ExtractionRule = {
  id: 'arn',
  types: [...new Set(ARN_RESOURCE_FORMS.map((f) => f.type)), 'aws-account'],
  description:
    'arn:(aws|aws-cn|aws-us-gov):service:region:account:resource; region and account become attributes',
  gate: /arn:aws/,
  find(text, out) {
    ARN.lastIndex = 0;
    for (let m = ARN.exec(text); m; m = ARN.exec(text)) {
      const start = m.index;
      const end = trimTrailingPunctuation(text, start, start + m[0].length);
      const service = m[2] ?? '';
      const region = m[3] ? m[3] : null;
      const account = m[4] ?? null;
      const resource = text.slice(start + m[0].length - (m[5] ?? '').length, end);
      // A bucket's ARN has no region and no account (arn:aws:s3:::bucket); with them it names an
      // access point, a job or a Multi-Region Access Point, not a bucket.
      if (service === 's3' && (region !== null || account !== null)) {
        out.candidates.push(claim(start, end));
        continue;
      }
      if (service === 'iam' || service === 'sts') {
        if (account) {
          out.candidates.push(
            candidate({
              type: 'aws-account',
              value: account,
              start,
              end,
              placeholder: isPlaceholderAccount(account),
              acceptsCommandRegion: false,
              acceptsContextRegion: false,
            }),
          );
        }
        continue;
      }
      for (const form of ARN_RESOURCE_FORMS) {
        if (form.service !== service) continue;
        const r = form.resource.exec(resource);
        if (!r?.[1]) continue;
        if (isTemplateSlot(r[1])) break;
        let value = form.normalize === 'lower' ? r[1].toLowerCase() : r[1];
        // An ElastiCache node (sessions-prod-002) stands for its replication group.
        if (form.type === 'elasticache-cluster') value = value.replace(/-\d{3,4}$/, '');
        const placeholder =
          (form.shape === 'id' ? isPlaceholderId(value) : isPlaceholderName(value)) ||
          (account !== null && isPlaceholderAccount(account));
        out.candidates.push(
          candidate({
            type: form.type,
            value,
            start,
            end,
            region,
            account,
            placeholder,
            alias: form.type === 'load-balancer' ? text.slice(start, end) : null,
          }),
        );
        break;
      }
    }
  },
  examples: {
    positive: [
      {
        text: 'arn:aws:ec2:eu-west-1:210987654321:instance/i-0a1b2c3d4e5f60718',
        expect: [{ type: 'ec2-instance', value: 'i-0a1b2c3d4e5f60718', region: 'eu-west-1' }],
      },
      {
        text: 'arn:aws-cn:rds:cn-north-1:210987654321:db:Orders-Prod.',
        expect: [{ type: 'rds-instance', value: 'orders-prod', region: 'cn-north-1' }],
      },
      {
        text: 'arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:210987654321:loadbalancer/app/gov-web/50dc6c495c0c9188',
        expect: [{ type: 'load-balancer', value: 'gov-web', region: 'us-gov-west-1' }],
      },
      {
        text: 'arn:aws:elasticache:eu-west-1:210987654321:replicationgroup:sessions-prod',
        expect: [{ type: 'elasticache-cluster', value: 'sessions-prod', region: 'eu-west-1' }],
      },
      {
        text: 'kubectl --context arn:aws:eks:us-east-1:210987654321:cluster/Platform-Prod get pods',
        expect: [{ type: 'eks-cluster', value: 'Platform-Prod', region: 'us-east-1' }],
      },
      {
        text: 'arn:aws:ecs:eu-central-1:210987654321:cluster/checkout',
        expect: [{ type: 'ecs-cluster', value: 'checkout', region: 'eu-central-1' }],
      },
      {
        text: '(arn:aws:lambda:us-west-2:210987654321:function:rotate-keys:PROD)',
        expect: [{ type: 'lambda-function', value: 'rotate-keys', region: 'us-west-2' }],
      },
      {
        text: 'arn:aws:s3:::acme-backups/db/*',
        expect: [{ type: 's3-bucket', value: 'acme-backups', region: null }],
      },
      {
        text: 'role arn:aws:iam::210987654321:role/RunbookGuard',
        expect: [{ type: 'aws-account', value: '210987654321', region: null }],
      },
    ],
    negative: [
      'arn:aws:sqs:eu-west-1:210987654321:orders-queue',
      'aws s3 ls s3://arn:aws:s3:eu-west-1:210987654321:accesspoint/reports-ap/2024/',
      'arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup/web-prod-tg/73e2d6bc24d8a067',
      'arn:aws:ecs:eu-west-1:210987654321:cluster/${CLUSTER}',
      'barn:aws:ec2 is not an ARN',
    ],
  },
};
