import type { InventorySnapshot } from '../core/inventory/snapshot';
import type { AwsPort } from '../forge/aws';
import { SCAN_QUEUE } from '../forge/deps';
import { OPT_OUT_TRIGGER } from '../forge/digest/forge';
import { resumeStalledScan } from '../forge/jobs/scan/start';
import { forgeDeps } from '../forge/deps';
import * as app from '../index';
import { resetSchemaMemo } from '../store/migrate';
import type { SqlPool } from '../store/mysql-executor';
import { registerInstallationAws } from './aws-by-installation';
import { snapshotAwsPort } from './aws-snapshot';
import type { InstallationPoints } from './confluence-points';
import {
  confluenceService,
  newConfluenceModel,
  type ConfluenceModel,
  type LocalPage,
  type LocalSpace,
  type LocalUser,
} from './confluence-service';
import { remoteConfluenceService, type RemoteConfluence } from './confluence-remote';
import { egressMeterService } from './egress-meter';
import { kvsService, newKvsStore, type KvsStore } from './kvs-service';
import { LocalPlatform } from './platform';
import { LocalQueue, type LocalQueueOptions } from './queue-service';
import { installLocalRuntime } from './runtime';
import { newSqlStats, sqlService, type SqlStats } from './sql-service';
import { LocalWebTriggers, type WebTriggerResponse } from './webtrigger-service';

/**
 * The whole app on localhost: the unmodified handlers from src/index.ts over the local services
 * (SQL on a MySQL-compatible server or the embedded engine, KVS, the queue, Confluence from pages,
 * AWS from a snapshot or the environment). Tests, the bench and `npm run local` drive it through the
 * methods below.
 */
export interface LocalForgeOptions {
  /** SQL: a mysql2 pool on a MySQL-compatible server, or the embedded engine (EmbeddedSql.open()). */
  pool: SqlPool;
  pages: LocalPage[];
  /** Space keys and names (e.g. the demo file's `spaces`); others are made up from the id. */
  spaces?: readonly LocalSpace[];
  users?: Record<string, LocalUser>;
  /** AWS: a snapshot (the demo), or 'environment' for the real SDK (moto via AWS_ENDPOINT_URL). */
  aws: InventorySnapshot | 'environment' | AwsPort;
  kvsFile?: string;
  queue?: LocalQueueOptions;
  /** A real Confluence Cloud site instead of `pages` (every call runs as the token's account). */
  remoteConfluence?: RemoteConfluence;
  /**
   * The strict platform to install into: several installations on one platform share a process,
   * its module state, its clock and the app's Confluence quota, as tenants do on Forge. Default: a
   * platform of this installation's own, closed by stop().
   */
  platform?: LocalPlatform;
  /** Default 'local-install'; each installation on one platform needs its own. */
  installationId?: string;
}

export interface InvocationStat {
  handler: string;
  ms: number;
}

export interface LocalForge {
  installationId: string;
  platform: LocalPlatform;
  /** This installation's share of the app's Confluence points. */
  points: InstallationPoints;
  kvs: KvsStore;
  queue: LocalQueue;
  confluence: ConfluenceModel;
  sql: SqlStats;
  invocations: InvocationStat[];
  resolver(functionKey: string, payload: unknown, accountId: string | null): Promise<unknown>;
  installed(): Promise<void>;
  /** The `avi:forge:upgraded:app` trigger, as after `forge deploy` of a new version. */
  upgraded(): Promise<void>;
  /** The byline item's dynamicProperties, as Forge invokes it on a page render. */
  byline(payload: unknown, context: unknown): Promise<unknown>;
  dailyScan(): Promise<void>;
  /** The digest's scheduled trigger (runs daily on Forge; sends only on the chosen weekday). */
  weeklyDigest(): Promise<void>;
  /** The web trigger URLs the app asked for, and requests to them as Forge delivers them. */
  webTriggers: LocalWebTriggers;
  webTrigger(url: string, method?: string): Promise<WebTriggerResponse>;
  pageChanged(pageId: string): Promise<void>;
  /** What the daily trigger does for a stalled scan, without waiting for it to look stalled. */
  resumeScan(): Promise<{ resumed: string | null; events: number }>;
  /** Delivers queued events until none is left. */
  drain(limit?: number): Promise<number>;
  stop(): void;
}

