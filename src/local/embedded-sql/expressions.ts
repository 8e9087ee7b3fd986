import { UnsupportedSqlError } from './errors';
import { isPunct, isWord, solid, type Token } from './tokens';

/**
 * Expressions: MySQL functions with a SQLite equivalent of the same meaning are renamed; any other
 * function, and the keywords whose meaning differs between the dialects, fail loudly.
 */
const FUNCTIONS: Record<string, string> = {
  // Same name, same meaning.
  COUNT: 'count',
  SUM: 'sum',
  MIN: 'min',
  MAX: 'max',
  COALESCE: 'coalesce',
  IFNULL: 'ifnull',
  NULLIF: 'nullif',
  ABS: 'abs',
  LOWER: 'lower',
  UPPER: 'upper',
  // Renamed: IF is iif; GREATEST/LEAST are SQLite's multi-argument scalar max/min (NULL if any
  // argument is NULL, as in MySQL); MySQL's LENGTH counts bytes, CHAR_LENGTH characters.
  IF: 'iif',
  GREATEST: 'max',
  LEAST: 'min',
  LENGTH: 'octet_length',
  CHAR_LENGTH: 'length',
};

/** Words that may stand before "(" without being a function call. */
export const BEFORE_PAREN = new Set([
  'IN',
  'EXISTS',
  'AND',
  'OR',
  'NOT',
  'WHEN',
  'THEN',
  'ELSE',
  'ON',
  'FROM',
  'JOIN',
  'WHERE',
  'SELECT',
  'AS',
  'BY',
  'SET',
  'VALUES',
  'LIMIT',
  'CASE',
  'IS',
  'BETWEEN',
]);

/** Parse in both dialects but mean something else (or are MySQL-only): refused, never passed on. */
const REFUSED: Record<string, string> = {
  LIKE: 'LIKE (case-insensitive in SQLite, collation-dependent in MySQL)',
  REGEXP: 'REGEXP',
  RLIKE: 'RLIKE',
  DIV: 'DIV',
  XOR: 'XOR',
  INTERVAL: 'INTERVAL',
  BINARY: 'BINARY',
  COLLATE: 'COLLATE',
  CAST: 'CAST (the type names differ)',
  CONVERT: 'CONVERT',
  FOR: 'FOR UPDATE / FOR SHARE',
  LOCK: 'LOCK IN SHARE MODE',
  DUAL: 'DUAL',
  SEPARATOR: 'GROUP_CONCAT … SEPARATOR',
  STRAIGHT_JOIN: 'STRAIGHT_JOIN',
  SQL_CALC_FOUND_ROWS: 'SQL_CALC_FOUND_ROWS',
  HIGH_PRIORITY: 'HIGH_PRIORITY',
  LOW_PRIORITY: 'LOW_PRIORITY',
  DELAYED: 'DELAYED',
  PARTITION: 'PARTITION',
  ROLLUP: 'WITH ROLLUP',
  USE: 'index hints',
  FORCE: 'index hints',
  MATCH: 'MATCH … AGAINST',
  CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP in an expression (the formats differ)',
  NOW: 'NOW()',
  WITH: 'WITH (common table expressions)',
  RETURNING: 'RETURNING',
};

export interface ExpressionOptions {
  /** Inside ON DUPLICATE KEY UPDATE: VALUES(col) is the row that was to be inserted. */
  insertedRow?: boolean;
}

/** Rewrites one expression (or a whole SELECT/WHERE/ORDER BY stretch) for SQLite. */
export function translateExpression(
  tokens: readonly Token[],
  sql: string,
  options: ExpressionOptions = {},
): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word') {
      out.push(t);
      continue;
    }
    const upper = t.text.toUpperCase();
    const refused = REFUSED[upper];
    if (refused !== undefined) throw new UnsupportedSqlError(refused, sql);
    const next = nextSolid(tokens, i);
    if (!isPunct(next.token, '(') || BEFORE_PAREN.has(upper)) {
      out.push(t);
      continue;
    }
    const mapped = FUNCTIONS[upper];
    if (mapped === undefined) throw new UnsupportedSqlError(`the function ${t.text}()`, sql);
    out.push({ kind: 'word', text: mapped });
  }
  return rowValueLists(options.insertedRow ? insertedRowValues(out, sql) : refuseValuesCall(out, sql));
}

