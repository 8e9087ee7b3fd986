import type { Finding, FindingKind, ScanReport, Severity } from '../../core/match';
import type { BaselineComparison, BaselineFinding, BaselineState } from './baseline';

/** The subset of SARIF 2.1.0 we emit (test/fixtures/sarif holds the official schema it is checked against). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; rules: SarifRule[] } };
  originalUriBaseIds: Record<string, { description: { text: string } }>;
  results: SarifResult[];
  invocations: { executionSuccessful: boolean; properties: Record<string, unknown> }[];
  properties: Record<string, unknown>;
}

interface SarifRule {
  id: FindingKind;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  help: { text: string };
}

interface SarifResult {
  ruleId: FindingKind;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  baselineState?: BaselineState;
  properties: Record<string, unknown>;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

const RULES: SarifRule[] = [
  rule(
    'missing',
    'StaleReference',
    'The referenced AWS resource no longer exists.',
    'The resource is not in any account, region or service that was scanned successfully (a terminated instance counts as missing). A runbook step that uses it will fail.',
    'error',
  ),
  rule(
    'wrong-region',
    'WrongRegion',
    'The resource exists, but not in the region the runbook states.',
    'The region comes from the reference itself (ARN, endpoint, --region, console URL) or from the page or section region statement.',
    'warning',
  ),
  rule(
    'not-running',
    'NotRunning',
    'The resource exists but is not serving (stopped instance or database, failed cluster).',
    'The runbook step may fail until the resource is started, or the runbook should point elsewhere.',
    'warning',
  ),
  rule(
    'dangling',
    'DanglingDns',
    'The hostname has no DNS record, or its CNAME/alias target no longer exists.',
    'A record pointing at a deleted load balancer, database, cache or S3 bucket is broken and, for S3, a subdomain-takeover hazard.',
    'error',
  ),
  rule(
    'unverifiable',
    'Unverifiable',
    'The reference could not be checked.',
    'It names an account that is not connected, or a region or service that was not scanned or whose scan failed. Informational.',
    'note',
  ),
];

function rule(id: FindingKind, name: string, short: string, full: string, level: SarifLevel): SarifRule {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    defaultConfiguration: { level },
    help: { text: `${short} ${full}` },
  };
}

const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

function result(f: Finding): SarifResult {
  const section = f.location.headingPath.join(' › ');
  const suggestion = f.suggestion ? ` Suggested: ${f.suggestion.value} (${f.suggestion.reason}).` : '';
  return {
    ruleId: f.kind,
    ruleIndex: RULE_INDEX.get(f.kind) ?? 0,
    level: LEVEL[f.severity],
    message: { text: `${f.message}.${suggestion}` },
    locations: [
      {
        // Pages are not files: a page path under the Confluence base the consumer can map to its site.
        physicalLocation: {
          artifactLocation: { uri: `pages/${encodeURIComponent(f.pageId)}`, uriBaseId: 'CONFLUENCE' },
        },
        logicalLocations: [
          {
            name: section === '' ? f.pageTitle : (f.location.headingPath.at(-1) ?? f.pageTitle),
            fullyQualifiedName: section === '' ? f.pageTitle : `${f.pageTitle} › ${section}`,
            kind: 'page-section',
          },
        ],
      },
    ],
    partialFingerprints: { 'runbookguard/v1': f.fingerprint },
    properties: {
      pageId: f.pageId,
      pageTitle: f.pageTitle,
      pageVersion: f.pageVersion,
      entity: f.entity,
      severity: f.severity,
      suggestion: f.suggestion,
      evidence: f.evidence,
    },
  };
}

/** A baseline finding that is gone now: reported once more, marked absent. */
function absentResult(b: BaselineFinding): SarifResult {
  return {
    ruleId: b.kind,
    ruleIndex: RULE_INDEX.get(b.kind) ?? 0,
    level: LEVEL[b.severity],
    message: { text: b.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: `pages/${encodeURIComponent(b.pageId)}`, uriBaseId: 'CONFLUENCE' },
        },
        logicalLocations: [{ name: b.pageTitle, fullyQualifiedName: b.pageTitle, kind: 'page-section' }],
      },
    ],
    partialFingerprints: { 'runbookguard/v1': b.fingerprint },
    baselineState: 'absent',
    properties: {
      pageId: b.pageId,
      pageTitle: b.pageTitle,
      entity: { value: b.value },
      severity: b.severity,
    },
  };
}

export function toSarif(report: ScanReport, toolVersion: string, baseline?: BaselineComparison): SarifLog {
  const results = report.findings.map(result);
  if (baseline) {
    for (const r of results)
      r.baselineState = baseline.stateOf(r.partialFingerprints['runbookguard/v1'] ?? '');
    results.push(...baseline.absent.map(absentResult));
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'RunbookGuard', version: toolVersion, semanticVersion: toolVersion, rules: RULES },
        },
        originalUriBaseIds: {
          CONFLUENCE: {
            description: { text: 'The Confluence site (wiki base URL) the pages were read from.' },
          },
        },
        results,
        invocations: [{ executionSuccessful: true, properties: { coverage: report.coverage } }],
        properties: { referencesChecked: report.references.length },
      },
    ],
  };
}
