// The files a pull request changes, as GitHub lists them (at most 3000).

import type { GitHubClient } from './client.js';

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_PULL_FILES = 3000;

export type PullFileStatus =
  'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface PullFile {
  path: string;
  status: PullFileStatus;
  /** The old path of a renamed (or copied) file. */
  previousPath?: string;
}

export interface PullFilesResult {
  files: PullFile[];
  /** GitHub did not list every changed file (more than 3000, or fewer listed than `changed_files`). */
  truncated: boolean;
}

export interface ListPullFilesOptions {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The pull request's `changed_files`, when known (from `getPullRequest`); otherwise it is fetched. */
  changedFiles?: number;
}

const STATUSES = new Set<string>([
  'added',
  'removed',
  'modified',
  'renamed',
  'copied',
  'changed',
  'unchanged',
]);

export async function listPullFiles(
  client: GitHubClient,
  opts: ListPullFilesOptions,
): Promise<PullFilesResult> {
  const { octokit } = client;
  const params = { owner: opts.owner, repo: opts.repo, pull_number: opts.pullNumber };
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...params, per_page: 100 });
  const files = listed.map((f): PullFile => {
    const status = (STATUSES.has(f.status) ? f.status : 'modified') as PullFileStatus;
    return {
      path: f.filename,
      status,
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    };
  });

  // GitHub stops at 3000 files (older GitHub Enterprise Server versions stop sooner): compare with the count.
  let truncated = files.length >= MAX_LISTED_PULL_FILES;
  if (!truncated) {
    const changed = opts.changedFiles ?? (await octokit.rest.pulls.get(params)).data.changed_files;
    truncated = changed > files.length;
  }
  return { files, truncated };
}
