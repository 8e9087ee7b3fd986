import fc from 'fast-check';
import { extractPage } from './extract-page';

const tagNames = [
  'p',
  'code',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'a',
  'li',
  'ul',
  'br',
  'ac:structured-macro',
  'ac:plain-text-body',
  'ac:parameter',
  'ac:rich-text-body',
  'ac:link',
  'ri:url',
];
const fragments = [
  'i-0a1b2c3d4e5f60718',
  'sg-0f3e2d1c',
  'subnet-',
  'vpc-peering',
  'arn:aws:ec2:eu-west-1:210987654321:instance/',
  'arn:aws:',
  'orders.c9akciq32xyz.eu-west-1.rds.amazonaws.com',
  '.elb.amazonaws.com',
  's3://',
  'https://',
  'console.aws.amazon.com/',
  '--region ',
  'eu-west-1',
  'Region: ',
  'aws ecs update-service --cluster ',
  '\\\n',
  '<![CDATA[',
  ']]>',
  '&nbsp;',
  '&amp;',
  '&#x2F;',
  '"',
  "'",
  '<',
  '>',
  '/',
  '=',
  '10.0.0.',
  '@',
  'password=',
  ' ',
  '\n',
];

const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...fragments),
      fc.constantFrom(...tagNames).map((t) => `<${t} ac:name="code" href="https://x.acme.io/i-0a1b2c3d">`),
      fc.constantFrom(...tagNames).map((t) => `</${t}>`),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

const extract = (storage: string) => extractPage({ id: '1', title: 't', version: 1, storage });

describe('extractor properties', () => {
  test('random and adversarial markup never throws and always yields well-formed references', () => {
    fc.assert(
      fc.property(markup, (storage) => {
        const { entities } = extract(storage);
        for (const e of entities) {
          expect(e.value.length).toBeGreaterThan(0);
          expect(e.occurrences).toBeGreaterThan(0);
          expect(e.context).not.toMatch(/\n/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('output is deterministic', () => {
    fc.assert(
      fc.property(markup, (storage) => {
        expect(extract(storage)).toEqual(extract(storage));
      }),
      { numRuns: 200 },
    );
  });

  test('any unicode input never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => void extract(s)),
      { numRuns: 300 },
    );
  });

  test('the values found do not depend on how a paragraph is wrapped', () => {
    fc.assert(
      fc.property(fc.constantFrom('p', 'li', 'td', 'div', 'blockquote'), (tag) => {
        const inner = 'restart i-0a1b2c3d4e5f60718 behind sg-0f3e2d1c';
        const values = extract(`<${tag}>${inner}</${tag}>`).entities.map((e) => e.value);
        expect(values).toEqual(['i-0a1b2c3d4e5f60718', 'sg-0f3e2d1c']);
      }),
    );
  });
});

describe('pathological input completes (a liveness check; timings live in npm run bench)', () => {
  const mb = 1 << 20;
  test.each([
    ['a 1 MB line of id-like fragments', 'i-0a1b2c3d sg-0f3e2d1c- subnet-0a1b2c3-vpc-'.repeat(mb / 40)],
    ['a 1 MB hostname-like run', 'a-'.repeat(mb / 2) + '.com'],
    ['a 1 MB dotted run', 'a.'.repeat(mb / 2)],
    ['a 1 MB digit run', '1.2.3.'.repeat(mb / 6)],
    ['a 1 MB ARN-like run', 'arn:aws:ec2:eu-west-1:210987654321:'.repeat(mb / 36)],
    ['a 1 MB command with many flags', `aws ecs x ${'--cluster c --region eu-west-1 '.repeat(mb / 32)}`],
    ['10,000 nested tags', '<div>'.repeat(10000) + 'i-0a1b2c3d4e5f60718' + '</div>'.repeat(10000)],
    ['a 1 MB account run', 'account '.repeat(mb / 8)],
  ])('%s', (_name, storage) => {
    expect(() => extract(storage)).not.toThrow();
  });
});
