import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { InventorySnapshot } from '../../src/core/inventory/snapshot';
import {
  appFrame,
  openAs,
  ROOT,
  screenshot,
  seriousViolations,
  startUiSession,
  type UiSession,
} from './support/local-ui';

// The settings page end to end on the local runtime, starting unconfigured: the first-run wizard
// connects a demo account with its real resolvers, the digest is set and previewed, the audit log
// shows the changes, and a user who is not a site admin is refused. Screens go to test-output.
const ROUTE = '/wiki/admin/runbookguard';
const snapshot = JSON.parse(
  readFileSync(path.join(ROOT, 'demo', 'snapshot.json'), 'utf8'),
) as InventorySnapshot;
const demo = snapshot.accounts[0];
if (demo?.roleArn === undefined || demo.roleArn === null)
  throw new Error('demo/snapshot.json has no role ARN');
const ROLE_ARN = demo.roleArn;

let session: UiSession;

beforeAll(async () => {
  session = await startUiSession('ui_settings', { firstRun: true });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

jest.setTimeout(120_000);

/**
 * Once nothing in the frame is loading, grows the viewport to the frame's content (the host sizes
 * the frame to the window) so the shot shows all of it, then runs axe. Not 'networkidle': Chromium
 * never reports it for a page holding the preview's sandboxed srcdoc frame.
 */
async function shoot(page: Page, frame: Frame, name: string): Promise<void> {
  // Polled from here: the frame's CSP forbids the eval that waitForFunction needs.
  const until = Date.now() + 20_000;
  // A Loading state is a status region with a spinner (react-select's live region has none).
  const loading = frame.locator('[role="status"]', { has: frame.locator('svg') });
  while ((await loading.count()) > 0) {
    if (Date.now() > until) throw new Error(`${name}: still loading after 20 s`);
    await frame.waitForTimeout(100);
  }
  // The host sizes the frame to the window: back to the base height first, then measure the content.
  await page.setViewportSize({ width: 1280, height: 900 });
  await frame.waitForTimeout(100);
  const height = await frame.evaluate<number>('document.body.scrollHeight');
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(900, height + 120), 6000) });
  await frame.waitForTimeout(150);
  await screenshot(page, name);
  expect(await seriousViolations(frame)).toEqual([]);
}

async function settingsFrame(as: string, theme: 'light' | 'dark' = 'light') {
  const { page, errors } = await openAs(session, ROUTE, as, { theme });
  const frame = await appFrame(page, 'settings');
  return { page, frame, errors };
}

