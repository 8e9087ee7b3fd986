import { REGION_SOURCE } from './regions';
import { RULES, type Candidate, type RegionScope, type RuleOutput } from './rules';

const COMMAND_REGION = new RegExp(
  `(?:--region[= ]+|\\bAWS_(?:DEFAULT_)?REGION=)["']?(${REGION_SOURCE})\\b`,
  'gi',
);

const HAS_COMMAND_REGION = /--region|AWS_(?:DEFAULT_)?REGION=/i;

/** The logical line around `at`: a shell line continued with a trailing backslash is one line. */
function logicalLine(text: string, at: number): [number, number] {
  let start = at;
  for (;;) {
    const nl = text.lastIndexOf('\n', start - 1);
    if (nl <= 0 || text[nl - 1] !== '\\') {
      start = nl + 1;
      break;
    }
    start = nl - 1;
  }
  let end = at;
  for (;;) {
    const nl = text.indexOf('\n', end);
    if (nl === -1) return [start, text.length];
    if (text[nl - 1] !== '\\') return [start, nl];
    end = nl + 1;
  }
}

interface CommandRegion extends RegionScope {
  /** An `aws s3` / `aws s3api` line: its --region is where the bucket is expected to live. */
  s3: boolean;
}

const S3_COMMAND = /(?:^|[\s;&|(])aws\s+(?:--[\w-]+(?:[= ](?!s3\b)\S+)?\s+)*s3(?:api)?\s/;

/** `--region X` / `AWS_REGION=X` per logical line, found once per block. */
function commandRegions(text: string): CommandRegion[] {
  const found: CommandRegion[] = [];
  COMMAND_REGION.lastIndex = 0;
  for (let m = COMMAND_REGION.exec(text); m; m = COMMAND_REGION.exec(text)) {
    const [start, end] = logicalLine(text, m.index);
    const line = text.slice(start, end);
    found.push({ start, end, region: (m[1] ?? '').toLowerCase(), s3: S3_COMMAND.test(line) });
    // One region per command line: the first --region on it.
    COMMAND_REGION.lastIndex = Math.max(COMMAND_REGION.lastIndex, end);
  }
  return found;
}

function regionAt(ranges: ReadonlyArray<RegionScope>, at: number): string | null {
  for (const r of ranges) if (at >= r.start && at < r.end) return r.region;
  return null;
}

// One claim buffer reused by every block: a cell is claimed when it holds the current stamp,
// so nothing is cleared or allocated per block.
let claims = new Int32Array(1 << 16);
let claimStamp = 0;
function claimBuffer(length: number): Int32Array {
  if (claims.length < length + 1 || claimStamp >= 0x7ffffff0) {
    claims = new Int32Array(Math.max(length + 1, claims.length * 2));
    claimStamp = 0;
  }
  return claims;
}

/**
 * Runs every rule over one block and keeps, in priority order, candidates in unclaimed text,
 * sorted by position. A candidate's `region` is then the region stated on it, its URL or its
 * command line (null when none).
 */
export function scanBlock(text: string): Candidate[] {
  const out: RuleOutput = { candidates: [], scopes: [] };
  for (const rule of RULES) {
    if (rule.gate.test(text)) rule.find(text, out);
  }
  if (out.candidates.length === 0) return [];

  const claimed = claimBuffer(text.length);
  const stamp = ++claimStamp;
  const accepted: Candidate[] = [];
  for (const c of out.candidates) {
    if (!c.claimOnly) {
      let free = true;
      for (let i = c.start; i < c.end; i++) {
        if (claimed[i] === stamp) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      accepted.push(c);
    }
    claimed.fill(stamp, c.start, c.end);
  }

  const commands = HAS_COMMAND_REGION.test(text) ? commandRegions(text) : [];
  for (const c of accepted) {
    if (c.region !== null) continue;
    if (c.acceptsCommandRegion) c.region = regionAt(out.scopes, c.start) ?? regionAt(commands, c.start);
    else if (c.type === 's3-bucket' && commands.length > 0) {
      const command = commands.find((r) => c.start >= r.start && c.start < r.end);
      if (command?.s3) c.region = command.region;
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
