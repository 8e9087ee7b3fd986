import path from 'node:path';
import { packageRoot } from '../src/cli/package-root';
import { formatScore, loadRealWorld, loadSnapshot, scoreRealWorld } from '../test/real-world/score';

/**
 * The extractor's scores on test/real-world (pages written after public runbooks, AWS docs and
 * Cloud-editor storage): precision and recall per type, placeholder findings, region accuracy on
 * stated regions and leaked secrets. The exact mistakes are in test/real-world/golden/mistakes.json.
 */
export function benchRealWorld(): void {
  const dir = path.join(packageRoot(), 'test', 'real-world');
  console.log(`\nReal-world corpus (${path.relative(process.cwd(), dir) || dir})`);
  console.log(formatScore(scoreRealWorld(loadRealWorld(dir), loadSnapshot(dir))));
}

if (require.main === module) benchRealWorld();
