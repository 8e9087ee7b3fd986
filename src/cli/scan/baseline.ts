import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Finding, FindingKind, ScanReport, Severity } from '../../core/match';
import { UsageError } from '../errors';
import { readJsonFile } from '../json-file';

/**
 * `scan --baseline FILE`: an earlier scan's SARIF or JSON output. Findings are matched by their
 * fingerprint (page, reference, region, kind: stable across page versions), so each current finding
 * is `new` or `unchanged`, and each baseline finding missing now is `absent` (SARIF baselineState).
 */
export type BaselineState = 'new' | 'unchanged' | 'absent';

/** What a baseline keeps of a finding: enough to report it as absent. */
export interface BaselineFinding {
  fingerprint: string;
  kind: FindingKind;
  severity: Severity;
  pageId: string;
  pageTitle: string;
  value: string;
  message: string;
}

export interface BaselineComparison {
  stateOf(fingerprint: string): Exclude<BaselineState, 'absent'>;
  absent: BaselineFinding[];
  counts: { new: number; unchanged: number; absent: number };
}

const MAX_BASELINE_BYTES = 512 * 1024 * 1024;
const MAX_FINDINGS = 2_000_000;
const KINDS = ['missing', 'wrong-region', 'not-running', 'dangling', 'unverifiable'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const text = z.string().max(100_000);

const jsonBaseline = z.object({
  findings: z
    .array(
      z.object({
        fingerprint: z.string().min(1).max(200),
        kind: z.enum(KINDS),
        severity: z.enum(SEVERITIES),
        pageId: z.string().max(40),
        pageTitle: text,
        entity: z.object({ value: text }),
        message: text,
      }),
    )
    .max(MAX_FINDINGS),
});

const sarifBaseline = z.object({
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        results: z
          .array(
            z.object({
              ruleId: z.enum(KINDS),
              message: z.object({ text }),
              baselineState: z.enum(['new', 'unchanged', 'updated', 'absent']).optional(),
              partialFingerprints: z.object({ 'runbookguard/v1': z.string().min(1).max(200) }),
              properties: z.object({
                pageId: z.string().max(40),
                pageTitle: text,
                severity: z.enum(SEVERITIES),
                entity: z.object({ value: text }),
              }),
            }),
          )
          .max(MAX_FINDINGS),
      }),
    )
    .min(1)
    .max(16),
});

export async function loadBaseline(file: string, cwd: string): Promise<BaselineFinding[]> {
  try {
    const { size } = await stat(path.resolve(cwd, file));
    if (size > MAX_BASELINE_BYTES) throw new UsageError(`--baseline: ${file} is larger than 512 MiB`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // readJsonFile names the problem (no such file, a folder…).
  }
  const document = await readJsonFile(file, cwd);
  if (typeof document === 'object' && document !== null && 'runs' in document) {
    const parsed = sarifBaseline.safeParse(document);
    if (!parsed.success) throw invalid(file, 'SARIF from runbookguard scan --format sarif', parsed.error);
    // Results already absent in that run were not findings then either.
    return parsed.data.runs.flatMap((run) =>
      run.results
        .filter((r) => r.baselineState !== 'absent')
        .map((r) => ({
          fingerprint: r.partialFingerprints['runbookguard/v1'],
          kind: r.ruleId,
          severity: r.properties.severity,
          pageId: r.properties.pageId,
          pageTitle: r.properties.pageTitle,
          value: r.properties.entity.value,
          message: r.message.text,
        })),
    );
  }
  const parsed = jsonBaseline.safeParse(document);
  if (!parsed.success) throw invalid(file, 'the JSON or SARIF output of runbookguard scan', parsed.error);
  return parsed.data.findings.map((f) => ({
    fingerprint: f.fingerprint,
    kind: f.kind,
    severity: f.severity,
    pageId: f.pageId,
    pageTitle: f.pageTitle,
    value: f.entity.value,
    message: f.message,
  }));
}

function invalid(file: string, expected: string, error: z.ZodError): UsageError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return new UsageError(`--baseline: ${file} is not ${expected}${where}: ${issue?.message ?? 'invalid'}`);
}

export function compareWithBaseline(
  report: ScanReport,
  baseline: readonly BaselineFinding[],
): BaselineComparison {
  const before = new Set(baseline.map((b) => b.fingerprint));
  const now = new Set(report.findings.map((f) => f.fingerprint));
  const absent: BaselineFinding[] = [];
  const reported = new Set<string>();
  for (const b of baseline)
    if (!now.has(b.fingerprint) && !reported.has(b.fingerprint)) {
      reported.add(b.fingerprint);
      absent.push(b);
    }
  const unchanged = report.findings.filter((f) => before.has(f.fingerprint)).length;
  return {
    stateOf: (fingerprint) => (before.has(fingerprint) ? 'unchanged' : 'new'),
    absent,
    counts: { new: report.findings.length - unchanged, unchanged, absent: absent.length },
  };
}

/** The findings that count for `--fail-on-new`. */
export function newFindings(report: ScanReport, comparison: BaselineComparison): Finding[] {
  return report.findings.filter((f) => comparison.stateOf(f.fingerprint) === 'new');
}