/**
 * `(a, b) NOT IN ((?, ?), (?, ?))`: SQLite takes a list of row values only as a subquery, so the
 * list becomes `(VALUES (?, ?), (?, ?))`, the same set.
 */
function rowValueLists(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    out.push(t);
    const listOpens =
      isPunct(t, '(') && isWord(previousSolid(tokens, i), 'IN') && isPunct(nextSolid(tokens, i).token, '(');
    if (listOpens) out.push({ kind: 'word', text: 'VALUES' }, { kind: 'space', text: ' ' });
  });
  return out;
}

/** VALUES(col) → excluded.col (SQLite's name for the row that hit the conflict). */
function insertedRowValues(tokens: readonly Token[], sql: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!isWord(t, 'VALUES')) {
      out.push(t);
      continue;
    }
    const s = solid(tokens.slice(i + 1, i + 8));
    const [open, col, close] = s;
    if (!isPunct(open, '(') || !col || (col.kind !== 'word' && col.kind !== 'ident') || !isPunct(close, ')'))
      throw new UnsupportedSqlError('VALUES() with anything but one column name', sql);
    out.push({ kind: 'word', text: 'excluded' }, { kind: 'punct', text: '.' }, col);
    // Skip past the closing parenthesis.
    let j = i + 1;
    while (!isPunct(tokens[j], ')')) j += 1;
    i = j;
  }
  return out;
}

function refuseValuesCall(tokens: readonly Token[], sql: string): Token[] {
  tokens.forEach((t, i) => {
    if (isWord(t, 'VALUES') && isPunct(nextSolid(tokens, i).token, '('))
      throw new UnsupportedSqlError('VALUES() outside ON DUPLICATE KEY UPDATE', sql);
  });
  return [...tokens];
}

function nextSolid(tokens: readonly Token[], i: number): { token: Token | undefined; index: number } {
  for (let j = i + 1; j < tokens.length; j++) {
    if ((tokens[j] as Token).kind !== 'space') return { token: tokens[j], index: j };
  }
  return { token: undefined, index: tokens.length };
}

export interface Assignment {
  column: string;
  expr: Token[];
}

/**
 * MySQL evaluates a single-table UPDATE's assignments (and ON DUPLICATE KEY UPDATE's) left to right:
 * a later assignment sees the value an earlier one just gave its column. SQLite's all see the old row.
 * Our lock and findings upserts rely on MySQL's order, so each reference to a column assigned
 * earlier is replaced by that assignment's (already rewritten) expression in parentheses.
 */
export function sequentialAssignments(assignments: readonly Assignment[]): Assignment[] {
  const done = new Map<string, Token[]>();
  return assignments.map(({ column, expr }) => {
    const inlined: Token[] = [];
    expr.forEach((t, i) => {
      const prev = i > 0 ? previousSolid(expr, i) : undefined;
      const name = t.kind === 'word' || t.kind === 'ident' ? t.text.toLowerCase() : null;
      const earlier = name === null ? undefined : done.get(name);
      const isColumnRef =
        earlier !== undefined && !isPunct(prev, '.') && !isPunct(nextSolid(expr, i).token, '(');
      if (isColumnRef) inlined.push({ kind: 'punct', text: '(' }, ...earlier, { kind: 'punct', text: ')' });
      else inlined.push(t);
    });
    done.set(column.toLowerCase(), inlined);
    return { column, expr: inlined };
  });
}

function previousSolid(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if ((tokens[j] as Token).kind !== 'space') return tokens[j];
  return undefined;
}
