import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { currentScope, jsonResponse, type InvocationMeter, type ServiceHandler } from './runtime';

/**
 * Outbound requests per invocation. Forge counts fetch requests to Atlassian REST APIs and to
 * external hosts alike (limits-invocation); locally those are the Confluence service's requests and
 * every Node http(s)/fetch request an invocation starts (the AWS SDK, Resend). One over the cap
 * answers as Forge's proxy does — 429 with `forge-proxy-error: FETCH_LIMIT_EXCEEDED`, which
 * @forge/api turns into ProxyRequestError — or, for a socket request, is destroyed; either way the
 * invocation is recorded as over the limit and fails.
 */
function count(meter: InvocationMeter): boolean {
  meter.egress += 1;
  if (meter.egress <= meter.egressCap) return true;
  if (meter.violations.every((v) => !v.startsWith('egress')))
    meter.violations.push(`egress: more than ${meter.egressCap} outbound requests in one invocation`);
  return false;
}

/** Put first among an installation's services: counts Confluence requests, refuses those over the cap. */
export function egressMeterService(): ServiceHandler {
  return (target) => {
    if (target.type !== 'fpp' || target.remote !== 'confluence') return null;
    const meter = currentScope()?.meter;
    if (meter === undefined || count(meter)) return null;
    return Promise.resolve(
      jsonResponse(
        429,
        { message: 'Too many outbound requests in this invocation' },
        { 'forge-proxy-error': 'FETCH_LIMIT_EXCEEDED' },
      ),
    );
  };
}

let subscribed = false;

/** Counts Node's own outbound requests made inside an invocation (once per process). */
export function meterNodeEgress(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe('http.client.request.start', (message) => {
    const meter = currentScope()?.meter;
    if (meter === undefined || count(meter)) return;
    (message as { request: ClientRequest }).request.destroy(new Error('FETCH_LIMIT_EXCEEDED'));
  });
  diagnostics.subscribe('undici:request:create', () => {
    const meter = currentScope()?.meter;
    if (meter !== undefined) count(meter);
  });
}
