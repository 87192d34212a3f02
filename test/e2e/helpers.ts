// Shared by the end-to-end tests: a pull request in a real git repository (bare origin + checkout), the
// fake GitHub API seeded with it, and the bundled Action run as a runner runs it.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  createActionEnv,
  createPullRequestRepo,
  gitOracle,
  pullRequestEvent,
  workflowDispatchEvent,
  runAction,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST = resolve(ROOT, 'dist', 'index.js');

/** The split-name seed scenario: the history and the dangerous migration. */
export const HISTORY = {
  'db/migrations/001_create_users.sql': `CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name text NOT NULL,
  email text NOT NULL
);
`,
};

export const SPLIT_NAME = {
  'db/migrations/002_split_full_name.sql': `ALTER TABLE users ADD COLUMN first_name text;
ALTER TABLE users ADD COLUMN last_name text;
UPDATE users SET first_name = split_part(full_name, ' ', 1), last_name = split_part(full_name, ' ', 2);
ALTER TABLE users DROP COLUMN full_name;
`,
};

type Files = Record<string, string | null>;

export interface Scenario {
  github: FakeGitHub;
  git: Awaited<ReturnType<typeof createPullRequestRepo>>;
  workspace: string;
  cleanup(): Promise<void>;
}

export async function scenario(options: {
  base?: Files[];
  head: Files[];
  fork?: boolean;
  labels?: string[];
  fetchDepth?: number;
}): Promise<Scenario> {
  const git = await createPullRequestRepo({
    base: options.base ?? [HISTORY],
    head: options.head,
    ...(options.fork ? { fork: true } : {}),
  });
  const github = await startFakeGitHub({ quiet: true });
  // Commits and branches the Action pushes (a split, a contract branch) become known to the API, with their
  // ancestry, as a push makes them known to GitHub.
  Object.assign(github.state, gitOracle(git.bare, { repository: github.repository }));
  github.seedPullRequest({
    number: git.pullNumber,
    head: { sha: git.headSha, ref: git.headBranch, ...(options.fork ? { fork: true } : {}) },
    base: { sha: git.baseSha, ref: git.baseBranch },
    mergeSha: git.mergeSha,
    files: await git.changedFiles(),
    labels: options.labels ?? [],
  });
  const workspace = await git.checkout({
    ref: 'head',
    ...(options.fetchDepth !== undefined ? { fetchDepth: options.fetchDepth } : {}),
  });
  return {
    github,
    git,
    workspace,
    cleanup: async () => {
      await Promise.all([github.close(), git.cleanup()]);
    },
  };
}

export async function runOn(
  s: Scenario,
  options: {
    inputs?: Record<string, string>;
    token?: string;
    action?: 'opened' | 'synchronize' | 'labeled';
    label?: string;
    runId?: number;
    workspace?: string;
    /** Run as a workflow_dispatch with these inputs instead of a pull_request event. */
    dispatch?: Record<string, string>;
    /** The pull request the event is for (default the scenario's). */
    pull?: number;
    /** How long the run may take (default 120 s). */
    timeoutMs?: number;
  } = {},
) {
  const env = await createActionEnv({
    github: s.github,
    eventName: options.dispatch ? 'workflow_dispatch' : 'pull_request',
    event: options.dispatch
      ? workflowDispatchEvent(s.github, { inputs: options.dispatch })
      : pullRequestEvent(s.github, options.pull ?? s.git.pullNumber, {
          action: options.action ?? 'opened',
          ...(options.label ? { label: options.label } : {}),
        }),
    workspace: options.workspace ?? s.workspace,
    actionYml: resolve(ROOT, 'action.yml'),
    inputs: { 'github-token': options.token ?? s.github.token, ...options.inputs },
    env: {
      GITHUB_RUN_ID: String(options.runId ?? 1000),
      GITHUB_ACTION_REPOSITORY: 'expand-contract/expand-contract',
      GITHUB_ACTION_REF: 'v1',
    },
  });
  try {
    const run = await runAction(DIST, env, {
      cwd: options.workspace ?? s.workspace,
      timeoutMs: options.timeoutMs ?? 120_000,
    });
    const report = run.outputs.report ? await readFile(run.outputs.report, 'utf8') : null;
    return { ...run, summary: env.readSummary(), report };
  } finally {
    await env.cleanup();
  }
}
