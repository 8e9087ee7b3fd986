/** The errors the strict local platform fails an invocation with (src/local/platform.ts). */
export class ForgeLimitError extends Error {
  constructor(
    readonly functionKey: string,
    readonly violations: readonly string[],
  ) {
    super(`${functionKey}: over a Forge limit — ${violations.join('; ')}`);
    this.name = 'ForgeLimitError';
  }
}

/** The invocation was refused before it ran (1,200 a minute per installation, 30,000 per app). */
export class InvocationRateLimitError extends Error {
  constructor(readonly retryAfterMs: number) {
    super('invocation rate limit reached');
    this.name = 'InvocationRateLimitError';
  }
}
