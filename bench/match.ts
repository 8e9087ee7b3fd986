import type { PageInput, Reference, ReferenceType } from '../src/core/extract';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  newResource,
  SERVICES,
  type CoverageEntry,
  type InventorySnapshot,
  type Resource,
} from '../src/core/inventory/snapshot';
import { indexSnapshot, matchReference } from '../src/core/match';
import { hex } from './generate-space';
import { line, mib, timeMs } from './measure';
import type { ScanRun } from './scan-run';

/**
 * Matching benchmarks: raw matchReference throughput against a 100,000-resource inventory, and
 * whole offline scans (extraction + matching) of generated spaces at 1×, 4× and 16×.
 */

const ACCOUNTS = ['210987654321', '345678901234'];
const SCANNED = ['eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resource(p: Partial<Resource> & Pick<Resource, 'kind' | 'id'>): Resource {
  return newResource({ account: ACCOUNTS[0] ?? '', region: 'eu-west-1', ...p });
}

/** `count` resources across two accounts and four regions, mostly instances as in real estates. */
export function generateInventory(count: number): InventorySnapshot {
  const next = rng(42);
  const resources: Resource[] = [];
  for (let n = 0; n < count; n++) {
    const account = ACCOUNTS[n % 2] ?? '';
    const region = SCANNED[n % SCANNED.length] ?? 'eu-west-1';
    const name = `svc${n % 997}-prod`;
    const roll = n % 20;
    if (roll < 12) {
      const ip = `10.${n % 250}.${(n >> 8) % 250}.${n % 249 || 1}`;
      resources.push(
        resource({
          kind: 'ec2-instance',
          id: `i-0${hex(next, 16)}`,
          account,
          region,
          state: n % 17 === 0 ? 'stopped' : n % 29 === 0 ? 'terminated' : 'running',
          privateIps: [ip],
          name: `${name}-${n % 50}`,
        }),
      );
    } else if (roll < 14) {
      resources.push(
        resource({
          kind: 'rds-instance',
          id: `${name}-${n}`,
          account,
          region,
          state: 'available',
          dnsNames: [`${name}-${n}.c${hex(next, 11)}.${region}.rds.amazonaws.com`],
        }),
      );
    } else if (roll < 16) {
      resources.push(
        resource({
          kind: 'load-balancer',
          id: `${name}-${n}`,
          account,
          region,
          state: 'active',
          dnsNames: [`internal-${name}-${n}-${1000000000 + n}.${region}.elb.amazonaws.com`],
        }),
      );
    } else if (roll < 18) {
      resources.push(resource({ kind: 'lambda-function', id: `${name}-${n}-handler`, account, region }));
    } else {
      resources.push(resource({ kind: 'security-group', id: `sg-0${hex(next, 16)}`, account, region }));
    }
  }
  const coverage: CoverageEntry[] = [];
  for (const account of ACCOUNTS) {
    for (const service of SERVICES) {
      const global = service === 's3' || service === 'route53';
      for (const region of global ? [null] : SCANNED)
        coverage.push({ account, service, region, outcome: 'ok', detail: null, resourceCount: 0 });
    }
  }
  return {
    formatVersion: 1,
    takenAt: new Date(0).toISOString(),
    accounts: ACCOUNTS.map((account) => ({ account, roleArn: null, regions: SCANNED })),
    resources,
    dnsRecords: [],
    coverage,
  };
}

function ref(type: ReferenceType, value: string, region: string | null, aliases: string[] = []): Reference {
  return {
    type,
    value,
    region,
    regionSource: region ? 'explicit' : null,
    account: null,
    aliases,
    placeholder: false,
    location: { headingPath: [], kind: 'code-block' },
    occurrences: 1,
    context: '',
  };
}

/** References as runbooks write them: 75% to existing resources (ids, names, endpoints, IPs), the rest stale. */
export function generateReferences(snapshot: InventorySnapshot, count: number): Reference[] {
  const next = rng(7);
  const out: Reference[] = [];
  const rs = snapshot.resources;
  for (let i = 0; i < count; i++) {
    const r = rs[Math.floor(next() * rs.length)] as Resource;
    const roll = i % 20;
    if (roll >= 15) {
      out.push(ref('ec2-instance', `i-0${hex(next, 16)}`, roll % 2 ? r.region : null));
    } else if (r.kind === 'ec2-instance' && roll % 3 === 0) {
      out.push(ref('ip-address', r.privateIps[0] ?? '10.0.0.1', r.region));
    } else {
      const type = r.kind as ReferenceType;
      out.push(ref(type, r.id, roll % 2 ? r.region : null, r.dnsNames.slice(0, 1)));
    }
  }
  return out;
}

