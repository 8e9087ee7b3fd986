import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { remoteConfluenceFromEnv, remoteConfluenceService } from '../../src/local/confluence-remote';
import { installLocalRuntime } from '../../src/local/runtime';

let server: Server;
let base = '';
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ results: [{ id: '1' }], _links: {} }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

test('requestConfluence goes to the real site with basic auth, paths kept on that site', async () => {
  const uninstall = installLocalRuntime({
    services: [remoteConfluenceService({ baseUrl: base, email: 'me@example.com', apiToken: 'tok-123' })],
  });
  try {
    const { default: api, route } = await import('@forge/api');
    const r = await api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=${5}`);
    expect(await r.json()).toEqual({ results: [{ id: '1' }], _links: {} });
    expect(seen[0]?.url).toBe('/wiki/api/v2/pages?limit=5');
    expect(seen[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('me@example.com:tok-123').toString('base64')}`,
    );
  } finally {
    uninstall();
  }
});

test('plain http to a remote host is refused; the site comes from three environment variables', () => {
  expect(() =>
    remoteConfluenceService({ baseUrl: 'http://example.atlassian.net', email: 'a', apiToken: 'b' }),
  ).toThrow(/https/);
  expect(remoteConfluenceFromEnv({ RG_CONFLUENCE_URL: 'https://x.atlassian.net' })).toBeNull();
  expect(
    remoteConfluenceFromEnv({
      RG_CONFLUENCE_URL: 'https://x.atlassian.net',
      RG_CONFLUENCE_EMAIL: 'a@b.c',
      RG_CONFLUENCE_API_TOKEN: 't',
    }),
  ).toEqual({ baseUrl: 'https://x.atlassian.net', email: 'a@b.c', apiToken: 't' });
});
