// The merge gate on pull requests with contract SQL: what a PR drops (read with PostgreSQL's parser), which
// pending plan gates each drop, the state and its description (GitHub's 140 characters), the acknowledgement,
// the summary, and the commit status on the fake GitHub. Time moves by timestamps only.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgeEvidence } from '../../src/contract/deploy-age/types.js';
import { mapEvidence, planEvidence, type PlanEvidence } from '../../src/contract/evidence.js';
import { listPendingPlans, type PendingPlan } from '../../src/contract/expand-commit.js';
import {
  acknowledgedReason,
  evaluateGate,
  GATE_CONTEXT,
  hasContractSql,
  publishGate,
  pullDrops,
  type ChangedFile,
  type GateInput,
} from '../../src/contract/gate.js';
import { normalizeDrop } from '../../src/contract/gate-drops.js';
import { pendingHeader, pendingPath } from '../../src/plan/split.js';
import { preloadSpec, startFakeGitHub, type FakeGitHub } from '../support/github/index.js';
import { clientFor, repoOf, seedPr } from '../github/helpers.js';

const NAME_PLAN = 'ec-00000000000000aa';
const SWAP_PLAN = 'ec-00000000000000bb';
const DAY = 86_400_000;

function header(planId: string, drops: string[], days = 7): string {
  return pendingHeader({
    planId,
    source: 'db/migrations/002_expand.up.sql',
    framework: 'golang-migrate',
    migrationsDir: 'db/migrations',
    contractAfterDays: days,
    drops,
  }).join('\n');
}

function plan(planId: string, drops: string[], days = 7): PendingPlan {
  return {
    path: pendingPath(planId),
    planId,
    header: {
      planId,
      source: 'db/migrations/002_expand.up.sql',
      framework: 'golang-migrate',
      migrationsDir: 'db/migrations',
      contractAfterDays: days,
      drops,
    },
  };
}

const namePlan = plan(NAME_PLAN, ['public.users.full_name']);
const swapPlan = plan(SWAP_PLAN, [
  'public.users.user_name',
  'trigger users_user_name_sync on public.users',
  'function public.users_user_name_sync()',
]);

/** Evidence that the expand phase of every plan was deployed at `at`. */
function deployedAt(at: string, now: Date): (p: PendingPlan) => Promise<PlanEvidence> {
  return async (p) => {
    const evidence: AgeEvidence = {
      source: 'deployments',
      at,
      ageDays: Math.max(0, (now.getTime() - Date.parse(at)) / DAY),
      weak: false,
      detail: `deployment 1 of abc to production succeeded at ${at}`,
    };
    return mapEvidence({
      planId: p.planId,
      expand: { kind: 'found', sha: 'a'.repeat(40), committedAt: at, path: p.path, ref: 'main' },
      evidence,
      source: 'deployments',
      dueDays: p.header?.contractAfterDays ?? 7,
      notes: [],
      now,
    });
  };
}

function gate(input: Partial<GateInput> & Pick<GateInput, 'changedFiles'>) {
  const now = input.now ?? new Date('2024-01-16T12:00:00Z');
  return evaluateGate({
    pending: [namePlan, swapPlan],
    evidenceFor: deployedAt('2024-01-13T10:00:00Z', now),
    labels: [],
    body: '',
    now,
    ...input,
  });
}

const dropFullName: ChangedFile = {
  path: 'db/migrations/003_drop_full_name.up.sql',
  content: 'ALTER TABLE users DROP COLUMN full_name;\n',
  status: 'added',
};

