import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { generatePage } from '../../bench/generate-space';

/**
 * Streaming with bounded memory: a generated 300 MB pages file (written page by page, deleted
 * afterwards) goes through the real CLI process with its heap capped at 256 MB. A CLI that held the
 * file, its pages or their extractions would die of heap exhaustion; a streaming one finishes and
 * writes one line per page (extract) or per finding plus a summary (scan).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'runbookguard.js');
const TARGET_BYTES = 300 * 1024 * 1024;

let dir: string;
let pagesWritten = 0;

async function writeInput(file: string, ndjson: boolean): Promise<number> {
  const out = createWriteStream(file);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let bytes = 0;
  let pages = 0;
  if (!ndjson) await write('{"results":[');
  while (bytes < TARGET_BYTES) {
    const p = generatePage(pages);
    const line = JSON.stringify({
      id: p.id,
      title: p.title,
      version: { number: p.version },
      body: { storage: { value: p.storage } },
    });
    await write(ndjson ? `${line}\n` : `${pages === 0 ? '' : ','}${line}`);
    bytes += line.length;
    pages++;
  }
  if (!ndjson) await write(']}');
  out.end();
  await once(out, 'finish');
  return pages;
}

/** Runs the CLI under the heap cap, counting stdout lines without keeping them. */
function run(args: string[]): Promise<{ code: number | null; lines: number; last: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', BIN, ...args], { cwd: dir });
    let lines = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      // Enough for the whole last line (one page's extraction, or the summary).
      tail = (tail + chunk.toString('utf8')).slice(-(1 << 20));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = tail.trimEnd().split('\n').at(-1) ?? '';
      resolve({ code, lines, last, stderr });
    });
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run npm run build first (CI builds on npm ci)');
  dir = mkdtempSync(path.join(tmpdir(), 'rg-stream-'));
  pagesWritten = await writeInput(path.join(dir, 'pages.json'), false);
  expect(await writeInput(path.join(dir, 'pages.ndjson'), true)).toBe(pagesWritten);
  expect(statSync(path.join(dir, 'pages.json')).size).toBeGreaterThanOrEqual(TARGET_BYTES);
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('300 MB of pages under a 256 MB heap', () => {
  it('extract streams a JSON page list to NDJSON, one line per page', async () => {
    const r = await run(['extract', '--pages', 'pages.json', '--format', 'ndjson']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines).toBe(pagesWritten);
    const last = JSON.parse(r.last) as { pageId: string; entities: unknown[] };
    expect(last.pageId).toBe(String(100000 + pagesWritten - 1));
    expect(last.entities.length).toBeGreaterThan(10);
  }, 900_000);

  it('scan streams NDJSON pages to NDJSON findings and a summary', async () => {
    const r = await run([
      'scan',
      '--pages',
      'pages.ndjson',
      '--inventory',
      path.join(ROOT, 'demo', 'snapshot.json'),
      '--format',
      'ndjson',
      '--fail-on',
      'never',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = (JSON.parse(r.last) as { summary: { findings: number; references: number } }).summary;
    expect(summary.findings).toBeGreaterThan(pagesWritten);
    expect(r.lines).toBe(summary.findings + 1);
    expect(summary.references).toBeGreaterThan(pagesWritten * 10);
  }, 900_000);
});
