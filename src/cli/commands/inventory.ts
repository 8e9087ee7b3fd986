import { STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClientSettings } from '../../aws/clients';
import {
  collectInventory,
  DEFAULT_HOME_REGION,
  type AccountTarget,
  type CollectProgress,
} from '../../aws/collector';
import {
  accountOfRoleArn,
  AssumeRoleError,
  callerAccount,
  ConfusedDeputyError,
  connectRole,
  sessionNameFor,
  stsRoleAssumer,
} from '../../aws/sts';
import { snapshotSchema, type InventorySnapshot } from '../../core/inventory/snapshot';
import { EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';
import { LIVE_AWS_OPTIONS, parseLiveAwsFlags, type LiveAwsFlags } from '../live-aws-flags';

export const INVENTORY_HELP = `Usage: runbookguard inventory [--role-arn ARN --external-id ID]... [--regions r1,r2] --out FILE

Reads AWS resource metadata (17 read-only actions, see cfn/runbookguard-role.yaml) into a
versioned JSON snapshot (docs/snapshot-format.md), with a coverage entry per service and region.

Options:
  --role-arn ARN      A role created from cfn/runbookguard-role.yaml. Repeat for several accounts;
                      each needs its own --external-id, in the same order.
  --external-id ID    The External ID the role's trust policy requires (32 characters).
  --regions LIST      Comma-separated regions. Default: every region enabled in the account.
  --out FILE          Where to write the snapshot (required).
  -h, --help          Show this help.

Without --role-arn it reads the caller's own account with the standard AWS credential chain
(environment, AWS_PROFILE, SSO, instance role); the account id comes from sts:GetCallerIdentity,
which needs no permission. AWS_REGION, AWS_PROFILE and AWS_ENDPOINT_URL[_<SERVICE>] are honoured.
Each role is first assumed WITHOUT its External ID: if AWS allows that, the role is refused.
`;

/** Seams for tests; production uses the SDK defaults. */
export interface InventoryDeps {
  clientSettings?: ClientSettings;
  sts?: (region: string) => STSClient;
  collect?: typeof collectInventory;
}

export async function runInventory(args: string[], io: CliIo): Promise<number> {
  return runInventoryWith(args, io, {});
}

interface Flags extends LiveAwsFlags {
  out: string;
}

function parseFlags(args: string[]): Flags | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...LIVE_AWS_OPTIONS,
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`inventory: ${(error as Error).message}`);
  }
  if (values.help) return 'help';
  const live = parseLiveAwsFlags(values, 'inventory');
  if (!values.out) throw new UsageError('inventory: out: --out is required');
  return { ...live, out: values.out };
}

export async function runInventoryWith(args: string[], io: CliIo, deps: InventoryDeps): Promise<number> {
  const flags = parseFlags(args);
  if (flags === 'help') {
    io.stdout.write(INVENTORY_HELP);
    return EXIT_OK;
  }
  const snapshot = await collectLiveInventory(flags, io, deps, 'inventory');
  const outPath = resolve(io.cwd, flags.out);
  await writeSnapshot(outPath, snapshot);
  const notOk = snapshot.coverage.filter((c) => c.outcome !== 'ok').length;
  io.stdout.write(
    `Wrote ${flags.out}: ${snapshot.resources.length} resources, ${snapshot.dnsRecords.length} DNS records, ` +
      `${snapshot.coverage.length - notOk}/${snapshot.coverage.length} service-regions read${notOk ? ` (${notOk} not read: see above)` : ''}\n`,
  );
  return EXIT_OK;
}

/**
 * Reads AWS live into a validated snapshot in memory: connects the accounts (caller's own, or each
 * role after the confused-deputy check), collects, and writes progress (TTY only) and the coverage
 * summary to stderr. `inventory` writes the result to a file; `scan` matches against it directly.
 */
