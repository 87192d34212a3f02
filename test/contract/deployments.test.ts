// The deployments source of deploy age against the fake GitHub: which deployment counts, what is reported
// after it, the not-deployed answers, pagination, the compare API fallback, permissions and request counts.
// Time moves by the statuses' timestamps; `now` is fixed.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  compareContains,
  deploymentAge,
  hasDeployments,
  type DeploymentAgeParams,
} from '../../src/contract/deploy-age/deployments.js';
import { GitHubActionError } from '../../src/github/errors.js';
import {
  fakeSha,
  PERMISSIONS,
  preloadSpec,
  startFakeGitHub,
  type DeploymentState,
  type FakeGitHub,
} from '../support/github/index.js';
import { clientFor, rejection, repoOf } from '../github/helpers.js';

/** A linear history c[0] → c[1] → …; c[i] contains c[j] when j <= i. */
const c = Array.from({ length: 260 }, (_, i) => fakeSha(`commit-${i}`));
const index = new Map(c.map((sha, i) => [sha, i]));
const now = new Date('2024-02-01T12:00:00Z');

/** GitHub's time (whole seconds) of day `day` of January 2024 at `hour` (both may overflow into February). */
function jan(day: number, hour = 0): string {
  return new Date(Date.UTC(2024, 0, day, hour)).toISOString().replace('.000Z', 'Z');
}

let github: FakeGitHub;
let containsCalls: string[];

/** Git ancestry over the made-up history, as the Action's caller would answer it from a clone. */
async function gitContains(deployedSha: string, expandCommit: string): Promise<boolean> {
  containsCalls.push(deployedSha);
  return (index.get(expandCommit) ?? Infinity) <= (index.get(deployedSha) ?? -1);
}

/** Deploys commit `i` on `day` with these states, an hour apart from midnight. */
function deploy(i: number, day: number, states: DeploymentState[], environment = 'production') {
  return github.seedDeployment({
    sha: c[i]!,
    ref: 'main',
    environment,
    statuses: states.map((state, n) => ({ state, createdAt: jan(day, n) })),
  });
}

function params(expand: number, extra: Partial<DeploymentAgeParams> = {}): DeploymentAgeParams {
  return {
    ...repoOf(github),
    environment: 'production',
    expandCommit: c[expand]!,
    contains: gitContains,
    now,
    ...extra,
  };
}

beforeAll(() => preloadSpec());
beforeEach(async () => {
  github = await startFakeGitHub({ quiet: true });
  containsCalls = [];
});
afterEach(async () => {
  github.assertNoViolations();
  await github.close();
});

