import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

const dir = mkdtempSync(path.join(tmpdir(), 'rbg-extract-'));
const page = (id: string, storage: string) => ({
  id,
  title: `Page ${id}`,
  version: { number: 2 },
  body: { storage: { value: storage, representation: 'storage' } },
});
function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('runbookguard extract', () => {
  test('reads a REST v2 page list and prints the documented JSON', async () => {
    const pages = file('list.json', {
      results: [page('7', '<p>Region: eu-west-1</p><p>ssh i-0a1b2c3d4e5f60718</p>')],
      _links: {},
    });
    const io = fakeIo();
    expect(await main(['extract', '--pages', pages], io)).toBe(0);
    const output = JSON.parse(io.out()) as {
      pages: Array<{ pageId: string; title: string; entities: unknown[] }>;
    };
    expect(output.pages).toHaveLength(1);
    expect(output.pages[0]).toMatchObject({ pageId: '7', title: 'Page 7', version: 2 });
    expect(output.pages[0]?.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'ec2-instance',
          value: 'i-0a1b2c3d4e5f60718',
          region: 'eu-west-1',
          regionSource: 'page',
          location: { headingPath: [], kind: 'prose' },
        }),
      ]),
    );
    expect(io.err()).toBe('');
  });

  test('accepts a bare JSON array of pages and numeric ids', async () => {
    const pages = file('array.json', [{ ...page('8', '<p>sg-0f3e2d1c</p>'), id: 8 }]);
    const io = fakeIo();
    expect(await main(['extract', '--pages', pages, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({
      pages: [{ pageId: '8', entities: [{ value: 'sg-0f3e2d1c' }] }],
    });
  });

  test('table output is aligned, grouped by page, and plain when not on a terminal', async () => {
    const pages = file('table.json', [
      page('1', '<h1>Steps</h1><p>ssh i-0a1b2c3d4e5f60718 and i-1234567890abcdef0</p>'),
      page('2', '<p>nothing here</p>'),
    ]);
    const io = fakeIo({ tty: false });
    expect(await main(['extract', '--pages', pages, '--format', 'table'], io)).toBe(0);
    const text = io.out();
    expect(text.includes('\u001b[')).toBe(false);
    expect(text).toContain('Page 1  (page 1, v2)');
    expect(text).toMatch(/ec2-instance {2}i-0a1b2c3d4e5f60718 {16}- {7}1× {4}Steps · prose/);
    expect(text).toContain('i-1234567890abcdef0 (placeholder)');
    expect(text).toContain('no AWS references');
    expect(text).toContain('2 references on 2 pages (1 placeholders, never checked)');
  });

  test('colours the table on a terminal', async () => {
    const pages = file('tty.json', [page('1', '<p>i-0a1b2c3d4e5f60718</p>')]);
    const io = fakeIo({ tty: true });
    await main(['extract', '--pages', pages, '--format', 'table'], io);
    expect(io.out().includes('\u001b[')).toBe(true);
  });

  test('--demo runs on the bundled demo space', async () => {
    const io = fakeIo();
    expect(await main(['extract', '--demo'], io)).toBe(0);
    const output = JSON.parse(io.out()) as { pages: Array<{ entities: unknown[] }> };
    expect(output.pages.length).toBeGreaterThanOrEqual(10);
    expect(output.pages.every((p) => p.entities.length > 0)).toBe(true);
  });

  mkdirSync(path.join(dir, 'folder'));
  test.each([
    ['an unreadable file', () => ['--pages', path.join(dir, 'missing.json')], /missing\.json: no such file/],
    ['a folder', () => ['--pages', path.join(dir, 'folder')], /folder: is a folder/],
    [
      'text that is not JSON',
      () => ['--pages', file('bad.json', '{"results": [')],
      /bad\.json: not valid JSON/,
    ],
    [
      'the wrong shape',
      () => ['--pages', file('shape.json', { pages: [] })],
      /expected a Confluence page list/,
    ],
    [
      'a page without a body',
      () => ['--pages', file('nobody.json', [{ id: '3', title: 't', version: { number: 1 } }])],
      /page 1 \(id 3\) at body: missing body \(fetch pages with body-format=storage\)/,
    ],
    [
      'a body without storage',
      () => [
        '--pages',
        file('noview.json', [{ id: '4', title: 't', version: { number: 1 }, body: { view: {} } }]),
      ],
      /page 1 \(id 4\) at body\.storage: missing body\.storage/,
    ],
    ['an unknown flag', () => ['--demo', '--verbose'], /Unknown option '--verbose'/],
    ['a bad format', () => ['--demo', '--format', 'xml'], /--format must be json, ndjson or table/],
    ['no input', () => [], /exactly one of --pages FILE, --demo or --confluence URL/],
    [
      'both inputs',
      () => ['--demo', '--pages', 'x.json'],
      /exactly one of --pages FILE, --demo or --confluence URL/,
    ],
  ])('rejects %s with one line and exit code 2', async (_name, args, message) => {
    const io = fakeIo();
    expect(await main(['extract', ...args()], io)).toBe(2);
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).not.toMatch(/\s+at\s+\S+\s+\(/);
    expect(io.out()).toBe('');
  });

  test('--help documents every option', async () => {
    const io = fakeIo();
    expect(await main(['extract', '--help'], io)).toBe(0);
    for (const option of ['--pages', '--demo', '--format', 'json', 'table'])
      expect(io.out()).toContain(option);
  });

  test('unknown commands and no command are usage errors', async () => {
    const io = fakeIo();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toContain("unknown command 'frobnicate'");
    expect(await main([], fakeIo())).toBe(2);
  });
});
