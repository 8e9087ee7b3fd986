import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadRoleTemplate } from '../../test/support/role-template';
import { CALLER_COMMANDS, CUSTOMER_COMMANDS, customerActions, type SdkCommand } from './actions';

// Spelled out here on purpose, independently of the table and the template.
const THE_17 = [
  'ec2:DescribeInstances',
  'ec2:DescribeSecurityGroups',
  'ec2:DescribeSubnets',
  'ec2:DescribeVpcs',
  'ec2:DescribeRegions',
  'rds:DescribeDBInstances',
  'elasticloadbalancing:DescribeLoadBalancers',
  'route53:ListHostedZones',
  'route53:ListResourceRecordSets',
  'elasticache:DescribeCacheClusters',
  'ecs:ListClusters',
  'ecs:DescribeClusters',
  'eks:ListClusters',
  'eks:DescribeCluster',
  'lambda:ListFunctions',
  's3:ListAllMyBuckets',
  's3:GetBucketLocation',
];

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

interface SdkImport {
  file: string;
  pkg: string;
  names: string[];
}

/** Every import of an @aws-sdk package in src/, with the names it brings in (aliases resolved). */
function sdkImports(): SdkImport[] {
  const out: SdkImport[] = [];
  const importRe = /import\s+(type\s+)?([\s\S]*?)\s+from\s+['"](@aws-sdk\/[^'"]+)['"]/g;
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    if (/require\(\s*['"]@aws-sdk\//.test(text) || /import\(\s*['"]@aws-sdk\//.test(text)) {
      out.push({ file, pkg: 'dynamic', names: ['<require or dynamic import>'] });
    }
    for (const m of text.matchAll(importRe)) {
      const clause = m[2] ?? '';
      const pkg = m[3] ?? '';
      if (/\*\s+as/.test(clause)) {
        out.push({ file, pkg, names: ['<namespace import>'] });
        continue;
      }
      const inner = /\{([\s\S]*)\}/.exec(clause)?.[1] ?? '';
      const names = inner
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
        .filter((n) => !n.startsWith('type ') && !m[1])
        .map((n) => n.split(/\s+as\s+/)[0]?.trim() ?? '');
      out.push({ file: relative(SRC, file), pkg, names });
    }
  }
  return out;
}

describe('the command → action table', () => {
  it('grants exactly the 17 actions, which are exactly the role template’s', () => {
    const template = loadRoleTemplate();
    expect(customerActions()).toEqual([...THE_17].sort());
    expect([...template.actions].sort()).toEqual([...THE_17].sort());
    expect(new Set(template.actions).size).toBe(template.actions.length);
  });

  it('never includes object or write access', () => {
    for (const action of customerActions()) expect(action).toMatch(/:(Describe|List|Get)[A-Za-z]+$/);
    expect(customerActions()).not.toContain('s3:GetObject');
  });

  it('is the only place AWS commands come from: no other @aws-sdk command or paginator is used in src/', () => {
    const allowed = new Map<string, Set<string>>();
    for (const c of [
      ...Object.values(CUSTOMER_COMMANDS),
      ...Object.values(CALLER_COMMANDS),
    ] as SdkCommand[]) {
      const names = allowed.get(c.sdkPackage) ?? new Set<string>();
      names.add(c.command);
      if (c.paginator) names.add(c.paginator);
      allowed.set(c.sdkPackage, names);
    }
    const violations: string[] = [];
    for (const imp of sdkImports()) {
      const ok = allowed.get(imp.pkg);
      if (!ok) {
        violations.push(`${imp.file}: imports ${imp.pkg}, which has no command in the table`);
        continue;
      }
      for (const name of imp.names) {
        // Clients and types are harmless; commands and paginators are calls.
        const isCall = /Command$/.test(name) || /^paginate/.test(name) || name.startsWith('<');
        if (isCall && !ok.has(name)) violations.push(`${imp.file}: ${name} from ${imp.pkg}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('finds the commands the collectors really use (the scan is not vacuous)', () => {
    const used = new Set(sdkImports().flatMap((i) => i.names));
    for (const name of [
      'paginateDescribeInstances',
      'ListResourceRecordSetsCommand',
      'GetBucketLocationCommand',
    ]) {
      expect(used).toContain(name);
    }
  });
});

describe('the role template', () => {
  const template = loadRoleTemplate();

  it('has one role, trusting only the vendor principal with the External ID condition', () => {
    expect(template.roles).toHaveLength(1);
    expect(template.trustPolicy.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { AWS: { Ref: 'VendorPrincipalArn' } },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
      },
    ]);
    expect(template.roles[0]?.[1].Properties.MaxSessionDuration).toBe(3600);
    expect(template.raw.Parameters.ExternalId?.AllowedPattern).toBeDefined();
    expect(template.raw.Outputs.RoleArn).toBeDefined();
  });
});
