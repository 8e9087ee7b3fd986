import { extractPage } from '../extract-page';
import { RULES } from './index';

function extractText(text: string) {
  // Each example is one paragraph of a page, so the whole pipeline (walker, priorities, regions) runs.
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br/>');
  return extractPage({ id: '1', title: 't', version: 1, storage: `<p>${escaped}</p>` }).entities;
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  test.each(rule.examples.positive.map((e) => [e.text, e] as const))(
    'finds references in %j',
    (_text, example) => {
      const entities = extractText(example.text);
      for (const expected of example.expect) {
        const found = entities.find((e) => e.type === expected.type && e.value === expected.value);
        expect(found).toBeDefined();
        if (expected.region !== undefined) expect(found?.region ?? null).toBe(expected.region);
        expect(found?.placeholder).toBe(expected.placeholder ?? false);
      }
    },
  );

  test.each(rule.examples.negative.map((text) => [text] as const))('finds nothing in %j', (text) => {
    const real = extractText(text).filter((e) => !e.placeholder && rule.types.includes(e.type));
    expect(real).toEqual([]);
  });
});
