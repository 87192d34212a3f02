import { describe, expect, it, vi } from 'vitest';
import {
  appliedMigrationEdits,
  changedPaths,
  EDITING_APPLIED_MIGRATION,
  gitFileReader,
  MAX_API_FILES,
  migrationMatcher,
  pullRequestChanges,
  type ApiChanges,
  type PrChanges,
} from '../../src/action/changes.js';
import { InputError } from '../../src/discover/index.js';
import { createPullRequestRepo, type PullRequestRepo } from '../support/github/index.js';

/** Runs a test with a pull request repository and removes it afterwards. */
async function withRepo(
  opts: Parameters<typeof createPullRequestRepo>[0],
  fn: (git: PullRequestRepo) => Promise<void>,
): Promise<void> {
  const git = await createPullRequestRepo(opts);
  try {
    await fn(git);
  } finally {
    await git.cleanup();
  }
}

/** The files API as GitHub answers it for this repository (three-dot diff). */
function apiOf(git: PullRequestRepo, truncated = false): () => Promise<ApiChanges> {
  return async () => ({
    files: (await git.changedFiles()).map((f) => ({
      path: f.filename,
      status: f.status,
      ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
    })),
    truncated,
  });
}

const BASE = [
  {
    'db/migrations/001_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n',
    'db/migrations/002_orders.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY);\n',
    'db/migrations/003_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    'db/seeds/users.sql': "INSERT INTO users VALUES (1, 'a');\n",
    'README.md': '# app\n',
  },
];

const HEAD = [
  {
    // edited
    'db/migrations/002_orders.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n',
    // deleted
    'db/migrations/001_users.sql': null,
    // renamed (same content)
    'db/migrations/003_email.sql': null,
    'db/migrations/004_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    // added
    'db/migrations/005_phone.sql': 'ALTER TABLE users ADD COLUMN phone text;\n',
    // not migrations
    'db/seeds/users.sql': "INSERT INTO users VALUES (1, 'b');\n",
    'README.md': '# app\n\nmore\n',
  },
];

const EXPECTED_FILES = [
  { path: 'README.md', status: 'modified' },
  { path: 'db/migrations/001_users.sql', status: 'deleted' },
  { path: 'db/migrations/002_orders.sql', status: 'modified' },
  { path: 'db/migrations/004_email.sql', status: 'renamed', from: 'db/migrations/003_email.sql' },
  { path: 'db/migrations/005_phone.sql', status: 'added' },
  { path: 'db/seeds/users.sql', status: 'modified' },
];

const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

