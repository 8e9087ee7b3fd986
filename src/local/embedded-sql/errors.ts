/**
 * The embedded engine understands a named subset of MySQL. Anything outside it fails with this
 * error, naming the construct and the statement, instead of running something that means otherwise.
 */
export class UnsupportedSqlError extends Error {
  constructor(
    readonly construct: string,
    readonly statement: string,
  ) {
    super(
      `embedded SQL engine: ${construct} is not supported (add a rewrite in src/local/embedded-sql/ or use FORGE_SQL_URL) in: ${statement.replace(/\s+/g, ' ').trim().slice(0, 300)}`,
    );
    this.name = 'UnsupportedSqlError';
  }
}
