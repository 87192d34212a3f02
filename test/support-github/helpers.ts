// Shared setup for the fake GitHub's own tests.
import { Octokit } from '@octokit/rest';
import { fakeSha, type FakeGitHub, type FileRecord, type PullRecord } from '../support/github/index.js';

export function octokitFor(github: FakeGitHub, token = github.token): Octokit {
  return new Octokit({ baseUrl: github.url, auth: token, log: quietLog });
}

export const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function files(count: number): FileRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `db/migrations/${String(i + 1).padStart(4, '0')}_change.sql`,
    status: 'added' as const,
    additions: 3,
    deletions: 0,
    patch: '@@ -0,0 +1,3 @@\n+ALTER TABLE t\n+  ADD COLUMN c int;\n+',
  }));
}

/** A pull request with made-up shas and `fileCount` files on the server's repository. */
export function seedPr(github: FakeGitHub, number: number, fileCount = 3, labels: string[] = []): PullRecord {
  return github.seedPullRequest({
    number,
    head: { sha: fakeSha(`head-${number}`), ref: `feature-${number}` },
    base: { sha: fakeSha('base') },
    files: files(fileCount),
    labels,
  });
}

/** `{ owner, repo }` of the server's default repository, for Octokit calls. */
export function repoOf(github: FakeGitHub): { owner: string; repo: string } {
  const [owner, repo] = github.repository.split('/') as [string, string];
  return { owner, repo };
}
