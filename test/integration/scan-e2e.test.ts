import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { ScanReport } from '../../src/core/match';
import { startMoto, type Moto } from './support/moto';
import { HOME, OTHER, seedScenario, type Scenario } from './support/scenario';
import { MOTO_ACCOUNT, SEED_CREDENTIALS } from './support/seed';

/**
 * `runbookguard scan --pages FILE` over the live path (no --inventory): the CLI reads the seeded
 * moto account through the standard credential chain and AWS_ENDPOINT_URL, matches the page, and
 * the findings must be exactly the ones a runbook author should see. Any regression in the
 * collector (a resource no longer read) or the matcher (a rule changed) changes this list.
 */

let moto: Moto;
let s: Scenario;
let dir: string;
let report: ScanReport;
let exitCode: number;
let stderr = '';
const savedEnv = { ...process.env };

function page(sc: Scenario): string {
  const i = sc.instances;
  return `
<p>Region: ${HOME}</p>
<h1>Web tier</h1>
<p>Jump through the bastion <code>${i.bastion}</code>, then check the web node <code>${i.webOld}</code>.</p>
<p>The nightly batch runs on <code>${i.batch}</code>.</p>
<h1>Databases</h1>
<p>Orders: <code>${sc.databases.ordersEndpoint}</code> (also <code>db.${sc.zone}</code>).</p>
<p>Reporting replica: <code>${sc.databases.reports}.cxyzexample.${HOME}.rds.amazonaws.com</code></p>
<h1>Traffic</h1>
<p>Public API: <code>api.${sc.zone}</code> → <code>${sc.loadBalancers.apiDns}</code></p>
<p>Shop: <code>shop.${sc.zone}</code>. Legacy status page: <code>status.${sc.zone}</code>.</p>
<h1>Jobs</h1>
<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[aws lambda invoke --function-name rotate-keys --region ${HOME} out.json
aws s3 cp s3://${sc.buckets.backups}/latest.dump .
aws s3 sync s3://acme-e2e-old-exports/2023/ ./exports/
aws s3 cp s3://vendorco-partner-feed/inbound/today.csv .]]></ac:plain-text-body></ac:structured-macro>
<h1>Sydney</h1>
<p>Region: ap-southeast-2</p>
<p>DR copy of the bastion: <code>i-0fa1b2c3d4e5f6a7b</code>; replica <code>orders-db-syd.cabc12345678.ap-southeast-2.rds.amazonaws.com</code>.</p>
`;
}

beforeAll(async () => {
  moto = await startMoto();
  s = await seedScenario(moto.endpoint);
  dir = mkdtempSync(path.join(tmpdir(), 'rbg-e2e-'));
  writeFileSync(
    path.join(dir, 'pages.json'),
    JSON.stringify({
      results: [
        {
          id: '9001',
          title: 'Storefront runbook',
          version: { number: 4 },
          body: { storage: { value: page(s) } },
        },
      ],
    }),
  );
  // The SDK reads credentials and endpoint from the process environment, as it would for a user.
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.endpoint,
    AWS_ACCESS_KEY_ID: SEED_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SEED_CREDENTIALS.secretAccessKey,
    AWS_REGION: OTHER,
    AWS_MAX_ATTEMPTS: '2',
  });
  let out = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: process.env,
    cwd: dir,
  };
  exitCode = await main(
    ['scan', '--pages', 'pages.json', '--regions', `${HOME},${OTHER}`, '--format', 'json'],
    io,
  );
  if (!out.startsWith('{')) throw new Error(`scan printed no report (exit ${exitCode}): ${stderr}`);
  report = JSON.parse(out) as ScanReport;
});

afterAll(async () => {
  process.env = savedEnv;
  if (dir) rmSync(dir, { recursive: true, force: true });
  await moto?.stop();
});

describe('runbookguard scan over live AWS (moto)', () => {
  it('read every service and region it was asked for, and fails on the errors it found', () => {
    expect(report.coverage.accounts).toEqual([{ account: MOTO_ACCOUNT, regions: [HOME, OTHER] }]);
    expect(report.coverage.problems).toEqual([]);
    expect(stderr).toContain(`account ${MOTO_ACCOUNT}`);
    expect(exitCode).toBe(1);
  });

  it('reports exactly the stale references, each with the right suggestion', () => {
    const got = report.findings
      .map((f) => ({
        kind: f.kind,
        type: f.entity.type,
        value: f.entity.value,
        suggestion: f.suggestion?.value ?? null,
      }))
      .sort((a, b) => `${a.type} ${a.value}`.localeCompare(`${b.type} ${b.value}`));
    const expected = [
      // Terminated; the instance now carrying its Name tag is suggested.
      { kind: 'missing', type: 'ec2-instance', value: s.instances.webOld, suggestion: s.instances.webNew },
      { kind: 'not-running', type: 'ec2-instance', value: s.instances.batch, suggestion: null },
      { kind: 'not-running', type: 'rds-instance', value: s.databases.reports, suggestion: null },
      // CNAME to a deleted load balancer, and a name with no record at all in our zone.
      { kind: 'dangling', type: 'hostname', value: `shop.${s.zone}`, suggestion: null },
      { kind: 'dangling', type: 'hostname', value: `status.${s.zone}`, suggestion: null },
      // The function exists, in us-east-1: that region is suggested.
      { kind: 'wrong-region', type: 'lambda-function', value: 'rotate-keys', suggestion: OTHER },
      // Named like our buckets, not there: missing. A partner's bucket: we can't see it.
      { kind: 'missing', type: 's3-bucket', value: 'acme-e2e-old-exports', suggestion: null },
      { kind: 'unverifiable', type: 's3-bucket', value: 'vendorco-partner-feed', suggestion: null },
      // Sydney was not scanned: one finding for the section's region and everything in it.
      { kind: 'unverifiable', type: 'region', value: 'ap-southeast-2', suggestion: null },
    ].sort((a, b) => `${a.type} ${a.value}`.localeCompare(`${b.type} ${b.value}`));
    expect(got).toEqual(expected);

    const sydney = report.findings.find((f) => f.entity.value === 'ap-southeast-2');
    expect(sydney?.covers?.map((c) => c.value).sort()).toEqual(['i-0fa1b2c3d4e5f6a7b', 'orders-db-syd']);
  });

  it('confirms the healthy references', () => {
    const status = (value: string) =>
      report.references.filter((r) => r.value === value.toLowerCase()).map((r) => r.status);
    expect(status(s.instances.bastion)).toEqual(['ok']);
    expect(status(s.databases.orders)).toEqual(['ok']);
    expect(status(`api.${s.zone}`)).toEqual(['ok']);
    expect(status(`db.${s.zone}`)).toEqual(['ok']);
    expect(status(s.buckets.backups)).toEqual(['ok']);
    expect(status(HOME)).toEqual(['ok']);
  });
});
