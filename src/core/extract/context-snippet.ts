import { redactSecrets } from './redact';

const WINDOW = 60;
/** Secrets are redacted over a wider window so that a key just outside the snippet still hides its value. */
const REDACTION_MARGIN = 120;

/** A short, single-line piece of text around [start, end), secrets redacted. */
export function contextSnippet(text: string, start: number, end: number): string {
  const from = Math.max(0, start - REDACTION_MARGIN);
  const to = Math.min(text.length, end + REDACTION_MARGIN);
  const raw = text.slice(start, end);
  const redacted = redactSecrets(text.slice(from, to)).replace(/\s+/g, ' ');
  const rawOneLine = raw.replace(/\s+/g, ' ');
  let at = redacted.indexOf(rawOneLine, Math.max(0, start - from - REDACTION_MARGIN / 2));
  if (at === -1) at = redacted.indexOf(rawOneLine);
  if (at === -1) at = Math.min(redacted.length, start - from);
  const left = Math.max(0, at - WINDOW);
  const right = Math.min(redacted.length, at + rawOneLine.length + WINDOW);
  let snippet = redacted.slice(left, right).trim();
  if (left > 0) snippet = `…${snippet}`;
  if (right < redacted.length) snippet = `${snippet}…`;
  return snippet;
}
