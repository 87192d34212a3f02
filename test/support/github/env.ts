// The environment a GitHub-hosted runner gives a JavaScript action step (GITHUB_*, RUNNER_*, INPUT_*), with
// its files (event, output, step summary, env, path, state) in a temp folder; readers for the files the
// action writes; and a runner for `node dist/index.js` as a child process.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { writeEventFile, type EventSource } from './events.js';

type Json = Record<string, unknown>;

export interface ActionEnvOptions {
  github: EventSource;
  /** `pull_request`, `workflow_dispatch`, ... */
  eventName: string;
  /** The event payload (see events.ts); written to GITHUB_EVENT_PATH. */
  event: Json;
  /** Step inputs (`with:`), by their action.yml names. */
  inputs?: Record<string, string>;
  /** An action.yml whose input defaults are set for inputs not given, as the runner does. */
  actionYml?: string;
  /** GITHUB_WORKSPACE (e.g. a checkout from git.ts); default an empty folder. */
  workspace?: string;
  /** GITHUB_SHA; default the test merge commit (pull_request) or the ref's commit. */
  sha?: string;
  /** Sets GITHUB_TOKEN, as `env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}` does. */
  token?: string;
  /** GITHUB_ACTION (default `__expand-contract`, the runner's name for an unnamed `uses:` step). */
  action?: string;
  /** Extra variables, applied last. */
  env?: Record<string, string>;
}

export interface ActionEnv {
  /** The runner's variables only; see `processEnv()` for a full child-process environment. */
  env: Record<string, string>;
  /** Temp folder holding the runner files (and the workspace when not given). */
  dir: string;
  eventPath: string;
  outputPath: string;
  summaryPath: string;
  /** `process.env` without any inherited GITHUB_/RUNNER_/INPUT_/ACTIONS_ variable, plus `env`. */
  processEnv(): Record<string, string>;
  readOutputs(): Record<string, string>;
  readSummary(): string;
  /** Variables the step exported through GITHUB_ENV (`core.exportVariable`). */
  readExportedEnv(): Record<string, string>;
  cleanup(): Promise<void>;
}

/** `INPUT_<NAME>` as @actions/core looks it up: spaces → `_`, upper case, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

function actionDefaults(path: string): Record<string, string> {
  const yml = parseYaml(readFileSync(path, 'utf8')) as { inputs?: Record<string, { default?: unknown }> };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(yml.inputs ?? {})) {
    if (input?.default !== undefined) out[name] = String(input.default);
  }
  return out;
}

export async function createActionEnv(opts: ActionEnvOptions): Promise<ActionEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-github-runner-'));
  const temp = join(dir, 'runner-temp');
  const toolCache = join(dir, 'tool-cache');
  const files = join(dir, 'file-commands');
  const workspace = opts.workspace ?? join(dir, 'workspace');
  await Promise.all([temp, toolCache, files, workspace].map((d) => mkdir(d, { recursive: true })));
  const eventPath = await writeEventFile(opts.event, dir);
  const outputPath = join(files, 'set_output');
  const summaryPath = join(files, 'step_summary');
  const envPath = join(files, 'set_env');
  const pathPath = join(files, 'add_path');
  const statePath = join(files, 'save_state');
  await Promise.all([outputPath, summaryPath, envPath, pathPath, statePath].map((f) => writeFile(f, '')));

  const repo = opts.github.state.mustRepo(opts.github.repository);
  const pull = opts.event['pull_request'] as
    | {
        number: number;
        merge_commit_sha: string | null;
        head: { ref: string; sha: string };
        base: { ref: string };
      }
    | undefined;
  const isPull = pull !== undefined && opts.eventName.startsWith('pull_request');
  const ref = isPull
    ? `refs/pull/${pull.number}/merge`
    : String(opts.event['ref'] ?? `refs/heads/${repo.defaultBranch}`);
  const sha =
    opts.sha ??
    (isPull ? (pull.merge_commit_sha ?? pull.head.sha) : opts.github.state.resolveRef(repo, ref)) ??
    '0'.repeat(40);
  const actor = String(((opts.event['sender'] as Json | undefined)?.['login'] as string) ?? 'octocat');
  const inputs = { ...(opts.actionYml ? actionDefaults(opts.actionYml) : {}), ...opts.inputs };

  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: opts.github.url,
    GITHUB_GRAPHQL_URL: `${opts.github.url}/graphql`,
    GITHUB_SERVER_URL: opts.github.serverUrl,
    GITHUB_REPOSITORY: repo.fullName,
    GITHUB_REPOSITORY_ID: String(repo.id),
    GITHUB_REPOSITORY_OWNER: repo.owner.login,
    GITHUB_REPOSITORY_OWNER_ID: String(repo.owner.id),
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: isPull ? pull.head.ref : '',
    GITHUB_BASE_REF: isPull ? pull.base.ref : '',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: '1',
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_WORKFLOW: 'expand-contract',
    GITHUB_WORKFLOW_REF: `${repo.fullName}/.github/workflows/expand-contract.yml@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_JOB: 'migrations',
    GITHUB_RUN_ID: '1000000001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_ACTION: opts.action ?? '__expand-contract',
    GITHUB_ACTION_REPOSITORY: 'expand-contract/expand-contract',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_ENV: envPath,
    GITHUB_PATH: pathPath,
    GITHUB_STATE: statePath,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: temp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_WORKSPACE: join(workspace, '..'),
    ...(opts.token ? { GITHUB_TOKEN: opts.token } : {}),
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  Object.assign(env, opts.env);

  return {
    env,
    dir,
    eventPath,
    outputPath,
    summaryPath,
    processEnv: () => {
      const inherited = Object.entries(process.env).filter(
        ([k, v]) => v !== undefined && !/^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|STATE_)/.test(k),
      ) as [string, string][];
      return { ...Object.fromEntries(inherited), ...env };
    },
    readOutputs: () => parseFileCommands(readFileSync(outputPath, 'utf8')),
    readSummary: () => readFileSync(summaryPath, 'utf8'),
    readExportedEnv: () => parseFileCommands(readFileSync(envPath, 'utf8')),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV file: `name<<DELIMITER` heredocs (what @actions/core writes) and
 * plain `name=value` lines. A later value for the same name wins, as on the runner.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`file command "${name}": delimiter ${delimiter} never closes`);
      out[name] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`file command line is neither name=value nor name<<DELIMITER: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** `::error file=a.sql,line=3::message` lines of a step's stdout (core.error / warning / notice / group). */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescape(m[3] ?? '') });
  }
  return out;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  commands: WorkflowCommand[];
}

/** Runs a JavaScript action's entry (`dist/index.js`) with `node` in the runner environment. */
export function runAction(
  entry: string,
  actionEnv: ActionEnv,
  opts: { cwd?: string; timeoutMs?: number } = {},
): Promise<ActionRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [entry],
      {
        cwd: opts.cwd ?? actionEnv.env['GITHUB_WORKSPACE'],
        env: actionEnv.processEnv(),
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({
          code: error ? Number(error.code) : 0,
          stdout,
          stderr,
          outputs: actionEnv.readOutputs(),
          summary: actionEnv.readSummary(),
          commands: parseWorkflowCommands(stdout),
        });
      },
    );
  });
}

/** Reads a file the action wrote, relative to the workspace. */
export function readWorkspaceFile(actionEnv: ActionEnv, path: string): Promise<string> {
  return readFile(join(actionEnv.env['GITHUB_WORKSPACE']!, path), 'utf8');
}
