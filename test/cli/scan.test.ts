import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScan, runScanWith } from '../../src/cli/commands/scan';
import { UsageError } from '../../src/cli/errors';
import type { CliIo } from '../../src/cli/io';
import type { ScanReport } from '../../src/core/match';
import { loadCorpus } from '../scan-corpus/score';

function fakeIo(cwd: string, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s), isTTY },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
    cwd,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

// The scan corpus as files, the way a user would pass them.
const dir = mkdtempSync(path.join(tmpdir(), 'rg-scan-'));
const { pages } = loadCorpus();
writeFileSync(
  path.join(dir, 'pages.json'),
  JSON.stringify({
    results: pages.map((p) => ({
      id: p.id,
      title: p.title,
      version: { number: p.version },
      body: { storage: { value: p.storage } },
    })),
  }),
);
writeFileSync(
  path.join(dir, 'snapshot.json'),
  readFileSync(path.join(__dirname, '../scan-corpus/snapshot.json'), 'utf8'),
);
const base = ['--pages', 'pages.json', '--inventory', 'snapshot.json'];

describe('runbookguard scan', () => {
  it('writes findings, every reference and the coverage as JSON, and exits 1 on errors', async () => {
    const t = fakeIo(dir);
    expect(await runScan(base, t.io)).toBe(1);
    const report = JSON.parse(t.stdout()) as ScanReport;
    const terminated = report.findings.find((f) => f.entity.value === 'i-0b2c3d4e5f6071829');
    expect(terminated).toMatchObject({
      pageId: '2001',
      pageTitle: 'Bastion access',
      entity: { type: 'ec2-instance', value: 'i-0b2c3d4e5f6071829', region: 'eu-west-1' },
      kind: 'missing',
      severity: 'error',
      message:
        'i-0b2c3d4e5f6071829 was terminated; the instance now tagged bastion-prod is i-0a1b2c3d4e5f60718',
      suggestion: { value: 'i-0a1b2c3d4e5f60718', reason: 'the instance now tagged bastion-prod' },
    });
    expect(report.references.some((r) => r.status === 'placeholder')).toBe(true);
    expect(report.references.length).toBeGreaterThan(report.findings.length);
    expect(report.coverage.problems).toEqual([
      expect.objectContaining({ account: '345678901234', service: 'lambda', outcome: 'access-denied' }),
    ]);
  });

  it('honours --fail-on', async () => {
    expect(await runScan([...base, '--fail-on', 'never'], fakeIo(dir).io)).toBe(0);
    expect(await runScan([...base, '--fail-on', 'warning'], fakeIo(dir).io)).toBe(1);
  });

  it('exits 0 when nothing reaches the threshold', async () => {
    const clean = path.join(dir, 'clean.json');
    const page = pages.find((p) => p.id === '2012');
    writeFileSync(
      clean,
      JSON.stringify([
        {
          id: '1',
          title: 'clean',
          version: { number: 1 },
          body: { storage: { value: page?.storage ?? '' } },
        },
      ]),
    );
    // Only informational findings (an unscanned region) on this page.
    expect(
      await runScan(
        ['--pages', clean, '--inventory', 'snapshot.json', '--fail-on', 'warning'],
        fakeIo(dir).io,
      ),
    ).toBe(0);
  });

  it('emits SARIF 2.1.0 that validates against the official schema', async () => {
    const t = fakeIo(dir);
    await runScan([...base, '--format', 'sarif'], t.io);
    const log = JSON.parse(t.stdout()) as {
      runs: { results: { ruleId: string; partialFingerprints: object }[] }[];
    };
    const schema = JSON.parse(
      readFileSync(path.join(__dirname, '../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
    ) as object;
    // unicodeRegExp off: the official schema's `language` pattern is not valid under the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a wrong level or version is rejected.
    const broken = JSON.parse(t.stdout()) as { version: string; runs: { results: { level: string }[] }[] };
    (broken.runs[0]?.results[0] ?? { level: '' }).level = 'info';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(log.runs[0]?.results.length).toBeGreaterThan(10);
    expect(log.runs[0]?.results[0]?.partialFingerprints).toHaveProperty(['runbookguard/v1']);
  });

  it('prints a table grouped by page with a summary line, colour only on a terminal', async () => {
    const plain = fakeIo(dir);
    await runScan([...base, '--format', 'table'], plain.io);
    const text = plain.stdout();
    expect(text).toContain('Bastion access  (page 2001, v1)');
    expect(text).toContain('→ i-0a1b2c3d4e5f60718 (the instance now tagged bastion-prod)');
    expect(text).toMatch(/\d+ findings on \d+ of 12 pages: \d+ errors, \d+ warnings, \d+ info/);
    expect(text).not.toContain('\u001b[');
    const tty = fakeIo(dir, true);
    await runScan([...base, '--format', 'table'], tty.io);
    expect(tty.stdout()).toContain('\u001b[');
  });

  it('restricts a saved snapshot to --regions', async () => {
    const t = fakeIo(dir);
    await runScan([...base, '--regions', 'us-east-1', '--fail-on', 'never'], t.io);
    const report = JSON.parse(t.stdout()) as ScanReport;
    const bastion = report.references.find((r) => r.value === 'i-0b2c3d4e5f6071829');
    expect(bastion?.status).toBe('unverifiable');
  });

  it('turns bad input into one-line usage errors', async () => {
    const bad = path.join(dir, 'bad-snapshot.json');
    writeFileSync(
      bad,
      JSON.stringify({
        formatVersion: 1,
        takenAt: 'x',
        accounts: [],
        resources: [{ kind: 'ec2' }],
        dnsRecords: [],
        coverage: [],
      }),
    );
    await expect(runScan(['--pages', 'pages.json', '--inventory', bad], fakeIo(dir).io)).rejects.toThrow(
      /bad-snapshot\.json: not an inventory snapshot: resources\[0\]\.kind: .*\(and \d+ more problems\)$/,
    );
    writeFileSync(bad, JSON.stringify({ formatVersion: 7 }));
    await expect(runScan(['--pages', 'pages.json', '--inventory', bad], fakeIo(dir).io)).rejects.toThrow(
      'snapshot format version 7 is not supported',
    );
    await expect(
      runScan(['--pages', 'pages.json', '--inventory', 'nope.json'], fakeIo(dir).io),
    ).rejects.toThrow('nope.json: no such file');
    await expect(runScan([...base, '--format', 'xml'], fakeIo(dir).io)).rejects.toThrow(UsageError);
    await expect(runScan([...base, '--fail-on', 'info'], fakeIo(dir).io)).rejects.toThrow(
      '--fail-on must be error, warning or never',
    );
    await expect(runScan(['--inventory', 'snapshot.json'], fakeIo(dir).io)).rejects.toThrow(
      'exactly one of --pages FILE, --demo or --confluence URL',
    );
    await expect(runScan([...base, '--bogus'], fakeIo(dir).io)).rejects.toThrow(UsageError);
    // The live options are validated exactly as `inventory` validates them, before any AWS call.
    await expect(
      runScan(['--pages', 'pages.json', '--regions', 'us-east-1,Mars'], fakeIo(dir).io),
    ).rejects.toThrow('scan: --regions: not an AWS region name (see runbookguard scan --help)');
    await expect(
      runScan(['--pages', 'pages.json', '--role-arn', 'arn:aws:iam::210987654321:role/rg'], fakeIo(dir).io),
    ).rejects.toThrow('one --external-id per --role-arn');
    await expect(
      runScan(
        ['--pages', 'pages.json', '--role-arn', 'arn:aws:iam::1:user/x', '--external-id', 'x'],
        fakeIo(dir).io,
      ),
    ).rejects.toThrow('scan: --role-arn: not an IAM role ARN');
  });
});

describe('runbookguard scan --demo', () => {
  it('runs on the bundled space and snapshot and shows every finding kind', async () => {
    const t = fakeIo(tmpdir());
    expect(await runScan(['--demo'], t.io)).toBe(1);
    const report = JSON.parse(t.stdout()) as ScanReport;
    expect(new Set(report.findings.map((f) => f.kind))).toEqual(
      new Set(['missing', 'wrong-region', 'not-running', 'dangling', 'unverifiable']),
    );
    expect(report.findings.some((f) => f.suggestion !== null)).toBe(true);
  });

  it('keeps demo/snapshot.json in step with its spec', () => {
    const run = spawnSync(
      process.execPath,
      ['scripts/build-snapshot.mjs', 'scripts/demo-snapshot.spec.mjs', 'demo/snapshot.json', '--check'],
      { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('runbookguard scan (live)', () => {
  it('takes the snapshot from the live collector when no --inventory is given', async () => {
    const snapshot = JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')) as unknown;
    const seen: unknown[] = [];
    const t = fakeIo(dir);
    const code = await runScanWith(
      ['--pages', 'pages.json', '--regions', 'eu-west-1', '--fail-on', 'never'],
      t.io,
      {
        collectLive: (flags) => {
          seen.push(flags.regions);
          return Promise.resolve(snapshot as never);
        },
      },
    );
    expect(code).toBe(0);
    expect(seen).toEqual([['eu-west-1']]);
    expect((JSON.parse(t.stdout()) as ScanReport).findings.length).toBeGreaterThan(0);
  });
});
