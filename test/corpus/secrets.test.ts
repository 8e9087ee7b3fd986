import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage } from '../../src/core/extract';
import { parsePagesDocument } from '../../src/cli/pages-file';

// Secrets the corpus pages deliberately put next to endpoints (read by eye from the pages, not
// from the redaction patterns), in planted-secrets.json (scripts/secretlint-eval.mjs reads it too).
// None may appear anywhere in the extractor's output.
const PLANTED = JSON.parse(readFileSync(path.join(__dirname, 'planted-secrets.json'), 'utf8')) as Record<
  string,
  string[]
>;

describe.each(Object.entries(PLANTED))('corpus page %s', (folder, secrets) => {
  const file = path.join(__dirname, folder, 'page.json');
  const [page] = parsePagesDocument([JSON.parse(readFileSync(file, 'utf8'))], folder);

  test('really holds its planted secrets', () => {
    for (const secret of secrets) expect(page?.storage).toContain(secret);
  });

  test('never shows them in the extraction output', () => {
    if (!page) throw new Error(`${folder}: no page`);
    const output = JSON.stringify(extractPage(page));
    for (const secret of secrets) expect(output).not.toContain(secret);
  });
});

// On these pages a secret sits right beside a reference's first mention, so its snippet would
// show the secret if redaction failed: the redaction marker must be there instead. (On page 22
// the secret sits on another line than the reference, which a snippet no longer reaches.)
describe.each(['19-billing-mysql-legacy', '25-database-access-psql', '42-secrets-rotation'])(
  'corpus page %s',
  (folder) => {
    test('shows the redaction where the secret would have been', () => {
      const [page] = parsePagesDocument([JSON.parse(readFileSync(path.join(__dirname, folder, 'page.json'), 'utf8'))], folder);
      if (!page) throw new Error(`${folder}: no page`);
      expect(JSON.stringify(extractPage(page))).toContain('[REDACTED]');
    });
  },
);
