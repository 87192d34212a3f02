// The expand commit, pending plans at a ref and commit containment, on real git repositories in temp folders.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  containsCommit,
  findExpandCommit,
  listPendingPlans,
  type ExpandCommit,
} from '../../src/contract/expand-commit.js';
import { GitRefError } from '../../src/git/git.js';
import { pendingHeader, pendingPath } from '../../src/plan/split.js';
import { createPullRequestRepo, type PullRequestRepo } from '../support/github/git.js';

const PLAN = 'ec-0123456789abcdef';
const OTHER = 'ec-fedcba9876543210';

function pending(planId: string, source = 'db/migrations/002_drop.up.sql'): string {
  const header = pendingHeader({
    planId,
    source,
    framework: 'golang-migrate',
    migrationsDir: 'db/migrations',
    contractAfterDays: 7,
    drops: ['column users.legacy_name'],
  });
  return `${header.join('\n')}\nALTER TABLE users DROP COLUMN legacy_name;\n`;
}

/** A repository whose commits carry the dates we give (author and committer). */
interface DatedRepo {
  root: string;
  git(args: string[], date?: string): string;
  write(files: Record<string, string>): Promise<void>;
  commit(message: string, date: string): string;
}

async function datedRepo(dirs: string[]): Promise<DatedRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'ec-expand-')));
  dirs.push(root);
  const git = (args: string[], date = '2024-01-01T00:00:00Z'): string =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    }).trim();
  git(['init', '-q', '-b', 'main']);
  return {
    root,
    git,
    async write(files) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, rel)), { recursive: true });
        await writeFile(join(root, rel), text);
      }
    },
    commit(message, date) {
      git(['add', '-A'], date);
      git(['commit', '-q', '--allow-empty', '-m', message], date);
      return git(['rev-parse', 'HEAD']);
    },
  };
}

function found(result: ExpandCommit): Extract<ExpandCommit, { kind: 'found' }> {
  if (result.kind !== 'found') throw new Error(`expected found, got ${result.kind}: ${result.reason}`);
  return result;
}

