// The scheduled workflow against a real bare "origin" and a checkout of it, with the fake GitHub API
// knowing what is pushed there (gitOracle): contract branches made and kept up to date without force,
// contract pull requests opened once and never twice, closed ones left closed unless labelled for a retry,
// and one failing plan leaving the others alone. Deploy evidence is injected (evidenceFor).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { Git } from '../../src/git/git.js';
import {
  runSchedule,
  SCHEDULE_IDENTITY,
  type EvidenceFor,
  type ScheduleEvidence,
  type ScheduleOptions,
} from '../../src/contract/schedule.js';
import { checkContractBranch } from '../../src/contract/schedule-git.js';
import { pendingHeader, pendingPath } from '../../src/plan/split.js';
import {
  createPullRequestRepo,
  gitOracle,
  preloadSpec,
  startFakeGitHub,
  type FakeGitHub,
  type PullRequestRepo,
} from '../support/github/index.js';

const PLAN = 'ec-0123456789abcdef';
const OTHER = 'ec-fedcba9876543210';
const BRANCH = `expand-contract/contract-${PLAN}`;
const DIR = 'db/migrations';
const NOW = new Date('2024-05-10T06:00:00Z');

function pending(
  planId: string,
  drops: string[],
  sql: string,
  source = `${DIR}/00002_split_full_name.sql`,
): string {
  const header = pendingHeader({
    planId,
    source,
    framework: 'goose',
    migrationsDir: DIR,
    contractAfterDays: 7,
    drops,
  });
  return `${header.join('\n')}\n${sql}`;
}

const BASE_FILES = {
  [`${DIR}/00001_create_users.sql`]:
    '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY, full_name text, nick text);\n',
  [`${DIR}/00002_split_full_name.sql`]: '-- +goose Up\nALTER TABLE users ADD COLUMN display_name text;\n',
  [pendingPath(PLAN)]: pending(
    PLAN,
    ['public.users.full_name'],
    'ALTER TABLE users DROP COLUMN full_name;\n',
  ),
  'src/user.ts': 'export interface User {\n  full_name: string;\n}\n',
  'README.md': '# app\n',
};

const DUE: ScheduleEvidence = {
  due: true,
  eligibleOn: '2024-05-08',
  evidence: {
    source: 'deployments',
    at: '2024-05-01T10:04:00Z',
    ageDays: 8.83,
    weak: false,
    detail: 'deployment 7 of abc1234 to production succeeded',
  },
  notes: ['a later deployment 9 to production failed on 2024-05-03'],
};
const NOT_DUE: ScheduleEvidence = {
  due: false,
  eligibleOn: '2024-05-14',
  evidence: { ...DUE.evidence!, at: '2024-05-07T10:04:00Z', ageDays: 2.83 },
  notes: [],
};

