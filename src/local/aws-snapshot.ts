import { customerActions } from '../aws/actions';
import { serviceActions, type ProbeCheck } from '../aws/probe';
import { AssumeRoleError } from '../aws/sts';
import { SERVICES, type InventorySnapshot, type Service } from '../core/inventory/snapshot';
import type { AwsPort } from '../forge/aws';

const GLOBAL: ReadonlySet<Service> = new Set<Service>(['s3', 'route53']);

/**
 * AWS from a snapshot file (the demo snapshot): a role "connects" when its account is in the
 * snapshot, and collecting an account returns that account's slice, restricted to the regions asked.
 */
export function snapshotAwsPort(snapshot: InventorySnapshot, now: () => number = Date.now): AwsPort {
  const known = new Set(snapshot.accounts.map((a) => a.account));
  const unknown = (roleArn: string): AssumeRoleError | null => {
    const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
    return account === undefined || !known.has(account)
      ? new AssumeRoleError(roleArn, 'AccessDenied', 'the account is not in the local snapshot')
      : null;
  };
  return {
    connect(roleArn) {
      const refused = unknown(roleArn);
      return refused ? Promise.reject(refused) : Promise.resolve();
    },
    testConnection(target, _externalId, _installId, deadline) {
      const refused = unknown(target.roleArn);
      if (refused)
        return Promise.resolve({
          role: { status: 'rejected', code: refused.code, message: refused.message },
        });
      return Promise.resolve({
        role: { status: 'ok' },
        ...coverageAsChecks(snapshot, target, deadline, now),
      });
    },
    collect(target) {
      const inRegion = (region: string | null): boolean =>
        target.regions === null || region === null || target.regions.includes(region);
      return Promise.resolve({
        formatVersion: 1,
        takenAt: snapshot.takenAt,
        accounts: snapshot.accounts
          .filter((a) => a.account === target.account)
          .map((a) => ({ ...a, regions: a.regions.filter((r) => inRegion(r)) })),
        resources: snapshot.resources.filter((r) => r.account === target.account && inRegion(r.region)),
        dnsRecords: snapshot.dnsRecords.filter((d) => d.account === target.account),
        coverage: snapshot.coverage.filter((c) => c.account === target.account && inRegion(c.region)),
      });
    },
  };
}

/**
 * What a connection test would have seen, answered from the snapshot's coverage: its outcome per
 * service and region, the resource count of an ok one, the action a denial names (else the
 * service's first). Regions the account does not have are disabled.
 */
function coverageAsChecks(
  snapshot: InventorySnapshot,
  target: { account: string; regions: string[] | null },
  deadline: number,
  now: () => number,
): { regions: string[]; checks: ProbeCheck[] } {
  const enabled = snapshot.accounts.find((a) => a.account === target.account)?.regions ?? [];
  const regions = target.regions ?? enabled;
  const actions = customerActions();
  const checks = SERVICES.flatMap((service) =>
    (GLOBAL.has(service) ? [null] : regions).map((region): ProbeCheck => {
      const where = { service, region };
      if (now() >= deadline) return { ...where, status: 'not-tried' };
      if (region !== null && !enabled.includes(region)) return { ...where, status: 'disabled' };
      const entry = snapshot.coverage.find(
        (c) => c.account === target.account && c.service === service && c.region === region,
      );
      if (entry === undefined) return { ...where, status: 'error', message: 'not in the local snapshot' };
      switch (entry.outcome) {
        case 'ok':
          return { ...where, status: 'ok', resourceCount: entry.resourceCount, moreResources: false };
        case 'access-denied': {
          const named = actions.find((a) => entry.detail?.includes(a));
          return { ...where, status: 'denied', action: named ?? serviceActions(service)[0] ?? service };
        }
        case 'region-disabled':
          return { ...where, status: 'disabled' };
        case 'failed':
          return { ...where, status: 'error', message: entry.detail ?? 'failed' };
      }
    }),
  );
  return { regions, checks };
}
