import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors';

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
};

/** Reads and parses a JSON file given on the command line; any failure is one usage-error line. */
export async function readJsonFile(file: string, cwd: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `${file}: ${READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be read'}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`);
  }
}

/** `[3].body.storage` style paths for validation messages. */
export function describePath(issuePath: readonly PropertyKey[]): string {
  return issuePath
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}
