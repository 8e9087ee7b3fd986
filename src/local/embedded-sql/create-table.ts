import { UnsupportedSqlError } from './errors';
import {
  closing,
  isPunct,
  isWord,
  quoteIdent as quote,
  render,
  solid,
  splitTopLevel,
  type Token,
} from './tokens';

/**
 * CREATE TABLE in MySQL's shape → a STRICT SQLite table plus one CREATE INDEX per inline KEY.
 * STRICT makes SQLite refuse a value of the wrong type (like MySQL's strict mode, the default in
 * MariaDB and TiDB); the length checks make it refuse what MySQL would call "Data too long".
 */
const INT_RANGES: Record<string, [string, string]> = {
  TINYINT: ['-128', '127'],
  SMALLINT: ['-32768', '32767'],
  MEDIUMINT: ['-8388608', '8388607'],
  INT: ['-2147483648', '2147483647'],
  INTEGER: ['-2147483648', '2147483647'],
};
/** Byte limits of MySQL's text types. */
const TEXT_BYTES: Record<string, number> = {
  TINYTEXT: 255,
  TEXT: 65_535,
  MEDIUMTEXT: 16_777_215,
  LONGTEXT: 4_294_967_295,
};
/** Table options that only matter to MySQL's storage: dropped. Anything else is refused. */
const STORAGE_OPTIONS = ['ENGINE', 'CHARSET', 'CHARACTER', 'DEFAULT', 'COLLATE'];

export function translateCreateTable(tokens: readonly Token[], sql: string): string[] {
  const s = solid(tokens);
  const fail = (what: string): never => {
    throw new UnsupportedSqlError(what, sql);
  };
  let i = 2; // CREATE TABLE
  let ifNotExists = false;
  if (isWord(s[i], 'IF') && isWord(s[i + 1], 'NOT') && isWord(s[i + 2], 'EXISTS')) {
    ifNotExists = true;
    i += 3;
  }
  const nameToken = s[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'ident'))
    return fail('a CREATE TABLE without a table name');
  if (isPunct(s[i + 1], '.')) fail('a database-qualified table name');
  const table = nameToken.text;
  if (!isPunct(s[i + 1], '(')) fail('CREATE TABLE … LIKE / AS');
  const close = closing(s, i + 1, sql);
  checkTableOptions(s.slice(close + 1), fail);

  const columns: string[] = [];
  const constraints: string[] = [];
  const indexes: string[] = [];
  let autoIncrement: string | null = null;
  let primaryKey: string[] | null = null;
  for (const item of splitTopLevel(s.slice(i + 2, close))) {
    const [first, second] = item;
    if (isWord(first, 'PRIMARY') && isWord(second, 'KEY')) {
      primaryKey = columnList(item.slice(2), fail);
    } else if (isWord(first, 'KEY', 'INDEX') || (isWord(first, 'UNIQUE') && isWord(second, 'KEY', 'INDEX'))) {
      const unique = isWord(first, 'UNIQUE');
      const rest = item.slice(unique ? 2 : 1);
      const name = rest[0];
      if (!name || (name.kind !== 'word' && name.kind !== 'ident')) return fail('an index without a name');
      const cols = columnList(rest.slice(1), fail);
      // MySQL names indexes per table, SQLite per database: the table prefix keeps them apart.
      indexes.push(
        `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quote(`${table}__${name.text}`)} ON ${quote(table)} (${cols.map(quote).join(', ')})`,
      );
    } else if (isWord(first, 'UNIQUE', 'CONSTRAINT', 'FOREIGN', 'CHECK', 'FULLTEXT', 'SPATIAL')) {
      fail(`the table constraint ${first?.text ?? ''}`);
    } else {
      const column = columnDefinition(item, sql);
      columns.push(column.sql);
      if (column.autoIncrement) autoIncrement = column.name;
    }
  }
  if (primaryKey !== null) {
    if (autoIncrement !== null) {
      // SQLite's AUTOINCREMENT lives on the column itself, which must then be the whole key.
      if (primaryKey.length !== 1 || primaryKey[0]?.toLowerCase() !== autoIncrement.toLowerCase())
        fail('AUTO_INCREMENT on a column that is not the whole primary key');
    } else {
      constraints.push(`PRIMARY KEY (${primaryKey.map(quote).join(', ')})`);
    }
  }
  const create = `CREATE TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quote(table)} (${[...columns, ...constraints].join(', ')}) STRICT`;
  return [create, ...indexes];
}

/**
 * CREATE [UNIQUE] INDEX IF NOT EXISTS name ON table (columns): an index added to a released table
 * (migrations are append-only), named per table as the inline keys are. IF NOT EXISTS is required:
 * every migration must be safe to re-run.
 */
