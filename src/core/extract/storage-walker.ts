import { Parser } from 'htmlparser2';
import type { LocationKind } from './types';

/** A run of text that reads as one unit: a paragraph, list item, table row, code block or heading. */
export interface TextBlock {
  text: string;
  /** Kind changes inside the block (inline code in a paragraph): sorted by offset. */
  spans: Array<{ offset: number; kind: LocationKind }>;
  headingPath: string[];
  /** Ids of the enclosing headings, outermost first; region statements attach to these. */
  sectionChain: number[];
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'table',
  'hr',
  'section',
  'ac:structured-macro',
  'ac:rich-text-body',
  'ac:task',
  'ac:task-body',
  'ac:layout',
  'ac:layout-section',
  'ac:layout-cell',
]);
const HEADING = /^h([1-6])$/;
/** Macro parameters that are prose (titles); the rest (language, colour…) are settings. */
const PROSE_PARAMETERS = new Set(['title']);
/** Elements whose content is never page text. */
const SKIPPED = new Set(['style', 'script', 'ac:image', 'ac:placeholder', 'ac:emoticon']);
const CODE_MACROS = new Set(['code', 'noformat']);
// Most elements (span, strong, em…) change no state: they share one no-op instead of a new closure each.
const NOTHING_TO_UNDO = (): void => undefined;
const ODD_SPACE = /[\u00a0\u2007\u202f\u200b-\u200d\ufeff]/;
/**
 * Links inside links (invalid HTML, but pasted pages have them) deeper than this get their target
 * appended without looking for it in the link text: each level re-reads its text, so an unbounded
 * depth would make the walk quadratic.
 */
const MAX_CHECKED_LINK_DEPTH = 8;

/** Characters the walker reads again after the tokenizer gave them (tests bound it by the input). */
export interface WalkMeter {
  reread: number;
}

/**
 * Walks Confluence storage format with a forgiving HTML tokenizer (htmlparser2: entities decoded,
 * CDATA recognised, unclosed tags tolerated) and cuts it into text blocks. Never throws.
 */
