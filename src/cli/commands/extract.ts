import { createColors } from 'picocolors';
import { z } from 'zod';
import { extractPages, type PageExtraction, type Reference } from '../../core/extract';
import { parseFlags } from '../args';
import {
  CONFLUENCE_HELP,
  CONFLUENCE_OPTIONS,
  openConfluence,
  parseConfluenceFlags,
  type ConfluenceDeps,
} from '../confluence/source';
import { EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';
import { demoFile } from '../package-root';
import { loadPagesFile } from '../pages-file';
import { formatColumns } from '../text-table';

export const EXTRACT_HELP = `Usage: runbookguard extract (--pages FILE | --demo | --confluence URL --space KEYS)
                           [--format json|table]

Reads Confluence pages and lists the AWS references each one contains.

Options:
  --pages FILE     Confluence REST API v2 page list ({"results":[…]}) or a JSON array of
                   pages; each page needs id, title, version.number and body.storage.value
                   (fetch with body-format=storage).
  --demo           Use the bundled demo space instead of --pages.
${CONFLUENCE_HELP}
  --format FORMAT  json (default): {"pages":[{"pageId","title","version","entities":[…]}]}
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
    format: z.enum(['json', 'table'], { error: 'extract: --format must be json or table' }).default('json'),
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
    lines.push(c.bold(`${page.title}`) + c.dim(`  (page ${page.pageId}, v${page.version})`));
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
      ...CONFLUENCE_OPTIONS,
    },
    'extract',
  );
  const confluence = parseConfluenceFlags(values, 'extract');
  const flags = flagsSchema.safeParse({ ...values, confluence: confluence !== null });
  if (!flags.success) throw new UsageError(flags.error.issues[0]?.message ?? 'extract: invalid flags');
  let extractions: PageExtraction[];
  if (confluence !== null) {
    const read = await openConfluence(confluence, io.env, deps.confluence);
    extractions = [];
    for await (const sourced of read.pages) extractions.push(sourced.extraction);
  } else {
    extractions = extractPages(await loadPagesFile(flags.data.pages ?? demoFile('space.json'), io.cwd));
  }
  if (flags.data.format === 'table') io.stdout.write(renderTable(extractions, io.stdout.isTTY === true));
  else io.stdout.write(`${JSON.stringify({ pages: extractions }, null, 2)}\n`);
  return EXIT_OK;
}
