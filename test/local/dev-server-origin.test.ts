import { request } from 'node:http';
import { startLocalApp, type LocalApp } from '../../src/local/ui-host/local-app';
import { createTestDatabase, type TestDatabase } from '../store/support/mariadb';
import { demoPages, demoSnapshot, ROOT } from './support/app';

/**
 * Issue 14 item 10: `npm start` must not serve another web site. The attack is a page elsewhere
 * posting a `text/plain` body (no CORS preflight) to the local server, or rebinding its own host name
 * to 127.0.0.1; before the fix both ran getSettings as the site admin.
 */
let database: TestDatabase;
let app: LocalApp;
let port: number;

beforeAll(async () => {
  database = await createTestDatabase('devorigin');
  app = await startLocalApp({
    sql: { pool: database.pool },
    pages: demoPages(),
    snapshot: demoSnapshot(),
    root: ROOT,
    port: 0,
    firstRun: true,
    deliveryDelayMs: 0,
  });
  port = Number(new URL(app.url).port);
});

afterAll(async () => {
  await app.close();
  await database.drop();
});

interface Answer {
  status: number;
  body: string;
}

function call(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const getSettings = JSON.stringify({ as: 'local-admin', functionKey: 'getSettings', payload: {} });

test('a cross-site text/plain POST under a rebound Host name does not run a resolver', async () => {
  const answer = await call(
    'POST',
    '/__local/invoke',
    { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}`, 'Content-Type': 'text/plain' },
    getSettings,
  );
  expect(answer.status).toBe(403);
  expect(answer.body).not.toContain('externalId');
});

test('a cross-origin POST to the right Host is refused', async () => {
  const answer = await call(
    'POST',
    '/__local/invoke',
    { Host: `127.0.0.1:${port}`, Origin: 'http://evil.example', 'Content-Type': 'application/json' },
    getSettings,
  );
  expect(answer.status).toBe(403);
  expect(answer.body).not.toContain('externalId');
});

test('a sandboxed page (Origin: null) cannot call a resolver', async () => {
  const answer = await call(
    'POST',
    '/__local/invoke',
    { Host: `127.0.0.1:${port}`, Origin: 'null', 'Content-Type': 'application/json' },
    getSettings,
  );
  expect(answer.status).toBe(403);
});

test('a same-origin text/plain POST is refused: the bridge only sends JSON', async () => {
  const answer = await call(
    'POST',
    '/__local/invoke',
    { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'text/plain' },
    getSettings,
  );
  expect(answer.status).toBe(415);
});

test('DNS rebinding: pages and scripts are not served under a foreign Host', async () => {
  for (const path of ['/', '/wiki/apps/runbookguard', '/__local/bridge.js?resource=settings']) {
    const answer = await call('GET', path, { Host: `rebind.example:${port}` });
    expect({ path, status: answer.status }).toEqual({ path, status: 403 });
  }
  const otherPort = await call('GET', '/', { Host: `127.0.0.1:${port + 1}` });
  expect(otherPort.status).toBe(403);
});

test('the host itself still works: same-origin JSON invoke under 127.0.0.1 and localhost', async () => {
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
    const answer = await call(
      'POST',
      '/__local/invoke',
      { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json' },
      getSettings,
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
  }
  expect((await call('GET', '/', { Host: `127.0.0.1:${port}` })).status).toBe(200);
});
