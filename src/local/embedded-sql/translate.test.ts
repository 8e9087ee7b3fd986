import { UnsupportedSqlError } from './errors';
import { translate } from './translate';

/** One rewrite rule per test; test/store/dialect.test.ts checks the same behaviour against MariaDB. */
const one = (sql: string): string => {
  const t = translate(sql);
  expect(t.statements).toHaveLength(1);
  return t.statements[0] as string;
};

describe('CREATE TABLE', () => {
  test('inline KEY becomes CREATE INDEX (named per table), the table STRICT', () => {
    const t = translate(`CREATE TABLE IF NOT EXISTS rg_pages (
      page_id VARCHAR(32) NOT NULL, version INT NOT NULL, updated_at BIGINT NOT NULL,
      PRIMARY KEY (page_id), KEY idx_pages_version (version, updated_at), UNIQUE KEY u_v (updated_at))`);
    expect(t.kind).toBe('ddl');
    expect(t.statements[0]).toMatch(
      /^CREATE TABLE IF NOT EXISTS `rg_pages` \(.*PRIMARY KEY \(`page_id`\)\) STRICT$/,
    );
    expect(t.statements.slice(1)).toEqual([
      'CREATE INDEX IF NOT EXISTS `rg_pages__idx_pages_version` ON `rg_pages` (`version`, `updated_at`)',
      'CREATE UNIQUE INDEX IF NOT EXISTS `rg_pages__u_v` ON `rg_pages` (`updated_at`)',
    ]);
  });

  test('CREATE [UNIQUE] INDEX IF NOT EXISTS is named per table, as inline keys are', () => {
    expect(translate('CREATE INDEX IF NOT EXISTS idx_audit_target ON rg_audit_log (target)')).toEqual({
      kind: 'ddl',
      statements: [
        'CREATE INDEX IF NOT EXISTS `rg_audit_log__idx_audit_target` ON `rg_audit_log` (`target`)',
      ],
    });
    expect(one('CREATE UNIQUE INDEX IF NOT EXISTS u ON t (a, b);')).toBe(
      'CREATE UNIQUE INDEX IF NOT EXISTS `t__u` ON `t` (`a`, `b`)',
    );
  });

  test.each([
    ['CREATE INDEX i ON t (a)', /without IF NOT EXISTS/],
    ['CREATE INDEX IF NOT EXISTS i ON t (a(10))', /a key part other than a plain column/],
    ['CREATE INDEX IF NOT EXISTS i USING BTREE ON t (a)', /without ON table/],
    ["CREATE INDEX IF NOT EXISTS i ON t (a) COMMENT 'x'", /a key without a column list/],
  ])('refuses %s', (sql, message) => {
    expect(() => translate(sql)).toThrow(UnsupportedSqlError);
    expect(() => translate(sql)).toThrow(message);
  });

  test('types: lengths and integer ranges become named CHECKs, BIGINT and TIMESTAMP map to INTEGER and TEXT', () => {
    const [create] = translate(
      'CREATE TABLE t (a VARCHAR(12) NULL, b INT NOT NULL DEFAULT 0, c BIGINT, d MEDIUMTEXT, e TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    ).statements;
    expect(create).toContain('`a` TEXT CONSTRAINT "data too long for column a" CHECK (length(`a`) <= 12)');
    expect(create).toContain(
      '`b` INTEGER NOT NULL DEFAULT 0 CONSTRAINT "out of range value for column b" CHECK (`b` BETWEEN -2147483648 AND 2147483647)',
    );
    expect(create).toContain('`c` INTEGER,');
    expect(create).toContain('CHECK (octet_length(`d`) <= 16777215)');
    expect(create).toContain('`e` TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP');
  });

  test('AUTO_INCREMENT, inline or with a table-level PRIMARY KEY, is INTEGER PRIMARY KEY AUTOINCREMENT', () => {
    // @forge/sql's own migrations table, trailing semicolon included.
    expect(
      one(
        'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);',
      ),
    ).toMatch(/^CREATE TABLE IF NOT EXISTS `__migrations` \(`id` INTEGER PRIMARY KEY AUTOINCREMENT, /);
    const [create] = translate(
      'CREATE TABLE a (id BIGINT NOT NULL AUTO_INCREMENT, x INT, PRIMARY KEY (id))',
    ).statements;
    expect(create).toMatch(/`id` INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT/);
    expect(create).not.toMatch(/PRIMARY KEY \(`id`\)/);
  });

  test('storage options (ENGINE, charset) are dropped; backticks are identifiers', () => {
    expect(one('CREATE TABLE `t` (`x` INT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4')).toMatch(
      /^CREATE TABLE `t` \(`x` INTEGER /,
    );
  });

  test.each([
    ['CREATE TABLE t (x DECIMAL(10,2))', /the type DECIMAL/],
    ['CREATE TABLE t (x JSON)', /the column type JSON/],
    ['CREATE TABLE t (x INT, FOREIGN KEY (x) REFERENCES u (id))', /FOREIGN/],
    ["CREATE TABLE t (x INT COMMENT 'c')", /the column attribute COMMENT/],
    ['CREATE TABLE t (x INT) PARTITION BY HASH (x)', /the table option PARTITION/],
    ['CREATE TABLE t (x VARCHAR(9), KEY k (x(4)))', /a key part other than a plain column/],
    [
      'CREATE TABLE t (id INT AUTO_INCREMENT, y INT, PRIMARY KEY (id, y))',
      /AUTO_INCREMENT on a column that is not the whole primary key/,
    ],
  ])('refuses %s', (sql, why) => {
    expect(() => translate(sql)).toThrow(why);
  });
});

describe('INSERT', () => {
  test('ON DUPLICATE KEY UPDATE → ON CONFLICT DO UPDATE, VALUES(col) → excluded.col, ? → ?N', () => {
    expect(
      one('INSERT INTO p (name, value) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value)'),
    ).toBe(
      'INSERT INTO p (name, value) VALUES (?1, ?2), (?3, ?4) ON CONFLICT DO UPDATE SET `value` = excluded.value',
    );
  });

  test('a later assignment sees the value an earlier one gave (MySQL evaluates them left to right)', () => {
    expect(
      one(`INSERT INTO l (name, holder, exp) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE
        holder = IF(exp <= ? OR holder = VALUES(holder), VALUES(holder), holder),
        exp = IF(holder = VALUES(holder), VALUES(exp), exp)`),
    ).toBe(
      'INSERT INTO l (name, holder, exp) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET ' +
        '`holder` = iif(exp <= ?4 OR holder = excluded.holder, excluded.holder, holder), ' +
        '`exp` = iif((iif(exp <= ?4 OR holder = excluded.holder, excluded.holder, holder)) = excluded.holder, excluded.exp, exp)',
    );
  });

  test('INSERT IGNORE → INSERT OR IGNORE', () => {
    expect(one("INSERT IGNORE INTO t (a) VALUES ('x')")).toBe("INSERT OR IGNORE INTO t (a) VALUES ('x')");
  });

  test.each([
    ['INSERT INTO t SELECT * FROM u', /INSERT without a column list/],
    ['INSERT INTO t (a) SELECT a FROM u', /INSERT … SELECT/],
    ['REPLACE INTO t (a) VALUES (1)', /the statement REPLACE/],
    [
      'INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a) + VALUES(b, c)',
      /VALUES\(\) with anything but one column/,
    ],
    ['INSERT IGNORE INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = 1', /INSERT IGNORE with ON DUPLICATE/],
  ])('refuses %s', (sql, why) => {
    expect(() => translate(sql)).toThrow(why);
  });
});

describe('UPDATE and DELETE', () => {
  test('UPDATE … LIMIT n picks its rows by rowid; assignments are sequential', () => {
    expect(
      one("UPDATE f SET status = 'resolved', at = ? WHERE scan <> ? AND status IN ('open') LIMIT 500"),
    ).toBe(
      "UPDATE f SET `status` = 'resolved', `at` = ?1 WHERE rowid IN (SELECT rowid FROM f WHERE scan <> ?2 AND status IN ('open') LIMIT 500)",
    );
    expect(one('UPDATE c SET n = n + 1, m = n WHERE id = ?')).toBe(
      'UPDATE c SET `n` = n + 1, `m` = (n + 1) WHERE id = ?1',
    );
  });

  test('DELETE … ORDER BY … LIMIT n picks its rows by rowid; without LIMIT it is unchanged', () => {
    expect(one('DELETE FROM a WHERE at < ? ORDER BY at LIMIT 1000')).toBe(
      'DELETE FROM a WHERE rowid IN (SELECT rowid FROM a WHERE at < ?1 ORDER BY at LIMIT 1000)',
    );
    expect(one('DELETE FROM a LIMIT 5')).toBe('DELETE FROM a WHERE rowid IN (SELECT rowid FROM a LIMIT 5)');
    expect(one('DELETE FROM l WHERE name = ? AND holder = ?')).toBe(
      'DELETE FROM l WHERE name = ?1 AND holder = ?2',
    );
  });

  test('a row-value IN list becomes a VALUES subquery', () => {
    expect(one('DELETE FROM r WHERE page IN (?) AND (page, v) NOT IN ((?, ?), (?, ?))')).toBe(
      'DELETE FROM r WHERE page IN (?1) AND (page, v) NOT IN (VALUES (?2, ?3), (?4, ?5))',
    );
  });

  test.each([
    ['UPDATE a JOIN b ON a.id = b.id SET a.x = 1', /an UPDATE other than UPDATE <table> SET/],
    ['DELETE a FROM a JOIN b ON a.id = b.id', /a DELETE other than DELETE FROM <table>/],
    ['DELETE FROM a USING a JOIN b', /a multi-table DELETE/],
    ['UPDATE a SET x = 1 LIMIT ?', /LIMIT other than one number/],
    ['UPDATE a SET a.x = 1', /an assignment other than <column> = <expression>/],
  ])('refuses %s', (sql, why) => {
    expect(() => translate(sql)).toThrow(why);
  });
});

describe('expressions', () => {
  test('IF, GREATEST, LEAST, LENGTH and CHAR_LENGTH map to their SQLite equivalents', () => {
    expect(
      one('SELECT IF(a, GREATEST(b, c), LEAST(b, c)) AS x, LENGTH(d) AS y, CHAR_LENGTH(d) AS z FROM t'),
    ).toBe('SELECT iif(a, max(b, c), min(b, c)) AS x, octet_length(d) AS y, length(d) AS z FROM t');
  });

  test('SELECTs in the shape the store writes pass through', () => {
    expect(
      one(`SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN c.state = 'done' THEN 1 ELSE 0 END), 0) AS done
       FROM o LEFT JOIN c ON c.id = o.id WHERE o.id = ? AND o.x IN (SELECT y FROM z) ORDER BY o.id DESC LIMIT 5`),
    ).toBe(
      "SELECT count(*) AS total, coalesce(sum(CASE WHEN c.state = 'done' THEN 1 ELSE 0 END), 0) AS done FROM o LEFT JOIN c ON c.id = o.id WHERE o.id = ?1 AND o.x IN (SELECT y FROM z) ORDER BY o.id DESC LIMIT 5",
    );
  });

  test('string literals are never rewritten', () => {
    expect(one("SELECT 'IF(x) LIMIT ?' AS s, 'it''s' AS q FROM t")).toBe(
      "SELECT 'IF(x) LIMIT ?' AS s, 'it''s' AS q FROM t",
    );
  });

  test.each([
    ['SELECT NOW() FROM t', /NOW\(\)/],
    ['SELECT UNIX_TIMESTAMP() FROM t', /the function UNIX_TIMESTAMP\(\)/],
    ['SELECT CONCAT(a, b) FROM t', /the function CONCAT\(\)/],
    ["SELECT * FROM t WHERE a LIKE 'x%'", /LIKE/],
    ['SELECT * FROM t WHERE a = "x"', /a double-quoted string/],
    ["SELECT 'a\\'b' FROM t", /a backslash in a string literal/],
    ['SELECT a || b FROM t', /the operator \|\|/],
    ['SELECT a / b FROM t', /the operator \//],
    ['SELECT * FROM t FOR UPDATE', /FOR UPDATE/],
    ['SELECT 1; SELECT 2', /more than one statement/],
    ['SELECT 1 -- comment', /a comment/],
    ['SELECT VALUES(a) FROM t', /VALUES\(\) outside ON DUPLICATE KEY UPDATE/],
    ['SHOW TABLES', /the statement SHOW/],
    ['SET autocommit = 0', /the statement SET/],
    ['SELECT @a FROM t', /the character "@"/],
    ['START TRANSACTION', /the statement START/],
    ['CREATE DATABASE x', /the statement CREATE/],
  ])('refuses %s', (sql, why) => {
    expect(() => translate(sql)).toThrow(why);
  });

  test('the error names the statement and is an UnsupportedSqlError', () => {
    let caught: unknown;
    try {
      translate('SELECT NOW() FROM rg_pages');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsupportedSqlError);
    expect((caught as Error).message).toMatch(
      /NOW\(\) is not supported .* in: SELECT NOW\(\) FROM rg_pages$/,
    );
  });
});
