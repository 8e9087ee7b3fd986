import { AssumeRoleError } from '../aws/sts';
import type { InventorySnapshot } from '../core/inventory/snapshot';
import type { AwsPort } from '../forge/aws';

/**
 * AWS from a snapshot file (the demo snapshot): a role "connects" when its account is in the
 * snapshot, and collecting an account returns that account's slice, restricted to the regions asked.
 */
export function snapshotAwsPort(snapshot: InventorySnapshot): AwsPort {
  const known = new Set(snapshot.accounts.map((a) => a.account));
  return {
    connect(roleArn) {
      const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
      if (account === undefined || !known.has(account))
        return Promise.reject(
          new AssumeRoleError(roleArn, 'AccessDenied', 'the account is not in the local snapshot'),
        );
      return Promise.resolve();
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
