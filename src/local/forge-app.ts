import type { InventorySnapshot } from '../core/inventory/snapshot';
import { overrideAwsPort, type AwsPort } from '../forge/aws';
import { forgeDeps, SCAN_QUEUE } from '../forge/deps';
import { OPT_OUT_TRIGGER } from '../forge/digest/forge';
import { resumeStalledScan } from '../forge/jobs/scan/start';
import * as app from '../index';
import { resetSchemaMemo } from '../store/migrate';
import type { SqlPool } from '../store/mysql-executor';
import { snapshotAwsPort } from './aws-snapshot';
import {
  confluenceService,
  newConfluenceModel,
  type ConfluenceModel,
  type LocalPage,
  type LocalSpace,
  type LocalUser,
} from './confluence-service';
import { remoteConfluenceService, type RemoteConfluence } from './confluence-remote';
import { kvsService, newKvsStore, type KvsStore } from './kvs-service';
import { LocalQueue, type LocalQueueOptions } from './queue-service';
import { installLocalRuntime, runAs } from './runtime';
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
}

export interface InvocationStat {
  handler: string;
  ms: number;
}

export interface LocalForge {
  kvs: KvsStore;
  queue: LocalQueue;
  confluence: ConfluenceModel;
  sql: SqlStats;
  invocations: InvocationStat[];
  resolver(functionKey: string, payload: unknown, accountId: string | null): Promise<unknown>;
  installed(): Promise<void>;
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
  const kvs = newKvsStore(options.kvsFile);
  const confluence = newConfluenceModel(options.pages, options.users ?? {}, options.spaces ?? []);
  const sql = newSqlStats();
  const invocations: InvocationStat[] = [];
  const timed = async <T>(handler: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await fn();
    } finally {
      invocations.push({ handler, ms: Date.now() - started });
    }
  };
  const queue = new LocalQueue({
    ...options.queue,
    onInvocation: (event, ms, failed) => {
      // Per handler and, for scan chunks, per step: each must fit the consumer's 900 s.
      const step = typeof event.body.step === 'string' ? event.body.step : String(event.body.type);
      invocations.push({ handler: `scanWorker:${step}`, ms });
      options.queue?.onInvocation?.(event, ms, failed);
    },
  });
  queue.consume(SCAN_QUEUE, (event) => runAs(null, () => app.scanWorker(event)));
  // The manifest's webtrigger modules, by key, each with the handler its function names.
  const webTriggers = new LocalWebTriggers({
    [OPT_OUT_TRIGGER]: (request) => runAs(null, () => app.digestOptOut(request)),
  });
  const uninstall = installLocalRuntime({
    services: [
      sqlService(options.pool, sql),
      kvsService(kvs, options.kvsFile),
      queue.service(),
      webTriggers.service(),
      ...(options.remoteConfluence ? [remoteConfluenceService(options.remoteConfluence)] : []),
      confluenceService(confluence),
    ],
  });
  overrideAwsPort(
    options.aws === 'environment'
      ? null
      : 'collect' in options.aws
        ? options.aws
        : snapshotAwsPort(options.aws),
  );
  resetSchemaMemo();
  return {
    kvs,
    queue,
    confluence,
    sql,
    invocations,
    resolver: (functionKey, payload, accountId) =>
      timed('resolver', () =>
        runAs(accountId, () =>
          app.resolver(
            { call: { functionKey, payload }, context: accountId === null ? {} : { accountId } },
            accountId === null ? {} : { principal: { accountId } },
          ),
        ),
      ),
    installed: () => timed('installed', () => runAs(null, () => app.installed())),
    dailyScan: () => timed('dailyScan', () => runAs(null, () => app.dailyScan())),
    weeklyDigest: () => timed('weeklyDigest', () => runAs(null, () => app.weeklyDigest())),
    webTriggers,
    webTrigger: (url, method = 'GET') => timed('webTrigger', () => webTriggers.invoke(url, { method })),
    pageChanged: (pageId) =>
      timed('pageChanged', () => runAs(null, () => app.pageChanged({ content: { id: pageId } }))),
    resumeScan: () => runAs(null, () => resumeStalledScan(forgeDeps(), 0)),
    drain: (limit) => queue.drain(limit),
    stop: () => {
      overrideAwsPort(null);
      uninstall();
    },
  };
}
