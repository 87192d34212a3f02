import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  describeGitHubError,
  GitHubActionError,
  isPermissionError,
  isRateLimitError,
  missingPermission,
  parseAcceptedPermissions,
} from '../../src/github/errors.js';
import {
  PERMISSIONS,
  preloadSpec,
  primaryRateLimit,
  secondaryRateLimit,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { clientFor, rejection, repoOf, seedPr } from './helpers.js';

let github: FakeGitHub;
let owner: string;
let repo: string;
let headSha: string;

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  ({ owner, repo } = repoOf(github));
  headSha = seedPr(github, 1).head.sha;
});
afterAll(() => github.close());
beforeEach(() => github.clearLog());

const createCheck = (token = github.token) =>
  clientFor(github, token).octokit.rest.checks.create({
    owner,
    repo,
    name: 'expand-contract',
    head_sha: headSha,
  });

describe('describeGitHubError against the fake GitHub', () => {
  it('names the permission from x-accepted-github-permissions', async () => {
    const error = await rejection(createCheck(github.addToken(PERMISSIONS.readAll)));
    expect(isPermissionError(error)).toBe(true);
    expect(isRateLimitError(error)).toBe(false);
    expect(describeGitHubError(error, 'create a check run')).toBe(
      'expand-contract could not create a check run: the token lacks checks: write. ' +
        'Add "permissions: checks: write" to the workflow job (see README: Permissions).',
    );
    const restricted = clientFor(github, github.addToken(PERMISSIONS.restricted));
    const read = await rejection(restricted.octokit.rest.pulls.get({ owner, repo, pull_number: 1 }));
    expect(describeGitHubError(read, 'read the pull request')).toBe(
      'expand-contract could not read the pull request: the token lacks pull-requests: read. ' +
        'Add "permissions: pull-requests: read" to the workflow job (see README: Permissions).',
    );
    github.assertNoViolations();
  });

  it('treats a 404 on a write as a permission problem, and a 404 on a read as missing', async () => {
    const { octokit } = clientFor(github);
    const write = await rejection(
      octokit.rest.issues.updateComment({ owner, repo, comment_id: 1, body: 'x' }),
    );
    expect(isPermissionError(write)).toBe(true);
    expect(describeGitHubError(write, 'update the comment')).toBe(
      'expand-contract could not update the comment: GitHub answered 404 Not Found, which for a write means the ' +
        'token lacks pull-requests: write (or issues: write). Add "permissions: pull-requests: write" to the ' +
        'workflow job (see README: Permissions).',
    );
    const read = await rejection(octokit.rest.pulls.get({ owner, repo, pull_number: 404 }));
    expect(isPermissionError(read)).toBe(false);
    expect(describeGitHubError(read, 'read the pull request')).toBe(
      `expand-contract could not read the pull request: GitHub answered 404 Not Found for GET /repos/${owner}/${repo}/pulls/404: it does not exist, or the token cannot see it.`,
    );
    github.assertNoViolations();
  });

  it('explains a primary rate limit that resets too late to wait for', async () => {
    github.failNext({ route: 'checks/create', ...primaryRateLimit({ resetInSeconds: 1800 }) });
    const error = await rejection(createCheck());
    expect(isRateLimitError(error)).toBe(true);
    expect(isPermissionError(error)).toBe(false);
    expect(describeGitHubError(error, 'create a check run')).toMatch(
      /^expand-contract could not create a check run: GitHub's API rate limit for this token is used up \(5000 requests per hour\); it resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in about 30 min\)\.$/,
    );
    expect(github.requestsFor('checks/create')).toHaveLength(1);
    github.assertNoViolations();
  });

  it('retries a primary rate limit that resets soon, at most twice', async () => {
    github.failNext({
      route: 'checks/create',
      ...primaryRateLimit({ resetInSeconds: 1, status: 429 }),
      times: 3,
    });
    const error = await rejection(createCheck());
    expect(github.requestsFor('checks/create').map((r) => r.status)).toEqual([429, 429, 429]);
    expect(describeGitHubError(error, 'create a check run')).toMatch(
      /API rate limit for this token is used up/,
    );
    github.failNext({ route: 'checks/create', ...primaryRateLimit({ resetInSeconds: 1 }), times: 2 });
    await createCheck();
    expect(github.requestsFor('checks/create').map((r) => r.status)).toEqual([429, 429, 429, 403, 403, 201]);
    github.assertNoViolations();
  });

  it('gives up on a secondary rate limit after 3 retries', async () => {
    const client = clientFor(github);
    github.failNext({ route: 'checks/create', ...secondaryRateLimit(), times: 4 });
    const error = await rejection(
      client.octokit.rest.checks.create({ owner, repo, name: 'x', head_sha: headSha }),
    );
    expect([client.requestCount, client.retryCount]).toEqual([4, 3]);
    expect(isPermissionError(error)).toBe(false);
    expect(describeGitHubError(error, 'create a check run')).toBe(
      "expand-contract could not create a check run: GitHub's secondary rate limit blocked the request, also " +
        'after retries; run the job again in a few minutes.',
    );
    github.assertNoViolations();
  });

  it('quotes GitHub’s validation message (422)', async () => {
    const { octokit } = clientFor(github);
    const error = await rejection(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: 'x'.repeat(70_000) }),
    );
    expect(describeGitHubError(error, 'comment on the pull request')).toBe(
      'expand-contract could not comment on the pull request: GitHub rejected the request (422 Validation ' +
        'Failed: body is too long (maximum is 65536 characters)).',
    );
    const annotations = Array.from({ length: 51 }, () => ({
      path: 'a.sql',
      start_line: 1,
      end_line: 1,
      annotation_level: 'notice' as const,
      message: 'm',
    }));
    const multiLine = await rejection(
      octokit.rest.checks.create({
        owner,
        repo,
        name: 'x',
        head_sha: headSha,
        output: { title: 't', summary: 's', annotations },
      }),
    );
    expect(describeGitHubError(multiLine, 'create a check run')).toBe(
      'expand-contract could not create a check run: GitHub rejected the request (422 Invalid request. No more ' +
        'than 50 items are allowed; 51 were supplied).',
    );
    github.assertNoViolations();
  });

  it('reports a refused token, a failing server and an unreachable one', async () => {
    const bad = await rejection(createCheck('ghs_unknown'));
    expect(describeGitHubError(bad, 'create a check run')).toBe(
      'expand-contract could not create a check run: GitHub refused the token (401 Bad credentials); check the token the Action is given.',
    );

    const client = clientFor(github);
    github.failNext({ route: 'pulls/get', status: 503, times: 4 });
    const down = await rejection(client.octokit.rest.pulls.get({ owner, repo, pull_number: 1 }));
    expect(github.requestsFor('pulls/get').map((r) => r.status)).toEqual([503, 503, 503, 503]);
    expect(describeGitHubError(down, 'read the pull request')).toBe(
      'expand-contract could not read the pull request: GitHub failed (503 Service Unavailable), also after retries; run the job again later.',
    );

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = clientFor(github, github.token, { baseUrl: `http://127.0.0.1:${port}` });
    const unreachable = await rejection(offline.octokit.rest.pulls.get({ owner, repo, pull_number: 1 }));
    expect(offline.requestCount).toBe(4); // retried like a 5xx
    expect(describeGitHubError(unreachable, 'read the pull request')).toBe(
      `expand-contract could not read the pull request: could not reach GitHub at http://127.0.0.1:${port} (connect ECONNREFUSED 127.0.0.1:${port}).`,
    );
    github.assertNoViolations();
  });
});

