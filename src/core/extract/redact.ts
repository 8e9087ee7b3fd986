/**
 * Secrets that runbooks put next to endpoints. Context snippets pass through redactSecrets, so
 * no password, token or key ever leaves the extractor.
 */
export const REDACTED = '[REDACTED]';

interface SecretPattern {
  /** A cheap test over the lowercased text; the pattern runs only when it matches. */
  gate: RegExp | ((text: string) => boolean);
  pattern: RegExp;
  /** Index of the capture group holding the secret; 0 redacts the whole match. */
  group: number;
}

/** True when the text has a run of 40 base64 characters: the shape of an AWS secret key. */
function hasBase64Run(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const base64 =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 43 ||
      c === 47 ||
      c === 61;
    if (!base64) run = 0;
    else if (++run >= 40) return true;
  }
  return false;
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  // -----BEGIN RSA PRIVATE KEY----- … (possibly cut off by the snippet window)
  {
    gate: /private key/,
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    group: 0,
  },
  // Environment variables and config keys: PGPASSWORD=…, "password": "…", token: …, api_key=…
  {
    gate: /pass|pwd|auth|token|secret|key/,
    pattern:
      /\b((?:[A-Z_]*(?:PASSWORD|PASSWD|_PWD|_AUTH|TOKEN|SECRET|API_KEY|ACCESS_KEY)[A-Z_]*)|password|passwd|pwd|passphrase|token|secret|api[_-]?key|apikey|access[_-]?key|client[_-]?secret|auth[_-]?token)\b(["']?\s*(?:[:=]|\s+is\s+)\s*)(["']?)([^\s"'<>,;]+)\3/gi,
    group: 4,
  },
  // Command-line passwords: mysql -p'…' / -pVALUE, --password VALUE, redis-cli -a VALUE.
  { gate: /\s-p/, pattern: /(\s-p)(['"]?)([^\s'"]+)\2(?=\s|$)/g, group: 3 },
  {
    gate: /--(?:pass|auth|token|secret)/,
    pattern: /(--password|--pass|--auth|--token|--secret)(?:=|\s+)(['"]?)([^\s'"]+)\2/gi,
    group: 3,
  },
  { gate: /redis-cli/, pattern: /(\bredis-cli\b[^\n]*?\s-a)\s+(['"]?)([^\s'"]+)\2/g, group: 3 },
  // URL user-info: postgres://user:secret@host
  {
    gate: /:\/\/[^\s/@]*:[^\s/@]*@/,
    pattern: /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)([^@\s/]+)(?=@)/gi,
    group: 2,
  },
  // Authorization headers and bearer tokens.
  { gate: /authorization/, pattern: /(Authorization:\s*)((?:Bearer|Basic|Token)\s+)?([^\s"']+)/gi, group: 3 },
  { gate: /bearer/, pattern: /\b(Bearer)\s+([A-Za-z0-9._~+/=-]{8,})/g, group: 2 },
  // AWS access key ids and 40-character secret keys; Slack, GitHub and Stripe-style tokens.
  { gate: /akia|asia/, pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, group: 0 },
  // 40 or more: AWS secret keys, and the body lines of a PEM key whose BEGIN line fell outside the window.
  { gate: hasBase64Run, pattern: /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40,}(?![A-Za-z0-9/+=])/g, group: 0 },
  {
    gate: /xox|gh[pousr]_|sk_/,
    pattern:
      /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|sk_(?:live|test)_[A-Za-z0-9]{10,})\b/g,
    group: 0,
  },
];

/** One pass that tells whether any pattern's gate could match; most snippets have no secret at all. */
const ANY_GATE =
  /pass|pwd|auth|token|secret|key|\s-p|redis-cli|:\/\/[^\s/@]*:[^\s/@]*@|bearer|akia|asia|xox|gh[pousr]_|sk_/;

function replaceGroup(match: string, groups: Array<string | undefined>, group: number): string {
  if (group === 0) return REDACTED;
  const secret = groups[group - 1] ?? '';
  if (!secret || secret === REDACTED) return match;
  const at = match.lastIndexOf(secret);
  return at === -1 ? REDACTED : match.slice(0, at) + REDACTED + match.slice(at + secret.length);
}

export function redactSecrets(text: string): string {
  const lower = text.toLowerCase();
  if (!ANY_GATE.test(lower) && !hasBase64Run(text)) return text;
  let result = text;
  for (const { gate, pattern, group } of SECRET_PATTERNS) {
    if (typeof gate === 'function' ? !gate(result) : !gate.test(lower)) continue;
    pattern.lastIndex = 0;
    result = result.replace(pattern, (match: string, ...rest: unknown[]) => {
      // replace() passes the groups, then the offset and the whole string.
      const groups = rest.slice(0, -2) as Array<string | undefined>;
      return replaceGroup(match, groups, group);
    });
  }
  return result;
}
