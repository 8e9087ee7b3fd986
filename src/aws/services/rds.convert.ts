import { z } from 'zod';
import type { Resource } from '../../core/inventory/snapshot';
import {
  compactRecord,
  distinct,
  normalizeHost,
  parseItem,
  resource,
  tagListSchema,
  tagRecord,
  type Scope,
  type Sink,
} from './common';

const opt = z.string().optional();
const dbInstanceSchema = z.object({
  DBInstanceIdentifier: z.string().min(1),
  DBInstanceArn: opt,
  DBInstanceStatus: opt,
  Engine: opt,
  DBClusterIdentifier: opt,
  Endpoint: z.object({ Address: opt, Port: z.number().optional() }).optional(),
  TagList: tagListSchema,
});

export function convertDbInstances(items: unknown[], scope: Scope, sink: Sink): Resource[] {
  return items.flatMap((item) => {
    const db = parseItem(dbInstanceSchema, item, sink);
    if (!db) return [];
    return [
      resource({
        kind: 'rds-instance',
        id: db.DBInstanceIdentifier,
        arn: db.DBInstanceArn ?? null,
        account: scope.account,
        region: scope.region,
        state: db.DBInstanceStatus ?? null,
        dnsNames: distinct([normalizeHost(db.Endpoint?.Address)]),
        tags: tagRecord(db.TagList),
        attributes: compactRecord({
          engine: db.Engine,
          dbClusterIdentifier: db.DBClusterIdentifier,
          port: db.Endpoint?.Port === undefined ? undefined : String(db.Endpoint.Port),
        }),
      }),
    ];
  });
}