describe('what a pull request drops', () => {
  it('reads columns, tables and the objects plans name, from the up SQL only', async () => {
    const { drops } = await pullDrops([
      {
        path: 'db/goose/00003_contract.sql',
        content:
          '-- +goose Up\nALTER TABLE app.users DROP COLUMN legacy, DROP CONSTRAINT users_chk;\nDROP TABLE IF EXISTS audit, public.old_logs;\n' +
          'DROP TRIGGER t_sync ON users;\nDROP FUNCTION "public"."f_sync"();\nDROP INDEX idx_a;\nDROP VIEW v_users;\n' +
          '-- +goose Down\nDROP TABLE users;\n',
      },
      { path: 'db/migrations/003_x.down.sql', content: 'DROP TABLE accounts;\n' },
    ]);
    expect(drops.map((d) => [d.key, d.kind])).toEqual([
      ['app.users.legacy', 'column'],
      ['constraint users_chk on app.users', 'other'],
      ['public.audit', 'table'],
      ['public.old_logs', 'table'],
      ['trigger t_sync on public.users', 'other'],
      ['function public.f_sync()', 'other'],
      ['index public.idx_a', 'other'],
      ['view public.v_users', 'other'],
    ]);
    expect(drops[0]).toMatchObject({ path: 'db/goose/00003_contract.sql', line: 2 });
  });

  it('does not count what the pull request itself created earlier', async () => {
    const { drops } = await pullDrops([
      {
        path: 'db/migrations/003_tmp.up.sql',
        content:
          'CREATE TABLE tmp (id int);\nALTER TABLE users ADD COLUMN scratch int;\nALTER TABLE users DROP COLUMN scratch;\nDROP TABLE tmp;\nDROP TABLE users;\nCREATE TABLE users (id int);\n',
      },
    ]);
    expect(drops.map((d) => d.key)).toEqual(['public.users']);
  });

  it('normalizes the drops headers', () => {
    expect(normalizeDrop('column users.full_name')).toBe('public.users.full_name');
    expect(normalizeDrop('table "Audit"')).toBe('public.Audit');
    expect(normalizeDrop('function "public"."f_sync"()')).toBe('function public.f_sync()');
    expect(normalizeDrop('public.users.full_name')).toBe('public.users.full_name');
  });

  it('hasContractSql: drops of columns and tables, and objects a pending plan drops', async () => {
    expect(await hasContractSql([dropFullName])).toBe(true);
    expect(await hasContractSql([{ path: 'db/m/4.up.sql', content: 'DROP TABLE t;' }])).toBe(true);
    expect(
      await hasContractSql([{ path: 'db/m/4.up.sql', content: 'ALTER TABLE t ADD COLUMN c int;' }]),
    ).toBe(false);
    const trigger = [{ path: 'db/m/4.up.sql', content: 'DROP TRIGGER users_user_name_sync ON users;' }];
    expect(await hasContractSql(trigger)).toBe(false);
    expect(await hasContractSql(trigger, [swapPlan])).toBe(true);
    expect(
      await hasContractSql([{ path: pendingPath(NAME_PLAN), content: '', status: 'removed' }], [namePlan]),
    ).toBe(true);
  });
});

