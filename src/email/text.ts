import type { Digest } from '../core/digest';
import { byPage, KIND_LABEL, moreSpacesLine, periodLine, plural, SEVERITY_LABEL } from './format';

const withUrl = (title: string, url: string | null): string => (url === null ? title : `${title} <${url}>`);

/** The plain-text part: the same content as the HTML, readable in a terminal or a text-only client. */
export function renderDigestText(digest: Digest, optOutUrl: string | null): string {
  const out: string[] = [];
  const { totals, coverage: c } = digest;
  out.push(
    `RunbookGuard weekly digest · ${digest.installName}`,
    '',
    digest.subject,
    periodLine(digest.period, digest.week),
    '',
  );
  out.push(
    `${totals.newFindings} ${digest.firstDigest ? 'open findings' : 'new since last digest'} · ${totals.resolved} fixed · ${totals.open} open (${plural(totals.openErrors, 'error', 'errors')})`,
    '',
    `Open the dashboard: ${digest.dashboardUrl}`,
    '',
  );
  if (digest.quiet) out.push('Nothing changed in your runbooks since the last digest.', '');
  for (const space of digest.spaces) {
    out.push(`== ${space.key} — ${space.name} (${space.openCount} open)`, '');
    if (space.newCount > 0) {
      out.push(`New (${space.newCount}):`);
      for (const page of byPage(space.newFindings)) {
        out.push(`* ${withUrl(page.title, page.url)}`);
        for (const f of page.items) {
          out.push(`  - [${SEVERITY_LABEL[f.severity]}, ${KIND_LABEL[f.kind]}] ${f.value}`);
          out.push(`    ${f.message}${f.suggestion !== null ? ` Suggested: ${f.suggestion}` : ''}`);
        }
      }
      if (space.newCount > space.newFindings.length)
        out.push(`  and ${space.newCount - space.newFindings.length} more on the dashboard`);
      out.push('');
    }
    if (space.resolvedCount > 0) {
      out.push(`Fixed (${space.resolvedCount}):`);
      for (const f of space.resolved)
        out.push(`- ${f.value} (${KIND_LABEL[f.kind]}) on ${withUrl(f.pageTitle, f.pageUrl)}`);
      if (space.resolvedCount > space.resolved.length)
        out.push(`  and ${space.resolvedCount - space.resolved.length} more on the dashboard`);
      out.push('');
    }
  }
  if (digest.moreSpaces.count > 0)
    out.push(`${moreSpacesLine(digest.moreSpaces)} See them on the dashboard: ${digest.dashboardUrl}`, '');
  if (digest.mostAffected.length > 0) {
    out.push('== Most affected pages', '');
    for (const p of digest.mostAffected)
      out.push(
        `- ${withUrl(p.title, p.url)} [${p.spaceKey}]: ${plural(p.errors, 'error', 'errors')}, ${plural(p.warnings, 'warning', 'warnings')}`,
      );
    out.push('');
  }
  out.push('== Coverage', '');
  if (c.newlyUnscannedRegions.length > 0)
    out.push(
      `- New scan problems in ${c.newlyUnscannedRegions.join(', ')}: references there may not be checked`,
    );
  if (c.rescannedRegions.length > 0) out.push(`- Scanning fully again: ${c.rescannedRegions.join(', ')}`);
  for (const p of c.regionProblems) out.push(`- ${p.region} not fully scanned (${p.services.join(', ')})`);
  out.push(
    `- ${plural(c.unreferencedCount, 'resource is', 'resources are')} not named in any runbook${c.newlyUnreferencedCount > 0 ? `, ${c.newlyUnreferencedCount} new since the last digest` : ''}`,
  );
  for (const r of c.newlyUnreferenced)
    out.push(`  ${r.id} ${r.kind} · ${r.account} · ${r.region ?? 'global'}`);
  out.push('', '--');
  out.push(
    `A Confluence admin of ${digest.installName} added you to RunbookGuard's weekly digest. It lists page titles, links and what was found; it never contains page content or credentials.`,
  );
  if (optOutUrl !== null) out.push(`Unsubscribe: ${optOutUrl}`);
  return `${out.join('\n')}\n`;
}
