import {
  appFrame,
  openAs,
  screenshot,
  seriousViolations,
  startUiSession,
  type UiSession,
} from './support/local-ui';

// Every Custom UI resource loads on the local host under Forge's CSP, renders without console
// errors, and passes axe-core with no serious or critical violation, in light and dark mode.
let session: UiSession;

beforeAll(async () => {
  session = await startUiSession('ui_shell');
});

afterAll(async () => {
  await session?.close();
});

const SCREENS = [
  { name: 'dashboard', route: '/wiki/apps/runbookguard', frame: 'dashboard' },
  { name: 'settings', route: '/wiki/admin/runbookguard', frame: 'settings' },
  { name: 'runbook-page', route: '/wiki/spaces/98305/pages/1048577', frame: 'macro' },
] as const;

describe.each(['light', 'dark'] as const)('Custom UI shell (%s)', (theme) => {
  it.each(SCREENS)(
    '$name renders for a site admin with no errors and no serious axe violations',
    async (screen) => {
      const { page, errors } = await openAs(session, screen.route, 'local-admin', { theme });
      const frame = await appFrame(page, screen.frame);
      await frame.waitForSelector('h1, h2, [role="status"], [role="alert"], section', { timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      await screenshot(page, `shell-${screen.name}-${theme}`);
      expect(await seriousViolations(frame)).toEqual([]);
      expect(errors).toEqual([]);
      const mode = await frame.evaluate<string | null>(
        'document.documentElement.getAttribute("data-color-mode")',
      );
      expect(mode).toBe(theme);
      await page.close();
    },
  );
});
