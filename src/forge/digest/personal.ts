import { str, type SqlExecutor } from '../../store/executor';
import { allSubscriptions } from '../../store/repos/subscriptions';
import type { PersonalDigest } from './run';

/**
 * The weekly run's personal recipients from the store: each subscription's pages (a person's own
 * pages by the owner Confluence reported, or every page of a space), merged per address.
 */
export async function personalDigestsFromStore(db: SqlExecutor): Promise<PersonalDigest[]> {
  const byEmail = new Map<string, Set<string>>();
  for (const s of await allSubscriptions(db)) {
    const rows =
      s.kind === 'own-pages'
        ? await db.query<{ page_id: unknown }>(
            'SELECT page_id FROM rg_page_people WHERE owner_id = ? LIMIT 10000',
            [s.accountId],
          )
        : await db.query<{ page_id: unknown }>(
            'SELECT page_id FROM rg_pages WHERE space_id = ? LIMIT 10000',
            [s.spaceId],
          );
    const pages = byEmail.get(s.email) ?? new Set<string>();
    for (const r of rows) pages.add(str(r.page_id));
    byEmail.set(s.email, pages);
  }
  return [...byEmail.entries()].map(([email, pageIds]) => ({ email, pageIds }));
}
