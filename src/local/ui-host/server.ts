import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { z } from 'zod';
import type { LocalForge } from '../forge-app';
import { spaceOf, type LocalPage } from '../confluence-service';
import {
  appFrame,
  indexBody,
  runbookBody,
  shell,
  spaceBody,
  type FrameSpec,
  type HostUser,
} from './host-pages';
import { loopbackHosts, refusal } from './loopback-guard';

/**
 * The local Confluence host for the Custom UI: serves the built resources (static/<name>) inside
 * host pages like Confluence's, injects the bridge the unmodified @forge/bridge calls, and answers
 * the frames' resolver calls with the real resolver handler of the local Forge runtime.
 */
export interface UiHostOptions {
  forge: LocalForge;
  pages: readonly LocalPage[];
  users: readonly HostUser[];
  /** The project root: static/ (built resources) and src/local/ui-host/*.browser.js live under it. */
  root: string;
  /** Called after each resolver call: the runtime's queue work (a scan, a re-check) runs on. */
  afterInvoke?: () => void;
}

const RESOURCES = ['dashboard', 'settings', 'macro', 'byline', 'space'] as const;
const MODULES: Record<FrameSpec['resource'], { moduleKey: string; type: string }> = {
  dashboard: { moduleKey: 'runbookguard-dashboard', type: 'confluence:globalPage' },
  settings: { moduleKey: 'runbookguard-settings', type: 'confluence:globalSettings' },
  macro: { moduleKey: 'runbookguard-page-check', type: 'macro' },
  byline: { moduleKey: 'runbookguard-byline', type: 'confluence:contentBylineItem' },
  space: { moduleKey: 'runbookguard-space', type: 'confluence:spacePage' },
};
/** Where the host shows each module, for the bridge's `{target: 'module'}` navigation. */
const MODULE_ROUTES: Record<string, string> = {
  'runbookguard-dashboard': '/wiki/apps/runbookguard',
  'runbookguard-settings': '/wiki/admin/runbookguard',
  'runbookguard-space': '/wiki/spaces/by-key/{spaceKey}/apps/runbookguard',
};
/** Forge's Custom UI content security policy, with inline styles allowed as manifest.yml asks. */
const FORGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'";
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': HTML,
  '.js': JS,
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};
const MAX_INVOKE_BYTES = 5 * 1024 * 1024;

export function startUiHost(options: UiHostOptions, port: number, host = '127.0.0.1'): Promise<Server> {
  let hosts: ReadonlySet<string> = new Set();
  const server = createServer((req, res) => {
    const refused = refusal(req, hosts);
    if (refused !== null) return send(res, 403, 'text/plain', refused);
    handle(options, req, res).catch(() => send(res, 500, 'text/plain', 'local host error'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      hosts = loopbackHosts(typeof address === 'object' && address !== null ? address.port : port);
      resolve(server);
    });
  });
}

async function handle(o: UiHostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const frame = frameQuery(o, url);
  if (req.method === 'POST' && url.pathname === '/__local/invoke') return invoke(o, req, res);
  if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
  const q = `?as=${encodeURIComponent(frame.as)}&theme=${frame.theme}`;
  const page = (title: string, body: string) =>
    send(res, 200, HTML, shell({ title, users: o.users, as: frame.as, theme: frame.theme, body }));
  if (url.pathname === '/')
    return page(
      'RunbookGuard',
      indexBody(o.pages, (id) => spaceOf(o.forge.confluence, id), q),
    );
  if (url.pathname === '/wiki/apps/runbookguard')
    return page('RunbookGuard', appFrame({ ...frame, resource: 'dashboard' }, 'RunbookGuard dashboard'));
  if (url.pathname === '/wiki/admin/runbookguard')
    return page(
      'RunbookGuard settings',
      appFrame({ ...frame, resource: 'settings' }, 'RunbookGuard settings'),
    );
  const spaceRoute = /^\/wiki\/spaces\/(\d{1,32})\/apps\/runbookguard$/.exec(url.pathname);
  if (spaceRoute) {
    const spaceId = spaceRoute[1] ?? '';
    if (!o.pages.some((p) => p.spaceId === spaceId)) return send(res, 404, 'text/plain', 'no such space');
    const space = spaceOf(o.forge.confluence, spaceId);
    return page(`RunbookGuard — ${space.name}`, spaceBody(space, o.pages, frame));
  }
  // Confluence's own redirects: a page by id alone, a space's app page by key.
  if (url.pathname === '/wiki/pages/viewpage.action') {
    const found = o.pages.find((p) => p.id === url.searchParams.get('pageId'));
    if (!found) return send(res, 404, 'text/plain', 'no such page');
    return redirect(res, `/wiki/spaces/${encodeURIComponent(found.spaceId)}/pages/${found.id}${q}`);
  }
  const byKey = /^\/wiki\/spaces\/by-key\/([^/]+)\/apps\/runbookguard$/.exec(url.pathname);
  if (byKey) {
    const key = decodeURIComponent(byKey[1] ?? '');
    const spaceId = [...new Set(o.pages.map((p) => p.spaceId))].find(
      (id) => spaceOf(o.forge.confluence, id).key === key,
    );
    if (spaceId === undefined) return send(res, 404, 'text/plain', 'no such space');
    return redirect(res, `/wiki/spaces/${spaceId}/apps/runbookguard${q}`);
  }
  const pageRoute = /^\/wiki\/spaces\/[^/]+\/pages\/(\d{1,32})$/.exec(url.pathname);
  if (pageRoute) {
    const found = o.pages.find((p) => p.id === pageRoute[1]);
    if (!found) return send(res, 404, 'text/plain', 'no such page');
    return page(found.title, runbookBody(found, frame));
  }
  if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
  if (url.pathname === '/__local/host.js')
    return send(res, 200, JS, readFileSync(path.join(o.root, 'src/local/ui-host/host.browser.js')));
  if (url.pathname === '/__local/bridge.js') return bridgeScript(o, url, frame, res);
  const resource = /^\/resources\/([a-z]+)\/(.+)$/.exec(url.pathname);
  if (resource) return staticFile(o, resource[1] ?? '', resource[2] ?? '', url, res);
  return send(res, 404, 'text/plain', 'not found');
}

