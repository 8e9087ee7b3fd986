import { z } from 'zod';
import { forgeDeps } from '../deps';
import { recheckPage } from '../jobs/recheck-page';
import { describeError } from '../log';
import { ensureSchemaWith } from '../schema';

const bodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page-recheck'), pageId: z.string().regex(/^\d+$/) }),
]);

/**
 * manifest: consumer of the `runbookguard-scan` queue (900 s). Delivery is at least once, so every
 * job type here is idempotent. Malformed bodies are logged and dropped: retrying cannot fix them.
 */
export async function scanWorker(event: { body?: unknown }): Promise<void> {
  const deps = forgeDeps();
  const parsed = bodySchema.safeParse(event.body);
  if (!parsed.success) {
    deps.log.warn('dropping malformed queue event', { issues: parsed.error.issues.length });
    return;
  }
  await ensureSchemaWith(deps.kv);
  try {
    const result = await recheckPage(deps, parsed.data.pageId);
    deps.log.info('page re-checked', { pageId: parsed.data.pageId, findings: result?.findings ?? null });
  } catch (error) {
    deps.log.error('page re-check failed', { pageId: parsed.data.pageId, error: describeError(error) });
    throw error; // let the queue retry
  }
}