export function walkStorage(storage: string, meter?: WalkMeter): TextBlock[] {
  const blocks: TextBlock[] = [];
  const headings: Array<{ level: number; title: string; id: number }> = [];
  let nextHeadingId = 1;
  let sectionPath: Pick<TextBlock, 'headingPath' | 'sectionChain'> | null = null;

  let parts: string[] = [];
  let length = 0;
  // Bumped on every flush, so a link can tell whether its block is still the one it opened in.
  let blockNumber = 0;
  let spans: TextBlock['spans'] = [];
  let currentKind: LocationKind | null = null;

  let inlineCode = 0;
  let codeBlock = 0;
  let table = 0;
  let row = 0;
  let skip = 0;
  let heading: { level: number; text: string } | null = null;
  const links: Array<{ href: string; from: number; fromPart: number; block: number }> = [];
  // The Cloud editor stores a panel (and other ADF nodes) twice: the ADF content, then a fallback
  // copy for older renderers. Per open ac:adf-extension: whether its content was read already.
  const adfContentRead: boolean[] = [];
  // Which open element pushed which state, so closes (including implied ones) undo exactly it.
  const openStates: Array<() => void> = [];

  const kindNow = (): LocationKind =>
    codeBlock > 0 ? 'code-block' : inlineCode > 0 ? 'inline-code' : table > 0 ? 'table' : 'prose';

  const append = (text: string): void => {
    if (!text) return;
    const kind = kindNow();
    if (kind !== currentKind) {
      spans.push({ offset: length, kind });
      currentKind = kind;
    }
    parts.push(text);
    length += text.length;
    if (heading) heading.text += text;
  };

  const flush = (): void => {
    if (length > 0) {
      blockNumber++;
      const text = parts.join('');
      if (meter) meter.reread += text.length;
      if (/\S/.test(text)) {
        // Blocks of one section share its path arrays; they are rebuilt only when headings change.
        if (!sectionPath)
          sectionPath = {
            headingPath: headings.map((h) => h.title),
            sectionChain: headings.map((h) => h.id),
          };
        blocks.push({ text, spans, ...sectionPath });
      }
    }
    parts = [];
    length = 0;
    spans = [];
    currentKind = null;
  };

  // Only the link's own text is read (not the whole block so far), so many links in one block stay linear.
  const linkTextShows = (link: { href: string; from: number; fromPart: number; block: number }): boolean => {
    if (link.block === blockNumber) {
      let shown = '';
      for (let i = link.fromPart; i < parts.length; i++) shown += parts[i];
      if (meter) meter.reread += shown.length;
      return shown.includes(link.href);
    }
    // The link spans a block break: its offset belongs to an earlier block, read against this one.
    if (length <= link.from) return false;
    const text = parts.join('');
    if (meter) meter.reread += text.length;
    return text.slice(link.from).includes(link.href);
  };

  const leaveSkipped = (): void => {
    skip--;
  };

  const breakText = (): void => {
    if (row > 0) append(' ');
    else flush();
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (
          skip > 0 ||
          SKIPPED.has(name) ||
          (name === 'ac:adf-fallback' && adfContentRead[adfContentRead.length - 1] === true)
        ) {
          skip++;
          openStates.push(leaveSkipped);
          return;
        }
        let undo: () => void = NOTHING_TO_UNDO;
        const headingMatch = HEADING.exec(name);
        if (headingMatch) {
          flush();
          heading = { level: Number(headingMatch[1]), text: '' };
          undo = () => {
            const done = heading;
            heading = null;
            flush();
            if (!done) return;
            while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= done.level)
              headings.pop();
            sectionPath = null;
            headings.push({
              level: done.level,
              title: done.text.replace(/\s+/g, ' ').trim(),
              id: nextHeadingId++,
            });
          };
          // The heading's own words belong to the section it opens.
          const level = Number(headingMatch[1]);
          while (headings.length > 0 && (headings[headings.length - 1]?.level ?? 0) >= level) headings.pop();
          sectionPath = null;
        } else if (name === 'ac:parameter') {
          if (PROSE_PARAMETERS.has(attrs['ac:name'] ?? '')) {
            flush();
            undo = flush;
          } else {
            skip++;
            undo = () => skip--;
          }
        } else if (name === 'ac:plain-text-body' || name === 'pre') {
          flush();
          codeBlock++;
          undo = () => {
            flush();
            codeBlock--;
          };
        } else if (name === 'code') {
          inlineCode++;
          undo = () => inlineCode--;
        } else if (name === 'table') {
          flush();
          table++;
          undo = () => {
            flush();
            table--;
          };
        } else if (name === 'tr') {
          flush();
          row++;
          undo = () => {
            row--;
            flush();
          };
        } else if (name === 'td' || name === 'th') {
          if (length > 0) append(' | ');
        } else if (name === 'br') {
          append(row > 0 ? ' ' : '\n');
        } else if (name === 'a' || name === 'ri:url') {
          const href = attrs['href'] ?? attrs['ri:value'] ?? '';
          if (/^https?:\/\//i.test(href)) {
            links.push({ href, from: length, fromPart: parts.length, block: blockNumber });
            undo = () => {
              const link = links.pop();
              if (!link) return;
              // Scan the target too, unless the link text already shows it.
              if (links.length >= MAX_CHECKED_LINK_DEPTH || !linkTextShows(link)) append(` ${link.href} `);
            };
          }
        } else if (name === 'ac:structured-macro' && CODE_MACROS.has(attrs['ac:name'] ?? '')) {
          flush();
          undo = flush;
        } else if (name === 'ac:adf-extension') {
          breakText();
          adfContentRead.push(false);
          undo = () => {
            adfContentRead.pop();
            breakText();
          };
        } else if (name === 'ac:adf-attribute' || name === 'ac:adf-parameter') {
          // ADF attributes and extension parameters are settings (local-id, panel-type,
          // extension-key), except a code macro's code and a title; parameters nest.
          const key = attrs['key'] ?? '';
          if (key === 'code') {
            flush();
            codeBlock++;
            undo = () => {
              flush();
              codeBlock--;
              if (adfContentRead.length > 0) adfContentRead[adfContentRead.length - 1] = true;
            };
          } else if (key === 'title') {
            flush();
            undo = flush;
          } else if (key !== 'parameters' && key !== 'guest-params') {
            skip++;
            undo = leaveSkipped;
          }
        } else if (name === 'ac:adf-content') {
          breakText();
          undo = () => {
            breakText();
            if (adfContentRead.length > 0) adfContentRead[adfContentRead.length - 1] = true;
          };
        } else if (BLOCK_TAGS.has(name)) {
          breakText();
          undo = breakText;
        }
        openStates.push(undo);
      },
      onclosetag() {
        openStates.pop()?.();
      },
      ontext(text) {
        if (skip > 0) return;
        // Non-breaking and zero-width spaces split or glue tokens in pasted ids.
        append(
          ODD_SPACE.test(text)
            ? text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '')
            : text,
        );
      },
    },
    { decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true, lowerCaseTags: true },
  );
  parser.write(storage);
  parser.end();
  flush();
  return blocks;
}
