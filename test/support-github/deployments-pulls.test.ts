// The fake GitHub's deployments, pull request creation/listing/editing, compare and branches, through
// @octokit/rest: ordering, filters, pagination, GitHub's refusals, and the git hooks (`gitOracle`).
import type { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ACTIONS_CANNOT_CREATE_PULL_REQUESTS,
  createPullRequestRepo,
  fakeSha,
  gitOracle,
  PERMISSIONS,
  preloadSpec,
  startFakeGitHub,
  type FakeGitHub,
} from '../support/github/index.js';
import { octokitFor, repoOf } from './helpers.js';

let github: FakeGitHub;
let octokit: Octokit;
let owner: string;
let repo: string;
/** A made-up linear history c0 → c1 → … → c5, and a side branch s1 off c2. */
const c = Array.from({ length: 6 }, (_, i) => fakeSha(`c${i}`));
const side = fakeSha('s1');
const parent = new Map<string, string>([...c.slice(1).map((sha, i) => [sha, c[i]!] as const), [side, c[2]!]]);
function ancestors(sha: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = sha; at; at = parent.get(at)) out.push(at);
  return out;
}

beforeAll(async () => {
  preloadSpec();
  github = await startFakeGitHub({ quiet: true });
  octokit = octokitFor(github);
  ({ owner, repo } = repoOf(github));
  github.setRef('main', c[3]!);
  github.addCommit(side);
  for (const sha of c) github.addCommit(sha);
});
afterAll(() => github.close());
beforeEach(() => {
  github.clearLog();
  github.state.isAncestor = (a, d) => ancestors(d).includes(a);
  delete github.state.revList;
});

async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, string>; errors?: unknown }> {
  const error = (await promise.then(
    () => expect.unreachable('the request succeeded'),
    (e: unknown) => e,
  )) as {
    status: number;
    message: string;
    response: { headers: Record<string, string>; data: { errors?: unknown } };
  };
  return {
    status: error.status,
    message: error.message,
    headers: error.response.headers,
    errors: error.response.data.errors,
  };
}

describe('deployments', () => {
  it('lists deployments newest first by created_at, filtered only by the parameters sent, paginated', async () => {
    // Seeded out of order: the list still comes newest first.
    github.seedDeployment({
      sha: c[2]!,
      statuses: [{ state: 'success', createdAt: '2024-03-02T00:00:00Z' }],
    });
    github.seedDeployment({
      sha: c[1]!,
      statuses: [{ state: 'success', createdAt: '2024-03-01T00:00:00Z' }],
    });
    github.seedDeployment({ sha: c[3]!, environment: 'staging', createdAt: '2024-03-03T00:00:00Z' });
    const all = await octokit.rest.repos.listDeployments({ owner, repo });
    expect(all.data.map((d) => [d.sha, d.environment])).toEqual([
      [c[3], 'staging'],
      [c[2], 'production'],
      [c[1], 'production'],
    ]);
    const production = await octokit.rest.repos.listDeployments({
      owner,
      repo,
      environment: 'production',
      per_page: 1,
    });
    expect(production.data.map((d) => d.sha)).toEqual([c[2]]);
    expect(production.headers.link).toContain('rel="next"');
    const bySha = await octokit.rest.repos.listDeployments({ owner, repo, sha: c[1]! });
    expect(bySha.data).toHaveLength(1);
    expect(github.deployments('production').map((d) => d.sha)).toEqual([c[2], c[1]]);
    github.assertNoViolations();
  });

  it('creates deployments and statuses through the API; statuses list newest first', async () => {
    const { data } = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: 'main',
      environment: 'qa',
      required_contexts: [],
    });
    if (!('id' in data)) throw new Error('expected a deployment');
    expect(data).toMatchObject({ sha: c[3], ref: 'main', environment: 'qa', production_environment: false });
    const deployment_id = data.id;
    for (const state of ['queued', 'in_progress', 'success'] as const) {
      await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id, state });
    }
    github.addDeploymentStatus(deployment_id, { state: 'failure', createdAt: '2099-01-01T00:00:00Z' });
    const statuses = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id });
    expect(statuses.data.map((s) => s.state)).toEqual(['failure', 'success', 'in_progress', 'queued']);
    expect(statuses.data[0]!.created_at).toBe('2099-01-01T00:00:00Z');

    // A second success in the same non-production environment makes the first one inactive.
    const second = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: c[4]!,
      environment: 'qa',
      required_contexts: [],
    });
    if (!('id' in second.data)) throw new Error('expected a deployment');
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: second.data.id,
      state: 'success',
    });
    const after = await octokit.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id });
    expect(after.data.map((s) => s.state)).toContain('inactive');
    github.assertNoViolations();
  });

  it('refuses unknown refs (422), failing commit statuses (409) and tokens without deployments permission (403)', async () => {
    expect(await failure(octokit.rest.repos.createDeployment({ owner, repo, ref: 'nope' }))).toMatchObject({
      status: 422,
      message: expect.stringContaining('No ref found for: nope'),
    });
    await octokit.rest.repos.createCommitStatus({ owner, repo, sha: c[5]!, state: 'failure', context: 'ci' });
    const conflict = await failure(octokit.rest.repos.createDeployment({ owner, repo, ref: c[5]! }));
    expect(conflict).toMatchObject({
      status: 409,
      message: expect.stringContaining('Commit status checks failed'),
    });
    const restricted = octokitFor(github, github.addToken(PERMISSIONS.restricted));
    const denied = await failure(restricted.rest.repos.listDeployments({ owner, repo }));
    expect([denied.status, denied.headers['x-accepted-github-permissions']]).toEqual([
      403,
      'deployments=read',
    ]);
    const reader = octokitFor(github, github.addToken({ deployments: 'read' }));
    await reader.rest.repos.listDeployments({ owner, repo });
    const write = await failure(
      reader.rest.repos.createDeployment({ owner, repo, ref: 'main', required_contexts: [] }),
    );
    expect(write.headers['x-accepted-github-permissions']).toBe('deployments=write');
    github.assertNoViolations();
  });
});

