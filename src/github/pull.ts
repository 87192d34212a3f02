// The pull request as the Action needs it, and removing a label from it.

import type { GitHubClient } from './client.js';
import { isNotFound } from './errors.js';

export interface PullRequestRef {
  sha: string;
  ref: string;
  /** `owner/name`; null when the head repository was deleted. */
  repoFullName: string | null;
}

export interface PullRequestInfo {
  number: number;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  head: PullRequestRef;
  base: PullRequestRef;
  /** Label names. */
  labels: string[];
  /** The head branch lives in another repository (or one that no longer exists). */
  isFork: boolean;
  /** What GitHub counts; the files list stops at 3000. */
  changedFiles: number;
  /** The test merge commit, when GitHub has made one. */
  mergeCommitSha: string | null;
  /** The description, null when empty. */
  body: string | null;
}

export interface PullRequestParams {
  owner: string;
  repo: string;
  pullNumber: number;
}

export async function getPullRequest(
  client: GitHubClient,
  opts: PullRequestParams,
): Promise<PullRequestInfo> {
  const { data } = await client.octokit.rest.pulls.get({
    owner: opts.owner,
    repo: opts.repo,
    pull_number: opts.pullNumber,
  });
  const headRepo = data.head.repo?.full_name ?? null;
  const baseRepo = data.base.repo.full_name;
  return {
    number: data.number,
    state: data.state === 'closed' ? 'closed' : 'open',
    draft: data.draft ?? false,
    merged: data.merged,
    head: { sha: data.head.sha, ref: data.head.ref, repoFullName: headRepo },
    base: { sha: data.base.sha, ref: data.base.ref, repoFullName: baseRepo },
    labels: data.labels.map((l) => l.name),
    isFork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    changedFiles: data.changed_files,
    mergeCommitSha: data.merge_commit_sha ?? null,
    body: data.body ?? null,
  };
}

export interface RemoveLabelParams {
  owner: string;
  repo: string;
  issueNumber: number;
  name: string;
}

/** Removes a label from a pull request; `false` when it was not there (GitHub's 404). */
export async function removeLabel(client: GitHubClient, opts: RemoveLabelParams): Promise<boolean> {
  try {
    await client.octokit.rest.issues.removeLabel({
      owner: opts.owner,
      repo: opts.repo,
      issue_number: opts.issueNumber,
      name: opts.name,
    });
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
