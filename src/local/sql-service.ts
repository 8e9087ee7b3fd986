import type { ResultSetHeader } from 'mysql2/promise';
import { z } from 'zod';
import type { SqlPool } from '../store/mysql-executor';
import { FORGE_LIMITS } from './limits';
import { bodyText, jsonResponse, type ServiceHandler } from './runtime';
import { SlidingWindow } from './window';

/** Forge SQL's documented per-request limits, enforced locally so tests catch what Forge would reject. */
export const FORGE_SQL_LIMITS = {
  requestBytes: FORGE_LIMITS.sqlRequestBytes,
  responseBytes: FORGE_LIMITS.sqlResponseBytes,
};

const requestSchema = z.object({
  query: z.string().min(1),
  params: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])).default([]),
  method: z.string().optional(),
});

/** What the SQL service saw: the bench and tests read peak request size and request rate from here. */
export interface SqlStats {
  requests: number;
  ddl: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
  /** DML request timestamps (ms) for the per-second peak. */
  dmlTimes: number[];
  /** The slowest single request (Forge SQL stops a SELECT at 5 s and DML at 10 s). */
  slowest: { ms: number; query: string };
  /** DDL requests in the last minute (Forge SQL allows 25 per installation), with its peak. */
  ddlPerMinute: SlidingWindow;
  ddlRefused: number;
  /** When each DDL request ran (platform clock). */
  ddlTimes: number[];
}

export function newSqlStats(): SqlStats {
  return {
    requests: 0,
    ddl: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
    dmlTimes: [],
    slowest: { ms: 0, query: '' },
    ddlPerMinute: new SlidingWindow(60_000),
    ddlRefused: 0,
    ddlTimes: [],
  };
}

export function peakPerSecond(times: readonly number[]): number {
  let peak = 0;
  let start = 0;
  const sorted = [...times].sort((a, b) => a - b);
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/**
 * Forge SQL over a MySQL-compatible pool (FORGE_SQL_URL) or the embedded engine
 * (src/local/embedded-sql): POST /api/v1/execute (DML, server-side params) and
 * /api/v1/execute/ddl, answering `{rows}` — row objects for a SELECT, the result header
 * (affectedRows, insertId, …) otherwise — and `{code, message}` errors as @forge/sql expects.
 * One statement per request, like Forge: the pool must not allow multiple statements.
 */
export function sqlService(
  pool: SqlPool,
  stats: SqlStats = newSqlStats(),
  now: () => number = () => Date.now(),
): ServiceHandler {
  return (target, path, init) => {
    if (target.type !== 'sql') return null;
    return (async () => {
      const text = bodyText(init);
      const bytes = Buffer.byteLength(text);
      stats.requests += 1;
      stats.largestRequestBytes = Math.max(stats.largestRequestBytes, bytes);
      if (bytes > FORGE_SQL_LIMITS.requestBytes) {
        return jsonResponse(413, {
          code: 'SQL_EXECUTION_ERROR',
          message: `request of ${bytes} bytes exceeds 1 MiB`,
        });
      }
      const parsed = requestSchema.safeParse(JSON.parse(text));
      if (!parsed.success)
        return jsonResponse(400, { code: 'INVALID_SQL_QUERY', message: 'malformed request' });
      const isDdl = path.endsWith('/execute/ddl');
      if (isDdl) {
        if (!stats.ddlPerMinute.fits(now(), 1, FORGE_LIMITS.ddlPerMinute)) {
          stats.ddlRefused += 1;
          return jsonResponse(429, {
            code: 'RATE_LIMIT_EXCEEDED',
            message: 'more than 25 DDL requests in a minute',
          });
        }
        stats.ddl += 1;
        stats.ddlPerMinute.add(now());
        stats.ddlTimes.push(now());
      } else if (!/^\s*select\b/i.test(parsed.data.query)) stats.dmlTimes.push(Date.now());
      try {
        const started = Date.now();
        const [rows] = await pool.query(parsed.data.query, parsed.data.params);
        const ms = Date.now() - started;
        if (ms > stats.slowest.ms)
          stats.slowest = { ms, query: parsed.data.query.replace(/\s+/g, ' ').slice(0, 100) };
        const body = JSON.stringify({ rows: Array.isArray(rows) ? rows : toHeader(rows as ResultSetHeader) });
        const out = Buffer.byteLength(body);
        stats.largestResponseBytes = Math.max(stats.largestResponseBytes, out);
        if (out > FORGE_SQL_LIMITS.responseBytes) {
          return jsonResponse(400, {
            code: 'SQL_EXECUTION_ERROR',
            message: `response of ${out} bytes exceeds 4 MiB`,
          });
        }
        return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return jsonResponse(400, { code: 'SQL_EXECUTION_ERROR', message });
      }
    })();
  };
}

function toHeader(h: ResultSetHeader): Record<string, number | string> {
  return {
    affectedRows: h.affectedRows,
    fieldCount: h.fieldCount,
    info: h.info,
    insertId: h.insertId,
    serverStatus: h.serverStatus ?? 0,
    warningStatus: h.warningStatus,
  };
}
