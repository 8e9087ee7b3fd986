import { isPlaceholderName, isTemplateSlot } from '../placeholders';
import type { ReferenceType } from '../types';
import { candidate, type ExtractionRule, type RuleOutput } from './rule';

interface FlagForm {
  tool: 'aws' | 'eksctl' | 'ecs-cli';
  /** AWS CLI service (`aws rds …`); '*' for any. Ignored for eksctl/ecs-cli. */
  service: string;
  /** Restrict to these subcommands (e.g. `--name` only means a cluster for some eks commands). */
  subcommands?: readonly string[];
  /** eksctl VERB RESOURCE: restrict to this resource (`eksctl get cluster --name`, not `… nodegroup --name`). */
  resource?: string;
  flags: readonly string[];
  type: ReferenceType;
  normalize: 'lower' | 'keep';
  /** The flag takes several space-separated values (`--names a b`). */
  list?: boolean;
}

/** Command-line flags that name a resource. Ids and ARNs as values are left to their own rules. */
export const FLAG_FORMS: readonly FlagForm[] = [
  {
    tool: 'aws',
    service: 'rds',
    flags: ['--db-instance-identifier', '--db-cluster-identifier', '--source-db-instance-identifier'],
    type: 'rds-instance',
    normalize: 'lower',
  },
  {
    tool: 'aws',
    service: 'elasticache',
    flags: ['--cache-cluster-id', '--replication-group-id'],
    type: 'elasticache-cluster',
    normalize: 'lower',
  },
  { tool: 'aws', service: 'ecs', flags: ['--cluster'], type: 'ecs-cluster', normalize: 'keep' },
  {
    tool: 'aws',
    service: 'eks',
    subcommands: [
      'update-kubeconfig',
      'describe-cluster',
      'delete-cluster',
      'update-cluster-config',
      'update-cluster-version',
    ],
    flags: ['--name'],
    type: 'eks-cluster',
    normalize: 'keep',
  },
  { tool: 'aws', service: 'eks', flags: ['--cluster-name'], type: 'eks-cluster', normalize: 'keep' },
  { tool: 'aws', service: 'lambda', flags: ['--function-name'], type: 'lambda-function', normalize: 'keep' },
  { tool: 'aws', service: '*', flags: ['--bucket'], type: 's3-bucket', normalize: 'lower' },
  { tool: 'aws', service: 'elb', flags: ['--load-balancer-name'], type: 'load-balancer', normalize: 'lower' },
  {
    tool: 'aws',
    service: 'elb',
    flags: ['--load-balancer-names'],
    type: 'load-balancer',
    normalize: 'lower',
    list: true,
  },
  // `--names` also names target groups (describe-target-groups): only describe-load-balancers names load balancers.
  {
    tool: 'aws',
    service: 'elbv2',
    subcommands: ['describe-load-balancers'],
    flags: ['--names'],
    type: 'load-balancer',
    normalize: 'lower',
    list: true,
  },
  { tool: 'eksctl', service: '*', flags: ['--cluster'], type: 'eks-cluster', normalize: 'keep' },
  {
    tool: 'eksctl',
    service: '*',
    subcommands: ['get', 'delete', 'upgrade'],
    resource: 'cluster',
    flags: ['--name'],
    type: 'eks-cluster',
    normalize: 'keep',
  },
  { tool: 'ecs-cli', service: '*', flags: ['--cluster', '-c'], type: 'ecs-cluster', normalize: 'keep' },
];

/** AWS CLI options that take a value but say nothing about a resource. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set([
  '--profile',
  '--region',
  '--output',
  '--endpoint-url',
  '--query',
  '--color',
]);

interface Token {
  text: string;
  start: number;
  end: number;
}

const FLAG_HINT =
  /--(?:db-|source-db|cache-cluster|replication-group|cluster|name|function-name|bucket|load-balancer)|\s-c\s/;
const COMMAND_START = /(?<![\w./-])(aws|eksctl|ecs-cli)[ \t]+/g;
const RESOURCE_NAME = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Shell-style words from `from` to the end of the command: an unescaped newline, `;`, `&&`,
 * `||` or `|`. Quotes are stripped; offsets point at the word inside the quotes.
 */
function readCommandWords(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (ch === '\n' || ch === ';' || ch === '|' || (ch === '&' && text[i + 1] === '&')) break;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      const stop = close === -1 ? text.length : close;
      const nl = text.indexOf('\n', i + 1);
      const end = nl !== -1 && nl < stop ? nl : stop;
      tokens.push({ text: text.slice(i + 1, end), start: i + 1, end });
      i = end + 1;
      continue;
    }
    let end = i;
    while (
      end < text.length &&
      !' \t\r\n;|"\''.includes(text[end] ?? '') &&
      !(text[end] === '&' && text[end + 1] === '&')
    )
      end++;
    tokens.push({ text: text.slice(i, end), start: i, end });
    i = end;
  }
  return tokens;
}

function valuesOf(words: Token[], index: number, flag: string, list: boolean): Token[] {
  const word = words[index];
  if (!word) return [];
  if (word.text.startsWith(`${flag}=`)) {
    const offset = flag.length + 1;
    return [{ text: word.text.slice(offset), start: word.start + offset, end: word.end }];
  }
  const values: Token[] = [];
  for (let j = index + 1; j < words.length; j++) {
    const next = words[j];
    if (!next || next.text.startsWith('-')) break;
    values.push(next);
    if (!list) break;
  }
  return values;
}

