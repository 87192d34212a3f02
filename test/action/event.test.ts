import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent, type ActionEvent } from '../../src/action/event.js';
import { InputError } from '../../src/discover/index.js';
import {
  fakeSha,
  pullRequestEvent,
  startFakeGitHub,
  workflowDispatchEvent,
  writeEventFile,
  type FakeGitHub,
} from '../support/github/index.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const MERGE = 'c'.repeat(40);

let github: FakeGitHub;
const folders: string[] = [];

beforeAll(async () => {
  github = await startFakeGitHub({ quiet: true });
  github.seedPullRequest({
    number: 7,
    head: { sha: HEAD, ref: 'feature/split' },
    base: { sha: BASE, ref: 'main' },
    mergeSha: MERGE,
    files: [],
    labels: ['migrations', 'expand-contract:split'],
  });
  github.seedPullRequest({
    number: 8,
    head: { sha: fakeSha('fork-head'), ref: 'patch-1', fork: true },
    base: { sha: BASE, ref: 'main' },
    files: [],
  });
});

afterAll(async () => {
  await github.close();
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
});

async function envFor(eventName: string, payload: unknown, extra: Record<string, string> = {}) {
  const path = await writeEventFile(payload);
  folders.push(join(path, '..'));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_SHA: MERGE,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_RUN_ID: '1000000001',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_SERVER_URL: github.serverUrl,
    GITHUB_API_URL: github.url,
    ...extra,
  };
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e: unknown) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('pull_request', () => {
  it('takes the head commit from the payload, not GITHUB_SHA (the test merge commit)', async () => {
    const event = readEvent(await envFor('pull_request', pullRequestEvent(github, 7, { action: 'opened' })));
    expect(event).toEqual<ActionEvent>({
      kind: 'pull_request',
      owner: 'octo-org',
      repo: 'octo-repo',
      number: 7,
      headSha: HEAD,
      headRef: 'feature/split',
      headRepo: 'octo-org/octo-repo',
      baseSha: BASE,
      baseRef: 'main',
      isFork: false,
      labels: ['migrations', 'expand-contract:split'],
      action: 'opened',
      body: null,
      run: {
        sha: MERGE,
        runId: 1000000001,
        runAttempt: 2,
        serverUrl: github.serverUrl,
        apiUrl: github.url,
        runUrl: `${github.serverUrl}/octo-org/octo-repo/actions/runs/1000000001/attempts/2`,
      },
    });
  });

  it.each(['synchronize', 'reopened'] as const)('reads a %s event the same way', async (action) => {
    const event = readEvent(await envFor('pull_request', pullRequestEvent(github, 7, { action })));
    expect(event).toMatchObject({ kind: 'pull_request', action, headSha: HEAD, baseSha: BASE, number: 7 });
    expect(event).not.toHaveProperty('label');
  });

  it('names the label a labeled event added', async () => {
    const payload = pullRequestEvent(github, 7, { action: 'labeled', label: 'expand-contract:split' });
    const event = readEvent(await envFor('pull_request', payload));
    expect(event).toMatchObject({ kind: 'pull_request', action: 'labeled', label: 'expand-contract:split' });
  });

  it('flags a pull request from a fork', async () => {
    const event = readEvent(await envFor('pull_request', pullRequestEvent(github, 8)));
    expect(event).toMatchObject({
      kind: 'pull_request',
      number: 8,
      isFork: true,
      headSha: fakeSha('fork-head'),
      headRef: 'patch-1',
    });
    expect((event as { headRepo: string }).headRepo).not.toBe('octo-org/octo-repo');
  });

  it('flags a pull request whose head repository was deleted as a fork', async () => {
    const payload = pullRequestEvent(github, 7);
    ((payload['pull_request'] as Record<string, unknown>)['head'] as Record<string, unknown>)['repo'] = null;
    const event = readEvent(await envFor('pull_request', payload));
    expect(event).toMatchObject({ isFork: true, headRepo: null });
  });

  it('falls back to the payload for the repository when GITHUB_REPOSITORY is missing', async () => {
    const env = await envFor('pull_request', pullRequestEvent(github, 7));
    const event = readEvent({ ...env, GITHUB_REPOSITORY: undefined });
    expect(event).toMatchObject({ owner: 'octo-org', repo: 'octo-repo' });
  });

  it('refuses a payload that is not a pull request', async () => {
    const env = await envFor('pull_request', workflowDispatchEvent(github));
    expect(errorOf(() => readEvent(env)).message).toMatch(/has no pull_request with a number, head.sha/);
  });
});

