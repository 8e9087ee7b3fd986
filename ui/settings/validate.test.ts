import { emailProblem, recipientProblem, regionsProblem, roleArnProblem } from './validate';

describe('settings field checks', () => {
  it.each([
    ['arn:aws:iam::210987654321:role/RunbookGuardReadOnly', null],
    ['arn:aws:iam::210987654321:role/path/to/Role+x=y,z.w@v-u', null],
    ['', 'Enter the ARN'],
    ['arn:aws:iam::21098765432:role/TooShortAccount', 'not an IAM role ARN'],
    ['arn:aws:iam::210987654321:user/bob', 'not an IAM role ARN'],
    ['arn:aws:sts::210987654321:assumed-role/x/y', 'not an IAM role ARN'],
  ])('role ARN %p', (arn, problem) => {
    const found = roleArnProblem(arn);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it('one role per AWS account', () => {
    expect(
      roleArnProblem('arn:aws:iam::210987654321:role/B', ['arn:aws:iam::210987654321:role/A']),
    ).toContain('already connected');
    expect(
      roleArnProblem('arn:aws:iam::210987654321:role/B', ['arn:aws:iam::304958672011:role/A']),
    ).toBeNull();
  });

  it('regions: null is every enabled region; a chosen list must not be empty or malformed', () => {
    expect(regionsProblem(null)).toBeNull();
    expect(regionsProblem(['eu-west-1', 'us-gov-west-1'])).toBeNull();
    expect(regionsProblem([])).toContain('at least one');
    expect(regionsProblem(['Europe'])).toBe('Europe is not an AWS region.');
  });

  it('e-mail addresses as the backend accepts them; recipients de-duplicated case-insensitively', () => {
    expect(emailProblem('a.b+c@example.co.uk')).toBeNull();
    expect(emailProblem('a..b@example.com')).not.toBeNull();
    expect(emailProblem('a@b')).not.toBeNull();
    expect(emailProblem(`${'a'.repeat(250)}@example.com`)).not.toBeNull();
    expect(recipientProblem('A@Example.com', ['a@example.com'])).toBe(
      'a@example.com is already a recipient.',
    );
    expect(
      recipientProblem(
        'new@example.com',
        Array.from({ length: 500 }, (_, i) => `r${i}@example.com`),
      ),
    ).toContain('at most 500');
  });
});
