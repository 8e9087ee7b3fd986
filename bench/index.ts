import { benchExtract } from './extract';
import { benchForge } from './forge';
import { benchInventory } from './inventory';
import { benchInventoryViews } from './inventory-views';
import { benchMatch } from './match';
import { benchRealWorld } from './real-world';
import { benchScope } from './scope';
import { benchUiDashboard } from './ui-dashboard';

/** `npm run bench`: prints figures; it asserts nothing (targets are read, not enforced). */
async function main(): Promise<void> {
  console.log(`RunbookGuard bench · node ${process.version} · ${process.platform}/${process.arch}`);
  benchExtract();
  benchRealWorld();
  await benchMatch();
  await benchInventory();
  // The 10,000-page × 100,000-resource Forge job: about 2.5 minutes on two cores, on the MariaDB at
  // FORGE_SQL_URL (default 127.0.0.1:3306). RG_BENCH_FORGE=0 skips it; `npm run bench:forge` runs it alone.
  if (process.env.RG_BENCH_FORGE === '0') console.log('\nForge scan job: skipped (RG_BENCH_FORGE=0)');
  else await benchForge();
  // Confluence requests of a scan by scope (10,000 pages, 500 runbooks; MariaDB as above).
  if (process.env.RG_BENCH_FORGE === '0') console.log('\nScan scope: skipped (RG_BENCH_FORGE=0)');
  else await benchScope();
  // The Coverage and Inventory tabs over a 100,000-resource snapshot (MariaDB as above).
  if (process.env.RG_BENCH_FORGE === '0') console.log('\nInventory views: skipped (RG_BENCH_FORGE=0)');
  else await benchInventoryViews();
  // The dashboard with 10,000 findings in Chromium (needs npm run build:ui and the same MariaDB).
  // RG_BENCH_UI=0 skips it; `node dist/bench/ui-dashboard.js` runs it alone.
  if (process.env.RG_BENCH_UI === '0') console.log('\nDashboard UI: skipped (RG_BENCH_UI=0)');
  else await benchUiDashboard();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
