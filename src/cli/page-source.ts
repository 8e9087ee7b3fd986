import { extractPage, type PageExtraction } from '../core/extract';
import type { ConfluenceDeps, ConfluenceFlags } from './confluence/source';
import { openConfluence } from './confluence/source';
import type { CliIo, CliOutput } from './io';
import { streamPagesFile, type PagesFormat } from './pages-stream';
import { progressOn } from './progress';

/** Where `extract` and `scan` take their pages from: a pages file (streamed) or a Confluence site. */
export type PageSource =
  | { kind: 'file'; file: string; format: PagesFormat }
  | { kind: 'confluence'; flags: ConfluenceFlags; deps?: ConfluenceDeps | undefined };

/** `--pages-format` default: NDJSON for .ndjson/.jsonl files, else JSON. */
export function pagesFormatFor(file: string, given: PagesFormat | undefined): PagesFormat {
  return given ?? (/\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : 'json');
}

/**
 * Extractions one page at a time, with progress on a terminal's stderr. The site is opened (and
 * its credentials and spaces checked) before the first page is asked for.
 */
export async function openExtractions(
  source: PageSource,
  io: CliIo,
  label: string,
): Promise<AsyncGenerator<PageExtraction>> {
  const progress = progressOn(io.stderr, label);
  if (source.kind === 'confluence') {
    const read = await openConfluence(source.flags, io.env, {
      ...source.deps,
      onProgress: (done, total) => progress.update(done, total === 0 ? null : done / total),
    });
    return (async function* () {
      try {
        for await (const sourced of read.pages) yield sourced.extraction;
      } finally {
        progress.end();
      }
    })();
  }
  let fraction: number | null = null;
  const pages = streamPagesFile(source.file, io.cwd, source.format, ({ bytesRead, totalBytes }) => {
    fraction = totalBytes > 0 ? bytesRead / totalBytes : null;
  });
  return (async function* () {
    let done = 0;
    try {
      for await (const page of pages) {
        yield extractPage(page);
        progress.update(++done, fraction);
      }
    } finally {
      progress.end();
    }
  })();
}

/**
 * Collects small writes into large ones (one write per 256 KiB instead of one per line) and waits
 * for 'drain' when the stream says its buffer is full: stdout to a slow pipe must not buffer the
 * whole output in memory.
 */
export function bufferedWriter(out: CliOutput): {
  write(text: string): Promise<void>;
  flush(): Promise<void>;
} {
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    size = 0;
    const drained = out.write(chunk);
    const stream = out as CliOutput & { once?: (event: 'drain', listener: () => void) => unknown };
    if (drained === false && typeof stream.once === 'function')
      await new Promise<void>((resolve) => stream.once?.('drain', resolve));
  };
  return {
    async write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 256 * 1024) await flush();
    },
    flush,
  };
}
