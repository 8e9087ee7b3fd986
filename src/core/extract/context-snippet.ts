import { redactSecrets } from './redact';

const WINDOW = 60;
/** Secrets are redacted over a wider window so that a key just outside the snippet still hides its value. */
const REDACTION_MARGIN = 120;

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

function cut(line: string, at: number, length: number): string {
  const left = Math.max(0, at - WINDOW);
  const right = Math.min(line.length, at + length + WINDOW);
  let snippet = line.slice(left, right).trim();
  if (left > 0) snippet = `…${snippet}`;
  if (right < line.length) snippet = `${snippet}…`;
  return snippet;
}

/** A short, single-line piece of text around [start, end), secrets redacted. */
export function contextSnippet(text: string, start: number, end: number): string {
  const from = Math.max(0, start - REDACTION_MARGIN);
  const to = Math.min(text.length, end + REDACTION_MARGIN);
  const window = text.slice(from, to);
  const redacted = redactSecrets(window);
  const raw = collapse(text.slice(start, end));
  if (redacted === window) {
    // Nothing secret nearby: collapse the pieces apart, so the reference's position is known.
    const left = collapse(text.slice(from, start));
    return cut(left + raw + collapse(text.slice(end, to)), left.length, raw.length);
  }
  const line = collapse(redacted);
  let at = line.indexOf(raw, Math.max(0, start - from - REDACTION_MARGIN / 2));
  if (at === -1) at = line.indexOf(raw);
  if (at === -1) at = Math.min(line.length, start - from);
  return cut(line, at, raw.length);
}
