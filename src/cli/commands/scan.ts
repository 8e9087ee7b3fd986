import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { PageExtraction } from '../../core/extract';
import type { InventorySnapshot } from '../../core/inventory/snapshot';
import {
  indexSnapshot,
  restrictToRegions,
  scanPages,
  type ScanReport,
  type Severity,
} from '../../core/match';
import { parseFlags } from '../args';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';
import { demoFile, packageRoot } from '../package-root';
import { LIVE_AWS_OPTIONS, parseLiveAwsFlags, type LiveAwsFlags } from '../live-aws-flags';
import {
  CONFLUENCE_HELP,
  CONFLUENCE_OPTIONS,
  parseConfluenceFlags,
  type ConfluenceDeps,
  type ConfluenceFlags,
} from '../confluence/source';
import {
  compareWithBaseline,
  loadBaseline,
  newFindings,
  type BaselineComparison,
  type BaselineFinding,
} from '../scan/baseline';
import { bufferedWriter, openExtractions, pagesFormatFor, type PageSource } from '../page-source';
import { toSarif } from '../scan/sarif';
import { renderScanTable } from '../scan/table';
import { loadSnapshotFile } from '../snapshot-file';

export const SCAN_HELP = `Usage: runbookguard scan (--pages FILE | --demo | --confluence URL --space KEYS)
                        [--inventory SNAPSHOT | live AWS options]
                        [--regions r1,r2] [--pages-format json|ndjson] [--format json|ndjson|sarif|table]
                        [--fail-on error|warning|never] [--baseline FILE [--fail-on-new]]

Checks the AWS references in Confluence pages against an inventory snapshot and reports the
stale ones: missing, wrong-region, not-running, dangling (DNS) and unverifiable.

Options:
  --pages FILE         Confluence REST API v2 page list (as for runbookguard extract).
  --inventory FILE     A snapshot written by runbookguard inventory. Without it, AWS is read
                       live with the options below (same as runbookguard inventory).
  --role-arn ARN       Live: a role from cfn/runbookguard-role.yaml (repeatable).
  --external-id ID     Live: the role's External ID, one per --role-arn, same order.
  --regions LIST       Comma-separated regions. Live: the regions to read. With --inventory: judge
                       only these regions; references elsewhere become unverifiable.
  --demo               Bundled demo space and snapshot; needs nothing else.
${CONFLUENCE_HELP}
  --pages-format F     json (default) or ndjson (one page per line; the default for .ndjson/.jsonl).
                       Either is read one page at a time.
  --format FORMAT      json (default), sarif (SARIF 2.1.0 for code-scanning tools), table, or
                       ndjson: one {"finding":…} line per finding as pages are matched, then
                       {"absent":…} lines (with --baseline) and a last {"summary":…} line; memory
                       stays flat however large the input.
  --fail-on LEVEL      Exit 1 when a finding is at least this severe: error (default), warning,
                       or never. Informational findings (unverifiable) never fail a scan.
  --baseline FILE      An earlier scan's SARIF or JSON output: each finding is marked new or
                       unchanged, and the baseline's findings gone now are listed as absent
                       (SARIF baselineState; JSON baselineState and "baseline").
  --fail-on-new        With --baseline: exit 1 only for new findings at or above --fail-on.
  -h, --help           Show this help.

Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it, 2 bad input or usage.`;

const flagsSchema = z
  .object({
    pages: z.string().min(1).optional(),
    demo: z.boolean().optional(),
    confluence: z.boolean(),
    inventory: z.string().min(1).optional(),
    'role-arn': z.array(z.string()).optional(),
    format: z
      .enum(['json', 'ndjson', 'sarif', 'table'], { error: '--format must be json, ndjson, sarif or table' })
      .default('json'),
    'pages-format': z.enum(['json', 'ndjson'], { error: '--pages-format must be json or ndjson' }).optional(),
    'fail-on': z
      .enum(['error', 'warning', 'never'], { error: '--fail-on must be error, warning or never' })
      .default('error'),
    baseline: z.string().min(1).optional(),
    'fail-on-new': z.boolean().optional(),
  })
  .refine((f) => !(f['fail-on-new'] === true && f.baseline === undefined), {
    error: '--fail-on-new needs --baseline FILE',
  })
  .refine((f) => [f.pages !== undefined, f.demo === true, f.confluence].filter(Boolean).length === 1, {
    error: 'give exactly one of --pages FILE, --demo or --confluence URL',
  })
  .refine((f) => !(f.demo === true && (f.inventory !== undefined || (f['role-arn'] ?? []).length > 0)), {
    error: '--demo brings its own snapshot: drop --inventory and --role-arn',
  })
  .refine((f) => !(f.inventory !== undefined && (f['role-arn'] ?? []).length > 0), {
    error: 'give either --inventory FILE or the live AWS options, not both',
  });
