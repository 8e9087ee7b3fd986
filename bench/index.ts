import { benchExtract } from './extract';
import { benchForge } from './forge';
import { benchInventory } from './inventory';
import { benchMatch } from './match';

/** `npm run bench`: prints figures; it asserts nothing (targets are read, not enforced). */
async function main(): Promise<void> {
  console.log(`RunbookGuard bench · node ${process.version} · ${process.platform}/${process.arch}`);
  benchExtract();
  await benchMatch();
  await benchInventory();
  // Opt-in: the 10,000-page × 100,000-resource Forge job takes about 3.5 minutes on two cores and
  // needs MariaDB; `npm run bench:forge` runs it alone.
  if (process.env.RG_BENCH_FORGE === '1') await benchForge();
  else console.log('\nForge scan job: skipped (RG_BENCH_FORGE=1 or npm run bench:forge; ~3.5 min, MariaDB)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
