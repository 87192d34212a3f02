// planEvidence: the deploy age of one pending plan from the configured source, on a real git repository
// (commits dated by timestamps) and the fake GitHub's deployments. Time moves by timestamps only.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planEvidence, resolveSource, type PlanEvidenceParams } from '../../src/contract/evidence.js';
import { listPendingPlans, type PendingPlan } from '../../src/contract/expand-commit.js';
import { pendingHeader, pendingPath } from '../../src/plan/split.js';
import type { FrameworkName } from '../../src/types.js';
import {
  gitOracle,
  preloadSpec,
  startFakeGitHub,
  type DeploymentState,
  type FakeGitHub,
} from '../support/github/index.js';
import { clientFor, repoOf } from '../github/helpers.js';

const PLAN = 'ec-00000000000000aa';

const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(cwd: string, args: string[], date = '2024-01-01T00:00:00Z'): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  }).trim();
}

function pendingFile(framework: FrameworkName = 'golang-migrate', days = 7): string {
  const header = pendingHeader({
    planId: PLAN,
    source: 'db/migrations/002_split_name.up.sql',
    framework,
    migrationsDir: 'db/migrations',
    contractAfterDays: days,
    drops: ['public.users.full_name'],
  });
  return `${header.join('\n')}\nALTER TABLE users DROP COLUMN full_name;\n`;
}

interface Repo {
  root: string;
  /** Commit 1 (Jan 1): the schema; commit 2 (Jan 10): the expand migration and the pending file; commit 3 (Jan 12). */
  shas: string[];
  commit(files: Record<string, string>, message: string, date: string): Promise<string>;
}

const dirs: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

async function makeRepo(pending = pendingFile()): Promise<Repo> {
  const root = await tempDir('ec-evidence-');
  git(root, ['init', '-q', '-b', 'main']);
  const commit = async (files: Record<string, string>, message: string, date: string) => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, rel)), { recursive: true });
      await writeFile(join(root, rel), text);
    }
    git(root, ['add', '-A'], date);
    git(root, ['commit', '-q', '--allow-empty', '-m', message], date);
    return git(root, ['rev-parse', 'HEAD']);
  };
  const shas = [
    await commit(
      { 'db/migrations/001_init.up.sql': 'CREATE TABLE users (id int, full_name text);\n' },
      'init',
      '2024-01-01T09:00:00Z',
    ),
    await commit(
      {
        'db/migrations/002_split_name.up.sql': 'ALTER TABLE users ADD COLUMN first_name text;\n',
        [pendingPath(PLAN)]: pending,
      },
      'expand',
      '2024-01-10T09:00:00Z',
    ),
    await commit({ 'README.md': 'later\n' }, 'later', '2024-01-12T09:00:00Z'),
  ];
  return { root, shas, commit };
}

async function onlyPlan(root: string): Promise<PendingPlan> {
  const [plan] = await listPendingPlans({ cwd: root, ref: 'main' });
  if (!plan) throw new Error('no pending plan');
  return plan;
}

let github: FakeGitHub;

