import { view } from '@forge/bridge';
import * as z from 'zod/mini';

/**
 * The parts of the host's Custom UI context the app reads. The host is Confluence (or the local
 * runtime); its answer is still validated, so a missing field shows a clear state, not a crash.
 */
const idSchema = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((v) => String(v)),
);
const contextSchema = z.object({
  accountId: z.optional(z.string()),
  siteUrl: z.optional(z.string()),
  moduleKey: z.optional(z.string()),
  extension: z.optional(
    z.object({
      type: z.optional(z.string()),
      content: z.optional(z.object({ id: z.optional(idSchema) })),
      space: z.optional(z.object({ id: z.optional(idSchema), key: z.optional(z.string()) })),
    }),
  ),
  theme: z.optional(z.object({ colorMode: z.optional(z.string()) })),
});

export type HostContext = z.infer<typeof contextSchema>;

export async function hostContext(): Promise<HostContext> {
  const parsed = contextSchema.safeParse(await view.getContext());
  return parsed.success ? parsed.data : {};
}

/** The Confluence page a macro or byline item sits on, if the host said. */
export function contentId(context: HostContext): string | null {
  const id = context.extension?.content?.id;
  return id !== undefined && /^\d{1,32}$/.test(id) ? id : null;
}
