// The git side of a pull request: a real bare "origin" in a temp folder with a base branch, a PR branch and
// GitHub's `refs/pull/N/head` / `refs/pull/N/merge`, and checkouts made the way actions/checkout makes them.
// Uses the git CLI through execFile (no shell), isolated from the user's and system's git configuration.

import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileRecord, GitHubState } from './state.js';

/** One commit: path → new content, or null to delete the file. */
export type CommitFiles = Record<string, string | null>;

export interface PullRequestRepoOptions {
  /** Commits on the base branch before the PR branches off (at least one). */
  base: CommitFiles[];
  /** Commits on the PR branch. */
  head: CommitFiles[];
  /** Commits on the base branch after the PR branched off (the base moved on). */
  baseAfter?: CommitFiles[];
  baseBranch?: string;
  headBranch?: string;
  pullNumber?: number;
  /** The head branch lives in a fork: origin only has `refs/pull/N/head`, no `refs/heads/<head>`. */
  fork?: boolean;
}

export interface CheckoutOptions {
  /** `head` (default: head.sha, as `ref: ${{ github.event.pull_request.head.sha }}`), `merge`, or a sha/ref. */
  ref?: 'head' | 'merge' | string;
  /** 0 (default) = all history and branches, as `fetch-depth: 0`; N = shallow, only the ref. */
  fetchDepth?: number;
}

export interface PullRequestRepo {
  root: string;
  /** The bare repository (the "origin" remote); `originUrl` is its file:// URL. */
  bare: string;
  originUrl: string;
  /** The working clone the commits were made in. */
  work: string;
  baseBranch: string;
  headBranch: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** Test merge commit of head into base (`refs/pull/N/merge`), null when they conflict. */
  mergeSha: string | null;
  /** Runs git in `cwd` (default the working clone); returns trimmed stdout. */
  git(args: string[], cwd?: string): Promise<string>;
  /** The PR's files as GitHub lists them (three-dot diff base...head), for `seedPullRequest({ files })`. */
  changedFiles(): Promise<FileRecord[]>;
  /** A new clone like actions/checkout: detached HEAD, `origin` = the bare repo, `origin/<base>` fetched. */
  checkout(opts?: CheckoutOptions): Promise<string>;
  cleanup(): Promise<void>;
}

const GIT_ENV: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.com',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.com',
};