describe('settings page (first run)', () => {
  it('a site admin connects the first AWS account with the wizard', async () => {
    const { page, frame, errors } = await settingsFrame('local-admin');
    await frame.getByRole('heading', { name: 'Connect your first AWS account' }).waitFor({ timeout: 20_000 });
    const externalId = await frame.getByLabel('External ID for this Confluence site').inputValue();
    expect(externalId).toMatch(/^[A-Za-z0-9]{16,}$/);
    await shoot(page, frame, 'settings-wizard-step1-light');

    // The template is a real file download (a Blob URL, no inline script under Forge's CSP).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: /Download the template/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('runbookguard-role.yaml');
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toContain('AWSTemplateFormatVersion');

    await frame.getByRole('button', { name: 'Next: enter the role' }).click();
    const arn = frame.getByLabel('Role ARN');
    await arn.fill('arn:aws:iam::12345:role/Short');
    await frame.getByRole('button', { name: 'Test connection' }).click();
    await frame.getByRole('alert').filter({ hasText: 'not an IAM role ARN' }).waitFor();
    await shoot(page, frame, 'settings-wizard-step2-invalid-arn-light');

    await arn.fill(ROLE_ARN);
    await frame.getByRole('button', { name: 'Test connection' }).click();
    const results = frame.getByRole('table', { name: 'Connection test by service and region' });
    await results.waitFor({ timeout: 30_000 });
    expect(await results.getByRole('row').count()).toBeGreaterThan(5);
    expect(await results.getByText('OK', { exact: true }).count()).toBeGreaterThan(0);
    await shoot(page, frame, 'settings-wizard-step2-tested-light');

    await frame.getByRole('button', { name: 'Next: review and save' }).click();
    await frame.getByText('Role OK').waitFor();
    await shoot(page, frame, 'settings-wizard-step3-light');
    await frame.getByRole('button', { name: 'Save and connect' }).click();
    const accounts = frame.getByRole('table', { name: 'Connected AWS accounts' });
    await accounts.waitFor({ timeout: 20_000 });
    expect(await accounts.getByText(demo.account, { exact: true }).count()).toBe(1);
    await frame.getByText(`AWS account ${demo.account} is connected.`).waitFor();
    await shoot(page, frame, 'settings-accounts-light');

    // What the backend now holds, read as the admin through the real resolver.
    const saved = (await session.app.forge.resolver('getSettings', {}, 'local-admin')) as {
      ok: boolean;
      data: { accounts: { roleArn: string; regions: string[] | null }[] };
    };
    expect(saved.data.accounts).toEqual([expect.objectContaining({ roleArn: ROLE_ARN, regions: null })]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the digest is configured, previewed before and after the first scan, and the audit log shows the changes', async () => {
    const { page, frame, errors } = await settingsFrame('local-admin');
    await frame.getByRole('tab', { name: 'Weekly digest' }).click();
    const recipient = frame.getByLabel('Add a recipient');
    await recipient.waitFor({ timeout: 20_000 });
    await recipient.fill('not-an-address');
    await frame.getByRole('button', { name: 'Add', exact: true }).click();
    await frame.getByRole('alert').filter({ hasText: 'is not an e-mail address' }).waitFor();
    await recipient.fill('oncall@example.com');
    await frame.getByRole('button', { name: 'Add', exact: true }).click();
    await frame.getByRole('list', { name: 'Recipients' }).getByText('oncall@example.com').waitFor();
    // The weekday picker by keyboard, as a keyboard user would: focus, open, choose.
    await frame.getByLabel('Send on').focus();
    await page.keyboard.press('ArrowDown');
    await frame.getByRole('option', { name: 'Thursday' }).click();
    await frame.getByRole('checkbox', { name: 'Send even when the week is quiet' }).check();
    await frame.getByRole('button', { name: 'Save digest settings' }).click();
    await frame.getByText('Digest settings saved.').waitFor({ timeout: 20_000 });

    await frame.getByRole('button', { name: 'Show preview' }).click();
    await frame.getByText('No scan yet').waitFor({ timeout: 20_000 });
    await shoot(page, frame, 'settings-digest-no-scan-light');

    // A first scan (started as the admin, delivered by the local queue) gives the digest content.
    await session.app.forge.resolver('startScan', {}, 'local-admin');
    await session.app.forge.drain();
    await frame.getByRole('button', { name: 'Refresh preview' }).click();
    const preview = frame.locator('iframe[title^="Digest preview"]');
    await preview.waitFor({ timeout: 20_000 });
    expect(await preview.getAttribute('sandbox')).toBe('');
    expect((await preview.getAttribute('srcdoc'))?.length ?? 0).toBeGreaterThan(200);
    await frame.getByText(/Would send|Would not send/).waitFor();
    await shoot(page, frame, 'settings-digest-preview-light');

    await frame.getByRole('tab', { name: 'Audit log' }).click();
    const log = frame.getByRole('table', { name: 'Audit log entries' });
    await log.waitFor({ timeout: 20_000 });
    await log.getByText('Saved digest settings').waitFor();
    await log.getByText('Saved AWS accounts').waitFor();
    await log.getByText('Tested a role').waitFor();
    expect(await log.getByText('recipients=1 weekday=thursday sendWhenQuiet=true').count()).toBe(1);
    await shoot(page, frame, 'settings-audit-light');

    await frame.getByRole('tab', { name: 'What we store' }).click();
    await frame.getByRole('table', { name: 'What RunbookGuard never stores' }).waitFor();
    await shoot(page, frame, 'settings-what-we-store-light');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in dark mode the tabs render with no serious axe violations', async () => {
    const { page, frame, errors } = await settingsFrame('local-admin', 'dark');
    await frame.getByRole('table', { name: 'Connected AWS accounts' }).waitFor({ timeout: 20_000 });
    expect(
      await frame.evaluate<string | null>('document.documentElement.getAttribute("data-color-mode")'),
    ).toBe('dark');
    await shoot(page, frame, 'settings-accounts-dark');
    await frame.getByRole('button', { name: 'Connect another account' }).click();
    await frame.getByRole('heading', { name: 'Connect another AWS account' }).waitFor();
    await frame.getByLabel('External ID for this Confluence site').waitFor({ timeout: 20_000 });
    await shoot(page, frame, 'settings-wizard-step1-dark');
    await frame.getByRole('button', { name: 'Remove account ' + demo.account }).click();
    await frame.getByRole('dialog').waitFor();
    await shoot(page, frame, 'settings-remove-dialog-dark');
    await page.keyboard.press('Escape');
    await frame.getByRole('dialog').waitFor({ state: 'hidden' });
    await frame.getByRole('tab', { name: 'Weekly digest' }).click();
    await frame.getByRole('button', { name: 'Show preview' }).click();
    await frame.locator('iframe[title^="Digest preview"]').waitFor({ timeout: 20_000 });
    await shoot(page, frame, 'settings-digest-preview-dark');
    await frame.getByRole('tab', { name: 'Audit log' }).click();
    await frame.getByRole('table', { name: 'Audit log entries' }).waitFor({ timeout: 20_000 });
    await shoot(page, frame, 'settings-audit-dark');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a user who is not a site admin is refused and sees no External ID', async () => {
    const admin = (await session.app.forge.resolver('getSettings', {}, 'local-admin')) as {
      data: { externalId: string };
    };
    for (const theme of ['light', 'dark'] as const) {
      const { page, frame, errors } = await settingsFrame('engineer', theme);
      await frame
        .getByRole('heading', { name: 'Only Confluence site admins can configure RunbookGuard' })
        .waitFor({ timeout: 20_000 });
      const text = await frame.evaluate<string>('document.body.innerText');
      expect(text).not.toContain(admin.data.externalId);
      expect(text).not.toContain(demo.account);
      expect(await frame.getByRole('tab').count()).toBe(0);
      await shoot(page, frame, `settings-refused-engineer-${theme}`);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
