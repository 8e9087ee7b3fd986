/**
 * The slice of Confluence's CQL the app sends (src/core/scope): `and`/`or`/`not`, parentheses, and
 * `=`, `!=`, `in`, `not in` on type, space, label, ancestor, parent and id, and `title ~ "word*"` (the
 * page pickers' title search: each word of the term matches a title word, `*` a prefix). The local Confluence
 * answers content searches with it; anything else is a parse error (as Confluence answers 400).
 */
export interface CqlContent {
  id: string;
  type: string;
  spaceKey: string;
  labels: readonly string[];
  /** Parent first, then its parent, up to the root. */
  ancestors: readonly string[];
  /** A page's title, a space's name (`title ~`). */
  title?: string;
}

type Node =
  | { op: 'and' | 'or'; left: Node; right: Node }
  | { op: 'not'; node: Node }
  | { op: 'clause'; field: string; negate: boolean; values: string[] }
  | { op: 'text'; field: 'title'; term: string };

export class CqlError extends Error {}

const FIELDS = new Set([
  'type',
  'space',
  'space.key',
  'label',
  'ancestor',
  'parent',
  'id',
  'content',
  'title',
]);

function tokenize(cql: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(?:(\()|(\))|(,)|(!=|=|~)|"((?:[^"\\]|\\.)*)"|([^\s(),=!~"]+))/y;
  let at = 0;
  while (at < cql.length) {
    if (/^\s*$/.test(cql.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(cql);
    if (m === null) throw new CqlError(`cannot parse CQL at ${at}`);
    at = re.lastIndex;
    if (m[5] !== undefined) tokens.push(`"${m[5].replace(/\\(.)/g, '$1')}`);
    else tokens.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[6] ?? '').trim());
  }
  return tokens;
}

export function parseCql(cql: string): Node {
  const tokens = tokenize(cql);
  let i = 0;
  const peek = (): string | undefined => tokens[i]?.toLowerCase();
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new CqlError('unexpected end of CQL');
    return t;
  };
  const value = (): string => {
    const t = next();
    return t.startsWith('"') ? t.slice(1) : t;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek() === 'or') {
      i++;
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Node => {
    let left = unary();
    while (peek() === 'and') {
      i++;
      left = { op: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek() === 'not') {
      i++;
      return { op: 'not', node: unary() };
    }
    if (peek() === '(') {
      i++;
      const inner = orExpr();
      if (next() !== ')') throw new CqlError('missing )');
      return inner;
    }
    const field = next().toLowerCase();
    if (!FIELDS.has(field)) throw new CqlError(`unsupported CQL field ${field}`);
    const op = next().toLowerCase();
    if (op === '~' && field === 'title') return { op: 'text', field, term: value() };
    if (field === 'title') throw new CqlError('title supports only ~ here');
    if (op === '=' || op === '!=') return { op: 'clause', field, negate: op === '!=', values: [value()] };
    let negate = false;
    let word = op;
    if (word === 'not') {
      negate = true;
      word = next().toLowerCase();
    }
    if (word !== 'in' || next() !== '(') throw new CqlError(`unsupported CQL operator after ${field}`);
    const values = [value()];
    while (peek() === ',') {
      i++;
      values.push(value());
    }
    if (next() !== ')') throw new CqlError('missing ) after a list');
    return { op: 'clause', field, negate, values };
  };
  const tree = orExpr();
  if (i !== tokens.length) throw new CqlError(`unexpected ${tokens[i] ?? ''}`);
  return tree;
}

export function matchesCql(node: Node, c: CqlContent): boolean {
  switch (node.op) {
    case 'and':
      return matchesCql(node.left, c) && matchesCql(node.right, c);
    case 'or':
      return matchesCql(node.left, c) || matchesCql(node.right, c);
    case 'not':
      return !matchesCql(node.node, c);
    case 'text':
      return matchesText(node.term, c.title ?? '');
    case 'clause': {
      const have = fieldValues(node.field, c);
      const hit = node.values.some((v) => have.includes(node.field === 'label' ? v.toLowerCase() : v));
      return node.negate ? !hit : hit;
    }
  }
}

function fieldValues(field: string, c: CqlContent): readonly string[] {
  switch (field) {
    case 'type':
      return [c.type];
    case 'space':
    case 'space.key':
      return [c.spaceKey];
    case 'label':
      return c.labels.map((l) => l.toLowerCase());
    case 'ancestor':
      return c.ancestors;
    case 'parent':
      return c.ancestors.slice(0, 1);
    default:
      return [c.id];
  }
}

/** Confluence's text match, simplified: every word of the term is a title word (`word*`: a prefix of one). */
function matchesText(term: string, title: string): boolean {
  const words: string[] = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wanted: string[] = term.toLowerCase().match(/[\p{L}\p{N}]+\*?/gu) ?? [];
  return (
    wanted.length > 0 &&
    wanted.every((w) =>
      w.endsWith('*') ? words.some((t) => t.startsWith(w.slice(0, -1))) : words.includes(w),
    )
  );
}
