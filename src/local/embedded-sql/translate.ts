import { translateCreateIndex, translateCreateTable } from './create-table';
import { UnsupportedSqlError } from './errors';
import { BEFORE_PAREN, sequentialAssignments, translateExpression, type Assignment } from './expressions';
import {
  closing,
  findTopLevelWord,
  isPunct,
  isWord,
  quoteIdent,
  render,
  solid,
  splitTopLevel,
  tokenize,
  type Token,
} from './tokens';

/**
 * One MySQL statement → the SQLite statements that do the same, for exactly the dialect our store
 * speaks (src/store): SELECT, INSERT … VALUES [ON DUPLICATE KEY UPDATE], INSERT IGNORE, single-table
 * UPDATE/DELETE [ORDER BY] [LIMIT], CREATE TABLE with inline keys, CREATE INDEX IF NOT EXISTS, DROP TABLE. Everything else
 * throws UnsupportedSqlError; SQLite's own parser then catches what slips past in a known statement.
 */
export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'ddl';

export interface Translation {
  kind: StatementKind;
  /** Run in order; a CREATE TABLE brings its CREATE INDEX statements. */
  statements: string[];
  /** The table an INSERT writes (for insertId). */
  table?: string;
}

export function translate(sql: string): Translation {
  const tokens = numberParams(tokenize(sql), sql);
  const s = solid(tokens);
  while (isPunct(s[s.length - 1], ';')) s.pop(); // the migration runner ends its statements with ';'
  if (s.some((t) => isPunct(t, ';'))) throw new UnsupportedSqlError('more than one statement', sql);
  const first = s[0];
  if (isWord(first, 'SELECT'))
    return { kind: 'select', statements: [render(translateExpression(spaced(s), sql))] };
  if (isWord(first, 'INSERT')) return translateInsert(s, sql);
  if (isWord(first, 'UPDATE')) return { kind: 'update', statements: [translateUpdate(s, sql)] };
  if (isWord(first, 'DELETE')) return { kind: 'delete', statements: [translateDelete(s, sql)] };
  if (isWord(first, 'CREATE') && isWord(s[1], 'TABLE'))
    return { kind: 'ddl', statements: translateCreateTable(s, sql) };
  if (isWord(first, 'CREATE') && (isWord(s[1], 'INDEX') || (isWord(s[1], 'UNIQUE') && isWord(s[2], 'INDEX'))))
    return { kind: 'ddl', statements: [translateCreateIndex(s, sql)] };
  if (isWord(first, 'DROP') && isWord(s[1], 'TABLE')) {
    const rest = s.slice(2);
    const ok = rest.every((t) => t.kind === 'word' || t.kind === 'ident' || isPunct(t, ','));
    if (!ok) throw new UnsupportedSqlError('this DROP TABLE', sql);
    return { kind: 'ddl', statements: [render(spaced(s))] };
  }
  throw new UnsupportedSqlError(`the statement ${first?.text.toUpperCase() ?? '(empty)'}`, sql);
}

/** `?` → `?1`, `?2`, …: the rewrites may repeat or move an expression, and its parameter with it. */
function numberParams(tokens: Token[], sql: string): Token[] {
  let n = 0;
  return tokens.map((t) => {
    if (t.kind !== 'param') return t;
    n += 1;
    if (n > 32_766) throw new UnsupportedSqlError('more than 32,766 parameters', sql);
    return { kind: 'param', text: `?${n}` };
  });
}

/** Solid tokens back with spaces where SQL needs (or a reader expects) them: `f(a, b.c)`, `x IN (…)`. */
function spaced(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const tight =
      prev === undefined ||
      isPunct(prev, '(') ||
      isPunct(prev, '.') ||
      isPunct(t, ')') ||
      isPunct(t, ',') ||
      isPunct(t, '.') ||
      (isPunct(t, '(') && prev.kind === 'word' && !BEFORE_PAREN.has(prev.text.toUpperCase()));
    if (!tight) out.push({ kind: 'space', text: ' ' });
    out.push(t);
  });
  return out;
}

