import { EXAMPLE_CONTEXT_EXAMPLES } from './example-context';
import { extractPage } from './extract-page';

const extract = (storage: string) =>
  extractPage({ id: '1', title: 't', version: 1, storage }).entities.filter((e) => e.type !== 'region');

describe('example context', () => {
  test.each(EXAMPLE_CONTEXT_EXAMPLES.examples.map((s) => [s] as const))(
    'every reference is an example in %s',
    (storage) => {
      const entities = extract(storage);
      expect(entities.length).toBeGreaterThan(0);
      expect(entities.filter((e) => !e.placeholder && e.type !== 'aws-account').map((e) => e.value)).toEqual(
        [],
      );
    },
  );

  test.each(EXAMPLE_CONTEXT_EXAMPLES.real.map((s) => [s] as const))(
    'real references stay real in %s',
    (storage) => {
      const real = extract(storage).filter((e) => !e.placeholder);
      expect(real.length).toBeGreaterThan(0);
    },
  );

  test('one value gets one verdict per page: an example spelling makes every spelling an example', () => {
    const entities = extract(
      '<p>Bucket acme-exports holds the files.</p><p>The following example copies an object.</p><pre>aws s3 cp a.txt s3://acme-exports/a.txt</pre>',
    );
    const buckets = entities.filter((e) => e.type === 's3-bucket');
    expect(buckets.map((b) => [b.value, b.placeholder])).toEqual([['acme-exports', true]]);
  });
});
