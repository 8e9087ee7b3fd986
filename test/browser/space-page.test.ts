import type { Frame } from 'playwright-core';
import {
  appFrame,
  openAs,
  screenshot,
  seriousViolations,
  startUiSession,
  type UiSession,
} from './support/local-ui';

// The space page (confluence:spacePage) on the real app: a space admin sees only their space's
// findings with owner and last editor, suppresses one with a reason, and sees coverage and scope;
// others are told they have no access. Screenshots and axe in light and dark.
const SPACE = '98305';
const ROUTE = `/wiki/spaces/${SPACE}/apps/runbookguard`;
let session: UiSession;
let spaceTitles: string[];

beforeAll(async () => {
  session = await startUiSession('space_page');
  const [rows] = await session.database.pool.query('SELECT title FROM rg_pages WHERE space_id = ?', [SPACE]);
  spaceTitles = (rows as { title: string }[]).map((r) => r.title);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

async function findingRows(frame: Frame): Promise<string[][]> {
  await frame.waitForSelector('table tbody tr', { timeout: 20_000 });
  return frame.evaluate<string[][]>(`Array.from(document.querySelectorAll('table tbody tr')).map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent || '').trim()))`);
}

test('a space admin sees the space’s findings only, suppresses one, and sees coverage and scope', async () => {
  const { page, errors } = await openAs(session, ROUTE, 'space-admin');
  const frame = await appFrame(page, 'space');
  await frame.waitForSelector('h1', { timeout: 20_000 });
  expect(await frame.textContent('h1')).toContain('RunbookGuard');
  const rows = await findingRows(frame);
  const [counted] = await session.database.pool.query(
    "SELECT COUNT(*) AS n FROM rg_findings WHERE space_id = ? AND status IN ('open','acknowledged','reopened')",
    [SPACE],
  );
  expect(rows.length).toBe(Math.min(25, Number((counted as { n: unknown }[])[0]?.n)));
  for (const cells of rows) {
    // Runbook column: a page of this space; owner column: the page owner's name (Sam).
    expect(spaceTitles.some((t) => cells[2]?.includes(t))).toBe(true);
    expect(cells[4]).toContain('Sam');
  }
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'space-findings-light');
  expect(await seriousViolations(frame)).toEqual([]);

  // Suppress the first finding with a reason.
  const value = (rows[0]?.[1] ?? '').slice(0, 12);
  await frame
    .getByRole('button', { name: /^Details of / })
    .first()
    .click();
  const dialog = frame.getByRole('dialog');
  await dialog.waitFor({ timeout: 15_000 });
  await dialog.getByLabel('Reason (for acknowledge or suppress)').fill('Replaced in the Q1 migration');
  await dialog.getByRole('button', { name: 'Copy for Jira/Slack' }).click();
  await dialog.getByText(/Copied|did not allow copying/).waitFor();
  await screenshot(page, 'space-finding-detail-light');
  expect(await seriousViolations(frame)).toEqual([]);
  await dialog.getByRole('button', { name: 'Suppress' }).click();
  await dialog.getByText('Suppressed.').waitFor({ timeout: 15_000 });
  const [stored] = await session.database.pool.query(
    "SELECT status, status_by, status_reason FROM rg_findings WHERE status = 'suppressed' AND space_id = ?",
    [SPACE],
  );
  expect(stored).toEqual([
    { status: 'suppressed', status_by: 'space-admin', status_reason: 'Replaced in the Q1 migration' },
  ]);
  await page.keyboard.press('Escape');
  await frame.waitForFunction(`!document.querySelector('dialog[open]')`);

  // The suppressed filter shows it.
  await frame.selectOption('#space-status', 'suppressed');
  await frame.waitForFunction(
    `Array.from(document.querySelectorAll('table tbody tr')).some((tr) => (tr.textContent || '').includes(${JSON.stringify(value)}))`,
  );
  const suppressed = await findingRows(frame);
  expect(suppressed.every((cells) => cells[5]?.includes('Suppressed'))).toBe(true);

  await frame.getByRole('tab', { name: 'Coverage' }).click();
  const table = frame.getByRole('table', { name: 'Runbooks checked in this space' });
  await table.locator('tbody tr').first().waitFor({ timeout: 15_000 });
  expect(await table.locator('tbody tr').count()).toBe(spaceTitles.length);
  for (const title of spaceTitles) await table.getByRole('link', { name: title }).waitFor();
  await screenshot(page, 'space-coverage-light');
  expect(await seriousViolations(frame)).toEqual([]);

  await frame.getByRole('tab', { name: 'Scope and digest' }).click();
  await frame.getByRole('button', { name: 'Save scope' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'space-scope-light');
  expect(await seriousViolations(frame)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test('dark mode: findings table with no serious axe violations', async () => {
  const { page, errors } = await openAs(session, ROUTE, 'space-admin', { theme: 'dark' });
  const frame = await appFrame(page, 'space');
  await findingRows(frame);
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'space-findings-dark');
  expect(await seriousViolations(frame)).toEqual([]);
  await frame.getByRole('tab', { name: 'Scope and digest' }).click();
  await frame.getByRole('button', { name: 'Save scope' }).waitFor({ timeout: 15_000 });
  await screenshot(page, 'space-scope-dark');
  expect(await seriousViolations(frame)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('someone who does not administer the space is told so, and sees no finding', async () => {
  for (const [who, route] of [
    ['engineer', ROUTE],
    ['space-admin', '/wiki/spaces/131073/apps/runbookguard'],
  ] as const) {
    const { page } = await openAs(session, route, who);
    const frame = await appFrame(page, 'space');
    await frame.getByText('You do not have access to this').waitFor({ timeout: 15_000 });
    expect(await frame.$$('table tbody tr')).toEqual([]);
    await screenshot(page, `space-denied-${who}`);
    expect(await seriousViolations(frame)).toEqual([]);
    await page.close();
  }
}, 60_000);

test('site admins see the scan scope in plain words with a count, and a label rule counts before saving', async () => {
  const { page, errors } = await openAs(session, '/wiki/admin/runbookguard', 'local-admin');
  const frame = await appFrame(page, 'settings');
  await frame.getByRole('tab', { name: 'Scan scope' }).click();
  // Unconfigured: every page of every space the app sees, as Confluence counts them.
  const pages = session.app.forge.confluence.pages;
  const spaces = new Set(pages.map((p) => p.spaceId)).size;
  await frame.getByText(`${pages.length} pages in ${spaces} spaces: every page`).waitFor({ timeout: 20_000 });
  await frame.getByLabel('Pages carrying one of these labels').check();
  const labelled = pages.filter((p) => (p.labels ?? []).some((l) => ['runbook', 'playbook'].includes(l)));
  await frame
    .getByText(`${labelled.length} pages in ${spaces} spaces: pages labelled runbook or playbook`)
    .waitFor({ timeout: 15_000 });
  await screenshot(page, 'settings-scope-light');
  expect(await seriousViolations(frame)).toEqual([]);

  // Any space of the site, picked by name (not only spaces with findings): the count follows.
  await frame.getByLabel('Only the spaces I choose').check();
  await frame.getByLabel('Spaces to check').fill('Netw');
  await frame.getByRole('option', { name: 'Networking (NET)' }).click();
  const net = labelled.filter((p) => p.spaceId === '163841').length;
  await frame
    .getByText(`${net} ${net === 1 ? 'page' : 'pages'} in 1 space: pages labelled runbook or playbook`)
    .waitFor({ timeout: 15_000 });
  await screenshot(page, 'settings-scope-space-picked-light');
  expect(await seriousViolations(frame)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('a space admin picks a page tree by title; the rule stores the page id', async () => {
  const { page, errors } = await openAs(session, ROUTE, 'space-admin');
  const frame = await appFrame(page, 'space');
  await frame.getByRole('tab', { name: 'Scope and digest' }).click();
  await frame.getByLabel('Pages with these labels, or in these page trees').check();
  await frame.getByLabel('Page trees (the page and all below it)').fill('aurora');
  const parent = session.app.forge.confluence.pages.find((p) => p.id === '1048577');
  if (parent === undefined) throw new Error('demo page 1048577 is missing');
  await frame.getByRole('option', { name: parent.title }).click();
  await screenshot(page, 'space-scope-page-picked-light');
  expect(await seriousViolations(frame)).toEqual([]);
  await frame.getByRole('button', { name: 'Save scope' }).click();
  await frame.getByText(/^Saved:/).waitFor({ timeout: 15_000 });
  const [rows] = await session.database.pool.query('SELECT rule FROM rg_space_scopes WHERE space_id = ?', [
    SPACE,
  ]);
  const stored = (rows as { rule: string }[])[0]?.rule ?? 'null';
  expect((JSON.parse(stored) as { parentPageIds: string[] }).parentPageIds).toEqual(['1048577']);
  expect(errors).toEqual([]);
  await page.close();

  // Reopened (dark): the saved id shows as its title again, and the search menu is readable.
  const dark = await openAs(session, ROUTE, 'space-admin', { theme: 'dark' });
  const again = await appFrame(dark.page, 'space');
  await again.getByRole('tab', { name: 'Scope and digest' }).click();
  await again.getByText(parent.title).filter({ visible: true }).waitFor({ timeout: 15_000 });
  await again.getByLabel('Page trees (the page and all below it)').fill('incident');
  await again.getByRole('option', { name: /^Incident response/ }).waitFor({ timeout: 15_000 });
  await screenshot(dark.page, 'space-scope-page-search-dark');
  expect(await seriousViolations(again)).toEqual([]);
  expect(dark.errors).toEqual([]);
  await dark.page.close();
}, 60_000);
