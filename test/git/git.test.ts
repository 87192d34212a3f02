import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Git, GitError, GitRefError } from '../../src/git/git.js';
import { tempRepo, type TempRepo } from './helpers.js';

describe('Git', () => {
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await tempRepo();
    await repo.write({
      'db/1_a.sql': 'CREATE TABLE a ();\n',
      'db/2_b.sql': 'CREATE TABLE b ();\n',
      'db/3_c.sql': 'CREATE TABLE c ();\n',
      '.gitignore': 'ignored.sql\n',
    });
    repo.commit('first');
  });
  afterEach(async () => {
    await repo.remove();
  });

  it('opens the repository from a subfolder, at its top', async () => {
    const git = await Git.create(join(repo.root, 'db'));
    expect(await git.isRepo()).toBe(true);
    expect(git.root).toBe(repo.root);
  });

  it('says when a folder is not in a repository, and refuses a missing folder', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'ec-nogit-'));
    try {
      const git = await Git.create(outside);
      expect(await git.isRepo()).toBe(false);
      await expect(git.changedFiles('HEAD')).rejects.toBeInstanceOf(GitError);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    await expect(Git.create(join(repo.root, 'nope'))).rejects.toThrow(/is not a folder/);
  });

  it('lists modified, added, deleted, renamed and untracked files, but not ignored ones', async () => {
    await repo.write({
      'db/1_a.sql': 'CREATE TABLE a (id int);\n',
      'db/4_d.sql': 'CREATE TABLE d ();\n',
      'db/5 e.sql': 'CREATE TABLE e ();\n',
      'ignored.sql': 'SELECT 1;\n',
    });
    repo.git('add', 'db/4_d.sql');
    repo.git('rm', '-q', 'db/2_b.sql');
    repo.git('mv', 'db/3_c.sql', 'db/3_renamed.sql');
    const git = await Git.create(repo.root);
    const changes = await git.changedFiles('HEAD');
    expect(changes).toEqual(
      expect.arrayContaining([
        { status: 'modified', path: 'db/1_a.sql' },
        { status: 'added', path: 'db/4_d.sql' },
        { status: 'deleted', path: 'db/2_b.sql' },
        { status: 'renamed', path: 'db/3_renamed.sql', from: 'db/3_c.sql' },
        { status: 'untracked', path: 'db/5 e.sql' },
      ]),
    );
    expect(changes).toHaveLength(5);
  });

  it('sees unstaged deletions and changes against an older commit', async () => {
    const first = repo.git('rev-parse', 'HEAD').trim();
    await repo.write({ 'db/4_d.sql': 'CREATE TABLE d ();\n' });
    repo.commit('second');
    await unlink(join(repo.root, 'db/1_a.sql'));
    const git = await Git.create(repo.root);
    expect(await git.changedFiles(first)).toEqual([
      { status: 'deleted', path: 'db/1_a.sql' },
      { status: 'added', path: 'db/4_d.sql' },
    ]);
  });

  it('turns an unknown revision into a GitRefError naming it', async () => {
    const git = await Git.create(repo.root);
    expect(await git.refExists('main')).toBe(true);
    expect(await git.refExists('origin/main')).toBe(false);
    const attempt = git.changedFiles('origin/main');
    await expect(attempt).rejects.toBeInstanceOf(GitRefError);
    await expect(attempt).rejects.toThrow(/origin\/main/);
    await expect(git.fileAt('--upload-pack=x', 'db/1_a.sql')).rejects.toBeInstanceOf(GitRefError);
  });

  it('reads a file at a revision, undefined when it is not there', async () => {
    await repo.write({ 'db/1_a.sql': 'changed\n' });
    const git = await Git.create(repo.root);
    expect((await git.fileAt('HEAD', 'db/1_a.sql'))?.toString('utf8')).toBe('CREATE TABLE a ();\n');
    expect(await git.fileAt('HEAD', 'db/none.sql')).toBeUndefined();
    await expect(git.fileAt('v9', 'db/1_a.sql')).rejects.toBeInstanceOf(GitRefError);
  });

  it('finds the merge base of two branches', async () => {
    const fork = repo.git('rev-parse', 'HEAD').trim();
    repo.git('checkout', '-q', '-b', 'feature');
    await repo.write({ 'db/4_d.sql': 'x\n' });
    repo.commit('feature');
    repo.git('checkout', '-q', 'main');
    await repo.write({ 'db/4_other.sql': 'y\n' });
    repo.commit('main moves on');
    const git = await Git.create(repo.root);
    expect(await git.mergeBase('main', 'feature')).toBe(fork);
    expect(await git.resolve('feature')).toMatch(/^[0-9a-f]{40}$/);
  });
});
