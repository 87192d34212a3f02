// The fake GitHub through a real client (@octokit/rest, with the retry and throttling plugins).
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  preloadSpec,
  primaryRateLimit,
  secondaryRateLimit,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { octokitFor, quietLog, repoOf, seedPr } from './helpers.js';

let github: FakeGitHub;
let octokit: Octokit;
let owner: string;
let repo: string;

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  octokit = octokitFor(github);
  ({ owner, repo } = repoOf(github));
  seedPr(github, 1, 75, ['migrations']);
  seedPr(github, 2, 3005);
});
afterAll(() => github.close());
beforeEach(() => github.clearLog());

async function statusOf(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, string> }> {
  const error = (await promise.then(
    () => expect.unreachable('the request succeeded'),
    (e: unknown) => e,
  )) as { status: number; message: string; response: { headers: Record<string, string> } };
  return { status: error.status, message: error.message, headers: error.response.headers };
}

describe('valid calls', () => {
  it('answers pulls.get with the documented shape, headers and a log entry', async () => {
    const { data, headers, status } = await octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(status).toBe(200);
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      head: {
        sha: github.pullRequest(1).head.sha,
        ref: 'feature-1',
        repo: { full_name: github.repository, fork: false },
      },
      base: { ref: 'main', repo: { full_name: github.repository } },
      labels: [{ name: 'migrations' }],
      changed_files: 75,
      merge_commit_sha: github.pullRequest(1).mergeSha,
    });
    expect(headers['x-github-request-id']).toMatch(/^FAKE:/);
    expect(Number(headers['x-ratelimit-remaining'])).toBe(Number(headers['x-ratelimit-limit']) - 1);
    expect(headers['x-accepted-github-permissions']).toBe('pull_requests=read');
    expect(github.requests).toMatchObject([
      {
        method: 'GET',
        route: '/repos/{owner}/{repo}/pulls/{pull_number}',
        operationId: 'pulls/get',
        status: 200,
      },
    ]);
    expect(github.requests[0]!.params).toEqual({ owner, repo, pull_number: 1 });
    github.assertNoViolations();
  });

  it('creates, updates, lists and deletes comments as the token identity', async () => {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'first' });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const updated = await octokit.rest.issues.updateComment({
      owner,
      repo,
      comment_id: created.data.id,
      body: 'second',
    });
    expect(updated.data.body).toBe('second');
    const listed = await octokit.rest.issues.listComments({ owner, repo, issue_number: 1 });
    expect(listed.data.map((c) => c.body)).toEqual(['second']);
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id });
    expect(github.comments(1)).toEqual([]);
    expect(
      (await statusOf(octokit.rest.issues.getComment({ owner, repo, comment_id: created.data.id }))).status,
    ).toBe(404);
    github.assertNoViolations();
  });

  it('adds and removes labels, and resolves git refs with encoded slashes', async () => {
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: 1, labels: ['breaking-change'] });
    expect(github.labels(1)).toEqual(['migrations', 'breaking-change']);
    const removed = await octokit.rest.issues.removeLabel({
      owner,
      repo,
      issue_number: 1,
      name: 'migrations',
    });
    expect(removed.data.map((l) => l.name)).toEqual(['breaking-change']);
    const missing = await statusOf(
      octokit.rest.issues.removeLabel({ owner, repo, issue_number: 1, name: 'nope' }),
    );
    expect(missing).toMatchObject({ status: 404 });
    const ref = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    expect(ref.data).toMatchObject({
      ref: 'refs/heads/main',
      object: { sha: github.pullRequest(1).base.sha },
    });
    github.assertNoViolations();
  });
});

