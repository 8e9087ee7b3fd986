import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  buildDigest,
  parseDigestState,
  type Digest,
  type DigestPage,
  type DigestState,
} from '../../core/digest';
import { extractPage, type PageExtraction, type PageInput } from '../../core/extract';
import type { InventorySnapshot } from '../../core/inventory/snapshot';
import { indexSnapshot, scanPages } from '../../core/match';
import { parseFlags } from '../args';
import { EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';
import { readJsonFile } from '../json-file';
import { demoFile } from '../package-root';
import { parsePagesDocument } from '../pages-file';
import { loadSnapshotFile } from '../snapshot-file';
import {
  CONFLUENCE_HELP,
  CONFLUENCE_OPTIONS,
  openConfluence,
  parseConfluenceFlags,
  type ConfluenceDeps,
  type ConfluenceFlags,
} from '../confluence/source';

export const DIGEST_HELP = `Usage: runbookguard digest (--demo | (--pages FILE | --confluence URL --space KEYS) --inventory SNAPSHOT)
                          --out FILE.html
                          [--since STATE_OR_DATE] [--state-out FILE] [--spaces FILE]
                          [--site-url URL] [--dashboard-url URL] [--now ISO_TIME]

Renders the weekly digest e-mail (what changed since the last digest) to HTML, and its plain-text
part beside it (FILE.html → FILE.txt). Nothing is sent: sending is the Forge app's weekly job.

Options:
  --demo               Bundled demo space and snapshot, compared with a bundled "last week".
  --pages FILE         Confluence REST API v2 page list (as for runbookguard scan).
${CONFLUENCE_HELP}
  --inventory FILE     A snapshot written by runbookguard inventory.
  --out FILE           Where the HTML goes; the text part goes to the same name with .txt.
  --since VALUE        A state file written by an earlier --state-out (new and fixed findings are
                       measured against it), or an ISO date: the period start only, every open
                       finding then counts as new. Without it, this is a first digest.
  --state-out FILE     Write this digest's state, for the next run's --since.
  --spaces FILE        Confluence REST API v2 space list ({"results":[{"id","key","name"}]}) for
                       space keys and names; without it spaces are named by id.
  --site-url URL       Confluence base URL for page links (default: the page list's _links.base).
  --dashboard-url URL  The call-to-action link (default: the site URL).
  --now ISO_TIME       The digest's date (default: now; the demo uses its snapshot's date).
  -h, --help           Show this help.

Prints the subject and whether a scheduled run would send it (a quiet week is not sent unless
the admin chose "send even when quiet"). Exit codes: 0 written, 2 bad input or usage.`;

const flagsSchema = z
  .object({
    demo: z.boolean().optional(),
    pages: z.string().min(1).optional(),
    inventory: z.string().min(1).optional(),
    out: z.string().min(1, { error: '--out FILE is required' }),
    since: z.string().min(1).optional(),
    'state-out': z.string().min(1).optional(),
    spaces: z.string().min(1).optional(),
    'site-url': z.url({ protocol: /^https?$/, error: '--site-url must be an http(s) URL' }).optional(),
    'dashboard-url': z
      .url({ protocol: /^https?$/, error: '--dashboard-url must be an http(s) URL' })
      .optional(),
    now: z.iso.datetime({ error: '--now must be an ISO date-time (2026-11-23T07:00:00Z)' }).optional(),
    confluence: z.boolean(),
  })
  .refine((f) => f.demo === true || ((f.pages !== undefined) !== f.confluence && f.inventory !== undefined), {
    error: 'give --demo, or --inventory SNAPSHOT with one of --pages FILE or --confluence URL',
  })
  .refine((f) => !(f.demo === true && (f.pages !== undefined || f.inventory !== undefined || f.confluence)), {
    error: '--demo brings its own pages and snapshot: drop --pages, --confluence and --inventory',
  });
type DigestFlags = z.infer<typeof flagsSchema> & { source: ConfluenceFlags | null };

/** Test seam: how Confluence is reached. */
export interface DigestDeps {
  confluence?: ConfluenceDeps;
}

export async function runDigest(args: string[], io: CliIo): Promise<number> {
  return runDigestWith(args, io, {});
}

export async function runDigestWith(args: string[], io: CliIo, deps: DigestDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${DIGEST_HELP}\n`);
    return EXIT_OK;
  }
  const flags = parseDigestFlags(args);
  const digest =
    flags.demo === true
      ? await demoDigest(flags.now)
      : flags.source !== null
        ? await siteDigest(flags, flags.source, io, deps)
        : await fileDigest(flags, io.cwd);
  // Loaded here: React and React Email are needed only once there is something to render.
  const { renderDigest } = await import('../../email/render');
  const rendered = await renderDigest(digest);
  const htmlFile = path.resolve(io.cwd, flags.out);
  const textFile = textFileFor(htmlFile);
  await writeOut(htmlFile, rendered.html, flags.out);
  await writeOut(textFile, rendered.text, textFile);
  if (flags['state-out'] !== undefined)
    await writeOut(
      path.resolve(io.cwd, flags['state-out']),
      `${JSON.stringify(digest.nextState, null, 2)}\n`,
      flags['state-out'],
    );
  io.stdout.write(
    `Subject: ${digest.subject}\n` +
      `${digest.quiet ? 'Quiet week: a scheduled run sends it only with "send even when quiet".' : 'A scheduled run would send it.'}\n` +
      `Wrote ${path.relative(io.cwd, htmlFile) || htmlFile} (${Buffer.byteLength(rendered.html)} bytes) and ${path.relative(io.cwd, textFile) || textFile}\n`,
  );
  return EXIT_OK;
}

export function textFileFor(htmlFile: string): string {
  return /\.html?$/i.test(htmlFile) ? htmlFile.replace(/\.html?$/i, '.txt') : `${htmlFile}.txt`;
}

async function writeOut(file: string, content: string, shown: string): Promise<void> {
  try {
    await writeFile(file, content, 'utf8');
  } catch (error) {
    throw new UsageError(`${shown}: cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseDigestFlags(args: string[]): DigestFlags {
  const { values } = parseFlags(
    args,
    {
      demo: { type: 'boolean' },
      pages: { type: 'string' },
      inventory: { type: 'string' },
      out: { type: 'string' },
      since: { type: 'string' },
      'state-out': { type: 'string' },
      spaces: { type: 'string' },
      'site-url': { type: 'string' },
      'dashboard-url': { type: 'string' },
      now: { type: 'string' },
      ...CONFLUENCE_OPTIONS,
    },
    'digest',
  );
  const source = parseConfluenceFlags(values, 'digest');
  const parsed = flagsSchema.safeParse({ ...values, out: values.out ?? '', confluence: source !== null });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(
      `digest: ${where}${issue?.message ?? 'invalid arguments'} (see runbookguard digest --help)`,
    );
  }
  return { ...parsed.data, source };
}

/** The raw page list fields the digest needs beside what the page parser keeps. */
const pageMetaSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  spaceId: z.union([z.string(), z.number()]).transform(String).optional(),
  _links: z.object({ webui: z.string().optional() }).optional(),
});
const listLinksSchema = z.object({ _links: z.object({ base: z.string().optional() }).optional() });
const spacesSchema = z.union([
  z.object({
    results: z.array(
      z.object({
        id: z.union([z.string(), z.number()]).transform(String),
        key: z.string(),
        name: z.string(),
      }),
    ),
  }),
  z.array(
    z.object({ id: z.union([z.string(), z.number()]).transform(String), key: z.string(), name: z.string() }),
  ),
]);

