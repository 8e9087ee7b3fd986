import { STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
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
import { isValidExternalId } from '../../core/inventory/external-id';
import { snapshotSchema, type InventorySnapshot } from '../../core/inventory/snapshot';
import { EXIT_OK, UsageError } from '../errors';
import type { CliIo } from '../io';

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

const roleArnSchema = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'not an IAM role ARN');
const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'not an AWS region name');
const flagsSchema = z
  .object({
    roleArns: z.array(roleArnSchema),
    externalIds: z.array(
      z
        .string()
        .refine(
          isValidExternalId,
          'not an External ID issued by RunbookGuard (32 characters, A-Z a-z 0-9 _ -)',
        ),
    ),
    regions: z.array(regionSchema).min(1).optional(),
    out: z.string().min(1, '--out is required'),
  })
  .refine((f) => f.roleArns.length === f.externalIds.length, {
    message: 'give exactly one --external-id per --role-arn, in the same order',
  });
type Flags = z.infer<typeof flagsSchema>;

/** Seams for tests; production uses the SDK defaults. */
export interface InventoryDeps {
  clientSettings?: ClientSettings;
  sts?: (region: string) => STSClient;
  collect?: typeof collectInventory;
}

export async function runInventory(args: string[], io: CliIo): Promise<number> {
  return runInventoryWith(args, io, {});
}

function parseFlags(args: string[]): Flags | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        'role-arn': { type: 'string', multiple: true },
        'external-id': { type: 'string', multiple: true },
        regions: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(`inventory: ${(error as Error).message}`);
  }
  if (values.help) return 'help';
  const parsed = flagsSchema.safeParse({
    roleArns: values['role-arn'] ?? [],
    externalIds: values['external-id'] ?? [],
    regions: values.regions
      ?.split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    out: values.out ?? '',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`inventory: ${where}${issue?.message ?? 'invalid arguments'}`);
  }
  return parsed.data;
}

export async function runInventoryWith(args: string[], io: CliIo, deps: InventoryDeps): Promise<number> {
  const flags = parseFlags(args);
  if (flags === 'help') {
    io.stdout.write(INVENTORY_HELP);
    return EXIT_OK;
  }
  const homeRegion = io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || DEFAULT_HOME_REGION;
  const customEndpoint = Boolean(io.env.AWS_ENDPOINT_URL || io.env.AWS_ENDPOINT_URL_S3);
  const clientSettings: ClientSettings = { s3ForcePathStyle: customEndpoint, ...deps.clientSettings };
  const sts = (deps.sts ?? ((region) => new STSClient({ region, ...endpointOf(clientSettings) })))(
    homeRegion,
  );

  let targets: AccountTarget[];
  try {
    targets = await resolveTargets(flags, sts, io);
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

  const outPath = resolve(io.cwd, flags.out);
  await writeSnapshot(outPath, snapshot);
  io.stderr.write(coverageSummary(snapshot));
  const notOk = snapshot.coverage.filter((c) => c.outcome !== 'ok').length;
  io.stdout.write(
    `Wrote ${flags.out}: ${snapshot.resources.length} resources, ${snapshot.dnsRecords.length} DNS records, ` +
      `${snapshot.coverage.length - notOk}/${snapshot.coverage.length} service-regions read${notOk ? ` (${notOk} not read: see above)` : ''}\n`,
  );
  return EXIT_OK;
}

function endpointOf(settings: ClientSettings): { endpoint?: string } {
  return settings.endpoint ? { endpoint: settings.endpoint } : {};
}

async function resolveTargets(flags: Flags, sts: STSClient, io: CliIo): Promise<AccountTarget[]> {
  if (flags.roleArns.length === 0) {
    try {
      return [{ account: await callerAccount(sts), roleArn: null, credentials: undefined }];
    } catch (error) {
      throw new UsageError(
        `inventory: cannot identify the AWS account of your credentials (${(error as Error).message}); ` +
          'configure the standard AWS credential chain (AWS_PROFILE, AWS_ACCESS_KEY_ID…)',
      );
    }
  }
  const assumer = stsRoleAssumer(sts);
  const sessionName = sessionNameFor(io.env.RUNBOOKGUARD_INSTALL_ID || `cli-${hostname()}`);
  const targets: AccountTarget[] = [];
  for (const [i, roleArn] of flags.roleArns.entries()) {
    try {
      const credentials = await connectRole(assumer, {
        roleArn,
        externalId: flags.externalIds[i] ?? '',
        sessionName,
      });
      targets.push({ account: accountOfRoleArn(roleArn), roleArn, credentials });
    } catch (error) {
      if (error instanceof ConfusedDeputyError || error instanceof AssumeRoleError) {
        throw new UsageError(`inventory: ${error.message}`);
      }
      throw error;
    }
  }
  return targets;
}

async function writeSnapshot(path: string, snapshot: InventorySnapshot): Promise<void> {
  // Validate our own output at the boundary, and never leave a half-written file behind.
  const valid = snapshotSchema.parse(snapshot);
  const tmp = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
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