describe('rejected requests', () => {
  it('records an invalid body, unknown route, bad parameter and unimplemented route as violations', async () => {
    const badBody = await statusOf(
      octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner,
        repo,
        issue_number: 1,
        body: 42,
      } as never),
    );
    expect(badBody.status).toBe(400);
    expect(badBody.headers['x-fake-github-violation']).toBe('invalid-body');
    expect(
      (await statusOf(octokit.request('GET /repos/{owner}/{repo}/nonsense', { owner, repo }))).status,
    ).toBe(400);
    const badParam = await statusOf(octokit.request(`GET /repos/${owner}/${repo}/pulls/abc`));
    expect(badParam.status).toBe(400);
    const badEnum = octokit.rest.checks.listForRef({ owner, repo, ref: 'main', status: 'done' as never });
    expect((await statusOf(badEnum)).status).toBe(400);
    expect((await statusOf(octokit.rest.repos.listReleases({ owner, repo }))).status).toBe(501);
    expect(github.violations.map((v) => v.kind)).toEqual([
      'invalid-body',
      'unknown-route',
      'invalid-parameters',
      'invalid-parameters',
      'not-implemented',
    ]);
    expect(github.violations[0]!.message).toMatch(/body\/body must be string/);
    expect(() => github.assertNoViolations()).toThrow(/5 violation/);
  });

  it('answers 404 for unknown resources and 401 for unknown tokens, as GitHub does', async () => {
    const gone = await statusOf(octokit.rest.pulls.get({ owner, repo, pull_number: 99 }));
    expect(gone).toMatchObject({ status: 404 });
    expect((await statusOf(octokit.rest.repos.get({ owner, repo: 'nope' }))).status).toBe(404);
    expect((await statusOf(octokitFor(github, 'ghs_unknown').rest.repos.get({ owner, repo }))).status).toBe(
      401,
    );
    const bearer = await fetch(`${github.url}/repos/${owner}/${repo}`, {
      headers: { authorization: `Bearer ${github.token}` },
    });
    expect(bearer.status).toBe(200);
    const anonymous = await fetch(`${github.url}/repos/${owner}/${repo}`);
    expect([anonymous.status, ((await anonymous.json()) as { message: string }).message]).toEqual([
      401,
      'Requires authentication',
    ]);
    expect(github.violations).toEqual([]);
  });

  it('answers the real primary rate limit once a token has used up its requests', async () => {
    const limited = await startFakeGitHub({ rateLimit: 2, quiet: true });
    try {
      const client = octokitFor(limited);
      const [o, r] = limited.repository.split('/') as [string, string];
      const first = await client.rest.repos.get({ owner: o, repo: r });
      expect(first.headers['x-ratelimit-remaining']).toBe('1');
      await client.rest.repos.get({ owner: o, repo: r });
      const error = await statusOf(client.rest.repos.get({ owner: o, repo: r }));
      expect(error.status).toBe(403);
      expect(error.message).toContain('API rate limit exceeded');
      expect(error.headers['x-ratelimit-remaining']).toBe('0');
      expect((await client.rest.rateLimit.get()).data.rate).toMatchObject({ limit: 2, remaining: 0 });
    } finally {
      await limited.close();
    }
  });
});

describe('pagination', () => {
  it('pages PR files with per_page/page and a Link header like GitHub', async () => {
    const first = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1, per_page: 30 });
    expect(first.data).toHaveLength(30);
    const base = `${github.url}/repos/${owner}/${repo}/pulls/1/files?per_page=30`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const middle = await octokit.rest.pulls.listFiles({ owner, repo, pull_number: 1, per_page: 30, page: 2 });
    expect(middle.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 1,
      per_page: 30,
    });
    expect(all.map((f) => f.filename)).toEqual(github.pullRequest(1).files.map((f) => f.filename));
    expect(github.requestsFor('pulls/list-files')).toHaveLength(5);
  });

  it('stops at GitHub’s 3000-file cap', async () => {
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 2,
      per_page: 100,
    });
    expect(all).toHaveLength(3000);
    expect(github.requestsFor('pulls/list-files')).toHaveLength(30);
    expect((await octokit.rest.pulls.get({ owner, repo, pull_number: 2 })).data.changed_files).toBe(3005);
  });
});

