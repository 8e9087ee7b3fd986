import { isPlaceholderName } from '../placeholders';
import { candidate, claim, type ExtractionRule } from './rule';

const S3_URI =
  /(?<![\w-])s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?=[/\s"'<>),;|`]|\.(?:\s|$)|$)[^\s"'<>|`]*/gi;

/** `s3://bucket/key` URIs. The key is claimed too, so nothing inside it becomes a hostname. */
export const s3UriRule: ExtractionRule = {
  id: 's3-uri',
  types: ['s3-bucket'],
  description: 's3://BUCKET/… — value is the bucket name, lowercase; no region (buckets ignore --region)',
  gate: /s3:\/\//i,
  find(text, out) {
    S3_URI.lastIndex = 0;
    for (let m = S3_URI.exec(text); m; m = S3_URI.exec(text)) {
      const value = (m[1] ?? '').toLowerCase();
      const bucketEnd = m.index + 5 + value.length;
      out.candidates.push(
        candidate({
          type: 's3-bucket',
          value,
          start: m.index,
          end: bucketEnd,
          placeholder: isPlaceholderName(value),
          acceptsCommandRegion: false,
        }),
      );
      out.candidates.push(claim(bucketEnd, m.index + m[0].length));
    }
  },
  examples: {
    positive: [
      {
        text: 'aws s3 cp s3://acme-db-backups/orders/2024-05-01.sql.gz . --region eu-west-1',
        expect: [{ type: 's3-bucket', value: 'acme-db-backups', region: 'eu-west-1' }],
      },
      { text: 'logs land in s3://ACME.Logs.Prod.', expect: [{ type: 's3-bucket', value: 'acme.logs.prod' }] },
      {
        text: 'aws s3 ls s3://my-bucket/',
        expect: [{ type: 's3-bucket', value: 'my-bucket', placeholder: true }],
      },
    ],
    negative: ['aws s3 ls s3://${BACKUP_BUCKET}/', 'aws s3 ls s3://<bucket>/'],
  },
};
