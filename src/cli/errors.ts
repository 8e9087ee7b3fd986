/** Exit codes shared by every command (part of the CLI contract). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * Bad input from the user: unknown flag, unreadable or malformed file. Printed as one line,
 * never with a stack trace, and ends the process with EXIT_USAGE.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