describe('describeGitHubError without a server', () => {
  const httpError = (status: number, method: string, url: string, message: string, headers = {}) =>
    Object.assign(new Error(message), {
      status,
      request: { method, url },
      response: { headers, data: { message } },
    });

  it('guesses the permission from the endpoint when GitHub does not name it', () => {
    const statuses = httpError(
      403,
      'POST',
      'https://api.github.com/repos/o/r/statuses/abc',
      'Resource not accessible by integration',
    );
    expect(describeGitHubError(statuses, 'set a commit status')).toBe(
      'expand-contract could not set a commit status: the token lacks statuses: write. Add "permissions: statuses: write" to the workflow job (see README: Permissions).',
    );
    const unknown = httpError(
      403,
      'DELETE',
      'https://api.github.com/repos/o/r/hooks/1',
      'Must have admin rights to Repository.',
    );
    expect(describeGitHubError(unknown, 'delete a hook')).toBe(
      'expand-contract could not delete a hook: the token is not allowed to (403 Must have admin rights to Repository). Check the "permissions:" of the workflow job (see README: Permissions).',
    );
  });

  it('reads alternatives and combinations in x-accepted-github-permissions', () => {
    expect(parseAcceptedPermissions('issues=write; pull_requests=write')).toEqual([
      ['issues: write'],
      ['pull-requests: write'],
    ]);
    expect(parseAcceptedPermissions('contents=read,checks=write')).toEqual([
      ['contents: read', 'checks: write'],
    ]);
    const both = httpError(403, 'POST', 'https://x/y', 'Resource not accessible by integration', {
      'x-accepted-github-permissions': 'contents=read,checks=write',
    });
    expect(missingPermission(both)).toEqual({
      lacks: 'contents: read, checks: write',
      suggest: 'contents: read, checks: write',
    });
  });

  it('describes anything else in one line', () => {
    expect(describeGitHubError(new Error('boom\n  at line 2'), 'do it')).toBe(
      'expand-contract could not do it: boom at line 2',
    );
    expect(describeGitHubError('plain', 'do it')).toBe('expand-contract could not do it: plain');
    expect(describeGitHubError(httpError(409, 'PUT', 'https://x/y', 'Conflict'), 'merge')).toBe(
      'expand-contract could not merge: GitHub answered 409 Conflict.',
    );
    expect(isPermissionError(new Error('x'))).toBe(false);
    const html = Object.assign(new Error(`<html>${'x'.repeat(5000)}</html>`), {
      status: 502,
      request: { method: 'GET', url: 'https://api.github.com/x' },
      response: { headers: {}, data: `<html>${'x'.repeat(5000)}</html>` },
    });
    expect(describeGitHubError(html, 'read').length).toBeLessThan(450);
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError', status: 500 });
    expect(describeGitHubError(abort, 'read')).toBe(
      'expand-contract could not read: the request to GitHub was aborted or timed out.',
    );
    const described = new GitHubActionError(httpError(409, 'PUT', 'https://x/y', 'Conflict'), 'merge');
    expect(describeGitHubError(described, 'publish')).toBe(described.message);
  });
});