describe('deploymentAge', () => {
  it('counts from the first successful deployment that contains the expand commit', async () => {
    deploy(0, 1, ['in_progress', 'success', 'inactive']); // before the expand commit
    deploy(1, 2, ['in_progress', 'success', 'inactive']); // before the expand commit: ends the walk
    deploy(2, 3, ['in_progress', 'failure']); // the expand commit itself, failed
    const first = deploy(3, 10, ['queued', 'in_progress', 'success', 'inactive']);
    deploy(4, 20, ['in_progress', 'success']);
    const client = clientFor(github);

    const evidence = await deploymentAge(client, params(2));

    expect(evidence).toEqual({
      kind: 'deployed',
      deploymentId: first.id,
      sha: c[3],
      environment: 'production',
      deployedAt: '2024-01-10T02:00:00Z',
      ageDays: expect.closeTo(22 + 10 / 24, 9),
      later: [],
    });
    expect(containsCalls).toEqual([c[4], c[3], c[1]]); // c[0] is never looked at
    // 1 list page, the statuses of the boundary, of the failed and the found deployment, and of the later one.
    expect(client.requestCount).toBeLessThanOrEqual(5);
    expect(github.requestsFor('repos/list-deployments')).toHaveLength(1);
  });

  it('lists later deployments that failed or were abandoned, not the ones merely replaced', async () => {
    deploy(1, 1, ['success']);
    const found = deploy(2, 2, ['in_progress', 'success', 'inactive']);
    deploy(3, 3, ['in_progress', 'success', 'inactive']); // replaced by a newer deployment: fine
    const failed = deploy(4, 4, ['in_progress', 'failure']);
    const abandoned = deploy(5, 5, ['queued', 'inactive']);
    const errored = deploy(6, 6, ['in_progress', 'success', 'error']); // a health check failed afterwards
    deploy(7, 7, ['success']);

    const evidence = await deploymentAge(clientFor(github), params(2));

    expect(evidence).toMatchObject({
      kind: 'deployed',
      deploymentId: found.id,
      deployedAt: '2024-01-02T01:00:00Z',
    });
    if (evidence.kind !== 'deployed') throw new Error('unreachable');
    expect(evidence.later).toEqual([
      { deploymentId: failed.id, sha: c[4], state: 'failure', at: '2024-01-04T01:00:00Z' },
      { deploymentId: abandoned.id, sha: c[5], state: 'inactive', at: '2024-01-05T01:00:00Z' },
      { deploymentId: errored.id, sha: c[6], state: 'error', at: '2024-01-06T02:00:00Z' },
    ]);
  });

  it('answers not-deployed, with the reason, when only failed deployments contain the expand commit', async () => {
    deploy(1, 1, ['success']);
    deploy(2, 2, ['in_progress', 'failure']);
    deploy(3, 3, ['in_progress', 'error']);

    const evidence = await deploymentAge(clientFor(github), params(2));

    expect(evidence).toEqual({
      kind: 'not-deployed',
      checked: 3,
      reason: `2 deployments to production contain expand commit ${c[2]!.slice(0, 12)}, but none succeeded (the newest: error)`,
    });
  });

  it('answers not-deployed when the newest successful deployment predates the expand commit', async () => {
    deploy(1, 1, ['success']);
    const newest = deploy(2, 2, ['success']);
    deploy(0, 3, ['failure']); // a failed deployment of an older commit does not end the walk

    const evidence = await deploymentAge(clientFor(github), params(5));

    expect(evidence).toMatchObject({ kind: 'not-deployed', checked: 2 });
    if (evidence.kind !== 'not-deployed') throw new Error('unreachable');
    expect(evidence.reason).toContain(`(${newest.id}, commit ${c[2]!.slice(0, 12)}) does not contain`);
  });

  it('starts the clock after a rollback: production ran without the expand commit since', async () => {
    deploy(1, 1, ['success']);
    deploy(2, 2, ['success']); // the expand commit …
    deploy(1, 3, ['success']); // … rolled back
    const again = deploy(3, 4, ['success']);

    const evidence = await deploymentAge(clientFor(github), params(2));

    expect(evidence).toMatchObject({
      kind: 'deployed',
      deploymentId: again.id,
      deployedAt: '2024-01-04T00:00:00Z',
    });
  });

  it('answers no-deployments for an environment without any (deployments elsewhere do not count)', async () => {
    deploy(3, 1, ['success'], 'staging');
    const client = clientFor(github);

    expect(await deploymentAge(client, params(2))).toEqual({
      kind: 'no-deployments',
      environment: 'production',
    });
    expect(client.requestCount).toBe(1);
  });

  it('pages back through 3 pages of deployments and stops there, reading statuses only where needed', async () => {
    // 250 deployments an hour apart, deployment i of commit i; the expand commit is c[10].
    for (let i = 0; i < 250; i++) {
      github.seedDeployment({ sha: c[i]!, statuses: [{ state: 'success', createdAt: jan(1, i) }] });
    }
    const client = clientFor(github);

    const evidence = await deploymentAge(client, params(10, { maxLater: 5 }));

    expect(evidence).toMatchObject({ kind: 'deployed', sha: c[10], deployedAt: '2024-01-01T10:00:00Z' });
    if (evidence.kind !== 'deployed') throw new Error('unreachable');
    expect(evidence.later).toEqual([]);
    expect(evidence.note).toBe('234 later deployments not checked for failures');
    expect(github.requestsFor('repos/list-deployments').map((r) => r.query['page'])).toEqual(['1', '2', '3']);
    // 3 pages + the boundary (c[9]) + the found one + 5 later ones.
    expect(client.requestCount).toBe(3 + 1 + 1 + 5);
  });

  it('stops at maxDeployments with a lower bound, and says so', async () => {
    for (let i = 0; i < 30; i++) deploy(i, 1 + i, ['success']);
    const client = clientFor(github);

    const evidence = await deploymentAge(client, params(2, { maxDeployments: 10, maxLater: 0 }));

    expect(evidence).toMatchObject({ kind: 'deployed', sha: c[20] });
    if (evidence.kind !== 'deployed') throw new Error('unreachable');
    expect(evidence.note).toContain('only the newest 10 deployments to production were read');
    expect(client.requestCount).toBe(2);
  });
});

describe('compareContains', () => {
  it('answers containment through the compare API (one request per deployed commit) with an ancestry oracle', async () => {
    github.state.isAncestor = (ancestor, descendant) =>
      (index.get(ancestor) ?? Infinity) <= (index.get(descendant) ?? -1);
    deploy(1, 1, ['success']);
    const found = deploy(2, 2, ['success']);
    deploy(3, 3, ['success']);
    deploy(3, 4, ['success']); // the same commit again: no second comparison
    const client = clientFor(github);
    const contains = compareContains(client, repoOf(github));

    const evidence = await deploymentAge(client, params(2, { contains }));

    expect(evidence).toMatchObject({ kind: 'deployed', deploymentId: found.id });
    expect(
      github.requestsFor('repos/compare-commits-with-basehead').map((r) => r.params['basehead']),
    ).toEqual([`${c[2]}...${c[3]}`, `${c[2]}...${c[1]}`]);
    expect(await contains(c[2]!, c[2]!)).toBe(true); // no request
    expect(await contains(fakeSha('never pushed'), c[2]!)).toBe(false); // 404: contains nothing
    expect(github.requestsFor('repos/compare-commits-with-basehead')).toHaveLength(3);
  });
});

describe('permissions and hasDeployments', () => {
  it('fails with one line naming deployments: read when the token lacks it', async () => {
    deploy(2, 1, ['success']);
    const client = clientFor(github, github.addToken(PERMISSIONS.restricted));

    const error = await rejection(deploymentAge(client, params(2)));
    expect(error).toBeInstanceOf(GitHubActionError);
    expect(error.message).toBe(
      'expand-contract could not list the deployments to production: the token lacks deployments: read. ' +
        'Add "permissions: deployments: read" to the workflow job (see README: Permissions).',
    );
    const probe = await rejection(hasDeployments(client, { ...repoOf(github), environment: 'production' }));
    expect(probe.message).toContain('deployments: read');
    expect(probe.message).not.toContain('\n');
  });

  it('hasDeployments asks once, for one deployment', async () => {
    const client = clientFor(github);
    const where = { ...repoOf(github), environment: 'production' };
    expect(await hasDeployments(client, where)).toBe(false);
    deploy(2, 1, ['failure']);
    expect(await hasDeployments(client, where)).toBe(true);
    expect(client.requestCount).toBe(2);
    expect(github.requestsFor('repos/list-deployments').map((r) => r.query['per_page'])).toEqual(['1', '1']);
  });
});
