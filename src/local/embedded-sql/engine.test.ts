import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedSql } from './engine';
import { UnsupportedSqlError } from './errors';

/** The engine answers like a mysql2 pool; the SQL behaviour itself is pinned in test/store/dialect.test.ts. */
test('rows for a SELECT, a result header otherwise, with MySQL’s insertId for AUTO_INCREMENT tables', async () => {
  const db = await EmbeddedSql.open();
  try {
    const [ddl] = await db.query(
      'CREATE TABLE log (id BIGINT NOT NULL AUTO_INCREMENT, v VARCHAR(8), PRIMARY KEY (id))',
    );
    expect(ddl).toMatchObject({ affectedRows: 0, insertId: 0 });
    const [first] = await db.query('INSERT INTO log (v) VALUES (?), (?)', ['a', true]);
    expect(first).toEqual({
      affectedRows: 2,
      fieldCount: 0,
      info: '',
      insertId: 1,
      serverStatus: 0,
      warningStatus: 0,
    });
    const [second] = await db.query('INSERT INTO log (v) VALUES (?)', [null]);
    expect(second).toMatchObject({ affectedRows: 1, insertId: 3 });
    const [rows] = await db.query('SELECT id, v FROM log ORDER BY id');
    expect(rows).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: '1' }, // a boolean is 1, as MySQL stores it
      { id: 3, v: null },
    ]);
    await db.query('CREATE TABLE plain (k VARCHAR(4) NOT NULL, PRIMARY KEY (k))');
    expect((await db.query("INSERT INTO plain (k) VALUES ('x')"))[0]).toMatchObject({ insertId: 0 });
  } finally {
    await db.end();
  }
});

test('unsupported SQL and SQLite errors reject; nothing runs after end()', async () => {
  const db = await EmbeddedSql.open();
  await expect(db.query('SELECT NOW()')).rejects.toBeInstanceOf(UnsupportedSqlError);
  await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no such table: no_such_table/);
  await expect(db.query('SELECT ?', [{}])).rejects.toThrow(/cannot bind a object parameter/);
  await db.end();
  await expect(db.query('SELECT 1')).rejects.toThrow(/after end/);
});

test('a CREATE TABLE whose index fails leaves no table behind', async () => {
  const db = await EmbeddedSql.open();
  try {
    await db.query('CREATE TABLE a (x INT, KEY k (x))');
    // The same index name on the same table: the second CREATE TABLE's CREATE INDEX fails.
    await db.query('DROP TABLE a');
    await db.query('CREATE TABLE b (x INT, KEY k (x))');
    await expect(db.query('CREATE TABLE a (y INT, KEY k (nope))')).rejects.toThrow(/no such column|nope/);
    await expect(db.query('SELECT * FROM a')).rejects.toThrow(/no such table: a/);
  } finally {
    await db.end();
  }
});

test('with a file, the data outlives the process (saved on end and after writes)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rg-embedded-'));
  const file = path.join(dir, 'local.sqlite');
  try {
    const first = await EmbeddedSql.open({ file, saveDelayMs: 5 });
    await first.query('CREATE TABLE kv (k VARCHAR(8) NOT NULL, v INT, PRIMARY KEY (k))');
    await first.query("INSERT INTO kv (k, v) VALUES ('a', 1)");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const copy = await EmbeddedSql.open({ file }); // what a crash right now would leave
    expect((await copy.query('SELECT v FROM kv'))[0]).toEqual([{ v: 1 }]);
    await copy.end();
    await first.query("INSERT INTO kv (k, v) VALUES ('b', 2) ON DUPLICATE KEY UPDATE v = VALUES(v)");
    await first.end();
    const second = await EmbeddedSql.open({ file });
    expect((await second.query('SELECT k, v FROM kv ORDER BY k'))[0]).toEqual([
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
    ]);
    await second.end();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
