// The deployments source of deploy age: how long the expand commit has been in an environment, by GitHub's
// deployments and their statuses (what `environment:` jobs, and deploy tools, record).
//
// The answer is the first deployment, oldest first, that succeeded and whose commit contains the expand
// commit, counted from that success status's `created_at`, within the newest stretch of deployments that
// all contain the expand commit. Deployments are listed newest first and the walk back stops at the first
// successful deployment whose commit does NOT contain the expand commit: everything older predates the
// expand phase, or was rolled back by it; either way production has run without the expand commit since,
// so the clock starts after it. That keeps requests bounded by the deployments since the expand phase, not
// by the repository's history (and `maxDeployments` bounds even those: when it is reached the oldest
// success seen answers, which can only make the age shorter, never longer).
//
// Statuses are read once per deployment, and only where they decide something: the deployment that ends
// the walk, the containing ones oldest first until one succeeded, and up to `maxLater` later ones for
// `later` (deployments after the one found whose newest status is failure or error, or that ended inactive
// without ever succeeding; an inactive status after a success only means a newer deployment replaced it).

import type { GitHubClient } from '../../github/client.js';
import { GitHubActionError, isNotFound } from '../../github/errors.js';

const DAY_MS = 86_400_000;
const PER_PAGE = 100;
/** Deployments looked at, at most, by default. */
export const MAX_DEPLOYMENTS = 300;
/** Later deployments whose statuses are read for `later`, at most, by default. */
export const MAX_LATER = 30;

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface LaterDeployment {
  deploymentId: number;
  sha: string;
  state: 'failure' | 'error' | 'inactive';
  /** When that status was created (ISO 8601). */
  at: string;
}

export type DeploymentEvidence =
  | {
      kind: 'deployed';
      deploymentId: number;
      sha: string;
      environment: string;
      /** The `created_at` of the deployment's first `success` status (ISO 8601). */
      deployedAt: string;
      /** Days from `deployedAt` to `now`, with fractions; never negative. */
      ageDays: number;
      /** Deployments after this one that failed, errored, or were abandoned; oldest first. */
      later: LaterDeployment[];
      /** Set when the answer is a lower bound or `later` is incomplete (the limits were reached). */
      note?: string;
    }
  | { kind: 'not-deployed'; checked: number; reason: string }
  | { kind: 'no-deployments'; environment: string };

export interface RepoParams {
  owner: string;
  repo: string;
}

export interface DeploymentAgeParams extends RepoParams {
  environment: string;
  /** Full sha of the commit that shipped the expand phase. */
  expandCommit: string;
  /** Whether `deployedSha` contains (descends from, or is) `expandCommit`: git ancestry, else `compareContains`. */
  contains: (deployedSha: string, expandCommit: string) => Promise<boolean>;
  now: Date;
  /** Deployments looked at, at most (default 300). */
  maxDeployments?: number;
  /** Later deployments whose statuses are read for `later`, at most (default 30). */
  maxLater?: number;
}

interface Deployment {
  id: number;
  sha: string;
}

