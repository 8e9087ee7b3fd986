import { router } from '@forge/bridge';

/**
 * Confluence URLs the app opens from its frames. Page links go through the host's router (a plain
 * href would load Confluence inside the iframe); Confluence resolves a page by its id, so the space
 * segment may be the key or, when the key is unknown, the id.
 */
export function pageUrl(pageId: string, space: string): string {
  return `/wiki/spaces/${encodeURIComponent(space)}/pages/${encodeURIComponent(pageId)}`;
}

/** Opens a page through the host's own navigation target, which knows the site's page URLs. */
export function openPage(pageId: string, newTab = false): Promise<void> {
  const location = { target: 'contentView', contentId: pageId } as const;
  return newTab ? router.open(location) : router.navigate(location);
}

/** The app's settings module (manifest key), wherever the host keeps admin pages. */
export const SETTINGS_MODULE = 'runbookguard-settings';

export function openSettings(): Promise<void> {
  return router.navigate({ target: 'module', moduleKey: SETTINGS_MODULE });
}
