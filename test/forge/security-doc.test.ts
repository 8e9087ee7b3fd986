import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseDocument } from 'yaml';

/** docs/security.md shows the IAM policy and egress list; they must equal cfn/ and manifest.yml. */
const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/security.md'), 'utf8');

function block(name: string): string[] {
  const match = new RegExp(
    `<!-- ${name}:start -->\\s*\`\`\`text\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${name}:end -->`,
  ).exec(doc);
  if (!match?.[1]) throw new Error(`docs/security.md has no ${name} block`);
  return match[1].split('\n').filter((l) => l.trim() !== '');
}

test('the IAM actions shown are exactly the role template policy', () => {
  // CloudFormation's !Ref tags are not plain YAML; parse with them kept as strings.
  const template = parseDocument(readFileSync(path.join(root, 'cfn/runbookguard-role.yaml'), 'utf8'), {
    customTags: [{ tag: '!Ref', resolve: (value: string) => value }],
  }).toJS() as {
    Resources: Record<
      string,
      { Properties: { Policies: { PolicyDocument: { Statement: { Action: string[] }[] } }[] } }
    >;
  };
  const actions = Object.values(template.Resources).flatMap((r) =>
    r.Properties.Policies.flatMap((p) => p.PolicyDocument.Statement.flatMap((s) => s.Action)),
  );
  expect([...block('iam-actions')].sort()).toEqual([...actions].sort());
});

test('the egress shown is exactly the manifest backend fetch list', () => {
  const manifest = parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')) as {
    permissions: { external: { fetch: { backend: { address: string }[] } } };
  };
  expect(block('egress')).toEqual(manifest.permissions.external.fetch.backend.map((b) => b.address));
});
