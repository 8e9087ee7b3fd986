import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import { compactRecord, parseItem, resource, type Scope, type Sink } from './common';

const functionSchema = z.object({
  FunctionName: z.string().min(1),
  FunctionArn: z.string().optional(),
  // ListFunctions usually omits State; null then means "exists, state not reported".
  State: z.string().optional(),
  Runtime: z.string().optional(),
  PackageType: z.string().optional(),
});

export function convertFunctions(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const f = parseItem(functionSchema, item, sink);
    if (!f) return [];
    return [
      resource({
        kind: 'lambda-function',
        id: f.FunctionName,
        arn: f.FunctionArn ?? null,
        account: scope.account,
        region: scope.region,
        state: f.State ?? null,
        attributes: compactRecord({ runtime: f.Runtime, packageType: f.PackageType }),
      }),
    ];
  });
}
