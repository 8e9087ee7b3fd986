import { router } from '@forge/bridge';

/**
 * Confluence URLs the app opens from its frames. Page links go through the host's router (a plain
 * href would load Confluence inside the iframe); Confluence resolves a page by its id, so the space
 * segment may be the key or, when the key is unknown, the id.
 */
export function pageUrl(pageId: string, space: string): string {
  return `/wiki/spaces/${encodeURIComponent(space)}/pages/${encodeURIComponent(pageId)}`;
}

export function openPage(pageId: string, space: string, newTab = false): Promise<void> {
  const url = pageUrl(pageId, space);
  return newTab ? router.open(url) : router.navigate(url);
}

/** The RunbookGuard settings page (confluence:globalSettings, route as the local host serves it). */
export const SETTINGS_URL = '/wiki/admin/runbookguard';

export function openSettings(): Promise<void> {
  return router.navigate(SETTINGS_URL);
}
