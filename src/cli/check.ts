// `expand-contract check`: discover -> analyze -> render, with the exit code of --fail-on.
import { resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import { FAIL_ON, type Config, type FailOn } from '../config/types.js';
import { discoverChanged, discoverPaths, type DiscoverConfig } from '../discover/index.js';
import { analyze, type AnalysisInput } from '../engine.js';
import { FORMATS, render, type Format } from '../report/index.js';
import { RULES } from '../rules/index.js';
import { BUILTIN_RULE_IDS } from '../rules/meta.js';
import { FRAMEWORK_NAMES, type FrameworkName, type Report } from '../types.js';
import { VERSION } from '../version.js';
import { UsageError, type CliIO } from './io.js';
import { USAGE, type CheckArgs } from './main.js';

export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf('--format', args.format, FORMATS) as Format;
  const config = await loadConfig({
    ...(args.config !== undefined ? { path: resolve(io.cwd, args.config) } : {}),
    cwd: io.cwd,
    knownRules: [...RULES.map((r) => r.meta.id), ...BUILTIN_RULE_IDS],
  });
  const settings = merge(config, args);
  const input = await discover(args, settings, io);
  const report = await analyze(input, {
    postgresVersion: settings.postgresVersion,
    rules: settings.rules,
    today: new Date().toISOString().slice(0, 10),
  });
  const sources = new Map<string, string>();
  for (const release of input.releases) for (const f of release) sources.set(f.path, f.sql);
  const color = args.color ?? (io.isTTY && !io.env.NO_COLOR && format === 'text');
  io.stdout(
    render(format, report, {
      color,
      sources,
      toolVersion: VERSION,
      rules: RULES.map((r) => ({
        id: r.meta.id,
        description: r.meta.description,
        help: r.meta.help,
        docs: `docs/rules/${r.meta.id}.md`,
        severity: r.meta.severity,
      })),
    }),
  );
  return exitCode(report, settings.failOn);
}

function merge(config: Config, args: CheckArgs): Config {
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
  return out;
}

async function discover(args: CheckArgs, config: Config, io: CliIO): Promise<AnalysisInput> {
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
      'name the migration files or folders to check, or pass --base REF to check the files changed since REF.',
    );
  }
  return discoverPaths(paths, discoverConfig, io.cwd);
}

/** 1 when any finding is at or above the --fail-on level. */
export function exitCode(report: Report, failOn: FailOn): number {
  if (failOn === 'never') return 0;
  const failing = report.findings.some(
    (f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'),
  );
  return failing ? 1 : 0;
}

function oneOf(option: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new UsageError(`${option} ${value} is not one of ${allowed.join(', ')}.`);
  return value;
}