describe('findExpandCommit', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('finds the commit that added the pending file on the default branch, not later edits of it', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ 'db/migrations/001_init.up.sql': 'CREATE TABLE users (id int);\n' });
    repo.commit('init', '2024-03-01T09:00:00Z');
    await repo.write({ [pendingPath(PLAN)]: pending(PLAN), 'db/migrations/002_drop.up.sql': 'SELECT 1;\n' });
    const expand = repo.commit('expand', '2024-03-02T10:30:00+02:00');
    await repo.write({ [pendingPath(PLAN)]: `${pending(PLAN)}-- edited\n` });
    repo.commit('edit the pending file', '2024-03-05T12:00:00Z');

    const result = found(await findExpandCommit({ cwd: repo.root, planId: PLAN, defaultBranch: 'main' }));
    expect(result).toEqual({
      kind: 'found',
      sha: expand,
      committedAt: '2024-03-02T08:30:00.000Z',
      path: '.expand-contract/pending/ec-0123456789abcdef.sql',
      ref: 'main',
    });
    expect(result.mergedAt).toBeUndefined();
  });

  it('finds the merge commit when the file was added on a branch and merged with --no-ff', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ 'README.md': 'app\n' });
    repo.commit('init', '2024-03-01T09:00:00Z');
    repo.git(['checkout', '-q', '-b', 'feature']);
    await repo.write({ [pendingPath(PLAN)]: pending(PLAN) });
    const onBranch = repo.commit('expand on the branch', '2024-03-02T09:00:00Z');
    await repo.write({ 'src/app.ts': 'export {};\n' });
    repo.commit('more work on the branch', '2024-03-03T09:00:00Z');
    repo.git(['checkout', '-q', 'main']);
    await repo.write({ 'docs/notes.md': 'notes\n' });
    repo.commit('main moves on', '2024-03-04T09:00:00Z');
    repo.git(['merge', '-q', '--no-ff', '--no-edit', 'feature'], '2024-03-10T15:00:00Z');
    const merge = repo.git(['rev-parse', 'HEAD']);
    await repo.write({ 'docs/later.md': 'later\n' });
    repo.commit('after the merge', '2024-03-11T09:00:00Z');

    const result = found(await findExpandCommit({ cwd: repo.root, planId: PLAN, defaultBranch: 'main' }));
    expect(result.sha).toBe(merge);
    expect(result.committedAt).toBe('2024-03-10T15:00:00.000Z');
    expect(result.mergedAt).toBe('2024-03-10T15:00:00.000Z');
    expect(result.branchCommit).toEqual({ sha: onBranch, committedAt: '2024-03-02T09:00:00.000Z' });

    // On the branch itself, the branch commit is the one that added it.
    const onFeature = found(
      await findExpandCommit({ cwd: repo.root, planId: PLAN, defaultBranch: 'feature' }),
    );
    expect(onFeature.sha).toBe(onBranch);
  });

  it('says not found when no commit on the default branch added the file, or the branch is unknown', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ 'README.md': 'app\n' });
    repo.commit('init', '2024-03-01T09:00:00Z');
    repo.git(['checkout', '-q', '-b', 'feature']);
    await repo.write({ [pendingPath(PLAN)]: pending(PLAN) });
    repo.commit('expand, not merged', '2024-03-02T09:00:00Z');
    repo.git(['checkout', '-q', 'main']);

    const missing = await findExpandCommit({ cwd: repo.root, planId: PLAN, defaultBranch: 'main' });
    expect(missing.kind).toBe('not-found');
    expect(missing.kind !== 'found' && missing.reason).toMatch(
      /no commit on main's first-parent history added/,
    );
    expect(missing.kind !== 'found' && missing.reason).toContain(PLAN);

    const unknown = await findExpandCommit({ cwd: repo.root, planId: PLAN, defaultBranch: 'origin/main' });
    expect(unknown.kind).toBe('not-found');
    expect(unknown.kind !== 'found' && unknown.reason).toMatch(
      /git does not know origin\/main.*fetch-depth: 0/,
    );

    const outside = await realpath(await mkdtemp(join(tmpdir(), 'ec-nogit-')));
    dirs.push(outside);
    const noRepo = await findExpandCommit({ cwd: outside, planId: PLAN, defaultBranch: 'main' });
    expect(noRepo.kind === 'not-found' && noRepo.reason).toMatch(/not inside a git repository/);

    await expect(findExpandCommit({ cwd: repo.root, planId: '../x', defaultBranch: 'main' })).rejects.toThrow(
      /not a plan id/,
    );
  });

  it('says the checkout is shallow instead of trusting its truncated history', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ [pendingPath(PLAN)]: pending(PLAN) });
    repo.commit('expand', '2024-03-02T09:00:00Z');
    await repo.write({ 'README.md': 'app\n' });
    repo.commit('later', '2024-03-05T09:00:00Z');
    const clone = join(repo.root, '..', `${repo.root.split('/').pop()}-shallow`);
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', pathToFileURL(repo.root).href, clone]);

    const result = await findExpandCommit({ cwd: clone, planId: PLAN, defaultBranch: 'origin/main' });
    expect(result.kind).toBe('shallow');
    expect(result.kind === 'shallow' && result.reason).toMatch(/shallow.*incomplete.*fetch-depth: 0/s);
  });
});

describe('findExpandCommit in checkouts made like actions/checkout', () => {
  let pr: PullRequestRepo;
  beforeEach(async () => {
    pr = await createPullRequestRepo({
      base: [{ 'db/migrations/001_init.up.sql': 'CREATE TABLE users (id int);\n' }],
      head: [{ 'db/migrations/002_drop.up.sql': 'SELECT 1;\n', [pendingPath(PLAN)]: pending(PLAN) }],
    });
    // The pull request is merged with a merge commit, and main is pushed.
    await pr.git(['checkout', '-q', pr.baseBranch]);
    await pr.git(['merge', '-q', '--no-ff', '--no-edit', pr.headBranch]);
    await pr.git(['push', '-q', 'origin', `${pr.baseBranch}:refs/heads/${pr.baseBranch}`]);
  });
  afterEach(async () => {
    await pr.cleanup();
  });

  it('finds the merge on origin/main with fetch-depth: 0, and says shallow with the default depth', async () => {
    const merge = await pr.git(['rev-parse', 'HEAD']);
    const full = await pr.checkout({ ref: pr.baseBranch, fetchDepth: 0 });
    const result = found(await findExpandCommit({ cwd: full, planId: PLAN, defaultBranch: 'origin/main' }));
    expect(result.sha).toBe(merge);
    expect(result.mergedAt).toBe(result.committedAt);
    expect(result.branchCommit?.sha).toBe(pr.headSha);
    expect(await containsCommit(full, pr.headSha, 'origin/main')).toBe(true);

    const shallow = await pr.checkout({ ref: pr.baseBranch, fetchDepth: 1 });
    expect((await findExpandCommit({ cwd: shallow, planId: PLAN, defaultBranch: 'origin/main' })).kind).toBe(
      'shallow',
    );
    // The pull request's head commit is not in the one-commit clone: the caller asks the compare API.
    expect(await containsCommit(shallow, pr.headSha, 'HEAD')).toBeUndefined();
  });
});