describe('evaluateGate', () => {
  it("is pending with the eligible date while the plan's expand phase is younger than the wait", async () => {
    const result = await gate({ changedFiles: [dropFullName] });
    expect(result.state).toBe('pending');
    expect(result.context).toBe('expand-contract/gate');
    expect(result.description).toBe('eligible on 2024-01-20 (expand deployed 3 days ago)');
    expect(result.unplannedDrops).toEqual([]);
    expect(result.plans).toEqual([
      expect.objectContaining({
        planId: NAME_PLAN,
        dropped: ['public.users.full_name'],
        eligibleOn: '2024-01-20',
        due: false,
        dueDays: 7,
        source: 'deployments',
      }),
    ]);
    expect(result.summary).toContain('expand-contract gate: pending');
    expect(result.summary).toContain('2024-01-20');
  });

  it('names the latest eligible date when several plans wait', async () => {
    const late = plan(SWAP_PLAN, ['public.users.user_name'], 10);
    const result = await gate({
      pending: [namePlan, late],
      changedFiles: [
        dropFullName,
        { path: 'db/migrations/004.up.sql', content: 'ALTER TABLE users DROP COLUMN user_name;' },
      ],
    });
    expect(result.state).toBe('pending');
    expect(result.description).toBe('eligible on 2024-01-23 (expand deployed 3 days ago)');
    expect(result.plans.map((p) => p.eligibleOn)).toEqual(['2024-01-20', '2024-01-23']);
  });

  it('succeeds once every matched plan is due', async () => {
    const result = await gate({ changedFiles: [dropFullName], now: new Date('2024-01-21T12:00:00Z') });
    expect(result.state).toBe('success');
    expect(result.description).toBe("all dropped objects' expand phases are 8+ days in production");
  });

  it("gates the scheduled job's PR (its materialized contract, the pending file deleted) by its plan", async () => {
    const changedFiles: ChangedFile[] = [
      {
        path: 'db/migrations/20240121000000_contract.up.sql',
        status: 'added',
        content:
          `-- contract phase of plan ${SWAP_PLAN} (was ${pendingPath(SWAP_PLAN)})\n` +
          'DROP TRIGGER users_user_name_sync ON public.users;\nDROP FUNCTION public.users_user_name_sync();\n' +
          'ALTER TABLE public.users DROP COLUMN user_name;\n',
      },
      { path: pendingPath(SWAP_PLAN), content: '', status: 'removed' },
    ];
    const result = await gate({ changedFiles });
    expect(result.state).toBe('pending');
    expect(result.plans).toHaveLength(1);
    expect(result.plans[0]).toMatchObject({
      planId: SWAP_PLAN,
      dropped: [
        'trigger users_user_name_sync on public.users',
        'function public.users_user_name_sync()',
        'public.users.user_name',
      ],
    });
    expect(result.unplannedDrops).toEqual([]);

    const onlyDeleted = await gate({ changedFiles: [{ path: pendingPath(SWAP_PLAN), content: '' }] });
    expect(onlyDeleted.plans.map((p) => p.planId)).toEqual([SWAP_PLAN]);
  });

  it('is pending without a date while the expand phase has no deploy on record', async () => {
    const result = await gate({
      changedFiles: [dropFullName],
      evidenceFor: async (p) =>
        mapEvidence({
          planId: p.planId,
          expand: {
            kind: 'found',
            sha: 'a'.repeat(40),
            committedAt: '2024-01-10T00:00:00Z',
            path: p.path,
            ref: 'main',
          },
          evidence: null,
          source: 'deployments',
          dueDays: 7,
          notes: ['not deployed to production yet: none of 1 deployment contains it'],
          now: new Date('2024-01-16T12:00:00Z'),
        }),
    });
    expect(result.state).toBe('pending');
    expect(result.description).toBe(
      `waiting: the expand phase of ${NAME_PLAN} is not in production on record`,
    );
    expect(result.summary).toContain('not deployed to production yet');
  });

  it('stays pending when the deploy age cannot be read', async () => {
    const result = await gate({
      changedFiles: [dropFullName],
      evidenceFor: () => Promise.reject(new Error('GitHub said 502')),
    });
    expect(result.state).toBe('pending');
    expect(result.plans[0]?.notes[0]).toMatch(/could not be read: GitHub said 502/);
  });

  it('fails a drop with no expand phase on record', async () => {
    const result = await gate({
      changedFiles: [
        dropFullName,
        { path: 'db/migrations/004.up.sql', content: 'ALTER TABLE users DROP COLUMN email;' },
      ],
      now: new Date('2024-01-30T00:00:00Z'),
    });
    expect(result.state).toBe('failure');
    expect(result.description).toBe('drops public.users.email with no expand phase on record');
    expect(result.unplannedDrops).toEqual(['public.users.email']);
    expect(result.acknowledged).toBe(false);
    expect(result.summary).toContain('db/migrations/004.up.sql:1');
    expect(result.summary).toContain('`expand-contract: acknowledged:`');
  });

  it('lets an acknowledged drop through with the label and a reason line, not with one of them', async () => {
    const changedFiles = [{ path: 'db/migrations/004.up.sql', content: 'DROP TABLE legacy_audit;' }];
    const body = 'Cleanup.\n\n- expand-contract: acknowledged: the table was never read in production\n';
    const both = await gate({ changedFiles, labels: ['expand-contract:acknowledged'], body });
    expect(both.state).toBe('success');
    expect(both.acknowledged).toBe(true);
    expect(both.acknowledgedReason).toBe('the table was never read in production');
    expect(both.unplannedDrops).toEqual(['public.legacy_audit']);
    expect(both.description).toContain('acknowledged');

    const labelOnly = await gate({
      changedFiles,
      labels: ['expand-contract:acknowledged'],
      body: 'Cleanup.',
    });
    expect(labelOnly.state).toBe('failure');
    expect(labelOnly.description).toContain('expand-contract: acknowledged: <reason>');
    const bodyOnly = await gate({ changedFiles, body });
    expect(bodyOnly.state).toBe('failure');

    // Acknowledged, but the planned drop in the same PR still waits for its plan.
    const mixed = await gate({
      changedFiles: [...changedFiles, dropFullName],
      labels: ['expand-contract:acknowledged'],
      body,
    });
    expect(mixed.state).toBe('pending');
  });

  it('reads the reason line, but not in an HTML comment or without text', () => {
    expect(acknowledgedReason('expand-contract: acknowledged: data moved to S3')).toBe('data moved to S3');
    expect(acknowledgedReason('> Expand-Contract: Acknowledged:   why  ')).toBe('why');
    expect(acknowledgedReason('<!-- expand-contract: acknowledged: <reason> -->')).toBeNull();
    expect(acknowledgedReason('expand-contract: acknowledged:   ')).toBeNull();
    expect(acknowledgedReason(null)).toBeNull();
  });

  it('keeps the description within 140 characters and escapes the summary', async () => {
    const long = 'x'.repeat(60);
    const changedFiles = [
      {
        path: 'db/migrations/004.up.sql',
        content: `DROP TABLE "${long}<b>hi</b>", "${long}2";\nALTER TABLE "${long}" DROP COLUMN "@octocat|x";`,
      },
    ];
    const failure = await gate({ changedFiles });
    expect(failure.state).toBe('failure');
    expect(failure.description.length).toBeLessThanOrEqual(140);
    expect(failure.summary).not.toContain('<b>');
    expect(failure.summary).not.toContain('@octocat');
    const acked = await gate({
      changedFiles,
      labels: ['expand-contract:acknowledged'],
      body: `expand-contract: acknowledged: ${'because '.repeat(40)}`,
    });
    expect(acked.state).toBe('success');
    expect(acked.description.length).toBeLessThanOrEqual(140);
  });

  it('says so when the PR has no contract SQL', async () => {
    const result = await gate({
      changedFiles: [{ path: 'db/migrations/004.up.sql', content: 'CREATE TABLE t (id int);' }],
    });
    expect(result).toMatchObject({ state: 'success', plans: [], unplannedDrops: [] });
  });
});

