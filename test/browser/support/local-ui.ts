import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import type { InventorySnapshot } from '../../../src/core/inventory/snapshot';
import { loadPagesFile, loadSpacesFile } from '../../../src/local/confluence-service';
import { startLocalApp, type LocalApp } from '../../../src/local/ui-host/local-app';
import { createTestDatabase, type TestDatabase } from '../../store/support/mariadb';

/**
 * The end-to-end harness: the real app on the local Forge runtime (demo data, a fresh database),
 * its Custom UI host on a free port, and Debian's Chromium driven by playwright-core. Screens are
 * saved under test-output/browser/ui/ for a person to look at.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const SHOTS = path.join(ROOT, 'test-output', 'browser', 'ui');
const CHROMIUM = '/usr/bin/chromium';

export interface UiSession {
  app: LocalApp;
  browser: Browser;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startUiSession(
  prefix: string,
  options: { firstRun?: boolean; deliveryDelayMs?: number } = {},
): Promise<UiSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  for (const resource of ['dashboard', 'settings', 'macro', 'byline'])
    if (!existsSync(path.join(ROOT, 'static', resource, 'index.html')))
      throw new Error(`static/${resource} is not built: run npm run build:ui`);
  mkdirSync(SHOTS, { recursive: true });
  const database = await createTestDatabase(prefix);
  const app = await startLocalApp({
    sql: { pool: database.pool },
    pages: loadPagesFile(path.join(ROOT, 'demo', 'space.json')),
    spaces: loadSpacesFile(path.join(ROOT, 'demo', 'space.json')),
    snapshot: JSON.parse(readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8')) as InventorySnapshot,
    root: ROOT,
    port: 0,
    firstRun: options.firstRun ?? false,
    deliveryDelayMs: options.deliveryDelayMs ?? 0,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    app,
    browser,
    database,
    async close() {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

/** Opens a host page as a local user; collects the page's console errors and CSP violations. */
export async function openAs(
  session: UiSession,
  route: string,
  as: string,
  o: { theme?: 'light' | 'dark'; width?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await session.browser.newPage({ viewport: { width: o.width ?? 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = new URL(route, session.app.url);
  url.searchParams.set('as', as);
  url.searchParams.set('theme', o.theme ?? 'light');
  await page.goto(url.toString());
  return { page, errors };
}

/** The Custom UI frame of one resource on a host page, once its document has loaded. */
export async function appFrame(page: Page, resource: string): Promise<Frame> {
  const handle = await page.waitForSelector(`#frame-${resource}`, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (frame === null) throw new Error(`#frame-${resource} has no document`);
  await frame.waitForLoadState('load');
  return frame;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core inside a Custom UI frame. It is evaluated through the DevTools protocol, which the frame's
 * CSP does not govern, so the app keeps Forge's CSP while it is checked. Returns the serious and
 * critical violations (the bar every screen must clear) with enough detail to fix them.
 */
export async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(`${axeSource};0`);
  const found = await frame.evaluate<AxeViolation[]>(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => String(n.target)),
    })))`);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