interface DigestSources {
  pages: Array<Pick<PageInput, 'id' | 'title'>>;
  extractions: PageExtraction[];
  meta: Map<string, { spaceId: string | null; webui: string | null }>;
  siteUrl: string;
  spaces: Map<string, { key: string; name: string }>;
  snapshot: InventorySnapshot;
}

async function fileDigest(flags: DigestFlags, cwd: string): Promise<Digest> {
  const document = await readJsonFile(flags.pages ?? '', cwd);
  const items = Array.isArray(document)
    ? (document as unknown[])
    : ((document as { results?: unknown[] } | null)?.results ?? []);
  const base = listLinksSchema.safeParse(document);
  const siteUrl = flags['site-url'] ?? (base.success ? base.data._links?.base : undefined);
  if (siteUrl === undefined)
    throw new UsageError('digest: --site-url is needed: the page list has no _links.base for page links');
  let spaces = new Map<string, { key: string; name: string }>();
  if (flags.spaces !== undefined) {
    const parsed = spacesSchema.safeParse(await readJsonFile(flags.spaces, cwd));
    if (!parsed.success)
      throw new UsageError(
        `${flags.spaces}: expected a Confluence space list {"results":[{"id","key","name"}]}`,
      );
    const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.results;
    spaces = new Map(list.map((s) => [s.id, { key: s.key, name: s.name }]));
  }
  const pages = parsePagesDocument(document, flags.pages ?? '');
  const sources: DigestSources = {
    pages,
    extractions: pages.map(extractPage),
    meta: pageMeta(items),
    siteUrl,
    spaces,
    snapshot: await loadSnapshotFile(flags.inventory ?? '', cwd),
  };
  return digestWithSince(sources, flags, cwd, siteUrl);
}

