import { extractPage } from './extract-page';
import { walkStorage, type WalkMeter } from './storage-walker';

/**
 * One pathological page per dimension, at n and 2n. Linearity is asserted on the work the walker
 * does beyond tokenizing (characters it reads again, counted by its meter), never on time: the
 * work must be bounded by a constant times the input and double, not quadruple, with it.
 */
function work(storage: string): { reread: number; blocks: ReturnType<typeof walkStorage> } {
  const meter: WalkMeter = { reread: 0 };
  const blocks = walkStorage(storage, meter);
  return { reread: meter.reread, blocks };
}

function expectLinear(page: (n: number) => string, n: number, perInputChar = 4): void {
  const small = page(n);
  const large = page(2 * n);
  const a = work(small).reread;
  const b = work(large).reread;
  expect(a).toBeGreaterThan(0);
  expect(a).toBeLessThanOrEqual(perInputChar * small.length);
  expect(b).toBeLessThanOrEqual(perInputChar * large.length);
  // Quadratic work would make this ratio about 4.
  expect(b / a).toBeLessThan(2.2);
}

const href = (i: number): string => `https://h${i}.ops.example.com/d/${i}`;

describe('storage walker: linear in every dimension', () => {
  it('links in one <br/>-separated paragraph', () => {
    const page = (n: number): string =>
      `<p>${Array.from({ length: n }, (_, i) => `<a href="${href(i)}">dashboard ${i}</a>`).join('<br/>')}</p>`;
    expectLinear(page, 4000);
    // Same output as before: each target not shown in its text is appended once, in order.
    const [block] = work(page(3)).blocks;
    expect(block?.text).toBe(`dashboard 0 ${href(0)} \ndashboard 1 ${href(1)} \ndashboard 2 ${href(2)} `);
  });

  it('links in one table row, some showing their target', () => {
    const page = (n: number): string =>
      `<table><tr><td>${Array.from({ length: n }, (_, i) =>
        i % 2 === 0 ? `<a href="${href(i)}">${href(i)}</a>` : `<a href="${href(i)}">see</a>`,
      ).join('<br/>')}</td></tr></table>`;
    expectLinear(page, 4000);
    const [block] = work(page(2)).blocks;
    expect(block?.text).toBe(`${href(0)} see ${href(1)} `);
  });

  it('links inside links, however deep', () => {
    const page = (n: number): string =>
      Array.from({ length: n }, (_, i) => `<a href="${href(i)}">n${i} `).join('') + '</a>'.repeat(n);
    // Each of the checked levels (8) reads its text once more.
    expectLinear(page, 2000, 12);
  });

  it('a link that spans a block break is read against the block it closes in', () => {
    const blocks = work(`<div>intro <a href="${href(1)}">x<p>more</p>tail</a></div>`).blocks;
    expect(blocks.map((b) => b.text)).toEqual(['intro x', 'more', `tail ${href(1)} `]);
  });

  it('blocks per page', () => {
    const page = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => `<h2>Step ${i}</h2><p>restart i-0${i.toString(16).padStart(16, '0')} then check</p>`,
      ).join('');
    expectLinear(page, 4000);
    expect(work(page(4000)).blocks).toHaveLength(8000);
  });

  it('attributes per element', () => {
    const page = (n: number): string =>
      `<p ${Array.from({ length: n }, (_, i) => `data-a${i}="v${i}"`).join(' ')}>see i-0123456789abcdef0</p>`;
    expectLinear(page, 8000);
    // Attributes never become text.
    expect(work(page(8000)).blocks).toEqual(work('<p>see i-0123456789abcdef0</p>').blocks);
  });

  it('kind changes in one block keep each reference on its own kind', () => {
    const n = 5000;
    const storage = `<p>${Array.from(
      { length: n },
      (_, i) => `<code>i-0${i.toString(16).padStart(16, '0')}</code> then`,
    ).join(' ')}</p>`;
    const { entities } = extractPage({ id: '1', title: 't', version: 1, storage });
    expect(entities).toHaveLength(n);
    expect(entities.every((e) => e.location.kind === 'inline-code')).toBe(true);
  });
});
