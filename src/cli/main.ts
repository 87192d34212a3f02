// The command line: parses arguments, dispatches to one command, maps failures to exit codes.
//   0: nothing at or above --fail-on;  1: findings at or above it;  2: bad usage or unreadable input.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/types.js';
import { InputError } from '../discover/index.js';
import { runCheck } from './check.js';
import { UsageError, type CliIO } from './io.js';
import { VERSION } from '../version.js';

export { type CliIO } from './io.js';

const USAGE = `Usage: expand-contract <command> [options]

Commands:
  check [PATHS...]    Find migration statements that break a rolling deploy or block traffic (no database).

Options for check:
  --base REF                 Analyse the migration files changed between REF and the working tree.
  --format FORMAT            text (default), markdown, json, sarif or github.
  --config FILE              Configuration file (default: .github/expand-contract.yml when present).
  --postgres-version N       PostgreSQL major version the migrations run on (default 16).
  --framework NAME           sql, prisma, golang-migrate, flyway, dbmate, goose, sqitch, supabase, drizzle.
  --fail-on LEVEL            error (default), warning or never: the lowest severity that exits 1.
  --color / --no-color       Force colour on or off in text output (default: on for a terminal).
  -h, --help                 Show this help.
  -v, --version              Show the version.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or unreadable input.
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(USAGE);
      return command ? 0 : 2;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    switch (command) {
      case 'check':
        return await runCheck(parse(rest), io);
      default:
        throw new UsageError(`unknown command '${command}'; run expand-contract --help for the commands.`);
    }
  } catch (error: unknown) {
    if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError) {
      io.stderr(`expand-contract: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

export interface CheckArgs {
  paths: string[];
  base?: string;
  format: string;
  config?: string;
  postgresVersion?: string;
  framework?: string;
  failOn?: string;
  color?: boolean;
  help: boolean;
}

function parse(args: string[]): CheckArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: 'string' },
        format: { type: 'string', default: 'text' },
        config: { type: 'string' },
        'postgres-version': { type: 'string' },
        framework: { type: 'string' },
        'fail-on': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return {
      paths: positionals,
      ...(values.base !== undefined ? { base: values.base } : {}),
      format: values.format ?? 'text',
      ...(values.config !== undefined ? { config: values.config } : {}),
      ...(values['postgres-version'] !== undefined ? { postgresVersion: values['postgres-version'] } : {}),
      ...(values.framework !== undefined ? { framework: values.framework } : {}),
      ...(values['fail-on'] !== undefined ? { failOn: values['fail-on'] } : {}),
      ...(values['no-color'] ? { color: false } : values.color ? { color: true } : {}),
      help: values.help ?? false,
    };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message.replace(/\.?$/, '') : String(error);
    throw new UsageError(`${message}; run expand-contract check --help for the options.`);
  }
}

export { USAGE };
