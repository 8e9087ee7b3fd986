import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * A local stand-in for the Resend API (batch endpoint only), on a loopback port. It keeps
 * Resend's idempotency contract: a repeated key with the same body gets the first answer and
 * delivers nothing new; the same key with another body is a 409.
 */
export class FakeResend {
  readonly requests: RecordedRequest[] = [];
  /** Every message "delivered", in order. */
  readonly delivered: {
    to: string[];
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string>;
  }[] = [];
  /** Answers to use before the normal behaviour, first in first out. */
  readonly script: ScriptedResponse[] = [];
  private readonly idempotent = new Map<string, { body: string; response: ScriptedResponse }>();
  private server: Server | null = null;
  private nextId = 1;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const body: unknown = raw === '' ? null : JSON.parse(raw);
        this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        const answer = this.answer(req.url ?? '', req.headers, raw, body);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(path: string, headers: IncomingHttpHeaders, raw: string, body: unknown): ScriptedResponse {
    const scripted = this.script.shift();
    if (scripted) return scripted;
    if (path !== '/emails/batch')
      return { status: 404, body: { statusCode: 404, name: 'not_found', message: 'no route' } };
    const key = headers['idempotency-key'];
    if (typeof key === 'string') {
      const seen = this.idempotent.get(key);
      if (seen && seen.body === raw) return seen.response;
      if (seen)
        return {
          status: 409,
          body: {
            statusCode: 409,
            name: 'invalid_idempotent_request',
            message: 'same key, different payload',
          },
        };
    }
    const emails = body as FakeResend['delivered'];
    this.delivered.push(...emails);
    const response = { status: 200, body: { data: emails.map(() => ({ id: `email-${this.nextId++}` })) } };
    if (typeof key === 'string') this.idempotent.set(key, { body: raw, response });
    return response;
  }
}

/** A clock whose sleeps pass at once and are recorded: rate limits and retry-after, tested fast. */
export function virtualClock(): { now(): number; sleep(ms: number): Promise<void>; sleeps: number[] } {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
      return Promise.resolve();
    },
    sleeps,
  };
}
