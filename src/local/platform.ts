import { randomUUID } from 'node:crypto';
import { overrideClock } from '../forge/clock';
import { newLocalClock, type LocalClock } from './clock';
import { ConfluencePoints } from './confluence-points';
import { meterNodeEgress } from './egress-meter';
import { FORGE_LIMITS, perStartedMinute } from './limits';
import { meterConsole } from './log-meter';
import { readFunctionSpecs, type FunctionSpec } from './manifest-functions';
import { runInScope, type InvocationMeter, type InvocationScope, type ServiceHandler } from './runtime';
import { SlidingWindow } from './window';
import { ForgeLimitError, InvocationRateLimitError } from './limit-errors';

export { ForgeLimitError, InvocationRateLimitError };

export interface InvocationTarget {
  installationId: string;
  services: readonly ServiceHandler[];
  functionKey: string;
  accountId: string | null;
  /** The root of the push chain this invocation belongs to (an event's); absent: a new root. */
  rootId?: string;
}

export interface HandlerStats {
  invocations: number;
  failed: number;
  longestMs: number;
  /** Heap in use when an invocation of this handler ended, the largest seen. */
  peakHeapBytes: number;
  maxEgress: number;
  maxLogLines: number;
}

export interface LimitViolation {
  installationId: string;
  functionKey: string;
  message: string;
}

/**
 * The strict local platform: what every installation in one process shares — the clock, the app's
 * Confluence points quota, the app-wide invocation rate — and the one way an invocation runs. Each
 * invocation gets its installation's services, a deadline from the manifest's declared timeout, and
 * meters (outbound requests, log lines, push chain); breaking a limit fails the invocation with
 * ForgeLimitError, as Forge would stop or reject it. Installations are created by forge-app.ts.
 */
export class LocalPlatform {
  readonly clock: LocalClock;
  readonly points: ConfluencePoints;
  readonly specs: Map<string, FunctionSpec>;
  readonly handlers = new Map<string, HandlerStats>();
  readonly violations: LimitViolation[] = [];
  rejectedInvocations = 0;
  private readonly appInvocations = new SlidingWindow(60_000);
  private readonly installInvocations = new Map<string, SlidingWindow>();
  private readonly uninstallClock: () => void;

  constructor(options: { clock?: LocalClock; pointsPerHour?: number; manifestFile?: string } = {}) {
    this.clock = options.clock ?? newLocalClock();
    this.points = new ConfluencePoints(() => this.clock.now(), options.pointsPerHour);
    this.specs = readFunctionSpecs(options.manifestFile);
    overrideClock(this.clock);
    this.uninstallClock = () => overrideClock(null);
    meterNodeEgress();
    meterConsole(FORGE_LIMITS.logBytesPerInvocation);
  }

  spec(functionKey: string): FunctionSpec {
    const spec = this.specs.get(functionKey);
    if (spec === undefined) throw new Error(`local platform: manifest.yml has no function ${functionKey}`);
    return spec;
  }

  invocationsPerMinute(installationId: string): SlidingWindow {
    let window = this.installInvocations.get(installationId);
    if (window === undefined) {
      window = new SlidingWindow(60_000);
      this.installInvocations.set(installationId, window);
    }
    return window;
  }

  get peakInvocationsPerMinute(): number {
    return Math.max(0, ...[...this.installInvocations.values()].map((w) => w.peak));
  }

  async invoke<T>(target: InvocationTarget, fn: () => Promise<T>): Promise<T> {
    const spec = this.spec(target.functionKey);
    meterConsole(FORGE_LIMITS.logBytesPerInvocation);
    const started = this.clock.now();
    const mine = this.invocationsPerMinute(target.installationId);
    if (
      !mine.fits(started, 1, FORGE_LIMITS.invocationsPerMinutePerInstall) ||
      !this.appInvocations.fits(started, 1, FORGE_LIMITS.invocationsPerMinutePerApp)
    ) {
      this.rejectedInvocations += 1;
      this.violations.push({
        installationId: target.installationId,
        functionKey: target.functionKey,
        message: 'invocation rate: refused, over 1,200 a minute',
      });
      throw new InvocationRateLimitError(
        mine.waitFor(started, 1, FORGE_LIMITS.invocationsPerMinutePerInstall),
      );
    }
    mine.add(started);
    this.appInvocations.add(started);
    const invocationId = randomUUID();
    const meter: InvocationMeter = {
      functionKey: target.functionKey,
      installationId: target.installationId,
      rootId: target.rootId ?? invocationId,
      egress: 0,
      egressCap: perStartedMinute(FORGE_LIMITS.egressPerMinute, spec.timeoutSeconds),
      logLines: 0,
      logLineCap: perStartedMinute(FORGE_LIMITS.logLinesPerMinute, spec.timeoutSeconds),
      logBytes: 0,
      violations: [],
    };
    const timeoutMs = spec.timeoutSeconds * 1000;
    const scope: InvocationScope = {
      services: target.services,
      appContext: {
        appId: 'local-app',
        environmentId: 'local',
        installationId: target.installationId,
        moduleKey: target.functionKey,
      },
      accountId: target.accountId,
      invocationId,
      deadline: started + timeoutMs,
      now: () => this.clock.now(),
      meter,
    };
    const realStart = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new ForgeLimitError(target.functionKey, [`time: ran past its ${spec.timeoutSeconds} s`])),
        timeoutMs,
      );
      timer.unref();
    });
    let failed = true;
    try {
      const result = await Promise.race([runInScope(scope, fn), overrun]);
      const elapsed = this.clock.now() - started;
      if (elapsed > timeoutMs)
        meter.violations.push(`time: ran ${Math.round(elapsed / 1000)} s, past its ${spec.timeoutSeconds} s`);
      if (spec.kind === 'scheduled' && !answersStatusCode(result))
        meter.violations.push('scheduled trigger: no {statusCode} in the answer (Forge records 424)');
      if (meter.violations.length > 0) throw new ForgeLimitError(target.functionKey, meter.violations);
      failed = false;
      return result;
    } finally {
      clearTimeout(timer);
      for (const message of meter.violations)
        this.violations.push({
          installationId: target.installationId,
          functionKey: target.functionKey,
          message,
        });
      this.record(target.functionKey, meter, Math.max(performance.now() - realStart, 0), failed);
    }
  }

  private record(functionKey: string, meter: InvocationMeter, ms: number, failed: boolean): void {
    const stats = this.handlers.get(functionKey) ?? {
      invocations: 0,
      failed: 0,
      longestMs: 0,
      peakHeapBytes: 0,
      maxEgress: 0,
      maxLogLines: 0,
    };
    stats.invocations += 1;
    if (failed) stats.failed += 1;
    stats.longestMs = Math.max(stats.longestMs, ms);
    stats.peakHeapBytes = Math.max(stats.peakHeapBytes, process.memoryUsage().heapUsed);
    stats.maxEgress = Math.max(stats.maxEgress, meter.egress);
    stats.maxLogLines = Math.max(stats.maxLogLines, meter.logLines);
    this.handlers.set(functionKey, stats);
  }

  get maxEgressPerInvocation(): number {
    return Math.max(0, ...[...this.handlers.values()].map((h) => h.maxEgress));
  }

  close(): void {
    this.uninstallClock();
  }
}

function answersStatusCode(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof (result as { statusCode?: unknown }).statusCode === 'number'
  );
}
