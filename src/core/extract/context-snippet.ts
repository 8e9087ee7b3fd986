import { redactSecrets } from './redact';

const WINDOW = 60;
/**
 * Secrets are redacted over a wider window than the snippet shows, so that a key (up to ~40
 * characters) and its value (up to ~60) that only partly overlap the snippet are still seen whole.
 */
const REDACTION_MARGIN = WINDOW + 100;

/** Longest word a window edge is moved to include whole; longer runs are cut (and never shown). */
const MAX_WORD = 4096;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

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
  // Widen to whole words, so no secret is cut in two at the edge and escapes its pattern.
  let from = Math.max(0, start - REDACTION_MARGIN);
  for (const stop = Math.max(0, from - MAX_WORD); from > stop && !isSpace(text.charCodeAt(from - 1));) from--;
  let to = Math.min(text.length, end + REDACTION_MARGIN);
  for (const stop = Math.min(text.length, to + MAX_WORD); to < stop && !isSpace(text.charCodeAt(to));) to++;
  const window = text.slice(from, to);
  const redacted = redactSecrets(window);
  const raw = collapse(text.slice(start, end));
  if (redacted === window) {
    // Nothing secret nearby: collapse only what the snippet can show (twice the window, as
    // collapsing shrinks indentation), keeping the reference's position known.
    const leftFrom = Math.max(from, start - 2 * WINDOW);
    const rightTo = Math.min(to, end + 2 * WINDOW);
    const left = (leftFrom > 0 ? ' ' : '') + collapse(text.slice(leftFrom, start));
    const right = collapse(text.slice(end, rightTo)) + (rightTo < text.length ? ' ' : '');
    return cut(left + raw + right, left.length, raw.length);
  }
  const line = collapse(redacted);
  let at = line.indexOf(raw, Math.max(0, start - from - REDACTION_MARGIN / 2));
  if (at === -1) at = line.indexOf(raw);
  if (at === -1) at = Math.min(line.length, start - from);
  return cut(line, at, raw.length);
}
