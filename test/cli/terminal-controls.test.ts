import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { InventorySnapshot } from '../../src/core/inventory/snapshot';
import { printable } from '../../src/cli/terminal-text';
import { fakeIo } from './fake-io';

/**
 * Issue 14 item 11: titles, headings and inventory tags are other people's text. Printed raw to a
 * terminal, these sequences clear the screen, retitle the window, hide the rest of a line and forge
 * a hyperlink; the table output must carry none of them.
 */
const CLEAR = '\u001b[2J\u001b[H';
const RETITLE = '\u001b]0;owned\u0007';
const LINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const C1_CSI = '\u009b31m';
const BIDI = '\u202e';
const HIDE = '\u001b[8m';
/** The colours the renderer itself adds on a terminal. */
const COLOUR = new RegExp(`${'\u001b'}\\[\\d+m`, 'g');
const ATTACKS = [CLEAR, RETITLE, LINK, C1_CSI, BIDI, HIDE, '\r', '\u0008'];

const dir = mkdtempSync(path.join(tmpdir(), 'rg-ctl-'));
const pagesFile = path.join(dir, 'pages.json');
writeFileSync(
  pagesFile,
  JSON.stringify([
    {
      id: '7',
      title: `Bastion${CLEAR}${RETITLE} access${C1_CSI}${BIDI}`,
      version: { number: 1 },
      body: {
        storage: {
          value: `<h1>Steps${HIDE}${LINK}\r\u0008</h1><p>Region: eu-west-1</p><p>ssh i-0b2c3d4e5f6071829</p>`,
        },
      },
    },
  ]),
);
const snapshot = JSON.parse(
  readFileSync(path.join(__dirname, '../scan-corpus/snapshot.json'), 'utf8'),
) as InventorySnapshot;
const withTags = JSON.stringify(snapshot).replace(
  /"bastion-prod"/g,
  JSON.stringify(`bastion${RETITLE}-prod`),
);
expect(withTags).not.toBe(JSON.stringify(snapshot));
const snapshotFile = path.join(dir, 'snapshot.json');
writeFileSync(snapshotFile, withTags);

function expectNoControls(text: string): void {
  for (const attack of ATTACKS) expect(text).not.toContain(attack);
  // Nothing but newlines and the colours the renderer adds itself on a terminal.
  expect(text.replace(COLOUR, '')).not.toMatch(/[^\P{Cc}\n]/u);
}

test.each([false, true])(
  'extract --format table prints titles and headings inert (terminal: %s)',
  async (tty) => {
    const io = fakeIo({ tty });
    expect(await main(['extract', '--pages', pagesFile, '--format', 'table'], io)).toBe(0);
    expectNoControls(io.out());
    const text = io.out().replace(COLOUR, '');
    expect(text).toContain('Bastion access  (page 7, v1)');
    expect(text).toContain('Stepsclick');
  },
);

test.each([false, true])(
  'scan --format table prints titles, headings and tags inert (terminal: %s)',
  async (tty) => {
    const io = fakeIo({ tty });
    await main(['scan', '--pages', pagesFile, '--inventory', snapshotFile, '--format', 'table'], io);
    expectNoControls(io.out());
    const text = io.out().replace(COLOUR, '');
    expect(text).toContain('Bastion access  (page 7, v1)');
    expect(text).toContain('(the instance now tagged bastion-prod)');
  },
);

test('printable keeps ordinary text, Unicode included', () => {
  expect(printable('Orders DB — Aurora failover › Étape 2 ✓')).toBe(
    'Orders DB — Aurora failover › Étape 2 ✓',
  );
  expect(printable('a\tb\nc')).toBe('a b c');
});
