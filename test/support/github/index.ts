// A fake api.github.com for end-to-end tests of the Action: an in-process HTTP server (127.0.0.1, random port)
// that takes only requests GitHub's OpenAPI description allows, keeps repositories / pull requests /
// comments / check runs / statuses / labels / deployments in memory, enforces token permissions like a GITHUB_TOKEN,
// fails on demand (5xx, rate limits), and logs every call. Plus event payloads, the runner's environment and
// a real git remote for a pull request. See README.md in this folder.
//
//   const github = await startFakeGitHub();            // github.url → GITHUB_API_URL, github.token
//   const pr = github.seedPullRequest({ head: { sha }, base: { sha: baseSha }, files });
//   ... run the Action ...
//   expect(github.violations).toEqual([]);
//   await github.close();

import type { FailureSpec, InjectedFailure } from './failures.js';
import { FakeGitHubServer, type RecordedRequest, type Violation } from './server.js';
import {
  GITHUB_ACTIONS_BOT,
  GitHubState,
  PERMISSIONS,
  type CheckRunRecord,
  type CommentRecord,
  type Identity,
  type Permissions,
  type PullRecord,
  type RepoRecord,
  type SeedPullRequest,
  type StatusRecord,
} from './state.js';
import {
  addDeploymentStatus,
  seedDeployment,
  type DeploymentRecord,
  type DeploymentState,
  type DeploymentStatusRecord,
  type SeedDeployment,
} from './state-deployments.js';

export { preloadSpec } from './spec.js';
export { primaryRateLimit, secondaryRateLimit, SECONDARY_RATE_LIMIT_MESSAGE } from './failures.js';
export type { FailureMatchInfo, FailureSpec, InjectedFailure } from './failures.js';
export { ACCEPTED_PERMISSIONS } from './permissions.js';
export { MAX_ANNOTATIONS_PER_REQUEST } from './routes-checks.js';
export { MAX_COMMENT_LENGTH } from './routes-issues.js';
export { MAX_PULL_REQUEST_FILES } from './routes-repo.js';
export { ACTIONS_CANNOT_CREATE_PULL_REQUESTS } from './routes-pulls.js';
export { MAX_COMPARE_COMMITS } from './routes-compare.js';
export { MAX_DEPLOYMENT_STATUS_DESCRIPTION } from './routes-deployments.js';
export type * from './state-deployments.js';
export type { RecordedRequest, Violation, ViolationKind } from './server.js';
export { fakeSha, GITHUB_ACTIONS_APP_ID, GITHUB_ACTIONS_BOT, PERMISSIONS } from './state.js';
export type * from './state.js';
export * from './events.js';
export * from './env.js';
export * from './git.js';

export interface FakeGitHubOptions {
  /** The repository the default token and `seedPullRequest` use; default `octo-org/octo-repo`. */
  repository?: string;
  /** Default true: reads then need permissions too (on a public repository any token may read). */
  private?: boolean;
  defaultBranch?: string;
  /** The default token's value and permissions (default: `PERMISSIONS.writeAll`, as github-actions[bot]). */
  token?: string;
  permissions?: Permissions;
  identity?: Identity;
  /** Validate every response against the documented schema (records `invalid-response` violations). */
  validateResponses?: boolean;
  /** Reject query parameters the operation does not document (default true). */
  rejectUnknownQueryParameters?: boolean;
  /** Requests per token before the real primary rate limit answers 403 (default 5000). */
  rateLimit?: number;
  /** GITHUB_SERVER_URL, used for html_url fields (default https://github.com). */
  serverUrl?: string;
  /** Do not print violations to stderr. */
  quiet?: boolean;
  clock?: () => Date;
  /**
   * The repository setting "Allow GitHub Actions to create and approve pull requests" (default true; new
   * repositories on GitHub have it off): false makes `POST /pulls` as github-actions[bot] a 403.
   */
  actionsCanCreatePullRequests?: boolean;
}

