import { EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { processIo, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Commands load lazily so `extract` never pays for the AWS SDK. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  extract: async () => (await import('./commands/extract')).runExtract,
  inventory: async () => (await import('./commands/inventory')).runInventory,
  scan: async () => (await import('./commands/scan')).runScan,
  digest: async () => (await import('./commands/digest')).runDigest,
};

export const MAIN_HELP = `Usage: runbookguard <command> [options]

Finds stale AWS references in Confluence runbooks.

Commands:
  extract    List the AWS references in Confluence pages (--pages FILE or --demo).
  inventory  Snapshot your AWS inventory (read-only, through a role with an External ID).
  scan       Check runbook pages against an inventory: stale, wrong-region, stopped and dangling
             references, with suggested fixes (--demo runs on bundled demo data).
  digest     Render the weekly digest e-mail (HTML and text) from pages and an inventory (--demo too).

Run runbookguard <command> --help for a command's options.`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${MAIN_HELP}\n`);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`runbookguard: unknown command '${name}' (see runbookguard --help)\n`);
    return EXIT_USAGE;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`runbookguard: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // Anything else is our bug: still one line, never a stack trace or a secret-bearing object dump.
    io.stderr.write(
      `runbookguard: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 70;
  }
}