export type ScanFlags = z.infer<typeof flagsSchema> & {
  live: LiveAwsFlags;
  source: ConfluenceFlags | null;
};

/** Test seam: how a live snapshot is taken (the inventory command's collector by default). */
export interface ScanDeps {
  collectLive?: (flags: LiveAwsFlags, io: CliIo) => Promise<InventorySnapshot>;
  confluence?: ConfluenceDeps;
}

export async function runScan(args: string[], io: CliIo): Promise<number> {
  return runScanWith(args, io, {});
}

export async function runScanWith(args: string[], io: CliIo, deps: ScanDeps): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${SCAN_HELP}\n`);
    return EXIT_OK;
  }
  const flags = parseScanFlags(args);
  const source: PageSource =
    flags.source !== null
      ? { kind: 'confluence', flags: flags.source, deps: deps.confluence }
      : (() => {
          const file = flags.demo ? demoFile('space.json') : (flags.pages ?? '');
          return { kind: 'file', file, format: pagesFormatFor(file, flags['pages-format']) };
        })();
  // A Confluence site is opened first: a bad URL or token fails before any AWS call.
  const extractions = await openExtractions(source, io, 'Scanning');
  let snapshot = await loadInventory(flags, io, deps);
  const regions = flags.live.regions;
  if (regions && flags.inventory !== undefined) snapshot = restrictToRegions(snapshot, regions);
  const index = indexSnapshot(snapshot);
  const baselineFindings =
    flags.baseline === undefined ? undefined : await loadBaseline(flags.baseline, io.cwd);
  if (flags.format === 'ndjson') return streamNdjson(extractions, index, io, flags, baselineFindings);

  const report: ScanReport = { findings: [], references: [], coverage: scanPages([], index).coverage };
  for await (const extraction of extractions) {
    const page = scanPages([extraction], index);
    for (const f of page.findings) report.findings.push(f);
    for (const r of page.references) report.references.push(r);
  }
  const baseline = baselineFindings === undefined ? undefined : compareWithBaseline(report, baselineFindings);
  io.stdout.write(render(report, flags.format, io, baseline));
  const judged =
    baseline && flags['fail-on-new'] === true
      ? { ...report, findings: newFindings(report, baseline) }
      : report;
  return failed(judged, flags['fail-on']) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * `--format ndjson`: one {"finding":…} line per finding as its page is matched (with its
 * baselineState under --baseline), then one {"absent":…} line per baseline finding gone now, and a
 * last {"summary":…} line with the counts and the coverage. Memory stays flat: nothing is kept.
 */
async function streamNdjson(
  extractions: AsyncIterable<PageExtraction>,
  index: ReturnType<typeof indexSnapshot>,
  io: CliIo,
  flags: ScanFlags,
  baselineFindings: BaselineFinding[] | undefined,
): Promise<number> {
  const out = bufferedWriter(io.stdout);
  const before = baselineFindings === undefined ? null : new Set(baselineFindings.map((b) => b.fingerprint));
  const seen = new Set<string>();
  const counts = { findings: 0, references: 0, new: 0, unchanged: 0 };
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fails = false;
  for await (const extraction of extractions) {
    const page = scanPages([extraction], index);
    counts.references += page.references.length;
    for (const f of page.findings) {
      counts.findings++;
      bySeverity[f.severity]++;
      let judged = true;
      if (before !== null) {
        seen.add(f.fingerprint);
        const state = before.has(f.fingerprint) ? 'unchanged' : 'new';
        counts[state]++;
        judged = state === 'new' || flags['fail-on-new'] !== true;
        await out.write(`${JSON.stringify({ finding: { ...f, baselineState: state } })}\n`);
      } else await out.write(`${JSON.stringify({ finding: f })}\n`);
      if (judged && failed({ findings: [f], references: [], coverage: page.coverage }, flags['fail-on']))
        fails = true;
    }
  }
  let absent = 0;
  if (baselineFindings !== undefined) {
    const reported = new Set<string>();
    for (const b of baselineFindings)
      if (!seen.has(b.fingerprint) && !reported.has(b.fingerprint)) {
        reported.add(b.fingerprint);
        absent++;
        await out.write(`${JSON.stringify({ absent: { ...b, baselineState: 'absent' } })}\n`);
      }
  }
  const summary = {
    findings: counts.findings,
    bySeverity,
    references: counts.references,
    ...(baselineFindings !== undefined
      ? { baseline: { new: counts.new, unchanged: counts.unchanged, absent } }
      : {}),
    coverage: scanPages([], index).coverage,
  };
  await out.write(`${JSON.stringify({ summary })}\n`);
  await out.flush();
  return fails ? EXIT_FINDINGS : EXIT_OK;
}

function parseScanFlags(args: string[]): ScanFlags {
  const { values } = parseFlags(
    args,
    {
      pages: { type: 'string' },
      demo: { type: 'boolean' },
      inventory: { type: 'string' },
      ...LIVE_AWS_OPTIONS,
      ...CONFLUENCE_OPTIONS,
      format: { type: 'string' },
      'pages-format': { type: 'string' },
      'fail-on': { type: 'string' },
      baseline: { type: 'string' },
      'fail-on-new': { type: 'boolean' },
    },
    'scan',
  );
  const source = parseConfluenceFlags(values, 'scan');
  const parsed = flagsSchema.safeParse({ ...values, confluence: source !== null });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(
      `scan: ${where}${issue?.message ?? 'invalid arguments'} (see runbookguard scan --help)`,
    );
  }
  // Same validation as `inventory` (role ARNs, External IDs, regions), shared, not copied.
  return { ...parsed.data, live: parseLiveAwsFlags(values, 'scan'), source };
}

async function loadInventory(flags: ScanFlags, io: CliIo, deps: ScanDeps): Promise<InventorySnapshot> {
  if (flags.demo) return loadSnapshotFile(demoFile('snapshot.json'), io.cwd);
  if (flags.inventory !== undefined) return loadSnapshotFile(flags.inventory, io.cwd);
  if (deps.collectLive) return deps.collectLive(flags.live, io);
  // Loaded only here: offline scans never pay for the AWS SDK. Progress and the coverage summary
  // go to stderr; stdout carries only the scan report.
  const { collectLiveInventory } = await import('./inventory');
  return collectLiveInventory(flags.live, io, {}, 'scan');
}

function render(
  report: ScanReport,
  format: ScanFlags['format'],
  io: CliIo,
  baseline: BaselineComparison | undefined,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(baseline ? withBaseline(report, baseline) : report, null, 2)}\n`;
    case 'sarif':
      return `${JSON.stringify(toSarif(report, toolVersion(), baseline), null, 2)}\n`;
    case 'table': {
      const table = renderScanTable(report, io.stdout.isTTY === true && !io.env.NO_COLOR);
      if (!baseline) return table;
      const c = baseline.counts;
      return `${table}Against the baseline: ${c.new} new, ${c.unchanged} unchanged, ${c.absent} absent\n`;
    }
    case 'ndjson':
      throw new Error('ndjson is streamed, not rendered');
  }
}

/** The JSON report with each finding's baselineState and the baseline's absent findings. */
function withBaseline(report: ScanReport, baseline: BaselineComparison): object {
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, baselineState: baseline.stateOf(f.fingerprint) })),
    baseline: { ...baseline.counts, absentFindings: baseline.absent },
  };
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** Informational findings never fail a scan; `never` reports without failing. */
export function failed(report: ScanReport, failOn: ScanFlags['fail-on']): boolean {
  if (failOn === 'never') return false;
  const threshold = failOn === 'error' ? 2 : 1;
  return report.findings.some((f) => RANK[f.severity] >= threshold);
}

function toolVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
