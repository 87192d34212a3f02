// What every command reads before it works: the configuration file merged with the command line,
// the migration files to look at, and (for the planner commands) where to replay and cache.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { defaultCacheDir } from '../catalog/cache.js';
import type { HistoryOptions } from '../catalog/replay-history.js';
import { loadConfig } from '../config/load.js';
import { FAIL_ON, type Config, type FailOn } from '../config/types.js';
import { checkShadowUrl } from '../db/shadow.js';
import { discoverChanged, discoverPaths, type DiscoverConfig } from '../discover/index.js';
import { slashes } from '../discover/text.js';
import type { AnalysisInput, EngineOptions } from '../engine.js';
import { RULES } from '../rules/index.js';
import { BUILTIN_RULE_IDS } from '../rules/meta.js';
import { FRAMEWORK_NAMES, type FrameworkName, type MigrationFile } from '../types.js';
import type { CliArgs } from './args.js';
import { UsageError, type CliIO } from './io.js';

/** Environment variables the planner commands read when the option is absent. */
export const ENV = {
  shadowDatabaseUrl: 'EXPAND_CONTRACT_SHADOW_DATABASE_URL',
  cacheDir: 'EXPAND_CONTRACT_CACHE_DIR',
} as const;

export async function settingsOf(args: CliArgs, io: CliIO): Promise<Config> {
  const config = await loadConfig({
    ...(args.config !== undefined ? { path: resolve(io.cwd, args.config) } : {}),
    cwd: io.cwd,
    knownRules: [...RULES.map((r) => r.meta.id), ...BUILTIN_RULE_IDS],
  });
  const out: Config = { ...config };
  if (args.postgresVersion !== undefined) {
    const v = Number(args.postgresVersion);
    if (!Number.isInteger(v) || v < 10 || v > 18) {
      throw new UsageError(
        `--postgres-version ${args.postgresVersion} is not a PostgreSQL major version; use 10 to 18.`,
      );
    }
    out.postgresVersion = v;
  }
  if (args.failOn !== undefined) out.failOn = oneOf('--fail-on', args.failOn, FAIL_ON) as FailOn;
  if (args.framework !== undefined)
    out.framework = oneOf('--framework', args.framework, FRAMEWORK_NAMES) as FrameworkName;
  if (args.contractAfter !== undefined) {
    const days = Number(args.contractAfter);
    if (!/^\d+$/.test(args.contractAfter) || days > 365)
      throw new UsageError(
        `--contract-after ${args.contractAfter} is not a number of days; use a whole number from 0 to 365.`,
      );
    out.contractAfterDays = days;
  }
  return out;
}

export function engineOptions(config: Config): Omit<EngineOptions, 'seed'> {
  return {
    postgresVersion: config.postgresVersion,
    rules: config.rules,
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function discover(args: CliArgs, config: Config, io: CliIO): Promise<AnalysisInput> {
  const discoverConfig: DiscoverConfig = {
    ...(config.framework ? { framework: config.framework } : {}),
    placeholders: config.placeholders,
    maxFileBytes: config.maxFileBytes,
    paths: config.paths,
  };
  if (args.base !== undefined) {
    if (args.paths.length > 0) throw new UsageError('give either PATHS or --base REF, not both.');
    return discoverChanged(args.base, discoverConfig, io.cwd);
  }
  const paths = args.paths.length > 0 ? args.paths : config.paths;
  if (paths.length === 0) {
    throw new UsageError(
      `name the migration files or folders to ${args.command}, or pass --base REF to ${args.command} the files changed since REF.`,
    );
  }
  return discoverPaths(paths, discoverConfig, io.cwd);
}

/** Where `plan`, `split` and `trace` replay the history, and where they cache it. */
export function historyOptions(args: CliArgs, io: CliIO): HistoryOptions {
  const workTree = repositoryRoot(io.cwd);
  const shadow = args.shadowDatabaseUrl ?? io.env[ENV.shadowDatabaseUrl];
  if (shadow !== undefined && shadow !== '') {
    try {
      checkShadowUrl(shadow);
    } catch (e: unknown) {
      const source =
        args.shadowDatabaseUrl !== undefined ? '--shadow-database-url' : `$${ENV.shadowDatabaseUrl}`;
      throw new UsageError(`${source}: ${e instanceof Error ? e.message : String(e)}.`);
    }
    return { shadowDatabaseUrl: shadow, workTree };
  }
  const cacheDir = cacheDirOf(args, io);
  return cacheDir === null ? { workTree } : { cacheDir, workTree };
}

/** The tool's cache folder (--cache-dir, $EXPAND_CONTRACT_CACHE_DIR, the default), or null with --no-cache. */
export function cacheDirOf(args: CliArgs, io: CliIO): string | null {
  if (!args.cache) return null;
  return args.cacheDir
    ? resolve(io.cwd, args.cacheDir)
    : (io.env[ENV.cacheDir] ?? defaultCacheDir(io.env, io.env.HOME ?? homedir()));
}

/** The folder holding `.git` above `cwd`, else `cwd`: the tree the tool never writes cache files into. */
export function repositoryRoot(cwd: string): string {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return resolve(cwd);
    dir = up;
  }
}

export function oneOf(option: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new UsageError(`${option} ${value} is not one of ${allowed.join(', ')}.`);
  return value;
}

/** The one migration file `split` and `trace` take; a folder or several paths are usage errors. */
export async function oneMigration(args: CliArgs, io: CliIO): Promise<string> {
  if (args.base !== undefined || args.paths.length !== 1)
    throw new UsageError(
      `${args.command} takes one migration file, as in: expand-contract ${args.command} db/migrations/0042_change.sql`,
    );
  const given = args.paths[0] as string;
  const info = await stat(resolve(io.cwd, given)).catch(() => undefined);
  if (info?.isDirectory())
    throw new UsageError(`${given} is a folder; ${args.command} takes one migration file of it.`);
  return given;
}

/**
 * The same files with paths relative to the repository root: plan ids and pending headers must not
 * depend on the folder the command runs in.
 */
export function fromRoot(input: AnalysisInput, cwd: string): AnalysisInput {
  const root = repositoryRoot(cwd);
  const move = (f: MigrationFile): MigrationFile => ({
    ...f,
    path: slashes(relative(root, resolve(cwd, f.path))),
  });
  return { history: input.history.map(move), releases: input.releases.map((r) => r.map(move)) };
}
