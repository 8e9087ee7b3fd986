import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WHAT_WE_STORE } from '../../src/shared';

/** docs/security.md's data classification table and the UI's WHAT_WE_STORE are the same rows. */
const doc = readFileSync(path.resolve(__dirname, '../../docs/security.md'), 'utf8');

function tableRows(): { item: string; stored: boolean; detail: string }[] {
  const match = /<!-- what-we-store:start -->([\s\S]*?)<!-- what-we-store:end -->/.exec(doc);
  if (!match?.[1]) throw new Error('docs/security.md has no what-we-store block');
  const lines = match[1].split('\n').filter((l) => l.trim().startsWith('|'));
  // The header and the |---| line come first.
  return lines.slice(2).map((line) => {
    const cells = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
    expect(cells).toHaveLength(3);
    expect(['yes', 'no']).toContain(cells[1]);
    return { item: cells[0] ?? '', stored: cells[1] === 'yes', detail: cells[2] ?? '' };
  });
}

test('the document shows exactly the rows the settings page shows, in the same order', () => {
  expect(tableRows()).toEqual(WHAT_WE_STORE.map((r) => ({ ...r })));
});

test('both name what is never stored, and every secret the app reads is among it', () => {
  const notStored = WHAT_WE_STORE.filter((r) => !r.stored).map((r) => r.item.toLowerCase());
  expect(notStored.some((i) => i.includes('page bodies'))).toBe(true);
  expect(notStored.some((i) => i.includes('aws credentials'))).toBe(true);
  expect(notStored.some((i) => i.includes('resend api key'))).toBe(true);
  expect(new Set(WHAT_WE_STORE.map((r) => r.item)).size).toBe(WHAT_WE_STORE.length);
});
