import { parse as parseDomain } from 'tldts';
import { isPlaceholderHost } from '../placeholders';
import { candidate, type ExtractionRule } from './rule';

/**
 * Public services, vendors, projects and documentation sites, by registrable domain: a link to
 * them is never a reference to the organisation's estate. Hosts not listed here are judged by
 * their page (see host-reasons.ts): a vendor nobody lists is still dropped when nothing on the
 * page uses it like the organisation's own.
 */
const PUBLIC_DOMAINS = [
  ...['amazonaws.com', 'amazonaws.com.cn', 'amazon.com', 'awsstatic.com', 'aws.dev', 'amazontrust.com'],
  ...['amazonaws-us-gov.com', 'amazonaws.cn', 'amazon.dev', 'a2z.com', 'amazon.science', 'aws.training'],
  ...['atlassian.net', 'atlassian.com', 'jira.com', 'trello.com', 'statuspage.io', 'bitbucket.io'],
  ...[
    'github.com',
    'github.io',
    'githubusercontent.com',
    'gitlab.com',
    'gitlab.io',
    'bitbucket.org',
    'ghcr.io',
  ],
  ...[
    'google.com',
    'googleapis.com',
    'gstatic.com',
    'gcr.io',
    'goo.gl',
    'youtube.com',
    'youtu.be',
    'pkg.dev',
  ],
  ...['slack.com', 'pagerduty.com', 'opsgenie.com', 'datadoghq.com', 'datadoghq.eu', 'ddog-gov.com'],
  ...[
    'grafana.net',
    'grafana.com',
    'sentry.io',
    'newrelic.com',
    'nr-data.net',
    'splunk.com',
    'splunkcloud.com',
  ],
  ...[
    'honeycomb.io',
    'zoom.us',
    'okta.com',
    'oktapreview.com',
    'onelogin.com',
    '1password.com',
    'lastpass.com',
  ],
  ...[
    'docker.io',
    'docker.com',
    'quay.io',
    'npmjs.org',
    'npmjs.com',
    'yarnpkg.com',
    'pypi.org',
    'pythonhosted.org',
  ],
  ...[
    'k8s.io',
    'kubernetes.io',
    'helm.sh',
    'artifacthub.io',
    'hashicorp.com',
    'terraform.io',
    'vaultproject.io',
  ],
  ...[
    'microsoft.com',
    'azure.com',
    'office.com',
    'live.com',
    'windows.net',
    'visualstudio.com',
    'azureedge.net',
  ],
  ...['apple.com', 'cloudflare.com', 'letsencrypt.org', 'stackoverflow.com', 'stackexchange.com'],
  ...['wikipedia.org', 'mozilla.org', 'postgresql.org', 'mysql.com', 'mariadb.org', 'redis.io', 'redis.com'],
  ...['nginx.org', 'nginx.com', 'ubuntu.com', 'debian.org', 'redhat.com', 'centos.org', 'fedoraproject.org'],
  ...['elastic.co', 'opensearch.org', 'apache.org', 'python.org', 'nodejs.org', 'golang.org', 'go.dev'],
  ...[
    'rust-lang.org',
    'oracle.com',
    'java.com',
    'ruby-lang.org',
    'rubygems.org',
    'readthedocs.io',
    'readthedocs.org',
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
  ...[
    'prometheus.io',
    'cncf.io',
    'istio.io',
    'linkerd.io',
    'envoyproxy.io',
    'argoproj.io',
    'fluxcd.io',
    'cert-manager.io',
  ],
  ...[
    'jenkins.io',
    'circleci.com',
    'travis-ci.com',
    'bitnami.com',
    'eksctl.io',
    'karpenter.sh',
    'coreos.com',
  ],
  ...['medium.com', 'dev.to', 'twitter.com', 'x.com', 'linkedin.com', 'facebook.com', 'reddit.com', 'bit.ly'],
  ...[
    'mongodb.com',
    'mongodb.net',
    'confluent.io',
    'confluent.cloud',
    'snowflakecomputing.com',
    'databricks.com',
  ],
  ...['heroku.com', 'herokuapp.com', 'vercel.app', 'vercel.com', 'netlify.app', 'netlify.com', 'fastly.com'],
  ...['akamai.com', 'akamaized.net', 'digicert.com', 'sectigo.com', 'godaddy.com', 'namecheap.com'],
  ...['twilio.com', 'sendgrid.net', 'sendgrid.com', 'mailgun.org', 'resend.com', 'stripe.com', 'paypal.com'],
  ...['auth0.com', 'salesforce.com', 'zendesk.com', 'hubspot.com', 'intercom.io', 'notion.so', 'figma.com'],
  ...['loggly.com', 'sumologic.com', 'papertrailapp.com', 'logz.io', 'dynatrace.com', 'appdynamics.com'],
  ...['snyk.io', 'sonarcloud.io', 'sonarqube.org', 'jfrog.io', 'jfrog.com', 'sonatype.org', 'maven.org'],
  ...['gradle.org', 'spring.io', 'openssl.org', 'kernel.org', 'gnu.org', 'sourceforge.net', 'ntp.org'],
];
const PUBLIC = new Set(PUBLIC_DOMAINS);

/** Suffixes that exist only inside an organisation's network: always its own. */
const INTERNAL_SUFFIXES = [
  'internal',
  'local',
  'corp',
  'lan',
  'intra',
  'intranet',
  'home.arpa',
  'private',
  'consul',
  'localdomain',
];

/**
 * Hosts AWS generates for resources outside amazonaws.com (CloudFront distributions, Beanstalk
 * environments, App Runner services, Lambda function URLs, Amplify apps, Global Accelerator).
 */
const AWS_HOST_SUFFIXES = [
  'cloudfront.net',
  'elasticbeanstalk.com',
  'awsapprunner.com',
  'on.aws',
  'amplifyapp.com',
  'awsglobalaccelerator.com',
  'api.aws',
];

/** Reserved for documentation and testing (RFC 2606/6761). */
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);