export function runGit(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
      { cwd, env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.join(' ')} (in ${cwd}) failed: ${stderr || error.message}`));
        else resolve(stdout.trim());
      },
    );
  });
}

/** The hooks of `GitHubState` a real repository answers: `Object.assign(github.state, gitOracle(git.bare))`. */
export type GitOracle = Required<
  Pick<GitHubState, 'lookupCommit' | 'lookupBranch' | 'isAncestor' | 'revList'>
>;

/**
 * Commits, branches, ancestry and commit lists from a (bare) repository, so what a test pushes there is
 * what the fake API knows: `git cat-file -e`, `git rev-parse refs/heads/<name>`, `git merge-base
 * --is-ancestor` and `git rev-list --reverse`. Synchronous (execFileSync), like the hooks; one git process
 * per question. With `repository` (`owner/name`), branches of other repositories (forks) stay unknown.
 */
export function gitOracle(bare: string, opts: { repository?: string } = {}): GitOracle {
  const run = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, {
        cwd: bare,
        env: { ...process.env, ...GIT_ENV },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return undefined;
    }
  };
  const full = (sha: string) => /^[0-9a-f]{40}$/.test(sha);
  return {
    lookupCommit: (sha) => full(sha) && run(['cat-file', '-e', `${sha}^{commit}`]) !== undefined,
    lookupBranch: (name, repository) =>
      opts.repository && opts.repository.toLowerCase() !== repository.toLowerCase()
        ? undefined
        : run(['rev-parse', '--verify', '--quiet', `refs/heads/${name}^{commit}`]) || undefined,
    isAncestor: (ancestor, descendant) =>
      run(['merge-base', '--is-ancestor', ancestor, descendant]) !== undefined,
    revList: (excluded, included) =>
      (run(['rev-list', '--reverse', included, `^${excluded}`]) ?? '').split('\n').filter(Boolean),
  };
}

async function commit(work: string, files: CommitFiles, message: string): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(work, path);
    if (content === null) {
      await rm(full, { force: true });
    } else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  }
  await runGit(['add', '-A'], work);
  await runGit(['commit', '-q', '--allow-empty', '-m', message], work);
  return runGit(['rev-parse', 'HEAD'], work);
}

const STATUS: Record<string, FileRecord['status']> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

export async function createPullRequestRepo(opts: PullRequestRepoOptions): Promise<PullRequestRepo> {
  if (opts.base.length === 0) throw new Error('createPullRequestRepo: `base` needs at least one commit');
  const baseBranch = opts.baseBranch ?? 'main';
  const headBranch = opts.headBranch ?? 'feature';
  const pullNumber = opts.pullNumber ?? 1;
  const root = await mkdtemp(join(tmpdir(), 'fake-github-git-'));
  const bare = join(root, 'origin.git');
  const work = join(root, 'work');
  const originUrl = pathToFileURL(bare).href;
  await runGit(['init', '-q', '--bare', '-b', baseBranch, bare], root);
  await runGit(['config', 'uploadpack.allowAnySHA1InWant', 'true'], bare);
  await runGit(['init', '-q', '-b', baseBranch, work], root);
  await runGit(['remote', 'add', 'origin', originUrl], work);

  let baseSha = '';
  for (const [i, files] of opts.base.entries()) baseSha = await commit(work, files, `base ${i + 1}`);
  await runGit(['checkout', '-q', '-b', headBranch], work);
  let headSha = baseSha;
  for (const [i, files] of opts.head.entries()) headSha = await commit(work, files, `head ${i + 1}`);
  await runGit(['checkout', '-q', baseBranch], work);
  for (const [i, files] of (opts.baseAfter ?? []).entries())
    baseSha = await commit(work, files, `base after ${i + 1}`);

  const pull = `refs/pull/${pullNumber}`;
  const pushes = [`${baseBranch}:refs/heads/${baseBranch}`, `${headBranch}:${pull}/head`];
  if (!opts.fork) pushes.push(`${headBranch}:refs/heads/${headBranch}`);
  await runGit(['push', '-q', 'origin', ...pushes], work);

  let mergeSha: string | null = null;
  await runGit(['checkout', '-q', '--detach', baseSha], work);
  try {
    await runGit(
      ['merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${headSha} into ${baseSha}`, headSha],
      work,
    );
    mergeSha = await runGit(['rev-parse', 'HEAD'], work);
    await runGit(['push', '-q', 'origin', `HEAD:${pull}/merge`], work);
  } catch {
    await runGit(['merge', '--abort'], work).catch(() => undefined);
  }
  await runGit(['checkout', '-q', headBranch], work);

  const git = (args: string[], cwd = work): Promise<string> => runGit(args, cwd);
  let clones = 0;

  return {
    root,
    bare,
    originUrl,
    work,
    baseBranch,
    headBranch,
    pullNumber,
    baseSha,
    headSha,
    mergeSha,
    git,

    async changedFiles() {
      const range = `${baseSha}...${headSha}`;
      const names = (await git(['diff', '--name-status', '-M', range])).split('\n').filter(Boolean);
      const numbers = (await git(['diff', '--numstat', '-M', range])).split('\n').filter(Boolean);
      const files: FileRecord[] = [];
      for (const [i, line] of names.entries()) {
        const [code, ...paths] = line.split('\t');
        const [add, del] = numbers[i]!.split('\t');
        const filename = paths[paths.length - 1]!;
        const diff = await git(['diff', '-M', range, '--', ...paths]);
        const hunk = diff.indexOf('\n@@');
        files.push({
          filename,
          status: STATUS[code![0]!] ?? 'modified',
          additions: add === '-' ? 0 : Number(add),
          deletions: del === '-' ? 0 : Number(del),
          ...(hunk >= 0 ? { patch: diff.slice(hunk + 1) } : {}),
          ...(paths.length > 1 ? { previous_filename: paths[0]! } : {}),
        });
      }
      return files;
    },

    async checkout(checkoutOpts = {}) {
      const dir = join(root, `checkout-${++clones}`);
      const depth = checkoutOpts.fetchDepth ?? 0;
      const ref = checkoutOpts.ref ?? 'head';
      await runGit(['init', '-q', dir], root);
      await git(['remote', 'add', 'origin', originUrl], dir);
      await git(['config', '--local', 'gc.auto', '0'], dir);
      const target =
        ref === 'head' ? headSha : ref === 'merge' ? mergeSha : /^[0-9a-f]{40}$/.test(ref) ? ref : undefined;
      if (ref === 'merge' && !mergeSha) throw new Error('checkout: the pull request has no merge commit');
      const fetch = ['-c', 'protocol.version=2', 'fetch', '-q', '--prune', '--no-recurse-submodules'];
      // actions/checkout's refspecs: a PR merge commit lands in refs/remotes/pull/N/merge, a bare sha nowhere.
      const pin = ref === 'merge' ? `+${target}:refs/remotes/pull/${pullNumber}/merge` : target;
      if (depth > 0) {
        const spec = pin ?? `+refs/heads/${ref}:refs/remotes/origin/${ref}`;
        await git([...fetch, '--no-tags', `--depth=${depth}`, 'origin', spec], dir);
      } else {
        await git(
          [...fetch, 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'],
          dir,
        );
        if (pin && !(await git(['cat-file', '-t', target!], dir).catch(() => ''))) {
          await git([...fetch, 'origin', pin], dir);
        }
      }
      await git(['checkout', '-q', '--force', '--detach', target ?? `refs/remotes/origin/${ref}`], dir);
      return dir;
    },

    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
