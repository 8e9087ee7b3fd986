import { createColors } from 'picocolors';
import { z } from 'zod';
import type { PageExtraction, Reference } from '../../core/extract';
import { parseFlags } from '../args';
import {
  CONFLUENCE_HELP,
  CONFLUENCE_OPTIONS,
  parseConfluenceFlags,
  type ConfluenceDeps,
} from '../confluence/source';
import { EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';
import { demoFile } from '../package-root';
import { bufferedWriter, openExtractions, pagesFormatFor, type PageSource } from '../page-source';
import { printable } from '../terminal-text';
import { formatColumns } from '../text-table';

export const EXTRACT_HELP = `Usage: runbookguard extract (--pages FILE | --demo | --confluence URL --space KEYS)
                           [--pages-format json|ndjson] [--format json|ndjson|table]

Reads Confluence pages and lists the AWS references each one contains.

Options:
  --pages FILE     Confluence REST API v2 page list ({"results":[…]}) or a JSON array of
                   pages; each page needs id, title, version.number and body.storage.value
                   (fetch with body-format=storage).
  --demo           Use the bundled demo space instead of --pages.
${CONFLUENCE_HELP}
  --pages-format F json (default) or ndjson (one page object per line; the default for
                   .ndjson/.jsonl files). Either is read one page at a time.
  --format FORMAT  json (default): {"pages":[{"pageId","title","version","entities":[…]}]}
                   ndjson: one {"pageId","title","version","entities"} per line, as extracted.
                   table: a readable listing, coloured on a terminal.
  -h, --help       Show this help.

Each entity has type, value (normalized), region (or null), regionSource, account, aliases,
placeholder (documentation examples: never checked), location {headingPath, kind},
occurrences and a context snippet with secrets redacted.

Exit codes: 0 success, 2 bad input or usage.`;

const flagsSchema = z
  .object({
    pages: z.string().min(1).optional(),
    demo: z.boolean().optional(),
    confluence: z.boolean(),
    format: z
      .enum(['json', 'ndjson', 'table'], { error: 'extract: --format must be json, ndjson or table' })
      .default('json'),
    'pages-format': z
      .enum(['json', 'ndjson'], { error: 'extract: --pages-format must be json or ndjson' })
      .optional(),
  })
  .refine((f) => [f.pages !== undefined, f.demo === true, f.confluence].filter(Boolean).length === 1, {
    error: 'extract: give exactly one of --pages FILE, --demo or --confluence URL',
  });

function describeLocation(reference: Reference): string {
  const where =
    reference.location.headingPath.length > 0 ? reference.location.headingPath.join(' › ') : '(top of page)';
  return `${where} · ${reference.location.kind}`;
}

function renderTable(pages: readonly PageExtraction[], color: boolean): string {
  const c = createColors(color);
  const lines: string[] = [];
  let total = 0;
  let placeholders = 0;
  for (const page of pages) {
    lines.push(c.bold(printable(page.title)) + c.dim(`  (page ${printable(page.pageId)}, v${page.version})`));
    if (page.entities.length === 0) {
      lines.push(c.dim('  no AWS references'), '');
      continue;
    }
    const rows = [['TYPE', 'VALUE', 'REGION', 'SEEN', 'WHERE']];
    for (const e of page.entities) {
      total++;
      if (e.placeholder) placeholders++;
      rows.push([
        e.type,
        e.placeholder ? `${e.value} (placeholder)` : e.value,
        e.region ? (e.regionSource === 'explicit' ? e.region : `${e.region}*`) : '-',
        `${e.occurrences}×`,
        describeLocation(e),
      ]);
    }
    const placeholderRows = new Set(page.entities.map((e, i) => (e.placeholder ? i + 1 : -1)));
    for (const line of formatColumns(rows, (r, col, text) =>
      r === 0 ? c.dim(text) : placeholderRows.has(r) ? c.dim(text) : col === 1 ? c.cyan(text) : text,
    ))
      lines.push(`  ${line}`);
    lines.push('');
  }
  lines.push(
    `${total} references on ${pages.length} pages` +
      (placeholders > 0 ? ` (${placeholders} placeholders, never checked)` : '') +
      c.dim('  · region* = inherited from the page or section'),
  );
  return `${lines.join('\n')}\n`;
}

export async function runExtract(args: string[], io: CliIo): Promise<number> {
  return runExtractWith(args, io, {});
}

/** Test seam: how Confluence is reached (fetch, Retry-After sleeps). */
export interface ExtractDeps {
  confluence?: ConfluenceDeps;
}

export async function runExtractWith(args: string[], io: CliIo, deps: ExtractDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${EXTRACT_HELP}\n`);
    return EXIT_OK;
  }
  const { values } = parseFlags(
    args,
    {
      pages: { type: 'string' },
      demo: { type: 'boolean' },
      format: { type: 'string' },
      'pages-format': { type: 'string' },
      ...CONFLUENCE_OPTIONS,
    },
    'extract',
  );
  const confluence = parseConfluenceFlags(values, 'extract');
  const flags = flagsSchema.safeParse({ ...values, confluence: confluence !== null });
  if (!flags.success) throw new UsageError(flags.error.issues[0]?.message ?? 'extract: invalid flags');
  const source: PageSource =
    confluence !== null
      ? { kind: 'confluence', flags: confluence, deps: deps.confluence }
      : (() => {
          const file = flags.data.pages ?? demoFile('space.json');
          return { kind: 'file', file, format: pagesFormatFor(file, flags.data['pages-format']) };
        })();
  const extractions = await openExtractions(source, io, 'Extracting');
  if (flags.data.format === 'table') {
    const all: PageExtraction[] = [];
    for await (const e of extractions) all.push(e);
    io.stdout.write(renderTable(all, io.stdout.isTTY === true));
    return EXIT_OK;
  }
  // JSON and NDJSON are written as pages are extracted: memory stays flat however many pages.
  const out = bufferedWriter(io.stdout);
  const ndjson = flags.data.format === 'ndjson';
  let first = true;
  if (!ndjson) await out.write('{\n  "pages": [');
  for await (const e of extractions) {
    if (ndjson) await out.write(`${JSON.stringify(e)}\n`);
    else {
      // The same bytes JSON.stringify({ pages }, null, 2) writes, one page at a time.
      await out.write(`${first ? '' : ','}\n    ${JSON.stringify(e, null, 2).replace(/\n/g, '\n    ')}`);
      first = false;
    }
  }
  if (!ndjson) await out.write(first ? ']\n}\n' : '\n  ]\n}\n');
  await out.flush();
  return EXIT_OK;
}
