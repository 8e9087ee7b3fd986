/**
 * The platform limits src/local enforces, each with where it is documented. docs/forge-limits.md
 * lists the same figures beside the tests that prove the app stays under them. When Forge's pages
 * disagree (the invocation-rate row changed between page versions), the stricter figure is here.
 */
export const FORGE_LIMITS = {
  // developer.atlassian.com/platform/forge/limits-async-events/ and @forge/events/out/validators.js
  eventsPerPush: 50,
  pushBytes: 200 * 1024,
  /** Per event, for consumers whose timeout is over 55 s. */
  longRunningEventBytes: 100 * 1024,
  eventsPushedPerMinute: 500,
  /** Push requests descending from one initial invocation (405 → InvocationLimitReachedError). */
  pushesPerRoot: 1000,
  maxDelaySeconds: 900,
  eventRetentionMs: 24 * 60 * 60 * 1000,
  // developer.atlassian.com/platform/forge/limits-invocation/
  invocationsPerMinutePerInstall: 1200,
  invocationsPerMinutePerApp: 30_000,
  /** Log lines per invocation: this many per started minute of the declared timeout. */
  logLinesPerMinute: 100,
  logBytesPerInvocation: 200 * 1024,
  /**
   * Outbound (fetch) requests per invocation, Atlassian REST and external alike, per started
   * minute of the declared timeout. 100 per invocation is the figure Atlassian's ECO-491 quotes
   * (429 with `forge-proxy-error: FETCH_LIMIT_EXCEEDED`); scaling per minute, as the log-line row
   * does, is the stricter reading of "scaled by the declared timeout".
   */
  egressPerMinute: 100,
  uiTimeoutSeconds: 25,
  triggerTimeoutSeconds: 25,
  webtriggerTimeoutSeconds: 55,
  defaultLongTimeoutSeconds: 55,
  maxLongTimeoutSeconds: 900,
  // developer.atlassian.com/platform/forge/limits-kvs-ce/ and storage-reference/handling-errors-kvs
  kvsValueBytes: 240 * 1024,
  kvsKeyBytes: 500,
  // developer.atlassian.com/platform/forge/limits-sql/
  sqlRequestBytes: 1024 * 1024,
  sqlResponseBytes: 4 * 1024 * 1024,
  ddlPerMinute: 25,
  dmlPerSecond: 150,
  // developer.atlassian.com/cloud/confluence/rate-limiting/ (Tier 1, the default)
  confluencePointsPerHour: 65_000,
} as const;

/** Starts of a minute, rounded up: "100 per runtime minute (rounded up)". */
export function perStartedMinute(perMinute: number, timeoutSeconds: number): number {
  return perMinute * Math.max(1, Math.ceil(timeoutSeconds / 60));
}