/**
 * Country-code TLDs that are also file extensions: a two-label name ending in one
 * (`main.tf`, `README.md`, `deploy.sh`, `app.py`) is a file. With more labels it is a host
 * (`db.prod.acme.rs`), since file names rarely hold three dots.
 */
const FILE_EXTENSION_TLDS = new Set([
  'tf',
  'md',
  'sh',
  'py',
  'rs',
  'pl',
  'so',
  'cc',
  'mk',
  'ps',
  'pm',
  'am',
  'zip',
  'mov',
  'in',
  'is',
  'it',
  'do',
  'go',
  'to',
  'me',
  'at',
  'be',
  'no',
  'id',
  'ai',
  'cs',
  'ml',
  'rb',
  'kt',
  'ts',
  'js',
  'gz',
  'sql',
  'ini',
  'cfg',
  'log',
  'lock',
  'conf',
  'json',
  'yaml',
  'yml',
  'toml',
  'xml',
  'html',
  'txt',
  'csv',
  'env',
  'pem',
  'crt',
  'key',
  'tpl',
  'hcl',
  'tfvars',
  'tfstate',
  'bak',
  'tar',
  'tgz',
  'jar',
  'war',
  'exe',
  'dll',
  'bin',
  'png',
  'jpg',
  'svg',
  'pdf',
  'docx',
  'xlsx',
  'ipynb',
  'ex',
  'sc',
  'ac',
  'sb',
  'sv',
]);

/**
 * Reverse-domain package names (`com.acme.payments.Client`, `org.apache.kafka`, `io.k8s.api`):
 * a name that starts with a generic TLD is code, not a host.
 */
const PACKAGE_ROOTS = new Set(['com', 'org', 'net', 'edu', 'gov', 'mil', 'io']);

export type HostKind = 'public' | 'internal-suffix' | 'aws-shaped' | 'candidate';

function endsWithSuffix(host: string, suffix: string): boolean {
  return host === suffix || host.endsWith(`.${suffix}`);
}

/**
 * What a dotted name is: not a host at all (null), a public/third-party site, a name under an
 * internal suffix, an AWS-generated host, or a candidate for the organisation's own estate.
 * The Public Suffix List (tldts, bundled, no network) decides whether its TLD is real.
 */
