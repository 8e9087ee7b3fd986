import { z } from 'zod';
import { recordOutbox, type OutboxEvent } from '../../../store/repos/outbox';
import type { AppDeps } from '../../deps';

/**
 * The full-scan job's queue events. Each names its scan and chunk: the chunk id is the unit of
 * idempotency (rg_scan_chunks) and of resumption (rg_scan_outbox). Bodies stay tiny: ids, a cursor
 * or a page-id range, never page content, far under the 200 KB per push.
 */
const base = { type: z.literal('scan-chunk'), scanId: z.string().uuid(), chunkId: z.string().max(64) };
export const scanChunkSchema = z.discriminatedUnion('step', [
  z.object({
    ...base,
    step: z.literal('pages'),
    seq: z.number().int().min(0),
    cursor: z.string().max(2048).nullable(),
    /**
     * The scan scope, fixed when the scan started: absent for every page (the plain page list),
     * a CQL query (content search), or 'none' when nothing is in scope.
     */
    cql: z.string().min(1).max(20_000).optional(),
    none: z.literal(true).optional(),
  }),
  z.object({ ...base, step: z.literal('inventory'), account: z.string().regex(/^\d{12}$/) }),
  z.object({ ...base, step: z.literal('inventory-commit') }),
  z.object({
    ...base,
    step: z.literal('match'),
    from: z.string().regex(/^\d+$/),
    to: z.string().regex(/^\d+$/),
  }),
  z.object({ ...base, step: z.literal('finalize') }),
]);
export type ScanChunk = z.infer<typeof scanChunkSchema>;

type Step<S extends ScanChunk['step']> = Omit<Extract<ScanChunk, { step: S }>, 'type' | 'scanId' | 'chunkId'>;

export const chunk = {
  pages: (
    seq: number,
    cursor: string | null,
    scope: { cql?: string; none?: true } = {},
  ): Step<'pages'> & { chunkId: string } => ({
    chunkId: `pages:${seq}`,
    step: 'pages',
    seq,
    cursor,
    ...scope,
  }),
  inventory: (account: string) => ({ chunkId: `inventory:${account}`, step: 'inventory' as const, account }),
  commit: () => ({ chunkId: 'inventory-commit', step: 'inventory-commit' as const }),
  match: (i: number, from: string, to: string) => ({
    chunkId: `match:${i}`,
    step: 'match' as const,
    from,
    to,
  }),
  finalize: () => ({ chunkId: 'finalize', step: 'finalize' as const }),
};

/**
 * One chunk at a time per install: Forge runs at most one event with this key concurrently, so
 * the per-invocation SQL rate limit (src/store/rate-limit.ts) bounds the install's rate as a whole.
 */
export const SCAN_CONCURRENCY = { key: 'runbookguard-scan-job', limit: 1 } as const;

/**
 * Outbox first, then the queue: if the push is lost (or the runtime dies before it), resuming the
 * scan finds the row and pushes it again. Duplicates are harmless: chunks are idempotent.
 */
export async function enqueue(
  deps: AppDeps,
  scanId: string,
  steps: readonly ({ chunkId: string } & Record<string, unknown>)[],
  delayInSeconds?: number,
): Promise<void> {
  const events: OutboxEvent[] = steps.map((s) => ({
    chunkId: s.chunkId,
    body: { type: 'scan-chunk', scanId, ...s },
  }));
  await recordOutbox(deps.db, scanId, events, deps.now());
  await deps.queue.push(
    events.map((e) => ({
      body: e.body,
      concurrency: SCAN_CONCURRENCY,
      ...(delayInSeconds === undefined ? {} : { delayInSeconds }),
    })),
  );
}
