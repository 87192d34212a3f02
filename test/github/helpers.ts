// Shared setup for the tests of src/github against the fake GitHub (test/support/github).
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../src/github/client.js';
import { fakeSha, type FakeGitHub, type FileRecord, type PullRecord } from '../support/github/index.js';

/** A client for the fake server: retry waits of 1 ms per second asked, no spacing of writes. */
export function clientFor(
  github: FakeGitHub,
  token = github.token,
  options: Partial<GitHubClientOptions> = {},
): GitHubClient {
  return createGitHubClient({
    token,
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false,
    ...options,
  });
}

/** `{ owner, repo }` of the fake server's default repository. */
export function repoOf(github: FakeGitHub): { owner: string; repo: string } {
  const [owner, repo] = github.repository.split('/') as [string, string];
  return { owner, repo };
}

export function migrationFiles(count: number, prefix = 'db/migrations'): FileRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    filename: `${prefix}/${String(i + 1).padStart(4, '0')}_change.sql`,
    status: 'added' as const,
    additions: 1,
    deletions: 0,
  }));
}

/** A pull request with made-up shas on the fake server's repository. */
export function seedPr(
  github: FakeGitHub,
  number: number,
  opts: { files?: FileRecord[]; labels?: string[]; fork?: boolean } = {},
): PullRecord {
  return github.seedPullRequest({
    number,
    head: { sha: fakeSha(`head-${number}`), ref: `feature-${number}`, ...(opts.fork ? { fork: true } : {}) },
    base: { sha: fakeSha('base') },
    files: opts.files ?? migrationFiles(2),
    labels: opts.labels ?? [],
  });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { status?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { status?: number };
  }
  throw new Error('expected the promise to reject');
}
