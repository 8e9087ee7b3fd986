import { extractPage, type PageExtraction, type PageInput } from '../src/core/extract';
import { indexSnapshot, scanPages } from '../src/core/match';
import { generateSpace } from './generate-space';
import { inventoryForSpace } from './match';

/**
 * One whole offline scan in a process of its own, so its peak RSS is the scan's and not whatever
 * the bench did before: `node scan-run.js PAGES` prints one JSON line. The pages are generated
 * into memory first (as the CLI holds a pages file), then timed: indexing the 100,000-resource
 * snapshot, extracting and matching page by page (as `runbookguard scan` does), the report.
 */
export interface ScanRun {
  pages: number;
  bytes: number;
  resources: number;
  ms: number;
  references: number;
  findings: number;
  peakRssMiB: number;
}

function* extractEach(pages: readonly PageInput[]): Generator<PageExtraction> {
  for (const page of pages) yield extractPage(page);
}

function run(pages: number): ScanRun {
  const space = generateSpace(pages);
  const snapshot = inventoryForSpace(space, 100_000);
  const bytes = space.reduce((n, p) => n + p.storage.length, 0);
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const report = scanPages(extractEach(space), indexSnapshot(snapshot));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return {
    pages,
    bytes,
    resources: snapshot.resources.length,
    ms,
    references: report.references.length,
    findings: report.findings.length,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(run(Number(process.argv[2] ?? '625')))}\n`);
}
