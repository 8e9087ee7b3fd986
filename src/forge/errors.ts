import type { ErrorCode } from '../shared/errors';

/** The one app error class: anything thrown with a code the UI understands. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);