export function classifyHost(host: string): HostKind | null {
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  const labels = bare.split('.');
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1] ?? '';
  if (RESERVED_TLDS.has(tld)) return null;
  if (PACKAGE_ROOTS.has(labels[0] ?? '') && labels.length >= 3) return null;
  if (INTERNAL_SUFFIXES.some((s) => endsWithSuffix(bare, s)) || endsWithSuffix(bare, 'svc.cluster.local'))
    return labels.length >= 2 && !FILE_EXTENSION_TLDS.has(labels[labels.length - 2] ?? '')
      ? 'internal-suffix'
      : null;
  const parsed = parseDomain(bare, { allowPrivateDomains: false, validateHostname: true });
  if (!parsed.isIcann || !parsed.domain) return null;
  if (labels.length === 2 && FILE_EXTENSION_TLDS.has(tld)) return null;
  if (AWS_HOST_SUFFIXES.some((s) => endsWithSuffix(bare, s)))
    return labels.length > 2 ? 'aws-shaped' : 'public';
  // The host or any parent domain on the public list: a.b.github.com → b.github.com → github.com.
  for (let at = 0; at !== -1; at = bare.indexOf('.', at) + 1 || -1) {
    if (PUBLIC.has(at === 0 ? bare : bare.slice(at))) return 'public';
  }
  return 'candidate';
}

/** The registrable domain (acme.co.uk for api.acme.co.uk); the name itself under an internal suffix. */
export function registrableDomain(host: string): string {
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  return parseDomain(bare, { allowPrivateDomains: false }).domain ?? bare;
}

export function isCustomerHost(host: string): boolean {
  const kind = classifyHost(host);
  return kind !== null && kind !== 'public';
}

const FQDN = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/i;
const EMAIL_OR_USER =
  /(?<![\w.-])([\w.+-]+)@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?![\w-]|\.[\w-])/gi;
const REMOTE_SHELL = /\b(?:ssh|scp|sftp|rsync|mosh)\b/;
const URL_USERINFO_BEFORE = /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i;

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

// Commands and record words that use a name as a host: the page treats it as its own.
const OPERATIONAL_LINE =
  /\b(?:ssh|scp|sftp|rsync|curl|wget|dig|nslookup|host|ping|traceroute|mtr|telnet|nc|ncat|psql|mysql|redis-cli|mongo(?:sh)?|openssl|kafka-[\w-]+|CNAME|ALIAS|A\s+record|AAAA|MX|TXT|NS|SRV|records?|hosted\s+zone|zone|Route\s?53|resolves?|points?\s+(?:at|to)|endpoint|listener|certificate|cert|TLS|SAN|DNS|VPN|proxy|bastion|jump\s*host|connect(?:s|ion)?|server|upstream|origin|ingress|host(?:name)?s?)\b/i;
