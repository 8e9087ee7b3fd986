import api, { __getRuntime } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import type { ConfluenceRequester } from '../confluence/client';
import type { SqlExecutor } from '../store/executor';
import { forgeSqlExecutor } from '../store/forge-executor';
import { rateLimitedExecutor } from '../store/rate-limit';
import { awsPort, type AwsPort } from './aws';
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
}

export const SCAN_QUEUE = 'runbookguard-scan';

/** One per container: warm invocations share the DML budget (see src/store/rate-limit.ts). */
const sharedDb: SqlExecutor = rateLimitedExecutor(forgeSqlExecutor());

/**
 * The Forge wiring: created per invocation, after the runtime has installed its globals (on Forge,
 * or src/local's runtime locally). The same code path runs in both places.
 */
export function forgeDeps(): AppDeps {
  const queue = new Queue({ key: SCAN_QUEUE });
  return {
    db: sharedDb,
    confluence: {
      asUser: () => (path, init) => api.asUser().requestConfluence(path, init),
      asApp: () => (path, init) => api.asApp().requestConfluence(path, init),
    },
    kv: {
      get: (key) => kvs.get(key),
      set: async (key, value) => {
        await kvs.set(key, value as never);
      },
    },
    queue: {
      push: async (events) => {
        await pushInBatches((batch) => queue.push(batch).then(() => undefined), events);
      },
    },
    log: createLogger(() => secretValues()),
    aws: awsPort(),
    installId: installationId(),
    now: () => Date.now(),
  };
}

function installationId(): string {
  try {
    return __getRuntime().appContext.installationId;
  } catch {
    return 'unknown';
  }
}