export function translateCreateIndex(tokens: readonly Token[], sql: string): string {
  const s = solid(tokens);
  const fail = (what: string): never => {
    throw new UnsupportedSqlError(what, sql);
  };
  const unique = isWord(s[1], 'UNIQUE');
  let i = unique ? 3 : 2; // CREATE [UNIQUE] INDEX
  if (!(isWord(s[i], 'IF') && isWord(s[i + 1], 'NOT') && isWord(s[i + 2], 'EXISTS')))
    return fail('CREATE INDEX without IF NOT EXISTS');
  i += 3;
  const name = s[i];
  const table = s[i + 2];
  if (!name || (name.kind !== 'word' && name.kind !== 'ident')) return fail('an index without a name');
  if (!isWord(s[i + 1], 'ON') || !table || (table.kind !== 'word' && table.kind !== 'ident'))
    return fail('CREATE INDEX without ON table');
  const cols = columnList(s.slice(i + 3), fail);
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quote(`${table.text}__${name.text}`)} ON ${quote(table.text)} (${cols.map(quote).join(', ')})`;
}

interface Column {
  name: string;
  sql: string;
  autoIncrement: boolean;
}

function columnDefinition(item: readonly Token[], sql: string): Column {
  const fail = (what: string): never => {
    throw new UnsupportedSqlError(what, sql);
  };
  const [nameToken, typeToken] = item;
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'ident'))
    return fail('a column without a name');
  if (!typeToken || typeToken.kind !== 'word') return fail(`column ${nameToken.text} without a type`);
  const name = nameToken.text;
  const type = typeToken.text.toUpperCase();
  let i = 2;
  let size: number | null = null;
  if (isPunct(item[i], '(')) {
    const n = item[i + 1];
    if (!n || n.kind !== 'number' || !isPunct(item[i + 2], ')'))
      return fail(`the type ${type}(…) of ${name}`);
    size = Number(n.text);
    i += 3;
  }
  const checks: string[] = [];
  let sqliteType: string;
  if (type === 'BIGINT') {
    sqliteType = 'INTEGER';
  } else if (INT_RANGES[type]) {
    const [lo, hi] = INT_RANGES[type];
    sqliteType = 'INTEGER';
    checks.push(
      `CONSTRAINT "out of range value for column ${name}" CHECK (${quote(name)} BETWEEN ${lo} AND ${hi})`,
    );
  } else if (type === 'VARCHAR' || type === 'CHAR') {
    if (size === null) return fail(`${type} without a length (column ${name})`);
    sqliteType = 'TEXT';
    checks.push(`CONSTRAINT "data too long for column ${name}" CHECK (length(${quote(name)}) <= ${size})`);
  } else if (TEXT_BYTES[type] !== undefined) {
    sqliteType = 'TEXT';
    checks.push(
      `CONSTRAINT "data too long for column ${name}" CHECK (octet_length(${quote(name)}) <= ${TEXT_BYTES[type]})`,
    );
  } else if (type === 'TIMESTAMP' || type === 'DATETIME') {
    sqliteType = 'TEXT'; // 'YYYY-MM-DD HH:MM:SS', as mysql2 returns it with dateStrings
  } else if (type === 'DOUBLE' || type === 'FLOAT') {
    sqliteType = 'REAL';
  } else {
    return fail(`the column type ${type} (column ${name})`);
  }
  if (isWord(item[i], 'UNSIGNED')) {
    if (sqliteType !== 'INTEGER') fail(`UNSIGNED on ${type}`);
    checks.push(`CONSTRAINT "out of range value for column ${name}" CHECK (${quote(name)} >= 0)`);
    i += 1;
  }
  const parts = [quote(name), sqliteType];
  let autoIncrement = false;
  let primaryKey = false;
  while (i < item.length) {
    const t = item[i];
    if (isWord(t, 'NOT') && isWord(item[i + 1], 'NULL')) {
      parts.push('NOT NULL');
      i += 2;
    } else if (isWord(t, 'NULL')) {
      i += 1;
    } else if (isWord(t, 'AUTO_INCREMENT')) {
      if (sqliteType !== 'INTEGER') fail(`AUTO_INCREMENT on ${type}`);
      autoIncrement = true;
      i += 1;
    } else if (isWord(t, 'PRIMARY') && isWord(item[i + 1], 'KEY')) {
      primaryKey = true;
      i += 2;
    } else if (isWord(t, 'DEFAULT')) {
      const value = item[i + 1];
      const literal =
        value &&
        (value.kind === 'number' || value.kind === 'string' || isWord(value, 'NULL', 'CURRENT_TIMESTAMP'));
      if (!literal) return fail(`DEFAULT other than a literal or CURRENT_TIMESTAMP (column ${name})`);
      parts.push(`DEFAULT ${render([value])}`);
      i += 2;
    } else {
      return fail(`the column attribute ${t?.text ?? ''} (column ${name})`);
    }
  }
  if (autoIncrement && primaryKey) parts.push('PRIMARY KEY AUTOINCREMENT');
  else if (primaryKey) parts.push('PRIMARY KEY');
  // A table-level PRIMARY KEY (id) with AUTO_INCREMENT id moves here (see translateCreateTable).
  else if (autoIncrement) parts.push('PRIMARY KEY AUTOINCREMENT');
  // SQLite's INTEGER PRIMARY KEY AUTOINCREMENT must be spelled INTEGER: the column type is already that.
  return { name, sql: [...parts, ...checks].join(' '), autoIncrement };
}

function columnList(tokens: readonly Token[], fail: (what: string) => never): string[] {
  if (!isPunct(tokens[0], '(') || !isPunct(tokens[tokens.length - 1], ')'))
    return fail('a key without a column list');
  return splitTopLevel(tokens.slice(1, -1)).map((part) => {
    const [col, ...rest] = part;
    if (!col || (col.kind !== 'word' && col.kind !== 'ident') || rest.length > 0)
      return fail('a key part other than a plain column (prefix lengths, ASC/DESC, expressions)');
    return col.text;
  });
}

function checkTableOptions(tokens: readonly Token[], fail: (what: string) => never): void {
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (isPunct(t, ';') && i === tokens.length - 1) return;
    if (!isWord(t, ...STORAGE_OPTIONS)) fail(`the table option ${t?.text ?? ''}`);
    // ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4, CHARACTER SET utf8mb4, COLLATE=utf8mb4_bin
    i += 1;
    while (isWord(tokens[i], 'CHARSET', 'CHARACTER', 'SET', 'COLLATE')) i += 1;
    if (isPunct(tokens[i], '=')) i += 1;
    if (tokens[i]?.kind !== 'word') fail('a table option without a value');
    i += 1;
  }
}
