import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoDigest } from '../../src/cli/commands/digest';
import { renderDigest } from '../../src/email/render';

// The demo digest as a mail client's HTML view would show it, in Debian's Chromium. The PNGs are
// kept in test-output/browser/ for a person to look at; the assertions catch what a glance would.
const CHROMIUM = '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output/browser');

let browser: Browser;
let html = '';
let subject = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(OUT, { recursive: true });
  const rendered = await renderDigest(await demoDigest(), 'https://example.invalid/optout?token=TOKEN');
  html = rendered.html;
  subject = rendered.subject;
  writeFileSync(path.join(OUT, 'digest.html'), html);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Loads the mail with every network request refused and recorded: a mail must need none. */
async function open(width: number): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

describe('digest e-mail in Chromium', () => {
  it.each([
    ['desktop', 800],
    ['mobile', 375],
  ])('%s (%ipx): renders with no network, no horizontal overflow; screenshot saved', async (name, width) => {
    const { page, requests } = await open(width);
    const file = path.join(OUT, `digest-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
    expect(requests).toEqual([]);
    // String expressions: the project compiles without the DOM library, and the page needs no types.
    const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
    const widest = await page.evaluate<number>(
      'Math.max(...[...document.querySelectorAll("table")].map((t) => t.getBoundingClientRect().width))',
    );
    const button = await page.locator('a[href$="/apps/runbookguard"]').boundingBox();
    const layout = {
      scrollWidth,
      containerWidth: widest,
      h1: await page.locator('h1').textContent(),
      buttonVisible: button !== null && button.width > 0 && button.x + button.width <= width,
    };
    expect(layout.scrollWidth).toBeLessThanOrEqual(width);
    expect(layout.containerWidth).toBeLessThanOrEqual(Math.max(width, 602));
    expect(layout.h1).toBe(subject);
    expect(layout.buttonVisible).toBe(true);
    await page.close();
  });

  it('the preheader is hidden from view but present for the inbox preview', async () => {
    const { page } = await open(800);
    const hidden = await page.evaluate<string>(
      'getComputedStyle(document.querySelector(\'[data-skip-in-text="true"]\')).display',
    );
    expect(await page.locator('[data-skip-in-text="true"]').textContent()).toContain('6 new · 2 fixed');
    expect(await page.locator('[data-skip-in-text="true"]').isVisible()).toBe(false);
    expect(hidden).toBe('none');
    await page.close();
  });
});
