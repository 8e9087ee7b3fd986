import { z } from 'zod';
import { appendAudit } from '../../store/repos/audit';
import { forgeDeps } from '../deps';
import { ensureSigningKey, kvOptOuts } from '../digest/kvs-ports';
import { optOutEndpoint, type OptOutResponse } from '../digest/opt-out-trigger';
import { describeError } from '../log';
import { ensureSchemaWith } from '../schema';

// The parts of Forge's web trigger request we read; anything else about it is ignored.
// Bounded: anyone can call the trigger, and a token is a few hundred characters.
const requestSchema = z.object({
  method: z.string().max(16),
  queryParameters: z
    .record(z.string().max(64), z.array(z.string().max(2048)).max(4).optional())
    .refine((q) => Object.keys(q).length <= 16, { message: 'too many query parameters' })
    .optional(),
});

const plain = (statusCode: number, text: string): OptOutResponse => ({
  statusCode,
  headers: { 'Content-Type': ['text/plain; charset=utf-8'], 'Cache-Control': ['no-store'] },
  body: text,
});

/**
 * manifest: webtrigger `digest-opt-out` — the digest's unsubscribe link (GET asks, POST opts out;
 * src/forge/digest/opt-out-trigger.ts). Anyone on the internet can call it: the signed token is the
 * only authority, and failures answer without details.
 */
export async function digestOptOut(request: unknown): Promise<OptOutResponse> {
  const parsed = requestSchema.safeParse(request);
  if (!parsed.success) return plain(400, 'Bad request.');
  const deps = forgeDeps();
  try {
    await ensureSchemaWith(deps);
    return await optOutEndpoint(parsed.data, {
      installId: deps.installId,
      signingKey: await ensureSigningKey(deps.kv),
      optOuts: kvOptOuts(deps.kv),
      audit: { append: (entry) => appendAudit(deps.db, entry, deps.now()) },
    });
  } catch (error) {
    deps.log.error('opt-out failed', describeError(error));
    return plain(500, 'Something went wrong; please try the link again later.');
  }
}
