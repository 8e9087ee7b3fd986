import { matchesCql, parseCql, CqlError } from './cql';
import { spaceOf, type ConfluenceModel, type LocalPage } from './confluence-service';
import { jsonResponse } from './runtime';

/**
 * The Data Center / Server flavour of the local Confluence, over the same model as the Cloud one:
 * REST v1 only, at the site's base path (no /wiki), offset paging with `start`/`limit` and a
 * `_links.next` while more remain. Limits as Data Center applies them: a content list or search
 * answers at most 200 results, 50 when the body is expanded. Spaces are found by key
 * (`/rest/api/space/KEY`, 404 when unknown). Answers as the app: no per-user permissions here.
 */
const MAX_LIMIT = 200;
const MAX_LIMIT_WITH_BODY = 50;

export function answerDataCenter(model: ConfluenceModel, path: string): Response {
  const url = new URL(path, 'http://confluence.local');
  const q = url.searchParams;
  const expand = new Set((q.get('expand') ?? '').split(',').filter((e) => e !== ''));

  const spaceByKey = /^\/rest\/api\/space\/([^/]+)$/.exec(url.pathname);
  if (spaceByKey) {
    const key = decodeURIComponent(spaceByKey[1] ?? '');
    const space = spaceIds(model)
      .map((id) => spaceOf(model, id))
      .find((s) => s.key === key);
    if (!space) return jsonResponse(404, { statusCode: 404, message: `No space with key : ${key}` });
    return jsonResponse(200, { id: Number(space.id), key: space.key, name: space.name, type: 'global' });
  }
  if (url.pathname === '/rest/api/space') {
    const all = spaceIds(model).map((id) => spaceOf(model, id));
    return paged(
      all.map((s) => ({ id: Number(s.id), key: s.key, name: s.name })),
      q,
      MAX_LIMIT,
      '/rest/api/space',
    );
  }
  if (url.pathname === '/rest/api/content') {
    const key = q.get('spaceKey');
    const pages = model.pages.filter(
      (p) => (p.status ?? 'current') === 'current' && (key === null || spaceOf(model, p.spaceId).key === key),
    );
    return paged(
      pages.map((p) => content(model, p, expand)),
      q,
      limitFor(expand),
      '/rest/api/content',
    );
  }
  if (url.pathname === '/rest/api/content/search') {
    let tree;
    try {
      tree = parseCql(q.get('cql') ?? '');
    } catch (error) {
      if (error instanceof CqlError)
        return jsonResponse(400, { statusCode: 400, message: `Could not parse cql : ${error.message}` });
      throw error;
    }
    const pages = model.pages.filter(
      (p) =>
        (p.status ?? 'current') === 'current' &&
        matchesCql(tree, {
          id: p.id,
          type: 'page',
          spaceKey: spaceOf(model, p.spaceId).key,
          labels: p.labels ?? [],
          ancestors: [],
          title: p.title,
        }),
    );
    return paged(
      pages.map((p) => content(model, p, expand)),
      q,
      limitFor(expand),
      '/rest/api/content/search',
    );
  }
  const single = /^\/rest\/api\/content\/(\d+)$/.exec(url.pathname);
  if (single) {
    const page = model.pages.find((p) => p.id === single[1]);
    if (!page) return jsonResponse(404, { statusCode: 404, message: 'No content found' });
    return jsonResponse(200, content(model, page, expand));
  }
  // Data Center has no REST v2: a Cloud client pointed here sees what it would see there.
  return jsonResponse(404, { statusCode: 404, message: `null for uri: ${url.pathname}` });
}

function spaceIds(model: ConfluenceModel): string[] {
  return [...new Set([...model.pages.map((p) => p.spaceId), ...Object.keys(model.spaces)])].sort(
    (a, b) => Number(a) - Number(b),
  );
}

function limitFor(expand: ReadonlySet<string>): number {
  return expand.has('body.storage') ? MAX_LIMIT_WITH_BODY : MAX_LIMIT;
}

function content(model: ConfluenceModel, p: LocalPage, expand: ReadonlySet<string>): Record<string, unknown> {
  const space = spaceOf(model, p.spaceId);
  return {
    id: p.id,
    type: 'page',
    status: 'current',
    title: p.title,
    ...(expand.has('space') ? { space: { id: Number(space.id), key: space.key, name: space.name } } : {}),
    ...(expand.has('version') ? { version: { number: p.version.number } } : {}),
    ...(expand.has('body.storage')
      ? { body: { storage: { value: p.body.storage.value, representation: 'storage' } } }
      : {}),
    _links: { webui: `/pages/viewpage.action?pageId=${p.id}` },
  };
}

function paged(all: readonly unknown[], q: URLSearchParams, maxLimit: number, route: string): Response {
  const start = Math.max(0, Math.floor(Number(q.get('start') ?? 0)) || 0);
  const limit = Math.min(maxLimit, Math.max(1, Math.floor(Number(q.get('limit') ?? 25)) || 25));
  const slice = all.slice(start, start + limit);
  const links: Record<string, string> = {};
  if (start + limit < all.length) {
    const next = new URLSearchParams(q);
    next.set('start', String(start + limit));
    next.set('limit', String(limit));
    links.next = `${route}?${next.toString()}`;
  }
  return jsonResponse(200, { results: slice, start, limit, size: slice.length, _links: links });
}
