import type { CliIo } from '../../src/cli/io';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function fakeIo(options: { tty?: boolean; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
