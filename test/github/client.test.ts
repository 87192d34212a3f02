import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, DEFAULT_API_URL, parseRepository } from '../../src/github/client.js';
import {
  preloadSpec,
  secondaryRateLimit,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { clientFor, migrationFiles, repoOf, seedPr } from './helpers.js';

let github: FakeGitHub;
let owner: string;
let repo: string;

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  ({ owner, repo } = repoOf(github));
  seedPr(github, 1, { files: migrationFiles(150) });
});
afterAll(() => github.close());
beforeEach(() => github.clearLog());

describe('createGitHubClient', () => {
  it('defaults to api.github.com and drops a trailing slash from GITHUB_API_URL', () => {
    expect(createGitHubClient({ token: 't' }).baseUrl).toBe(DEFAULT_API_URL);
    expect(createGitHubClient({ token: 't', baseUrl: 'https://ghe.example.com/api/v3/' }).baseUrl).toBe(
      'https://ghe.example.com/api/v3',
    );
    expect(createGitHubClient({ token: 't', baseUrl: '' }).baseUrl).toBe(DEFAULT_API_URL);
  });

  it('counts every request sent, pages and retries included', async () => {
    const client = clientFor(github);
    await client.octokit.paginate(client.octokit.rest.pulls.listFiles, {
      owner,
      repo,
      pull_number: 1,
      per_page: 100,
    });
    expect([client.requestCount, client.retryCount]).toEqual([2, 0]);
    github.failNext({ route: 'pulls/get', status: 502, times: 2 });
    const { data } = await client.octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    expect(data.number).toBe(1);
    expect([client.requestCount, client.retryCount]).toEqual([5, 2]);
    expect(github.requests).toHaveLength(5);
    github.assertNoViolations();
  });

  it('does not retry what retrying cannot fix (404, 422)', async () => {
    const client = clientFor(github);
    await expect(client.octokit.rest.pulls.get({ owner, repo, pull_number: 99 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      client.octokit.rest.issues.createComment({ owner, repo, issue_number: 1, body: ' ' }),
    ).rejects.toMatchObject({ status: 422 });
    expect([client.requestCount, client.retryCount]).toEqual([2, 0]);
    github.assertNoViolations();
  });

  it('logs rate limit retries as warnings and failed requests only at debug level', async () => {
    const lines: string[] = [];
    const at = (level: string) => (message: string) => lines.push(`${level}: ${message}`);
    const log = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
    const client = clientFor(github, github.token, { log });
    github.failNext({ route: 'pulls/get', ...secondaryRateLimit({ retryAfter: 2 }) });
    await client.octokit.rest.pulls.get({ owner, repo, pull_number: 1 });
    await expect(client.octokit.rest.pulls.get({ owner, repo, pull_number: 99 })).rejects.toThrow();
    expect(lines.filter((l) => !l.startsWith('debug'))).toEqual([
      'warn: GitHub secondary rate limit on GET /repos/{owner}/{repo}/pulls/{pull_number}; retrying in 2 s',
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^debug: GET \/repos\/.*\/pulls\/99 - 404 with id FAKE:/),
    );
    expect(lines.join('\n')).not.toContain(github.token);
    github.assertNoViolations();
  });

  it('spaces writes by a second unless told not to', async () => {
    const spaced = clientFor(github, github.token, { spaceWrites: true });
    const sha = github.pullRequest(1).head.sha;
    const status = () =>
      spaced.octokit.rest.repos.createCommitStatus({
        owner,
        repo,
        sha,
        state: 'success',
        context: 'spacing',
      });
    const started = Date.now();
    await status();
    await status();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    github.assertNoViolations();
  });
});

describe('parseRepository', () => {
  it('splits GITHUB_REPOSITORY', () => {
    expect(parseRepository('octo-org/octo-repo')).toEqual({ owner: 'octo-org', repo: 'octo-repo' });
    expect(() => parseRepository('octo-repo')).toThrow(/owner\/name/);
  });
});