describe('pullRequestChanges', () => {
  it('reads added, modified, deleted and renamed files from git with the full history', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout();
      const api = vi.fn(apiOf(git));
      const changes = await pullRequestChanges({
        cwd,
        baseSha: git.baseSha,
        headSha: git.headSha,
        listFilesFromApi: api,
      });
      expect(changes.source).toBe('git');
      expect(changes.truncated).toBe(false);
      expect(changes.notice).toBeUndefined();
      expect([...changes.files].sort(byPath)).toEqual(EXPECTED_FILES);
      expect(api).not.toHaveBeenCalled();
    });
  });

  it('diffs from the merge base, like GitHub, when the base branch moved on', async () => {
    await withRepo(
      {
        base: BASE,
        head: [{ 'db/migrations/004_a.sql': 'SELECT 1;\n' }],
        baseAfter: [{ 'db/migrations/004_b.sql': 'SELECT 2;\n', 'README.md': '# moved\n' }],
      },
      async (git) => {
        const cwd = await git.checkout({ ref: 'merge' });
        const changes = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha });
        expect(changes).toEqual({
          source: 'git',
          files: [{ path: 'db/migrations/004_a.sql', status: 'added' }],
          truncated: false,
        });
        const api = await apiOf(git)();
        expect(api.files.map((f) => f.path)).toEqual(changes.files.map((f) => f.path));
      },
    );
  });

  it('gives the same list as the pull request files API', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout();
      const fromGit = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha });
      const shallow = await git.checkout({ fetchDepth: 1 });
      const fromApi = await pullRequestChanges({
        cwd: shallow,
        baseSha: git.baseSha,
        headSha: git.headSha,
        listFilesFromApi: apiOf(git),
      });
      expect(fromApi.source).toBe('api');
      expect([...fromApi.files].sort(byPath)).toEqual([...fromGit.files].sort(byPath));
    });
  });

  it('falls back to the files API in a shallow checkout, and says so', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout({ fetchDepth: 1 });
      const api = vi.fn(apiOf(git));
      const changes = await pullRequestChanges({
        cwd,
        baseSha: git.baseSha,
        headSha: git.headSha,
        listFilesFromApi: api,
      });
      expect(api).toHaveBeenCalledTimes(1);
      expect(changes.source).toBe('api');
      expect(changes.truncated).toBe(false);
      expect([...changes.files].sort(byPath)).toEqual(EXPECTED_FILES);
      expect(changes.notice).toBe(
        `The checkout has no history (a shallow checkout: actions/checkout fetches one commit by default) and lacks the base commit ${git.baseSha.slice(0, 7)}, so the changed files came from the pull request files API; use actions/checkout with fetch-depth: 0 to read them from git.`,
      );
    });
  });

  it('falls back when the shallow history does not reach the merge base', async () => {
    await withRepo(
      { base: BASE, head: [{ 'db/migrations/004_a.sql': 'SELECT 1;\n' }], baseAfter: [{ 'x.txt': 'x\n' }] },
      async (git) => {
        // The merge commit's parents are the base and head commits, but not their history.
        const cwd = await git.checkout({ ref: 'merge', fetchDepth: 2 });
        const changes = await pullRequestChanges({
          cwd,
          baseSha: git.baseSha,
          headSha: git.headSha,
          listFilesFromApi: apiOf(git),
        });
        expect(changes.source).toBe('api');
        expect(changes.notice).toMatch(
          /^The checkout's history \(a shallow checkout: .*\) does not reach the merge base/,
        );
        expect(changes.files).toEqual([{ path: 'db/migrations/004_a.sql', status: 'added' }]);
      },
    );
  });

  it(`reports the API's ${MAX_API_FILES}-file truncation in the notice`, async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout({ fetchDepth: 1 });
      const changes = await pullRequestChanges({
        cwd,
        baseSha: git.baseSha,
        headSha: git.headSha,
        listFilesFromApi: async () => ({
          files: Array.from({ length: MAX_API_FILES }, (_, i) => ({
            path: `src/file-${i}.ts`,
            status: 'added',
          })),
          truncated: true,
        }),
      });
      expect(changes.source).toBe('api');
      expect(changes.truncated).toBe(true);
      expect(changes.files).toHaveLength(MAX_API_FILES);
      expect(changes.notice).toMatch(
        /use actions\/checkout with fetch-depth: 0 to read them from git\. The pull request changes more than 3000 files and the API lists only the first 3000, so migrations among the rest were not checked\.$/,
      );
    });
  });

  it("maps the API's statuses (removed, copied, changed, unchanged)", async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout({ fetchDepth: 1 });
      const changes = await pullRequestChanges({
        cwd,
        baseSha: git.baseSha,
        headSha: git.headSha,
        listFilesFromApi: async () => ({
          files: [
            { path: 'a.sql', status: 'removed' },
            { path: 'b.sql', status: 'copied', previousPath: 'a.sql' },
            { path: 'c.sql', status: 'changed' },
            { path: 'd.sql', status: 'unchanged' },
            { path: 'e.sql', status: 'renamed', previousPath: 'old/e.sql' },
          ],
          truncated: false,
        }),
      });
      expect(changes.files).toEqual([
        { path: 'a.sql', status: 'deleted' },
        { path: 'b.sql', status: 'added' },
        { path: 'c.sql', status: 'modified' },
        { path: 'e.sql', status: 'renamed', from: 'old/e.sql' },
      ]);
    });
  });

  it('throws an InputError naming fetch-depth when git cannot answer and there is no API', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout({ fetchDepth: 1 });
      const error = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(
        /lacks the base commit .* use actions\/checkout with fetch-depth: 0/,
      );
    });
  });
});

describe('migrationMatcher', () => {
  it('takes .sql files of a migrations folder, present or gone, and leaves seeds and docs out', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout();
      const changes = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha });
      const isMigration = await migrationMatcher({ cwd, paths: changedPaths(changes) });
      expect(changedPaths(changes).filter(isMigration).sort()).toEqual([
        'db/migrations/001_users.sql',
        'db/migrations/002_orders.sql',
        'db/migrations/003_email.sql',
        'db/migrations/004_email.sql',
        'db/migrations/005_phone.sql',
      ]);
    });
  });

  it('follows the configuration globs', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout();
      const isMigration = await migrationMatcher({
        cwd,
        paths: ['db/seeds/users.sql', 'db/migrations/002_orders.sql'],
        globs: ['db/seeds/*.sql'],
      });
      expect(isMigration('db/seeds/users.sql')).toBe(true);
      expect(isMigration('db/migrations/002_orders.sql')).toBe(false);
    });
  });
});

