import { isPlaceholderName, isTemplateSlot } from '../placeholders';
import { isRegionCode } from '../regions';
import type { ReferenceType } from '../types';
import { candidate, claim, trimTrailingPunctuation, type ExtractionRule } from './rule';

interface ConsoleResourceForm {
  /** Over the URL after the host: path, query and fragment. Group 1 is the name. */
  pattern: RegExp;
  type: ReferenceType;
  normalize: 'lower' | 'keep';
}

/**
 * Console pages that name a resource. EC2 ids inside console URLs (InstanceDetails:instanceId=…)
 * are found by the bare-id rule and take the URL's region.
 */
export const CONSOLE_RESOURCE_FORMS: readonly ConsoleResourceForm[] = [
  {
    pattern: /^\/s3\/buckets\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?=[/?#]|$)/,
    type: 's3-bucket',
    normalize: 'lower',
  },
  {
    pattern: /#(?:database|dbinstance|dbcluster):id=([a-z][a-z0-9-]*)/i,
    type: 'rds-instance',
    normalize: 'lower',
  },
  { pattern: /^\/ecs\/(?:v2\/)?(?:home[^#]*#\/)?clusters\/([\w-]+)/, type: 'ecs-cluster', normalize: 'keep' },
  { pattern: /^\/eks\/home[^#]*#\/clusters\/([\w-]+)/, type: 'eks-cluster', normalize: 'keep' },
  { pattern: /^\/lambda\/home[^#]*#\/functions\/([\w-]+)/, type: 'lambda-function', normalize: 'keep' },
  {
    pattern:
      /^\/elasticache\/home[^#]*#\/?(?:redis|memcached|valkey|replication-groups|clusters)\/([a-z][a-z0-9-]*)/i,
    type: 'elasticache-cluster',
    normalize: 'lower',
  },
];

const CONSOLE_URL =
  /https?:\/\/(?:([a-z0-9-]+)\.)?console\.(?:aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov\.com)(?=[/?#\s]|$)[^\s"'<>|`]*/gi;

/** AWS console links: region from the host or `region=`; the resource from the path or fragment. */
export const consoleUrlRule: ExtractionRule = {
  id: 'console-url',
  types: [
    's3-bucket',
    'rds-instance',
    'ecs-cluster',
    'eks-cluster',
    'lambda-function',
    'elasticache-cluster',
  ],
  description: 'AWS console URLs; the region applies to every id inside the URL',
  gate: /console\.(?:aws\.amazon|amazonaws)/i,
  find(text, out) {
    CONSOLE_URL.lastIndex = 0;
    for (let m = CONSOLE_URL.exec(text); m; m = CONSOLE_URL.exec(text)) {
      const start = m.index;
      const end = trimTrailingPunctuation(text, start, start + m[0].length);
      const url = text.slice(start, end);
      const hostRegion = m[1] && isRegionCode(m[1].toLowerCase()) ? m[1].toLowerCase() : null;
      const queryRegion = /[?&#]region=([a-z0-9-]+)/i.exec(url)?.[1]?.toLowerCase() ?? null;
      const region = hostRegion ?? (queryRegion && isRegionCode(queryRegion) ? queryRegion : null);
      const pathStart = url.indexOf('/', url.indexOf('//') + 2);
      const rest = pathStart === -1 ? '' : url.slice(pathStart);
      const restOffset = end - rest.length;
      if (region) out.scopes.push({ start, end, region });
      for (const form of CONSOLE_RESOURCE_FORMS) {
        const r = form.pattern.exec(rest);
        if (!r?.[1] || isTemplateSlot(r[1])) continue;
        const nameStart = restOffset + r.index + r[0].length - r[1].length;
        const value = form.normalize === 'lower' ? r[1].toLowerCase() : r[1];
        out.candidates.push(
          candidate({
            type: form.type,
            value,
            start: nameStart,
            end: nameStart + r[1].length,
            region,
            placeholder: isPlaceholderName(value),
          }),
        );
        break;
      }
      // The rest of the URL (host, query, region=) is not a reference of its own.
      out.candidates.push(claim(start, end));
    }
  },
  examples: {
    positive: [
      {
        text: 'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0a1b2c3d4e5f60718',
        expect: [{ type: 'ec2-instance', value: 'i-0a1b2c3d4e5f60718', region: 'eu-west-1' }],
      },
      {
        text: 'https://console.aws.amazon.com/rds/home?region=us-east-1#database:id=orders-prod;is-cluster=false',
        expect: [{ type: 'rds-instance', value: 'orders-prod', region: 'us-east-1' }],
      },
      {
        text: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/checkout-prod/services?region=eu-west-1',
        expect: [{ type: 'ecs-cluster', value: 'checkout-prod', region: 'eu-west-1' }],
      },
      {
        text: 'https://s3.console.aws.amazon.com/s3/buckets/acme-backups?region=eu-central-1&tab=objects',
        expect: [{ type: 's3-bucket', value: 'acme-backups', region: 'eu-central-1' }],
      },
      {
        text: 'https://console.aws.amazon.com/lambda/home?region=us-west-2#/functions/rotate-keys?tab=code',
        expect: [{ type: 'lambda-function', value: 'rotate-keys', region: 'us-west-2' }],
      },
    ],
    negative: [
      'https://console.aws.amazon.com/billing/home#/bills',
      'https://console.aws.amazon.com/ecs/v2/clusters/${CLUSTER}',
    ],
  },
};
