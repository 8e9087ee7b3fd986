import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The package's own folder (for bundled demo data), found from this file whether run from src/ or dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (name === 'runbookguard') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the runbookguard package folder');
    dir = parent;
  }
}

export function demoFile(name: string): string {
  return path.join(packageRoot(), 'demo', name);
}
