import type { DigestPage } from '../../core/digest';
import { indexSnapshot, scanPages, type ReferenceStatus } from '../../core/match';
import { str, strOrNull, type SqlExecutor } from '../../store/executor';
import { listFindings, type FindingStatus } from '../../store/repos/findings';
import { readLatestSnapshot } from '../../store/repos/snapshots';
import type { DigestSource } from './ports';

/** Still a problem: suppressed findings are a person's decision and stay out of the digest. */
const ACTIVE: readonly FindingStatus[] = ['open', 'acknowledged', 'reopened'];

/** Space key and name by space id; ids it does not answer for are shown as "space <id>". */
export type SpaceNames = (
  ids: readonly string[],
) => Promise<ReadonlyMap<string, { key: string; name: string }>>;

/**
 * The digest's input from the store: active findings, page titles and spaces, reference values and
 * the latest snapshot's coverage and resources. Null before the first snapshot exists.
 */
export async function digestSourceFromStore(
  db: SqlExecutor,
  siteUrl: string,
  spaceNames: SpaceNames = () => Promise.resolve(new Map()),
): Promise<DigestSource | null> {
  const snapshot = await readLatestSnapshot(db);
  if (snapshot === null) return null;
  const findings = [];
  for (let after: string | undefined; ;) {
    const batch = await listFindings(db, {
      statuses: ACTIVE,
      limit: 500,
      ...(after ? { afterFingerprint: after } : {}),
    });
    findings.push(...batch.map((f) => f.finding));
    if (batch.length < 500) break;
    after = batch[batch.length - 1]?.fingerprint;
  }
  const base = siteUrl.replace(/\/+$/, '');
  const pageRows = await db.query<Record<string, unknown>>(
    'SELECT page_id, space_id, space_key, title FROM rg_pages',
  );
  const names = await spaceNames([...new Set(pageRows.map((r) => str(r.space_id)))]);
  const pages: DigestPage[] = pageRows.map((r) => {
    const space = names.get(str(r.space_id));
    const key = space?.key ?? strOrNull(r.space_key) ?? `space ${str(r.space_id)}`;
    return {
      pageId: str(r.page_id),
      title: str(r.title),
      spaceKey: key,
      spaceName: space?.name ?? key,
      url: `${base}/pages/viewpage.action?pageId=${encodeURIComponent(str(r.page_id))}`,
    };
  });
  const refRows = await db.query<Record<string, unknown>>('SELECT DISTINCT value, status FROM rg_references');
  // Coverage exactly as a scan reports it: the summary of an empty scan over the same snapshot.
  const { coverage } = scanPages([], indexSnapshot(snapshot));
  return {
    findings,
    pages,
    coverage,
    resources: snapshot.resources,
    references: refRows.map((r) => ({ value: str(r.value), status: str(r.status) as ReferenceStatus })),
  };
}