export class FakeGitHub {
  /** Default repository, `owner/name`. */
  readonly repository: string;
  /** The default token (a GITHUB_TOKEN with the configured permissions). */
  readonly token: string;
  readonly serverUrl: string;

  constructor(
    private readonly server: FakeGitHubServer,
    readonly state: GitHubState,
    options: FakeGitHubOptions,
  ) {
    this.repository = options.repository ?? 'octo-org/octo-repo';
    this.serverUrl = server.config.serverUrl;
    this.token = options.token ?? 'ghs_fakeGitHubDefaultToken000000000000';
    state.tokens.set(this.token, {
      permissions: options.permissions ?? PERMISSIONS.writeAll,
      identity: options.identity ?? GITHUB_ACTIONS_BOT,
    });
    const repo = state.addRepository({
      fullName: this.repository,
      private: options.private ?? true,
      defaultBranch: options.defaultBranch ?? 'main',
    });
    repo.actionsCanCreatePullRequests = options.actionsCanCreatePullRequests ?? true;
  }

  /** Base URL of the API: GITHUB_API_URL. */
  get url(): string {
    return this.server.url;
  }

  /** Every request, in arrival order. */
  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  /** Requests that do not match the OpenAPI description, unimplemented routes and non-conforming responses. */
  get violations(): Violation[] {
    return this.server.violations;
  }

  /** A new token with these permissions (e.g. `PERMISSIONS.readAll` for a fork's GITHUB_TOKEN). */
  addToken(permissions: Permissions, opts: { token?: string; identity?: Identity } = {}): string {
    const token = opts.token ?? `ghs_fake${this.state.id()}`;
    this.state.tokens.set(token, { permissions, identity: opts.identity ?? GITHUB_ACTIONS_BOT });
    return token;
  }

  addRepository(
    fullName: string,
    opts: { private?: boolean; fork?: boolean; parent?: string; defaultBranch?: string } = {},
  ): RepoRecord {
    return this.state.addRepository({ fullName, ...opts });
  }

  /**
   * A pull request on the default repository (or `seed.repo`) with these head/base commits; registers the
   * shas and refs (`refs/heads/<base>`, `refs/pull/N/head`, `refs/pull/N/merge`). `head.fork: true` puts the
   * head branch in a fork (`contributor/<name>`).
   */
  seedPullRequest(seed: SeedPullRequest): PullRecord {
    return this.state.seedPullRequest(this.repository, seed);
  }

  /** Makes a commit sha known (check runs and statuses need an existing commit). */
  addCommit(sha: string, repository = this.repository): void {
    this.state.mustRepo(repository).commits.add(sha);
  }

  /** Points a ref (`main`, `refs/tags/v1`, `refs/pull/1/head`) at a commit. */
  setRef(ref: string, sha: string, repository = this.repository): void {
    this.state.setRef(this.state.mustRepo(repository), ref, sha);
  }

  /**
   * A deployment (environment `production` by default) of `sha` with its statuses, oldest first, each at
   * its own ISO time: tests move time by timestamps, never by sleeping.
   *
   *   github.seedDeployment({ sha, statuses: [{ state: 'in_progress', createdAt: '2024-05-01T10:00:00Z' },
   *                                          { state: 'success', createdAt: '2024-05-01T10:05:00Z' }] });
   */
  seedDeployment(seed: SeedDeployment): DeploymentRecord {
    return seedDeployment(this.state, this.repository, seed);
  }

  /** One more status on a deployment (by record or id), at `createdAt` (default: the clock's now). */
  addDeploymentStatus(
    deployment: DeploymentRecord | number,
    status: { state: DeploymentState; createdAt?: string; description?: string },
  ): DeploymentStatusRecord {
    const id = typeof deployment === 'number' ? deployment : deployment.id;
    const record = this.state.deployments.find((d) => d.id === id);
    if (!record) throw new Error(`fake GitHub: no deployment ${id}`);
    return addDeploymentStatus(this.state, record, status);
  }

