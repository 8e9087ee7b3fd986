import { benchExtract } from './extract';
import { benchInventory } from './inventory';
import { benchMatch } from './match';

/** `npm run bench`: prints figures; it asserts nothing (targets are read, not enforced). */
async function main(): Promise<void> {
  console.log(`RunbookGuard bench · node ${process.version} · ${process.platform}/${process.arch}`);
  benchExtract();
  await benchMatch();
  await benchInventory();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
