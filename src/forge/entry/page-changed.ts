import { z } from 'zod';
import { forgeDeps } from '../deps';

const eventSchema = z.object({ content: z.object({ id: z.union([z.string(), z.number()]) }) });

/**
 * manifest: trigger on page created/updated — queues a re-check of just that page (the consumer
 * has 900 s; a product trigger should return quickly). Events for other content are ignored.
 */
export async function pageChanged(event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return;
  const deps = forgeDeps();
  await deps.queue.push([{ body: { type: 'page-recheck', pageId: String(parsed.data.content.id) } }]);
}