function translateInsert(s: Token[], sql: string): Translation {
  let i = 1;
  let ignore = false;
  if (isWord(s[i], 'IGNORE')) {
    // INSERT IGNORE skips duplicate keys; that is the only use we translate (SQLite's OR IGNORE).
    ignore = true;
    i += 1;
  }
  if (!isWord(s[i], 'INTO')) throw new UnsupportedSqlError('INSERT without INTO', sql);
  const table = s[i + 1];
  if (!table || (table.kind !== 'word' && table.kind !== 'ident'))
    throw new UnsupportedSqlError('INSERT without a table name', sql);
  if (!isPunct(s[i + 2], '(')) throw new UnsupportedSqlError('INSERT without a column list', sql);
  const colsEnd = closing(s, i + 2, sql);
  const columns = splitTopLevel(s.slice(i + 3, colsEnd)).map((c) => {
    const [col, ...rest] = c;
    if (!col || (col.kind !== 'word' && col.kind !== 'ident') || rest.length)
      throw new UnsupportedSqlError('an INSERT column list with anything but names', sql);
    return col;
  });
  if (!isWord(s[colsEnd + 1], 'VALUES', 'VALUE')) throw new UnsupportedSqlError('INSERT … SELECT / SET', sql);
  const odku = findTopLevelWord(s, ['ON'], colsEnd + 2);
  const rowsEnd = odku < 0 ? s.length : odku;
  const rows = translateExpression(spaced(s.slice(colsEnd + 2, rowsEnd)), sql);
  const head = `INSERT${ignore ? ' OR IGNORE' : ''} INTO ${render([table])} (${columns.map((c) => render([c])).join(', ')}) VALUES ${render(rows)}`;
  if (odku < 0) return { kind: 'insert', statements: [head], table: table.text };
  if (ignore) throw new UnsupportedSqlError('INSERT IGNORE with ON DUPLICATE KEY UPDATE', sql);
  if (!(isWord(s[odku + 1], 'DUPLICATE') && isWord(s[odku + 2], 'KEY') && isWord(s[odku + 3], 'UPDATE')))
    throw new UnsupportedSqlError('ON … after VALUES other than ON DUPLICATE KEY UPDATE', sql);
  const assignments = parseAssignments(s.slice(odku + 4), sql, { insertedRow: true });
  // MySQL upserts on any unique key; our tables have one (the primary key), which is what SQLite's
  // target-less ON CONFLICT DO UPDATE also picks.
  return {
    kind: 'insert',
    statements: [`${head} ON CONFLICT DO UPDATE SET ${renderAssignments(assignments)}`],
    table: table.text,
  };
}

function translateUpdate(s: Token[], sql: string): string {
  const table = s[1];
  if (!table || (table.kind !== 'word' && table.kind !== 'ident') || !isWord(s[2], 'SET'))
    throw new UnsupportedSqlError(
      'an UPDATE other than UPDATE <table> SET … (joins, aliases, modifiers)',
      sql,
    );
  const where = findTopLevelWord(s, ['WHERE'], 3);
  const order = findTopLevelWord(s, ['ORDER'], 3);
  const limit = findTopLevelWord(s, ['LIMIT'], 3);
  const setEnd = [where, order, limit].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? s.length;
  const assignments = parseAssignments(s.slice(3, setEnd), sql, {});
  const tail = s.slice(setEnd);
  return `UPDATE ${render([table])} SET ${renderAssignments(assignments)}${limited(table, tail, sql)}`;
}

function translateDelete(s: Token[], sql: string): string {
  const table = s[2];
  if (!isWord(s[1], 'FROM') || !table || (table.kind !== 'word' && table.kind !== 'ident'))
    throw new UnsupportedSqlError('a DELETE other than DELETE FROM <table> (joins, aliases, modifiers)', sql);
  const next = s[3];
  if (next !== undefined && !isWord(next, 'WHERE', 'ORDER', 'LIMIT'))
    throw new UnsupportedSqlError('a multi-table DELETE or a table alias', sql);
  return `DELETE FROM ${render([table])}${limited(table, s.slice(3), sql)}`;
}

/**
 * `WHERE … [ORDER BY …] [LIMIT n]` of a single-table UPDATE or DELETE. SQLite is built without
 * UPDATE/DELETE … LIMIT, so a limited statement picks its rows by rowid in a subquery, which is
 * what MySQL's LIMIT does: the first n matching rows in the given (or any) order.
 */
function limited(table: Token, tail: Token[], sql: string): string {
  const orderOrLimit = findTopLevelWord(tail, ['ORDER', 'LIMIT']);
  const where = translateExpression(spaced(orderOrLimit < 0 ? tail : tail.slice(0, orderOrLimit)), sql);
  if (orderOrLimit < 0) return where.length ? ` ${render(where)}` : '';
  const rest = tail.slice(orderOrLimit);
  const limitAt = findTopLevelWord(rest, ['LIMIT']);
  const count = limitAt >= 0 ? rest[limitAt + 1] : undefined;
  if (limitAt >= 0 && (!count || count.kind !== 'number' || limitAt + 2 !== rest.length))
    throw new UnsupportedSqlError('LIMIT other than one number in an UPDATE or DELETE', sql);
  const picked = render(translateExpression(spaced(rest), sql));
  const whereSql = where.length ? ` ${render(where)}` : '';
  return ` WHERE rowid IN (SELECT rowid FROM ${render([table])}${whereSql} ${picked})`;
}

function parseAssignments(tokens: Token[], sql: string, options: { insertedRow?: boolean }): Assignment[] {
  const assignments = splitTopLevel(tokens).map((part): Assignment => {
    const [col, eq, ...expr] = part;
    if (!col || (col.kind !== 'word' && col.kind !== 'ident') || !isPunct(eq, '=') || expr.length === 0)
      throw new UnsupportedSqlError('an assignment other than <column> = <expression>', sql);
    return { column: col.text, expr: translateExpression(spaced(expr), sql, options) };
  });
  return sequentialAssignments(assignments);
}

function renderAssignments(assignments: readonly Assignment[]): string {
  return assignments.map((a) => `${quoteIdent(a.column)} = ${render(a.expr)}`).join(', ');
}
