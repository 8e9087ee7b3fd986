import { isPlaceholderName, isTemplateSlot } from '../placeholders';
import { REGION_SOURCE } from '../regions';
import type { ReferenceType } from '../types';
import { candidate, type ExtractionRule, type RuleOutput } from './rule';

/**
 * Runbooks paste configuration as often as commands: Terraform (`bucket = "…"`, `cluster_name =
 * "…"`), tfvars, YAML and JSON (`bucket:`, `"Bucket":`, `FunctionName:`), Helm values
 * (`clusterName:`), eksctl ClusterConfig (`metadata.name`) and kubeconfig contexts. A key names
 * the kind of resource; the value is the resource.
 */
const KEY_VALUE =
  /(?:^|[\s{,([])["']?([A-Za-z][\w.-]{1,40}?)["']?[ \t]*(?::|=)[ \t]*(["']?)([A-Za-z0-9][\w.:/-]{0,99})\2(?![\w.:/-])/gm;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const NAME = /^[A-Za-z][\w-]{0,99}$/;
/** Terraform and CloudFormation references, not literal values. */
const EXPRESSION =
  /^(?:var|local|module|data|each|self|count|path|terraform|aws_[a-z0-9_]+)\.|^!(?:Ref|Sub|GetAtt)/;
const NOT_VALUES = new Set(['true', 'false', 'null', 'none', 'yes', 'no', 'default', 'string', 'required']);

const ECS_CONTEXT = /\becs\b|task[-_ ]?definition|aws_ecs_|ecs-cli|fargate/i;
const EKS_CONTEXT = /\beks(?:ctl)?\b|kubernetes|kubectl|helm|karpenter|aws_eks_|node[-_ ]?group|k8s/i;

/** What a key names, by its normalised spelling (lowercase, no `_`/`-`/`.`), given the block's context. */
function typeOfKey(key: string, block: string): ReferenceType | null {
  const k = key.toLowerCase().replace(/[-_.]/g, '');
  const last = k.split(/(?=[a-z])/).join('');
  if (/(?:^|s3|state|tfstate|backend|log|logs|artifact|artifacts|backup|backups)bucket(?:name)?$/.test(last))
    return 's3-bucket';
  if (/^(?:lambda)?functionname$|^lambda(?:function)?(?:name)?$/.test(last)) return 'lambda-function';
  if (/^ecscluster(?:name|arn)?$/.test(last)) return 'ecs-cluster';
  if (/^(?:eks|k8s|kubernetes)cluster(?:name)?$/.test(last)) return 'eks-cluster';
  if (last === 'clustername') {
    // Helm values, Terraform EKS modules and eksctl say clusterName / cluster_name for EKS; an
    // ECS service definition says it too, so the block decides.
    if (ECS_CONTEXT.test(block) && !EKS_CONTEXT.test(block)) return 'ecs-cluster';
    return EKS_CONTEXT.test(block) || key === 'clusterName' ? 'eks-cluster' : null;
  }
  if (last === 'cluster' && ECS_CONTEXT.test(block) && !EKS_CONTEXT.test(block)) return 'ecs-cluster';
  return null;
}

const BLOCK_REGION = new RegExp(`\\bregion["']?\\s*[:=]\\s*["']?(${REGION_SOURCE})\\b`, 'i');

/** The region stated in the same `{ … }` block (a Terraform backend or provider block). */
function braceRegion(text: string, at: number): string | null {
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at);
  if (open === -1 || close === -1 || at - open > 600 || close - at > 600) return null;
  if (text.lastIndexOf('}', at) > open) return null;
  return BLOCK_REGION.exec(text.slice(open, close))?.[1]?.toLowerCase() ?? null;
}

function push(
  out: RuleOutput,
  type: ReferenceType,
  written: string,
  start: number,
  region: string | null,
): void {
  const value = type === 's3-bucket' ? written.toLowerCase() : written;
  out.candidates.push(
    candidate({
      type,
      value,
      start,
      end: start + written.length,
      region,
      placeholder: isPlaceholderName(value),
      // A bucket's region is stated by its own block or command, never by a neighbour's flag.
      acceptsCommandRegion: type !== 's3-bucket',
    }),
  );
}

function validFor(type: ReferenceType, value: string): boolean {
  if (isTemplateSlot(value) || EXPRESSION.test(value) || NOT_VALUES.has(value.toLowerCase())) return false;
  if (type === 's3-bucket') return BUCKET_NAME.test(value) && !/^\d+\.\d+\.\d+\.\d+$/.test(value);
  return NAME.test(value);
}

// -backend-config="bucket=acme-tfstate" (terraform init) and backend-config files.
const BACKEND_CONFIG = /-backend-config[= ]["']?bucket=([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/g;
// eksctl ClusterConfig: metadata: { name: …, region: … }.
const EKSCTL_METADATA = new RegExp(`\\bmetadata:[ \\t]*\\n((?:[ \\t]+[\\w-]+:.*\\n?){1,8})`, 'g');
// kubeconfig contexts written by eksctl: user@CLUSTER.REGION.eksctl.io.
const EKSCTL_CONTEXT = new RegExp(`\\b[\\w.-]+@([A-Za-z][\\w-]*)\\.(${REGION_SOURCE})\\.eksctl\\.io\\b`, 'g');
// Prose: "the `acme-exports` bucket", "bucket acme-exports", "S3 bucket named acme-exports".
const PROSE_BUCKET = /\bthe\s+[`'"“]?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])[`'"”]?\s+(?:S3\s+)?bucket\b/gi;
const BUCKET_PROSE =
  /\b(?:S3\s+)?bucket\s+(?:named\s+|called\s+)?[`'"“]?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])[`'"”]?(?![\w.-]*\.[a-z]{2,})/gi;
/** Hyphenated words that describe a bucket rather than name it. */
const BUCKET_ADJECTIVES =
  /^(?:cross|multi|same|single|per|non|read|write|public|private|pre|re|so|well|newly|self|server|client|auto)-/i;

function proseBucket(out: RuleOutput, written: string, start: number): void {
  // A name, not a word: it has a hyphen, a dot or a digit, and is not an adjective (cross-account).
  if (!/[-.\d]/.test(written) || BUCKET_ADJECTIVES.test(written) || written !== written.toLowerCase()) return;
  if (!validFor('s3-bucket', written)) return;
  push(out, 's3-bucket', written, start, null);
}

export const configKeyRule: ExtractionRule = {
  id: 'config-key',
  types: ['s3-bucket', 'lambda-function', 'ecs-cluster', 'eks-cluster'],
  description:
    'resource names as configuration values (Terraform/tfvars, YAML, JSON, Helm values, eksctl metadata, kubeconfig contexts) and buckets named in prose',
  gate: /bucket|function|cluster|eksctl/i,
  find(text, out) {
    if (/bucket|function|cluster/i.test(text)) {
      KEY_VALUE.lastIndex = 0;
      for (let m = KEY_VALUE.exec(text); m; m = KEY_VALUE.exec(text)) {
        const key = m[1] ?? '';
        const written = m[3] ?? '';
        if (!/bucket|function|lambda|cluster/i.test(key)) continue;
        const type = typeOfKey(key, text);
        if (!type || !validFor(type, written)) continue;
        const start = m.index + m[0].length - written.length - (m[2] ?? '').length;
        push(out, type, written, start, type === 's3-bucket' ? braceRegion(text, start) : null);
      }
    }
    if (text.includes('-backend-config')) {
      BACKEND_CONFIG.lastIndex = 0;
      for (let m = BACKEND_CONFIG.exec(text); m; m = BACKEND_CONFIG.exec(text)) {
        const written = m[1] ?? '';
        push(out, 's3-bucket', written, m.index + m[0].length - written.length, null);
      }
    }
    if (/kind:\s*ClusterConfig/.test(text)) {
      EKSCTL_METADATA.lastIndex = 0;
      for (let m = EKSCTL_METADATA.exec(text); m; m = EKSCTL_METADATA.exec(text)) {
        const body = m[1] ?? '';
        const name = /(?:^|\n)[ \t]+name:[ \t]*["']?([A-Za-z][\w-]*)/.exec(body);
        if (!name?.[1] || !validFor('eks-cluster', name[1])) continue;
        const region =
          new RegExp(`(?:^|\\n)[ \\t]+region:[ \\t]*["']?(${REGION_SOURCE})`).exec(body)?.[1] ?? null;
        const bodyStart = m.index + m[0].length - body.length;
        push(out, 'eks-cluster', name[1], bodyStart + name.index + name[0].length - name[1].length, region);
      }
    }
    if (text.includes('eksctl.io')) {
      EKSCTL_CONTEXT.lastIndex = 0;
      for (let m = EKSCTL_CONTEXT.exec(text); m; m = EKSCTL_CONTEXT.exec(text)) {
        const name = m[1] ?? '';
        const at = m.index + m[0].indexOf('@') + 1;
        if (validFor('eks-cluster', name)) push(out, 'eks-cluster', name, at, (m[2] ?? '').toLowerCase());
      }
    }
    if (/bucket/i.test(text)) {
      for (const pattern of [PROSE_BUCKET, BUCKET_PROSE]) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
          const written = m[1] ?? '';
          proseBucket(out, written, m.index + m[0].lastIndexOf(written));
        }
      }
    }
  },
  examples: {
    positive: [
      {
        text: 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate-prod"\n    key    = "network/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}',
        expect: [{ type: 's3-bucket', value: 'acme-tfstate-prod', region: 'eu-west-1' }],
      },
      {
        text: 'terraform init -backend-config="bucket=acme-tfstate-stg" -backend-config="key=app.tfstate"',
        expect: [{ type: 's3-bucket', value: 'acme-tfstate-stg' }],
      },
      {
        text: 'logging:\n  bucket: acme-alb-logs\n  prefix: web/',
        expect: [{ type: 's3-bucket', value: 'acme-alb-logs' }],
      },
      {
        text: '{ "Bucket": "acme-exports", "Key": "daily/2024-05-01.csv" }',
        expect: [{ type: 's3-bucket', value: 'acme-exports' }],
      },
      {
        text: 'cluster_name = "payments-eks-prod"  # used by module "eks"',
        expect: [{ type: 'eks-cluster', value: 'payments-eks-prod' }],
      },
      {
        text: 'clusterName: data-platform-prod\nserviceAccount:\n  create: true',
        expect: [{ type: 'eks-cluster', value: 'data-platform-prod' }],
      },
      {
        text: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: analytics-prod\n  region: eu-central-1\n',
        expect: [{ type: 'eks-cluster', value: 'analytics-prod', region: 'eu-central-1' }],
      },
      {
        text: 'kubectl config use-context ops-admin@search-prod.us-west-2.eksctl.io',
        expect: [{ type: 'eks-cluster', value: 'search-prod', region: 'us-west-2' }],
      },
      {
        text: 'function_name = "invoice-renderer"',
        expect: [{ type: 'lambda-function', value: 'invoice-renderer' }],
      },
      {
        text: '"FunctionName": "orders-reconciler",',
        expect: [{ type: 'lambda-function', value: 'orders-reconciler' }],
      },
      { text: 'ecs_cluster_name = "checkout-ecs"', expect: [{ type: 'ecs-cluster', value: 'checkout-ecs' }] },
      {
        text: 'Exports land in the acme-finance-exports bucket every night.',
        expect: [{ type: 's3-bucket', value: 'acme-finance-exports' }],
      },
      {
        text: 'Check the S3 bucket named acme-cdn-origin2 first.',
        expect: [{ type: 's3-bucket', value: 'acme-cdn-origin2' }],
      },
    ],
    negative: [
      'bucket = aws_s3_bucket.logs.id',
      'bucket = "${var.state_bucket}"',
      'cluster_name = var.cluster_name',
      'clusterName: {{ .Values.cluster }}',
      'enable the cross-account bucket policy and a multi-region bucket',
      'the logs bucket and the backup bucket',
      'bucket policy and bucket versioning',
      'FunctionName: !Ref OrdersFunction',
    ],
  },
};