  /** Deployments (of one environment when given), newest first as the API lists them. */
  deployments(environment?: string, repository = this.repository): DeploymentRecord[] {
    return this.state.deployments
      .filter((d) => d.repo.toLowerCase() === repository.toLowerCase())
      .filter((d) => environment === undefined || d.environment === environment)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  }

  /**
   * Closes a pull request as someone would on GitHub: `merged: true` merges it (its `merge_commit_sha`
   * becomes `mergeCommitSha` when given, and the base branch moves there).
   */
  closePullRequest(
    number: number,
    opts: { merged?: boolean; mergeCommitSha?: string; at?: string } = {},
    repository = this.repository,
  ): PullRecord {
    const pr = this.pullRequest(number, repository);
    const at = opts.at ? new Date(opts.at).toISOString().replace(/\.\d{3}Z$/, 'Z') : this.state.now();
    pr.state = 'closed';
    pr.closedAt = at;
    pr.updatedAt = at;
    if (opts.merged) {
      pr.merged = true;
      pr.mergedAt = at;
      if (opts.mergeCommitSha) {
        pr.mergeSha = opts.mergeCommitSha;
        this.setRef(pr.base.ref, opts.mergeCommitSha, repository);
      }
    }
    return pr;
  }

  /** Pull requests of the repository, in number order. */
  pullRequests(repository = this.repository): PullRecord[] {
    return this.state.pulls
      .filter((p) => p.repo.toLowerCase() === repository.toLowerCase())
      .sort((a, b) => a.number - b.number);
  }

  /** Makes the next matching request(s) fail; see failures.ts and the rate limit presets. */
  failNext(spec: FailureSpec = {}): InjectedFailure {
    return this.server.failNext(spec);
  }

  pullRequest(number: number, repository = this.repository): PullRecord {
    const pr = this.state.pull(repository, number);
    if (!pr) throw new Error(`fake GitHub: no pull request #${number} in ${repository}`);
    return pr;
  }

  /** Comments on a pull request (all when `number` is omitted), oldest first. */
  comments(number?: number, repository = this.repository): CommentRecord[] {
    return this.state.comments.filter(
      (c) =>
        c.repo.toLowerCase() === repository.toLowerCase() &&
        (number === undefined || c.issueNumber === number),
    );
  }

  checkRuns(headSha?: string): CheckRunRecord[] {
    return this.state.checkRuns.filter((r) => headSha === undefined || r.headSha === headSha);
  }

  statuses(sha?: string): StatusRecord[] {
    return this.state.statuses.filter((s) => sha === undefined || s.sha === sha);
  }

  labels(number: number, repository = this.repository): string[] {
    return [...this.pullRequest(number, repository).labels];
  }

  /** Requests to one operation, by operationId (`checks/create`) or path template. */
  requestsFor(operation: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operation || r.route === operation);
  }

  /** Throws with every violation listed when there is any. */
  assertNoViolations(): void {
    if (this.violations.length === 0) return;
    const lines = this.violations.map((v) => `  ${v.kind}: ${v.method} ${v.path}: ${v.message}`);
    throw new Error(`fake GitHub recorded ${this.violations.length} violation(s):\n${lines.join('\n')}`);
  }

  /** Forgets requests, violations and pending failures (state stays). */
  clearLog(): void {
    this.server.requests.length = 0;
    this.server.violations.length = 0;
    this.server.failures.clear();
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** Starts a fake GitHub on 127.0.0.1 with a random port. The OpenAPI description loads on first request. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new GitHubState(options.clock);
  const server = new FakeGitHubServer(state, {
    rejectUnknownQueryParameters: options.rejectUnknownQueryParameters ?? true,
    validateResponses: options.validateResponses ?? false,
    rateLimit: options.rateLimit ?? 5000,
    quiet: options.quiet ?? false,
    serverUrl: options.serverUrl ?? 'https://github.com',
  });
  await server.listen();
  return new FakeGitHub(server, state, options);
}