describe('publishGate', () => {
  let github: FakeGitHub;
  beforeAll(() => preloadSpec());
  beforeEach(async () => {
    github = await startFakeGitHub({ quiet: true });
  });
  afterEach(async () => {
    github.assertNoViolations();
    await github.close();
  });

  it('sets the commit status expand-contract/gate on the head commit', async () => {
    const pr = seedPr(github, 7);
    const result = await gate({ changedFiles: [dropFullName] });
    await publishGate(clientFor(github), {
      ...repoOf(github),
      sha: pr.head.sha,
      result,
      targetUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
    });
    const [status] = github.statuses(pr.head.sha);
    expect(status).toMatchObject({
      context: GATE_CONTEXT,
      state: 'pending',
      description: 'eligible on 2024-01-20 (expand deployed 3 days ago)',
    });
    expect(github.requestsFor('repos/create-commit-status')).toHaveLength(1);
  });
});

describe('the gate on a real repository with deployments', () => {
  let github: FakeGitHub;
  const dirs: string[] = [];
  beforeAll(() => preloadSpec());
  beforeEach(async () => {
    github = await startFakeGitHub({ quiet: true });
  });
  afterEach(async () => {
    github.assertNoViolations();
    await github.close();
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it("gates a person's early contract PR by the plan: pending with the date, then success", async () => {
    const root = await realpath(await mkdtemp(join(tmpdir(), 'ec-gate-')));
    dirs.push(root);
    const run = (args: string[], date: string) =>
      execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'T',
          GIT_AUTHOR_EMAIL: 't@example.com',
          GIT_COMMITTER_NAME: 'T',
          GIT_COMMITTER_EMAIL: 't@example.com',
          GIT_AUTHOR_DATE: date,
          GIT_COMMITTER_DATE: date,
        },
      }).trim();
    const commit = async (files: Record<string, string>, date: string) => {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, rel)), { recursive: true });
        await writeFile(join(root, rel), text);
      }
      run(['add', '-A'], date);
      run(['commit', '-q', '-m', 'c'], date);
      return run(['rev-parse', 'HEAD'], date);
    };
    run(['init', '-q', '-b', 'main'], '2024-01-01T00:00:00Z');
    await commit(
      { 'db/migrations/001_init.up.sql': 'CREATE TABLE users (id int, full_name text);\n' },
      '2024-01-01T00:00:00Z',
    );
    const expand = await commit(
      {
        'db/migrations/002_expand.up.sql': 'ALTER TABLE users ADD COLUMN first_name text;\n',
        [pendingPath(NAME_PLAN)]:
          `${header(NAME_PLAN, ['public.users.full_name'])}\nALTER TABLE users DROP COLUMN full_name;\n`,
      },
      '2024-01-10T09:00:00Z',
    );
    github.seedDeployment({
      sha: expand,
      statuses: [{ state: 'success', createdAt: '2024-01-11T10:00:00Z' }],
    });
    const pending = await listPendingPlans({ cwd: root, ref: 'main' });
    const client = clientFor(github);
    const evaluate = (now: Date) =>
      evaluateGate({
        changedFiles: [dropFullName],
        pending,
        evidenceFor: (p) =>
          planEvidence({
            client,
            ...repoOf(github),
            cwd: root,
            defaultBranch: 'main',
            plan: p,
            source: 'auto',
            environment: 'production',
            now,
          }),
        labels: [],
        body: null,
        now,
      });

    const day3 = await evaluate(new Date('2024-01-14T12:00:00Z'));
    expect(day3.state).toBe('pending');
    expect(day3.description).toBe('eligible on 2024-01-18 (expand deployed 3 days ago)');
    const day8 = await evaluate(new Date('2024-01-19T12:00:00Z'));
    expect(day8.state).toBe('success');
    expect(day8.description).toBe("all dropped objects' expand phases are 8+ days in production");
    expect(day8.plans[0]?.evidence).toMatch(/^deployments: deployment \d+ of [0-9a-f]{12} to production/);
  });
});