beforeAll(() => preloadSpec());
beforeEach(async () => {
  github = await startFakeGitHub({ quiet: true });
});
afterEach(async () => {
  github.assertNoViolations();
  await github.close();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function deploy(sha: string, at: string[], states: DeploymentState[]) {
  return github.seedDeployment({
    sha,
    ref: 'main',
    environment: 'production',
    statuses: states.map((state, i) => ({ state, createdAt: at[i] ?? at[0]! })),
  });
}

async function evidenceOf(repo: Repo, extra: Partial<PlanEvidenceParams> = {}) {
  return planEvidence({
    client: clientFor(github),
    ...repoOf(github),
    cwd: repo.root,
    defaultBranch: 'main',
    plan: await onlyPlan(repo.root),
    source: 'deployments',
    environment: 'production',
    now: new Date('2024-01-16T12:00:00Z'),
    ...extra,
  });
}

describe('planEvidence from deployments', () => {
  it('is not due before the wait, with the eligible date from the first containing success', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[0]!, ['2024-01-02T10:00:00Z'], ['success']); // before the expand phase
    deploy(repo.shas[2]!, ['2024-01-13T10:00:00Z', '2024-01-13T10:05:00Z'], ['in_progress', 'success']);
    const result = await evidenceOf(repo);
    expect(result.planId).toBe(PLAN);
    expect(result.expand).toMatchObject({ kind: 'found', sha: repo.shas[1] });
    expect(result.source).toBe('deployments');
    expect(result.evidence).toMatchObject({
      source: 'deployments',
      at: '2024-01-13T10:05:00Z',
      weak: false,
    });
    expect(result.evidence?.ageDays).toBeCloseTo(3.08, 1);
    expect(result.dueDays).toBe(7);
    expect(result.eligibleOn).toBe('2024-01-20');
    expect(result.due).toBe(false);
    expect(result.notes).toEqual([]);
  });

  it('is due once the wait has passed, and reports a later failed deployment', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[1]!, ['2024-01-10T12:00:00Z'], ['success']);
    const later = await repo.commit({ 'app.txt': 'v2\n' }, 'v2', '2024-01-14T09:00:00Z');
    deploy(later, ['2024-01-15T10:00:00Z', '2024-01-15T10:03:00Z'], ['in_progress', 'failure']);
    const result = await evidenceOf(repo, { now: new Date('2024-01-18T00:00:00Z') });
    expect(result.evidence?.at).toBe('2024-01-10T12:00:00Z');
    expect(result.eligibleOn).toBe('2024-01-17');
    expect(result.due).toBe(true);
    expect(result.notes.join('\n')).toMatch(
      /later deployment to production \(\d+, commit [0-9a-f]{12}\) ended failure/,
    );
  });

  it("takes the header's days over the default, and the default when the header has none", async () => {
    const repo = await makeRepo(pendingFile('golang-migrate', 2));
    deploy(repo.shas[1]!, ['2024-01-13T10:00:00Z'], ['success']);
    const result = await evidenceOf(repo, { defaultContractAfter: 30 });
    expect(result.dueDays).toBe(2);
    expect(result.eligibleOn).toBe('2024-01-15');
    expect(result.due).toBe(true);

    const bare = await makeRepo('ALTER TABLE users DROP COLUMN full_name;\n');
    const headerless = await evidenceOf(bare, { defaultContractAfter: 30 });
    expect(headerless.dueDays).toBe(30);
    expect(headerless.notes[0]).toMatch(/does not start with a pending contract header/);
  });

  it('has no evidence while no deployment contains the expand commit', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[0]!, ['2024-01-02T10:00:00Z'], ['success']);
    const result = await evidenceOf(repo);
    expect(result.evidence).toBeNull();
    expect(result.eligibleOn).toBeNull();
    expect(result.due).toBe(false);
    expect(result.notes.join('\n')).toMatch(/not deployed to production yet/);
  });

  it('asks the compare API only for a deployed commit missing from the local history', async () => {
    const repo = await makeRepo();
    const bare = await tempDir('ec-evidence-bare-');
    git(bare, ['clone', '-q', '--bare', repo.root, '.']);
    const other = await tempDir('ec-evidence-other-');
    git(other, ['clone', '-q', bare, '.']);
    await writeFile(join(other, 'hotfix.txt'), 'fix\n');
    git(other, ['add', '-A'], '2024-01-13T08:00:00Z');
    git(other, ['commit', '-q', '-m', 'hotfix'], '2024-01-13T08:00:00Z');
    git(other, ['push', '-q', 'origin', 'HEAD:main']);
    const remoteOnly = git(other, ['rev-parse', 'HEAD']);
    Object.assign(github.state, gitOracle(bare, { repository: github.repository }));

    deploy(repo.shas[0]!, ['2024-01-02T10:00:00Z'], ['success']);
    deploy(remoteOnly, ['2024-01-13T10:00:00Z'], ['success']);
    const result = await evidenceOf(repo);
    expect(result.evidence?.at).toBe('2024-01-13T10:00:00Z');
    expect(result.notes.join('\n')).toMatch(
      /1 deployed commit not in the local history; GitHub's compare API/,
    );
    expect(github.requestsFor('repos/compare-commits-with-basehead')).toHaveLength(1);
  });

  it('makes a bounded number of requests, none for compare when git knows every commit', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[0]!, ['2024-01-02T10:00:00Z'], ['success']);
    deploy(repo.shas[2]!, ['2024-01-13T10:00:00Z'], ['success']);
    const client = clientFor(github);
    await evidenceOf(repo, { client, source: 'auto' });
    // hasDeployments, one page of deployments, the statuses of the two deployments.
    expect(client.requestCount).toBe(4);
    expect(github.requestsFor('repos/compare-commits-with-basehead')).toHaveLength(0);
  });
});

