import type { DnsRecord, InventorySnapshot, Resource, ResourceKind } from '../inventory/snapshot';
import { CoverageIndex } from './coverage';
import { ATTR_DB_CLUSTER, ATTR_REPLICATION_GROUP } from './tables';

/** A Route53 hosted zone of a connected account. */
export interface Zone {
  account: string;
  zoneId: string;
  name: string;
  privateZone: boolean;
}

/**
 * The snapshot indexed once by every form a runbook may spell a resource in, so that matching a
 * reference is a handful of Map lookups. All keys are lowercase.
 */
export class InventoryIndex {
  readonly coverage: CoverageIndex;
  /** Per kind: ids, names, Aurora cluster ids (→ member instances), replication group ids (→ member nodes). */
  private readonly byKey = new Map<ResourceKind, Map<string, Resource[]>>();
  private readonly byArn = new Map<string, Resource[]>();
  private readonly byDns = new Map<string, Resource[]>();
  private readonly byIp = new Map<string, Resource[]>();
  private readonly byNameTag = new Map<string, Resource[]>();
  private readonly zonesByName = new Map<string, Zone[]>();
  private readonly recordsByName = new Map<string, DnsRecord[]>();
  /** First words of the connected accounts' bucket names ("acme" for acme-prod-backups). */
  private readonly bucketWords = new Set<string>();

  constructor(readonly snapshot: InventorySnapshot) {
    this.coverage = new CoverageIndex(snapshot);
    for (const r of snapshot.resources) this.addResource(r);
    for (const rec of snapshot.dnsRecords) {
      push(this.recordsByName, lower(rec.name), rec);
      this.addZone({
        account: rec.account,
        zoneId: rec.zoneId,
        name: rec.zoneName,
        privateZone: rec.privateZone,
      });
    }
  }

  /** Resources of `kind` known by this id/name, case-insensitively. */
  find(kind: ResourceKind, key: string): readonly Resource[] {
    const keys = this.byKey.get(kind);
    if (!keys) return EMPTY;
    // Values usually arrive normalized: try them as they are before paying for a lowercase copy.
    const found = keys.get(key);
    if (found) return found;
    const lowered = lower(key);
    return lowered === key ? EMPTY : (keys.get(lowered) ?? EMPTY);
  }

  findByArn(arn: string): readonly Resource[] {
    return this.byArn.get(lower(arn)) ?? EMPTY;
  }

  /** Resources answering to this DNS name or endpoint (`dualstack.` ignored). */
  findByDns(host: string): readonly Resource[] {
    return this.byDns.get(stripDualstack(lower(host))) ?? EMPTY;
  }

  /** EC2 instances carrying this private or public address. */
  findByIp(ip: string): readonly Resource[] {
    return this.byIp.get(ip) ?? EMPTY;
  }

  /** EC2 instances whose Name tag is this (case-insensitive). */
  instancesNamed(nameTag: string): readonly Resource[] {
    return this.byNameTag.get(lower(nameTag)) ?? EMPTY;
  }

  /**
   * Whether a bucket name follows the naming of the buckets the connected accounts own: its first
   * word (up to the first '-' or '.') is the first word of one of them.
   */
  looksLikeOwnBucket(name: string): boolean {
    return this.bucketWords.has(bucketWord(lower(name)));
  }

  /** The zones (public and private, any connected account) with the longest name that contains `host`. */
  zonesFor(host: string): readonly Zone[] {
    let name = host;
    for (;;) {
      const zones = this.zonesByName.get(name);
      if (zones) return zones;
      const dot = name.indexOf('.');
      if (dot < 0) return EMPTY_ZONES;
      name = name.slice(dot + 1);
    }
  }

  /** Records with exactly this name in any of `zones`. */
  recordsAt(name: string, zones: readonly Zone[]): DnsRecord[] {
    const all = this.recordsByName.get(name);
    if (!all) return [];
    return all.filter((r) => zones.some((z) => z.zoneId === r.zoneId && z.account === r.account));
  }

  private addResource(r: Resource): void {
    let keys = this.byKey.get(r.kind);
    if (!keys) this.byKey.set(r.kind, (keys = new Map<string, Resource[]>()));
    push(keys, lower(r.id), r);
    const cluster = r.attributes[ATTR_DB_CLUSTER];
    if (r.kind === 'rds-instance' && cluster) push(keys, lower(cluster), r);
    const group = r.attributes[ATTR_REPLICATION_GROUP];
    if (r.kind === 'elasticache-cluster' && group) push(keys, lower(group), r);
    if (r.arn) {
      push(this.byArn, lower(r.arn), r);
      // Collectors may key some kinds by ARN (ECS): the name after the last '/' is what runbooks write.
      if (r.id === r.arn) push(keys, lower(r.arn.slice(r.arn.lastIndexOf('/') + 1)), r);
    }
    for (const d of r.dnsNames) push(this.byDns, stripDualstack(lower(d)), r);
    if (r.kind === 'ec2-instance') {
      for (const ip of r.privateIps) push(this.byIp, ip, r);
      for (const ip of r.publicIps) push(this.byIp, ip, r);
      if (r.name) push(this.byNameTag, lower(r.name), r);
    }
    if (r.kind === 's3-bucket') this.bucketWords.add(bucketWord(lower(r.id)));
    if (r.kind === 'route53-zone') {
      const name = r.attributes.zoneName ?? r.name ?? r.dnsNames[0];
      if (name) {
        this.addZone({
          account: r.account,
          zoneId: r.id,
          name,
          privateZone: r.attributes.privateZone === 'true',
        });
      }
    }
  }

  private addZone(z: Zone): void {
    const name = z.name.toLowerCase().replace(/\.$/, '');
    const zones = this.zonesByName.get(name);
    const zone = { ...z, name };
    if (!zones) this.zonesByName.set(name, [zone]);
    else if (!zones.some((x) => x.zoneId === z.zoneId && x.account === z.account)) zones.push(zone);
  }
}

function bucketWord(name: string): string {
  const m = /^[^.-]*/.exec(name);
  return m ? m[0] : name;
}

const EMPTY: readonly Resource[] = Object.freeze([]);
const EMPTY_ZONES: readonly Zone[] = Object.freeze([]);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  // A resource may be reachable twice under one key (id equal to its cluster id): keep it once.
  else if (!list.includes(value)) list.push(value);
}

/**
 * `s.toLowerCase()`, but `s` itself when it has no upper-case letter (almost always: the extractor
 * and the collector normalize): no copy to allocate, and index keys share the snapshot's strings.
 */
export function lower(s: string): string {
  // A regex, not a charCodeAt loop: it scans the flattened string, so it stays fast for the
  // concatenated (rope) strings values often are.
  return HAS_UPPER.test(s) ? s.toLowerCase() : s;
}

const HAS_UPPER = /[A-Z\u0080-\uffff]/;

export function stripDualstack(host: string): string {
  return host.startsWith('dualstack.') ? host.slice('dualstack.'.length) : host;
}

export function indexSnapshot(snapshot: InventorySnapshot): InventoryIndex {
  return new InventoryIndex(snapshot);
}
