import { extractPage } from './extract-page';
import type { Reference } from './types';

const page = (storage: string) => extractPage({ id: '42', title: 'Runbook', version: 3, storage });
const find = (entities: Reference[], value: string) => entities.find((e) => e.value === value);

describe('storage format', () => {
  test('reads code and noformat macros with CDATA bodies, skipping their settings', () => {
    const { entities } = page(
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">bash</ac:parameter>' +
        '<ac:parameter ac:name="title">Restart checkout</ac:parameter>' +
        '<ac:plain-text-body><![CDATA[aws ecs update-service --cluster checkout-prod --service api]]></ac:plain-text-body>' +
        '</ac:structured-macro><ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[ssh 10.1.2.3]]></ac:plain-text-body></ac:structured-macro>',
    );
    expect(find(entities, 'checkout-prod')?.location.kind).toBe('code-block');
    expect(find(entities, '10.1.2.3')?.location.kind).toBe('code-block');
    expect(entities.map((e) => e.value)).not.toContain('bash');
  });

  test('tells inline code, tables and prose apart and keeps the heading path', () => {
    const { entities } = page(
      '<h1>Orders</h1><h2>Failover</h2><p>Stop <code>i-0a1b2c3d4e5f60718</code> then i-0b1b2c3d4e5f60718.</p>' +
        '<h3>Checks</h3><table><tbody><tr><th>SG</th></tr><tr><td><p>sg-0f3e2d1c</p></td></tr></tbody></table>' +
        '<h2>Rollback</h2><p>vpc-0a9b8c7d</p>',
    );
    expect(find(entities, 'i-0a1b2c3d4e5f60718')?.location).toEqual({
      headingPath: ['Orders', 'Failover'],
      kind: 'inline-code',
    });
    expect(find(entities, 'i-0b1b2c3d4e5f60718')?.location.kind).toBe('prose');
    expect(find(entities, 'sg-0f3e2d1c')?.location).toEqual({
      headingPath: ['Orders', 'Failover', 'Checks'],
      kind: 'table',
    });
    expect(find(entities, 'vpc-0a9b8c7d')?.location.headingPath).toEqual(['Orders', 'Rollback']);
  });

  test('reads link targets, ri:url values, macros with rich text, <br/> and entities', () => {
    const { entities } = page(
      '<p><a href="https://grafana.ops.acme.io/d/x">dashboard</a> and <ac:link><ri:page ri:content-title="Orders"/></ac:link></p>' +
        '<ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Never reboot&nbsp;i-0c1b2c3d4e5f60718&nbsp;in business hours</p></ac:rich-text-body></ac:structured-macro>' +
        '<ac:structured-macro ac:name="expand"><ac:parameter ac:name="title">Old hosts i-0d1b2c3d</ac:parameter><ac:rich-text-body><p>10.0.3.4<br/>10.0.3.5</p></ac:rich-text-body></ac:structured-macro>' +
        '<ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Red</ac:parameter><ac:parameter ac:name="title">STALE</ac:parameter></ac:structured-macro>' +
        '<p>s3&#58;//acme-backups&#x2F;daily &amp; more</p>',
    );
    expect(entities.map((e) => e.value).sort()).toEqual(
      [
        '10.0.3.4',
        '10.0.3.5',
        'acme-backups',
        'grafana.ops.acme.io',
        'i-0c1b2c3d4e5f60718',
        'i-0d1b2c3d',
      ].sort(),
    );
  });

  test('does not read a link target twice when the text shows it', () => {
    const { entities } = page(
      '<p><a href="https://grafana.ops.acme.io/">https://grafana.ops.acme.io/</a></p>',
    );
    expect(find(entities, 'grafana.ops.acme.io')?.occurrences).toBe(1);
  });

  test.each([
    ['unclosed tags', '<p>i-0a1b2c3d4e5f60718 <strong>and <code>sg-0f3e2d1c'],
    ['stray CDATA end', '<p>]]> i-0a1b2c3d4e5f60718</p><p>sg-0f3e2d1c ]]></p>'],
    ['unterminated CDATA', '<p>sg-0f3e2d1c</p><ac:plain-text-body><![CDATA[ssh i-0a1b2c3d4e5f60718'],
    ['garbage tags', '<<p>>i-0a1b2c3d4e5f60718</ p><table><td>sg-0f3e2d1c</tr></table></div></div>'],
  ])('degrades gracefully on %s', (_name, storage) => {
    const values = page(storage).entities.map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining(['i-0a1b2c3d4e5f60718', 'sg-0f3e2d1c']));
  });

  test('empty and text-only pages give no references', () => {
    expect(page('').entities).toEqual([]);
    expect(page('just words, no ids').entities).toEqual([]);
  });
});

