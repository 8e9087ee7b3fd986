// Builds each Custom UI resource (ui/<name>) with Vite into static/<name>, where manifest.yml's
// resources point. Each resource is built on its own: Forge uploads every folder separately, so no
// chunk may be shared between them. Prints each resource's gzipped JavaScript (target ≤ 250 KB).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESOURCES = ['dashboard', 'settings', 'macro', 'byline', 'space'];
const TARGET_KB = 250;
// Atlaskit's feature-gate client is never initialised in an app iframe: ship its defaults only.
const FEATURE_GATES_OFF = path.join(ROOT, 'ui', 'shared', 'feature-gates-off.ts');
const only = process.argv.slice(2);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

const rows = [];
for (const resource of RESOURCES.filter((r) => only.length === 0 || only.includes(r))) {
  const outDir = path.join(ROOT, 'static', resource);
  await build({
    root: path.join(ROOT, 'ui', resource),
    base: './',
    logLevel: 'warn',
    configFile: false,
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      alias: [{ find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: FEATURE_GATES_OFF }],
    },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      manifest: true,
      chunkSizeWarningLimit: 4096,
      reportCompressedSize: false,
    },
  });
  const gz = (file) => gzipSync(readFileSync(path.join(outDir, file))).length;
  const all = files(outDir).filter((f) => f.endsWith('.js'));
  const allBytes = all.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  rows.push({ resource, initial: initialBytes(outDir, gz), all: allBytes, files: all.length });
}
const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7);
for (const row of rows) {
  const flag = row.initial <= TARGET_KB * 1024 ? 'ok' : `OVER the ${TARGET_KB} KB target`;
  console.log(
    `ui ${row.resource.padEnd(9)} ${kb(row.initial)} KB gzipped JS loaded first (${flag}); ` +
      `${kb(row.all).trim()} KB in all ${row.files} files, theme chunks load on demand`,
  );
}
if (rows.some((row) => row.initial > TARGET_KB * 1024)) process.exitCode = 1;

/** The entry chunk plus everything it imports statically: what a user waits for. */
function initialBytes(outDir, gz) {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const seen = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(f), 0);
}