export async function collectLiveInventory(
  flags: LiveAwsFlags,
  io: CliIo,
  deps: InventoryDeps = {},
  command = 'inventory',
): Promise<InventorySnapshot> {
  const homeRegion = io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || DEFAULT_HOME_REGION;
  const customEndpoint = Boolean(io.env.AWS_ENDPOINT_URL || io.env.AWS_ENDPOINT_URL_S3);
  const clientSettings: ClientSettings = { s3ForcePathStyle: customEndpoint, ...deps.clientSettings };
  const sts = (deps.sts ?? ((region) => new STSClient({ region, ...endpointOf(clientSettings) })))(
    homeRegion,
  );

  let targets: AccountTarget[];
  try {
    targets = await resolveTargets(flags, sts, io, command);
  } finally {
    sts.destroy();
  }

  const progress = io.stderr.isTTY ? ttyProgress(io) : undefined;
  const snapshot = await (deps.collect ?? collectInventory)({
    targets,
    ...(flags.regions ? { regions: flags.regions } : {}),
    homeRegion,
    clientSettings,
    ...(progress ? { onProgress: progress } : {}),
  });
  if (progress) io.stderr.write('\r\x1b[K');
  io.stderr.write(coverageSummary(snapshot));
  // Validate our own output at the boundary, whether it goes to a file or straight to the matcher.
  return snapshotSchema.parse(snapshot);
}

function endpointOf(settings: ClientSettings): { endpoint?: string } {
  return settings.endpoint ? { endpoint: settings.endpoint } : {};
}

async function resolveTargets(
  flags: LiveAwsFlags,
  sts: STSClient,
  io: CliIo,
  command: string,
): Promise<AccountTarget[]> {
  if (flags.roleArns.length === 0) {
    try {
      return [{ account: await callerAccount(sts), roleArn: null, credentials: undefined }];
    } catch (error) {
      throw new UsageError(
        `${command}: cannot identify the AWS account of your credentials (${(error as Error).message}); ` +
          'configure the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID…)',
      );
    }
  }
  const assumer = stsRoleAssumer(sts);
  const sessionName = sessionNameFor(io.env.RUNBOOKGUARD_INSTALL_ID || `cli-${hostname()}`);
  const targets: AccountTarget[] = [];
  for (const [i, roleArn] of flags.roleArns.entries()) {
    try {
      const credentials = await connectRole(
        assumer,
        { roleArn, externalId: flags.externalIds[i] ?? '', sessionName },
        null,
      );
      targets.push({ account: accountOfRoleArn(roleArn), roleArn, credentials });
    } catch (error) {
      if (error instanceof ConfusedDeputyError || error instanceof AssumeRoleError) {
        throw new UsageError(`${command}: ${error.message}`);
      }
      throw error;
    }
  }
  return targets;
}

async function writeSnapshot(path: string, snapshot: InventorySnapshot): Promise<void> {
  // Never leave a half-written file behind.
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    throw new UsageError(`inventory: cannot write ${path}: ${(error as Error).message}`);
  }
}

function ttyProgress(io: CliIo): (p: CollectProgress) => void {
  return (p) => {
    const where = `${p.service} ${p.region ?? 'global'}${p.failed ? ' (not read)' : ''}`;
    io.stderr.write(`\r\x1b[K[${p.done}/${p.total}] ${p.account} ${where}`);
  };
}

/** One line per (account, service), then one per region that was not read, with the reason. */
export function coverageSummary(snapshot: InventorySnapshot): string {
  const lines: string[] = ['Coverage:'];
  for (const { account, roleArn } of snapshot.accounts) {
    lines.push(`  account ${account}${roleArn ? ` (${roleArn})` : ''}`);
    const entries = snapshot.coverage.filter((c) => c.account === account);
    const services = [...new Set(entries.map((c) => c.service))];
    for (const service of services) {
      const own = entries.filter((c) => c.service === service);
      const ok = own.filter((c) => c.outcome === 'ok');
      const count = own.reduce((n, c) => n + c.resourceCount, 0);
      const scope = own.every((c) => c.region === null) ? 'global' : `${ok.length}/${own.length} regions`;
      lines.push(`    ${service.padEnd(12)} ${scope.padEnd(14)} ${String(count).padStart(6)} items`);
      for (const c of own.filter((e) => e.outcome !== 'ok')) {
        lines.push(`      ${c.region ?? 'global'}: ${c.outcome}${c.detail ? ` — ${c.detail}` : ''}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
