import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ScalarTag } from 'yaml';
import { z } from 'zod';

export const ROLE_TEMPLATE_PATH = join(__dirname, '../../cfn/runbookguard-role.yaml');

// CloudFormation's short-form intrinsics, kept as their long form so the document stays data.
const intrinsics: ScalarTag[] = ['Ref', 'GetAtt', 'Sub'].map((name) => ({
  tag: `!${name}`,
  resolve: (value: string) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }) as unknown as string,
}));

const statementSchema = z.object({
  Sid: z.string().optional(),
  Effect: z.literal('Allow'),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown().optional(),
  Principal: z.unknown().optional(),
  Condition: z.unknown().optional(),
});
const documentSchema = z.object({ Version: z.string(), Statement: z.array(statementSchema) });
const templateSchema = z.object({
  Parameters: z.record(z.string(), z.object({ AllowedPattern: z.string().optional() })),
  Resources: z.record(
    z.string(),
    z.object({
      Type: z.string(),
      Properties: z.object({
        MaxSessionDuration: z.number().optional(),
        AssumeRolePolicyDocument: documentSchema,
        Policies: z.array(z.object({ PolicyName: z.string(), PolicyDocument: documentSchema })),
      }),
    }),
  ),
  Outputs: z.record(z.string(), z.unknown()),
});

export type PolicyDocument = z.infer<typeof documentSchema>;

export interface RoleTemplate {
  raw: z.infer<typeof templateSchema>;
  roles: [string, z.infer<typeof templateSchema>['Resources'][string]][];
  trustPolicy: PolicyDocument;
  /** The inline permissions policy, exactly as the template writes it. */
  policy: PolicyDocument;
  policyName: string;
  actions: string[];
}

export function loadRoleTemplate(): RoleTemplate {
  const raw = templateSchema.parse(
    parse(readFileSync(ROLE_TEMPLATE_PATH, 'utf8'), { customTags: intrinsics }),
  );
  const roles = Object.entries(raw.Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role');
  const role = roles[0]?.[1];
  const inline = role?.Properties.Policies[0];
  if (!role || !inline) throw new Error('template has no role with an inline policy');
  const actions = inline.PolicyDocument.Statement.flatMap((s) =>
    Array.isArray(s.Action) ? s.Action : [s.Action],
  );
  return {
    raw,
    roles,
    trustPolicy: role.Properties.AssumeRolePolicyDocument,
    policy: inline.PolicyDocument,
    policyName: inline.PolicyName,
    actions,
  };
}
