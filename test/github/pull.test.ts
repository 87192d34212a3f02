import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listPullFiles } from '../../src/github/pull-files.js';
import { getPullRequest, removeLabel } from '../../src/github/pull.js';
import { preloadSpec, startFakeGitHub, type FakeGitHub, type FileRecord } from '../support/github/index.js';
import { clientFor, migrationFiles, repoOf, seedPr } from './helpers.js';

let github: FakeGitHub;
let owner: string;
let repo: string;

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  ({ owner, repo } = repoOf(github));
});
afterAll(() => github.close());
beforeEach(() => github.clearLog());

describe('listPullFiles', () => {
  it('reads 3 pages of 100, with renames (old path kept) and removals', async () => {
    const files: FileRecord[] = migrationFiles(250);
    files[10] = { ...files[10]!, status: 'removed', additions: 0, deletions: 4 };
    files[120] = {
      filename: 'db/migrations/0121_renamed.sql',
      previous_filename: 'db/migrations/0121_old.sql',
      status: 'renamed',
      additions: 0,
      deletions: 0,
    };
    files[249] = { ...files[249]!, status: 'modified' };
    seedPr(github, 1, { files });
    const result = await listPullFiles(clientFor(github), { owner, repo, pullNumber: 1 });
    expect(result.truncated).toBe(false);
    expect(result.files).toHaveLength(250);
    expect(result.files[0]).toEqual({ path: 'db/migrations/0001_change.sql', status: 'added' });
    expect(result.files[10]).toEqual({ path: 'db/migrations/0011_change.sql', status: 'removed' });
    expect(result.files[120]).toEqual({
      path: 'db/migrations/0121_renamed.sql',
      status: 'renamed',
      previousPath: 'db/migrations/0121_old.sql',
    });
    expect(result.files[249]!.status).toBe('modified');
    const pages = github.requestsFor('pulls/list-files');
    expect(pages.map((r) => [r.query['per_page'], r.query['page'] ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
    // Without `changedFiles` it asks for the pull request's count once.
    expect(github.requestsFor('pulls/get')).toHaveLength(1);
    github.assertNoViolations();
  });

  it('reports truncation at GitHub’s 3000 files, without asking for the count', async () => {
    seedPr(github, 2, { files: migrationFiles(3004) });
    const result = await listPullFiles(clientFor(github), { owner, repo, pullNumber: 2 });
    expect(result.files).toHaveLength(3000);
    expect(result.truncated).toBe(true);
    expect(github.requestsFor('pulls/list-files')).toHaveLength(30);
    expect(github.requestsFor('pulls/get')).toHaveLength(0);
    github.assertNoViolations();
  });

  it('reports truncation when fewer files are listed than changed_files says', async () => {
    seedPr(github, 3, { files: migrationFiles(5) });
    const client = clientFor(github);
    const capped = await listPullFiles(client, { owner, repo, pullNumber: 3, changedFiles: 350 });
    expect(capped).toMatchObject({ truncated: true });
    const complete = await listPullFiles(client, { owner, repo, pullNumber: 3, changedFiles: 5 });
    expect(complete).toMatchObject({ truncated: false });
    expect(github.requestsFor('pulls/get')).toHaveLength(0);
    expect(client.requestCount).toBe(2);
    github.assertNoViolations();
  });
});

describe('getPullRequest', () => {
  it('gives the fields the Action needs, for a same-repository pull request', async () => {
    const seeded = seedPr(github, 4, {
      labels: ['migrations', 'expand-contract:split'],
      files: migrationFiles(7),
    });
    const pr = await getPullRequest(clientFor(github), { owner, repo, pullNumber: 4 });
    expect(pr).toEqual({
      number: 4,
      state: 'open',
      draft: false,
      merged: false,
      head: { sha: seeded.head.sha, ref: 'feature-4', repoFullName: github.repository },
      base: { sha: seeded.base.sha, ref: 'main', repoFullName: github.repository },
      labels: ['migrations', 'expand-contract:split'],
      isFork: false,
      changedFiles: 7,
      mergeCommitSha: seeded.mergeSha,
      body: null,
    });
    github.assertNoViolations();
  });

  it('marks a pull request from a fork', async () => {
    seedPr(github, 5, { fork: true });
    const pr = await getPullRequest(clientFor(github), { owner, repo, pullNumber: 5 });
    expect(pr.isFork).toBe(true);
    expect(pr.head.repoFullName).toBe(`contributor/${repo}`);
    expect(pr.base.repoFullName).toBe(github.repository);
    github.assertNoViolations();
  });
});

describe('removeLabel', () => {
  it('removes a label, and ignores one that is already gone', async () => {
    seedPr(github, 6, { labels: ['expand-contract:split', 'keep me'] });
    const client = clientFor(github);
    const params = { owner, repo, issueNumber: 6, name: 'expand-contract:split' };
    expect(await removeLabel(client, params)).toBe(true);
    expect(github.labels(6)).toEqual(['keep me']);
    expect(await removeLabel(client, params)).toBe(false);
    expect(github.requestsFor('issues/remove-label').map((r) => r.status)).toEqual([200, 404]);
    expect(client.retryCount).toBe(0);
    github.assertNoViolations();
  });
});
