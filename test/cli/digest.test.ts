import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { demoFile } from '../../src/cli/package-root';
import { fakeIo } from './fake-io';

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'rg-digest-'));

describe('runbookguard digest', () => {
  it('--demo writes the HTML and the text part beside it, and prints the subject', async () => {
    const cwd = tmp();
    const io = fakeIo({ cwd });
    expect(await main(['digest', '--demo', '--out', 'digest.html'], io)).toBe(0);
    const html = readFileSync(path.join(cwd, 'digest.html'), 'utf8');
    const text = readFileSync(path.join(cwd, 'digest.txt'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(text).toContain('6 new stale references in NET runbooks, 2 fixed');
    expect(io.out()).toMatch(
      /^Subject: 6 new stale references in NET runbooks, 2 fixed\nA scheduled run would send it\.\nWrote digest\.html \(\d+ bytes\) and digest\.txt\n$/,
    );
    expect(io.err()).toBe('');
  }, 30_000); // The first test pays for loading React and React Email: slow under CI's load.

  it("--pages/--inventory: a state file from one run is the next run's --since; an unchanged week is quiet", async () => {
    const cwd = tmp();
    const common = [
      '--pages',
      demoFile('space.json'),
      '--inventory',
      demoFile('snapshot.json'),
      '--site-url',
      'https://acme.atlassian.net/wiki',
    ];
    const first = fakeIo({ cwd });
    expect(
      await main(
        [
          'digest',
          ...common,
          '--now',
          '2026-11-16T07:00:00Z',
          '--out',
          'w1.html',
          '--state-out',
          'state.json',
        ],
        first,
      ),
    ).toBe(0);
    expect(first.out()).toMatch(/^Subject: \d+ new stale references in 7 spaces\n/);
    const state = JSON.parse(readFileSync(path.join(cwd, 'state.json'), 'utf8')) as { week: string };
    expect(state.week).toBe('2026-W47');

    const second = fakeIo({ cwd });
    expect(
      await main(
        ['digest', ...common, '--now', '2026-11-23T07:00:00Z', '--since', 'state.json', '--out', 'w2.html'],
        second,
      ),
    ).toBe(0);
    expect(second.out()).toContain('Quiet week: a scheduled run sends it only with "send even when quiet".');
    expect(readFileSync(path.join(cwd, 'w2.txt'), 'utf8')).toContain(
      'Week 2026-W48 · 16 Nov 2026 – 23 Nov 2026',
    );
    // No _links in the demo list: pages link through viewpage.action, spaces are named by id.
    expect(readFileSync(path.join(cwd, 'w1.txt'), 'utf8')).toContain(
      'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=',
    );
  });

  it('--since DATE sets the period start; a space list names the spaces', async () => {
    const cwd = tmp();
    writeFileSync(
      path.join(cwd, 'spaces.json'),
      JSON.stringify({ results: [{ id: '163841', key: 'NET', name: 'Networking' }] }),
    );
    const io = fakeIo({ cwd });
    const args = [
      'digest',
      '--pages',
      demoFile('space.json'),
      '--inventory',
      demoFile('snapshot.json'),
      '--site-url',
      'https://acme.atlassian.net/wiki',
    ];
    expect(
      await main(
        [
          ...args,
          '--spaces',
          'spaces.json',
          '--since',
          '2026-11-01',
          '--now',
          '2026-11-23T07:00:00Z',
          '--out',
          'd.html',
        ],
        io,
      ),
    ).toBe(0);
    const text = readFileSync(path.join(cwd, 'd.txt'), 'utf8');
    expect(text).toContain('Week 2026-W48 · 1 Nov 2026 – 23 Nov 2026');
    expect(text).toContain('== NET — Networking');
  });

  it.each([
    [['--demo'], '--out: --out FILE is required'],
    [
      ['--pages', 'p.json', '--out', 'x.html'],
      'give --demo, or --inventory SNAPSHOT with one of --pages FILE or --confluence URL',
    ],
    [['--demo', '--inventory', 's.json', '--out', 'x.html'], '--demo brings its own pages and snapshot'],
    [['--demo', '--out', 'x.html', '--now', 'monday'], '--now must be an ISO date-time'],
    [['--demo', '--out', 'x.html', '--bogus'], "Unknown option '--bogus'"],
  ])('%j is a usage error: one line, exit 2', async (args, message) => {
    const io = fakeIo({ cwd: tmp() });
    expect(await main(['digest', ...args], io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });

  it('a state file that is not one is a usage error', async () => {
    const cwd = tmp();
    writeFileSync(path.join(cwd, 'bad.json'), '{"formatVersion":9}');
    const io = fakeIo({ cwd });
    const code = await main(
      [
        'digest',
        '--pages',
        demoFile('space.json'),
        '--inventory',
        demoFile('snapshot.json'),
        '--site-url',
        'https://a.example/wiki',
        '--since',
        'bad.json',
        '--out',
        'x.html',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toMatch(/^runbookguard: bad\.json: not a digest state/);
  });

  it('--help documents where the text part goes', async () => {
    const io = fakeIo();
    expect(await main(['digest', '--help'], io)).toBe(0);
    expect(io.out()).toContain('plain-text');
    expect(io.out()).toContain('FILE.html → FILE.txt');
  });
});
