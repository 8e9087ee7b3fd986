import { indexSnapshot, matchReference } from '../../src/core/match';
import { ACCOUNT_A, ref, res, snap } from './support';

describe('IP addresses, regions and accounts', () => {
  const ix = indexSnapshot(
    snap({
      resources: [
        res({
          kind: 'ec2-instance',
          id: 'i-0aaa1111bbbb22223',
          state: 'running',
          privateIps: ['10.0.1.5'],
          publicIps: ['203.0.113.10'],
        }),
        res({ kind: 'ec2-instance', id: 'i-0bbb1111bbbb22223', state: 'stopped', privateIps: ['10.0.1.6'] }),
        res({
          kind: 'ec2-instance',
          id: 'i-0ccc1111bbbb22223',
          state: 'terminated',
          privateIps: ['10.0.1.7'],
          name: 'etl',
        }),
        res({ kind: 'ec2-instance', id: 'i-0ddd1111bbbb22223', state: 'running', name: 'etl' }),
      ],
    }),
  );
  const ip = (value: string, region: string | null = null) => ref({ type: 'ip-address', value, region });

  it('matches instance addresses and their state', () => {
    expect(matchReference(ip('10.0.1.5'), ix).status).toBe('ok');
    expect(matchReference(ip('203.0.113.10'), ix).status).toBe('ok');
    expect(matchReference(ip('10.0.1.6'), ix).status).toBe('not-running');
    const gone = matchReference(ip('10.0.1.7'), ix);
    expect(gone.status).toBe('missing');
    expect(gone.suggestion?.value).toBe('i-0ddd1111bbbb22223');
  });

  it('leaves unknown addresses unchecked', () => {
    expect(matchReference(ip('192.168.7.7'), ix).status).toBe('unchecked');
  });

  it('treats private addresses as per-VPC, public ones as global', () => {
    expect(matchReference(ip('10.0.1.5', 'us-east-1'), ix).status).toBe('unchecked');
    expect(matchReference(ip('203.0.113.10', 'us-east-1'), ix).status).toBe('wrong-region');
  });

  it('says which regions were scanned when a region reference was not', () => {
    expect(matchReference(ref({ type: 'region', value: 'eu-west-1', region: 'eu-west-1' }), ix).status).toBe(
      'ok',
    );
    const v = matchReference(ref({ type: 'region', value: 'ap-south-1', region: 'ap-south-1' }), ix);
    expect(v.status).toBe('unverifiable');
    expect(v.message).toBe(
      'Region ap-south-1 was not scanned (scanned: eu-west-1, us-east-1); references in it are not checked',
    );
  });

  it('keeps accounts that are not connected informational', () => {
    expect(matchReference(ref({ type: 'aws-account', value: ACCOUNT_A }), ix).status).toBe('ok');
    expect(matchReference(ref({ type: 'aws-account', value: '555566667777' }), ix).status).toBe(
      'unverifiable',
    );
  });
});