describe('check runs', () => {
  const annotations = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      path: 'db/001.sql',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning' as const,
      message: `finding ${i + 1}`,
    }));

  it('rejects more than 50 annotations per request with 422 and accumulates them across updates', async () => {
    const head_sha = github.pullRequest(1).head.sha;
    const tooMany = octokit.rest.checks.create({
      owner,
      repo,
      name: 'expand-contract',
      head_sha,
      output: { title: 't', summary: 's', annotations: annotations(51) },
    });
    const error = await statusOf(tooMany);
    expect(error.status).toBe(422);
    expect(error.message).toContain('No more than 50 items are allowed; 51 were supplied.');
    const { data: run } = await octokit.rest.checks.create({
      owner,
      repo,
      name: 'expand-contract',
      head_sha,
      status: 'in_progress',
      output: { title: 't', summary: 's', annotations: annotations(50) },
    });
    const { data: done } = await octokit.rest.checks.update({
      owner,
      repo,
      check_run_id: run.id,
      conclusion: 'failure',
      output: { title: 'done', summary: 'two batches', annotations: annotations(20) },
    });
    expect(done).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { annotations_count: 70 },
    });
    expect(github.checkRuns(head_sha)[0]!.annotations).toHaveLength(70);
    const listed = await octokit.rest.checks.listForRef({ owner, repo, ref: head_sha });
    expect(listed.data).toMatchObject({
      total_count: 1,
      check_runs: [{ id: run.id, name: 'expand-contract' }],
    });
    expect(github.violations).toEqual([]);
  });
});

describe('permissions', () => {
  it('answers 403 with x-accepted-github-permissions for a read-only (fork) token', async () => {
    const fork = octokitFor(github, github.addToken(PERMISSIONS.readAll));
    await fork.rest.pulls.get({ owner, repo, pull_number: 1 });
    const check = await statusOf(
      fork.rest.checks.create({ owner, repo, name: 'x', head_sha: github.pullRequest(1).head.sha }),
    );
    expect(check).toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(check.headers['x-accepted-github-permissions']).toBe('checks=write');
    const comment = await statusOf(
      fork.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'hi' }),
    );
    expect(comment.headers['x-accepted-github-permissions']).toBe('issues=write; pull_requests=write');
    const restricted = octokitFor(github, github.addToken(PERMISSIONS.restricted));
    expect((await statusOf(restricted.rest.pulls.get({ owner, repo, pull_number: 1 }))).status).toBe(403);
    expect(github.checkRuns()).toHaveLength(1); // only the earlier test's run
    expect(github.violations).toEqual([]);
  });
});

describe('injected failures', () => {
  const Throttled = Octokit.plugin(retry, throttling);

  it('retries a secondary rate limit (403, retry-after: 1) through plugin-throttling', async () => {
    const seen: number[] = [];
    const client = new Throttled({
      baseUrl: github.url,
      auth: github.token,
      log: quietLog,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          seen.push(retryAfter);
          return true;
        },
      },
    });
    // A commit status: comments would also wait for the plugin's 3 s spacing of notifying writes.
    github.failNext({
      method: 'POST',
      route: '/repos/{owner}/{repo}/statuses/{sha}',
      ...secondaryRateLimit(),
    });
    const sha = github.pullRequest(1).head.sha;
    const started = Date.now();
    const { data } = await client.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state: 'success',
      context: 'ec',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(seen).toEqual([1]);
    expect(data).toMatchObject({
      state: 'success',
      context: 'ec',
      creator: { login: 'github-actions[bot]' },
    });
    expect(github.requestsFor('repos/create-commit-status').map((r) => [r.status, r.injected])).toEqual([
      [403, true],
      [201, false],
    ]);
    expect(github.statuses(sha)).toHaveLength(1);
  });

  it('retries a primary rate limit and 5xx errors', async () => {
    const client = new Throttled({
      baseUrl: github.url,
      auth: github.token,
      log: quietLog,
      retry: { retryAfterBaseValue: 5 },
      throttle: { retryAfterBaseValue: 5, onRateLimit: () => true, onSecondaryRateLimit: () => false },
    });
    github.failNext({ route: '/repos/{owner}/{repo}', ...primaryRateLimit({ status: 429 }) });
    github.failNext({ route: '/repos/{owner}/{repo}', status: 502, times: 2 });
    const { data } = await client.rest.repos.get({ owner, repo });
    expect(data.full_name).toBe(github.repository);
    expect(github.requests.map((r) => r.status)).toEqual([429, 502, 502, 200]);
    expect(github.violations).toEqual([]);
  });
});
