import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTERNAL_ID_PATTERN, generateExternalId, isValidExternalId } from './external-id';

describe('external id', () => {
  it('carries at least 128 random bits and matches its own pattern', () => {
    const id = generateExternalId();
    expect(isValidExternalId(id)).toBe(true);
    // 32 characters drawn uniformly from 62 hold log2(62) ≈ 5.95 bits each.
    expect(id.length * Math.log2(62)).toBeGreaterThanOrEqual(128);
  });

  it('is only letters and digits, so it never reads as a command-line option', () => {
    for (let i = 0; i < 2000; i++) expect(generateExternalId()).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('differs between installs', () => {
    const ids = new Set(Array.from({ length: 200 }, () => generateExternalId()));
    expect(ids.size).toBe(200);
  });

  it('maps the random source without bias, drawing again past the last full alphabet round', () => {
    expect(generateExternalId((n) => new Uint8Array(n).fill(0))).toBe('A'.repeat(32));
    expect(generateExternalId((n) => new Uint8Array(n).fill(61))).toBe('9'.repeat(32));
    let calls = 0;
    // First draw unusable (≥ 248), then 62 → 'A' again.
    expect(generateExternalId((n) => new Uint8Array(n).fill(calls++ === 0 ? 250 : 62))).toBe('A'.repeat(32));
    expect(() => generateExternalId((n) => new Uint8Array(n).fill(255))).toThrow(/unusable/);
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
