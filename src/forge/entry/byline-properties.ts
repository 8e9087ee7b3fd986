import { z } from 'zod';
import { bylineTitle, pageSummary } from '../../shared/page-summary';
import { appendAudit } from '../../store/repos/audit';
import { forgeDeps, type AppDeps } from '../deps';
import { AppError } from '../errors';
import { describeError } from '../log';
import { getPageReport } from '../resolvers/page-report';
import { ensureSchemaWith } from '../schema';

/** What Confluence shows in the byline before the dialog is opened. */
export interface BylineProperties {
  title: string;
  tooltip: string;
}

const NEUTRAL: BylineProperties = { title: 'RunbookGuard', tooltip: 'Stale AWS references on this page' };

// The parts of the invocation we read. Forge passes the module's extension context (the page the
// byline is on) in the payload and the viewing user as the invocation's principal; both shapes it
// has used are accepted, anything else answers the manifest's static title.
const id = z.union([z.string(), z.number()]).transform(String);
const extension = z.object({ content: z.object({ id }).optional() }).optional();
const payloadSchema = z.object({
  extension,
  context: z.object({ accountId: z.string().optional(), extension }).optional(),
});
const contextSchema = z.object({ principal: z.object({ accountId: z.string() }).optional() });

function pageAndUser(payload: unknown, context: unknown): { pageId: string; accountId: string } | null {
  const p = payloadSchema.safeParse(payload ?? {});
  const c = contextSchema.safeParse(context ?? {});
  if (!p.success) return null;
  const pageId = p.data.extension?.content?.id ?? p.data.context?.extension?.content?.id;
  const accountId = (c.success ? c.data.principal?.accountId : undefined) ?? p.data.context?.accountId;
  if (pageId === undefined || !/^\d{1,32}$/.test(pageId) || accountId === undefined || accountId === '')
    return null;
  return { pageId, accountId };
}

/**
 * The byline item's title from the page's counts, for the viewing user ("RunbookGuard: 3 stale").
 * The same report and permission check as the getPageReport resolver: someone who cannot view the
 * page gets the static title (and the denial is audited). Never throws: the byline must render.
 */
export async function bylineTitleFor(
  payload: unknown,
  context: unknown,
  deps: AppDeps,
): Promise<BylineProperties> {
  const who = pageAndUser(payload, context);
  if (who === null) return NEUTRAL;
  try {
    await ensureSchemaWith(deps);
    const report = await getPageReport({ pageId: who.pageId }, { accountId: who.accountId }, deps);
    return {
      title: bylineTitle(report.counts, report.lastCheckedAt),
      tooltip: `RunbookGuard: ${pageSummary(report.counts, report.lastCheckedAt)}`,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      await appendAudit(
        deps.db,
        { actor: who.accountId, action: 'bylineProperties', target: null, outcome: 'denied', detail: null },
        deps.now(),
      ).catch((e: unknown) => deps.log.error('audit write failed', { error: describeError(e) }));
    } else {
      deps.log.error('byline properties failed', { error: describeError(error) });
    }
    return NEUTRAL;
  }
}

/** manifest: the byline item's dynamicProperties function. */
export async function bylineProperties(payload: unknown, context: unknown): Promise<BylineProperties> {
  return bylineTitleFor(payload, context, forgeDeps());
}