function emit(out: RuleOutput, form: FlagForm, value: Token): void {
  // Prose around inline commands leaves punctuation glued to the last word: "--name x)." or "x,".
  const written = value.text.replace(/[),.;:!?\]}]+$/, '');
  if (!written || written.startsWith('arn:') || isTemplateSlot(written) || !RESOURCE_NAME.test(written))
    return;
  let name = form.normalize === 'lower' ? written.toLowerCase() : written;
  if (form.type === 'elasticache-cluster') name = name.replace(/-\d{3,4}$/, '');
  out.candidates.push(
    candidate({
      type: form.type,
      value: name,
      start: value.start,
      end: value.start + written.length,
      placeholder: isPlaceholderName(name),
      acceptsCommandRegion: form.type !== 's3-bucket',
    }),
  );
}

/** `aws SERVICE SUBCOMMAND --flag NAME`, `eksctl … --cluster NAME`, `ecs-cli … --cluster NAME`. */
export const cliFlagRule: ExtractionRule = {
  id: 'cli-flag',
  types: [
    'rds-instance',
    'elasticache-cluster',
    'ecs-cluster',
    'eks-cluster',
    'lambda-function',
    's3-bucket',
    'load-balancer',
  ],
  description: 'resource names given to AWS CLI, eksctl and ecs-cli flags (see FLAG_FORMS)',
  gate: /\b(?:aws|eksctl|ecs-cli)[ \t]/,
  find(text, out) {
    // Most commands in runbooks name no resource by flag; skip their parsing.
    if (!FLAG_HINT.test(text)) return;
    COMMAND_START.lastIndex = 0;
    for (let m = COMMAND_START.exec(text); m; m = COMMAND_START.exec(text)) {
      const tool = m[1] as FlagForm['tool'];
      const words = readCommandWords(text, m.index + m[0].length);
      // Skip global options to find the service and subcommand.
      const positional: string[] = [];
      for (let i = 0; i < words.length && positional.length < 2; i++) {
        const w = words[i]?.text ?? '';
        if (w.startsWith('-')) {
          if (GLOBAL_OPTIONS_WITH_VALUE.has(w)) i++;
          continue;
        }
        positional.push(w);
      }
      const service = tool === 'aws' ? (positional[0] ?? '') : '*';
      const subcommand = tool === 'aws' ? (positional[1] ?? '') : (positional[0] ?? '');
      for (let i = 0; i < words.length; i++) {
        const w = words[i]?.text ?? '';
        if (!w.startsWith('-')) continue;
        const flag = w.split('=')[0] ?? w;
        const form = FLAG_FORMS.find(
          (f) =>
            f.tool === tool &&
            (f.service === '*' || f.service === service) &&
            f.flags.includes(flag) &&
            (!f.subcommands || f.subcommands.includes(subcommand)) &&
            (!f.resource || f.resource === positional[1]),
        );
        if (!form) continue;
        for (const value of valuesOf(words, i, flag, form.list ?? false)) emit(out, form, value);
      }
      COMMAND_START.lastIndex = Math.max(COMMAND_START.lastIndex, words[words.length - 1]?.end ?? 0);
    }
  },
  examples: {
    positive: [
      {
        text: 'aws rds reboot-db-instance --db-instance-identifier Orders-Prod --region eu-west-1',
        expect: [{ type: 'rds-instance', value: 'orders-prod', region: 'eu-west-1' }],
      },
      {
        text: 'aws elasticache describe-cache-clusters --cache-cluster-id sessions-prod-002',
        expect: [{ type: 'elasticache-cluster', value: 'sessions-prod' }],
      },
      {
        text: 'aws ecs update-service --cluster checkout-prod --service api --force-new-deployment',
        expect: [{ type: 'ecs-cluster', value: 'checkout-prod' }],
      },
      {
        text: 'aws eks update-kubeconfig --region us-east-1 --name platform-prod',
        expect: [{ type: 'eks-cluster', value: 'platform-prod', region: 'us-east-1' }],
      },
      {
        text: 'aws lambda invoke --function-name "rotate-keys" out.json',
        expect: [{ type: 'lambda-function', value: 'rotate-keys' }],
      },
      {
        text: 'aws s3api get-bucket-versioning --bucket acme-backups --region eu-west-1',
        expect: [{ type: 's3-bucket', value: 'acme-backups', region: 'eu-west-1' }],
      },
      {
        text: 'aws elbv2 describe-load-balancers --names web-prod api-prod',
        expect: [
          { type: 'load-balancer', value: 'web-prod' },
          { type: 'load-balancer', value: 'api-prod' },
        ],
      },
      {
        text: 'eksctl get nodegroup --cluster=data-prod',
        expect: [{ type: 'eks-cluster', value: 'data-prod' }],
      },
      {
        text: 'eksctl upgrade cluster --name data-prod --approve',
        expect: [{ type: 'eks-cluster', value: 'data-prod' }],
      },
      {
        text: 'aws ecs list-services \\\n  --cluster payments',
        expect: [{ type: 'ecs-cluster', value: 'payments' }],
      },
    ],
    negative: [
      'aws elbv2 describe-target-groups --names web-prod-tg api-prod-tg',
      'aws ecs update-service --cluster $CLUSTER --service api',
      'aws eks update-kubeconfig --name <cluster-name>',
      'aws eks create-addon --addon-name vpc-cni --cluster-name ${EKS}',
      'kubectl get pods --cluster prod',
      'aws lambda invoke --function-name {{fn}}',
      'eksctl delete nodegroup --cluster $C --name ng-general-v3',
    ],
  },
};
