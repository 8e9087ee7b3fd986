import type { z } from 'zod';
import { AppError } from '../errors';

/** Keyset cursors handed to the UI: base64url JSON, opaque to it, validated when they come back. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('INVALID_PAYLOAD', 'cursor: not a cursor of this list');
  return parsed.data;
}
