import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { TokenParser, Tokenizer, TokenType } from '@streamparser/json';
import type { PageInput } from '../core/extract';
import { UsageError } from './errors';
import { validatedPage } from './pages-file';

/**
 * Reads a pages file one page at a time, so memory stays flat however large the file: a JSON page
 * list (`{"results":[…]}` or `[…]`) through a streaming JSON parser, or NDJSON (one page per line).
 * Each page is validated as the whole-file reader validates it; the first problem is one line.
 */
export type PagesFormat = 'json' | 'ndjson';

const CHUNK = 1 << 20;
/** A page larger than this (one line of NDJSON, one storage body) is refused, not buffered. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

export interface PagesProgress {
  bytesRead: number;
  totalBytes: number;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
};

export async function* streamPagesFile(
  file: string,
  cwd: string,
  format: PagesFormat,
  onProgress?: (progress: PagesProgress) => void,
): AsyncGenerator<PageInput> {
  const full = path.resolve(cwd, file);
  let totalBytes: number;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    totalBytes = info.size;
  } catch (error) {
    throw new UsageError(
      `${file}: ${READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be read'}`,
    );
  }
  const stream = createReadStream(full, { highWaterMark: CHUNK });
  // Counted as consumed (a 'data' listener would switch the stream to flowing and buffer it all).
  async function* counted(): AsyncGenerator<Buffer> {
    let bytesRead = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      onProgress?.({ bytesRead, totalBytes });
      yield chunk;
    }
  }
  try {
    if (format === 'ndjson') yield* ndjsonPages(counted(), file);
    else yield* jsonPages(counted(), file);
  } finally {
    stream.destroy();
  }
}

async function* ndjsonPages(chunks: AsyncIterable<Buffer>, source: string): AsyncGenerator<PageInput> {
  const decoder = new StringDecoder('utf8');
  let index = 0;
  let lineNumber = 0;
  let rest = '';
  const parseLine = (line: string): PageInput | null => {
    lineNumber++;
    if (line.trim() === '') return null;
    let item: unknown;
    try {
      item = JSON.parse(line) as unknown;
    } catch (error) {
      throw new UsageError(`${source}: line ${lineNumber} is not valid JSON (${(error as Error).message})`);
    }
    return validatedPage(item, index++, source);
  };
  for await (const chunk of chunks) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const page = parseLine(text.slice(start, nl));
      start = nl + 1;
      if (page) yield page;
    }
    rest = text.slice(start);
    if (rest.length > MAX_PAGE_BYTES)
      throw new UsageError(`${source}: line ${lineNumber + 1} is larger than ${MAX_PAGE_BYTES} bytes`);
  }
  const page = parseLine(rest + decoder.end());
  if (page) yield page;
}

/**
 * The tokenizer's tokens go to a token parser that emits only the pages (`$.results.*`, or `$.*`
 * for a bare array) and forgets each once emitted; a watch on the top-level keys tells a page list
 * with no pages from a document that is not a page list.
 */
async function* jsonPages(stream: AsyncIterable<Buffer>, source: string): AsyncGenerator<PageInput> {
  const ready: unknown[] = [];
  let failure: Error | null = null;
  let parser: { tokenizer: Tokenizer; tokens: TokenParser } | null = null;
  let topLevel: 'object' | 'array' | null = null;
  let depth = 0;
  let lastString: string | null = null;
  let sawResults = false;

  const start = (kind: 'object' | 'array'): { tokenizer: Tokenizer; tokens: TokenParser } => {
    topLevel = kind;
    const tokenizer = new Tokenizer({ stringBufferSize: 64 * 1024 });
    const tokens = new TokenParser({ paths: [kind === 'array' ? '$.*' : '$.results.*'], keepStack: false });
    tokenizer.onToken = (info) => {
      if (info.token === TokenType.LEFT_BRACE || info.token === TokenType.LEFT_BRACKET) depth++;
      else if (info.token === TokenType.RIGHT_BRACE || info.token === TokenType.RIGHT_BRACKET) depth--;
      else if (info.token === TokenType.STRING) lastString = String(info.value);
      else if (info.token === TokenType.COLON && depth === 1 && lastString === 'results') sawResults = true;
      tokens.write(info);
    };
    tokens.onValue = ({ value }) => {
      ready.push(value);
    };
    tokenizer.onError = (error) => (failure ??= error);
    tokens.onError = (error) => (failure ??= error);
    // The tokenizer's end ends the token parser, which throws without a handler.
    tokens.onEnd = () => undefined;
    return { tokenizer, tokens };
  };

  let index = 0;
  let sinceLastPage = 0;
  for await (const chunk of stream) {
    if (parser === null) {
      const first = chunk.toString('utf8', 0, Math.min(chunk.length, 64)).trimStart()[0];
      if (first !== '{' && first !== '[')
        throw new UsageError(
          `${source}: expected a Confluence page list {"results":[…]} or a JSON array of pages`,
        );
      parser = start(first === '[' ? 'array' : 'object');
    }
    parser.tokenizer.write(chunk);
    if (failure) throw new UsageError(`${source}: not valid JSON (${(failure as Error).message})`);
    sinceLastPage = ready.length > 0 ? 0 : sinceLastPage + chunk.length;
    if (sinceLastPage > MAX_PAGE_BYTES)
      throw new UsageError(`${source}: a page is larger than ${MAX_PAGE_BYTES} bytes`);
    for (const item of ready) yield validatedPage(item, index++, source);
    ready.length = 0;
  }
  if (parser === null)
    throw new UsageError(
      `${source}: expected a Confluence page list {"results":[…]} or a JSON array of pages`,
    );
  parser.tokenizer.end();
  if (failure || depth !== 0)
    throw new UsageError(
      `${source}: not valid JSON (${failure ? (failure as Error).message : 'the document ends early'})`,
    );
  for (const item of ready) yield validatedPage(item, index++, source);
  if (topLevel === 'object' && !sawResults)
    throw new UsageError(
      `${source}: expected a Confluence page list {"results":[…]} or a JSON array of pages`,
    );
}
