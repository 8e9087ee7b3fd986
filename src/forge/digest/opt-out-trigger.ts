import { handleOptOut, type WeeklyDigestOptions } from './run';

/** The parts of a Forge web trigger request the opt-out endpoint reads. */
export interface OptOutRequest {
  method: string;
  queryParameters?: Record<string, string[] | undefined>;
}

export interface OptOutResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

const page = (statusCode: number, title: string, body: string): OptOutResponse => ({
  statusCode,
  headers: {
    'Content-Type': ['text/html; charset=utf-8'],
    'Cache-Control': ['no-store'],
    'Content-Security-Policy': ["default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"],
  },
  body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:480px;margin:48px auto;color:#172b4d">${body}</body></html>`,
});

/**
 * The opt-out link's endpoint. GET shows a confirmation button, because mail scanners open links
 * on their own and must not unsubscribe anybody; POST (the button, or a mail client's RFC 8058
 * one-click request) opts the address out. The token is only echoed back URL-safe (base64url).
 */
export async function optOutEndpoint(
  request: OptOutRequest,
  o: Pick<WeeklyDigestOptions, 'installId' | 'signingKey' | 'optOuts' | 'audit'>,
): Promise<OptOutResponse> {
  const token = request.queryParameters?.token?.[0] ?? '';
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token))
    return page(400, 'Invalid link', '<p>This unsubscribe link is not valid.</p>');
  if (request.method.toUpperCase() !== 'POST')
    return page(
      200,
      'Unsubscribe',
      `<p>Stop receiving the RunbookGuard weekly digest?</p><form method="post" action="?token=${token}"><button type="submit">Unsubscribe</button></form>`,
    );
  const { ok } = await handleOptOut(token, o);
  return ok
    ? page(200, 'Unsubscribed', '<p>You will not receive the RunbookGuard weekly digest any more.</p>')
    : page(400, 'Invalid link', '<p>This unsubscribe link is not valid.</p>');
}
