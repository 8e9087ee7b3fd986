import { createColors } from 'picocolors';
import type { Finding, ScanReport, Severity } from '../../core/match';
import { printable } from '../terminal-text';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings for people: grouped by page, worst first, each with its suggestion; one summary line. */
export function renderScanTable(report: ScanReport, color: boolean): string {
  const c = createColors(color);
  const mark: Record<Severity, string> = {
    error: c.red('✖ error  '),
    warning: c.yellow('▲ warning'),
    info: c.blue('ℹ info   '),
  };
  const lines: string[] = [];
  const byPage = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byPage.get(f.pageId);
    if (list) list.push(f);
    else byPage.set(f.pageId, [f]);
  }
  for (const findings of byPage.values()) {
    const first = findings[0] as Finding;
    lines.push(
      c.bold(printable(first.pageTitle)) +
        c.dim(`  (page ${printable(first.pageId)}, v${first.pageVersion})`),
    );
    for (const f of [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) {
      const where =
        f.location.headingPath.length > 0 ? printable(f.location.headingPath.join(' › ')) : 'top of page';
      lines.push(
        `  ${mark[f.severity]}  ${f.kind.padEnd(12)}  ${c.cyan(printable(f.entity.value))}  ${c.dim(`${f.entity.type} · ${where}`)}`,
      );
      lines.push(`               ${printable(f.message)}`);
      if (f.suggestion)
        lines.push(
          `               ${c.green(`→ ${printable(f.suggestion.value)}`)} ${c.dim(`(${printable(f.suggestion.reason)})`)}`,
        );
    }
    lines.push('');
  }
  lines.push(summaryLine(report, c.bold));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(report: ScanReport, bold: (s: string) => string = (s) => s): string {
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const pages = new Set(report.references.map((r) => r.pageId)).size;
  const flagged = new Set(report.findings.map((f) => f.pageId)).size;
  const statuses = new Map<string, number>();
  for (const r of report.references) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const n = report.findings.length;
  const head =
    n === 0
      ? 'No findings'
      : `${n} finding${n === 1 ? '' : 's'} on ${flagged} of ${pages} page${pages === 1 ? '' : 's'}: ` +
        `${count('error')} error${count('error') === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info`;
  const refs =
    `${report.references.length} references (${statuses.get('ok') ?? 0} ok` +
    `, ${statuses.get('unchecked') ?? 0} outside what we collect` +
    `, ${statuses.get('placeholder') ?? 0} placeholders)`;
  const cov = report.coverage;
  const where = `snapshot ${cov.snapshotTakenAt}, ${cov.accounts.length} account${cov.accounts.length === 1 ? '' : 's'}, regions ${cov.regionsScanned.join(', ') || 'none'}`;
  const n2 = cov.problems.length;
  const problems = n2 > 0 ? `, ${n2} scan${n2 === 1 ? '' : 's'} failed` : '';
  return `${bold(head)} · ${refs} · ${printable(where)}${problems}`;
}
