import type { Server } from 'node:http';
import type { InventorySnapshot } from '../../core/inventory/snapshot';
import type { LocalPage, LocalSpace, LocalUser } from '../confluence-service';
import { startLocalForge, type LocalForge, type LocalForgeOptions } from '../forge-app';
import type { HostUser } from './host-pages';
import { startUiHost } from './server';

/**
 * The whole local app behind `npm start` and the browser tests: the local Forge runtime with the
 * demo data, three local users, and the Custom UI host. `firstRun` leaves the install unconfigured
 * (the setup wizard's starting point); otherwise the demo accounts are connected and scanned once.
 */
export const LOCAL_USERS: (HostUser & LocalUser)[] = [
  { accountId: 'local-admin', label: 'Ada (site admin)', siteAdmin: true },
  { accountId: 'space-admin', label: 'Sam (SRE space admin)', spaceAdmin: ['98305'] },
  { accountId: 'engineer', label: 'Eli (engineer)' },
];
/** Restricted to the site admin: the engineer must never see its findings or title anywhere. */
export const RESTRICTED_PAGE = '12845098';

export interface LocalAppOptions {
  sql: Pick<LocalForgeOptions, 'pool'>;
  pages: LocalPage[];
  spaces?: readonly LocalSpace[];
  snapshot: InventorySnapshot;
  root: string;
  port: number;
  firstRun?: boolean;
  /** Forge delivers queue events with some latency; a little here makes progress visible. */
  deliveryDelayMs?: number;
}

export interface LocalApp {
  url: string;
  forge: LocalForge;
  server: Server;
  close(): Promise<void>;
}

export async function startLocalApp(o: LocalAppOptions): Promise<LocalApp> {
  const allSpaces = [...new Set(o.pages.map((p) => p.spaceId))];
  const users = Object.fromEntries(
    LOCAL_USERS.map((u) => [
      u.accountId,
      {
        siteAdmin: u.siteAdmin ?? false,
        spaceAdmin: u.siteAdmin ? allSpaces : (u.spaceAdmin ?? []),
        displayName: u.label.replace(/ \(.*\)$/, ''),
      },
    ]),
  );
  const forge = startLocalForge({ ...o.sql, pages: o.pages, spaces: o.spaces ?? [], users, aws: o.snapshot });
  forge.confluence.restrictions[RESTRICTED_PAGE] = ['local-admin'];
  await forge.installed();
  if (o.firstRun !== true) {
    const accounts = o.snapshot.accounts.map((a) => ({ roleArn: a.roleArn ?? '', regions: a.regions }));
    await forge.resolver('saveSettings', { accounts }, 'local-admin');
    await forge.resolver('startScan', {}, 'local-admin');
    await forge.drain();
  }
  const pump = queuePump(forge, o.deliveryDelayMs ?? 300);
  const server = await startUiHost(
    { forge, pages: o.pages, users: LOCAL_USERS, root: o.root, afterInvoke: pump.kick },
    o.port,
  );
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : o.port;
  return {
    url: `http://127.0.0.1:${port}`,
    forge,
    server,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pump.idle();
      forge.stop();
    },
  };
}

/** Delivers queued events in the background, one at a time, after each UI call that may add some. */
function queuePump(forge: LocalForge, delayMs: number): { kick: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      while (forge.queue.pending.length > 0) {
        await new Promise((r) => setTimeout(r, delayMs));
        await forge.drain(1);
      }
    } catch (error) {
      console.error('local queue: a delivery failed:', error instanceof Error ? error.message : error);
    }
  };
  return {
    kick: () => {
      // Cleared only once the assignment has happened: with nothing queued, run() settles before
      // `running` is set, and a `finally` inside it would leave a settled promise there for good.
      if (running !== null) return;
      running = run().finally(() => {
        running = null;
      });
    },
    idle: async () => {
      await running;
    },
  };
}
