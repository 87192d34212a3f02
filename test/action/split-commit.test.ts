// commitSplit against real git: a bare "origin" with a pull request branch, checked out like actions/checkout
// (detached HEAD at the PR head), and pushes that succeed, race, or are refused.
import { chmod, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commitSplit, splitCommitMessage, type SplitCommitOptions } from '../../src/action/split-commit.js';
import { createPullRequestRepo, type PullRequestRepo } from '../support/github/index.js';

const MIGRATION = 'db/002_add.sql';
const ORIGINAL = 'ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;\n';
const FILES = [
  { path: MIGRATION, content: '-- expand\nALTER TABLE t ADD COLUMN c int;\n' },
  { path: '.expand-contract/backfill/ec-1.sql', content: 'UPDATE t SET c = 0 WHERE c IS NULL;\n' },
  {
    path: '.expand-contract/pending/ec-1.sql',
    content: '-- contract\nALTER TABLE t ALTER c SET NOT NULL;\n',
  },
  { path: 'db/001_init.sql', content: 'CREATE TABLE t (id int);\n' }, // unchanged: not part of the commit
];
const MESSAGE = splitCommitMessage(['ec-1'], [MIGRATION]);

const repos: PullRequestRepo[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function pullRequest(opts: { headBranch?: string; fork?: boolean } = {}): Promise<PullRequestRepo> {
  const repo = await createPullRequestRepo({
    base: [{ 'db/001_init.sql': 'CREATE TABLE t (id int);\n' }],
    head: [{ [MIGRATION]: ORIGINAL, 'db/old.sql': 'SELECT 1;\n' }],
    ...opts,
  });
  repos.push(repo);
  return repo;
}

function options(
  repo: PullRequestRepo,
  cwd: string,
  more: Partial<SplitCommitOptions> = {},
): SplitCommitOptions {
  return {
    cwd,
    branch: repo.headBranch,
    expectedHead: repo.headSha,
    files: FILES,
    message: MESSAGE,
    isFork: false,
    sources: [MIGRATION],
    ...more,
  };
}

const remoteHead = (repo: PullRequestRepo, branch = repo.headBranch): Promise<string> =>
  repo.git(['rev-parse', `refs/heads/${branch}`], repo.bare);
const status = (repo: PullRequestRepo, dir: string): Promise<string> =>
  repo.git(['status', '--porcelain', '--untracked-files=all'], dir);

/** The checkout is exactly as actions/checkout left it: at the head, clean, the migration untouched. */
async function expectUntouched(repo: PullRequestRepo, dir: string): Promise<void> {
  expect(await repo.git(['rev-parse', 'HEAD'], dir)).toBe(repo.headSha);
  expect(await status(repo, dir)).toBe('');
  expect(await readFile(join(dir, MIGRATION), 'utf8')).toBe(ORIGINAL);
  expect(await readdir(dir)).not.toContain('.expand-contract');
}

describe('commitSplit', () => {
  it('commits exactly the split files as the bot and pushes them to the PR branch; a re-run has nothing to do', async () => {
    vi.stubEnv('GIT_AUTHOR_NAME', 'Ambient Author'); // simple-git drops ambient GIT_* variables
    vi.stubEnv('GIT_COMMITTER_EMAIL', 'ambient@example.com');
    const repo = await pullRequest();
    const dir = await repo.checkout();
    const configBefore = await repo.git(['config', '--local', '--list'], dir);

    const result = await commitSplit(options(repo, dir));

    expect(result).toEqual({
      status: 'committed',
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      files: FILES.slice(0, 3).map((f) => f.path),
    });
    if (result.status !== 'committed') return;
    expect(await remoteHead(repo)).toBe(result.sha);
    expect(await repo.git(['rev-parse', `${result.sha}^`], repo.bare)).toBe(repo.headSha);
    expect(await repo.git(['log', '-1', '--format=%an <%ae>|%cn <%ce>|%B', result.sha], repo.bare)).toBe(
      `expand-contract[bot] <expand-contract[bot]@users.noreply.github.com>|` +
        `expand-contract[bot] <expand-contract[bot]@users.noreply.github.com>|${MESSAGE.trim()}`,
    );
    const changed = await repo.git(
      ['diff-tree', '--no-commit-id', '--name-only', '-r', result.sha],
      repo.bare,
    );
    expect(changed.split('\n').sort()).toEqual(
      FILES.slice(0, 3)
        .map((f) => f.path)
        .sort(),
    );
    for (const f of FILES)
      expect(await repo.git(['show', `${result.sha}:${f.path}`], repo.bare)).toBe(f.content.trim());
    // Only the PR branch moved; no other ref, no config change, a clean checkout at the new commit.
    expect(await remoteHead(repo, repo.baseBranch)).toBe(repo.baseSha);
    expect(await repo.git(['rev-parse', `refs/pull/${repo.pullNumber}/head`], repo.bare)).toBe(repo.headSha);
    expect(await repo.git(['config', '--local', '--list'], dir)).toBe(configBefore);
    expect(await repo.git(['rev-parse', 'HEAD'], dir)).toBe(result.sha);
    expect(await status(repo, dir)).toBe('');

    // Re-run, in this checkout and in a fresh one of the new head: already split, nothing committed.
    const again = { expectedHead: result.sha };
    expect(await commitSplit(options(repo, dir, again))).toEqual({ status: 'nothing-to-commit' });
    const fresh = await repo.checkout({ ref: result.sha });
    expect(await commitSplit(options(repo, fresh, again))).toEqual({ status: 'nothing-to-commit' });
    expect(await remoteHead(repo)).toBe(result.sha);
  });

  it('commits a deletion and keeps an executable bit', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout();
    await chmod(join(dir, MIGRATION), 0o755);
    await repo.git(['-c', 'core.fileMode=true', 'update-index', '--chmod=+x', MIGRATION], dir);
    await repo.git(['commit', '-q', '-m', 'exec'], dir);
    await repo.git(['push', '-q', 'origin', `HEAD:refs/heads/${repo.headBranch}`], dir);
    const head = await repo.git(['rev-parse', 'HEAD'], dir);

    const result = await commitSplit(
      options(repo, dir, { expectedHead: head, files: FILES.slice(0, 1), deleted: ['db/old.sql'] }),
    );

    expect(result).toMatchObject({ status: 'committed', files: [MIGRATION, 'db/old.sql'] });
    const tree = await repo.git(['ls-tree', '-r', 'refs/heads/feature'], repo.bare);
    expect(tree).toMatch(new RegExp(`^100755 blob \\w+\\t${MIGRATION}$`, 'm'));
    expect(tree).not.toContain('db/old.sql');
  });

  it('refuses a fork without touching git', async () => {
    const repo = await pullRequest({ fork: true });
    const dir = await repo.checkout();

    const result = await commitSplit(options(repo, dir, { isFork: true }));

    expect(result).toEqual({
      status: 'refused',
      reason:
        'the branch lives in a fork; expand-contract cannot push to it with this token — run ' +
        '`npx expand-contract split db/002_add.sql --write` locally and push',
    });
    await expectUntouched(repo, dir);
    await expect(remoteHead(repo)).rejects.toThrow();
  });

  it('refuses a dirty working tree, naming up to five paths, and leaves it alone', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout();
    await writeFile(join(dir, 'db/001_init.sql'), 'CREATE TABLE t (id bigint);\n');
    for (const n of [1, 2, 3, 4, 5, 6]) await writeFile(join(dir, `notes-${n}.txt`), `note ${n}\n`);
    const before = await status(repo, dir);

    const result = await commitSplit(options(repo, dir));

    expect(result).toEqual({
      status: 'refused',
      reason:
        'the working tree has uncommitted changes expand-contract did not make (db/001_init.sql, notes-1.txt, notes-2.txt, ' +
        'notes-3.txt, notes-4.txt and 2 more); commit or remove them first',
    });
    expect(await status(repo, dir)).toBe(before);
    expect(await readFile(join(dir, 'db/001_init.sql'), 'utf8')).toBe('CREATE TABLE t (id bigint);\n');
    expect(await readFile(join(dir, MIGRATION), 'utf8')).toBe(ORIGINAL);
    expect(await remoteHead(repo)).toBe(repo.headSha);
  });

  it('refuses a checkout that is not at the analysed head (the merge commit)', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout({ ref: 'merge' });
    const result = await commitSplit(options(repo, dir));
    expect(result.status).toBe('refused');
    if (result.status === 'refused')
      expect(result.reason).toContain(
        `the checkout is at ${repo.mergeSha!.slice(0, 7)}, not at the pull request head ${repo.headSha.slice(0, 7)}`,
      );
    expect(await remoteHead(repo)).toBe(repo.headSha);
  });

  it('refuses when the branch moved on the remote before the run, and changes nothing', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout();
    await repo.git(['checkout', '-q', repo.headBranch]);
    await writeFile(join(repo.work, 'other.txt'), 'pushed meanwhile\n');
    await repo.git(['add', 'other.txt']);
    await repo.git(['commit', '-q', '-m', 'meanwhile']);
    await repo.git(['push', '-q', 'origin', repo.headBranch]);
    const other = await repo.git(['rev-parse', 'HEAD']);

    const result = await commitSplit(options(repo, dir));

    expect(result).toEqual({
      status: 'refused',
      reason: `the branch moved since this run started (now ${other.slice(0, 7)}); re-run the job`,
    });
    expect(await remoteHead(repo)).toBe(other);
    await expectUntouched(repo, dir);
  });

  it('refuses a push that loses the race (the branch moves while pushing), and resets the local commit', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout();
    // The branch moves between the check and the push: the server's compare-and-swap fails.
    await hook(
      repo,
      `unset GIT_QUARANTINE_PATH\ngit update-ref refs/heads/${repo.headBranch} ${repo.baseSha}\nexit 0`,
    );

    const result = await commitSplit(options(repo, dir));

    expect(result).toEqual({
      status: 'refused',
      reason: `the branch moved since this run started (now ${repo.baseSha.slice(0, 7)}); re-run the job`,
    });
    expect(await remoteHead(repo)).toBe(repo.baseSha);
    await expectUntouched(repo, dir);
  });

  it('refuses in one line when the token may not push, and puts the checkout back (with its own edits)', async () => {
    const repo = await pullRequest();
    const dir = await repo.checkout();
    await hook(repo, `echo "Permission to octo/repo.git denied to github-actions[bot]." >&2\nexit 1`);
    // The caller already wrote the migration: a related change, restored as it was.
    await writeFile(join(dir, MIGRATION), FILES[0]!.content);

    const result = await commitSplit(options(repo, dir));

    expect(result).toEqual({
      status: 'refused',
      reason: 'the token cannot push to feature: add `permissions: contents: write` to the job',
    });
    expect(await remoteHead(repo)).toBe(repo.headSha);
    expect(await repo.git(['rev-parse', 'HEAD'], dir)).toBe(repo.headSha);
    expect(await repo.git(['diff', '--cached', '--name-only'], dir)).toBe('');
    expect(await status(repo, dir)).toBe(`M ${MIGRATION}`); // ' M', trimmed
    expect(await readFile(join(dir, MIGRATION), 'utf8')).toBe(FILES[0]!.content);
    expect(await readdir(dir)).not.toContain('.expand-contract');
  });

  it('takes branch names literally: shell syntax is pushed as is, names git refuses are refused', async () => {
    const branch = 'feature/$(touch${IFS}pwned)';
    const repo = await pullRequest({ headBranch: branch });
    const dir = await repo.checkout();

    const result = await commitSplit(options(repo, dir, { branch }));
    expect(result.status).toBe('committed');
    if (result.status === 'committed') expect(await remoteHead(repo, branch)).toBe(result.sha);

    for (const weird of [
      'feature/$(touch pwned)',
      '-feature',
      '@{-1}',
      'a..b',
      'HEAD',
      'x:y',
      '--upload-pack=touch pwned',
    ])
      expect(
        await commitSplit(
          options(repo, dir, {
            branch: weird,
            expectedHead: result.status === 'committed' ? result.sha : '',
          }),
        ),
      ).toEqual({
        status: 'refused',
        reason: `${JSON.stringify(weird)} is not a branch name git accepts; not pushing to it`,
      });
    for (const where of [repo.root, repo.work, dir, process.cwd()])
      expect(await readdir(where)).not.toContain('pwned');
  });

  it('refuses paths outside the repository and writes through no symbolic link', async () => {
    const repo = await pullRequest();
    await mkdir(join(repo.root, 'outside'));
    await symlink(join(repo.root, 'outside'), join(repo.work, 'linked'));
    await repo.git(['add', 'linked']);
    await repo.git(['commit', '-q', '-m', 'link']);
    await repo.git(['push', '-q', 'origin', `HEAD:refs/heads/${repo.headBranch}`]);
    const head = await repo.git(['rev-parse', 'HEAD']);
    const dir = await repo.checkout({ ref: head });

    const through = await commitSplit(
      options(repo, dir, { expectedHead: head, files: [{ path: 'linked/x.sql', content: 'x\n' }] }),
    );
    expect(through).toEqual({
      status: 'refused',
      reason:
        'linked/x.sql goes through the symbolic link linked; expand-contract does not write through links',
    });
    for (const path of ['../x.sql', '/tmp/x.sql', 'db/../../x.sql', '.git/hooks/pre-commit', 'db//x.sql'])
      expect(
        await commitSplit(options(repo, dir, { expectedHead: head, files: [{ path, content: 'x\n' }] })),
      ).toEqual({
        status: 'refused',
        reason: `${JSON.stringify(path)} is not a plain path inside the repository`,
      });
    expect(await readdir(join(repo.root, 'outside'))).toEqual([]);
    expect(await remoteHead(repo)).toBe(head);
  });
});

describe('splitCommitMessage', () => {
  it('names the source in the subject and lists each plan', () => {
    expect(splitCommitMessage(['ec-1'], ['db/002_add.sql'])).toBe(
      'expand-contract: split db/002_add.sql into expand, backfill and contract\n\n' +
        'Plan ec-1: db/002_add.sql\n\n' +
        'Written by expand-contract; regenerate with npx expand-contract split db/002_add.sql --write.\n',
    );
    const two = splitCommitMessage(['ec-1', 'ec-2'], ['db/a.sql', 'db/b c.sql']);
    expect(two.split('\n')[0]).toBe('expand-contract: split 2 migrations into expand, backfill and contract');
    expect(two).toContain('Plan ec-1: db/a.sql\nPlan ec-2: db/b c.sql\n');
    expect(two).toContain(`npx expand-contract split 'db/b c.sql' --write`);
    expect(splitCommitMessage(['ec-1'], ['db/x\nSigned-off-by: someone.sql'])).not.toContain(
      '\nSigned-off-by',
    );
  });
});

/** A pre-receive hook in the bare repository. */
async function hook(repo: PullRequestRepo, body: string): Promise<void> {
  const path = join(repo.bare, 'hooks', 'pre-receive');
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
}
