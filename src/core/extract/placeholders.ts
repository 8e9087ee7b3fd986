/**
 * Documentation placeholders and examples. They are kept (flagged) so the UI can explain them,
 * but a placeholder is never matched against an inventory and never becomes a finding.
 *
 * The AWS documentation invents ids and names by a few shapes rather than from one list
 * (`i-1234567890abcdef0`, `vpc-1a2b3c4d`, `subnet-0bb1c79de3EXAMPLE`, `amzn-s3-demo-bucket`,
 * `my-load-balancer-1234567890`), so the checks below test shapes; the lists only hold the
 * well-known ones that no shape catches.
 */
const KNOWN_EXAMPLE_IDS = new Set(['sg-903004f8', 'i-1234567890abcdef']);

const HEX = '0123456789abcdef';

/** Longest run of consecutive ascending characters of `alphabet` (digits wrap 9→0: 1234567890). */
function longestAscendingRun(text: string, alphabet: string, wrap = false): number {
  let best = text.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const prev = alphabet.indexOf(text[i - 1] ?? '');
    const next = alphabet.indexOf(text[i] ?? '');
    const step =
      prev !== -1 &&
      next !== -1 &&
      (next === prev + 1 || (wrap && prev === alphabet.length - 1 && next === 0));
    run = step ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/** `1a2b3c4d`, `a1b2c3d4`: digits and letters alternating, each counting up. */
function isInterleavedCount(body: string): boolean {
  if (body.length < 6) return false;
  const evens = [...body].filter((_, i) => i % 2 === 0).join('');
  const odds = [...body].filter((_, i) => i % 2 === 1).join('');
  return longestAscendingRun(evens, HEX) === evens.length && longestAscendingRun(odds, HEX) === odds.length;
}

/** A run of one character (`00000000`, `ffff…`, `xxxxxxxx`). */
function isOneCharacter(body: string): boolean {
  for (let i = 1; i < body.length; i++) if (body[i] !== body[0]) return false;
  return body.length > 0;
}

/**
 * The hex part of an EC2-style id (`i-`, `sg-`, `subnet-`, `vpc-`…) as documentation writes it:
 * one repeated character, zero-filled, x-filled, counting (`1234567890abcdef0`, `abcd1234`,
 * `1a2b3c4d`) or ending in `EXAMPLE`. Random ids almost never hold a counting run of six.
 */
export function isExampleIdBody(raw: string): boolean {
  const body = raw.toLowerCase();
  if (body.endsWith('example')) return true;
  if (isOneCharacter(body) || /^x+$/.test(body) || /^0{6,}[0-9a-f]{0,2}$/.test(body)) return true;
  if (longestAscendingRun(body, HEX) >= 6) return true;
  if (body.length <= 8) {
    // Eight-character ids: two counting halves (abcd1234, 1234abcd) or interleaved counting.
    const half = body.length / 2;
    if (
      body.length === 8 &&
      longestAscendingRun(body.slice(0, half), HEX) === half &&
      longestAscendingRun(body.slice(half), HEX) === half
    )
      return true;
    if (isInterleavedCount(body)) return true;
  }
  return false;
}

export function isPlaceholderId(id: string): boolean {
  const lower = id.toLowerCase();
  return KNOWN_EXAMPLE_IDS.has(lower) || isExampleIdBody(lower.slice(lower.indexOf('-') + 1));
}

/**
 * Documentation accounts: 123456789012 and 012345678901 (counting from the start), 111122223333,
 * 444455556666 and 777788889999 (three runs of four), 123412341234 or 121212121212 (a repeated
 * group), 000000000000.
 */
export function isPlaceholderAccount(account: string): boolean {
  if (!/^\d{12}$/.test(account)) return false;
  if (/^(\d)\1{3}(\d)\2{3}(\d)\3{3}$/.test(account)) return true;
  if (/^(\d{1,6})\1+$/.test(account)) return true;
  return /^[01]/.test(account) && longestAscendingRun(account, '0123456789', true) >= 9;
}

/** Words that make a name a documentation example wherever they sit in it. */
const EXAMPLE_WORDS = new Set([
  'example',
  'examples',
  'sample',
  'demo',
  'your',
  'yours',
  'placeholder',
  'dummy',
]);
/** `my` glued to a noun: mybucket, MyKeyPair, mydbinstance (but not mysql, mynah). */
const MY_GLUED =
  /^my(?:bucket|cluster|function|lambda|db|database|instance|load|lb|alb|elb|cache|redis|memcached|queue|topic|table|stack|vpc|subnet|sg|security|app|application|service|api|web|site|website|domain|host|server|key|role|user|repo|image|snapshot|test|new|first|second|other|s3|ec2|rds|eks|ecs|k8s|org|company|corp)/;
/** `bucket-name`, `cluster_name`, `function-name`: the kind of thing, then "name". */
const KIND_NAME =
  /^(?:s3-)?(?:bucket|cluster|function|lambda|db|database|instance|db-instance|load-balancer|lb|cache|cache-cluster|replication-group|service|host|server|domain|resource|account|vpc|subnet)[-_ ]?(?:name|id|identifier)s?$/;

/** A label made of one repeated letter or digit (`xxxx`, `aaaa`, `0000`) or a counting run (`abcdef`). */
function isFillerLabel(label: string): boolean {
  if (label.length >= 4 && isOneCharacter(label) && /^[a-z0-9]$/.test(label[0] ?? '')) return true;
  // A letter run is filler when it is (nearly) the whole label: abcdefgh, but not a hash holding "abcdef".
  return (
    label.length >= 6 &&
    longestAscendingRun(label, 'abcdefghijklmnopqrstuvwxyz') >= Math.max(6, label.length - 2)
  );
}

/**
 * Names documentation makes up: built from `my-`, `example`, `sample`, `demo`, `your-`
 * (`my-bucket`, `amzn-s3-demo-bucket`, `DOC-EXAMPLE-BUCKET`, `your-cluster`), a kind followed
 * by "name" (`bucket-name`), or filled with one letter or a letter run (`xxxx-prod`, `abcdef`).
 */
export function isPlaceholderName(name: string): boolean {
  const lower = name.toLowerCase();
  if (MY_GLUED.test(lower) || KIND_NAME.test(lower)) return true;
  const words = lower.split(/[-_.]+/).filter(Boolean);
  if (words[0] === 'my' || words[0] === 'your') return true;
  return words.some((w) => EXAMPLE_WORDS.has(w) || w.startsWith('example') || isFillerLabel(w));
}

/**
 * Hostnames documentation makes up: a label that is filler (`xxxxxx`, `abcdefgh`, `000000`) or
 * says example/sample/demo/your (`myapp.example-corp.net`, `your-domain.com`).
 */
export function isPlaceholderHost(host: string): boolean {
  const labels = host.toLowerCase().replace(/^\*\./, '').split('.');
  return labels.slice(0, -1).some((label) => isPlaceholderName(label) || /^x{3,}\d*$/.test(label));
}

/** RFC 5737 documentation networks and RFC 3849-style test ranges are never real hosts. */
export function isDocumentationAddress(ip: string): boolean {
  return /^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(ip);
}

/**
 * Template syntax: a value written as `<instance-id>`, `{{cluster}}`, `${BUCKET}`, `$CLUSTER`
 * or `YOUR_BUCKET` is a slot to fill in, not a resource, and is not extracted at all.
 */
export function isTemplateSlot(value: string): boolean {
  return /[<>{}$%]/.test(value) || /^[A-Z][A-Z0-9_]*$/.test(value) || /xxx/i.test(value);
}