interface Setup {
  repo: PullRequestRepo;
  github: FakeGitHub;
  client: GitHubClient;
  checkout: string;
  options(evidence: Record<string, ScheduleEvidence>, extra?: Partial<ScheduleOptions>): ScheduleOptions;
  /** Runs git in the bare origin. */
  bare(args: string[]): Promise<string>;
  /** A commit on main in the working clone, pushed, and fetched into the checkout (a new run's checkout). */
  advanceMain(files: Record<string, string | null>): Promise<string>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

beforeAll(() => preloadSpec());

async function setup(
  files: Record<string, string> = BASE_FILES,
  fake: Parameters<typeof startFakeGitHub>[0] = {},
): Promise<Setup> {
  const repo = await createPullRequestRepo({ base: [files], head: [] });
  const github = await startFakeGitHub({ quiet: true, ...fake });
  cleanups.push(
    () => github.close(),
    () => repo.cleanup(),
  );
  Object.assign(github.state, gitOracle(repo.bare, { repository: github.repository }));
  const client = createGitHubClient({
    token: github.token,
    baseUrl: github.url,
    retryAfterBaseValue: 1,
    spaceWrites: false,
    retries: 0,
  });
  const checkout = await repo.checkout({ ref: repo.baseSha });
  const [owner, name] = github.repository.split('/') as [string, string];
  return {
    repo,
    github,
    client,
    checkout,
    options: (evidence, extra = {}) => ({
      client,
      owner,
      repo: name,
      cwd: checkout,
      defaultBranch: 'main',
      now: NOW,
      evidenceFor: stub(evidence),
      ...extra,
    }),
    bare: (args) => repo.git(args, repo.bare),
    async advanceMain(changes) {
      await repo.git(['checkout', '-q', 'main']);
      for (const [path, content] of Object.entries(changes)) {
        if (content === null) await repo.git(['rm', '-q', '--', path]);
        else {
          const { mkdir, writeFile } = await import('node:fs/promises');
          const { dirname, join } = await import('node:path');
          await mkdir(dirname(join(repo.work, path)), { recursive: true });
          await writeFile(join(repo.work, path), content);
        }
      }
      await repo.git(['add', '-A']);
      await repo.git(['commit', '-q', '-m', 'main moves on']);
      await repo.git(['push', '-q', 'origin', 'main:refs/heads/main']);
      await repo.git(['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*'], checkout);
      return repo.git(['rev-parse', 'HEAD']);
    },
  };
}

function stub(evidence: Record<string, ScheduleEvidence>): EvidenceFor {
  return async (plan) => {
    const found = evidence[plan.planId];
    if (!found) throw new Error(`no evidence stubbed for ${plan.planId}`);
    return found;
  };
}

async function branchFiles(s: Setup, ref = BRANCH): Promise<string[]> {
  return (await s.bare(['ls-tree', '-r', '--name-only', `refs/heads/${ref}`])).split('\n').filter(Boolean);
}

/** The checkout is exactly as actions/checkout left it: same HEAD, nothing changed, no extra worktree. */
async function expectCheckoutUntouched(s: Setup): Promise<void> {
  expect(await s.repo.git(['rev-parse', 'HEAD'], s.checkout)).toBe(s.repo.baseSha);
  expect(await s.repo.git(['status', '--porcelain', '--untracked-files=all'], s.checkout)).toBe('');
  expect(
    (await s.repo.git(['worktree', 'list', '--porcelain'], s.checkout)).match(/^worktree /gm),
  ).toHaveLength(1);
  expect(await s.repo.git(['config', '--get-regexp', '^user\\.'], s.checkout).catch(() => '')).toBe('');
}

describe('runSchedule', () => {
  it('not due: nothing is pushed or opened, and the summary shows the eligible date', async () => {
    const s = await setup();
    const report = await runSchedule(s.options({ [PLAN]: NOT_DUE }));
    expect(report.rows).toEqual([
      {
        planId: PLAN,
        drops: ['public.users.full_name'],
        status: 'not-due',
        eligibleOn: '2024-05-14',
        detail: 'eligible on 2024-05-14',
      },
    ]);
    expect(report.summary).toContain('| Plan | Drops | Status | Eligible on (UTC) | Pull request | Detail |');
    expect(report.summary).toMatch(
      /\| `ec-0123456789abcdef` \| users\.full_name \| not due \| 2024-05-14 \|/,
    );
    expect(s.github.requests.map((r) => r.operationId)).toEqual(['pulls/list']);
    expect(s.github.requestsFor('pulls/list')[0]?.query).toMatchObject({
      state: 'all',
      head: `octo-org:${BRANCH}`,
    });
    expect(await s.bare(['branch', '--list', 'expand-contract/*'])).toBe('');
    await expectCheckoutUntouched(s);
    s.github.assertNoViolations();
  });

  it('due: pushes a bot commit that materializes the contract, opens a labelled PR once, then leaves it', async () => {
    const s = await setup();
    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    const [row] = report.rows;
    expect(row).toMatchObject({
      planId: PLAN,
      status: 'opened',
      eligibleOn: '2024-05-08',
      pr: { number: 1 },
    });
    expect(row?.pr?.url).toMatch(/\/pull\/1$/);

    // The branch: one commit by the bot on top of main, pending file deleted, the migration sorted last.
    const tip = await s.bare(['rev-parse', `refs/heads/${BRANCH}`]);
    expect(await s.bare(['log', '-1', '--format=%an <%ae>|%cn <%ce>|%P', tip])).toBe(
      `${SCHEDULE_IDENTITY.name} <${SCHEDULE_IDENTITY.email}>|${SCHEDULE_IDENTITY.name} <${SCHEDULE_IDENTITY.email}>|${s.repo.baseSha}`,
    );
    const files = await branchFiles(s);
    expect(files).not.toContain(pendingPath(PLAN));
    const migrations = files.filter((f) => f.startsWith(`${DIR}/`)).sort();
    expect(migrations).toHaveLength(3);
    expect(migrations[2]).toMatch(/^db\/migrations\/00003_expand_contract_contract_\w+\.sql$/);
    const sql = await s.bare(['show', `${tip}:${migrations[2]}`]);
    expect(sql).toContain('-- +goose Up');
    expect(sql).toContain('ALTER TABLE users DROP COLUMN full_name;');
    expect(await s.bare(['rev-parse', 'refs/heads/main'])).toBe(s.repo.baseSha);

    // The pull request: title, body (plan, evidence, references, gate), label.
    const pr = s.github.pullRequest(1);
    expect(pr.title).toBe('expand-contract: drop users.full_name');
    expect(pr.head.ref).toBe(BRANCH);
    expect(pr.base.ref).toBe('main');
    expect(pr.labels).toEqual(['expand-contract:contract']);
    const body = pr.body ?? '';
    expect(body).toContain(PLAN);
    expect(body).toContain(migrations[2]);
    expect(body).toContain('- Source: `deployments`');
    expect(body).toContain('- Reached production: 2024-05-01T10:04:00Z (8.8 days ago)');
    expect(body).toContain('deployment 7 of abc1234 to production succeeded');
    expect(body).toContain('a later deployment 9 to production failed');
    expect(body).toContain('- `src/user.ts:2` `public.users.full_name`');
    expect(body).not.toContain('00001_create_users.sql:');
    expect(body).toContain('`expand-contract/gate`');
    expect(report.summary).toContain('[#1](');
    await expectCheckoutUntouched(s);

    // Second run, same day: nothing new anywhere.
    const again = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(again.rows[0]).toMatchObject({ status: 'unchanged', pr: { number: 1 } });
    expect(await s.bare(['rev-parse', `refs/heads/${BRANCH}`])).toBe(tip);
    expect(s.github.requestsFor('pulls/create')).toHaveLength(1);
    expect(s.github.requestsFor('pulls/update')).toHaveLength(0);
    expect(s.github.requestsFor('issues/add-labels')).toHaveLength(1);
    expect(s.github.pullRequests()).toHaveLength(1);
    s.github.assertNoViolations();
  });

  it('an open PR whose default branch moved gets a new commit on top (no force), renumbered to run last', async () => {
    const s = await setup();
    await runSchedule(s.options({ [PLAN]: DUE }));
    const before = await s.bare(['rev-parse', `refs/heads/${BRANCH}`]);
    const main = await s.advanceMain({
      [`${DIR}/00003_add_email.sql`]: '-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n',
    });

    const later = new Date('2024-05-11T06:00:00Z');
    const report = await runSchedule(
      s.options({ [PLAN]: { ...DUE, evidence: { ...DUE.evidence!, ageDays: 9.83 } } }, { now: later }),
    );
    expect(report.rows[0]).toMatchObject({ status: 'updated', pr: { number: 1 } });
    expect(report.rows[0]?.detail).toContain('main moved');
    const tip = await s.bare(['rev-parse', `refs/heads/${BRANCH}`]);
    expect(tip).not.toBe(before);
    expect(await s.bare(['log', '-1', '--format=%P|%ae', tip])).toBe(
      `${before} ${main}|${SCHEDULE_IDENTITY.email}`,
    );
    await s.bare(['merge-base', '--is-ancestor', before, tip]); // a fast-forward: nothing was forced
    const migrations = (await branchFiles(s)).filter((f) => f.startsWith(`${DIR}/`)).sort();
    expect(migrations).toHaveLength(4);
    expect(migrations[2]).toBe(`${DIR}/00003_add_email.sql`);
    expect(migrations[3]).toMatch(/^db\/migrations\/00004_expand_contract_contract_\w+\.sql$/);
    expect(s.github.pullRequest(1).body).toContain(migrations[3]);
    expect(s.github.pullRequest(1).body).toContain('(9.8 days ago)');
    expect(s.github.requestsFor('pulls/create')).toHaveLength(1);
    expect(s.github.requestsFor('pulls/update')).toHaveLength(1);
    expect(s.github.requestsFor('pulls/update')[0]?.body).not.toHaveProperty('state');
    s.github.assertNoViolations();
  });

  it('a branch with commits by someone else is left alone: body refreshed with a note, never pushed', async () => {
    const s = await setup();
    await runSchedule(s.options({ [PLAN]: DUE }));
    // A person adds a commit to the contract branch, then main moves.
    const work = s.repo.work;
    await s.repo.git(['fetch', '-q', 'origin', `+refs/heads/${BRANCH}:refs/heads/${BRANCH}`]);
    await s.repo.git(['checkout', '-q', BRANCH]);
    await s.repo.git(['commit', '-q', '--allow-empty', '-m', 'tweak by a person']);
    await s.repo.git(['push', '-q', 'origin', `${BRANCH}:refs/heads/${BRANCH}`]);
    const theirs = await s.repo.git(['rev-parse', 'HEAD'], work);
    await s.advanceMain({ 'docs/x.md': 'x\n' });

    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(report.rows[0]).toMatchObject({ status: 'updated', pr: { number: 1 } });
    expect(report.rows[0]?.detail).toContain('did not make');
    expect(await s.bare(['rev-parse', `refs/heads/${BRANCH}`])).toBe(theirs);
    expect(s.github.pullRequest(1).body).toContain('left as it is');
    expect(s.github.requestsFor('pulls/create')).toHaveLength(1);
    s.github.assertNoViolations();
  });

  it('a closed PR is not reopened; with the retry label it is reopened (and the label taken off)', async () => {
    const s = await setup();
    await runSchedule(s.options({ [PLAN]: DUE }));
    s.github.closePullRequest(1, { at: '2024-05-10T07:00:00Z' });

    const closed = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(closed.rows[0]).toMatchObject({ status: 'closed', pr: { number: 1 } });
    expect(closed.rows[0]?.detail).toContain('closed without merging on 2024-05-10');
    expect(closed.rows[0]?.detail).toContain('expand-contract:retry');
    expect(s.github.pullRequest(1).state).toBe('closed');
    expect(s.github.requestsFor('pulls/update')).toHaveLength(0);

    await s.client.octokit.rest.issues.addLabels({
      owner: 'octo-org',
      repo: 'octo-repo',
      issue_number: 1,
      labels: ['expand-contract:retry'],
    });
    const retried = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(retried.rows[0]).toMatchObject({ status: 'opened', pr: { number: 1 } });
    expect(retried.rows[0]?.detail).toContain('reopened #1');
    expect(s.github.pullRequest(1).state).toBe('open');
    expect(s.github.pullRequest(1).labels).toEqual(['expand-contract:contract']);
    expect(s.github.requestsFor('pulls/update').at(-1)?.body).toMatchObject({ state: 'open' });
    expect(s.github.requestsFor('pulls/create')).toHaveLength(1);
    expect(s.github.pullRequests()).toHaveLength(1);
    s.github.assertNoViolations();
  });

  it('a merged PR is reported as merged and nothing else happens', async () => {
    const s = await setup();
    await runSchedule(s.options({ [PLAN]: DUE }));
    s.github.closePullRequest(1, { merged: true, at: '2024-05-11T08:00:00Z' });
    s.github.clearLog();
    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(report.rows[0]).toMatchObject({ status: 'merged', pr: { number: 1 } });
    expect(report.rows[0]?.detail).toContain('merged on 2024-05-11');
    expect(s.github.requests.map((r) => r.operationId)).toEqual(['pulls/list']);
  });

  it('one failing plan does not stop another; every plan gets a row; requests grow with plans only', async () => {
    const broken = pending(OTHER, ['public.users.nick'], 'ALTER TABLE users DROP COLUMN nick;\n').replace(
      /^-- framework: .*\n/m,
      '',
    );
    const s = await setup({ ...BASE_FILES, [pendingPath(OTHER)]: broken });
    const report = await runSchedule(s.options({ [PLAN]: DUE, [OTHER]: DUE }));
    expect(report.rows.map((r) => [r.planId, r.status])).toEqual([
      [PLAN, 'opened'],
      [OTHER, 'failed'],
    ]);
    expect(report.rows[1]?.detail).toContain('header is broken');
    expect(report.summary).toContain(OTHER);
    expect(report.summary).toMatch(/1 opened, 1 failed/);
    expect(s.github.pullRequests()).toHaveLength(1);

    // An evidence source that throws fails only its plan too.
    const third = await setup({
      ...BASE_FILES,
      [pendingPath(OTHER)]: pending(OTHER, ['public.users.nick'], 'ALTER TABLE users DROP COLUMN nick;\n'),
    });
    const mixed = await runSchedule(third.options({ [PLAN]: NOT_DUE }));
    expect(mixed.rows.map((r) => [r.planId, r.status])).toEqual([
      [PLAN, 'not-due'],
      [OTHER, 'failed'],
    ]);
    expect(mixed.rows[1]?.detail).toContain(`no evidence stubbed for ${OTHER}`);
    // Not due: one list per plan, nothing else.
    expect(third.github.requests.map((r) => r.operationId)).toEqual(['pulls/list', 'pulls/list']);
    s.github.assertNoViolations();
    third.github.assertNoViolations();
  });

  it('GitHub Actions not allowed to open PRs: one line naming the repository setting; the next run opens it', async () => {
    const s = await setup(BASE_FILES, { actionsCanCreatePullRequests: false });
    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    const detail = report.rows[0]?.detail ?? '';
    expect(report.rows[0]?.status).toBe('failed');
    expect(detail).toContain('Settings → Actions → General → Workflow permissions');
    expect(detail).not.toContain('lacks');
    expect(detail).not.toContain('\n');
    const pushed = await s.bare(['rev-parse', `refs/heads/${BRANCH}`]);

    s.github.state.mustRepo(s.github.repository).actionsCanCreatePullRequests = true;
    const next = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(next.rows[0]).toMatchObject({ status: 'opened', pr: { number: 1 } });
    expect(next.rows[0]?.detail).toContain('already there');
    expect(await s.bare(['rev-parse', `refs/heads/${BRANCH}`])).toBe(pushed);
    expect(s.github.requestsFor('pulls/create')).toHaveLength(2);
    s.github.assertNoViolations();
  });

  it('a GitHub error while looking up the PR is one line in the row', async () => {
    const s = await setup();
    s.github.failNext({
      route: 'pulls/list',
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(report.rows[0]?.status).toBe('failed');
    expect(report.rows[0]?.detail).toMatch(
      /^expand-contract could not look up the pull request of expand-contract\/contract-ec-0123456789abcdef: /,
    );
    expect(await s.bare(['branch', '--list', 'expand-contract/*'])).toBe('');
  });

  it("a branch of that name with someone else's commits and no PR is not used", async () => {
    const s = await setup();
    await s.repo.git(['checkout', '-q', '-b', BRANCH, 'main']);
    await s.repo.git(['commit', '-q', '--allow-empty', '-m', 'a person made this branch']);
    await s.repo.git(['push', '-q', 'origin', `${BRANCH}:refs/heads/${BRANCH}`]);
    const theirs = await s.bare(['rev-parse', `refs/heads/${BRANCH}`]);
    const report = await runSchedule(s.options({ [PLAN]: DUE }));
    expect(report.rows[0]?.status).toBe('failed');
    expect(report.rows[0]?.detail).toContain('not opening a pull request from it');
    expect(await s.bare(['rev-parse', `refs/heads/${BRANCH}`])).toBe(theirs);
    expect(s.github.requestsFor('pulls/create')).toHaveLength(0);
  });
});

describe('checkContractBranch', () => {
  it('accepts only expand-contract/contract-* names git takes, never the default branch', async () => {
    const git = await Git.create(process.cwd());
    expect(await checkContractBranch(git, BRANCH, 'main')).toBeUndefined();
    expect(await checkContractBranch(git, 'main', 'main')).toMatch(/not a contract branch/);
    expect(await checkContractBranch(git, 'expand-contract/contract-', 'main')).toMatch(
      /not a contract branch/,
    );
    expect(await checkContractBranch(git, 'expand-contract/contract-a..b', 'main')).toMatch(
      /not a branch name/,
    );
    expect(await checkContractBranch(git, BRANCH, BRANCH)).toMatch(/default branch/);
  });
});
