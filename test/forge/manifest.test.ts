import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FullValidationProcessor, ProductTriggerValidationProcessor } from '@forge/manifest';
import { parse } from 'yaml';
import { OPT_OUT_TRIGGER } from '../../src/forge/digest/forge';
import * as entryPoints from '../../src/index';

/**
 * The manifest, checked offline. @forge/manifest's FullValidationProcessor is what `forge lint`
 * runs: JSON schema, module rules, handler files, resource folders, permissions and egress syntax.
 * It needs no network (read from its source: files, the bundled schema and scope lists only).
 * ProductTriggerValidationProcessor adds the scopes each product event requires, from the
 * event-to-scope mapping bundled in the same package. Not covered offline: anything the Forge
 * platform decides at deploy time (app id registration, scope consent).
 */
const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.yml');

interface FunctionModule {
  key: string;
  handler: string;
  timeoutSeconds?: number;
}
interface Manifest {
  app: { runtime: { name: string } };
  modules: Record<string, Record<string, unknown>[]> & { function: FunctionModule[] };
  permissions: { scopes: string[]; external: { fetch: { backend: { address: string }[] } } };
}
const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;

async function errorsOf(processor: { process(file: string): Promise<{ errors?: unknown[] }> }, file: string) {
  const result = await processor.process(file);
  return (result.errors ?? []).filter((e) => (e as { level?: string }).level !== 'warning');
}

jest.setTimeout(120_000); // ajv compiles Forge's large manifest schema for every processor

test("passes @forge/manifest's full validation and product-trigger scope validation", async () => {
  expect(await errorsOf(new FullValidationProcessor({}), manifestPath)).toEqual([]);
  expect(await errorsOf(new ProductTriggerValidationProcessor(), manifestPath)).toEqual([]);
});

test('the validators are not vacuous: a broken copy of the manifest fails', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-manifest-'));
  cpSync(path.join(root, 'static'), path.join(dir, 'static'), { recursive: true });
  cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  copyFileSync(manifestPath, path.join(dir, 'manifest.yml'));
  expect(await errorsOf(new FullValidationProcessor({}), path.join(dir, 'manifest.yml'))).toEqual([]);

  const broken = readFileSync(manifestPath, 'utf8')
    .replace('handler: index.pageChanged', 'handler: missing.pageChanged')
    .replace('- read:confluence-content.summary\n', '');
  writeFileSync(path.join(dir, 'manifest.yml'), broken);
  expect(
    (await errorsOf(new FullValidationProcessor({}), path.join(dir, 'manifest.yml'))).length,
  ).toBeGreaterThan(0);
  expect(
    (await errorsOf(new ProductTriggerValidationProcessor(), path.join(dir, 'manifest.yml'))).length,
  ).toBe(2);
});

test('every handler the manifest names is exported from src/index.ts, and nothing else is', () => {
  const named = manifest.modules.function.map((f) => {
    const [file, exported] = f.handler.split('.');
    expect(file).toBe('index');
    return exported;
  });
  expect(new Set(named).size).toBe(named.length);
  expect(Object.keys(entryPoints).sort()).toEqual([...named].sort());
  for (const name of Object.keys(entryPoints)) {
    expect(typeof (entryPoints as Record<string, unknown>)[name]).toBe('function');
  }
});

/** Which function keys each kind of module invokes. */
function referencedBy(kinds: string[]): Set<string> {
  const keys = new Set<string>();
  for (const kind of kinds) {
    for (const module of manifest.modules[kind] ?? []) {
      const resolver = module.resolver as { function?: string } | undefined;
      const fn = (module.function as string | undefined) ?? resolver?.function;
      if (fn) keys.add(fn);
      // A UI module's dynamicProperties function runs while the page renders: interactive too.
      const dynamic = module.dynamicProperties as { function?: string } | undefined;
      if (dynamic?.function) keys.add(dynamic.function);
    }
  }
  return keys;
}

test('timeouts fit the module type: UI resolvers, product and web triggers 25 s, consumers and schedules ≤ 900 s', () => {
  const interactive = referencedBy([
    'confluence:globalPage',
    'confluence:globalSettings',
    'macro',
    'confluence:contentBylineItem',
    'confluence:spacePage',
    'trigger',
    'webtrigger',
  ]);
  const background = referencedBy(['consumer', 'scheduledTrigger']);
  expect([...interactive].filter((k) => background.has(k))).toEqual([]); // long timeouts apply only to background-only functions
  for (const f of manifest.modules.function) {
    expect(interactive.has(f.key) || background.has(f.key)).toBe(true); // no orphan functions
    if (interactive.has(f.key)) expect(f.timeoutSeconds ?? 25).toBeLessThanOrEqual(25);
    if (background.has(f.key)) expect(f.timeoutSeconds ?? 55).toBeLessThanOrEqual(900);
  }
  const consumer = manifest.modules.function.find((f) => f.key === 'scan-worker');
  expect(consumer?.timeoutSeconds).toBe(900);
});

test('runtime, the fewest scopes, and egress exactly AWS and Resend', () => {
  expect(manifest.app.runtime.name).toBe('nodejs22.x');
  expect([...manifest.permissions.scopes].sort()).toEqual(
    [
      'read:confluence-content.summary',
      'read:confluence-user',
      'read:page:confluence',
      'read:space:confluence',
      'search:confluence',
      'storage:app',
    ].sort(),
  );
  const known = JSON.parse(
    readFileSync(
      path.join(path.dirname(require.resolve('@forge/manifest')), 'scopes/shipyard-scopes.json'),
      'utf8',
    ),
  ) as string[];
  for (const scope of manifest.permissions.scopes) expect(known).toContain(scope);
  expect(manifest.permissions.external).toEqual({
    fetch: { backend: [{ address: '*.amazonaws.com' }, { address: 'api.resend.com' }] },
  });
});

test('one SQL module and one scan queue consumer', () => {
  expect(manifest.modules.sql).toEqual([{ key: 'runbookguard-sql', engine: 'mysql' }]);
  expect(manifest.modules.consumer).toEqual([
    { key: 'scan-consumer', queue: 'runbookguard-scan', function: 'scan-worker' },
  ]);
});

test('the digest trigger runs daily (it sends only on the chosen weekday) and the opt-out web trigger is the one the digest links to', () => {
  const schedules = manifest.modules.scheduledTrigger as {
    key: string;
    function: string;
    interval: string;
  }[];
  expect(schedules.find((t) => t.function === 'weekly-digest')?.interval).toBe('day');
  const webtriggers = manifest.modules.webtrigger as { key: string; function: string; response?: unknown }[];
  expect(webtriggers).toEqual([{ key: OPT_OUT_TRIGGER, function: 'opt-out', response: { type: 'dynamic' } }]);
  expect(manifest.modules.function.find((f) => f.key === 'opt-out')?.handler).toBe('index.digestOptOut');
});