/** The digest of pages read from a Confluence site: space names and page links from the site. */
async function siteDigest(
  flags: DigestFlags,
  source: ConfluenceFlags,
  io: CliIo,
  deps: DigestDeps,
): Promise<Digest> {
  const read = await openConfluence(source, io.env, deps.confluence);
  const sources: DigestSources = {
    pages: [],
    extractions: [],
    meta: new Map(),
    siteUrl: flags['site-url'] ?? read.siteUrl,
    spaces: new Map(read.spaces.map((s) => [s.id, { key: s.key, name: s.name }])),
    snapshot: await loadSnapshotFile(flags.inventory ?? '', io.cwd),
  };
  for await (const { page, extraction } of read.pages) {
    sources.pages.push({ id: page.id, title: page.title });
    sources.extractions.push(extraction);
    sources.meta.set(page.id, { spaceId: page.spaceId, webui: page.webui });
  }
  return digestWithSince(sources, flags, io.cwd, sources.siteUrl);
}

async function digestWithSince(
  sources: DigestSources,
  flags: DigestFlags,
  cwd: string,
  siteUrl: string,
): Promise<Digest> {
  const { previous, since } = await loadSince(flags.since, cwd);
  return digestOf(sources, {
    now: flags.now ?? new Date().toISOString(),
    previous,
    since,
    dashboardUrl: flags['dashboard-url'] ?? siteUrl,
    installName: new URL(siteUrl).host,
  });
}

function pageMeta(items: unknown[]): DigestSources['meta'] {
  const meta: DigestSources['meta'] = new Map();
  for (const item of items) {
    const parsed = pageMetaSchema.safeParse(item);
    if (parsed.success)
      meta.set(parsed.data.id, {
        spaceId: parsed.data.spaceId ?? null,
        webui: parsed.data._links?.webui ?? null,
      });
  }
  return meta;
}

async function loadSince(
  since: string | undefined,
  cwd: string,
): Promise<{ previous: DigestState | null; since: string | null }> {
  if (since === undefined) return { previous: null, since: null };
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(since)) {
    const at = new Date(since);
    if (Number.isNaN(at.getTime())) throw new UsageError(`digest: --since: not a date: ${since}`);
    return { previous: null, since: at.toISOString() };
  }
  const parsed = parseDigestState(await readJsonFile(since, cwd));
  if (!parsed.ok) throw new UsageError(`${since}: ${parsed.error}`);
  return { previous: parsed.state, since: null };
}

