#!/usr/bin/env node
// Usage: node scripts/build-snapshot.mjs SPEC.mjs OUT.json [--check]
// Writes the snapshot a spec describes; --check only compares (exit 1 when OUT is stale).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import * as prettier from 'prettier';
import { buildSnapshot } from './snapshot-builder.mjs';

const [specPath, outPath, flag] = process.argv.slice(2);
if (!specPath || !outPath) {
  process.stderr.write('usage: node scripts/build-snapshot.mjs SPEC.mjs OUT.json [--check]\n');
  process.exit(2);
}
const spec = (await import(pathToFileURL(path.resolve(specPath)).href)).default;
// Formatted as `prettier --check` expects, so generated files pass the format check.
const options = (await prettier.resolveConfig(path.resolve(outPath))) ?? {};
const json = await prettier.format(JSON.stringify(buildSnapshot(spec)), { ...options, parser: 'json' });
if (flag === '--check') {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== json) {
    process.stderr.write(`${outPath} is stale: run node scripts/build-snapshot.mjs ${specPath} ${outPath}\n`);
    process.exit(1);
  }
} else {
  writeFileSync(outPath, json);
  process.stdout.write(`wrote ${outPath}\n`);
}
