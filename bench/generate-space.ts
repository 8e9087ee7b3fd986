import type { PageInput } from '../src/core/extract';

/**
 * A deterministic generator of runbook-like pages in storage format: headings, prose, tables,
 * code macros and links, with about `refsPerPage` AWS references each among ordinary text.
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2'];
const WORDS =
  'check the dashboard before you restart anything then confirm with the incident commander that traffic drained and the error rate is back under one percent for ten minutes'.split(
    ' ',
  );

export function hex(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += '0123456789abcdef'[Math.floor(next() * 16)];
  return s;
}

function prose(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'the');
  return out.join(' ');
}

/** One reference in one of the forms runbooks use. */
function reference(next: () => number, n: number): string {
  const region = REGIONS[n % REGIONS.length] ?? 'eu-west-1';
  const name = `svc${n % 997}-prod`;
  switch (Math.floor(next() * 10)) {
    case 0:
      return `i-0${hex(next, 16)}`;
    case 1:
      return `arn:aws:ec2:${region}:210987654321:instance/i-0${hex(next, 16)}`;
    case 2:
      return `${name}.c${hex(next, 11)}.${region}.rds.amazonaws.com`;
    case 3:
      return `internal-${name}-${1000000000 + (n % 999999999)}.${region}.elb.amazonaws.com`;
    case 4:
      return `s3://acme-${name}-backups/daily/`;
    case 5:
      return `sg-0${hex(next, 16)}`;
    case 6:
      return `${name}.${hex(next, 6)}.ng.0001.euw1.cache.amazonaws.com:6379`;
    case 7:
      return `arn:aws:lambda:${region}:210987654321:function:${name}-handler`;
    case 8:
      return `${name}.ops.acme-internal.net`;
    default:
      return `10.${n % 250}.${(n * 7) % 250}.${(n * 13) % 250 || 1}`;
  }
}

export function generatePage(index: number, refsPerPage = 50, targetBytes = 20_000): PageInput {
  const next = rng(index + 1);
  const parts: string[] = [`<p>Owner: team-${index % 40}. Region: ${REGIONS[index % REGIONS.length]}</p>`];
  let refs = 0;
  let size = parts[0]?.length ?? 0;
  let section = 0;
  while (refs < refsPerPage || size < targetBytes) {
    const withRef = refs < refsPerPage;
    const r = withRef ? reference(next, index * 131 + refs) : '';
    let chunk: string;
    switch (section++ % 5) {
      case 0:
        chunk = `<h2>Step ${section}: ${prose(next, 4)}</h2><p>${prose(next, 40)} <code>${r}</code> ${prose(next, 30)}</p>`;
        break;
      case 1:
        chunk = `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[# ${prose(next, 8)}\naws ec2 describe-instances --region ${REGIONS[section % 5]} --filters Name=tag:Name,Values=${r}\n]]></ac:plain-text-body></ac:structured-macro>`;
        break;
      case 2:
        chunk = `<table><tbody><tr><th>Resource</th><th>Notes</th></tr><tr><td>${r}</td><td>${prose(next, 20)}</td></tr></tbody></table>`;
        break;
      case 3:
        chunk = `<ac:structured-macro ac:name="info"><ac:rich-text-body><p>${prose(next, 50)} ${r} &mdash; ${prose(next, 20)}</p></ac:rich-text-body></ac:structured-macro>`;
        break;
      default:
        chunk = `<ul><li>${prose(next, 25)}</li><li>${r} ${prose(next, 25)}</li><li><a href="https://grafana.ops.acme-internal.net/d/${hex(next, 8)}">dashboard</a></li></ul>`;
    }
    if (withRef) refs++;
    parts.push(chunk);
    size += chunk.length;
  }
  return {
    id: String(100000 + index),
    title: `Runbook ${index}`,
    version: 1 + (index % 7),
    storage: parts.join('\n'),
  };
}

export function generateSpace(pages: number, refsPerPage = 50, targetBytes = 20_000): PageInput[] {
  return Array.from({ length: pages }, (_, i) => generatePage(i, refsPerPage, targetBytes));
}
