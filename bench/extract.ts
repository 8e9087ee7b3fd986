import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractPage, type PageInput } from '../src/core/extract';
import { parsePagesDocument } from '../src/cli/pages-file';
import { packageRoot } from '../src/cli/package-root';
import { generateSpace } from './generate-space';
import { heapPeakDuring, line, peakRssMiB, timeMs } from './measure';

function bytesOf(pages: readonly PageInput[]): number {
  return pages.reduce((n, p) => n + Buffer.byteLength(p.storage), 0);
}

function throughput(label: string, pages: readonly PageInput[], runs: number): number {
  const bytes = bytesOf(pages);
  let references = 0;
  const { ms, heapPeakMiB } = heapPeakDuring(() => {
    for (let r = 0; r < runs; r++) for (const p of pages) references += extractPage(p).entities.length;
  });
  const perRunMs = ms / runs;
  const mbps = bytes / (1 << 20) / (perRunMs / 1000);
  line(`${label}: pages`, `${pages.length} (${(bytes / (1 << 20)).toFixed(1)} MiB of storage XHTML)`);
  line(
    `${label}: throughput`,
    `${mbps.toFixed(1)} MiB/s, ${Math.round(pages.length / (perRunMs / 1000))} pages/s`,
  );
  line(`${label}: references per run`, `${references / runs}`);
  line(`${label}: heap growth while extracting`, `${heapPeakMiB.toFixed(1)} MiB`);
  return mbps;
}

function labeledCorpus(): PageInput[] {
  const dir = path.join(packageRoot(), 'test', 'corpus');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      parsePagesDocument([JSON.parse(readFileSync(path.join(dir, d.name, 'page.json'), 'utf8'))], d.name),
    );
}

export function benchExtract(): void {
  console.log('\nExtraction (one core)');
  const space = generateSpace(10_000);
  throughput('generated 10,000-page space', space, 1);
  throughput('labeled corpus (x20 runs)', labeledCorpus(), 20);

  console.log('  growth with input size (generated pages):');
  const base = space.slice(0, 625);
  for (const factor of [1, 4, 16]) {
    const slice = space.slice(0, base.length * factor);
    const ms = timeMs(() => slice.forEach((p) => extractPage(p)));
    line(
      `    ${factor}x (${slice.length} pages)`,
      `${ms.toFixed(0)} ms (${(ms / factor).toFixed(0)} ms per 1x)`,
    );
  }

  console.log('  pathological input (one line of id-like fragments):');
  for (const factor of [1, 4, 16]) {
    const storage = `<p>${'i-0a1b2c3d sg-0f3e2d1c- subnet-0a1b2c3-vpc- a.b.c '.repeat(Math.round((65536 * factor) / 50))}</p>`;
    const ms = timeMs(() => extractPage({ id: 'p', title: 'p', version: 1, storage }), 3);
    line(`    ${factor * 64} KiB`, `${ms.toFixed(1)} ms (${(ms / factor).toFixed(1)} ms per 64 KiB)`);
  }
  console.log('  pathological input (links in one <br/>-separated paragraph; was quadratic):');
  for (const links of [4000, 8000, 16000]) {
    const storage = `<p>${Array.from({ length: links }, (_, i) => `<a href="https://h${i}.ops.example.com/d">dashboard</a>`).join('<br/>')}</p>`;
    const ms = timeMs(() => extractPage({ id: 'p', title: 'p', version: 1, storage }), 3);
    line(`    ${links} links`, `${ms.toFixed(1)} ms (${((ms / links) * 1000).toFixed(1)} µs per link)`);
  }
  line('peak RSS so far (includes the generated corpus)', `${peakRssMiB().toFixed(0)} MiB`);
}