const frameSchema = z.object({
  theme: z.enum(['light', 'dark']).catch('light'),
  pageId: z
    .string()
    .regex(/^\d{1,32}$/)
    .optional()
    .catch(undefined),
  spaceId: z
    .string()
    .regex(/^\d{1,32}$/)
    .optional()
    .catch(undefined),
});

/** Who and how a frame or host page is shown; an unknown user falls back to the first one. */
function frameQuery(
  o: UiHostOptions,
  url: URL,
): { as: string; theme: 'light' | 'dark'; pageId?: string; spaceId?: string } {
  const parsed = frameSchema.parse(Object.fromEntries(url.searchParams));
  const asked = url.searchParams.get('as');
  const as = o.users.find((u) => u.accountId === asked)?.accountId ?? o.users[0]?.accountId ?? 'anonymous';
  return {
    as,
    theme: parsed.theme,
    ...(parsed.pageId === undefined ? {} : { pageId: parsed.pageId }),
    ...(parsed.spaceId === undefined ? {} : { spaceId: parsed.spaceId }),
  };
}

function bridgeScript(
  o: UiHostOptions,
  url: URL,
  frame: { as: string; theme: 'light' | 'dark'; pageId?: string; spaceId?: string },
  res: ServerResponse,
): void {
  const resource = RESOURCES.find((r) => r === url.searchParams.get('resource')) ?? 'dashboard';
  const page = frame.pageId === undefined ? undefined : o.pages.find((p) => p.id === frame.pageId);
  const config = {
    accountId: frame.as,
    moduleRoutes: MODULE_ROUTES,
    frameId: `frame-${resource}`,
    context: {
      accountId: frame.as,
      cloudId: 'local',
      siteUrl: `http://${url.host}`,
      localId: `local-${resource}`,
      moduleKey: MODULES[resource].moduleKey,
      locale: 'en-US',
      timezone: 'UTC',
      theme: { colorMode: frame.theme },
      extension: {
        type: MODULES[resource].type,
        ...(page ? { content: { id: page.id, type: 'page' }, space: { id: page.spaceId } } : {}),
        // A space page's context names its space (Confluence sends id and key).
        ...(resource === 'space' && frame.spaceId !== undefined
          ? { space: { id: frame.spaceId, key: spaceOf(o.forge.confluence, frame.spaceId).key } }
          : {}),
      },
    },
  };
  const code = readFileSync(path.join(o.root, 'src/local/ui-host/bridge.browser.js'), 'utf8');
  send(res, 200, JS, `window.__RG_LOCAL__ = ${JSON.stringify(config)};\n${code}`);
}

function staticFile(o: UiHostOptions, resource: string, file: string, url: URL, res: ServerResponse): void {
  if (!(RESOURCES as readonly string[]).includes(resource))
    return send(res, 404, 'text/plain', 'no such resource');
  const base = path.join(o.root, 'static', resource);
  const full = path.resolve(base, file);
  if (!full.startsWith(base + path.sep)) return send(res, 403, 'text/plain', 'outside the resource');
  try {
    if (!statSync(full).isFile()) return send(res, 404, 'text/plain', 'not found');
  } catch {
    return send(res, 404, 'text/plain', `not found (run npm run build:ui?)`);
  }
  const type = TYPES[path.extname(full)] ?? 'application/octet-stream';
  if (file !== 'index.html')
    return send(res, 200, type, readFileSync(full), { 'Content-Security-Policy': FORGE_CSP });
  // Forge's host injects the bridge before the app's own scripts; so does this one.
  const query = new URLSearchParams(url.searchParams);
  query.set('resource', resource);
  const html = readFileSync(full, 'utf8').replace(
    '<script',
    `<script src="/__local/bridge.js?${query.toString().replace(/&/g, '&amp;')}"></script><script`,
  );
  send(res, 200, type, html, { 'Content-Security-Policy': FORGE_CSP });
}

const invokeSchema = z.object({
  as: z.string().min(1).max(128),
  functionKey: z.string().min(1).max(100),
  payload: z.unknown(),
});

async function invoke(o: UiHostOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The bridge always sends JSON; a form or text/plain body is what a cross-site page can send unasked.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return send(res, 415, 'text/plain', 'the invoke endpoint takes application/json only');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INVOKE_BYTES) return send(res, 413, 'text/plain', 'payload too large');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return send(res, 400, 'text/plain', 'not JSON');
  }
  const parsed = invokeSchema.safeParse(body);
  if (!parsed.success || !o.users.some((u) => u.accountId === parsed.data.as))
    return send(res, 400, 'text/plain', 'bad invoke request');
  const answer = await o.forge.resolver(parsed.data.functionKey, parsed.data.payload, parsed.data.as);
  o.afterInvoke?.();
  send(res, 200, 'application/json', JSON.stringify(answer));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