function benchThroughput(): void {
  const snapshot = generateInventory(100_000);
  let index = indexSnapshot(snapshot);
  const indexMs = timeMs(() => {
    index = indexSnapshot(snapshot);
  }, 3);
  const refs = generateReferences(snapshot, 200_000);
  let findings = 0;
  const rounds = 5;
  const ms = timeMs(() => {
    findings = 0;
    for (let k = 0; k < rounds; k++)
      for (const r of refs) if (matchReference(r, index).status !== 'ok') findings++;
  }, 3);
  const perSecond = (refs.length * rounds) / (ms / 1000);
  line('match: inventory', `${snapshot.resources.length} resources, indexed in ${indexMs.toFixed(0)} ms`);
  line(
    'match: throughput',
    `${Math.round(perSecond).toLocaleString('en-US')} references/s (target ≥ 1,000,000/s; ${Math.round((findings / (refs.length * rounds)) * 100)}% not ok)`,
  );
}

/**
 * A mostly healthy inventory for a generated space: about 85% of the resources its pages name
 * exist (found with a cheap regex pass, not the extractor), padded with unrelated resources to
 * `size`. Without this every random id would be a finding, which is not what a real space looks like.
 */
export function inventoryForSpace(space: readonly PageInput[], size: number): InventorySnapshot {
  const next = rng(99);
  const base = generateInventory(size);
  const seen = new Set<string>();
  const named: Resource[] = [];
  const add = (r: Resource) => {
    if (seen.has(`${r.kind}/${r.id}`) || next() < 0.15) return;
    seen.add(`${r.kind}/${r.id}`);
    named.push(r);
  };
  const region = (i: number) => SCANNED[i % SCANNED.length] ?? 'eu-west-1';
  for (const [i, page] of space.entries()) {
    const text = page.storage;
    for (const m of text.matchAll(/\b(i|sg)-0[0-9a-f]{16}\b/g)) {
      add(
        resource({
          kind: m[1] === 'i' ? 'ec2-instance' : 'security-group',
          id: m[0],
          region: region(i),
          state: m[1] === 'i' ? 'running' : null,
        }),
      );
    }
    for (const m of text.matchAll(/\b([a-z0-9-]+)\.c[0-9a-f]{11}\.([a-z0-9-]+)\.rds\.amazonaws\.com/g))
      add(
        resource({
          kind: 'rds-instance',
          id: m[1] ?? '',
          region: m[2] ?? null,
          state: 'available',
          dnsNames: [m[0]],
        }),
      );
    for (const m of text.matchAll(/function:([a-z0-9-]+)/g))
      add(resource({ kind: 'lambda-function', id: m[1] ?? '', region: region(i) }));
    for (const m of text.matchAll(/s3:\/\/([a-z0-9-]+)/g))
      add(resource({ kind: 's3-bucket', id: m[1] ?? '', region: null }));
    for (const m of text.matchAll(/\b10\.\d+\.\d+\.\d+\b/g))
      add(
        resource({
          kind: 'ec2-instance',
          id: `i-0${hex(next, 16)}`,
          region: region(i),
          state: 'running',
          privateIps: [m[0]],
        }),
      );
  }
  return { ...base, resources: [...named, ...base.resources.slice(named.length)] };
}

/** A whole offline scan in a fresh process (bench/scan-run.ts): time and that process's peak RSS. */
function scanInChild(pages: number): ScanRun {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', path.join(__dirname, 'scan-run.js'), String(pages)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`scan-run ${pages} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ScanRun;
}

function benchScans(): void {
  const base = 625;
  for (const factor of [1, 4, 16]) {
    const pages = base * factor;
    const r = scanInChild(pages);
    line(
      `scan: ${factor}× (${pages} pages, ${mib(r.bytes)})`,
      `${(r.ms / 1000).toFixed(2)} s · ${r.resources.toLocaleString('en-US')} resources, ${r.references.toLocaleString('en-US')} references, ${r.findings.toLocaleString('en-US')} findings · peak RSS ${r.peakRssMiB.toFixed(0)} MiB`,
    );
  }
  line(
    'scan: targets at 16×',
    '≤ 10 s, ≤ 1024 MiB peak RSS (the whole process: pages, snapshot, index, report)',
  );
}

export async function benchMatch(): Promise<void> {
  console.log('Matching');
  benchThroughput();
  // The inventory is 100,000 unrelated resources plus most of what the pages name, so it grows past 100,000.
  console.log('Offline scan (extraction + matching; inventory: 100,000 resources + those the pages name)');
  benchScans();
  await Promise.resolve();
}