describe('pull_request_target', () => {
  it('is refused, pointing at the two-workflow pattern', async () => {
    const env = await envFor('pull_request_target', pullRequestEvent(github, 7));
    const error = errorOf(() => readEvent(env));
    expect(error.message).toMatch(/does not run on pull_request_target/);
    expect(error.message).toMatch(/workflow_run/);
    expect(error.message).toMatch(/README/);
    expect(error.message).not.toMatch(/\n/);
  });
});

describe('workflow_dispatch', () => {
  it('gives the dispatched ref and GITHUB_SHA', async () => {
    const env = await envFor('workflow_dispatch', workflowDispatchEvent(github, { ref: 'refs/heads/main' }), {
      GITHUB_SHA: BASE,
      GITHUB_REF: 'refs/heads/main',
    });
    const event = readEvent(env);
    expect(event).toMatchObject({ kind: 'dispatch', owner: 'octo-org', repo: 'octo-repo', sha: BASE });
    expect(event).toHaveProperty('ref', 'refs/heads/main');
    expect(event).not.toHaveProperty('pullNumber');
  });

  it.each([['7'], [7]])('returns the pull-number input %j so the caller can look the PR up', async (n) => {
    const env = await envFor(
      'workflow_dispatch',
      workflowDispatchEvent(github, { inputs: { 'pull-number': n } }),
    );
    expect(readEvent(env)).toMatchObject({ kind: 'dispatch', pullNumber: 7 });
  });

  it('ignores an empty pull-number and refuses one that is not a number', async () => {
    const empty = await envFor(
      'workflow_dispatch',
      workflowDispatchEvent(github, { inputs: { 'pull-number': '' } }),
    );
    expect(readEvent(empty)).not.toHaveProperty('pullNumber');
    const bad = await envFor(
      'workflow_dispatch',
      workflowDispatchEvent(github, { inputs: { 'pull-number': '#7' } }),
    );
    expect(errorOf(() => readEvent(bad)).message).toBe("pull-number: '#7' is not a pull request number");
  });
});

describe('other events and broken environments', () => {
  it('reports any other event by name, without needing the event file', () => {
    const event = readEvent({ GITHUB_EVENT_NAME: 'push', GITHUB_SHA: HEAD, GITHUB_REPOSITORY: 'o/r' });
    expect(event).toEqual({
      kind: 'other',
      name: 'push',
      run: {
        sha: HEAD,
        runId: undefined,
        runAttempt: undefined,
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        runUrl: undefined,
      },
    });
  });

  it('says when it does not run in a workflow', () => {
    expect(errorOf(() => readEvent({})).message).toMatch(/GITHUB_EVENT_NAME is not set/);
  });

  it('says when the event file is missing, unreadable or not JSON', async () => {
    expect(errorOf(() => readEvent({ GITHUB_EVENT_NAME: 'pull_request' })).message).toMatch(
      /GITHUB_EVENT_PATH is not set/,
    );
    const dir = await mkdtemp(join(tmpdir(), 'ec-event-'));
    folders.push(dir);
    const missing = join(dir, 'nope.json');
    expect(
      errorOf(() => readEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: missing })).message,
    ).toBe(`cannot read the pull_request event file ${missing} (GITHUB_EVENT_PATH): ENOENT`);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"pull_request": ');
    expect(
      errorOf(() => readEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: broken })).message,
    ).toMatch(/^the pull_request event file .*broken\.json \(GITHUB_EVENT_PATH\) is not valid JSON/);
    const list = join(dir, 'list.json');
    await writeFile(list, '[]');
    expect(
      errorOf(() => readEvent({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: list })).message,
    ).toMatch(/is not a JSON object$/);
  });
});
