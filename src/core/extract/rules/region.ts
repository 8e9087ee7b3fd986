import { REGION_SOURCE } from '../regions';
import { candidate, type ExtractionRule } from './rule';

const STANDALONE_REGION = new RegExp(`(?<![\\w.:/@-])(${REGION_SOURCE})(?![\\w/@:-]|\\.\\w)`, 'gi');
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>|`]+/gi;

/** Region codes written on their own (`Region: eu-west-1`, `--region us-east-1`), not inside a URL. */
export const regionRule: ExtractionRule = {
  id: 'region',
  types: ['region'],
  description: 'a region code not part of an ARN, hostname or URL; its region is itself',
  gate: /-\d/,
  find(text, out) {
    let urls: Array<[number, number]> | null = null;
    STANDALONE_REGION.lastIndex = 0;
    for (let m = STANDALONE_REGION.exec(text); m; m = STANDALONE_REGION.exec(text)) {
      if (!urls) {
        urls = [];
        URL.lastIndex = 0;
        for (let u = URL.exec(text); u; u = URL.exec(text)) urls.push([u.index, u.index + u[0].length]);
      }
      const at = m.index;
      if (urls.some(([s, e]) => at >= s && at < e)) continue;
      const value = (m[1] ?? '').toLowerCase();
      out.candidates.push(
        candidate({
          type: 'region',
          value,
          start: at,
          end: at + value.length,
          region: value,
          acceptsCommandRegion: false,
          acceptsContextRegion: false,
        }),
      );
    }
  },
  examples: {
    positive: [
      { text: 'Region: eu-west-1', expect: [{ type: 'region', value: 'eu-west-1', region: 'eu-west-1' }] },
      {
        text: 'aws ec2 describe-vpcs --region us-gov-west-1',
        expect: [{ type: 'region', value: 'us-gov-west-1' }],
      },
      { text: 'export AWS_REGION=ap-southeast-2', expect: [{ type: 'region', value: 'ap-southeast-2' }] },
      { text: 'fail over to cn-northwest-1.', expect: [{ type: 'region', value: 'cn-northwest-1' }] },
    ],
    negative: [
      'https://grafana.acme.io/d/x?var-region=eu-west-1',
      'db.abc.eu-west-1.rds.amazonaws.com',
      'arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-0a9b8c7d',
      'eu-west-10x',
    ],
  },
};
