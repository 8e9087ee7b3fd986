import type { LocalPage, LocalSpace } from '../confluence-service';

/**
 * The pages the local host serves around the Custom UI frames, standing in for Confluence's own:
 * the app's global page, its settings page, a runbook page with the macro and the byline item, and
 * a space's RunbookGuard page (the space sidebar's app entry).
 * Plain HTML with no inline script (the host's behaviour is /__local/host.js).
 */
export interface HostUser {
  accountId: string;
  label: string;
}

export interface FrameSpec {
  resource: 'dashboard' | 'settings' | 'macro' | 'byline' | 'space';
  as: string;
  theme: 'light' | 'dark';
  pageId?: string;
  /** The space of a space page. */
  spaceId?: string;
}

export function frameUrl(spec: FrameSpec): string {
  const query = new URLSearchParams({ as: spec.as, theme: spec.theme });
  if (spec.pageId !== undefined) query.set('pageId', spec.pageId);
  if (spec.spaceId !== undefined) query.set('spaceId', spec.spaceId);
  return `/resources/${spec.resource}/index.html?${query.toString()}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#172b4d;background:#fff}
body.dark{color:#b6c2cf;background:#1d2125}
header{display:flex;align-items:center;gap:16px;padding:8px 16px;border-bottom:1px solid #dcdfe4}
body.dark header{border-color:#2c333a}
header a{color:inherit;text-decoration:none;font-weight:600}
header nav{display:flex;gap:12px;flex:1}
header label{font-size:12px}
main{padding:16px 24px}
iframe{border:0;width:100%;display:block}
.page-title{font-size:24px;font-weight:600;margin:8px 0}
.byline{display:flex;gap:8px;align-items:center;font-size:12px;color:#626f86;position:relative}
.byline button{font:inherit;border:1px solid #dcdfe4;border-radius:3px;background:none;color:inherit;padding:2px 8px;cursor:pointer}
#byline-dialog{position:absolute;top:28px;left:0;width:420px;box-shadow:0 8px 12px #091e4226,0 0 1px #091e424f;background:inherit;z-index:2;border-radius:3px}
.body-frame{min-height:400px;border-top:1px solid #dcdfe4;margin-top:16px}
ul.links li{margin:6px 0}
.space{display:flex;gap:24px}
.space nav{width:200px;flex:none;font-size:14px;border-right:1px solid #dcdfe4;padding-right:16px}
body.dark .space nav{border-color:#2c333a}
.space nav a{display:block;color:inherit;text-decoration:none;padding:6px 8px;border-radius:3px}
.space nav a[aria-current]{background:#e9f2ff;color:#0c66e4;font-weight:600}
body.dark .space nav a[aria-current]{background:#1c2b41;color:#579dff}
.space > div{flex:1;min-width:0}
`;

export function shell(o: {
  title: string;
  users: readonly HostUser[];
  as: string;
  theme: 'light' | 'dark';
  body: string;
}): string {
  const options = o.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.accountId)}"${u.accountId === o.as ? ' selected' : ''}>${escapeHtml(u.label)}</option>`,
    )
    .join('');
  const q = `?as=${encodeURIComponent(o.as)}&theme=${o.theme}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} — Confluence (local)</title><style>${STYLE}</style></head>
<body class="${o.theme}"><header><a href="/${q}">Confluence (local)</a><nav>
<a href="/wiki/apps/runbookguard${q}">RunbookGuard</a><a href="/wiki/admin/runbookguard${q}">Settings</a></nav>
<label>Signed in as <select id="as">${options}</select></label></header>
<main>${o.body}</main><script src="/__local/host.js"></script></body></html>`;
}

export function appFrame(spec: FrameSpec, title: string): string {
  return `<iframe id="frame-${spec.resource}" title="${escapeHtml(title)}" src="${escapeHtml(frameUrl(spec))}" style="height:calc(100vh - 90px)"></iframe>`;
}

export function runbookBody(page: LocalPage, spec: Omit<FrameSpec, 'resource' | 'pageId'>): string {
  const macro: FrameSpec = { ...spec, resource: 'macro', pageId: page.id };
  const byline: FrameSpec = { ...spec, resource: 'byline', pageId: page.id };
  // The page's own content is shown in a sandboxed frame: it is data, never script.
  return `<div class="page-title">${escapeHtml(page.title)}</div>
<div class="byline"><span>Version ${page.version.number}</span>
<button id="byline-toggle" type="button" aria-expanded="false" aria-controls="byline-dialog">RunbookGuard</button>
<div id="byline-dialog" hidden><iframe id="frame-byline" data-autosize="true" title="RunbookGuard for this page" data-src="${escapeHtml(frameUrl(byline))}"></iframe></div></div>
<iframe id="frame-macro" data-autosize="true" title="RunbookGuard page check" src="${escapeHtml(frameUrl(macro))}"></iframe>
<iframe class="body-frame" title="Page content" sandbox srcdoc="${escapeHtml(page.body.storage.value)}"></iframe>`;
}

/** A space's app page: the space sidebar with the app's entry selected, the frame beside it. */
export function spaceBody(
  space: LocalSpace,
  pages: readonly LocalPage[],
  spec: Omit<FrameSpec, 'resource'>,
): string {
  const spaceId = space.id;
  const q = `?as=${encodeURIComponent(spec.as)}&theme=${spec.theme}`;
  const links = pages
    .filter((p) => p.spaceId === spaceId)
    .map(
      (p) =>
        `<a href="/wiki/spaces/${encodeURIComponent(spaceId)}/pages/${encodeURIComponent(p.id)}${q}">${escapeHtml(p.title)}</a>`,
    )
    .join('');
  const frame: FrameSpec = { ...spec, resource: 'space', spaceId };
  return `<div class="space"><nav aria-label="Space"><strong>${escapeHtml(space.name)}</strong>
<a aria-current="page" href="/wiki/spaces/${encodeURIComponent(spaceId)}/apps/runbookguard${q}">RunbookGuard</a>${links}</nav>
<div>${appFrame(frame, 'RunbookGuard for this space')}</div></div>`;
}

export function indexBody(
  pages: readonly LocalPage[],
  spaceOf: (id: string) => LocalSpace,
  q: string,
): string {
  const spaces = [...new Set(pages.map((p) => p.spaceId))]
    .map(
      (id) =>
        `<li><a href="/wiki/spaces/${encodeURIComponent(id)}/apps/runbookguard${q}">${escapeHtml(spaceOf(id).name)}</a></li>`,
    )
    .join('');
  const links = pages
    .map(
      (p) =>
        `<li><a href="/wiki/spaces/${encodeURIComponent(p.spaceId)}/pages/${encodeURIComponent(p.id)}${q}">${escapeHtml(p.title)}</a></li>`,
    )
    .join('');
  return `<h1>RunbookGuard on the local Forge runtime</h1>
<p><a href="/wiki/apps/runbookguard${q}">Dashboard</a> · <a href="/wiki/admin/runbookguard${q}">Settings</a></p>
<h2>Demo runbooks (with the page-check macro)</h2><ul class="links">${links}</ul>
<h2>Space pages (RunbookGuard in each space's sidebar)</h2><ul class="links">${spaces}</ul>`;
}