// A Kubernetes API group (`cert-manager.io/v1`), or a label or annotation key (`app.kubernetes.io/name:`).
const K8S_AFTER = /^\/(?:v\d+(?:(?:alpha|beta)\d*)?\b|[a-z0-9][\w.-]*\s*(?:[:=]|"\s*:|$))/i;
// "Node.js", "Socket.io", "Booking.com" written as a brand in prose: one capitalised word and a suffix.
const BRAND = /^[A-Z][a-z0-9]+\.(?:js|io|com|net|org|ai|app|dev|fm|ly|sh|co)$/;

function hostCandidate(text: string, host: string, start: number, end: number) {
  const operational =
    /^:\d{2,5}\b/.test(text.slice(end, end + 6)) || OPERATIONAL_LINE.test(lineAround(text, start));
  return candidate({
    type: 'hostname',
    value: host,
    start,
    end,
    placeholder: isPlaceholderHost(host),
    acceptsCommandRegion: false,
    acceptsContextRegion: false,
    hostEvidence: operational ? 'operational' : 'mention',
  });
}

/**
 * Hostnames. The Public Suffix List says whether a dotted name can be a host at all; files
 * (`main.tf`), package names (`com.acme.billing`), Kubernetes API groups and label keys, and
 * brand names written with a dot are not. Public sites are dropped here; whether a remaining
 * name is the organisation's own is decided over the whole page (host-reasons.ts).
 * `user@host` counts on ssh/scp lines and in URLs; an e-mail address's domain is not a host.
 */
export const hostnameRule: ExtractionRule = {
  id: 'hostname',
  types: ['hostname'],
  description:
    'FQDNs with a public suffix or an internal suffix, not AWS endpoints, files, packages, k8s names or public sites',
  gate: /[a-z0-9]\.[a-z]/i,
  find(text, out) {
    for (const { start, end } of dottedTokens(text)) {
      const written = text.slice(start, end);
      const host = written.toLowerCase();
      if (!FQDN.test(host)) continue;
      const kind = classifyHost(host);
      if (kind === null || kind === 'public') continue;
      // A path segment (charts/values.prod.io) is not a host; a URL's host follows "//".
      if (text[start - 1] === '/' && text[start - 2] !== '/') continue;
      if (text[end] === '/' && text[start - 1] !== '/' && K8S_AFTER.test(text.slice(end, end + 80))) continue;
      if (BRAND.test(written)) continue;
      // Two labels with capitals are code (State.Name, Console.WriteLine), and numeric labels a version (tool-1.8.2.zip).
      if (/[A-Z]/.test(written) && written.split('.').length === 2) continue;
      if (/(?:^|\.)\d+\.\d+(?:\.|$)/.test(host)) continue;
      out.candidates.push(hostCandidate(text, host, start, end));
    }
    if (!text.includes('@')) return;
    EMAIL_OR_USER.lastIndex = 0;
    for (let m = EMAIL_OR_USER.exec(text); m; m = EMAIL_OR_USER.exec(text)) {
      const host = (m[2] ?? '').toLowerCase();
      const hostStart = m.index + m[0].length - host.length;
      const inUrl = URL_USERINFO_BEFORE.test(text.slice(Math.max(0, m.index - 200), m.index));
      if (!isCustomerHost(host) || (!inUrl && !REMOTE_SHELL.test(lineAround(text, m.index)))) continue;
      const found = hostCandidate(text, host, hostStart, hostStart + host.length);
      found.hostEvidence = 'operational';
      out.candidates.push(found);
    }
  },
  examples: {
    positive: [
      {
        text: 'ssh ec2-user@Bastion.Ops.Acme.com',
        expect: [{ type: 'hostname', value: 'bastion.ops.acme.com', region: null }],
      },
      {
        text: 'Grafana: https://grafana.internal.acme.cloud/d/abc and https://alerts.internal.acme.cloud',
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
      {
        text: 'curl -I https://portal.digital.acme.gov.rs/health',
        expect: [{ type: 'hostname', value: 'portal.digital.acme.gov.rs' }],
      },
      {
        text: 'the origin is shop-web.acme.digital',
        expect: [{ type: 'hostname', value: 'shop-web.acme.digital' }],
      },
      {
        text: 'wiki at wiki.corp.acme.internal',
        expect: [{ type: 'hostname', value: 'wiki.corp.acme.internal' }],
      },
      {
        text: 'CloudFront serves d3k2j1h0g9f8e7.cloudfront.net',
        expect: [{ type: 'hostname', value: 'd3k2j1h0g9f8e7.cloudfront.net' }],
      },
      {
        text: 'dig your-domain.acme.io',
        expect: [{ type: 'hostname', value: 'your-domain.acme.io', placeholder: true }],
      },
    ],
    negative: [
      'see README.md and deploy.sh, config.yaml, app.py, main.tf and values.yaml',
      'page oncall@acme.com or https://acme.pagerduty.com/incidents',
      'https://docs.aws.amazon.com/cli/latest/',
      'curl https://api.example.com/health',
      'https://github.com/acme/infra/blob/main/README.md',
      'bump to v1.2.3 then 2.0.1',
      'app.kubernetes.io/name: api',
      'apiVersion: cert-manager.io/v1',
      'annotations: alb.ingress.kubernetes.io/scheme: internal and acme.com/team: payments',
      'import com.acme.payments.client and org.apache.kafka.common',
      'Built with Node.js and Socket.io',
      'db.test and web.example',
      'helm repo add bitnami https://charts.bitnami.com/bitnami',
      'see the vendor guide at https://docs.konghq.com/gateway/latest/ for details',
      'charts/payments/values.prod.io are values files',
    ],
  },
};