interface Status {
  state: DeploymentState;
  createdAt: string;
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

function hasNextPage(link: string | undefined): boolean {
  return /\brel="next"/.test(link ?? '');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Days from `at` to `now`, with fractions; 0 when `at` is in the future (clock skew). */
function daysSince(at: string, now: Date): number {
  const days = (now.getTime() - Date.parse(at)) / DAY_MS;
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/** One request: whether the environment has any deployment at all (for `deploy-source: auto`). */
export async function hasDeployments(
  client: GitHubClient,
  params: RepoParams & { environment: string },
): Promise<boolean> {
  try {
    const { data } = await client.octokit.rest.repos.listDeployments({
      owner: params.owner,
      repo: params.repo,
      environment: params.environment,
      per_page: 1,
    });
    return data.length > 0;
  } catch (error) {
    throw new GitHubActionError(error, `list the deployments to ${params.environment}`);
  }
}

/**
 * `contains` by the compare API, for when git cannot answer (a shallow clone): the expand commit is
 * contained when `compare(expand...deployed)` is `ahead` or `identical`. A commit GitHub does not know
 * (404: a deployment of a since-deleted branch) contains nothing. One request per deployed sha, cached.
 */
export function compareContains(
  client: GitHubClient,
  params: RepoParams,
): (deployedSha: string, expandCommit: string) => Promise<boolean> {
  const cache = new Map<string, Promise<boolean>>();
  const ask = async (deployedSha: string, expandCommit: string): Promise<boolean> => {
    if (deployedSha === expandCommit) return true;
    try {
      const { data } = await client.octokit.rest.repos.compareCommitsWithBasehead({
        owner: params.owner,
        repo: params.repo,
        basehead: `${expandCommit}...${deployedSha}`,
        per_page: 1,
      });
      return data.status === 'ahead' || data.status === 'identical';
    } catch (error) {
      if (isNotFound(error)) return false;
      throw new GitHubActionError(error, `compare ${short(expandCommit)}...${short(deployedSha)}`);
    }
  };
  return (deployedSha, expandCommit) => {
    const key = `${expandCommit}...${deployedSha}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = ask(deployedSha, expandCommit);
      cache.set(key, answer);
    }
    return answer;
  };
}

/** How long the expand commit has been deployed to `environment`, by GitHub's deployments. */
export async function deploymentAge(
  client: GitHubClient,
  params: DeploymentAgeParams,
): Promise<DeploymentEvidence> {
  const { owner, repo, environment, expandCommit, now } = params;
  const maxDeployments = params.maxDeployments ?? MAX_DEPLOYMENTS;
  const statusCache = new Map<number, Status[]>();
  const containsCache = new Map<string, boolean>();

  /** A deployment's statuses, newest first; read once. */
  const statusesOf = async (id: number): Promise<Status[]> => {
    const cached = statusCache.get(id);
    if (cached) return cached;
    const statuses: Status[] = [];
    try {
      for (let page = 1; ; page++) {
        const { data, headers } = await client.octokit.rest.repos.listDeploymentStatuses({
          owner,
          repo,
          deployment_id: id,
          per_page: PER_PAGE,
          page,
        });
        statuses.push(...data.map((s) => ({ state: s.state, createdAt: s.created_at })));
        if (!hasNextPage(headers.link)) break;
      }
    } catch (error) {
      throw new GitHubActionError(error, `read the statuses of deployment ${id} to ${environment}`);
    }
    statusCache.set(id, statuses);
    return statuses;
  };

  const containsExpand = async (sha: string): Promise<boolean> => {
    if (sha === expandCommit) return true;
    let answer = containsCache.get(sha);
    if (answer === undefined) {
      answer = await params.contains(sha, expandCommit);
      containsCache.set(sha, answer);
    }
    return answer;
  };

  // Newest first, until a successful deployment without the expand commit (or the end, or the limit).
  const seen: Deployment[] = [];
  const containing = new Set<Deployment>();
  let boundary: Deployment | undefined;
  let capped = false;
  walk: for (let page = 1; ; page++) {
    let data: Deployment[];
    let link: string | undefined;
    try {
      const response = await client.octokit.rest.repos.listDeployments({
        owner,
        repo,
        environment,
        per_page: PER_PAGE,
        page,
      });
      data = response.data.map((d) => ({ id: d.id, sha: d.sha }));
      link = response.headers.link;
    } catch (error) {
      throw new GitHubActionError(error, `list the deployments to ${environment}`);
    }
    if (page === 1 && data.length === 0) return { kind: 'no-deployments', environment };
    for (const deployment of data) {
      if (seen.length >= maxDeployments) {
        capped = true;
        break walk;
      }
      seen.push(deployment);
      if (await containsExpand(deployment.sha)) {
        containing.add(deployment);
      } else if ((await statusesOf(deployment.id)).some((s) => s.state === 'success')) {
        boundary = deployment;
        break walk;
      }
    }
    if (!hasNextPage(link)) break;
  }

  // Oldest first among the containing deployments: the first that succeeded.
  let foundIndex = -1;
  let success: Status | undefined;
  for (let i = seen.length - 1; i >= 0 && !success; i--) {
    const deployment = seen[i]!;
    if (!containing.has(deployment)) continue;
    success = (await statusesOf(deployment.id)).findLast((s) => s.state === 'success');
    if (success) foundIndex = i;
  }
  if (!success) {
    return {
      kind: 'not-deployed',
      checked: seen.length,
      reason: await notDeployedReason(seen, containing, boundary, capped),
    };
  }

  const found = seen[foundIndex]!;
  const { later, unchecked } = await laterDeployments(seen.slice(0, foundIndex));
  const notes: string[] = [];
  if (capped) {
    notes.push(
      `only the newest ${plural(maxDeployments, 'deployment')} to ${environment} were read and all contain the expand commit: it may have been deployed earlier`,
    );
  }
  if (unchecked > 0) notes.push(`${plural(unchecked, 'later deployment')} not checked for failures`);
  return {
    kind: 'deployed',
    deploymentId: found.id,
    sha: found.sha,
    environment,
    deployedAt: success.createdAt,
    ageDays: daysSince(success.createdAt, now),
    later,
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };

  /** Deployments after the one found (newest first in `after`) that failed or were abandoned, oldest first. */
  async function laterDeployments(
    after: Deployment[],
  ): Promise<{ later: LaterDeployment[]; unchecked: number }> {
    const maxLater = params.maxLater ?? MAX_LATER;
    const later: LaterDeployment[] = [];
    let read = 0;
    let unchecked = 0;
    for (const deployment of after) {
      if (!statusCache.has(deployment.id)) {
        if (read >= maxLater) {
          unchecked++;
          continue;
        }
        read++;
      }
      const statuses = await statusesOf(deployment.id);
      const newest = statuses[0];
      if (!newest) continue;
      const failed = newest.state === 'failure' || newest.state === 'error';
      const abandoned = newest.state === 'inactive' && !statuses.some((s) => s.state === 'success');
      if (failed || abandoned) {
        later.push({
          deploymentId: deployment.id,
          sha: deployment.sha,
          state: newest.state as LaterDeployment['state'],
          at: newest.createdAt,
        });
      }
    }
    return { later: later.reverse(), unchecked };
  }

  async function notDeployedReason(
    seen: Deployment[],
    containing: Set<Deployment>,
    boundary: Deployment | undefined,
    capped: boolean,
  ): Promise<string> {
    const expand = short(expandCommit);
    const read = `${plural(seen.length, 'deployment')} to ${environment}`;
    if (containing.size > 0) {
      const newest = seen.find((d) => containing.has(d))!;
      const state = (await statusesOf(newest.id))[0]?.state ?? 'no status';
      return `${plural(containing.size, 'deployment')} to ${environment} contain expand commit ${expand}, but none succeeded (the newest: ${state})`;
    }
    if (boundary) {
      return `the newest successful deployment to ${environment} (${boundary.id}, commit ${short(boundary.sha)}) does not contain expand commit ${expand}`;
    }
    const limit = capped ? ` (read the newest ${seen.length} only)` : '';
    return `none of the ${read} contains expand commit ${expand}, and none of them succeeded${limit}`;
  }
}
