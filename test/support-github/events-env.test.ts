// Event payloads, the runner environment, file-command readers, and a child-process action end to end.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createActionEnv,
  inputVariable,
  parseFileCommands,
  parseWorkflowCommands,
  pullRequestEvent,
  runAction,
  startFakeGitHub,
  workflowDispatchEvent,
  writeEventFile,
  type FakeGitHub,
} from '../support/github/index.js';
import { seedPr } from './helpers.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await startFakeGitHub();
  seedPr(github, 7, 2, ['migrations']);
  github.seedPullRequest({
    number: 8,
    head: { sha: 'c'.repeat(40), ref: 'patch-1', fork: true },
    base: { sha: github.pullRequest(7).base.sha },
  });
});
afterAll(() => github.close());

describe('event payloads', () => {
  it('patches the webhooks example of a pull_request event with the fake PR', async () => {
    const pr = github.pullRequest(7);
    const event = pullRequestEvent(github, 7, { action: 'synchronize', before: 'b'.repeat(40) });
    expect(event).toMatchObject({
      action: 'synchronize',
      number: 7,
      before: 'b'.repeat(40),
      after: pr.head.sha,
      repository: { full_name: github.repository, private: true, owner: { login: 'octo-org' } },
      pull_request: {
        number: 7,
        url: `${github.url}/repos/${github.repository}/pulls/7`,
        merge_commit_sha: pr.mergeSha,
        head: { sha: pr.head.sha, ref: 'feature-7', repo: { full_name: github.repository, fork: false } },
        base: { sha: pr.base.sha, ref: 'main' },
        labels: [{ name: 'migrations' }],
      },
    });
    expect(JSON.stringify(event)).not.toMatch(/Codertocat\/Hello-World|api\.github\.com/);
    const path = await writeEventFile(event);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(event);
  });

  it('marks fork heads and adds the label of a labeled event', () => {
    const fork = pullRequestEvent(github, 8, { action: 'opened' });
    expect(fork['pull_request']).toMatchObject({
      head: {
        ref: 'patch-1',
        label: 'contributor:patch-1',
        repo: { full_name: 'contributor/octo-repo', fork: true },
      },
      base: { repo: { full_name: github.repository, fork: false } },
    });
    const labeled = pullRequestEvent(github, 7, { action: 'labeled' });
    expect(labeled).toMatchObject({ action: 'labeled', label: { name: 'migrations' } });
    const dispatch = workflowDispatchEvent(github, { inputs: { base: 'main' } });
    expect(dispatch).toMatchObject({
      ref: 'refs/heads/main',
      inputs: { base: 'main' },
      repository: { full_name: github.repository },
    });
  });
});

describe('runner environment', () => {
  it('sets the GITHUB_*, RUNNER_* and INPUT_* variables of a pull_request run', async () => {
    const pr = github.pullRequest(7);
    const actionEnv = await createActionEnv({
      github,
      eventName: 'pull_request',
      event: pullRequestEvent(github, 7),
      inputs: { 'fail-on': 'warning', 'my input': 'x' },
      actionYml: join(import.meta.dirname, '../../action.yml'),
    });
    try {
      const { env } = actionEnv;
      expect(env).toMatchObject({
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: github.repository,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_SHA: pr.mergeSha,
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_HEAD_REF: 'feature-7',
        GITHUB_BASE_REF: 'main',
        GITHUB_ACTION: '__expand-contract',
        'INPUT_FAIL-ON': 'warning',
        INPUT_MY_INPUT: 'x',
        'INPUT_POSTGRES-VERSION': '16', // the action.yml default
      });
      expect(inputVariable('github token')).toBe('INPUT_GITHUB_TOKEN');
      for (const name of [
        'GITHUB_WORKSPACE',
        'RUNNER_TEMP',
        'RUNNER_TOOL_CACHE',
        'GITHUB_OUTPUT',
        'GITHUB_STEP_SUMMARY',
      ]) {
        expect(existsSync(env[name]!), name).toBe(true);
      }
      expect(JSON.parse(readFileSync(env['GITHUB_EVENT_PATH']!, 'utf8'))).toMatchObject({ number: 7 });
      expect(Object.keys(actionEnv.processEnv()).filter((k) => k.startsWith('INPUT_'))).toEqual(
        Object.keys(env).filter((k) => k.startsWith('INPUT_')),
      );
    } finally {
      await actionEnv.cleanup();
    }
  });

  it('reads @actions/core heredoc outputs and workflow commands', () => {
    const text =
      'breaking<<ghadelimiter_1\ntrue\nghadelimiter_1\nreport<<EOF\nline 1\nline 2\nEOF\nlegacy=1\n';
    expect(parseFileCommands(text)).toEqual({ breaking: 'true', report: 'line 1\nline 2', legacy: '1' });
    expect(parseWorkflowCommands('x\n::error file=db/1.sql,line=3,title=a%3Ab::bad%0Anews\n')).toEqual([
      { command: 'error', properties: { file: 'db/1.sql', line: '3', title: 'a:b' }, message: 'bad\nnews' },
    ]);
  });
});

it('runs a node action as a child process against the fake API', async () => {
  const actionEnv = await createActionEnv({
    github,
    eventName: 'pull_request',
    event: pullRequestEvent(github, 7),
  });
  try {
    const script = join(actionEnv.dir, 'action.mjs');
    await writeFile(
      script,
      `import { appendFileSync, readFileSync } from 'node:fs';
const event = JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'));
const url = \`\${process.env.GITHUB_API_URL}/repos/\${process.env.GITHUB_REPOSITORY}/issues/\${event.number}/comments\`;
const res = await fetch(url, { method: 'POST', headers: { authorization: 'token ${github.token}' }, body: JSON.stringify({ body: 'from the action' }) });
appendFileSync(process.env.GITHUB_OUTPUT, \`status<<ghadelimiter_x\\n\${res.status}\\nghadelimiter_x\\n\`);
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## done\\n');
console.log('::warning file=db/1.sql,line=1::careful');
`,
    );
    const run = await runAction(script, actionEnv, { timeoutMs: 10_000 });
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0, outputs: { status: '201' }, summary: '## done\n' });
    expect(run.commands).toEqual([
      { command: 'warning', properties: { file: 'db/1.sql', line: '1' }, message: 'careful' },
    ]);
    expect(github.comments(7).map((c) => c.body)).toEqual(['from the action']);
    github.assertNoViolations();
  } finally {
    await actionEnv.cleanup();
  }
});
