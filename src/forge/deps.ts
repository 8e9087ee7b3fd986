import api, { __getRuntime } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import type { ConfluenceRequester } from '../confluence/client';
import type { SqlExecutor } from '../store/executor';
import { forgeSqlExecutor } from '../store/forge-executor';
import { DEFAULT_DML_PER_SECOND, rateLimitedExecutor } from '../store/rate-limit';
import { awsPort, type AwsPort } from './aws';
import { appNow, appSleep } from './clock';
import { createLogger, type Logger } from './log';
import { pushInBatches, type JobQueue } from './queue';
import { secretValues } from './secrets';

/** Everything a handler needs from the platform, as small interfaces (fakes in unit tests). */
export interface AppDeps {
  db: SqlExecutor;
  confluence: ConfluenceRequester;
  kv: KeyValue;
  queue: JobQueue;
  log: Logger;
  aws: AwsPort;
  /** This installation's id (AWS session names); 'unknown' outside an invocation. */
  installId: string;
  now: () => number;
}

export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Writes only when the key holds nothing, atomically (KVS's FAIL_IF_EXISTS key policy); true when
   * this call wrote it. For values minted once that two first calls must not both mint.
   */
  setIfAbsent(key: string, value: unknown): Promise<boolean>;
}

export const SCAN_QUEUE = 'runbookguard-scan';

/**
 * One DML limiter per installation: Forge SQL's 150 DML a second is per install, and a warm
 * container serves several installs (tenant-data-isolation), so one install's writes must not
 * spend another's budget. Keyed by installation id, so nothing of one tenant is reachable from
 * another; bounded, as a container could in principle serve many.
 */
const dbByInstallation = new Map<string, SqlExecutor>();
const MAX_REMEMBERED_INSTALLATIONS = 64;

function dbFor(installId: string): SqlExecutor {
  let db = dbByInstallation.get(installId);
  if (db === undefined) {
    db = rateLimitedExecutor(forgeSqlExecutor(), DEFAULT_DML_PER_SECOND, { now: appNow, sleep: appSleep });
    if (dbByInstallation.size >= MAX_REMEMBERED_INSTALLATIONS)
      dbByInstallation.delete(dbByInstallation.keys().next().value as string);
    dbByInstallation.set(installId, db);
  }
  return db;
}

/**
 * The Forge wiring: created per invocation, after the runtime has installed its globals (on Forge,
 * or src/local's runtime locally). The same code path runs in both places.
 */
export function forgeDeps(): AppDeps {
  const queue = new Queue({ key: SCAN_QUEUE });
  const installId = installationId();
  return {
    db: dbFor(installId),
    confluence: {
      asUser: () => (path, init) => api.asUser().requestConfluence(path, init),
      asApp: () => (path, init) => api.asApp().requestConfluence(path, init),
    },
    kv: {
      get: (key) => kvs.get(key),
      set: async (key, value) => {
        await kvs.set(key, value as never);
      },
      setIfAbsent: (key, value) => kvsSetIfAbsent(key, value),
    },
    queue: {
      push: async (events) => {
        await pushInBatches((batch) => queue.push(batch).then(() => undefined), events);
      },
    },
    log: createLogger(() => secretValues()),
    aws: awsPort(),
    installId,
    now: appNow,
  };
}

/**
 * KVS answers a FAIL_IF_EXISTS write on a taken key with an error (key policy, Forge REST API
 * "Set value by key": https://developer.atlassian.com/platform/forge/rest/v2/api-group-forge-kvs/).
 * Its code is not documented, so the key is read back: taken means we lost, empty means a real failure.
 */
async function kvsSetIfAbsent(key: string, value: unknown): Promise<boolean> {
  try {
    await kvs.set(key, value as never, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    if ((await kvs.get(key)) !== undefined) return false;
    throw error;
  }
}

function installationId(): string {
  try {
    return __getRuntime().appContext.installationId;
  } catch {
    return 'unknown';
  }
}
