import { contextSnippet } from './context-snippet';
import { REDACTED, redactSecrets } from './redact';

describe('redactSecrets', () => {
  test.each([
    ['PGPASSWORD=hunter2 psql', 'hunter2'],
    ['"password": "s3cr3t-Value"', 's3cr3t-Value'],
    ["mysql -h db -u admin -p'Hunter2!' orders", 'Hunter2!'],
    ['redis-cli -h cache -a r3disPa55 ping', 'r3disPa55'],
    ['psql postgres://app:pa55w0rd@db.acme.io/orders', 'pa55w0rd'],
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'eyJhbGciOiJIUzI1NiJ9'],
    ['key AKIAIOSFODNN7EXAMPLF here', 'AKIAIOSFODNN7EXAMPLF'],
    [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ],
    ['token: xoxb-1234567890-abcdefghij', 'xoxb-1234567890-abcdefghij'],
  ])('hides the secret in %j', (text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  test('leaves text without secrets untouched (same string)', () => {
    const text = 'ssh ec2-user@10.0.1.5 then restart i-0a1b2c3d4e5f60718';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('contextSnippet', () => {
  const pemBody = 'MIIEowIBAAKCAQEA7bq9xYw3k2LqvXf0pR8s5tW1uZ3yN6mH4jK9cD2eF7gH1iJ0kL5mN8oP3qR6sT9u';

  test('hides a PEM body line whose BEGIN line is outside the window', () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${`${pemBody}\n`.repeat(12)}-----END RSA PRIVATE KEY-----\nssh -i key.pem 10.0.1.5`;
    const at = text.indexOf('10.0.1.5');
    const snippet = contextSnippet(text, at, at + '10.0.1.5'.length);
    // Only redaction markers (possibly cut by the snippet edge) stand before the END line.
    expect(snippet).toMatch(
      /^…(?:[A-Z]*\] |\[REDACTED\] )+-----END RSA PRIVATE KEY----- ssh -i key\.pem 10\.0\.1\.5$/,
    );
  });

  test('hides a long secret that starts before the snippet and a key that is outside it', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const text = `aws_secret_access_key = ${secret} ${'x '.repeat(20)}db.prod.acme.io`;
    const at = text.indexOf('db.prod');
    expect(contextSnippet(text, at, at + 15)).not.toMatch(/wJalr|EXAMPLEKEY|MDENG/);
  });

  test('is one line, centred on the reference, with ellipses where text was cut', () => {
    const text = `${'word '.repeat(40)}\n\n  i-0a1b2c3d4e5f60718\t${'tail '.repeat(40)}`;
    const at = text.indexOf('i-0');
    const snippet = contextSnippet(text, at, at + 19);
    expect(snippet).toMatch(/^….*i-0a1b2c3d4e5f60718.*…$/);
    expect(snippet).not.toMatch(/\s{2,}|\n/);
    expect(snippet.length).toBeLessThanOrEqual(19 + 2 * 60 + 4);
  });
});
