import { QueueCrashed } from '../../src/local/queue-service';
import { ADMIN, connectDemoAccounts, findingRows, harness, manyPages, type Harness } from './support/app';

/**
 * 130 pages: three page-list chunks, two inventory chunks, a commit, two match chunks, finalize.
 * The runtime is killed at random chunk boundaries (every pending event is lost with it), restarted
 * over the same database, and the scan resumed, until it finishes. The result must equal an
 * undisturbed run: the same findings and references, one scan, no duplicate rows.
 */
const PAGES = 130;

/** A small deterministic PRNG so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function outcome(h: Harness) {
  const [refs] = await h.t.pool.query(
    'SELECT page_id, ref_key, status, fingerprint FROM rg_references ORDER BY page_id, ref_key',
  );
  const [runs] = await h.t.pool.query('SELECT state, pages_total, pages_done, resources FROM rg_scan_runs');
  const [pages] = await h.t.pool.query('SELECT COUNT(*) AS n FROM rg_scan_pages');
  return { findings: await findingRows(h.t), refs, runs, scanPages: pages };
}

let reference: Awaited<ReturnType<typeof outcome>>;

beforeAll(async () => {
  const h = await harness('crash_ref', { pages: manyPages(PAGES) });
  try {
    await connectDemoAccounts(h.forge);
    expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
    await h.forge.drain();
    reference = await outcome(h);
    expect(reference.runs).toEqual([
      { state: 'succeeded', pages_total: PAGES, pages_done: PAGES, resources: 92 },
    ]);
  } finally {
    await h.close();
  }
});

test.each([11, 23, 37])(
  'killed at random chunk boundaries (seed %i), resumed to identical results',
  async (seed) => {
    const random = prng(seed);
    const h = await harness(`crash_${seed}`, { pages: manyPages(PAGES) });
    try {
      await connectDemoAccounts(h.forge);
      expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
      let crashes = 0;
      for (let round = 0; round < 50; round++) {
        // Each incarnation dies after a random number of deliveries (duplicates sprinkled in).
        const lifetime = Math.floor(random() * 4);
        const forge = h.restart({
          queue: { fault: (_e, n) => (n >= lifetime ? 'crash' : random() < 0.2 ? 'duplicate' : 'none') },
        });
        if (round > 0) await forge.resumeScan();
        try {
          await forge.drain();
          const [state] = await h.t.pool.query('SELECT state FROM rg_scan_runs');
          if ((state as { state: string }[])[0]?.state !== 'running') break;
        } catch (error) {
          if (!(error instanceof QueueCrashed)) throw error;
          crashes += 1;
        }
      }
      expect(crashes).toBeGreaterThan(2);
      expect(await outcome(h)).toEqual(reference);
    } finally {
      await h.close();
    }
  },
);
