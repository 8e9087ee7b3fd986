import { collectInventory } from '../../src/aws/collector';
import { extractPage } from '../../src/core/extract';
import { indexSnapshot, scanPages } from '../../src/core/match';
import { startMoto, type Moto } from '../integration/support/moto';
import { HOME, OTHER, seedScenario, type Scenario } from '../integration/support/scenario';
import { MOTO_ACCOUNT, SEED_CREDENTIALS } from '../integration/support/seed';
import { vendorInOtherAccount } from '../integration/support/vendor';
import { ADMIN, VIEWER, findingRows, harness, type Harness } from './support/app';

/**
 * The scan job against moto + MariaDB: the live AWS path (vendor keys from the environment,
 * AssumeRole into the customer's role with the External ID, the collector over AWS_ENDPOINT_URL)
 * inside the local Forge runtime. The job must store exactly the findings the engine reports for
 * the same page against the same account read directly.
 */
const ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/RunbookGuardReadOnly`;
let moto: Moto;
let s: Scenario;
let h: Harness;
const saved = { ...process.env };

function page(sc: Scenario) {
  const storage = `<p>Region: ${HOME}</p>
<p>Bastion <code>${sc.instances.bastion}</code>, old web node <code>${sc.instances.webOld}</code>, batch <code>${sc.instances.batch}</code>.</p>
<p>Orders: <code>${sc.databases.ordersEndpoint}</code>; API <code>${sc.loadBalancers.apiDns}</code>.</p>
<p>Backups in <code>s3://${sc.buckets.backups}/latest.dump</code> and <code>s3://acme-e2e-old-exports/2023/</code>.</p>
<p>Gone: <code>i-0123456789abcdef0</code>.</p>`;
  return {
    id: '9001',
    title: 'Storefront runbook',
    spaceId: '77',
    version: { number: 1 },
    body: { storage: { value: storage } },
  };
}

beforeAll(async () => {
  moto = await startMoto();
  s = await seedScenario(moto.endpoint);
  // The vendor's keys live in the vendor's own account: a role there would be refused.
  const vendor = await vendorInOtherAccount(moto.endpoint);
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: moto.endpoint,
    RG_AWS_ACCESS_KEY_ID: vendor.accessKeyId,
    RG_AWS_SECRET_ACCESS_KEY: vendor.secretAccessKey,
    RG_VENDOR_PRINCIPAL_ARN: vendor.principalArn,
  });
  h = await harness('moto', {
    pages: [page(s)],
    users: { [ADMIN]: { siteAdmin: true, spaceAdmin: ['77'] }, [VIEWER]: {} },
    aws: 'environment',
  });
});
afterAll(async () => {
  process.env = saved;
  await h?.close();
  await moto?.stop();
});

test('moto accepts AssumeRole without an External ID, so the confused-deputy check refuses the role', async () => {
  expect(
    await h.forge.resolver('saveSettings', { accounts: [{ roleArn: ROLE, regions: [HOME, OTHER] }] }, ADMIN),
  ).toMatchObject({
    ok: false,
    error: { code: 'AWS_ROLE_REJECTED' },
  });
});

test('testConnection through the resolver: the same refusal, audited, and nothing saved', async () => {
  const answer = (await h.forge.resolver('testConnection', { roleArn: ROLE, regions: [HOME] }, ADMIN)) as {
    ok: boolean;
    data?: { role: { status: string }; checks: unknown[]; complete: boolean };
  };
  expect(answer).toMatchObject({
    ok: true,
    data: { role: { status: 'unguarded' }, checks: [], complete: true },
  });
  expect(h.forge.kvs.values.get('settings')).toBeUndefined();
  const [rows] = await h.t.pool.query(
    "SELECT actor, target, outcome FROM rg_audit_log WHERE action = 'settings.test-connection'",
  );
  expect(rows).toEqual([{ actor: ADMIN, target: ROLE, outcome: 'failed' }]);
});

test('a full scan job reads the account live and stores exactly the engine’s findings', async () => {
  // Connected out of band: moto cannot model a trust policy that requires the External ID.
  h.forge.kvs.values.set('settings', {
    accounts: [
      { account: MOTO_ACCOUNT, roleArn: ROLE, regions: [HOME, OTHER], connectedAt: 1, connectedBy: ADMIN },
    ],
  });
  expect(await h.forge.resolver('startScan', {}, ADMIN)).toMatchObject({ ok: true });
  await h.forge.drain();
  const progress = (await h.forge.resolver('getScanProgress', {}, VIEWER)) as {
    data: { scan: { state: string; resources: number } };
  };
  expect(progress.data.scan.state).toBe('succeeded');
  expect(progress.data.scan.resources).toBeGreaterThan(5);

  const direct = await collectInventory({
    targets: [{ account: MOTO_ACCOUNT, roleArn: null, credentials: () => Promise.resolve(SEED_CREDENTIALS) }],
    regions: [HOME, OTHER],
    clientSettings: { endpoint: moto.endpoint },
  });
  const p = page(s);
  const expected = scanPages(
    [extractPage({ id: p.id, title: p.title, version: 1, storage: p.body.storage.value })],
    indexSnapshot(direct),
  ).findings;
  const rows = await findingRows(h.t);
  expect(rows.map((r) => `${String(r.kind)}:${String(r.fingerprint)}`).sort()).toEqual(
    expected.map((f) => `${f.kind}:${f.fingerprint}`).sort(),
  );
  expect(rows.some((r) => r.kind === 'missing')).toBe(true);
});
