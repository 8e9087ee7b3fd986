import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { FORGE_LIMITS } from './limits';

/**
 * Each manifest function with the module type that invokes it and the timeout Forge gives it
 * (limits-invocation): UI modules and product triggers 25 s whatever they declare, web triggers
 * 55 s, consumers and scheduled triggers their `timeoutSeconds` (55 s by default, 900 s at most).
 * The local platform reads manifest.yml itself so a changed timeout is enforced without a copy here.
 */
export type ModuleKind = 'ui' | 'trigger' | 'webtrigger' | 'consumer' | 'scheduled';

export interface FunctionSpec {
  key: string;
  kind: ModuleKind;
  timeoutSeconds: number;
}

const manifestSchema = z.object({
  modules: z
    .object({
      function: z.array(
        z.object({ key: z.string(), timeoutSeconds: z.number().int().positive().optional() }),
      ),
      consumer: z.array(z.object({ function: z.string() })).optional(),
      scheduledTrigger: z.array(z.object({ function: z.string() })).optional(),
      webtrigger: z.array(z.object({ function: z.string() })).optional(),
      trigger: z.array(z.object({ function: z.string() })).optional(),
    })
    .passthrough(),
});

const ROOT = path.resolve(
  __dirname,
  '..',
  '..',
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '',
);

export function readFunctionSpecs(file = path.join(ROOT, 'manifest.yml')): Map<string, FunctionSpec> {
  const modules = manifestSchema.parse(parse(readFileSync(file, 'utf8'))).modules;
  const kindOf = new Map<string, ModuleKind>();
  for (const m of modules.consumer ?? []) kindOf.set(m.function, 'consumer');
  for (const m of modules.scheduledTrigger ?? []) kindOf.set(m.function, 'scheduled');
  for (const m of modules.webtrigger ?? []) kindOf.set(m.function, 'webtrigger');
  for (const m of modules.trigger ?? []) kindOf.set(m.function, 'trigger');
  const specs = new Map<string, FunctionSpec>();
  for (const f of modules.function) {
    const kind = kindOf.get(f.key) ?? 'ui';
    specs.set(f.key, { key: f.key, kind, timeoutSeconds: timeoutFor(kind, f.timeoutSeconds) });
  }
  return specs;
}

function timeoutFor(kind: ModuleKind, declared: number | undefined): number {
  switch (kind) {
    case 'ui':
      return FORGE_LIMITS.uiTimeoutSeconds;
    case 'trigger':
      return FORGE_LIMITS.triggerTimeoutSeconds;
    case 'webtrigger':
      return FORGE_LIMITS.webtriggerTimeoutSeconds;
    default:
      return Math.min(FORGE_LIMITS.maxLongTimeoutSeconds, declared ?? FORGE_LIMITS.defaultLongTimeoutSeconds);
  }
}
