import type { CoverageEntry, InventorySnapshot, Service } from '../inventory/snapshot';
import { GLOBAL_SERVICES } from './tables';
import type { CoverageGap } from './types';

/**
 * Answers "could we have seen it?" from the snapshot's coverage list. A resource absent from the
 * snapshot is only missing when every scan that could have held it succeeded.
 */
export class CoverageIndex {
  readonly connectedAccounts: ReadonlySet<string>;
  /** Accounts in snapshot order: deterministic messages. */
  readonly accounts: readonly string[];
  private readonly entries = new Map<string, CoverageEntry>();
  private readonly accountRegions = new Map<string, readonly string[]>();
  private readonly scannedRegionSet = new Set<string>();
  private readonly gapCache = new Map<string, CoverageGap[]>();
  /** scope() results by services array (the constant tables), then region, then account. */
  private readonly scopeCache = new Map<readonly Service[], Map<string | null, Map<string | null, Scope>>>();

  constructor(snapshot: InventorySnapshot) {
    for (const a of snapshot.accounts) this.accountRegions.set(a.account, a.regions);
    for (const e of snapshot.coverage) {
      this.entries.set(key(e.account, e.service, e.region), e);
      if (e.outcome === 'ok' && e.region !== null) this.scannedRegionSet.add(e.region);
      if (!this.accountRegions.has(e.account)) this.accountRegions.set(e.account, []);
    }
    this.accounts = [...this.accountRegions.keys()];
    this.connectedAccounts = new Set(this.accounts);
  }

  /** Regions with at least one successful regional scan, sorted. */
  scannedRegions(): string[] {
    return [...this.scannedRegionSet].sort();
  }

  isRegionScanned(region: string): boolean {
    return this.scannedRegionSet.has(region);
  }

  /** The regions a regional service was meant to cover in an account (the account's region list). */
  regionsOf(account: string): readonly string[] {
    return this.accountRegions.get(account) ?? [];
  }

  entry(account: string, service: Service, region: string | null): CoverageEntry | undefined {
    return this.entries.get(key(account, service, region));
  }

  /**
   * Every scan among `services` × `accounts` × (`region`, or each account's regions when null)
   * that did not succeed. Empty means: had the resource existed there, we would have seen it.
   * Accounts are judged within the regions they were set up to scan (their footprint).
   */
  gaps(services: readonly Service[], region: string | null, accounts: readonly string[]): CoverageGap[] {
    const cacheKey = `${services.join(',')}|${region ?? ''}|${accounts.join(',')}`;
    const cached = this.gapCache.get(cacheKey);
    if (cached) return cached;
    const gaps: CoverageGap[] = [];
    // An account's region list is its declared footprint: a stated region only needs the accounts
    // that declare it — unless none does, and then nobody looked there at all.
    for (const account of this.footprint(region, accounts)) {
      for (const service of services) {
        const regions = GLOBAL_SERVICES.has(service)
          ? [null]
          : region !== null
            ? [region]
            : this.regionsOf(account);
        if (regions.length === 0) {
          // An account with no regions configured saw nothing regional.
          gaps.push({
            account,
            service,
            region: null,
            outcome: 'not-scanned',
            detail: 'no regions configured',
          });
        }
        for (const r of regions) {
          const e = this.entry(account, service, r);
          if (!e) gaps.push({ account, service, region: r, outcome: 'not-scanned', detail: null });
          else if (e.outcome !== 'ok')
            gaps.push({ account, service, region: r, outcome: e.outcome, detail: e.detail });
        }
      }
    }
    this.gapCache.set(cacheKey, gaps);
    return gaps;
  }

  /**
   * Everything a resource classification needs to know about where it could have been seen,
   * cached: `services` must be one of the constant arrays of SERVICES_OF (cache key by identity).
   * `account` narrows to one connected account (an ARN's), null means every connected account.
   */
  scope(services: readonly Service[], region: string | null, account: string | null): Scope {
    // Nested maps, not a joined string key: this runs for every resource reference.
    let byRegion = this.scopeCache.get(services);
    if (!byRegion)
      this.scopeCache.set(services, (byRegion = new Map<string | null, Map<string | null, Scope>>()));
    let byAccount = byRegion.get(region);
    if (!byAccount) byRegion.set(region, (byAccount = new Map<string | null, Scope>()));
    let scope = byAccount.get(account);
    if (!scope) {
      const accounts = this.footprint(region, account !== null ? [account] : this.accounts);
      const regionsChecked = this.regionsChecked(services, region, accounts);
      const regional = !services.every((s) => GLOBAL_SERVICES.has(s));
      scope = {
        accounts,
        gaps: this.gaps(services, region, account !== null ? [account] : this.accounts),
        regionsChecked,
        regional,
        where: `${regional ? `${regionsChecked.join(', ')} of ` : ''}${
          accounts.length === 1 ? `account ${accounts[0]}` : `accounts ${accounts.join(', ')}`
        }`,
      };
      byAccount.set(account, scope);
    }
    return scope;
  }

  /** The accounts whose declared regions include `region` (all of them for null, or when none does). */
  footprint(region: string | null, accounts: readonly string[]): readonly string[] {
    if (region === null) return accounts;
    const declaring = accounts.filter((a) => this.regionsOf(a).includes(region));
    return declaring.length > 0 ? declaring : accounts;
  }

  /** Regions that were actually checked for these services (for evidence). */
  regionsChecked(services: readonly Service[], region: string | null, accounts: readonly string[]): string[] {
    if (services.every((s) => GLOBAL_SERVICES.has(s))) return [];
    const out = new Set<string>();
    for (const account of accounts) {
      for (const r of region !== null ? [region] : this.regionsOf(account)) {
        if (services.some((s) => this.entry(account, s, r)?.outcome === 'ok')) out.add(r);
      }
    }
    return [...out].sort();
  }

  /** Every non-ok scan in the snapshot. */
  problems(snapshot: InventorySnapshot): CoverageGap[] {
    const out: CoverageGap[] = [];
    for (const e of snapshot.coverage) {
      if (e.outcome !== 'ok')
        out.push({
          account: e.account,
          service: e.service,
          region: e.region,
          outcome: e.outcome,
          detail: e.detail,
        });
    }
    return out;
  }
}

export interface Scope {
  /** The accounts judged: the ARN's, or every connected account that declares the region. */
  accounts: readonly string[];
  gaps: CoverageGap[];
  regionsChecked: string[];
  /** False when every service is global (S3, Route53). */
  regional: boolean;
  /** The scope in words, for messages: "eu-west-1, us-east-1 of account 210987654321". */
  where: string;
}

function key(account: string, service: Service, region: string | null): string {
  return `${account}|${service}|${region ?? ''}`;
}

/** "ec2 in eu-north-1 of 210987654321 (access-denied: …)" — one gap in words. */
export function describeGap(g: CoverageGap): string {
  const where = g.region === null ? `${g.service}` : `${g.service} in ${g.region}`;
  const why =
    g.outcome === 'not-scanned' ? 'not scanned' : g.detail ? `${g.outcome}: ${g.detail}` : g.outcome;
  return `${where} of account ${g.account} (${why})`;
}

/** At most three gaps in words, then "and N more". */
export function describeGaps(gaps: readonly CoverageGap[]): string {
  const shown = gaps.slice(0, 3).map(describeGap);
  const rest = gaps.length - shown.length;
  return rest > 0 ? `${shown.join('; ')}; and ${rest} more` : shown.join('; ');
}
