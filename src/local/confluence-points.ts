import { FORGE_LIMITS } from './limits';
import { jsonResponse, type ForgeRequestInit, type ForgeTarget, type ServiceHandler } from './runtime';

/**
 * Confluence's points quota (developer.atlassian.com/cloud/confluence/rate-limiting/): a GET costs
 * 1 point plus 1 per object returned, a write costs 1; Tier 1 gives the app 65,000 points an hour
 * across all its installations. One ledger per local platform, shared by every installation as the
 * quota is; each installation's own spending is kept beside it (the per-installation view). Once
 * the hour is spent every request answers 429 with Retry-After (seconds to the next hour) until
 * the window resets — the sustained-overage behaviour, never the tolerated burst.
 */
export const HOUR_MS = 60 * 60 * 1000;

export interface InstallationPoints {
  total: number;
  /** Points per hour window, keyed by the window's start (epoch ms). */
  byHour: Map<number, number>;
  requests: number;
  refused: number;
}

export class ConfluencePoints {
  readonly byInstallation = new Map<string, InstallationPoints>();
  /** App-wide points per hour window. */
  readonly byHour = new Map<number, number>();
  total = 0;
  refused = 0;

  constructor(
    private readonly now: () => number,
    readonly perHour: number = FORGE_LIMITS.confluencePointsPerHour,
  ) {}

  windowStart(at = this.now()): number {
    return Math.floor(at / HOUR_MS) * HOUR_MS;
  }

  spentThisHour(): number {
    return this.byHour.get(this.windowStart()) ?? 0;
  }

  /** The most any one hour window has spent, app-wide. */
  peakHour(): number {
    return Math.max(0, ...this.byHour.values());
  }

  of(installationId: string): InstallationPoints {
    let entry = this.byInstallation.get(installationId);
    if (entry === undefined) {
      entry = { total: 0, byHour: new Map(), requests: 0, refused: 0 };
      this.byInstallation.set(installationId, entry);
    }
    return entry;
  }

  /** Seconds until the quota frees, or null while there is budget left this hour. */
  exhausted(): number | null {
    if (this.spentThisHour() < this.perHour) return null;
    return Math.max(1, Math.ceil((this.windowStart() + HOUR_MS - this.now()) / 1000));
  }

  charge(installationId: string, points: number): void {
    const hour = this.windowStart();
    this.byHour.set(hour, (this.byHour.get(hour) ?? 0) + points);
    this.total += points;
    const mine = this.of(installationId);
    mine.total += points;
    mine.requests += 1;
    mine.byHour.set(hour, (mine.byHour.get(hour) ?? 0) + points);
  }

  /**
   * Wraps an installation's Confluence service: refuses when the hour is spent, else forwards and
   * charges what the answer cost.
   */
  meter(installationId: string, inner: ServiceHandler): ServiceHandler {
    return (target: ForgeTarget, path: string, init: ForgeRequestInit) => {
      if (target.type !== 'fpp' || target.remote !== 'confluence') return null;
      const wait = this.exhausted();
      if (wait !== null) {
        this.refused += 1;
        this.of(installationId).refused += 1;
        return Promise.resolve(
          jsonResponse(429, { message: 'Rate limit exceeded' }, { 'Retry-After': String(wait) }),
        );
      }
      const answer = inner(target, path, init);
      if (answer === null) return null;
      return answer.then(async (response) => {
        if (response.status === 429) return response;
        this.charge(installationId, await costOf(init.method ?? 'GET', response));
        return response;
      });
    };
  }
}

/** 1 for the request, plus, for a read, 1 per object in the answer (a list's results, or the one object). */
async function costOf(method: string, response: Response): Promise<number> {
  if (method.toUpperCase() !== 'GET' || !response.ok) return 1;
  try {
    const body = await response.clone().json();
    if (typeof body !== 'object' || body === null) return 1;
    const results = (body as { results?: unknown }).results;
    return 1 + (Array.isArray(results) ? results.length : 1);
  } catch {
    return 1;
  }
}
