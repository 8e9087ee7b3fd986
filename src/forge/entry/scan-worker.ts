import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { forgeDeps } from '../deps';
import { recheckPage } from '../jobs/recheck-page';
import { scanChunkSchema } from '../jobs/scan/events';
import { runScanChunk } from '../jobs/scan/run-chunk';
import { describeError } from '../log';
import { SchemaNotReadyError } from '../../store/migrate';
import { ensureSchemaWith } from '../schema';

const recheckSchema = z.object({ type: z.literal('page-recheck'), pageId: z.string().regex(/^\d+$/) });
/** Queued by a lifecycle trigger that could not finish migrations within its 25 s. */
const migrateSchema = z.object({ type: z.literal('migrate') });
const bodySchema = z.union([recheckSchema, migrateSchema, scanChunkSchema]);

/** Seconds before a failed event is delivered again. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * A failed event asks the queue for a retry the documented way (an InvocationError answer) rather
 * than relying on a thrown error being retried; thrown errors and timeouts still are, locally.
 */
function retry(after = RETRY_AFTER_SECONDS): InvocationError {
  return new InvocationError({
    retryAfter: Math.min(900, Math.max(1, after)),
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

/**
 * manifest: consumer of the `runbookguard-scan` queue (900 s). Delivery is at least once, so every
 * job type here is idempotent. Malformed bodies are logged and dropped: retrying cannot fix them.
 */
export async function scanWorker(event: { body?: unknown }): Promise<void | InvocationError> {
  const deps = forgeDeps();
  const parsed = bodySchema.safeParse(event.body);
  if (!parsed.success) {
    deps.log.warn('dropping malformed queue event', { issues: parsed.error.issues.length });
    return;
  }
  try {
    // The consumer has 900 s: enough to wait out the DDL budget for the rest of a schema.
    await ensureSchemaWith(deps);
  } catch (error) {
    if (!(error instanceof SchemaNotReadyError)) throw error;
    deps.log.info('schema not ready; event retried', { retryAfterSeconds: error.retryAfterSeconds });
    return retry(error.retryAfterSeconds);
  }
  const body = parsed.data;
  if (body.type === 'migrate') return;
  if (body.type === 'scan-chunk') {
    try {
      const outcome = await runScanChunk(deps, body);
      deps.log.info('scan chunk', { scanId: body.scanId, chunkId: body.chunkId, outcome });
    } catch (error) {
      deps.log.error('scan chunk failed', {
        scanId: body.scanId,
        chunkId: body.chunkId,
        error: describeError(error),
      });
      throw error; // let the queue retry
    }
    return;
  }
  try {
    const result = await recheckPage(deps, body.pageId);
    if (result !== null && 'outOfScope' in result)
      deps.log.info('page outside the scan scope', { pageId: body.pageId, resolved: result.outOfScope });
    else deps.log.info('page re-checked', { pageId: body.pageId, findings: result?.findings ?? null });
  } catch (error) {
    deps.log.error('page re-check failed', { pageId: body.pageId, error: describeError(error) });
    return retry();
  }
}
