// Command-line arguments of every command: one parser, each command accepting its own options.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

export const COMMANDS = ['check', 'plan', 'split', 'trace', 'backfill', 'stats'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
  paths: string[];
  base?: string;
  format?: string;
  config?: string;
  postgresVersion?: string;
  framework?: string;
  failOn?: string;
  color?: boolean;
  help: boolean;
  /** plan, split, trace */
  contractAfter?: string;
  shadowDatabaseUrl?: string;
  cacheDir?: string;
  cache: boolean;
  /** plan, split: run the proof (on by default; `--no-prove` skips it). */
  prove: boolean;
  /** split: write the files instead of printing them. */
  write: boolean;
  /** backfill */
  databaseUrl?: string;
  batchSize?: string;
  pause?: string;
  targetMs?: string;
  lockTimeout?: string;
  statementTimeout?: string;
  maxRetries?: string;
  dryRun: boolean;
  /** check, plan: production statistics */
  statsDatabaseUrl?: string;
  statsFile?: string;
}

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = {
  format: { type: 'string' },
  config: { type: 'string' },
  'postgres-version': { type: 'string' },
  framework: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h', default: false },
};

const PLANNER: Options = {
  'contract-after': { type: 'string' },
  'shadow-database-url': { type: 'string' },
  'cache-dir': { type: 'string' },
  'no-cache': { type: 'boolean' },
};

const STATS: Options = {
  'stats-database-url': { type: 'string' },
  'stats-file': { type: 'string' },
};

const OPTIONS: Record<Command, Options> = {
  check: {
    ...COMMON,
    ...STATS,
    base: { type: 'string' },
    'fail-on': { type: 'string' },
    'shadow-database-url': { type: 'string' },
    'cache-dir': { type: 'string' },
    'no-cache': { type: 'boolean' },
  },
  plan: {
    ...COMMON,
    ...PLANNER,
    ...STATS,
    base: { type: 'string' },
    'fail-on': { type: 'string' },
    'no-prove': { type: 'boolean' },
  },
  split: { ...COMMON, ...PLANNER, write: { type: 'boolean' }, 'no-prove': { type: 'boolean' } },
  trace: { ...COMMON, ...PLANNER },
  backfill: {
    ...COMMON,
    ...PLANNER,
    'database-url': { type: 'string' },
    'batch-size': { type: 'string' },
    pause: { type: 'string' },
    'target-ms': { type: 'string' },
    'lock-timeout': { type: 'string' },
    'statement-timeout': { type: 'string' },
    'max-retries': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  stats: { help: { type: 'boolean', short: 'h', default: false }, 'database-url': { type: 'string' } },
};

export function parseCommand(command: Command, args: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS[command] });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message.replace(/\.?$/, '') : String(error);
    throw new UsageError(`${message}; run expand-contract ${command} --help for the options.`);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (name: string): string | undefined => (typeof v[name] === 'string' ? v[name] : undefined);
  const out: CliArgs = {
    command,
    paths: parsed.positionals,
    help: v.help === true,
    cache: v['no-cache'] !== true,
    prove: v['no-prove'] !== true,
    write: v.write === true,
    dryRun: v['dry-run'] === true,
  };
  const set = <K extends keyof CliArgs>(key: K, value: CliArgs[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('base', str('base'));
  set('format', str('format'));
  set('config', str('config'));
  set('postgresVersion', str('postgres-version'));
  set('framework', str('framework'));
  set('failOn', str('fail-on'));
  set('contractAfter', str('contract-after'));
  set('shadowDatabaseUrl', str('shadow-database-url'));
  set('cacheDir', str('cache-dir'));
  set('databaseUrl', str('database-url'));
  set('batchSize', str('batch-size'));
  set('pause', str('pause'));
  set('targetMs', str('target-ms'));
  set('lockTimeout', str('lock-timeout'));
  set('statementTimeout', str('statement-timeout'));
  set('maxRetries', str('max-retries'));
  set('statsDatabaseUrl', str('stats-database-url'));
  set('statsFile', str('stats-file'));
  if (v['no-color'] === true) out.color = false;
  else if (v.color === true) out.color = true;
  return out;
}
