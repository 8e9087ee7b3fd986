/**
 * Secrets that runbooks put next to endpoints. Context snippets, heading paths and page titles
 * pass through redactSecrets, so no password, token or key ever leaves the extractor.
 *
 * Each pattern is a class of real text: a keyword and a value (`PGPASSWORD=…`, `"token": "…"`,
 * a `password | value` table row, a full-width colon), a credential by its own structure (JWTs,
 * PEM/PGP blocks, provider tokens such as `AKIA…`, `AIza…`, `github_pat_…`), a credential by its
 * place on a command line (`curl -u user:pass`, `mysql -pVALUE`, `redis-cli -a`) or in a URL
 * (`redis://:pass@host`), and, as a last resort, any long random-looking token that is not part
 * of a name (entropy).
 */
export const REDACTED = '[REDACTED]';

interface SecretPattern {
  id: string;
  /** A cheap test over the lowercased text; the pattern runs only when it matches. */
  gate: RegExp | ((text: string) => boolean);
  pattern: RegExp;
  /** Index of the capture group holding the secret; 0 redacts the whole match. */
  group: number;
  /** When set, the whole match is redacted only if it passes (the shape rules). */
  check?: (match: string) => boolean;
}

const isBase64Char = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61;

/** True when the text has a run of `length` base64 characters. */
function hasRun(text: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isBase64Char(text.charCodeAt(i))) run = 0;
    else if (++run >= length) return true;
  }
  return false;
}
const hasBase64Run = (text: string): boolean => hasRun(text, 40);
const hasLongToken = (text: string): boolean => hasRun(text, 24);

