import { candidate, type ExtractionRule } from './rule';

/**
 * TLDs a customer host can end in. Country codes that double as file extensions (md, sh, py,
 * rs, pl, js, ts…) are left out on purpose: README.md is not a host.
 */
const HOST_TLDS = new Set([
  ...[
    'com',
    'net',
    'org',
    'io',
    'dev',
    'app',
    'cloud',
    'co',
    'ai',
    'biz',
    'info',
    'tech',
    'systems',
    'services',
  ],
  ...['internal', 'local', 'corp', 'lan', 'intra', 'intranet'],
  ...[
    'uk',
    'de',
    'fr',
    'nl',
    'eu',
    'ca',
    'au',
    'jp',
    'br',
    'es',
    'se',
    'ch',
    'dk',
    'fi',
    'nz',
    'sg',
    'ie',
    'us',
  ],
  ...[
    'cn',
    'hk',
    'kr',
    'tw',
    'za',
    'mx',
    'ar',
    'cl',
    'pt',
    'gr',
    'cz',
    'hu',
    'ro',
    'lu',
    'il',
    'ae',
    'tr',
    'ua',
  ],
]);

/** Public services and AWS's own web sites: never a customer resource. */
const PUBLIC_DOMAINS = [
  ...[
    'amazonaws.com',
    'amazonaws.com.cn',
    'amazon.com',
    'aws.amazon.com',
    'awsstatic.com',
    'aws.dev',
    'amazontrust.com',
  ],
  ...['amazonaws-us-gov.com', 'amazonaws.cn', 'aws'],
  ...['atlassian.net', 'atlassian.com', 'jira.com', 'trello.com', 'statuspage.io'],
  ...['github.com', 'github.io', 'githubusercontent.com', 'gitlab.com', 'bitbucket.org', 'ghcr.io'],
  ...['google.com', 'googleapis.com', 'gstatic.com', 'gcr.io', 'goo.gl', 'youtube.com'],
  ...[
    'slack.com',
    'pagerduty.com',
    'opsgenie.com',
    'datadoghq.com',
    'datadoghq.eu',
    'grafana.net',
    'grafana.com',
  ],
  ...[
    'sentry.io',
    'newrelic.com',
    'splunk.com',
    'honeycomb.io',
    'zoom.us',
    'okta.com',
    'onelogin.com',
    '1password.com',
  ],
  ...[
    'docker.io',
    'docker.com',
    'quay.io',
    'npmjs.org',
    'npmjs.com',
    'pypi.org',
    'pythonhosted.org',
    'k8s.io',
  ],
  ...[
    'kubernetes.io',
    'helm.sh',
    'hashicorp.com',
    'terraform.io',
    'microsoft.com',
    'azure.com',
    'office.com',
  ],
  ...['apple.com', 'cloudflare.com', 'letsencrypt.org', 'stackoverflow.com', 'wikipedia.org', 'mozilla.org'],
  ...[
    'postgresql.org',
    'mysql.com',
    'redis.io',
    'nginx.org',
    'ubuntu.com',
    'debian.org',
    'elastic.co',
    'opensearch.org',
  ],
  ...[
    'example.com',
    'example.org',
    'example.net',
    'schema.org',
    'w3.org',
    'ietf.org',
    'iana.org',
    'json-schema.org',
  ],
];
const PUBLIC = new Set(PUBLIC_DOMAINS);

/** Reserved for documentation and testing (RFC 2606/6761). */
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);

const FQDN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const EMAIL_OR_USER =
  /(?<![\w.-])([\w.+-]+)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-]|\.[\w-])/gi;
const REMOTE_SHELL = /\b(?:ssh|scp|sftp|rsync|mosh)\b/;
const URL_USERINFO_BEFORE = /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i;

export function isCustomerHost(host: string): boolean {
  const labels = host.replace(/^\*\./, '').split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !HOST_TLDS.has(tld) || RESERVED_TLDS.has(tld)) return false;
  // The host or any parent domain on the public list: a.b.github.com → b.github.com → github.com.
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  for (let at = 0; at !== -1; at = bare.indexOf('.', at) + 1 || -1) {
    if (PUBLIC.has(at === 0 ? bare : bare.slice(at))) return false;
  }
  return true;
}

function isHostChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 42
  );
}

/**
 * Runs of host characters around each dot, trailing dots dropped. Driven by indexOf('.') because
 * most text has few dots; a token glued to `_` or `@` is not a host (an e-mail is handled apart).
 */
function* dottedTokens(text: string): Generator<{ start: number; end: number }> {
  let from = 0;
  for (let dot = text.indexOf('.'); dot !== -1; dot = text.indexOf('.', from)) {
    let start = dot;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
    from = end + 1;
    const before = text[start - 1];
    const after = text[end];
    while (end > start && text[end - 1] === '.') end--;
    if (before === '_' || before === '@' || after === '_' || end - start < 4) continue;
    yield { start, end };
  }
}

/** Start of the line holding `at`, for the ssh-or-email decision. */
function lineAround(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  return text.slice(start, nl === -1 ? text.length : nl);
}

/**
 * Customer hostnames. `user@host` counts on ssh/scp lines and in URLs; an e-mail address's
 * domain is not a host reference.
 */
export const hostnameRule: ExtractionRule = {
  id: 'hostname',
  types: ['hostname'],
  description: 'FQDNs with a recognised TLD, not AWS endpoints, public services or reserved example domains',
  gate: /[a-z0-9]\.[a-z]/i,
  find(text, out) {
    for (const { start, end } of dottedTokens(text)) {
      const host = text.slice(start, end).toLowerCase();
      if (!FQDN.test(host) || !isCustomerHost(host)) continue;
      out.candidates.push(
        candidate({
          type: 'hostname',
          value: host,
          start,
          end,
          acceptsCommandRegion: false,
          acceptsContextRegion: false,
        }),
      );
    }
    if (!text.includes('@')) return;
    EMAIL_OR_USER.lastIndex = 0;
    for (let m = EMAIL_OR_USER.exec(text); m; m = EMAIL_OR_USER.exec(text)) {
      const host = (m[2] ?? '').toLowerCase();
      const hostStart = m.index + m[0].length - host.length;
      const inUrl = URL_USERINFO_BEFORE.test(text.slice(Math.max(0, m.index - 200), m.index));
      if (!isCustomerHost(host) || (!inUrl && !REMOTE_SHELL.test(lineAround(text, m.index)))) continue;
      out.candidates.push(
        candidate({
          type: 'hostname',
          value: host,
          start: hostStart,
          end: hostStart + host.length,
          acceptsCommandRegion: false,
          acceptsContextRegion: false,
        }),
      );
    }
  },
  examples: {
    positive: [
      {
        text: 'ssh ec2-user@Bastion.Ops.Acme.com',
        expect: [{ type: 'hostname', value: 'bastion.ops.acme.com', region: null }],
      },
      {
        text: 'Grafana: https://grafana.internal.acme.cloud/d/abc',
        expect: [{ type: 'hostname', value: 'grafana.internal.acme.cloud' }],
      },
      {
        text: 'CNAME api.payments.acme.io. points at the ALB',
        expect: [{ type: 'hostname', value: 'api.payments.acme.io' }],
      },
      { text: 'certificate for *.Acme.io (wildcard)', expect: [{ type: 'hostname', value: '*.acme.io' }] },
      {
        text: 'psql postgres://app:s3cret@db.prod.acme-internal.net:5432/orders',
        expect: [{ type: 'hostname', value: 'db.prod.acme-internal.net' }],
      },
    ],
    negative: [
      'see README.md and deploy.sh, config.yaml, app.py',
      'page oncall@acme.com or https://acme.pagerduty.com/incidents',
      'https://docs.aws.amazon.com/cli/latest/',
      'curl https://api.example.com/health',
      'https://github.com/acme/infra/blob/main/README.md',
      'bump to v1.2.3 then 2.0.1',
      'app.kubernetes.io/name: api',
      'db.test and web.example',
    ],
  },
};
