import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage } from '../../src/core/extract';
import { parsePagesDocument } from '../../src/cli/pages-file';

// Secrets the corpus pages deliberately put next to endpoints (read by eye from the pages, not
// from the redaction patterns). None may appear anywhere in the extractor's output.
const PLANTED: Record<string, string[]> = {
  '01-orders-aurora-failover': ['wV9#kq2!Lm7pRz'],
  '09-redis-sessions-flush': ['Rl-7hG#22mmq', 'q8Zr!xP2-sessions-3vK'],
  '19-billing-mysql-legacy': ['N0t-In-Git!9'],
  '22-malformed-word-paste': ['Etl%2Fpass2024'],
  '25-database-access-psql': ['Xk2$pw9!vQ', 'Bill1ng!'],
  '29-aws-account-map': ['AKIA4JX7QW2ZT5RB3KLM', 'wJd8Kq2/Lx9vT3mZ7bN1cR5yH0pF4sE6gA8uD2iO'],
  '32-elasticache-resharding': ['c4rt-t0k3n-Pr0d'],
  '42-secrets-rotation': ['Id3nt1ty!!', 'pR0d-0rd3rs-2023', 'old-s3ss10n-t0ken-2023', 'AKIA2E4R6T8Y0U1I3O5P'],
};

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
// show the secret if redaction failed: the redaction marker must be there instead.
describe.each(['19-billing-mysql-legacy', '22-malformed-word-paste', '25-database-access-psql', '42-secrets-rotation'])(
  'corpus page %s',
  (folder) => {
    test('shows the redaction where the secret would have been', () => {
      const [page] = parsePagesDocument([JSON.parse(readFileSync(path.join(__dirname, folder, 'page.json'), 'utf8'))], folder);
      if (!page) throw new Error(`${folder}: no page`);
      expect(JSON.stringify(extractPage(page))).toContain('[REDACTED]');
    });
  },
);
