import { MAX_DIGEST_RECIPIENTS, REGION, ROLE_ARN } from '../../src/shared/settings-values';

/**
 * Client-side checks with the contract's own patterns, so a typo is caught at the field before a
 * round trip; the backend validates again and its message is shown at the same field.
 */
export function roleArnProblem(value: string, connected: readonly string[] = []): string | null {
  const arn = value.trim();
  if (arn === '') return 'Enter the ARN of the role the CloudFormation stack created.';
  if (!ROLE_ARN.test(arn))
    return 'This is not an IAM role ARN. It looks like arn:aws:iam::123456789012:role/RunbookGuardReadOnly.';
  const account = accountOf(arn);
  if (connected.some((c) => accountOf(c) === account))
    return `AWS account ${account} is already connected: one role per account.`;
  return null;
}

export function accountOf(roleArn: string): string {
  return roleArn.split(':')[4] ?? '';
}

export function regionsProblem(regions: readonly string[] | null): string | null {
  if (regions === null) return null;
  if (regions.length === 0) return 'Choose at least one region, or scan all enabled regions.';
  const bad = regions.find((r) => !REGION.test(r));
  return bad === undefined ? null : `${bad} is not an AWS region.`;
}

// The pattern zod's z.email() applies on the server, so both sides agree on what an address is.
const EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function emailProblem(value: string): string | null {
  const email = value.trim();
  if (email === '') return 'Enter an e-mail address.';
  if (email.length > 254 || !EMAIL.test(email)) return `${email} is not an e-mail address.`;
  return null;
}

/** Why an address cannot be added to the recipients, or null. */
export function recipientProblem(value: string, recipients: readonly string[]): string | null {
  const problem = emailProblem(value);
  if (problem !== null) return problem;
  const email = value.trim().toLowerCase();
  if (recipients.includes(email)) return `${email} is already a recipient.`;
  if (recipients.length >= MAX_DIGEST_RECIPIENTS)
    return `The digest goes to at most ${MAX_DIGEST_RECIPIENTS} recipients; remove one first.`;
  return null;
}
