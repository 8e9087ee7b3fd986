import { z } from 'zod';
import { newResource, type DnsRecord, type Resource } from '../../core/inventory/snapshot';

/** Where a collector runs: one account in one region (global services use their home region). */
export interface Scope {
  account: string;
  region: string;
}

/**
 * Collectors push into a sink as pages arrive, so a call that fails on page 3 still leaves
 * pages 1–2 in the snapshot; the coverage entry says the region was not fully read.
 */
export interface Sink {
  resources: Resource[];
  dnsRecords: DnsRecord[];
  /** Items AWS returned without a field we rely on (an id): skipped, and reported in coverage. */
  skipped: number;
}

export function newSink(): Sink {
  return { resources: [], dnsRecords: [], skipped: 0 };
}

/** Parses one AWS item; a malformed item is counted and skipped, never fatal. */
export function parseItem<T>(schema: z.ZodType<T>, item: unknown, sink: Sink): T | null {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  sink.skipped += 1;
  return null;
}

export const tagListSchema = z
  .array(z.object({ Key: z.string().optional(), Value: z.string().optional() }))
  .optional();

export function tagRecord(tags: z.infer<typeof tagListSchema>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * DNS names as the snapshot stores them: lowercase, no trailing dot, no scheme or port, with
 * Route 53's octal escape for `*` decoded. Empty input gives null.
 */
export function normalizeHost(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase().replace(/\\052/g, '*');
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  host = host.replace(/\.$/, '');
  return host === '' ? null : host;
}

/** Distinct non-empty values in first-seen order. */
export function distinct(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v) seen.add(v);
  return [...seen];
}

export function compactRecord(entries: Record<string, string | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) if (v !== null && v !== undefined && v !== '') out[k] = v;
  return out;
}

/** Fills the fields most resources leave empty; the Name tag is the resource's name unless given. */
export function resource(base: Pick<Resource, 'kind' | 'id' | 'account'> & Partial<Resource>): Resource {
  const tags = base.tags ?? {};
  return newResource({ name: tags.Name ?? null, tags, ...base });
}
