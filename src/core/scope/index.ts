/**
 * What counts as a runbook: which spaces RunbookGuard covers and, per space, which pages in them.
 * Pure: the scan compiles a scope into one CQL query (the fewest requests that list only in-scope
 * pages); the settings views describe it in plain words.
 */

/** A covered space: the id RunbookGuard stores, the key CQL needs (resolved when the scope is saved). */
export interface SpaceRef {
  id: string;
  key: string;
}

/** Which pages of a space count. A page counts when any part matches. */
export interface ScopeRule {
  /** Every page of the space. */
  allPages: boolean;
  /** Pages carrying any of these labels. */
  labels: string[];
  /** Pages in these page trees (the parent page and every page below it). */
  parentPageIds: string[];
}

export interface SiteScope {
  spaces: 'all' | SpaceRef[];
  /** The default rule for every covered space without an override. */
  rule: ScopeRule;
}

/** A space admin's say over their own space. */
export interface SpaceOverride {
  space: SpaceRef;
  paused: boolean;
  /** null: the site's default rule applies. */
  rule: ScopeRule | null;
}

export const DEFAULT_LABELS: readonly string[] = ['runbook', 'playbook'];

/** An install nobody configured checks every page, as before scopes existed: an upgrade never narrows it. */
export const UNCONFIGURED_SCOPE: SiteScope = {
  spaces: 'all',
  rule: { allPages: true, labels: [], parentPageIds: [] },
};

/** Confluence label names: lowercase, no spaces; what the scope accepts (and can quote safely). */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
/** Space keys: letters and digits, personal spaces start with '~'. */
export const SPACE_KEY_PATTERN = /^~?[A-Za-z0-9_]{1,255}$/;

export type ScopePlan =
  /** Every page of the site: the plain page list, no search needed. */
  | { kind: 'everything' }
  /** Only pages matching this CQL. */
  | { kind: 'cql'; cql: string }
  /** Nothing is in scope (every space paused, or no spaces chosen). */
  | { kind: 'nothing' };

const quote = (value: string): string => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The rule as a CQL condition; '' for "every page", null when it matches nothing. */
export function ruleCql(rule: ScopeRule): string | null {
  if (rule.allPages) return '';
  const parts: string[] = [];
  if (rule.labels.length > 0) parts.push(`label in (${rule.labels.map(quote).join(', ')})`);
  if (rule.parentPageIds.length > 0) {
    const ids = rule.parentPageIds.filter((id) => /^\d+$/.test(id)).join(', ');
    // `ancestor` finds the pages below a parent; the parent itself is named by id.
    if (ids !== '') parts.push(`ancestor in (${ids})`, `id in (${ids})`);
  }
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] ?? null) : `(${parts.join(' or ')})`;
}

function inSpaces(keys: readonly string[], rule: string): string {
  const space =
    keys.length === 1 ? `space = ${quote(keys[0] ?? '')}` : `space in (${keys.map(quote).join(', ')})`;
  return rule === '' ? space : `(${space} and ${rule})`;
}

/**
 * One CQL query for the whole scope: spaces on the site default share one clause, each space with
 * its own rule gets its own, paused spaces are left out.
 */
export function planScope(site: SiteScope, overrides: readonly SpaceOverride[]): ScopePlan {
  const byId = new Map(overrides.map((o) => [o.space.id, o]));
  const siteRule = ruleCql(site.rule);
  const own = overrides.filter((o) => !o.paused && o.rule !== null);
  const ownClauses = (covered: (id: string) => boolean): string[] =>
    own
      .filter((o) => covered(o.space.id))
      .flatMap((o) => {
        const rule = o.rule === null ? null : ruleCql(o.rule);
        return rule === null ? [] : [inSpaces([o.space.key], rule)];
      });

  if (site.spaces === 'all') {
    const special = overrides.filter((o) => o.paused || o.rule !== null);
    if (special.length === 0 && siteRule === '') return { kind: 'everything' };
    const clauses: string[] = [];
    if (siteRule !== null) {
      const excluded = special.map((o) => quote(o.space.key));
      const notIn = excluded.length === 0 ? '' : `space not in (${excluded.join(', ')})`;
      const parts = [notIn, siteRule].filter((p) => p !== '');
      clauses.push(
        parts.length === 0
          ? 'type = page'
          : parts.length === 1
            ? (parts[0] ?? '')
            : `(${parts.join(' and ')})`,
      );
    }
    clauses.push(...ownClauses(() => true));
    return finish(clauses);
  }
  const onDefault = site.spaces.filter((s) => {
    const o = byId.get(s.id);
    return o === undefined || (!o.paused && o.rule === null);
  });
  const clauses: string[] = [];
  if (siteRule !== null && onDefault.length > 0)
    clauses.push(
      inSpaces(
        onDefault.map((s) => s.key),
        siteRule,
      ),
    );
  const chosen = new Set(site.spaces.map((s) => s.id));
  clauses.push(...ownClauses((id) => chosen.has(id)));
  return finish(clauses);
}

function finish(clauses: readonly string[]): ScopePlan {
  if (clauses.length === 0) return { kind: 'nothing' };
  if (clauses.length === 1 && clauses[0] === 'type = page') return { kind: 'everything' };
  const body = clauses.length === 1 ? (clauses[0] ?? '') : `(${clauses.join(' or ')})`;
  return { kind: 'cql', cql: body === 'type = page' ? body : `type = page and ${body}` };
}

/** The CQL that asks whether one page is in scope (page edits). */
export function pageInScopeCql(plan: Extract<ScopePlan, { kind: 'cql' }>, pageId: string): string {
  if (!/^\d+$/.test(pageId)) throw new Error('not a page id');
  return `id = ${pageId} and (${plan.cql})`;
}

const list = (words: readonly string[]): string =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] ?? ''}`;

/** "pages labelled runbook or playbook", "every page", "pages under page 123 or labelled ops". */
export function describeRule(rule: ScopeRule): string {
  if (rule.allPages) return 'every page';
  const parts: string[] = [];
  if (rule.labels.length > 0) parts.push(`labelled ${list(rule.labels)}`);
  if (rule.parentPageIds.length > 0)
    parts.push(
      `in the page tree${rule.parentPageIds.length > 1 ? 's' : ''} under page ${list(rule.parentPageIds)}`,
    );
  return parts.length === 0 ? 'no pages' : `pages ${parts.join(' or ')}`;
}

const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * "412 pages in 6 spaces: pages labelled runbook or playbook" — plus the spaces that differ from
 * the default ("OPS: every page; 1 space paused").
 */
export function describeScope(
  site: SiteScope,
  overrides: readonly SpaceOverride[],
  counts: { pages: number; spaces: number },
): string {
  const head = `${plural(counts.pages, 'page', 'pages')} in ${plural(counts.spaces, 'space', 'spaces')}: ${describeRule(site.rule)}`;
  const chosen = site.spaces === 'all' ? null : new Set(site.spaces.map((s) => s.id));
  const relevant = overrides.filter((o) => chosen === null || chosen.has(o.space.id));
  const own = relevant
    .filter((o) => !o.paused && o.rule !== null)
    .map((o) => `${o.space.key}: ${describeRule(o.rule ?? site.rule)}`);
  const paused = relevant.filter((o) => o.paused).length;
  const tail = [...own, ...(paused > 0 ? [`${plural(paused, 'space', 'spaces')} paused`] : [])];
  return tail.length === 0 ? head : `${head}; ${tail.join('; ')}`;
}