describe('listPendingPlans', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('lists the pending files at a ref with their headers, read through git rather than the working tree', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({
      [pendingPath(PLAN)]: pending(PLAN),
      [pendingPath(OTHER)]: pending(OTHER, 'prisma/migrations/20240301000000_x/migration.sql'),
      '.expand-contract/pending/ec-broken.sql': 'ALTER TABLE users DROP COLUMN x;\n',
      '.expand-contract/pending/README.md': 'not a plan\n',
      '.expand-contract/backfill/ec-0123456789abcdef.sql': '-- backfill\n',
    });
    const first = repo.commit('two plans', '2024-03-02T09:00:00Z');
    await repo.write({ [pendingPath('ec-1111111111111111')]: pending('ec-1111111111111111') });
    repo.commit('a third plan', '2024-03-03T09:00:00Z');
    await repo.write({ [pendingPath('ec-2222222222222222')]: pending('ec-2222222222222222') }); // not committed

    const plans = await listPendingPlans({ cwd: repo.root, ref: first });
    expect(plans.map((p) => p.planId)).toEqual(['ec-0123456789abcdef', 'ec-broken', 'ec-fedcba9876543210']);
    expect(plans[0]).toEqual({
      path: '.expand-contract/pending/ec-0123456789abcdef.sql',
      planId: PLAN,
      header: {
        planId: PLAN,
        source: 'db/migrations/002_drop.up.sql',
        framework: 'golang-migrate',
        migrationsDir: 'db/migrations',
        contractAfterDays: 7,
        drops: ['column users.legacy_name'],
      },
    });
    expect(plans[1]?.header).toBeNull();
    expect(plans[2]?.header?.source).toBe('prisma/migrations/20240301000000_x/migration.sql');

    const atMain = await listPendingPlans({ cwd: repo.root, ref: 'main' });
    expect(atMain.map((p) => p.planId)).toContain('ec-1111111111111111');
    expect(atMain.map((p) => p.planId)).not.toContain('ec-2222222222222222');

    await expect(listPendingPlans({ cwd: repo.root, ref: 'origin/nope' })).rejects.toBeInstanceOf(
      GitRefError,
    );
  });

  it('gives an empty list when the ref has no pending folder', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ 'README.md': 'app\n' });
    repo.commit('init', '2024-03-01T09:00:00Z');
    expect(await listPendingPlans({ cwd: repo.root, ref: 'HEAD' })).toEqual([]);
  });
});

describe('containsCommit', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('answers true, false, or undefined when a commit is not in the clone', async () => {
    const repo = await datedRepo(dirs);
    await repo.write({ 'a.txt': 'a\n' });
    const a = repo.commit('a', '2024-03-01T09:00:00Z');
    repo.git(['checkout', '-q', '-b', 'side']);
    await repo.write({ 'b.txt': 'b\n' });
    const side = repo.commit('side', '2024-03-02T09:00:00Z');
    repo.git(['checkout', '-q', 'main']);
    await repo.write({ 'c.txt': 'c\n' });
    const c = repo.commit('c', '2024-03-03T09:00:00Z');

    expect(await containsCommit(repo.root, a, c)).toBe(true);
    expect(await containsCommit(repo.root, c, c)).toBe(true);
    expect(await containsCommit(repo.root, side, c)).toBe(false);
    expect(await containsCommit(repo.root, c, a)).toBe(false);
    expect(await containsCommit(repo.root, 'deadbeef'.repeat(5), c)).toBeUndefined();
    expect(await containsCommit(repo.root, a, 'deadbeef'.repeat(5))).toBeUndefined();
  });
});