export function startLocalForge(options: LocalForgeOptions): LocalForge {
  const platform = options.platform ?? new LocalPlatform();
  const installationId = options.installationId ?? 'local-install';
  const kvs = newKvsStore(options.kvsFile);
  const confluence = newConfluenceModel(options.pages, options.users ?? {}, options.spaces ?? []);
  const sql = newSqlStats();
  const invocations: InvocationStat[] = [];
  const services = [
    egressMeterService(),
    sqlService(options.pool, sql, () => platform.clock.now()),
    kvsService(kvs, options.kvsFile, () => platform.clock.now()),
  ];
  const invoke = <T>(functionKey: string, accountId: string | null, fn: () => Promise<T>, rootId?: string) =>
    platform.invoke({ installationId, services, functionKey, accountId, ...(rootId ? { rootId } : {}) }, fn);
  const timed = async <T>(handler: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      invocations.push({ handler, ms: Date.now() - started });
    }
  };
  const queue = new LocalQueue(
    {
      ...options.queue,
      onInvocation: (event, ms, failed) => {
        // Per handler and, for scan chunks, per step: each must fit the consumer's 900 s.
        const step = typeof event.body.step === 'string' ? event.body.step : String(event.body.type);
        invocations.push({ handler: `scanWorker:${step}`, ms });
        options.queue?.onInvocation?.(event, ms, failed);
      },
    },
    platform.clock,
  );
  queue.consume(
    SCAN_QUEUE,
    (event, delivery) => invoke('scan-worker', null, () => app.scanWorker(event), delivery.rootId),
    { timeoutSeconds: platform.spec('scan-worker').timeoutSeconds },
  );
  // The manifest's webtrigger modules, by key, each with the handler its function names.
  const webTriggers = new LocalWebTriggers({
    [OPT_OUT_TRIGGER]: (request) => invoke('opt-out', null, () => app.digestOptOut(request)),
  });
  const localConfluence = options.remoteConfluence
    ? remoteConfluenceService(options.remoteConfluence)
    : confluenceService(confluence);
  services.push(
    queue.service(),
    webTriggers.service(),
    platform.points.meter(installationId, localConfluence),
  );
  // Code outside an invocation (tests calling @forge/* directly) reaches this installation.
  const uninstall = installLocalRuntime({ services, appContext: { installationId } });
  const unregisterAws = registerInstallationAws(
    installationId,
    options.aws === 'environment'
      ? null
      : 'collect' in options.aws
        ? options.aws
        : snapshotAwsPort(options.aws),
  );
  resetSchemaMemo();
  // Scheduled triggers answer {statusCode}; this hook is not one, so it answers for the platform.
  const resumeScan = async (): Promise<{ resumed: string | null; events: number }> => {
    let out: { resumed: string | null; events: number } = { resumed: null, events: 0 };
    await invoke('daily-scan', null, async () => {
      out = await resumeStalledScan(forgeDeps(), 0);
      return { statusCode: 204 };
    });
    return out;
  };
  return {
    installationId,
    platform,
    points: platform.points.of(installationId),
    kvs,
    queue,
    confluence,
    sql,
    invocations,
    resolver: (functionKey, payload, accountId) =>
      timed('resolver', () =>
        invoke('resolver', accountId, () =>
          app.resolver(
            { call: { functionKey, payload }, context: accountId === null ? {} : { accountId } },
            accountId === null ? {} : { principal: { accountId } },
          ),
        ),
      ),
    installed: () => timed('installed', () => invoke('installed', null, () => app.installed())),
    upgraded: () => timed('upgraded', () => invoke('upgraded', null, () => app.upgraded())),
    byline: (payload, context) => {
      const accountId =
        (context as { principal?: { accountId?: string } } | null)?.principal?.accountId ?? null;
      return timed('byline', () =>
        invoke('byline-properties', accountId, () => app.bylineProperties(payload, context)),
      );
    },
    dailyScan: () =>
      timed('dailyScan', () => invoke('daily-scan', null, () => app.dailyScan()).then(() => undefined)),
    weeklyDigest: () =>
      timed('weeklyDigest', () =>
        invoke('weekly-digest', null, () => app.weeklyDigest()).then(() => undefined),
      ),
    webTriggers,
    webTrigger: (url, method = 'GET') => timed('webTrigger', () => webTriggers.invoke(url, { method })),
    pageChanged: (pageId) =>
      timed('pageChanged', () =>
        invoke('page-changed', null, () => app.pageChanged({ content: { id: pageId } })),
      ),
    resumeScan,
    drain: (limit) => queue.drain(limit),
    stop: () => {
      unregisterAws();
      uninstall();
      if (options.platform === undefined) platform.close();
    },
  };
}
