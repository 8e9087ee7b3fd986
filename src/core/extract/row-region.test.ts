import { extractPage } from './extract-page';

const extract = (storage: string) => extractPage({ id: '1', title: 't', version: 1, storage }).entities;

describe('regions stated by a table row', () => {
  test("a row's Region or AZ column is the region of that row's references", () => {
    const entities = extract(
      '<p>Region: eu-west-1</p><table><tbody><tr><th>Host</th><th>Instance</th><th>AZ</th></tr>' +
        '<tr><td>web-1</td><td>i-04b3cea91ee9ade35</td><td>us-east-1b</td></tr>' +
        '<tr><td>web-2</td><td>i-0c8ecf5b7e746e99d</td><td>eu-west-1a</td></tr>' +
        '<tr><td>logs</td><td>s3://acme-web-logs-use1</td><td>us-east-1</td></tr></tbody></table>',
    );
    const region = (v: string) => entities.find((e) => e.value === v);
    expect(region('i-04b3cea91ee9ade35')).toMatchObject({ region: 'us-east-1', regionSource: 'row' });
    expect(region('i-0c8ecf5b7e746e99d')).toMatchObject({ region: 'eu-west-1', regionSource: 'row' });
    expect(region('acme-web-logs-use1')).toMatchObject({ region: 'us-east-1', regionSource: 'row' });
  });

  test('a row naming two regions states none', () => {
    const entities = extract(
      '<table><tbody><tr><td>orders-prod</td><td>arn:aws:iam::210987654321:role/x</td><td>eu-west-1</td><td>us-east-1</td><td>i-04b3cea91ee9ade35</td></tr></tbody></table>',
    );
    expect(entities.find((e) => e.value === 'i-04b3cea91ee9ade35')?.region).toBeNull();
  });

  test("--region on an aws s3 / s3api line is the bucket's expected region, not on other commands", () => {
    const entities = extract(
      '<pre>aws s3 ls s3://acme-reports-eu/ --region eu-central-1\naws --profile prod s3api head-bucket --bucket acme-archive-us --region us-west-2\naws cloudformation package --s3-bucket acme-cfn --region eu-west-1 s3://acme-cfn-artifacts</pre>',
    );
    const region = (v: string) => entities.find((e) => e.value === v)?.region;
    expect(region('acme-reports-eu')).toBe('eu-central-1');
    expect(region('acme-archive-us')).toBe('us-west-2');
    expect(region('acme-cfn-artifacts')).toBeNull();
  });
});
