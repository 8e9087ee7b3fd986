import { contextSnippet, MAX_SNIPPET } from './context-snippet';
import { REDACTED, redactSecrets, SECRET_EXAMPLES } from './redact';

describe('redactSecrets', () => {
  test.each(SECRET_EXAMPLES.positive.map(([text, secret]) => [text, secret] as const))(
    'hides the secret in %j',
    (text, secret) => {
      const out = redactSecrets(text);
      expect(out).not.toContain(secret);
      expect(out).toContain(REDACTED);
    },
  );

  test.each(SECRET_EXAMPLES.negative.map((text) => [text] as const))(
    'leaves %j untouched (same string)',
    (text) => {
      expect(redactSecrets(text)).toBe(text);
    },
  );
});

describe('contextSnippet', () => {
  const pemBody = 'MIIEowIBAAKCAQEA7bq9xYw3k2LqvXf0pR8s5tW1uZ3yN6mH4jK9cD2eF7gH1iJ0kL5mN8oP3qR6sT9u';

  test('shows only the reference line, never a PEM body above it', () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${`${pemBody}\n`.repeat(12)}-----END RSA PRIVATE KEY-----\nssh -i key.pem 10.0.1.5`;
    const at = text.indexOf('10.0.1.5');
    const snippet = contextSnippet(text, at, at + '10.0.1.5'.length);
    expect(snippet).toBe('ssh -i key.pem 10.0.1.5');
  });

  test('hides a long secret that starts before the snippet and a key that is outside it', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const text = `aws_secret_access_key = ${secret} ${'x '.repeat(20)}db.prod.acme.io`;
    const at = text.indexOf('db.prod');
    expect(contextSnippet(text, at, at + 15)).not.toMatch(/wJalr|EXAMPLEKEY|MDENG/);
  });

  test('is one line of whole words around the reference, with ellipses where text was cut', () => {
    const text = `${'word '.repeat(40)}\n\n  i-0a1b2c3d4e5f60718\t${'tail '.repeat(40)}`;
    const at = text.indexOf('i-0');
    const snippet = contextSnippet(text, at, at + 19);
    expect(snippet).toMatch(/^i-0a1b2c3d4e5f60718 (?:tail )+tail…$/);
    expect(snippet).not.toMatch(/\s{2,}|\n/);
    expect(snippet.length).toBeLessThanOrEqual(MAX_SNIPPET);
  });

  test('stays bounded around a very long reference', () => {
    const url = `https://grafana.acme.io/d/${'a1b2c3/'.repeat(60)}`;
    const text = `${'lead '.repeat(30)}${url} ${'tail '.repeat(30)}`;
    const at = text.indexOf('https');
    const snippet = contextSnippet(text, at, at + url.length);
    expect(snippet.length).toBeLessThanOrEqual(MAX_SNIPPET);
    expect(snippet).toContain('https://grafana.acme.io/d/');
  });
});
