import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { HOST_REASONS, REFERENCE_TYPES, REGION_SOURCES, type PageExtraction } from '../../core/extract';
import { UsageError } from '../errors';

/**
 * `--cache DIR`: one file per page with the version it was extracted at and its extraction, under a
 * folder per site and extractor build, so a re-run re-extracts only pages whose version changed and a
 * new extractor never reuses an old one's results. Entries are validated on read; a bad one is a miss.
 */
export interface ExtractionCache {
  get(pageId: string, version: number): Promise<PageExtraction | null>;
  put(extraction: PageExtraction): Promise<void>;
}

const MAX_ENTRY_BYTES = 32 * 1024 * 1024;

const referenceSchema = z.object({
  type: z.enum(REFERENCE_TYPES),
  value: z.string().max(4096),
  region: z.string().max(64).nullable(),
  regionSource: z.enum(REGION_SOURCES).nullable(),
  account: z.string().max(12).nullable(),
  aliases: z.array(z.string().max(4096)).max(10_000),
  placeholder: z.boolean(),
  location: z.object({
    headingPath: z.array(z.string().max(10_000)).max(64),
    kind: z.enum(['prose', 'table', 'inline-code', 'code-block']),
  }),
  occurrences: z.number().int().positive(),
  context: z.string().max(10_000),
  hostReason: z.enum(HOST_REASONS).optional(),
});
const entrySchema = z.object({
  pageId: z.string().max(20),
  title: z.string().max(1000),
  version: z.number().int().nonnegative(),
  entities: z.array(referenceSchema).max(1_000_000),
});

/** A fingerprint of the extractor's code: cached results from another build are never reused. */
let engineKey: string | null = null;
function extractorFingerprint(): string {
  if (engineKey !== null) return engineKey;
  const hash = createHash('sha256');
  const dir = path.join(__dirname, '..', '..', 'core', 'extract');
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(js|ts)$/.test(name) && !/\.test\./.test(name))
        hash.update(name).update(readFileSync(file));
    }
  };
  walk(dir);
  engineKey = hash.digest('hex').slice(0, 16);
  return engineKey;
}

export async function openCache(dir: string, siteUrl: string): Promise<ExtractionCache> {
  const site = createHash('sha256').update(siteUrl).digest('hex').slice(0, 16);
  const folder = path.join(dir, site, extractorFingerprint());
  try {
    await mkdir(folder, { recursive: true });
    await readdir(folder);
  } catch (error) {
    throw new UsageError(
      `--cache: ${dir} cannot be used (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const fileOf = (pageId: string): string =>
    path.join(folder, `${pageId.replace(/[^0-9A-Za-z_-]/g, '_')}.json`);
  return {
    async get(pageId, version) {
      let text: string;
      try {
        text = await readFile(fileOf(pageId), 'utf8');
      } catch {
        return null;
      }
      if (text.length > MAX_ENTRY_BYTES) return null;
      try {
        const parsed = entrySchema.safeParse(JSON.parse(text));
        return parsed.success && parsed.data.pageId === pageId && parsed.data.version === version
          ? parsed.data
          : null;
      } catch {
        return null;
      }
    },
    async put(extraction) {
      const file = fileOf(extraction.pageId);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify(extraction), 'utf8');
        await rename(temporary, file);
      } catch (error) {
        throw new UsageError(
          `--cache: cannot write ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
    },
  };
}
