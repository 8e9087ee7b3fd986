import { z } from 'zod';
import { isValidExternalId } from '../core/inventory/external-id';
import { UsageError } from './errors';

/**
 * The live AWS options `inventory` and `scan` share, parsed and validated in one place. No SDK
 * import here: `scan --inventory` must not pay for the AWS SDK just to parse its flags.
 */
export const LIVE_AWS_OPTIONS = {
  'role-arn': { type: 'string', multiple: true },
  'external-id': { type: 'string', multiple: true },
  regions: { type: 'string' },
} as const;

/** What parseArgs yields for LIVE_AWS_OPTIONS. */
export interface LiveAwsValues {
  'role-arn'?: string[] | undefined;
  'external-id'?: string[] | undefined;
  regions?: string | undefined;
}

export const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'not an AWS region name');
const roleArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'not an IAM role ARN');

const liveAwsSchema = z
  .object({
    roleArns: z.array(roleArnSchema),
    externalIds: z.array(
      z
        .string()
        .refine(
          isValidExternalId,
          'not an External ID issued by RunbookGuard (32 characters, A-Z a-z 0-9 _ -)',
        ),
    ),
    regions: z.array(regionSchema).min(1, '--regions needs at least one region').optional(),
  })
  .refine((f) => f.roleArns.length === f.externalIds.length, {
    message: 'give exactly one --external-id per --role-arn, in the same order',
  });

const FLAG_OF: Record<string, string> = {
  roleArns: '--role-arn',
  externalIds: '--external-id',
  regions: '--regions',
};

export type LiveAwsFlags = z.infer<typeof liveAwsSchema>;

/** Validates the live options; errors become one-line usage errors prefixed with the command. */
export function parseLiveAwsFlags(values: LiveAwsValues, command: string): LiveAwsFlags {
  const parsed = liveAwsSchema.safeParse({
    roleArns: values['role-arn'] ?? [],
    externalIds: values['external-id'] ?? [],
    regions: values.regions
      ?.split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = FLAG_OF[String(issue?.path[0] ?? '')];
    const where = flag ? `${flag}: ` : '';
    throw new UsageError(
      `${command}: ${where}${issue?.message ?? 'invalid arguments'} (see runbookguard ${command} --help)`,
    );
  }
  return parsed.data;
}
