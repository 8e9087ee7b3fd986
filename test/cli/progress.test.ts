import { progressOn } from '../../src/cli/progress';

describe('progress on stderr', () => {
  it('draws pages, rate and ETA on a terminal, and clears the line at the end', () => {
    let out = '';
    let now = 0;
    const p = progressOn({ write: (s: string) => (out += s), isTTY: true }, 'Extracting', () => now);
    now = 2000;
    p.update(500, 0.25);
    p.end();
    expect(out).toContain('Extracting: 500 pages · 250 pages/s · 25% · ETA 6 s');
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    let out = '';
    const p = progressOn({ write: (s: string) => (out += s), isTTY: false }, 'Extracting', () => 5000);
    p.update(500, 0.5);
    p.end();
    expect(out).toBe('');
  });
});