describe('compare', () => {
  it('answers ahead, behind, identical and diverged from the ancestry oracle, 404 for unknown commits', async () => {
    const status = async (basehead: string) =>
      (await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead })).data.status;
    expect(await status(`${c[1]}...main`)).toBe('ahead');
    expect(await status(`main...${c[1]}`)).toBe('behind');
    expect(await status(`main...${c[3]}`)).toBe('identical');
    expect(await status(`${side}...${c[4]}`)).toBe('diverged');
    expect(
      (
        await failure(
          octokit.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `main...${'9'.repeat(40)}`,
          }),
        )
      ).status,
    ).toBe(404);
    expect(
      (await failure(octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main..main' })))
        .status,
    ).toBe(404);
    github.assertNoViolations();
  });

  it('lists and counts commits with revList, and says so when a test gave no ancestry at all', async () => {
    github.state.revList = (excluded, included) => {
      const gone = new Set(ancestors(excluded));
      return ancestors(included)
        .filter((sha) => !gone.has(sha))
        .reverse();
    };
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${c[1]}...${c[5]}`,
    });
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 4, behind_by: 0, total_commits: 4 });
    expect(data.commits.map((x) => x.sha)).toEqual(c.slice(2));
    expect(data.commits[0]!.parents.map((p) => p.sha)).toEqual([c[1]]);
    const diverged = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${side}...${c[5]}`,
    });
    expect(diverged.data).toMatchObject({ status: 'diverged', ahead_by: 3, behind_by: 1 });
    const paged = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${c[0]}...${c[5]}`,
      per_page: 2,
      page: 2,
    });
    expect(paged.data.commits.map((x) => x.sha)).toEqual([c[3], c[4]]);
    github.assertNoViolations();

    delete github.state.revList;
    delete github.state.isAncestor;
    expect(
      (
        await failure(
          octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${c[0]}...${c[1]}` }),
        )
      ).status,
    ).toBe(500);
    expect(github.violations.map((v) => v.kind)).toEqual(['fake-server-error']);
    github.clearLog();
  });

  it('reads branches, with slashes encoded or not', async () => {
    github.setRef('release/v1', c[2]!);
    const { data } = await octokit.rest.repos.getBranch({ owner, repo, branch: 'release/v1' });
    expect(data).toMatchObject({ name: 'release/v1', commit: { sha: c[2] }, protected: false });
    const raw = await fetch(`${github.url}/repos/${owner}/${repo}/branches/release/v1`, {
      headers: { authorization: `token ${github.token}` },
    });
    expect(raw.status).toBe(200);
    expect((await failure(octokit.rest.repos.getBranch({ owner, repo, branch: 'nope' }))).message).toContain(
      'Branch not found',
    );
    github.assertNoViolations();
  });
});

