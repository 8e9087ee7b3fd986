import { SchemaNotReadyError } from '../../store/migrate';
import { applyRetention } from '../../store/retention';
import { forgeDeps } from '../deps';
import { weeklyDigestOptions } from '../digest/forge';
import { runWeeklyDigest } from '../digest/run';
import { resumeStalledScan, startScan } from '../jobs/scan/start';
import { describeError } from '../log';
import { ensureSchemaWith } from '../schema';
import { readSettings } from '../settings';

/**
 * What a scheduled trigger must answer: Forge records anything else as a 424 failure
 * (developer.atlassian.com/platform/forge/function-reference/scheduled-trigger/).
 */
export interface ScheduledAnswer {
  statusCode: number;
}

const DONE: ScheduledAnswer = { statusCode: 204 };

/**
 * manifest: scheduled trigger `daily-scan`: the retention policy (Forge SQL's 1 GiB per install),
 * then a full scan — or, when one is still running but stalled (its runtime crashed), resuming it.
 * Without a connected AWS account there is nothing to check pages against, so no scan starts.
 */
export async function dailyScan(): Promise<ScheduledAnswer> {
  const deps = forgeDeps();
  try {
    await ensureSchemaWith(deps);
  } catch (error) {
    // Scheduled triggers are not retried: tomorrow's run (or any other entry point) finishes it.
    if (!(error instanceof SchemaNotReadyError)) throw error;
    deps.log.info('schema not ready; daily scan skipped', { retryAfterSeconds: error.retryAfterSeconds });
    return DONE;
  }
  const { deleted } = await applyRetention(deps.db, deps.now());
  deps.log.info('retention applied', { deleted });
  if ((await readSettings(deps.kv)).accounts.length === 0) {
    deps.log.info('no AWS account connected; daily scan skipped');
    return DONE;
  }
  const started = await startScan(deps, null);
  if (!started.started) await resumeStalledScan(deps);
  return DONE;
}

/**
 * manifest: scheduled trigger `digest-schedule` (daily), function `weekly-digest`: the digest e-mail
 * through Resend (src/forge/digest), sent only on the admin's weekday and once per ISO week.
 * Scheduled triggers are not retried, so a failure is logged (redacted) and the next send day
 * picks up with the same idempotency keys for the same week.
 */
export async function weeklyDigest(): Promise<ScheduledAnswer> {
  const deps = forgeDeps();
  try {
    await ensureSchemaWith(deps);
    const result = await runWeeklyDigest(await weeklyDigestOptions(deps));
    deps.log.info('weekly digest', { ...result });
  } catch (error) {
    deps.log.error('weekly digest failed', describeError(error));
  }
  return DONE;
}