/** Shannon entropy in bits per character. */
function entropy(token: string): number {
  const counts = new Map<string, number>();
  for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / token.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A standalone token that reads as random: 32+ hex characters, or 24+ characters mixing upper
 * case, lower case and digits with high entropy. Names are not glued to `.`, `-`, `/` or `:`
 * here, so hostname labels (the EKS endpoint hash), ARNs, paths and ids are never taken.
 */
function isRandomToken(token: string): boolean {
  if (/^[0-9a-f]{32,}$/i.test(token)) return entropy(token) >= 3;
  if (token.length < 24 || !/[a-z]/.test(token) || !/[A-Z]/.test(token) || !/\d/.test(token)) return false;
  return entropy(token) >= 3.5;
}

const KEYWORD =
  '(?:[A-Z_]*(?:PASSWORD|PASSWD|_PWD|_AUTH|TOKEN|SECRET|API_KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)[A-Z_]*|password|passwd|pwd|passphrase|pass|token|secret|api[_ -]?key|apikey|access[_-]?key|client[_-]?secret|auth[_-]?token|private[_-]?key|sas[_-]?token|credentials?)';

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  // -----BEGIN RSA PRIVATE KEY----- … and PGP armour (possibly cut off by the snippet window).
  {
    id: 'pem-pgp-block',
    gate: /-----begin/,
    pattern:
      /-----BEGIN (?:[A-Z0-9 ]*PRIVATE KEY|PGP [A-Z ]+|[A-Z ]*ENCRYPTED[A-Z ]*|OPENSSH PRIVATE KEY)-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g,
    group: 0,
  },
  // JSON Web Tokens: three base64url parts, the first two starting with `eyJ` ({"…).
  {
    id: 'jwt',
    gate: /eyj/,
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.(?:eyJ)?[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g,
    group: 0,
  },
  // Environment variables, config keys and table rows: PGPASSWORD=…, "password": "…",
  // token: …, api_key=…, `password | hunter2`, full-width `パスワード：…`-style colons.
  {
    id: 'keyword-value',
    gate: /pass|pwd|auth|token|secret|key|credential/,
    pattern: new RegExp(
      `\\b(${KEYWORD})\\b(["']?\\s*(?:[:=：＝|]|\\s+is\\s+)\\s*)(["']?)([^\\s"'<>,;|]+)\\3`,
      'gi',
    ),
    group: 4,
  },
  // The same in other languages' words, which \\b cannot delimit: パスワード：…, 密码=…, Passwort: ….
  {
    id: 'keyword-value-intl',
    gate: /パスワード|密码|密碼|口令|비밀번호|contraseña|passwort|kennwort|mot de passe|senha|wachtwoord|hasło|lösenord|пароль|トークン/,
    pattern:
      /(パスワード|密码|密碼|口令|비밀번호|contraseña|passwort|kennwort|mot de passe|senha|wachtwoord|hasło|lösenord|пароль|トークン)(\s*[:=：＝|]\s*)(["']?)([^\s"'<>,;|]+)\3/gi,
    group: 4,
  },
  // A comment naming the secret before it: `# token 5f2b…`, `// password hunter2`.
  {
    id: 'comment-keyword',
    gate: /#|\/\//,
    pattern: new RegExp(`((?:#|//)\\s*(?:the\\s+)?${KEYWORD}\\s+)(["']?)([^\\s"']+)\\2`, 'gi'),
    group: 3,
  },
  // Command-line passwords: mysql -p'…' / -pVALUE, --password VALUE, redis-cli -a VALUE, curl -u user:pass.
  { id: 'mysql-p', gate: /\s-p/, pattern: /(\s-p)(['"]?)([^\s'"]+)\2(?=\s|$)/g, group: 3 },
  {
    id: 'password-flag',
    gate: /--(?:pass|auth|token|secret)/,
    pattern: /(--password|--pass|--auth|--token|--secret[\w-]*)(?:=|\s+)(['"]?)([^\s'"]+)\2/gi,
    group: 3,
  },
  {
    id: 'redis-cli-a',
    gate: /redis-cli/,
    pattern: /(\bredis-cli\b[^\n]*?\s-a)\s+(['"]?)([^\s'"]+)\2/g,
    group: 3,
  },
  {
    id: 'curl-user',
    gate: /\s(?:-u|--user)\s/,
    pattern: /(\s(?:-u|--user)\s+(['"]?)[^\s:'"]*:)([^\s'"]+)\2/g,
    group: 3,
  },
  // URL user-info: postgres://user:secret@host, redis://:secret@host.
  {
    id: 'url-userinfo',
    gate: /:\/\/[^\s/@]*:[^\s/@]*@/,
    pattern: /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)([^@\s/]+)(?=@)/gi,
    group: 2,
  },
  // Azure-style connection strings: AccountKey=…, SharedAccessKey=…, SharedAccessSignature=…; SAS `sig=`.
  {
    id: 'connection-string-key',
    gate: /accountkey|sharedaccess|sig=/,
    pattern: /\b(AccountKey|SharedAccessKey|SharedAccessSignature|sig)=([^\s;"'&<>]+)/gi,
    group: 2,
  },
  // Authorization headers and bearer tokens.
  {
    id: 'authorization',
    gate: /authorization/,
    pattern: /(Authorization:\s*)((?:Bearer|Basic|Token)\s+)?([^\s"']+)/gi,
    group: 3,
  },
  { id: 'bearer', gate: /bearer/, pattern: /\b(Bearer)\s+([A-Za-z0-9._~+/=-]{8,})/g, group: 2 },
  // Provider tokens by their own prefix.
  { id: 'aws-access-key', gate: /akia|asia/, pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, group: 0 },
  {
    id: 'provider-token',
    gate: /xox|gh[pousr]_|github_pat_|sk_|sk-|aiza|glpat-|npm_|sg\.|shpat_|hf_/,
    pattern:
      /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{22,}|sk_(?:live|test)_[A-Za-z0-9]{10,}|sk-(?:proj-)?[A-Za-z0-9_-]{20,}|AIza[0-9A-Za-z_-]{30,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}|shpat_[a-f0-9]{32}|hf_[A-Za-z0-9]{30,})/g,
    group: 0,
  },
  // 40 or more base64 characters: AWS secret keys, and the body lines of a PEM key whose BEGIN line fell outside the window.
  {
    id: 'base64-40',
    gate: hasBase64Run,
    pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40,}(?![A-Za-z0-9/+=])/g,
    group: 0,
    // Mixed case and digits, or base64 padding: a key, not a URL path of words (a1b2/c3d4/…).
    check: (m) => /=$/.test(m) || (/[a-z]/.test(m) && /[A-Z]/.test(m) && /\d/.test(m)),
  },
  // Entropy: a long random-looking token that is not part of a name.
  {
    id: 'entropy',
    gate: hasLongToken,
    pattern: /(?<![\w.\-/:@+=])[A-Za-z0-9_+=]{24,}(?![\w.\-/:@+=])/g,
    group: 0,
    check: isRandomToken,
  },
];

/** One pass that tells whether any pattern's gate could match; most snippets have no secret at all. */
const ANY_GATE =
  /pass|pwd|auth|token|secret|key|credential|-----begin|eyj|\s-p|\s-u\s|--user|redis-cli|:\/\/[^\s/@]*:[^\s/@]*@|bearer|akia|asia|xox|gh[pousr]_|github_pat_|sk_|sk-|aiza|glpat-|npm_|sg\.|shpat_|hf_|sharedaccess|sig=|[：＝]|パスワード|密码|密碼|口令|비밀번호|contraseña|passwort|kennwort|mot de passe|senha|wachtwoord|hasło|lösenord|пароль|トークン/;

function replaceGroup(match: string, groups: Array<string | undefined>, pattern: SecretPattern): string {
  const { group } = pattern;
  if (pattern.check && !pattern.check(match)) return match;
  if (group === 0) return REDACTED;
  const secret = groups[group - 1] ?? '';
  if (!secret || secret === REDACTED || secret.startsWith('[REDACTED')) return match;
  const at = match.lastIndexOf(secret);
  return at === -1 ? REDACTED : match.slice(0, at) + REDACTED + match.slice(at + secret.length);
}

export function redactSecrets(text: string): string {
  const lower = text.toLowerCase();
  if (!ANY_GATE.test(lower) && !hasLongToken(text)) return text;
  let result = text;
  for (const secret of SECRET_PATTERNS) {
    const { gate, pattern } = secret;
    if (typeof gate === 'function' ? !gate(result) : !gate.test(lower)) continue;
    pattern.lastIndex = 0;
    result = result.replace(pattern, (match: string, ...rest: unknown[]) => {
      // replace() passes the groups, then the offset and the whole string.
      const groups = rest.slice(0, -2) as Array<string | undefined>;
      return replaceGroup(match, groups, secret);
    });
  }
  return result;
}

/**
 * The patterns' examples, in our own words: each positive line holds one secret that must not
 * survive redaction; each negative line holds none and must come back unchanged. They double as
 * tests and as the corpus the second-opinion rule set was measured on (scripts/secretlint-eval.mjs).
 */
export const SECRET_EXAMPLES: {
  positive: ReadonlyArray<readonly [string, string]>;
  negative: readonly string[];
} = {
  positive: [
    ['PGPASSWORD=hunter2 psql -h db.acme.io', 'hunter2'],
    ['"password": "s3cr3t-Value"', 's3cr3t-Value'],
    ["mysql -h db -u admin -p'Hunter2!' orders", 'Hunter2!'],
    ['redis-cli -h cache -a r3disPa55 ping', 'r3disPa55'],
    ['psql postgres://app:pa55w0rd@db.acme.io/orders', 'pa55w0rd'],
    ['redis-cli -u redis://:Qz8v2LmN4p@sessions.acme.io:6379', 'Qz8v2LmN4p'],
    ['curl -u deploy:Tr1cky-Pass https://ci.acme.io/api', 'Tr1cky-Pass'],
    ['curl --user admin:W3lcome2024 https://jenkins.acme.io', 'W3lcome2024'],
    ['Authorization: Bearer abcdef0123456789.payload.sig', 'abcdef0123456789'],
    [
      'token eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcHMtYm90In0.Zm9vYmFyYmF6cXV4',
      'eyJzdWIiOiJvcHMtYm90In0',
    ],
    ['key AKIAQWERTYUIOPASDFGH here', 'AKIAQWERTYUIOPASDFGH'],
    [
      'aws_secret_access_key = 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',
      'Hk3LmQ9pR2sT7vX1yZ4bN6cD8fG0jK5wE2rT9uIo',
    ],
    [
      'maps key AIzaSyD4k9xQ2mN7pL1vR8tY3wZ6bC0fH5jK2sE for the status page',
      'AIzaSyD4k9xQ2mN7pL1vR8tY3wZ6bC0fH5jK2sE',
    ],
    [
      'export GH_TOKEN=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
      'github_pat_11ABCDEFG0123456789',
    ],
    ['runner uses ghp_Xy7Qw2Er5Ty8Ui1Op4As6Df9Gh3Jk0Lz2Mx', 'ghp_Xy7Qw2Er5Ty8Ui1Op4As6Df9Gh3Jk0Lz2Mx'],
    [
      'DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=Zm9vYmFyYmF6cXV4cXV1eA==;EndpointSuffix=core.windows.net',
      'Zm9vYmFyYmF6cXV4cXV1eA==',
    ],
    ['Admin password | N0tInW1ki! | rotated monthly', 'N0tInW1ki!'],
    ['API key | 7f3k9x2m4p8q | owner: payments', '7f3k9x2m4p8q'],
    ['password：Fullw1dth-Pass', 'Fullw1dth-Pass'],
    ['パスワード：Zh8kP2xQ', 'Zh8kP2xQ'],
    ['# token 5f2b9c7e1a3d', '5f2b9c7e1a3d'],
    ['// password hunter22 for the staging box', 'hunter22'],
    ['webhook secret is 9Kq2Lm7Xz4', '9Kq2Lm7Xz4'],
    [
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmU=',
    ],
    [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGRsQ2kBCADf\n-----END PGP PRIVATE KEY BLOCK-----',
      'lQOYBGRsQ2kBCADf',
    ],
    ['slack xoxb-2048-4096-Qw8Er7Ty6Ui5 posts alerts', 'xoxb-2048-4096-Qw8Er7Ty6Ui5'],
    [
      'session cookie 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      '9f86d081884c7d659a2feaa0c55ad015',
    ],
    ['the signing value Qm9iQ2F0MTIzNDU2Nzg5MGFiY2RlZg2Xk9 is shared', 'Qm9iQ2F0MTIzNDU2Nzg5MGFiY2RlZg2Xk9'],
    ['mysql --password=Sprng-2024! -h 10.0.4.2', 'Sprng-2024!'],
    [
      'SAS https://acmelogs.blob.core.windows.net/c?sv=2022-11-02&sig=Ab12Cd34Ef56Gh78%3D',
      'Ab12Cd34Ef56Gh78',
    ],
  ],
  negative: [
    'ssh ec2-user@10.0.1.5 then restart i-0a1b2c3d4e5f60718',
    'https://4f1c9e2a7b3d8e6f0a1b2c3d4e5f6a7b.gr7.eu-west-1.eks.amazonaws.com',
    'arn:aws:elasticloadbalancing:eu-west-1:210987654321:loadbalancer/app/web-prod/50dc6c495c0c9188',
    'aws rds describe-db-instances --db-instance-identifier orders-prod --region eu-west-1',
    'orders-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com:5432',
    'sessions-prod.abc123.ng.0001.euw1.cache.amazonaws.com',
    'Hosted zone Z2R2ITUGPM61AM for acme.io',
    'request id 3f2a9c4e-7b1d-4e8a-9c6f-2d5b8a1e7f30',
    'DescribeDBInstancesResponseMetadata and ListResourceRecordSets',
    'the checkout-payments-reconciliation-worker task',
    'Rotate the password every 90 days; tokens expire after an hour.',
    's3://acme-db-backups/orders/2024-05-01.sql.gz',
  ],
};