describe('pull requests', () => {
  it('opens one per head and base, lists by owner:branch (a bare branch name filters nothing), edits and closes', async () => {
    github.setRef('contract/users', c[5]!);
    const { data: pr } = await octokit.rest.pulls.create({
      owner,
      repo,
      title: 'Contract users',
      head: 'contract/users',
      base: 'main',
      body: 'b',
      draft: true,
    });
    expect(pr).toMatchObject({
      state: 'open',
      draft: true,
      head: { ref: 'contract/users', sha: c[5] },
      base: { ref: 'main', sha: c[3] },
      user: { login: 'github-actions[bot]' },
    });
    const again = await failure(
      octokit.rest.pulls.create({ owner, repo, title: 'x', head: `${owner}:contract/users`, base: 'main' }),
    );
    expect(again.status).toBe(422);
    expect(again.errors).toEqual([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${owner}:contract/users.`,
      },
    ]);
    expect(
      (await failure(octokit.rest.pulls.create({ owner, repo, title: 'x', head: 'nope', base: 'main' })))
        .errors,
    ).toEqual([{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    github.setRef('stale', c[1]!);
    const stale = await failure(
      octokit.rest.pulls.create({ owner, repo, title: 'x', head: 'stale', base: 'main' }),
    );
    expect(JSON.stringify(stale.errors)).toContain('No commits between main and stale');

    github.setRef('other', c[4]!);
    await octokit.rest.pulls.create({ owner, repo, title: 'Other', head: 'other', base: 'main' });
    const mine = await octokit.rest.pulls.list({ owner, repo, head: `${owner}:contract/users` });
    expect(mine.data.map((p) => p.number)).toEqual([pr.number]);
    const ignored = await octokit.rest.pulls.list({ owner, repo, head: 'contract/users' });
    expect(ignored.data).toHaveLength(2);

    const edited = await octokit.rest.pulls.update({
      owner,
      repo,
      pull_number: pr.number,
      title: 'Contract users (2)',
      state: 'closed',
    });
    expect(edited.data).toMatchObject({
      title: 'Contract users (2)',
      state: 'closed',
      closed_at: expect.any(String),
    });
    const closed = await octokit.rest.pulls.list({ owner, repo, state: 'closed' });
    expect(closed.data.map((p) => p.number)).toEqual([pr.number]);
    await octokit.rest.pulls.update({ owner, repo, pull_number: pr.number, state: 'open' });
    github.closePullRequest(pr.number, { merged: true, at: '2024-05-01T12:00:00Z' });
    const merged = await octokit.rest.pulls.get({ owner, repo, pull_number: pr.number });
    expect(merged.data).toMatchObject({ state: 'closed', merged: true, merged_at: '2024-05-01T12:00:00Z' });
    github.assertNoViolations();
  });

  it('is 403 for github-actions[bot] where the repository does not let Actions create pull requests', async () => {
    const locked = await startFakeGitHub({ quiet: true, actionsCanCreatePullRequests: false });
    try {
      locked.setRef('main', c[0]!);
      locked.setRef('feature', c[1]!);
      const [o, r] = locked.repository.split('/') as [string, string];
      const denied = await failure(
        octokitFor(locked).rest.pulls.create({
          owner: o,
          repo: r,
          title: 't',
          head: 'feature',
          base: 'main',
        }),
      );
      expect([denied.status, denied.message]).toEqual([
        403,
        expect.stringContaining(ACTIONS_CANNOT_CREATE_PULL_REQUESTS),
      ]);
      locked.assertNoViolations();
    } finally {
      await locked.close();
    }
  });

  it('knows the branches, commits and ancestry of a real repository through gitOracle', async () => {
    const git = await createPullRequestRepo({
      base: [{ 'a.sql': 'SELECT 1;\n' }],
      head: [{ 'b.sql': 'SELECT 2;\n' }],
    });
    const real = await startFakeGitHub({ quiet: true });
    try {
      Object.assign(real.state, gitOracle(git.bare, { repository: real.repository }));
      const [o, r] = real.repository.split('/') as [string, string];
      const client = octokitFor(real);
      await git.git(['push', '-q', 'origin', `${git.headSha}:refs/heads/contract/x`]);
      const { data: pr } = await client.rest.pulls.create({
        owner: o,
        repo: r,
        title: 'c',
        head: 'contract/x',
        base: 'main',
      });
      expect(pr.head.sha).toBe(git.headSha);
      const { data } = await client.rest.repos.compareCommitsWithBasehead({
        owner: o,
        repo: r,
        basehead: `${git.baseSha}...contract/x`,
      });
      expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, commits: [{ sha: git.headSha }] });
      const ref = await client.rest.git.getRef({ owner: o, repo: r, ref: 'heads/contract/x' });
      expect(ref.data.object.sha).toBe(git.headSha);
      real.assertNoViolations();
    } finally {
      await Promise.all([real.close(), git.cleanup()]);
    }
  });
});