function digestOf(
  src: DigestSources,
  options: {
    now: string;
    previous: DigestState | null;
    since: string | null;
    dashboardUrl: string;
    installName: string;
  },
): Digest {
  const base = src.siteUrl.replace(/\/+$/, '');
  const pages: DigestPage[] = src.pages.map((p) => {
    const meta = src.meta.get(p.id);
    const spaceId = meta?.spaceId ?? null;
    const space = spaceId === null ? null : (src.spaces.get(spaceId) ?? null);
    return {
      pageId: p.id,
      title: p.title,
      spaceKey: space?.key ?? (spaceId === null ? '—' : `space ${spaceId}`),
      spaceName: space?.name ?? (spaceId === null ? 'Unknown space' : `Confluence space ${spaceId}`),
      // viewpage.action works for every page id when the list has no web UI link.
      url: meta?.webui
        ? `${base}${meta.webui}`
        : `${base}/pages/viewpage.action?pageId=${encodeURIComponent(p.id)}`,
    };
  });
  const report = scanPages(src.extractions, indexSnapshot(src.snapshot));
  return buildDigest({
    now: options.now,
    installName: options.installName,
    dashboardUrl: options.dashboardUrl,
    previous: options.previous,
    since: options.since,
    findings: report.findings,
    pages,
    coverage: report.coverage,
    resources: src.snapshot.resources,
    references: report.references,
  });
}

/** Space keys and names for the demo space list, which (like the REST v2 page list) has only ids. */
const DEMO_SITE = 'https://acme.atlassian.net/wiki';
const demoSpacesSchema = z.object({
  spaces: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
});
/** The page whose findings the demo's "last week" did not have yet: they show as new. */
const DEMO_NEW_PAGE = '3211265';

/**
 * The bundled demo: the demo space against the demo snapshot, compared with a "last week" made
 * from this week — without one page's findings (new now), with two findings that were fixed since
 * and two resources that runbooks still named then.
 */
export async function demoDigest(now?: string): Promise<Digest> {
  const document = await readJsonFile(demoFile('space.json'), '/');
  const items = (document as { results: unknown[] }).results;
  const snapshot = await loadSnapshotFile(demoFile('snapshot.json'), '/');
  const pages = parsePagesDocument(document, 'demo/space.json');
  const sources: DigestSources = {
    pages,
    extractions: pages.map(extractPage),
    meta: pageMeta(items),
    siteUrl: DEMO_SITE,
    // The demo file names its spaces beside the pages (the local runtime reads the same list).
    spaces: new Map(demoSpacesSchema.parse(document).spaces.map((s) => [s.id, { key: s.key, name: s.name }])),
    snapshot,
  };
  const at = now ?? new Date(Date.parse(snapshot.takenAt) + 3_600_000).toISOString();
  const lastWeek = new Date(Date.parse(at) - 7 * 86_400_000).toISOString();
  const current = digestOf(sources, {
    now: lastWeek,
    previous: null,
    since: null,
    dashboardUrl: `${DEMO_SITE}/apps/runbookguard`,
    installName: 'acme.atlassian.net',
  }).nextState;
  const previous: DigestState = {
    ...current,
    sent: true,
    findings: [
      ...current.findings.filter((f) => f.pageId !== DEMO_NEW_PAGE),
      {
        fingerprint: 'demo0000000000000000000000000001',
        pageId: '1048577',
        pageTitle: 'Orders DB — Aurora failover runbook',
        spaceKey: 'PAY',
        kind: 'missing',
        severity: 'error',
        value: 'orders-prod-old.cluster-9b56c5efdcfa.eu-west-1.rds.amazonaws.com',
      },
      {
        fingerprint: 'demo0000000000000000000000000002',
        pageId: '6553601',
        pageTitle: 'SRE on-call handbook',
        spaceKey: 'OPS',
        kind: 'not-running',
        severity: 'warning',
        value: 'i-0c1d2e3f4a5b6c7d8',
      },
    ],
    unreferenced: current.unreferenced.slice(2),
  };
  return digestOf(sources, {
    now: at,
    previous,
    since: null,
    dashboardUrl: `${DEMO_SITE}/apps/runbookguard`,
    installName: 'acme.atlassian.net',
  });
}
