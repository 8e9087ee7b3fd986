import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { matchesCql, parseCql, CqlError } from './cql';
import { currentAccountId, jsonResponse, type ServiceHandler } from './runtime';

/**
 * Confluence Cloud from a pages file (the REST v2 list format, e.g. demo/space.json), answering the
 * routes the app calls through `requestConfluence`: the page list (cursor paging, `id=` and `space-id=` filters,
 * `body-format=storage`), one page, the space list (cursor paging, `ids=`/`keys=`; keys and names from
 * the file's `spaces`, else made up from the id), the
 * caller's global operations (site admin), a space's permitted operations (space admin), CQL content
 * search and search counts (src/local/cql.ts: labels, page trees by parent, spaces by key, title
 * words) and users
 * by account id. `asUser` calls see only pages the invocation's user may view;
 * `asApp` calls see everything. Tests can make the next N requests answer 429 with Retry-After.
 */
export interface LocalPage {
  id: string;
  status?: string;
  title: string;
  spaceId: string;
  version: { number: number; authorId?: string };
  body: { storage: { value: string; representation?: string } };
  /** Label names (Confluence answers them on their own routes and in CQL, not in the page). */
  labels?: string[];
  /** The parent page (page trees); absent or null for a top-level page. */
  parentId?: string | null;
  ownerId?: string;
  authorId?: string;
}

/** A space as the pages file may list it (`"spaces": [{id, key, name}]` beside `results`). */
export interface LocalSpace {
  id: string;
  key: string;
  name: string;
}

/** A space's key and name: from the pages file when it lists the space, else made up from the id. */
export function spaceOf(model: Pick<ConfluenceModel, 'spaces'>, spaceId: string): LocalSpace {
  return model.spaces[spaceId] ?? { id: spaceId, key: `SP${spaceId}`, name: `Space ${spaceId}` };
}

export interface LocalUser {
  siteAdmin?: boolean;
  /** Space ids this user administers. */
  spaceAdmin?: string[];
  displayName?: string;
}

export interface ConfluenceModel {
  pages: LocalPage[];
  users: Record<string, LocalUser>;
  /** Page id → the only account ids that may view it (a restricted page). */
  restrictions: Record<string, string[]>;
  /** The next this-many requests answer 429 with `Retry-After: retryAfterSeconds`. */
  throttle: { remaining: number; retryAfterSeconds: number };
  /** Every path requested, with who asked ('app' or an account id). */
  requests: { path: string; as: string }[];
  /** The site's base URL, which Confluence puts into every v2 list's `_links.base`. */
  siteUrl: string;
  /** Spaces by id with their keys and names (spaceOf makes up the ones not listed). */
  spaces: Record<string, LocalSpace>;
}

export const LOCAL_SITE_URL = 'https://local-site.atlassian.net/wiki';

export function loadPagesFile(file: string): LocalPage[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { results?: LocalPage[] };
  return parsed.results ?? [];
}

const spacesFileSchema = z.object({
  spaces: z.array(
    z.object({ id: z.string().regex(/^\d+$/), key: z.string().min(1), name: z.string().min(1) }),
  ),
});

/** The spaces a pages file lists, if any (the demo names its spaces; a plain page export does not). */
export function loadSpacesFile(file: string): LocalSpace[] {
  const parsed = spacesFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data.spaces : [];
}

export function newConfluenceModel(
  pages: LocalPage[],
  users: Record<string, LocalUser> = {},
  spaces: readonly LocalSpace[] = [],
): ConfluenceModel {
  return {
    spaces: Object.fromEntries(spaces.map((space) => [space.id, space])),
    pages,
    users,
    restrictions: {},
    throttle: { remaining: 0, retryAfterSeconds: 1 },
    requests: [],
    siteUrl: LOCAL_SITE_URL,
  };
}

export const MAX_PAGE_LIMIT = 250;

export function confluenceService(model: ConfluenceModel): ServiceHandler {
  return (target, path) => {
    if (target.type !== 'fpp' || target.remote !== 'confluence') return null;
    const viewer = target.provider === 'user' ? (target.accountId ?? currentAccountId()) : null;
    model.requests.push({ path, as: viewer ?? 'app' });
    if (target.provider === 'user' && viewer === null)
      return Promise.resolve(jsonResponse(401, { message: 'no user in this invocation' }));
    if (model.throttle.remaining > 0) {
      model.throttle.remaining -= 1;
      return Promise.resolve(
        jsonResponse(
          429,
          { message: 'rate limited' },
          { 'Retry-After': String(model.throttle.retryAfterSeconds) },
        ),
      );
    }
    return Promise.resolve(answer(model, viewer, path));
  };
}

