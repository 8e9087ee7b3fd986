import { snapshotAwsPort } from '../../src/local/aws-snapshot';
import { ADMIN, VIEWER, connectDemoAccounts, demoSnapshot, harness } from './support/app';

/**
 * The vendor's AWS keys and the Resend key come from (encrypted) environment variables. A full run
 * — install, settings, a scan whose AWS call fails once with the keys in its error message, every
 * read resolver — must never print them, nor return them to the UI.
 */
const SECRETS = {
  RG_AWS_ACCESS_KEY_ID: 'AKIAVENDORTESTKEY123',
  RG_AWS_SECRET_ACCESS_KEY: 'vendorSecret/AccessKey+ForTests0123456789',
  RG_RESEND_API_KEY: 're_vendorResendKeyForTests_123456',
};

test('no secret appears in any log output or resolver answer of a full run', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, SECRETS);
  const output: string[] = [];
  const capture = (stream: NodeJS.WriteStream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    });
  const spies = [
    capture(process.stdout),
    capture(process.stderr),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        output.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      }),
    ),
  ];
  const demo = snapshotAwsPort(demoSnapshot());
  let failed = false;
  const h = await harness('secrets', {
    aws: {
      connect: (roleArn, externalId, installId) => demo.connect(roleArn, externalId, installId),
      testConnection: (...args) => demo.testConnection(...args),
      collect: (target, externalId, installId) => {
        if (!failed) {
          failed = true;
          const error = new Error(
            `InvalidClientTokenId: ${SECRETS.RG_AWS_ACCESS_KEY_ID}:${SECRETS.RG_AWS_SECRET_ACCESS_KEY} resend ${SECRETS.RG_RESEND_API_KEY}`,
          );
          return Promise.reject(error);
        }
        return demo.collect(target, externalId, installId);
      },
    },
  });
  const answers: unknown[] = [];
  try {
    await connectDemoAccounts(h.forge);
    answers.push(await h.forge.resolver('startScan', {}, ADMIN));
    await h.forge.drain();
    for (const [key, payload] of [
      ['getStatus', {}],
      ['getSettings', {}],
      ['getScanProgress', {}],
      ['listFindings', {}],
      ['listAuditLog', {}],
    ] as const) {
      answers.push(await h.forge.resolver(key, payload, ADMIN), await h.forge.resolver(key, payload, VIEWER));
    }
  } finally {
    for (const spy of spies) spy.mockRestore();
    await h.close();
    process.env = saved;
  }
  expect(failed).toBe(true);
  const all = output.join('\n');
  expect(all).toContain('scan chunk failed'); // the failure was logged…
  expect(all).toContain('scan finished'); // …retried, and the scan completed
  const answered = JSON.stringify(answers);
  for (const secret of Object.values(SECRETS)) {
    expect(all).not.toContain(secret);
    expect(answered).not.toContain(secret);
  }
});
