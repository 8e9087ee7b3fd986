import { redactSecrets } from './redact';

/**
 * A snippet shows where a reference sits, not the page: a few words either side, on the
 * reference's own line, and never more than MAX_SNIPPET characters. (Windows of 60 characters
 * across line breaks, one per reference, used to store most of a runbook's words.)
 */
const SIDE = 28;
export const MAX_SNIPPET = 140;
/** A reference longer than this (a long URL or ARN) is shown by its two ends. */
const MAX_SHOWN_REFERENCE = MAX_SNIPPET - 2 * 12;
/**
 * Secrets are redacted over a wider window than the snippet shows, so that a key (up to ~40
 * characters) and its value (up to ~60) that only partly overlap the snippet are still seen whole.
 */
const REDACTION_MARGIN = SIDE + 120;

/** Longest word a window edge is moved to include whole; longer runs are cut (and never shown). */
const MAX_WORD = 4096;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

const collapse = (s: string): string => s.replace(/\s+/g, ' ');

/** Whole words only at the edges: a cut word could be half a secret or mislead. */
function trimToWords(side: string, fromLeft: boolean): string {
  if (fromLeft) {
    const space = side.indexOf(' ');
    return space === -1 ? '' : side.slice(space + 1);
  }
  const space = side.lastIndexOf(' ');
  return space === -1 ? '' : side.slice(0, space);
}

function shorten(reference: string): string {
  if (reference.length <= MAX_SHOWN_REFERENCE) return reference;
  const keep = Math.floor((MAX_SHOWN_REFERENCE - 1) / 2);
  return `${reference.slice(0, keep)}…${reference.slice(reference.length - keep)}`;
}

/** Start and end of the line holding [start, end): a snippet never reaches into another line. */
function lineBounds(text: string, start: number, end: number): [number, number] {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return [from, nl === -1 ? text.length : nl];
}

/** A short, single-line piece of text around [start, end), secrets redacted. */
export function contextSnippet(text: string, start: number, end: number): string {
  // Redact over a window widened to whole words, so no secret is cut in two at the edge and
  // escapes its pattern; the window may cross lines (a PEM block's BEGIN line above).
  let from = Math.max(0, start - REDACTION_MARGIN);
  for (const stop = Math.max(0, from - MAX_WORD); from > stop && !isSpace(text.charCodeAt(from - 1));) from--;
  let to = Math.min(text.length, end + REDACTION_MARGIN);
  for (const stop = Math.min(text.length, to + MAX_WORD); to < stop && !isSpace(text.charCodeAt(to));) to++;
  const window = text.slice(from, to);
  const redacted = redactSecrets(window);

  let before: string;
  let reference: string;
  let after: string;
  if (redacted === window) {
    const [lineStart, lineEnd] = lineBounds(text, start, end);
    before = text.slice(Math.max(lineStart, start - 3 * SIDE), start);
    reference = text.slice(start, end);
    after = text.slice(end, Math.min(lineEnd, end + 3 * SIDE));
  } else {
    // Find the reference again in the redacted text (redaction changes lengths before it).
    const raw = text.slice(start, end);
    let at = redacted.indexOf(raw, Math.max(0, start - from - REDACTION_MARGIN / 2));
    if (at === -1) at = redacted.indexOf(raw);
    if (at === -1) {
      // The reference itself looked like a secret: show nothing of it but the marker.
      return collapse(redacted.slice(Math.max(0, start - from - SIDE), start - from + SIDE))
        .trim()
        .slice(0, MAX_SNIPPET);
    }
    const [lineStart, lineEnd] = lineBounds(redacted, at, at + raw.length);
    before = redacted.slice(Math.max(lineStart, at - 3 * SIDE), at);
    reference = raw;
    after = redacted.slice(at + raw.length, Math.min(lineEnd, at + raw.length + 3 * SIDE));
  }
  const shown = collapse(shorten(reference));
  // A long reference leaves less room either side: the snippet as a whole stays bounded.
  const side = Math.max(0, Math.min(SIDE, Math.floor((MAX_SNIPPET - shown.length - 2) / 2)));
  let left = collapse(before).trimStart();
  let right = collapse(after).trimEnd();
  const cutLeft = left.length > side;
  const cutRight = right.length > side;
  if (cutLeft) left = trimToWords(left.slice(left.length - side), true);
  if (cutRight) right = trimToWords(right.slice(0, side), false);
  return `${cutLeft ? '…' : ''}${left}${shown}${right}${cutRight ? '…' : ''}`.trim();
}
