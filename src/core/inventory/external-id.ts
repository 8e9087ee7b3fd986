import { randomBytes } from 'node:crypto';

/**
 * The External ID a customer's role trust policy requires. We generate it per install (32
 * letters and digits: about 190 random bits) and never let the customer choose one: a guessable
 * or shared value would let another vendor customer make us assume this customer's role (the
 * confused deputy). The template accepts `_` and `-` too, but we never generate them: an ID
 * starting with `-` reads as an option on a command line (`--external-id -x…`).
 */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const EXTERNAL_ID_LENGTH = 32;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Bytes at or above this would favour the first letters (256 is not a multiple of 62): drawn again.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);
const MAX_DRAWS = 64;

export function generateExternalId(random: (size: number) => Uint8Array = randomBytes): string {
  let id = '';
  for (let draw = 0; id.length < EXTERNAL_ID_LENGTH; draw++) {
    if (draw === MAX_DRAWS) throw new Error('random source keeps returning unusable bytes');
    for (const byte of random(EXTERNAL_ID_LENGTH)) {
      if (byte < UNBIASED_LIMIT && id.length < EXTERNAL_ID_LENGTH) id += ALPHABET[byte % ALPHABET.length];
    }
  }
  return id;
}

export function isValidExternalId(value: string): boolean {
  return EXTERNAL_ID_PATTERN.test(value);
}
