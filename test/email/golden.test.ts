import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoDigest } from '../../src/cli/commands/digest';
import { renderDigest } from '../../src/email/render';

// The rendered demo digest, compared with committed files. A change to the template or the model
// shows here as a diff to review; regenerate on purpose with UPDATE_GOLDEN=1 npx jest test/email.
const dir = path.join(__dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** One tag per line: the HTML is a single line as sent, which would make any diff unreadable. */
const lines = (html: string): string => `${html.replace(/></g, '>\n<')}\n`;

function golden(name: string, actual: string): void {
  const file = path.join(dir, name);
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('demo digest (golden)', () => {
  it('renders the same HTML and text as the committed files', async () => {
    const rendered = await renderDigest(await demoDigest(), 'https://example.invalid/optout?t=TOKEN');
    golden('demo.html', lines(rendered.html));
    golden('demo.txt', rendered.text);
    expect(rendered.subject).toBe('6 new stale references in NET runbooks, 2 fixed');
  });
});
