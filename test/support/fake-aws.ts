import { Readable } from 'node:stream';

export interface RecordedCall {
  command: string;
  input: Record<string, unknown>;
}

/** Answers one command: return the output, or throw an AWS-shaped error. */
export type Script = (command: string, input: Record<string, unknown>) => unknown;

/**
 * Replaces a real SDK client's `send` (the paginators insist on real client instances) with a
 * script, and records every call. SDK middleware, retries included, is bypassed: see fakeHttp.
 */
export function scripted<C extends object>(client: C, script: Script): C & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const send = (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const input = { ...command.input };
    calls.push({ command: command.constructor.name, input });
    try {
      return Promise.resolve(script(command.constructor.name, input));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return Object.assign(client, { send, calls });
}

/** An error as the SDK throws it for an AWS error response. */
export function awsError(code: string, status = 400): Error {
  return Object.assign(new Error(`${code} (fake)`), {
    name: code,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

export interface FakeHttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A request handler in place of the network, so the real SDK stack (signing, retries,
 * deserialization) runs. Each call takes the next response, or throws what `respond` throws.
 */
export function fakeHttp(respond: (attempt: number) => FakeHttpResponse) {
  let attempts = 0;
  return {
    get attempts() {
      return attempts;
    },
    handler: {
      handle: () => {
        attempts += 1;
        const r = respond(attempts);
        return Promise.resolve({
          response: {
            statusCode: r.status,
            headers: { 'content-type': 'text/xml', ...r.headers },
            body: Readable.from([Buffer.from(r.body)]),
          },
        });
      },
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
      destroy: () => undefined,
    },
  };
}

export const STATIC_CREDENTIALS = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' };