describe('appliedMigrationEdits', () => {
  it('reports editing, deleting and renaming a migration of the base branch, not adding one', async () => {
    await withRepo({ base: BASE, head: HEAD }, async (git) => {
      const cwd = await git.checkout();
      const changes = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha });
      const isMigration = await migrationMatcher({ cwd, paths: changedPaths(changes) });
      const readBase = await gitFileReader(cwd, git.baseSha);
      expect(readBase).toBeDefined();
      const findings = await appliedMigrationEdits(changes, isMigration, readBase!);
      const common = {
        rule: 'editing-applied-migration',
        severity: 'error',
        breaking: true,
        line: 1,
        column: 1,
        statementLine: 1,
        object: null,
        lock: null,
        help: EDITING_APPLIED_MIGRATION.help,
        docs: 'docs/rules/editing-applied-migration.md',
      };
      expect([...findings].sort(byPath)).toEqual([
        {
          ...common,
          path: 'db/migrations/001_users.sql',
          message:
            '`db/migrations/001_users.sql` already exists on the base branch, so it has probably run in production; deleting it undoes nothing there and makes new environments differ from production. Restore the file and add a new migration that reverses it instead.',
        },
        {
          ...common,
          path: 'db/migrations/002_orders.sql',
          message:
            '`db/migrations/002_orders.sql` already exists on the base branch, so it has probably run in production; editing it changes nothing there and makes environments differ. Revert the edit and add a new migration instead.',
        },
        {
          ...common,
          path: 'db/migrations/004_email.sql',
          message:
            '`db/migrations/003_email.sql` already exists on the base branch, so it has probably run in production; renaming it to `db/migrations/004_email.sql` changes its identity and order, so the migration tool may run it again or report it missing. Restore the old name and add a new migration instead.',
        },
      ]);
    });
  });

  it('reports nothing for a pull request that only adds migrations', async () => {
    await withRepo({ base: BASE, head: [{ 'db/migrations/004_new.sql': 'SELECT 1;\n' }] }, async (git) => {
      const cwd = await git.checkout();
      const changes = await pullRequestChanges({ cwd, baseSha: git.baseSha, headSha: git.headSha });
      const readBase = vi.fn(async (path: string) => (await gitFileReader(cwd, git.baseSha))!(path));
      const isMigration = await migrationMatcher({ cwd, paths: changedPaths(changes) });
      expect(isMigration('db/migrations/004_new.sql')).toBe(true);
      expect(await appliedMigrationEdits(changes, isMigration, readBase)).toEqual([]);
      expect(readBase).not.toHaveBeenCalled();
    });
  });

  it('reports nothing when the file is not on the base branch, or is not a migration', async () => {
    const changes: PrChanges = {
      source: 'api',
      truncated: false,
      files: [
        { path: 'db/migrations/010_x.sql', status: 'modified' },
        { path: 'docs/x.sql', status: 'modified' },
      ],
    };
    const readBase = vi.fn(async () => undefined);
    expect(await appliedMigrationEdits(changes, (p) => p.startsWith('db/migrations/'), readBase)).toEqual([]);
    expect(readBase).toHaveBeenCalledWith('db/migrations/010_x.sql');
    expect(readBase).not.toHaveBeenCalledWith('docs/x.sql');
  });

  it('follows the configured severity, and off reports nothing', async () => {
    const changes: PrChanges = {
      source: 'git',
      truncated: false,
      files: [{ path: 'db/migrations/001_x.sql', status: 'modified' }],
    };
    const readBase = async (): Promise<string> => 'SELECT 1;\n';
    const all = () => true;
    expect((await appliedMigrationEdits(changes, all, readBase, { severity: 'warning' }))[0]?.severity).toBe(
      'warning',
    );
    expect(await appliedMigrationEdits(changes, all, readBase, { severity: 'off' })).toEqual([]);
  });

  it('reports moving a migration out of its folder, judged by the old path', async () => {
    const changes: PrChanges = {
      source: 'git',
      truncated: false,
      files: [{ path: 'archive/001_x.sql', status: 'renamed', from: 'db/migrations/001_x.sql' }],
    };
    const findings = await appliedMigrationEdits(
      changes,
      (p) => p.startsWith('db/migrations/'),
      async (p) => (p === 'db/migrations/001_x.sql' ? 'SELECT 1;\n' : undefined),
    );
    expect(findings.map((f) => [f.path, f.message.slice(0, 30)])).toEqual([
      ['archive/001_x.sql', '`db/migrations/001_x.sql` alre'],
    ]);
  });
});
