import { z } from 'zod';
import { snapshotSchema } from '../../src/core/inventory/snapshot';
import { resolverPayloads } from '../../src/shared/contract';

/**
 * Issue 14 item 8: every array and string a caller or a file can send has a maximum. Read from the
 * schemas themselves (their JSON Schema, input side), so a new field without one fails here.
 */
function unbounded(schema: z.ZodType, root: string): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (o.type === 'array' && typeof o.maxItems !== 'number')
      problems.push(`${path}: array without a maximum`);
    if (o.type === 'string' && typeof o.maxLength !== 'number' && !('enum' in o) && !('const' in o))
      problems.push(`${path}: string without a maximum`);
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), root);
  return problems;
}

test('every resolver payload bounds each array and string', () => {
  const problems = Object.entries(resolverPayloads).flatMap(([name, schema]) => unbounded(schema, name));
  expect(problems).toEqual([]);
});

test('the snapshot format (CLI --inventory files, the collector) bounds each array and string', () => {
  expect(unbounded(snapshotSchema, 'snapshot')).toEqual([]);
});

test('filters of 70,000 values are refused by the schema, not by the query builder', () => {
  const statuses = Array.from({ length: 70_000 }, () => 'open');
  expect(resolverPayloads.listFindings.safeParse({ statuses }).success).toBe(false);
  expect(resolverPayloads.listSpaceFindings.safeParse({ spaceId: '1', statuses }).success).toBe(false);
  // Every value once is still fine.
  expect(
    resolverPayloads.listFindings.safeParse({
      statuses: ['open', 'acknowledged', 'suppressed', 'resolved', 'reopened'],
    }).success,
  ).toBe(true);
});
