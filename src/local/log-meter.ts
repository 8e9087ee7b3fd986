import { currentScope } from './runtime';

/**
 * Log lines per invocation: Forge keeps 100 per started minute of the declared timeout and 200 KB
 * (limits-invocation). Console output inside an invocation is counted here (once per process);
 * the line is still printed, but the invocation is recorded as over the limit and fails — stricter
 * than Forge, which drops the extra lines, so a chatty handler is caught in tests.
 */
const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const METERED = Symbol('rg-log-meter');

/** Wraps each console method once; again if something (a test's spy) has replaced it since. */
export function meterConsole(logBytesCap: number): void {
  for (const level of LEVELS) {
    if ((console[level] as unknown as Record<symbol, boolean>)[METERED]) continue;
    const original = console[level].bind(console);
    const metered = (...args: unknown[]) => {
      const meter = currentScope()?.meter;
      if (meter !== undefined) {
        meter.logLines += 1;
        meter.logBytes += Buffer.byteLength(
          args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '),
        );
        if (meter.logLines > meter.logLineCap && !meter.violations.some((v) => v.startsWith('log lines')))
          meter.violations.push(`log lines: more than ${meter.logLineCap} in one invocation`);
        if (meter.logBytes > logBytesCap && !meter.violations.some((v) => v.startsWith('log size')))
          meter.violations.push(`log size: more than ${logBytesCap} bytes in one invocation`);
      }
      original(...args);
    };
    (metered as unknown as Record<symbol, boolean>)[METERED] = true;
    console[level] = metered;
  }
}
