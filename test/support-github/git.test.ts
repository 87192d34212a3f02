// The git helper: a bare origin with a PR, checkouts like actions/checkout, and its files on the fake API.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createPullRequestRepo,
  startFakeGitHub,
  type FakeGitHub,
  type PullRequestRepo,
} from '../support/github/index.js';
import { octokitFor, repoOf } from './helpers.js';

let git: PullRequestRepo;
let github: FakeGitHub;

beforeAll(async () => {
  [git, github] = await Promise.all([
    createPullRequestRepo({
      base: [{ 'db/001_init.sql': 'CREATE TABLE t (id int);\n', 'README.md': 'hi\n' }],
      head: [
        { 'db/002_add.sql': 'ALTER TABLE t ADD COLUMN c int;\n' },
        { 'db/001_init.sql': 'CREATE TABLE t (id bigint);\n', 'README.md': null },
      ],
      baseAfter: [{ 'docs/later.md': 'base moved on\n' }],
      pullNumber: 3,
    }),
    startFakeGitHub(),
  ]);
});
afterAll(() => Promise.all([git.cleanup(), github.close()]));

it('makes a fetch-depth 0 checkout of the PR head where the three-dot diff lists the PR files', async () => {
  const dir = await git.checkout();
  expect(await git.git(['rev-parse', 'HEAD'], dir)).toBe(git.headSha);
  expect(await git.git(['symbolic-ref', '-q', 'HEAD'], dir).catch(() => 'detached')).toBe('detached');
  expect(await git.git(['remote', 'get-url', 'origin'], dir)).toBe(git.originUrl);
  expect(await git.git(['rev-parse', 'origin/main'], dir)).toBe(git.baseSha);
  expect(await git.git(['rev-parse', '--is-shallow-repository'], dir)).toBe('false');
  expect((await git.git(['diff', '--name-status', 'origin/main...HEAD'], dir)).split('\n')).toEqual([
    'D\tREADME.md',
    'M\tdb/001_init.sql',
    'A\tdb/002_add.sql',
  ]);
  expect(git.mergeSha).toMatch(/^[0-9a-f]{40}$/);
  expect(await git.git(['rev-parse', 'refs/pull/3/merge^2'], git.bare)).toBe(git.headSha);
});

it('serves the PR files from git through the fake API', async () => {
  github.seedPullRequest({
    number: git.pullNumber,
    head: { sha: git.headSha, ref: git.headBranch },
    base: { sha: git.baseSha, ref: git.baseBranch },
    mergeSha: git.mergeSha,
    files: await git.changedFiles(),
  });
  const { owner, repo } = repoOf(github);
  const { data } = await octokitFor(github).rest.pulls.listFiles({ owner, repo, pull_number: 3 });
  expect(data.map((f) => [f.status, f.filename, f.additions, f.deletions])).toEqual([
    ['removed', 'README.md', 0, 1],
    ['modified', 'db/001_init.sql', 1, 1],
    ['added', 'db/002_add.sql', 1, 0],
  ]);
  expect(data[2]!.patch).toBe('@@ -0,0 +1 @@\n+ALTER TABLE t ADD COLUMN c int;');
  github.assertNoViolations();
});

it('keeps a fork head out of origin’s branches and can check out shallow', async () => {
  const fork = await createPullRequestRepo({
    base: [{ 'a.sql': 'select 1;\n' }],
    head: [{ 'b.sql': 'select 2;\n' }],
    fork: true,
  });
  try {
    expect(await fork.git(['for-each-ref', '--format=%(refname)'], fork.bare)).toBe(
      ['refs/heads/main', 'refs/pull/1/head', 'refs/pull/1/merge'].join('\n'),
    );
    const full = await fork.checkout();
    expect(await fork.git(['rev-parse', 'HEAD'], full)).toBe(fork.headSha);
    const shallow = await fork.checkout({ ref: 'merge', fetchDepth: 1 });
    expect(await fork.git(['rev-parse', 'HEAD'], shallow)).toBe(fork.mergeSha);
    expect(await fork.git(['rev-parse', '--is-shallow-repository'], shallow)).toBe('true');
  } finally {
    await fork.cleanup();
  }
});
