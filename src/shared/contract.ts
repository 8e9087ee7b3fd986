import { z } from 'zod';

/**
 * The resolver contract: every function the Custom UI may call, its payload schema and its answer
 * type. The backend validates each payload with these schemas; the UI can use the same ones to
 * build requests. Adding a function here without implementing it fails the typecheck.
 */
export const resolverPayloads = {
  /** Anyone who can open a RunbookGuard view: what the app can tell this user about itself. */
  getStatus: z.object({}).strict(),
} as const;

export type ResolverKey = keyof typeof resolverPayloads;
export type ResolverPayload<K extends ResolverKey> = z.infer<(typeof resolverPayloads)[K]>;

export interface StatusView {
  /** Whether the caller is a Confluence site admin (checked server-side, as the caller). */
  isSiteAdmin: boolean;
  /** The newest schema migration this install has applied, or null before the first. */
  schemaVersion: string | null;
  /** Whether that is the newest migration this app version ships. */
  schemaCurrent: boolean;
}

export interface ResolverResults {
  getStatus: StatusView;
}
