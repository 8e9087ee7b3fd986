import { optOutUrl, signOptOutToken, verifyOptOutToken } from '../../src/email/opt-out';

const KEY = 'signing-key-for-tests-0123456789';

describe('opt-out tokens', () => {
  it('round-trip the normalized address for the same install', () => {
    const token = signOptOutToken(KEY, 'install-1', ' Ana@Acme.IO ');
    expect(verifyOptOutToken(KEY, 'install-1', token)).toBe('ana@acme.io');
  });

  it('refuse another install, another key, a changed address and garbage', () => {
    const token = signOptOutToken(KEY, 'install-1', 'ana@acme.io');
    expect(verifyOptOutToken(KEY, 'install-2', token)).toBeNull();
    expect(verifyOptOutToken('another-key-0123456789abcdef', 'install-1', token)).toBeNull();
    const [, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ i: 'install-1', e: 'boss@acme.io' })).toString('base64url')}.${sig ?? ''}`;
    expect(verifyOptOutToken(KEY, 'install-1', forged)).toBeNull();
    for (const junk of ['', '.', 'a.b.c', 'abc', `${token}x`])
      expect(verifyOptOutToken(KEY, 'install-1', junk)).toBeNull();
  });

  it('go into the link as a query parameter', () => {
    expect(optOutUrl('https://x.example/opt-out?a=1', 'T.S')).toBe('https://x.example/opt-out?a=1&token=T.S');
  });
});
