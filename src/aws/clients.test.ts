import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { fakeHttp, STATIC_CREDENTIALS } from '../../test/support/fake-aws';
import { createAwsClients, destroyAwsClients } from './clients';
import { mapAwsError } from './errors';

const ec2Error = (code: string) =>
  `<Response><Errors><Error><Code>${code}</Code><Message>fake</Message></Error></Errors><RequestID>r</RequestID></Response>`;
const EMPTY_VPCS = '<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>';

function ec2With(http: ReturnType<typeof fakeHttp>, onAttempt?: (command: string, client: string) => void) {
  return createAwsClients('us-east-1', () => Promise.resolve(STATIC_CREDENTIALS), {
    requestHandler: http.handler,
    maxAttempts: 3,
    retryMode: 'standard',
    ...(onAttempt ? { onAttempt } : {}),
  });
}

describe('SDK clients: retries are real and bounded', () => {
  it('retries throttling and succeeds when AWS recovers', async () => {
    const http = fakeHttp((n) =>
      n <= 2 ? { status: 503, body: ec2Error('RequestLimitExceeded') } : { status: 200, body: EMPTY_VPCS },
    );
    const seen: string[] = [];
    const clients = ec2With(http, (command, client) => seen.push(`${client}.${command}`));
    const out = await clients.ec2.send(new DescribeVpcsCommand({}));
    expect(out.Vpcs ?? []).toEqual([]);
    expect(http.attempts).toBe(3);
    // The bench counts every attempt, retries included.
    expect(seen).toEqual(Array(3).fill('EC2Client.DescribeVpcsCommand'));
    destroyAwsClients(clients);
  });

  it('gives up after maxAttempts and reports a retryable throttling error', async () => {
    const http = fakeHttp(() => ({ status: 503, body: ec2Error('RequestLimitExceeded') }));
    const clients = ec2With(http);
    const error = await clients.ec2.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    expect(http.attempts).toBe(3);
    expect(mapAwsError(error)).toMatchObject({
      kind: 'throttled',
      retryable: true,
      code: 'RequestLimitExceeded',
    });
    destroyAwsClients(clients);
  });

  it('does not retry an access denial', async () => {
    const http = fakeHttp(() => ({ status: 403, body: ec2Error('UnauthorizedOperation') }));
    const clients = ec2With(http);
    const error = await clients.ec2.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    expect(http.attempts).toBe(1);
    expect(mapAwsError(error).kind).toBe('access-denied');
    destroyAwsClients(clients);
  });

  it('retries a timed-out request, then reports a timeout', async () => {
    const http = fakeHttp(() => {
      throw Object.assign(new Error('Connection timed out after 20000 ms'), { name: 'TimeoutError' });
    });
    const clients = ec2With(http);
    const error = await clients.ec2.send(new DescribeVpcsCommand({})).catch((e: unknown) => e);
    expect(http.attempts).toBe(3);
    expect(mapAwsError(error)).toMatchObject({ kind: 'timeout', retryable: true });
    destroyAwsClients(clients);
  });
});
