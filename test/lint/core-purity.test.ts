import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The pure-core rule is a promise to the whole codebase: check that ESLint really refuses
// platform and adapter imports in src/core and allows them in an adapter. ESLint runs as a
// child process because its flat config is an ES module, which Jest's CommonJS VM cannot load.
const root = path.resolve(__dirname, '../..');

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

function lint(file: string, code: string): LintMessage[] {
  const run = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/eslint/bin/eslint.js'),
      '--stdin',
      '--stdin-filename',
      file,
      '--format',
      'json',
    ],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
}

const IMPORTS = [
  "import { api } from '@forge/api';",
  "import { EC2Client } from '@aws-sdk/client-ec2';",
  "import { Resend } from 'resend';",
  "import React from 'react';",
  "import { runExtract } from '../../cli/commands/extract';",
  "import { collectInventory } from '../../aws/collector';",
];
const CODE = `${IMPORTS.join('\n')}\nexport const used = [api, EC2Client, Resend, React, runExtract, collectInventory];\n`;

describe('src/core stays pure', () => {
  test('every platform and adapter import in src/core is an error', () => {
    const messages = lint('src/core/extract/types.ts', CODE);
    expect(messages.map((m) => m.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(messages.slice(0, 4).every((m) => m.message.includes('platform packages'))).toBe(true);
    expect(messages.slice(4).every((m) => m.message.includes('must not depend on adapters'))).toBe(true);
  });

  test('adapters may import them', () => {
    expect(lint('src/cli/main.ts', CODE)).toEqual([]);
  });
});