function canView(model: ConfluenceModel, viewer: string | null, page: LocalPage): boolean {
  if (viewer === null) return true;
  if (model.users[viewer] === undefined) return false;
  const allowed = model.restrictions[page.id];
  return allowed === undefined || allowed.includes(viewer);
}

function answer(model: ConfluenceModel, viewer: string | null, path: string): Response {
  const url = new URL(path, 'http://confluence.local');
  const q = url.searchParams;
  const withBody = q.get('body-format') === 'storage';
  const shape = (p: LocalPage): Record<string, unknown> => {
    // Labels are not part of a v2 page (they have their own routes and CQL).
    const { body, ...withLabels } = p;
    const rest: Record<string, unknown> = { ...withLabels };
    delete rest.labels;
    return withBody
      ? { ...rest, body: { storage: { value: body.storage.value, representation: 'storage' } } }
      : rest;
  };
  if (url.pathname === '/wiki/api/v2/pages') {
    const ids = q.get('id')?.split(',') ?? null;
    const spaceIds = q.get('space-id')?.split(',') ?? null;
    const limit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Number(q.get('limit') ?? 25)));
    const offset =
      q.get('cursor') === null ? 0 : Number(Buffer.from(q.get('cursor') ?? '', 'base64url').toString());
    const visible = model.pages.filter(
      (p) =>
        (ids === null || ids.includes(p.id)) &&
        (spaceIds === null || spaceIds.includes(p.spaceId)) &&
        canView(model, viewer, p),
    );
    const slice = visible.slice(offset, offset + limit);
    const links: Record<string, string> = { base: model.siteUrl };
    if (offset + limit < visible.length) {
      const next = new URLSearchParams(q);
      next.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
      links.next = `/wiki/api/v2/pages?${next.toString()}`;
    }
    return jsonResponse(200, { results: slice.map(shape), _links: links });
  }
  if (url.pathname === '/wiki/api/v2/spaces') return spaceList(model, viewer, url);
  const single = /^\/wiki\/api\/v2\/pages\/(\d+)$/.exec(url.pathname);
  if (single) {
    const page = model.pages.find((p) => p.id === single[1]);
    if (!page || !canView(model, viewer, page)) return jsonResponse(404, { message: 'page not found' });
    return jsonResponse(200, shape(page));
  }
  if (url.pathname === '/wiki/rest/api/content/search' || url.pathname === '/wiki/rest/api/search')
    return search(model, viewer, url);
  if (url.pathname === '/wiki/rest/api/user') {
    const id = q.get('accountId') ?? '';
    const user = model.users[id];
    if (user === undefined) return jsonResponse(404, { message: 'user not found' });
    return jsonResponse(200, { accountId: id, type: 'known', displayName: user.displayName ?? id });
  }
  if (url.pathname === '/wiki/rest/api/user/current') {
    const user = viewer === null ? undefined : model.users[viewer];
    const operations = user?.siteAdmin ? [{ operation: 'administer', targetType: 'application' }] : [];
    return jsonResponse(200, { accountId: viewer, type: 'known', operations });
  }
  const space = /^\/wiki\/api\/v2\/spaces\/(\d+)\/operations$/.exec(url.pathname);
  if (space) {
    const user = viewer === null ? undefined : model.users[viewer];
    const operations = [{ operation: 'read', targetType: 'space' }];
    if (user?.spaceAdmin?.includes(space[1] ?? ''))
      operations.push({ operation: 'administer', targetType: 'space' });
    return jsonResponse(200, { operations: user === undefined ? [] : operations });
  }
  return jsonResponse(501, { message: `local Confluence: ${url.pathname} is not emulated` });
}

/**
 * REST v2 space list: `ids=` and `keys=` filters, `limit` up to 250, cursor paging with `_links.next`,
 * ordered by id. The pages file has no space permissions: a space is visible to whoever can view one
 * of its pages; a listed space without pages, to every known user (and the app).
 */
