import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Opt-out links carry a signed token: install id and address, HMAC-SHA256 with the install's
 * signing key. Anyone holding the link can opt that one address out of that one install (that is
 * the point of a one-click link); nobody can forge a link for another address.
 */
const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

function signature(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function signOptOutToken(key: string, installId: string, email: string): string {
  const payload = b64(JSON.stringify({ i: installId, e: normalizeEmail(email) }));
  return `${payload}.${signature(key, payload)}`;
}

/** The address a token opts out, or null when it is malformed, forged or for another install. */
export function verifyOptOutToken(key: string, installId: string, token: string): string | null {
  const [payload, sig, extra] = token.split('.');
  if (payload === undefined || sig === undefined || extra !== undefined) return null;
  const expected = Buffer.from(signature(key, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      i?: unknown;
      e?: unknown;
    };
    return claims.i === installId && typeof claims.e === 'string' ? claims.e : null;
  } catch {
    return null;
  }
}

export function optOutUrl(base: string, token: string): string {
  const url = new URL(base);
  url.searchParams.set('token', token);
  return url.toString();
}
