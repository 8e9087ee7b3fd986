// Measures our secret redaction beside @secretlint/secretlint-rule-preset-recommend as a second
// opinion, on the redaction rules' own examples and on the secrets planted in test/corpus.
// secretlint is not a dependency of the product (its API is async and it would not run in the
// pure core); install it for this measurement only:
//   npm run build && npm i --no-save @secretlint/core@13 @secretlint/secretlint-rule-preset-recommend@13
//   node scripts/secretlint-eval.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const { redactSecrets, SECRET_EXAMPLES } = require(path.join(root, 'dist/src/core/extract/redact.js'));
const { walkStorage } = require(path.join(root, 'dist/src/core/extract/storage-walker.js'));
const { lintSource } = require('@secretlint/core');
const preset = require('@secretlint/secretlint-rule-preset-recommend');

async function secretlintRanges(content) {
  const result = await lintSource({
    source: { content, filePath: '/page.txt', ext: '.txt', contentType: 'text' },
    options: {
      config: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] },
    },
  });
  return result.messages.map((m) => m.range);
}
const covers = (ranges, text, secret) => {
  const at = text.indexOf(secret);
  return ranges.some(([s, e]) => s < at + secret.length && e > at);
};

/** Lines and their planted secrets: the rule examples, then every line of test/corpus holding one. */
function cases() {
  const positive = SECRET_EXAMPLES.positive.map(([text, secret]) => ({ text, secret, from: 'examples' }));
  const planted = JSON.parse(readFileSync(path.join(root, 'test/corpus/planted-secrets.json'), 'utf8'));
  for (const [folder, secrets] of Object.entries(planted)) {
    const page = JSON.parse(readFileSync(path.join(root, 'test/corpus', folder, 'page.json'), 'utf8'));
    const storage = page.body?.storage?.value ?? page.storage ?? '';
    for (const block of walkStorage(storage)) {
      for (const line of block.text.split('\n')) {
        for (const secret of secrets)
          if (line.includes(secret)) positive.push({ text: line, secret, from: 'corpus' });
      }
    }
  }
  // test/real-world's planted secrets, written by another author from public runbooks' habits.
  const realWorld = path.join(root, 'test/real-world');
  for (const folder of readdirSync(realWorld)) {
    const file = path.join(realWorld, folder, 'expected.json');
    if (!existsSync(file)) continue;
    const secrets = JSON.parse(readFileSync(file, 'utf8')).secrets ?? [];
    const page = JSON.parse(readFileSync(path.join(realWorld, folder, 'page.json'), 'utf8'));
    for (const block of walkStorage(page.body?.storage?.value ?? '')) {
      for (const line of block.text.split('\n')) {
        for (const secret of secrets)
          if (line.includes(secret)) positive.push({ text: line, secret, from: 'real-world' });
      }
    }
  }
  return { positive, negative: SECRET_EXAMPLES.negative };
}

const { positive, negative } = cases();
const score = { ours: 0, secretlint: 0, both: 0 };
const missed = { ours: [], secretlint: [] };
for (const { text, secret } of positive) {
  const ours = !redactSecrets(text).includes(secret);
  const theirs = covers(await secretlintRanges(text), text, secret);
  score.ours += ours ? 1 : 0;
  score.secretlint += theirs ? 1 : 0;
  score.both += ours || theirs ? 1 : 0;
  if (!ours) missed.ours.push(secret);
  if (!theirs) missed.secretlint.push(secret);
}
const falseAlarms = { ours: 0, secretlint: 0 };
for (const text of negative) {
  if (redactSecrets(text) !== text) falseAlarms.ours++;
  if ((await secretlintRanges(text)).length > 0) falseAlarms.secretlint++;
}
const n = positive.length;
console.log(
  `secret lines: ${n} (${positive.filter((p) => p.from === 'corpus').length} from test/corpus), clean lines: ${negative.length}`,
);
for (const who of ['ours', 'secretlint', 'both']) {
  const alarms = who === 'both' ? falseAlarms.ours + falseAlarms.secretlint : falseAlarms[who];
  console.log(
    `${who.padEnd(10)} recall ${(score[who] / n).toFixed(3)} (${score[who]}/${n}), false alarms ${alarms}/${negative.length}`,
  );
}
console.log(
  `missed by ours: ${missed.ours.length} (${missed.ours.join(', ')}); missed by secretlint: ${missed.secretlint.length}`,
);
const realWorldOnly = positive.filter((p) => p.from === 'real-world');
const rw = (check) => realWorldOnly.filter(check).length;
console.log(
  `test/real-world lines only: ours ${rw((p) => !missed.ours.includes(p.secret))}/${realWorldOnly.length}, secretlint ${rw((p) => !missed.secretlint.includes(p.secret))}/${realWorldOnly.length}`,
);
