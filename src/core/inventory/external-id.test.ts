import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTERNAL_ID_PATTERN, generateExternalId, isValidExternalId } from './external-id';

describe('external id', () => {
  it('carries at least 128 random bits and matches its own pattern', () => {
    const id = generateExternalId();
    expect(isValidExternalId(id)).toBe(true);
    // 32 base64url characters hold 6 bits each.
    expect(id.length * 6).toBeGreaterThanOrEqual(128);
  });

  it('differs between installs', () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateExternalId()));
    expect(ids.size).toBe(200);
  });

  it('encodes exactly the bytes of the random source', () => {
    expect(generateExternalId((n) => new Uint8Array(n).fill(0xff))).toBe('_'.repeat(32));
    expect(() => generateExternalId(() => new Uint8Array(4))).toThrow();
  });

  it.each(['', 'short', 'customer-chosen-but-has spaces-1234', 'a'.repeat(33), 'a'.repeat(31)])(
    'rejects %j',
    (value) => {
      expect(isValidExternalId(value)).toBe(false);
    },
  );

  it('is the same pattern the CloudFormation template enforces', () => {
    const template = readFileSync(join(__dirname, '../../../cfn/runbookguard-role.yaml'), 'utf8');
    expect(template).toContain(`AllowedPattern: '${EXTERNAL_ID_PATTERN.source}'`);
  });
});
