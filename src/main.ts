// The Action, first version: checks the migrations of the pull request and reports through the
// workflow: annotations on the migration lines, a job summary, outputs, and the step's outcome.
import * as core from '@actions/core';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from './config/load.js';
import { ConfigError, FAIL_ON, type Config, type FailOn } from './config/types.js';
import { discoverChanged, discoverPaths, InputError } from './discover/index.js';
import { analyze, type AnalysisInput } from './engine.js';
import { exitCode } from './cli/check.js';
import { renderJson } from './report/json.js';
import { renderMarkdown } from './report/markdown.js';
import { RULES } from './rules/index.js';
import { BUILTIN_RULE_IDS } from './rules/meta.js';
import { FRAMEWORK_NAMES, type FrameworkName } from './types.js';

export async function run(): Promise<void> {
  try {
    const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // The default path is optional (defaults apply without it); a path the user names must exist.
    const configPath = core.getInput('config');
    const config = await loadConfig({
      ...(configPath && configPath !== '.github/expand-contract.yml' ? { path: join(cwd, configPath) } : {}),
      cwd,
      knownRules: [...RULES.map((r) => r.meta.id), ...BUILTIN_RULE_IDS],
    });
    const settings = inputs(config);
    const input = await discover(settings, cwd);
    const report = await analyze(input, {
      postgresVersion: settings.postgresVersion,
      rules: settings.rules,
      today: new Date().toISOString().slice(0, 10),
    });

    for (const f of report.findings) {
      const props = { file: f.path, startLine: f.line, startColumn: f.column, title: f.rule };
      if (f.severity === 'error') core.error(f.message, props);
      else if (f.severity === 'warning') core.warning(f.message, props);
      else core.notice(f.message, props);
    }
    const reportPath = join(process.env.RUNNER_TEMP ?? cwd, 'expand-contract-report.json');
    await writeFile(reportPath, renderJson(report));
    core.setOutput('breaking', String(report.findings.some((f) => f.breaking)));
    core.setOutput('findings', String(report.findings.length));
    core.setOutput('report', reportPath);
    await core.summary.addRaw(renderMarkdown(report, { title: 'expand-contract' })).write();
    if (exitCode(report, settings.failOn) !== 0) {
      const levels = settings.failOn === 'warning' ? ['error', 'warning'] : ['error'];
      const failing = report.findings.filter((f) => levels.includes(f.severity)).length;
      core.setFailed(
        `expand-contract found ${failing} ${failing === 1 ? 'finding' : 'findings'} at or above fail-on: ${settings.failOn}; see the annotations and the job summary.`,
      );
    }
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof InputError) core.setFailed(error.message);
    else core.setFailed(`expand-contract failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function inputs(config: Config): Config {
  const out = { ...config };
  const failOn = core.getInput('fail-on') || config.failOn;
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new InputError(`fail-on: '${failOn}' is not one of ${FAIL_ON.join(', ')}.`);
  }
  out.failOn = failOn as FailOn;
  const version = core.getInput('postgres-version');
  if (version) {
    const v = Number(version);
    if (!Number.isInteger(v) || v < 10 || v > 18)
      throw new InputError(`postgres-version: '${version}' is not one of 10 to 18.`);
    out.postgresVersion = v;
  }
  const framework = core.getInput('framework');
  if (framework && !(FRAMEWORK_NAMES as readonly string[]).includes(framework)) {
    throw new InputError(`framework: '${framework}' is not one of ${FRAMEWORK_NAMES.join(', ')}.`);
  }
  if (framework) out.framework = framework as FrameworkName;
  const migrations = core
    .getInput('migrations')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (migrations.length) out.paths = migrations;
  return out;
}

async function discover(config: Config, cwd: string): Promise<AnalysisInput> {
  const discoverConfig = {
    ...(config.framework ? { framework: config.framework } : {}),
    placeholders: config.placeholders,
    maxFileBytes: config.maxFileBytes,
  };
  const base = core.getInput('base') || prBase();
  if (core.getInput('migrations') || !base) return discoverPaths(config.paths, discoverConfig, cwd);
  return discoverChanged(base, discoverConfig, cwd);
}

function prBase(): string | undefined {
  const ref = process.env.GITHUB_BASE_REF;
  return ref ? `origin/${ref}` : undefined;
}
