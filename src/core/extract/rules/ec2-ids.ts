import { isPlaceholderId } from '../placeholders';
import type { ReferenceType } from '../types';
import { candidate, type ExtractionRule } from './rule';

const PREFIX_TYPES: Record<string, ReferenceType> = {
  i: 'ec2-instance',
  sg: 'security-group',
  subnet: 'subnet',
  vpc: 'vpc',
};

// 8 or 17 hex characters, not glued to other word characters: eni-0abc… (an ENI), ami-…,
// vpc-peering and subnet-mask never match.
// The AWS documentation also writes ids as hex ending in EXAMPLE (subnet-0bb1c79de3EXAMPLE): kept as placeholders.
const BARE_ID =
  /(?<![\w-])(i|sg|subnet|vpc)-([0-9a-f]{17}|[0-9a-f]{8}|x{17}|x{8}|[0-9a-f]{1,12}example)(?![\w]|-\w)/gi;

/** Bare EC2 ids in any text: prose, tables, code, flags (`--instance-ids`, `--target`), console fragments. */
export const ec2IdRule: ExtractionRule = {
  id: 'ec2-bare-id',
  types: ['ec2-instance', 'security-group', 'subnet', 'vpc'],
  description: 'i-, sg-, subnet-, vpc- followed by 8 or 17 hex characters; value lowercased',
  gate: /(?:i|sg|subnet|vpc)-[0-9a-fx]/i,
  find(text, out) {
    // i-xxxxxxxx is how docs write "an instance id here": kept, flagged as a placeholder.
    BARE_ID.lastIndex = 0;
    for (let m = BARE_ID.exec(text); m; m = BARE_ID.exec(text)) {
      const value = m[0].toLowerCase();
      const type = PREFIX_TYPES[(m[1] ?? '').toLowerCase()];
      if (!type) continue;
      out.candidates.push(
        candidate({
          type,
          value,
          start: m.index,
          end: m.index + m[0].length,
          placeholder: isPlaceholderId(value),
        }),
      );
    }
  },
  examples: {
    positive: [
      {
        text: 'Bastion is i-0a1b2c3d4e5f60718.',
        expect: [{ type: 'ec2-instance', value: 'i-0a1b2c3d4e5f60718' }],
      },
      { text: 'old box I-9F8E7D6C', expect: [{ type: 'ec2-instance', value: 'i-9f8e7d6c' }] },
      {
        text: 'aws ssm start-session --target i-0fedcba9876543210',
        expect: [{ type: 'ec2-instance', value: 'i-0fedcba9876543210' }],
      },
      { text: 'allow from sg-0f3e2d1c', expect: [{ type: 'security-group', value: 'sg-0f3e2d1c' }] },
      {
        text: 'subnets subnet-0bb1c79de3EXAMPLE? no: subnet-0bb1c79de3a1f2e4d',
        expect: [{ type: 'subnet', value: 'subnet-0bb1c79de3a1f2e4d' }],
      },
      { text: '| vpc-0a9b8c7d | prod |', expect: [{ type: 'vpc', value: 'vpc-0a9b8c7d' }] },
      {
        text: 'docs say i-1234567890abcdef0',
        expect: [{ type: 'ec2-instance', value: 'i-1234567890abcdef0', placeholder: true }],
      },
      {
        text: 'The output lists subnet-0bb1c79de3EXAMPLE and vpc-1a2b3c4d',
        expect: [
          { type: 'subnet', value: 'subnet-0bb1c79de3example', placeholder: true },
          { type: 'vpc', value: 'vpc-1a2b3c4d', placeholder: true },
        ],
      },
      {
        text: 'ids such as i-0abcdef1234567890 and sg-0123456789abcdef0 are made up',
        expect: [
          { type: 'ec2-instance', value: 'i-0abcdef1234567890', placeholder: true },
          { type: 'security-group', value: 'sg-0123456789abcdef0', placeholder: true },
        ],
      },
      {
        text: 'replace sg-xxxxxxxx with yours',
        expect: [{ type: 'security-group', value: 'sg-xxxxxxxx', placeholder: true }],
      },
    ],
    negative: [
      'i-0fedcba98EXAMPLEs is not an id',
      'set up vpc-peering and check the subnet-mask',
      'eni-0a1b2c3d4e5f60718 and ami-0a1b2c3d4e5f60718',
      'i-node exhaustion on /var',
      'sg-rules.yaml',
      'commit 9f8e7d6c5b4a39281706f5e4d3c2b1a098765432',
      'i-0a1b2c3d4e5f6071 (16 hex is not an id)',
    ],
  },
};