describe('regions', () => {
  test('explicit beats section beats page; --region holds for a continued command line only', () => {
    const { entities } = page(
      '<p>Region: eu-west-1</p><p>bastion i-0a1b2c3d4e5f60718</p>' +
        '<h2>DR</h2><p>AWS region: us-west-2</p><h3>Standby</h3><p>standby i-0b1b2c3d4e5f60718</p>' +
        '<pre>aws ec2 reboot-instances \\\n  --instance-ids i-0c1b2c3d4e5f60718 \\\n  --region ap-south-1\naws ec2 stop-instances --instance-ids i-0d1b2c3d4e5f60718</pre>' +
        '<h2>Other</h2><p>arn:aws:ec2:ca-central-1:210987654321:instance/i-0e1b2c3d4e5f60718</p><p>i-0f1b2c3d4e5f60718</p>',
    );
    const regionOf = (v: string) => {
      const e = find(entities, v);
      return [e?.region, e?.regionSource];
    };
    expect(regionOf('i-0a1b2c3d4e5f60718')).toEqual(['eu-west-1', 'page']);
    expect(regionOf('i-0b1b2c3d4e5f60718')).toEqual(['us-west-2', 'section']);
    expect(regionOf('i-0c1b2c3d4e5f60718')).toEqual(['ap-south-1', 'explicit']);
    expect(regionOf('i-0d1b2c3d4e5f60718')).toEqual(['us-west-2', 'section']);
    expect(regionOf('i-0e1b2c3d4e5f60718')).toEqual(['ca-central-1', 'explicit']);
    expect(regionOf('i-0f1b2c3d4e5f60718')).toEqual(['eu-west-1', 'page']);
  });

  test('a line naming two regions is not a statement', () => {
    const { entities } = page('<p>Region: eu-west-1 (DR region: us-east-1)</p><p>i-0a1b2c3d4e5f60718</p>');
    expect(find(entities, 'i-0a1b2c3d4e5f60718')?.region).toBeNull();
  });

  test('a page-properties row states the page region', () => {
    const { entities } = page(
      '<ac:structured-macro ac:name="details"><ac:rich-text-body><table><tbody><tr><th>Region</th><td>eu-central-1</td></tr></tbody></table></ac:rich-text-body></ac:structured-macro><h1>Steps</h1><p>i-0a1b2c3d4e5f60718</p>',
    );
    expect(find(entities, 'i-0a1b2c3d4e5f60718')).toMatchObject({
      region: 'eu-central-1',
      regionSource: 'page',
    });
  });

  test('the same value in two regions is two references', () => {
    const { entities } = page(
      '<p>arn:aws:rds:eu-west-1:210987654321:db:orders</p><p>arn:aws:rds:us-east-1:210987654321:db:orders</p>',
    );
    expect(
      entities
        .filter((e) => e.value === 'orders')
        .map((e) => e.region)
        .sort(),
    ).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('secrets and aliases', () => {
  test('context never carries a secret written next to an endpoint', () => {
    const storage =
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[' +
      'PGPASSWORD=Sup3rS3cret! psql -h orders.c9akciq32xyz.eu-west-1.rds.amazonaws.com\n' +
      "mysql -h 10.2.3.4 -u admin -p'Hunter2!'\n" +
      'redis-cli -h sessions.abc123.ng.0001.euw1.cache.amazonaws.com -a r3disPa55\n' +
      'psql postgres://app:pa55w0rd@db.prod.acme-internal.net/orders\n' +
      'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLF AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEZ s3://acme-x\n' +
      ']]></ac:plain-text-body></ac:structured-macro>';
    const json = JSON.stringify(page(storage));
    for (const secret of [
      'Sup3rS3cret',
      'Hunter2',
      'r3disPa55',
      'pa55w0rd',
      'AKIAIOSFODNN7EXAMPLF',
      'wJalrXUtnFEMI',
    ]) {
      expect(json).not.toContain(secret);
    }
    expect(json).toContain('[REDACTED]');
  });

  test('endpoints are kept as aliases of the resource they name', () => {
    const { entities } = page(
      '<p>billing.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com and billing.cluster-ro-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com</p>',
    );
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'rds-instance', value: 'billing', occurrences: 2 });
    expect(entities[0]?.aliases).toEqual([
      'billing.cluster-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com',
      'billing.cluster-ro-c1a2b3c4d5e6.us-east-1.rds.amazonaws.com',
    ]);
  });

  test('template slots are not references; documentation ids are flagged placeholders', () => {
    const { entities } = page(
      '<pre>aws ec2 start-instances --instance-ids &lt;instance-id&gt;\naws ecs list-services --cluster ${CLUSTER}\naws ec2 describe-instances --instance-ids i-1234567890abcdef0 i-xxxxxxxx</pre>',
    );
    expect(entities.map((e) => [e.value, e.placeholder])).toEqual([
      ['i-1234567890abcdef0', true],
      ['i-xxxxxxxx', true],
    ]);
  });
});
