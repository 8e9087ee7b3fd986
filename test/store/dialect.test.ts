import { createTestDatabase, TEST_SQL, type TestDatabase } from './support/mariadb';

/**
 * The MySQL behaviour the store relies on, pinned on both engines (test:services on MariaDB,
 * test:embedded on the embedded engine): where SQLite differs, the translation must make up for it.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('dialect');
  await t.db.ddl(`CREATE TABLE IF NOT EXISTS probe (
  id VARCHAR(8) NOT NULL,
  holder VARCHAR(16) NOT NULL,
  n INT NOT NULL DEFAULT 0,
  at BIGINT NULL,
  body TEXT NULL,
  PRIMARY KEY (id),
  KEY idx_probe_n (n)
)`);
});
afterAll(async () => {
  await t.drop();
});
beforeEach(async () => {
  await t.db.execute('DELETE FROM probe');
});

const rows = (sql: string, params: (string | number | null)[] = []) =>
  t.db.query<Record<string, unknown>>(sql, params);

test('ON DUPLICATE KEY UPDATE: assignments run left to right, VALUES() is the row that was to be inserted', async () => {
  const upsert = `INSERT INTO probe (id, holder, n) VALUES (?, ?, ?)
    ON DUPLICATE KEY UPDATE holder = IF(n <= ? OR holder = VALUES(holder), VALUES(holder), holder),
      n = IF(holder = VALUES(holder), VALUES(n), n)`;
  expect((await t.db.execute(upsert, ['a', 'job-1', 10, 0])).affectedRows).toBe(1);
  await t.db.execute(upsert, ['a', 'job-2', 20, 5]); // n (10) > 5: job-1 keeps it, n stays
  expect(await rows('SELECT holder, n FROM probe')).toEqual([{ holder: 'job-1', n: 10 }]);
  await t.db.execute(upsert, ['a', 'job-2', 20, 15]); // expired: job-2 takes it and n sees the new holder
  expect(await rows('SELECT holder, n FROM probe')).toEqual([{ holder: 'job-2', n: 20 }]);
});

test('UPDATE assignments also see the values earlier ones assigned; affectedRows counts matched rows', async () => {
  await t.db.execute("INSERT INTO probe (id, holder, n) VALUES ('a', 'x', 1), ('b', 'y', 1)");
  const r = await t.db.execute('UPDATE probe SET n = n + 1, holder = IF(n = 2, ?, holder) WHERE id = ?', [
    'two',
    'a',
  ]);
  expect(r.affectedRows).toBe(1);
  expect(await rows('SELECT holder, n FROM probe ORDER BY id')).toEqual([
    { holder: 'two', n: 2 },
    { holder: 'y', n: 1 },
  ]);
  // mysql2 connects with FOUND_ROWS, so an UPDATE that changes nothing still counts the row it matched.
  expect((await t.db.execute("UPDATE probe SET holder = 'y' WHERE id = 'b'")).affectedRows).toBe(1);
});

test('UPDATE and DELETE with ORDER BY … LIMIT touch only that many rows', async () => {
  await t.db.execute(
    'INSERT INTO probe (id, holder, n) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?), (?, ?, ?)',
    ['a', 'h', 1, 'b', 'h', 2, 'c', 'h', 3, 'd', 'h', 4, 'e', 'x', 5],
  );
  expect(
    (await t.db.execute("UPDATE probe SET n = 0 WHERE holder = 'h' ORDER BY n DESC LIMIT 2")).affectedRows,
  ).toBe(2);
  expect(await rows('SELECT id FROM probe WHERE n = 0 ORDER BY id')).toEqual([{ id: 'c' }, { id: 'd' }]);
  expect((await t.db.execute('DELETE FROM probe WHERE holder = ? LIMIT 3', ['h'])).affectedRows).toBe(3);
  expect((await t.db.execute('DELETE FROM probe LIMIT 10')).affectedRows).toBe(2);
});

test('row values: (a, b) NOT IN ((…), (…))', async () => {
  await t.db.execute("INSERT INTO probe (id, holder, n) VALUES ('a', 'h', 1), ('b', 'h', 2), ('c', 'k', 1)");
  const r = await t.db.execute(
    'DELETE FROM probe WHERE id IN (?, ?, ?) AND (holder, n) NOT IN ((?, ?), (?, ?))',
    ['a', 'b', 'c', 'h', 1, 'k', 1],
  );
  expect(r.affectedRows).toBe(1);
  expect(await rows('SELECT id FROM probe ORDER BY id')).toEqual([{ id: 'a' }, { id: 'c' }]);
});

test('functions: GREATEST and LENGTH (bytes) as in MySQL, with NULLs', async () => {
  await t.db.execute("INSERT INTO probe (id, holder, n, at, body) VALUES ('a', 'h', 3, NULL, 'é€')");
  const [r] = await rows(
    'SELECT GREATEST(n, 7) AS g, GREATEST(n, at) AS gn, LENGTH(body) AS bytes, CHAR_LENGTH(body) AS chars, COALESCE(at, -1) AS c FROM probe',
  );
  expect({
    ...r,
    g: Number(r?.g),
    bytes: Number(r?.bytes),
    chars: Number(r?.chars),
    c: Number(r?.c),
  }).toEqual({
    g: 7,
    gn: null,
    bytes: 5,
    chars: 2,
    c: -1,
  });
});

test('strict mode: too long a string and a duplicate key are errors, INSERT IGNORE skips the duplicate', async () => {
  await expect(t.db.execute("INSERT INTO probe (id, holder) VALUES ('123456789', 'h')")).rejects.toThrow(
    /too long/i,
  );
  await expect(t.db.execute("INSERT INTO probe (id, holder, n) VALUES ('a', 'h', 'many')")).rejects.toThrow();
  await expect(t.db.execute("INSERT INTO probe (id, holder) VALUES ('a', NULL)")).rejects.toThrow(/null/i);
  await t.db.execute("INSERT INTO probe (id, holder) VALUES ('a', 'h')");
  await expect(t.db.execute("INSERT INTO probe (id, holder) VALUES ('a', 'h')")).rejects.toThrow(
    TEST_SQL === 'embedded' ? /UNIQUE constraint failed/ : /Duplicate entry/,
  );
  expect(
    (await t.db.execute("INSERT IGNORE INTO probe (id, holder) VALUES ('a', 'h2'), ('b', 'h')")).affectedRows,
  ).toBe(1);
  expect(await rows('SELECT id, holder FROM probe ORDER BY id')).toEqual([
    { id: 'a', holder: 'h' },
    { id: 'b', holder: 'h' },
  ]);
});

// MariaDB's default collation is case-insensitive; Forge SQL's (TiDB's utf8mb4_bin) compares code
// points, and so does the embedded engine. Only the embedded engine can be held to Forge's behaviour.
(TEST_SQL === 'embedded' ? test : test.skip)(
  'string comparison is by code point, as in Forge SQL',
  async () => {
    await t.db.execute("INSERT INTO probe (id, holder) VALUES ('a', 'h'), ('B', 'h')");
    expect(await rows("SELECT id FROM probe WHERE id > 'Z' ORDER BY id")).toEqual([{ id: 'a' }]);
  },
);
