import { appFrame, openAs, startUiSession, type UiSession } from './support/local-ui';

// The frames navigate the host through Forge's navigation targets (a page by content id, the
// settings module by key), as Confluence resolves them; the local host resolves them the same way,
// keeping the signed-in user.
describe('navigation from the Custom UI frames', () => {
  let session: UiSession;
  afterEach(async () => {
    await session?.close();
  });

  it('a finding’s page link opens that runbook page', async () => {
    session = await startUiSession('ui_nav_page');
    const { page, errors } = await openAs(session, '/wiki/apps/runbookguard', 'local-admin');
    const frame = await appFrame(page, 'dashboard');
    const link = frame.locator('a.rg-link').first();
    await link.waitFor({ timeout: 15_000 });
    const title = (await link.textContent()) ?? '';
    await Promise.all([page.waitForURL(/\/wiki\/spaces\/\d+\/pages\/\d+\?as=local-admin/), link.click()]);
    expect(await page.textContent('.page-title')).toBe(title);
    expect(errors).toEqual([]);
  });

  it('an unconfigured dashboard sends a site admin to the settings module', async () => {
    session = await startUiSession('ui_nav_settings', { firstRun: true });
    const { page, errors } = await openAs(session, '/wiki/apps/runbookguard', 'local-admin');
    const frame = await appFrame(page, 'dashboard');
    const button = frame.getByRole('button', { name: 'Open RunbookGuard settings' });
    await button.waitFor({ timeout: 15_000 });
    await Promise.all([page.waitForURL(/\/wiki\/admin\/runbookguard\?as=local-admin/), button.click()]);
    await appFrame(page, 'settings');
    expect(errors).toEqual([]);
  });
});
