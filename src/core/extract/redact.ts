/**
 * Secrets that runbooks put next to endpoints. Context snippets pass through redactSecrets, so
 * no password, token or key ever leaves the extractor.
 */
export const REDACTED = '[REDACTED]';

interface SecretPattern {
  pattern: RegExp;
  /** Index of the capture group holding the secret; 0 redacts the whole match. */
  group: number;
}

/** Every secret pattern needs one of these nearby; most snippets have none and skip all the work. */
const ANY_SECRET_HINT =
  /pass|pwd|auth|token|secret|key|bearer|AKIA|ASIA|:\/\/|xox|gh[pousr]_|sk_|\s-p|\s-a\s|PRIVATE|[A-Za-z0-9/+=]{40}/i;

const SECRET_PATTERNS: readonly SecretPattern[] = [
  // -----BEGIN RSA PRIVATE KEY----- … (possibly cut off by the snippet window)
  { pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, group: 0 },
  // Environment variables and config keys: PGPASSWORD=…, "password": "…", token: …, api_key=…
  {
    pattern:
      /\b((?:[A-Z_]*(?:PASSWORD|PASSWD|_PWD|_AUTH|TOKEN|SECRET|API_KEY|ACCESS_KEY)[A-Z_]*)|password|passwd|pwd|passphrase|token|secret|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|auth[_-]?token)\b(["']?\s*(?:[:=]|\s+is\s+)\s*)(["']?)([^\s"'<>,;]+)\3/gi,
    group: 4,
  },
  // Command-line passwords: mysql -p'…' / -pVALUE, --password VALUE, redis-cli -a VALUE.
  { pattern: /(\s-p)(['"]?)([^\s'"]+)\2(?=\s|$)/g, group: 3 },
  { pattern: /(--password|--pass|--auth|--token|--secret)(?:=|\s+)(['"]?)([^\s'"]+)\2/gi, group: 3 },
  { pattern: /(\bredis-cli\b[^\n]*?\s-a)\s+(['"]?)([^\s'"]+)\2/g, group: 3 },
  // URL user-info: postgres://user:secret@host
  { pattern: /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)([^@\s/]+)(?=@)/gi, group: 2 },
  // Authorization headers and bearer tokens.
  { pattern: /(Authorization:\s*)((?:Bearer|Basic|Token)\s+)?([^\s"']+)/gi, group: 3 },
  { pattern: /\b(Bearer)\s+([A-Za-z0-9._~+/=-]{8,})/g, group: 2 },
  // AWS access key ids and 40-character secret keys; Slack, GitHub and Stripe-style tokens.
  { pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, group: 0 },
  { pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, group: 0 },
  {
    pattern:
      /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|sk_(?:live|test)_[A-Za-z0-9]{10,})\b/g,
    group: 0,
  },
];

function replaceGroup(match: string, groups: string[], group: number): string {
  if (group === 0) return REDACTED;
  const secret = groups[group - 1] ?? '';
  if (!secret || secret === REDACTED) return match;
  const at = match.lastIndexOf(secret);
  return at === -1 ? REDACTED : match.slice(0, at) + REDACTED + match.slice(at + secret.length);
}

export function redactSecrets(text: string): string {
  if (!ANY_SECRET_HINT.test(text)) return text;
  let result = text;
  for (const { pattern, group } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    result = result.replace(pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.filter(
        (g, i) => i < rest.length - 2 && (typeof g === 'string' || g === undefined),
      ) as string[];
      return replaceGroup(match, groups, group);
    });
  }
  return result;
}
