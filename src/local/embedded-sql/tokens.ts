import { UnsupportedSqlError } from './errors';

/**
 * A MySQL statement as tokens, so rewrites never touch the inside of a string literal. Lexemes whose
 * meaning differs between MySQL and SQLite are refused here rather than passed through: "…" is a
 * string in MySQL but an identifier in SQLite, `||` is OR in MySQL but concatenation in SQLite, and
 * a backslash escapes in MySQL strings but not in SQLite's.
 */
export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'param' | 'punct' | 'space';

export interface Token {
  kind: TokenKind;
  /** As written, except quoted identifiers, which hold the bare name. */
  text: string;
}

const PUNCT = [
  '<=>',
  '<>',
  '<=',
  '>=',
  '!=',
  '||',
  '&&',
  '(',
  ')',
  ',',
  '.',
  '=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  ';',
];

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new UnsupportedSqlError(why, sql);
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    const rest = sql.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      tokens.push({ kind: 'space', text: ' ' });
      i += space[0].length;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= sql.length) fail('an unterminated string literal');
        const d = sql[j] as string;
        if (d === '\\') fail('a backslash in a string literal (MySQL escapes with it, SQLite does not)');
        if (d === "'") {
          if (sql[j + 1] === "'") {
            value += "''";
            j += 2;
            continue;
          }
          break;
        }
        value += d;
        j += 1;
      }
      tokens.push({ kind: 'string', text: `'${value}'` });
      i = j + 1;
      continue;
    }
    if (c === '"') fail('a double-quoted string (an identifier in SQLite)');
    if (c === '#' || rest.startsWith('--') || rest.startsWith('/*')) fail('a comment');
    if (c === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) fail('an unterminated `identifier`');
      tokens.push({ kind: 'ident', text: sql.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '?') {
      tokens.push({ kind: 'param', text: '?' });
      i += 1;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', text: num[0] });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const punct = PUNCT.find((p) => rest.startsWith(p));
    if (punct === undefined) fail(`the character ${JSON.stringify(c)}`);
    if (punct === '||' || punct === '&&') fail(`the operator ${punct} (OR/AND in MySQL, not in SQLite)`);
    if (punct === '<=>') fail('the operator <=>');
    if (punct === '/') fail('the operator / (decimal division in MySQL, integer division in SQLite)');
    tokens.push({ kind: 'punct', text: punct as string });
    i += (punct as string).length;
  }
  return tokens;
}

/** Back to SQL text for SQLite, quoted identifiers included. */
export function render(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.kind === 'ident' ? quoteIdent(t.text) : t.text))
    .join('')
    .trim();
}

/**
 * SQLite also reads `name` as an identifier, and unlike "name" never falls back to a string
 * literal when no such column exists (SQLite's double-quoted-string misfeature): a typo fails.
 */
export function quoteIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.kind === 'word' && words.some((w) => w.toUpperCase() === t.text.toUpperCase());
}

export function isPunct(t: Token | undefined, text: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === text;
}

/** Tokens without whitespace: the structural parsers walk these. */
export function solid(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'space');
}

/** Index of the `)` closing the `(` at `open`. */
export function closing(tokens: readonly Token[], open: number, sql: string): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth += 1;
    else if (isPunct(tokens[i], ')')) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new UnsupportedSqlError('unbalanced parentheses', sql);
}

/** Splits at top-level commas (not inside parentheses). */
export function splitTopLevel(tokens: readonly Token[], sep = ','): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (isPunct(t, '(')) depth += 1;
    if (isPunct(t, ')')) depth -= 1;
    if (depth === 0 && isPunct(t, sep)) parts.push([]);
    else (parts[parts.length - 1] as Token[]).push(t);
  }
  return parts;
}

/** Index of the first top-level word among `words` at or after `from`, or -1. */
export function findTopLevelWord(tokens: readonly Token[], words: readonly string[], from = 0): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (isPunct(t, '(')) depth += 1;
    else if (isPunct(t, ')')) depth -= 1;
    else if (depth === 0 && isWord(t, ...words)) return i;
  }
  return -1;
}
