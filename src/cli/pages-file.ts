import { z } from 'zod';
import type { PageInput } from '../core/extract';
import { UsageError } from './errors';
import { describePath, readJsonFile } from './json-file';

/**
 * Bounds on a pages file: Confluence titles are at most 255 characters; a storage body above 50 MiB
 * is no runbook, and a crafted file fails here instead of exhausting memory.
 */
export const PAGES_FILE_LIMITS = { pages: 1_000_000, title: 1_000, storage: 50 * 1024 * 1024 } as const;

/** A Confluence REST API v2 page, fetched with body-format=storage. Other fields are ignored. */
export const pageSchema = z.object({
  id: z.union([z.string().min(1).max(64), z.number().int().nonnegative()]).transform(String),
  title: z.string().max(PAGES_FILE_LIMITS.title),
  version: z.object({ number: z.number().int().nonnegative() }),
  body: z.object(
    {
      storage: z.object(
        { value: z.string().max(PAGES_FILE_LIMITS.storage) },
        { error: 'missing body.storage (fetch pages with body-format=storage)' },
      ),
    },
    { error: 'missing body (fetch pages with body-format=storage)' },
  ),
});

const pages = z.array(z.unknown()).max(PAGES_FILE_LIMITS.pages);
const pagesFileSchema = z.union([z.object({ results: pages }), pages], {
  error: 'expected a Confluence page list {"results":[…]} or a JSON array of pages',
});

/** Parses and validates a pages document; every problem becomes one readable line. */
export function parsePagesDocument(document: unknown, source: string): PageInput[] {
  const list = pagesFileSchema.safeParse(document);
  if (!list.success) throw new UsageError(`${source}: ${list.error.issues[0]?.message ?? 'not a page list'}`);
  const items = Array.isArray(list.data) ? list.data : list.data.results;
  return items.map((item, index) => validatedPage(item, index, source));
}

/** One page of a pages file, validated; the first problem becomes one readable line naming the page. */
export function validatedPage(item: unknown, index: number, source: string): PageInput {
  const page = pageSchema.safeParse(item);
  if (!page.success) {
    const issue = page.error.issues[0];
    const id = typeof item === 'object' && item !== null && 'id' in item ? ` (id ${String(item.id)})` : '';
    const where = issue ? describePath(issue.path) : '';
    throw new UsageError(
      `${source}: page ${index + 1}${id}${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return {
    id: page.data.id,
    title: page.data.title,
    version: page.data.version.number,
    storage: page.data.body.storage.value,
  };
}

export async function loadPagesFile(file: string, cwd: string): Promise<PageInput[]> {
  return parsePagesDocument(await readJsonFile(file, cwd), file);
}
