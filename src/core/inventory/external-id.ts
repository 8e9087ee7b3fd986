import { randomBytes } from 'node:crypto';

/**
 * The External ID a customer's role trust policy requires. We generate it per install (192
 * random bits, base64url) and never let the customer choose one: a guessable or shared value
 * would let another vendor customer make us assume this customer's role (the confused deputy).
 */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const EXTERNAL_ID_BYTES = 24;

export function generateExternalId(random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(EXTERNAL_ID_BYTES);
  if (bytes.length !== EXTERNAL_ID_BYTES) throw new Error('random source returned the wrong length');
  return Buffer.from(bytes).toString('base64url');
}

export function isValidExternalId(value: string): boolean {
  return EXTERNAL_ID_PATTERN.test(value);
}
