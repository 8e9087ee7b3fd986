import fc from 'fast-check';
import { z } from 'zod';
import { resolverPayloads, type Envelope, type ResolverKey } from '../../src/shared';
import { ADMIN, connectDemoAccounts, harness, type Harness } from './support/app';

/**
 * Issue 14 item 8, through the real resolvers on the local runtime as a site admin (who passes
 * every permission check, so nothing but the payload stands between the input and the SQL). Before
 * the bounds a listFindings filter of 70,000 values overflowed the query builder's stack and
 * answered INTERNAL.
 */
let h: Harness;
const code = (a: unknown): string => {
  const e = a as Envelope<unknown>;
  return e.ok ? 'ok' : e.error.code;
};

beforeAll(async () => {
  h = await harness('bounds');
  await connectDemoAccounts(h.forge);
});
afterAll(async () => {
  await h.close();
});

test('a filter of 70,000 values is INVALID_PAYLOAD, not INTERNAL', async () => {
  const statuses = Array.from({ length: 70_000 }, () => 'open');
  expect(code(await h.forge.resolver('listFindings', { statuses }, ADMIN))).toBe('INVALID_PAYLOAD');
  const spaceId = '98305';
  expect(code(await h.forge.resolver('listSpaceFindings', { spaceId, statuses }, ADMIN))).toBe(
    'INVALID_PAYLOAD',
  );
  // The same filter with each value once answers.
  expect(code(await h.forge.resolver('listFindings', { statuses: ['open', 'reopened'] }, ADMIN))).toBe('ok');
});

/** Each top-level field of each resolver, as its JSON Schema (input side) describes it. */
const fields: [ResolverKey, string, Record<string, unknown>][] = Object.entries(resolverPayloads).flatMap(
  ([key, schema]) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, Record<string, unknown>>;
    };
    return Object.entries(json.properties ?? {}).map(
      ([field, spec]) => [key as ResolverKey, field, spec] as [ResolverKey, string, Record<string, unknown>],
    );
  },
);

/** A value over the field's maximum: a huge array of a valid item, or a huge string. */
function oversize(spec: Record<string, unknown>, size: number, fill: string): unknown {
  const variants = (spec.anyOf as Record<string, unknown>[] | undefined) ?? [spec];
  const array = variants.find((v) => v.type === 'array');
  if (array) {
    const items = array.items as { enum?: unknown[] } | undefined;
    return Array.from({ length: size }, () => items?.enum?.[0] ?? fill.repeat(8));
  }
  return fill.repeat(size);
}

test('every field of every resolver refuses oversize input as INVALID_PAYLOAD, never INTERNAL', async () => {
  expect(fields.length).toBeGreaterThan(40);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...fields),
      fc.integer({ min: 20_000, max: 120_000 }),
      fc.constantFrom('1', 'a', ' ', '%', '\u00e9'),
      async ([key, field, spec], size, fill) => {
        if (spec.type === 'boolean' || spec.type === 'number' || spec.type === 'integer') return;
        const answer = await h.forge.resolver(key, { [field]: oversize(spec, size, fill) }, ADMIN);
        expect([key, field, code(answer)]).toEqual([key, field, 'INVALID_PAYLOAD']);
      },
    ),
    { numRuns: 60, seed: 14_008 },
  );
});
