// The command line: parses arguments, dispatches to one command, maps failures to exit codes.
//   0: nothing at or above --fail-on;  1: findings at or above it;  2: bad usage or unreadable input.
import { ConfigError } from '../config/types.js';
import { DatabaseError } from '../db/database.js';
import { InputError } from '../discover/index.js';
import { VERSION } from '../version.js';
import { COMMANDS, parseCommand, type Command } from './args.js';
import { runCheck } from './check.js';
import { UsageError, type CliIO } from './io.js';
import { runPlan } from './plan.js';
import { runSplit } from './split.js';
import { runTrace } from './trace.js';
import { runBackfillCommand } from './backfill.js';
import { runStats } from './stats.js';
import { usage } from './usage.js';

export { type CliIO } from './io.js';

const RUNNERS: Record<Command, (args: ReturnType<typeof parseCommand>, io: CliIO) => Promise<number>> = {
  check: runCheck,
  plan: runPlan,
  split: runSplit,
  trace: runTrace,
  backfill: runBackfillCommand,
  stats: runStats,
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(usage('main'));
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (!(COMMANDS as readonly string[]).includes(command))
      throw new UsageError(`unknown command '${command}'; run expand-contract --help for the commands.`);
    const name = command as Command;
    return await RUNNERS[name](parseCommand(name, rest), io);
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError) {
      io.stderr(`expand-contract: ${error.message}\n`);
      return 2;
    }
    if (error instanceof DatabaseError) {
      io.stderr(`expand-contract: ${error.message.replace(/\.?$/, '.')}\n`);
      return 2;
    }
    throw error;
  }
}