describe('planEvidence from the merge and the database', () => {
  it('dates the expand commit on the default branch and says merge is the weakest evidence', async () => {
    const repo = await makeRepo();
    const result = await evidenceOf(repo, { source: 'merge' });
    expect(result.source).toBe('merge');
    expect(result.evidence).toMatchObject({ source: 'merge', at: '2024-01-10T09:00:00.000Z', weak: true });
    expect(result.eligibleOn).toBe('2024-01-17');
    expect(result.due).toBe(false);
    expect(result.notes.join('\n')).toMatch(/merge is the weakest evidence/);
    expect(github.requests).toHaveLength(0);
  });

  it('says the database keeps no time for golang-migrate and names another source', async () => {
    const repo = await makeRepo();
    const result = await evidenceOf(repo, {
      source: 'database',
      deployDatabaseUrl: 'postgres://user:secret@db.invalid:5432/prod',
    });
    expect(result.evidence).toBeNull();
    expect(result.source).toBe('database');
    expect(result.due).toBe(false);
    const notes = result.notes.join('\n');
    expect(notes).toMatch(/golang-migrate keeps only the current version/);
    expect(notes).toMatch(/use the deployments source/);
    expect(notes).not.toContain('secret');
  });

  it('asks for a URL when the database source has none', async () => {
    const repo = await makeRepo();
    const result = await evidenceOf(repo, { source: 'database' });
    expect(result.evidence).toBeNull();
    expect(result.notes.join('\n')).toMatch(/needs deploy-database-url/);
  });

  it('says when the checkout is shallow, without asking GitHub', async () => {
    const repo = await makeRepo();
    const shallow = await tempDir('ec-evidence-shallow-');
    git(shallow, ['clone', '-q', '--depth', '1', `file://${repo.root}`, '.']);
    const result = await evidenceOf({ ...repo, root: shallow }, { source: 'auto' });
    expect(result.expand.kind).toBe('shallow');
    expect(result.evidence).toBeNull();
    expect(result.due).toBe(false);
    expect(result.notes.join('\n')).toMatch(/shallow.*fetch-depth: 0/s);
    expect(github.requests).toHaveLength(0);
  });
});

describe('deploy-source auto', () => {
  it('picks deployments when the environment has any', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[2]!, ['2024-01-13T10:00:00Z'], ['success']);
    const result = await evidenceOf(repo, {
      source: 'auto',
      deployDatabaseUrl: 'postgres://u:p@db.invalid/prod',
    });
    expect(result.source).toBe('deployments');
    expect(result.notes[0]).toMatch(/auto: the repository has deployments to production/);
  });

  it('picks the merge without deployments or a database URL', async () => {
    const repo = await makeRepo();
    deploy(repo.shas[2]!, ['2024-01-13T10:00:00Z'], ['success']); // another environment has none
    const result = await evidenceOf(repo, { source: 'auto', environment: 'staging' });
    expect(result.source).toBe('merge');
    expect(result.notes.join('\n')).toMatch(/no deployment to staging on record and no deploy-database-url/);
    expect(result.notes.join('\n')).toMatch(/weakest/);
  });

  it('picks the database with a URL, and falls back to the merge when the framework keeps no time', async () => {
    const repo = await makeRepo();
    const result = await evidenceOf(repo, {
      source: 'auto',
      deployDatabaseUrl: 'postgres://u:p@db.invalid/prod',
    });
    expect(result.source).toBe('merge');
    const notes = result.notes.join('\n');
    expect(notes).toMatch(/production database's migration history/);
    expect(notes).toMatch(/golang-migrate keeps only the current version/);
    expect(notes).toMatch(/falls back to the merge/);
    expect(result.evidence?.source).toBe('merge');
  });

  it('resolves once for many plans', async () => {
    const repo = await makeRepo();
    const client = clientFor(github);
    const auto = await resolveSource({
      client,
      ...repoOf(github),
      source: 'auto',
      environment: 'production',
    });
    expect(auto.source).toBe('merge');
    const result = await evidenceOf(repo, { client, source: 'auto', autoSource: auto });
    expect(result.source).toBe('merge');
    expect(client.requestCount).toBe(1);
  });
});
