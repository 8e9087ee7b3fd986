import type { IncomingMessage } from 'node:http';

/**
 * `npm start` answers only its own loopback address. A web page the developer happens to visit can
 * POST to 127.0.0.1 (a `text/plain` POST needs no CORS preflight) or rebind its own host name to
 * 127.0.0.1; the Host and Origin headers are what give both away, so a request is served only when
 * its Host is this server's loopback address and any Origin it carries is that address too.
 */
export function loopbackHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Why a request is refused, or null when it comes from the server's own origin. */
export function refusal(req: IncomingMessage, hosts: ReadonlySet<string>): string | null {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !hosts.has(host)) return 'refused: the Host is not this local server';
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(hostOfOrigin(origin))) return 'refused: a cross-origin request';
  return null;
}

function hostOfOrigin(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    // Sandboxed frames and file: pages send "null", which no origin of this server is.
    return '';
  }
}
