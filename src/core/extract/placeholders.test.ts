import {
  isDocumentationAddress,
  isPlaceholderAccount,
  isPlaceholderHost,
  isPlaceholderId,
  isPlaceholderName,
} from './placeholders';

// Shapes the AWS documentation uses for made-up values, beside real-looking values that must stay real.
const CASES = {
  ids: {
    examples: [
      'i-1234567890abcdef0',
      'i-0abcdef1234567890',
      'sg-0123456789abcdef0',
      'vpc-1a2b3c4d',
      'subnet-12345678',
      'i-abcd1234',
      'subnet-0bb1c79de3example',
      'i-00000000000000000',
      'i-xxxxxxxx',
      'sg-903004f8',
    ],
    real: [
      'i-04b3cea91ee9ade35',
      'subnet-0c8ecf5b7e746e99d',
      'sg-0f3e2d1c',
      'vpc-0a9b8c7d',
      'i-0fedcba9876543210',
    ],
  },
  accounts: {
    examples: [
      '123456789012',
      '012345678901',
      '111122223333',
      '444455556666',
      '777788889999',
      '000000000000',
      '123412341234',
    ],
    real: ['210987654321', '304958672011', '345678901234', '820461739025'],
  },
  names: {
    examples: [
      'my-bucket',
      'amzn-s3-demo-bucket',
      'DOC-EXAMPLE-BUCKET',
      'your-cluster',
      'mydbinstance',
      'MyKeyPair',
      'bucket-name',
      'sample-app-prod',
      'xxxx-prod',
      'abcdefgh',
    ],
    real: ['mysql-prod', 'orders-prod', 'www-legacy-elb', 'acme-www-prod', 'payments', 'checkout-api-v2'],
  },
  hosts: {
    examples: ['your-domain.acme.io', 'myapp.acme-corp.net', 'xxxxxx.acme.io', 'demo.internal'],
    real: ['api.payments.acme.io', 'www.acme.io', 'grafana.internal.acme.cloud'],
  },
};

describe('placeholder shapes', () => {
  test.each(CASES.ids.examples)('id %s is an example', (v) => expect(isPlaceholderId(v)).toBe(true));
  test.each(CASES.ids.real)('id %s is real', (v) => expect(isPlaceholderId(v)).toBe(false));
  test.each(CASES.accounts.examples)('account %s is an example', (v) =>
    expect(isPlaceholderAccount(v)).toBe(true),
  );
  test.each(CASES.accounts.real)('account %s is real', (v) => expect(isPlaceholderAccount(v)).toBe(false));
  test.each(CASES.names.examples)('name %s is an example', (v) => expect(isPlaceholderName(v)).toBe(true));
  test.each(CASES.names.real)('name %s is real', (v) => expect(isPlaceholderName(v)).toBe(false));
  test.each(CASES.hosts.examples)('host %s is an example', (v) => expect(isPlaceholderHost(v)).toBe(true));
  test.each(CASES.hosts.real)('host %s is real', (v) => expect(isPlaceholderHost(v)).toBe(false));
  test('documentation networks', () => {
    expect(['192.0.2.10', '198.51.100.7', '203.0.113.25'].map(isDocumentationAddress)).toEqual([
      true,
      true,
      true,
    ]);
    expect(isDocumentationAddress('10.20.3.14')).toBe(false);
  });
});
