import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue as SqliteValue } from 'sql.js';
import type { SqlPool } from '../../store/mysql-executor';
import { translate, type Translation } from './translate';

/**
 * The embedded SQL engine: SQLite (sql.js, compiled to WebAssembly: no native binary, no install
 * script, no server) behind the MySQL translation in translate.ts. It answers `query()` the way a
 * mysql2 pool does — `[rows, fields]` for a SELECT, `[header, []]` otherwise — so the SQL service,
 * the store's executor and the tests use either one unchanged.
 *
 * Differences from MySQL that nothing in src/store relies on, kept rather than emulated:
 * - an upsert that updates a row counts 1 affected row (MySQL 2; both count 1 for an insert);
 * - numbers come back as numbers, where mysql2 (bigNumberStrings) returns BIGINT and COUNT as
 *   strings — the store reads every number through num();
 * - error texts are SQLite's ("no such table: x", "UNIQUE constraint failed: …").
 */
export interface EmbeddedSqlOptions {
  /** Load from and save to this SQLite file; in memory only without it. */
  file?: string;
  /** Save this long after the last write (and always on end()). */
  saveDelayMs?: number;
}

export interface ResultHeader {
  affectedRows: number;
  fieldCount: number;
  info: string;
  insertId: number;
  serverStatus: number;
  warningStatus: number;
}

export type Row = Record<string, SqliteValue>;

let sqlJs: Promise<SqlJsStatic> | null = null;

export class EmbeddedSql implements SqlPool {
  private readonly translations = new Map<string, Translation>();
  private readonly autoIncrement = new Map<string, boolean>();
  private saveTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly db: Database,
    private readonly options: EmbeddedSqlOptions,
  ) {}

  static async open(options: EmbeddedSqlOptions = {}): Promise<EmbeddedSql> {
    sqlJs ??= initSqlJs();
    const SQL = await sqlJs;
    const file = options.file;
    const db =
      file !== undefined && existsSync(file) ? new SQL.Database(readFileSync(file)) : new SQL.Database();
    return new EmbeddedSql(db, options);
  }

  /** One MySQL statement with `?` parameters, like mysql2's pool.query (and as Forge SQL takes them). */
  // eslint-disable-next-line @typescript-eslint/require-await -- async to answer like a pool: errors reject
  async query(sql: string, values: unknown[] = []): Promise<[Row[] | ResultHeader, never[]]> {
    if (this.closed) throw new Error('embedded SQL engine: used after end()');
    const t = this.translation(sql);
    const params = values.map((v) => bindable(v, sql));
    if (t.kind === 'select') return [this.select(t.statements[0] as string, params), []];
    const header = t.kind === 'ddl' ? this.ddl(t) : this.write(t, params);
    this.scheduleSave();
    return [header, []];
  }

  async end(): Promise<void> {
    if (this.closed) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.save();
    this.closed = true;
    this.db.close();
    await Promise.resolve();
  }

  /** Writes the whole database to the file (atomically: a crash leaves the previous copy). */
  save(): void {
    const file = this.options.file;
    if (file === undefined || this.closed) return;
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, file);
  }

  private translation(sql: string): Translation {
    let t = this.translations.get(sql);
    if (t === undefined) {
      t = translate(sql);
      // Statements repeat (batch sizes vary little); a bounded cache skips re-translating them.
      if (this.translations.size >= 2000) this.translations.clear();
      this.translations.set(sql, t);
    }
    return t;
  }

  private select(sql: string, params: SqliteValue[]): Row[] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.free();
    }
  }

  private write(t: Translation, params: SqliteValue[]): ResultHeader {
    this.db.run(t.statements[0] as string, params);
    const affectedRows = this.db.getRowsModified();
    let insertId = 0;
    // MySQL reports the first id a multi-row INSERT generated, and 0 for tables without AUTO_INCREMENT.
    if (t.kind === 'insert' && affectedRows > 0 && t.table !== undefined && this.hasAutoIncrement(t.table)) {
      insertId =
        Number(this.db.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0) - affectedRows + 1;
    }
    return header(affectedRows, insertId);
  }

  /** A CREATE TABLE and its indexes apply together or not at all, as MySQL's one statement does. */
  private ddl(t: Translation): ResultHeader {
    this.autoIncrement.clear();
    if (t.statements.length === 1) {
      this.db.run(t.statements[0] as string);
      return header(0, 0);
    }
    this.db.run('SAVEPOINT rg_ddl');
    try {
      for (const statement of t.statements) this.db.run(statement);
      this.db.run('RELEASE rg_ddl');
    } catch (error) {
      this.db.run('ROLLBACK TO rg_ddl');
      this.db.run('RELEASE rg_ddl');
      throw error;
    }
    return header(0, 0);
  }

  private hasAutoIncrement(table: string): boolean {
    let known = this.autoIncrement.get(table);
    if (known === undefined) {
      const rows = this.db.exec("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]);
      known = /\bAUTOINCREMENT\b/i.test(String(rows[0]?.values[0]?.[0] ?? ''));
      this.autoIncrement.set(table, known);
    }
    return known;
  }

  private scheduleSave(): void {
    if (this.options.file === undefined || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, this.options.saveDelayMs ?? 1000);
    this.saveTimer.unref();
  }
}

function header(affectedRows: number, insertId: number): ResultHeader {
  return { affectedRows, fieldCount: 0, info: '', insertId, serverStatus: 0, warningStatus: 0 };
}

/** What @forge/sql can send (string, number, boolean, null); MySQL stores a boolean as 1 or 0. */
function bindable(value: unknown, sql: string): SqliteValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new Error(`embedded SQL engine: cannot bind a ${typeof value} parameter in: ${sql.slice(0, 200)}`);
}