function spaceList(model: ConfluenceModel, viewer: string | null, url: URL): Response {
  const q = url.searchParams;
  const ids = q.get('ids')?.split(',') ?? null;
  const keys = q.get('keys')?.split(',') ?? null;
  const withPages = new Set(model.pages.map((p) => p.spaceId));
  const visible = new Set(model.pages.filter((p) => canView(model, viewer, p)).map((p) => p.spaceId));
  const known = viewer === null || model.users[viewer] !== undefined;
  const all = [...new Set([...withPages, ...Object.keys(model.spaces)])]
    .filter((id) => visible.has(id) || (known && !withPages.has(id)))
    .map((id) => spaceOf(model, id))
    .filter((s) => (ids === null || ids.includes(s.id)) && (keys === null || keys.includes(s.key)))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const limit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Number(q.get('limit') ?? 25)));
  const offset =
    q.get('cursor') === null ? 0 : Number(Buffer.from(q.get('cursor') ?? '', 'base64url').toString());
  const links: Record<string, string> = { base: model.siteUrl };
  if (offset + limit < all.length) {
    const next = new URLSearchParams(q);
    next.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
    links.next = `/wiki/api/v2/spaces?${next.toString()}`;
  }
  return jsonResponse(200, { results: all.slice(offset, offset + limit), _links: links });
}

function ancestorsOf(model: ConfluenceModel, page: LocalPage): string[] {
  const out: string[] = [];
  let parent = page.parentId ?? null;
  while (parent !== null && !out.includes(parent)) {
    out.push(parent);
    parent = model.pages.find((p) => p.id === parent)?.parentId ?? null;
  }
  return out;
}

/**
 * REST v1 CQL search. `/content/search` answers content objects with the asked expansions (body,
 * version with its author, space with id and key, history with owner and creator) and cursor links;
 * `/search` answers search results with `totalSize` (the count the scope preview shows).
 */
function search(model: ConfluenceModel, viewer: string | null, url: URL): Response {
  const q = url.searchParams;
  let tree;
  try {
    tree = parseCql(q.get('cql') ?? '');
  } catch (error) {
    if (error instanceof CqlError)
      return jsonResponse(400, { message: `Could not parse cql: ${error.message}` });
    throw error;
  }
  const expand = new Set((q.get('expand') ?? '').split(',').filter((e) => e !== ''));
  const spaceIds = [...new Set(model.pages.map((p) => p.spaceId))];
  const spaces = spaceIds.filter((id) =>
    matchesCql(tree, {
      id,
      type: 'space',
      spaceKey: spaceOf(model, id).key,
      labels: [],
      ancestors: [],
      title: spaceOf(model, id).name,
    }),
  );
  const pages = model.pages.filter(
    (p) =>
      (p.status ?? 'current') === 'current' &&
      canView(model, viewer, p) &&
      matchesCql(tree, {
        id: p.id,
        type: 'page',
        spaceKey: spaceOf(model, p.spaceId).key,
        labels: p.labels ?? [],
        ancestors: ancestorsOf(model, p),
        title: p.title,
      }),
  );
  const limit = Math.min(
    url.pathname.endsWith('/content/search') ? 250 : 1000,
    Math.max(1, Number(q.get('limit') ?? 25)),
  );
  const offset =
    q.get('cursor') === null ? 0 : Number(Buffer.from(q.get('cursor') ?? '', 'base64url').toString());
  const content = (p: LocalPage): Record<string, unknown> => ({
    id: p.id,
    type: 'page',
    status: 'current',
    title: p.title,
    ...(expand.has('space') ? { space: { id: Number(p.spaceId), key: spaceOf(model, p.spaceId).key } } : {}),
    ...(expand.has('version')
      ? { version: { number: p.version.number, by: { accountId: p.version.authorId ?? p.authorId ?? null } } }
      : {}),
    ...(expand.has('history')
      ? {
          history: {
            createdBy: { accountId: p.authorId ?? null },
            ownedBy: { accountId: p.ownerId ?? p.authorId ?? null },
          },
        }
      : {}),
    ...(expand.has('body.storage')
      ? { body: { storage: { value: p.body.storage.value, representation: 'storage' } } }
      : {}),
  });
  if (url.pathname === '/wiki/rest/api/search') {
    const all = [
      ...spaces.map((id) => ({ space: { id: Number(id), key: spaceOf(model, id).key } })),
      ...pages.map((p) => ({ content: content(p) })),
    ];
    const slice = all.slice(offset, offset + limit);
    return jsonResponse(200, {
      results: slice,
      start: offset,
      limit,
      size: slice.length,
      totalSize: all.length,
    });
  }
  const slice = pages.slice(offset, offset + limit);
  const links: Record<string, string> = { base: model.siteUrl };
  if (offset + limit < pages.length) {
    const next = new URLSearchParams(q);
    next.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
    next.set('next', 'true');
    links.next = `/rest/api/content/search?${next.toString()}`;
  }
  return jsonResponse(200, {
    results: slice.map(content),
    start: offset,
    limit,
    size: slice.length,
    _links: links,
  });
}
