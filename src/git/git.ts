// The only module that talks to git (through simple-git). One small method per verb; every git
// failure becomes a GitError (or GitRefError for a revision git does not know) with a readable message.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** git failed, or is missing; the message says what was asked and what git answered. */
export class GitError extends Error {}

/** A branch, tag or commit that git does not know. */
export class GitRefError extends GitError {
  constructor(
    readonly ref: string,
    message: string,
  ) {
    super(message);
  }
}

export type ChangeStatus =
  'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'untracked' | 'other';

export interface ChangedFile {
  status: ChangeStatus;
  /** Path relative to the repository root, with `/`. For renames and copies, the new path. */
  path: string;
  /** For renames and copies, the old path. */
  from?: string;
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** `git diff --name-status -z` output: status, then one path (or old and new for renames and copies). */
function parseNameStatus(diff: string): ChangedFile[] {
  const out: ChangedFile[] = [];
  const fields = diff.split('\0');
  for (let i = 0; i < fields.length;) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const status = STATUS[code[0] as string] ?? 'other';
    if (status === 'renamed' || status === 'copied') {
      const from = fields[i++] ?? '';
      out.push({ status, path: fields[i++] ?? '', from });
    } else out.push({ status, path: fields[i++] ?? '' });
  }
  return out;
}

/** `-c` options that make `identity` the user, author and committer of one git command only. */
function identityOptions(identity: { name: string; email: string }): string[] {
  return ['user', 'author', 'committer'].flatMap((scope) => [
    '-c',
    `${scope}.name=${identity.name}`,
    '-c',
    `${scope}.email=${identity.email}`,
  ]);
}

export class Git {
  private constructor(
    private readonly git: SimpleGit,
    /** The repository's top folder, or the given folder when it is not in a repository. */
    readonly root: string,
    private readonly inRepo: boolean,
  ) {}

  /** Opens the repository that holds `cwd` (a folder outside any repository gives isRepo() false). */
  static async create(cwd: string): Promise<Git> {
    const dir = resolve(cwd);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new GitError(`${dir} is not a folder, so git cannot run there.`);
    const probe = simpleGit({ baseDir: dir });
    try {
      const top = (await probe.raw(['rev-parse', '--show-toplevel'])).trim();
      return new Git(simpleGit({ baseDir: top }), top, true);
    } catch (e: unknown) {
      if (isMissingGit(e))
        throw new GitError('git is not installed or not on PATH; install git to compare with a base.');
      const detail = e instanceof Error ? e.message.trim() : String(e);
      if (/not a git repository/i.test(detail)) return new Git(probe, dir, false);
      if (/dubious ownership/i.test(detail)) {
        throw new GitError(
          `git refuses to work in ${dir} (owned by another user); run: git config --global --add safe.directory ${dir}`,
        );
      }
      throw new GitError(`git rev-parse failed in ${dir}: ${detail.split('\n')[0] ?? ''}`);
    }
  }

  async isRepo(): Promise<boolean> {
    return this.inRepo;
  }

  /** True when `ref` names a commit. */
  async refExists(ref: string): Promise<boolean> {
    try {
      await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
      return true;
    } catch (e: unknown) {
      if (e instanceof GitError) return false;
      throw e;
    }
  }

  /** The commit id `ref` names. */
  async resolve(ref: string): Promise<string> {
    await this.mustExist(ref);
    return (await this.run(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).trim();
  }

  /** The best common ancestor of two revisions, or undefined when they share none (or history is shallow). */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    try {
      return (await this.run(['merge-base', '--end-of-options', a, b])).trim() || undefined;
    } catch (e: unknown) {
      if (e instanceof GitError) return undefined;
      throw e;
    }
  }

  /**
   * Files that differ between `base` and the working tree (staged or not, renames followed),
   * plus untracked files that are not ignored.
   */
  async changedFiles(base: string): Promise<ChangedFile[]> {
    await this.mustExist(base);
    const diff = await this.run([
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
      '--no-color',
      base,
      '--',
    ]);
    const out = parseNameStatus(diff);
    const untracked = await this.run(['ls-files', '--others', '--exclude-standard', '--full-name', '-z']);
    for (const path of untracked.split('\0')) if (path) out.push({ status: 'untracked', path });
    return out;
  }

  /** A file's bytes at a revision, or undefined when the file is not there. */
  async fileAt(ref: string, path: string): Promise<Buffer | undefined> {
    await this.mustExist(ref);
    const spec = `${ref}:${path.replace(/^\.?\//, '')}`;
    try {
      await this.run(['cat-file', '-e', spec]);
    } catch (e: unknown) {
      if (e instanceof GitError) return undefined;
      throw e;
    }
    try {
      return await this.git.showBuffer([spec]);
    } catch (e: unknown) {
      throw this.wrap(['show', spec], e);
    }
  }

  // --- Pull request changes (src/action/changes.ts): commit-to-commit diffs and shallow clones. ---

  /** True when the clone is shallow (actions/checkout with a fetch-depth other than 0). */
  async isShallow(): Promise<boolean> {
    if (!this.inRepo) return false;
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /**
   * Files that differ between two commits (`git diff from to`, renames followed, working tree and
   * untracked files ignored). With `from` the merge base of a pull request's base and head, this is
   * the list GitHub shows as the pull request's files.
   */
  async changedBetween(from: string, to: string): Promise<ChangedFile[]> {
    await this.mustExist(from);
    await this.mustExist(to);
    const diff = await this.run([
      'diff',
      '--name-status',
      '-z',
      '-M',
      '--no-ext-diff',
      '--no-color',
      '--end-of-options',
      from,
      to,
      '--',
    ]);
    return parseNameStatus(diff);
  }

  // --- End of pull request changes. ---

  // --- Split commits (src/action/split-commit.ts): commit generated files to a pull request's branch. ---

  /** True when git takes `name` as a branch name exactly as written (`git check-ref-format --branch`). */
  async isBranchName(name: string): Promise<boolean> {
    if (name === '' || name.startsWith('-')) return false;
    try {
      const out = await this.git.raw(['check-ref-format', '--branch', name]);
      return out.replace(/\r?\n$/, '') === name;
    } catch (e: unknown) {
      if (isMissingGit(e)) throw this.wrap(['check-ref-format'], e);
      return false;
    }
  }

  /**
   * Paths with uncommitted changes (staged or not) and untracked files that are not ignored, one per file,
   * relative to the repository root with `/`; renames are listed as their two paths.
   */
  async uncommittedPaths(): Promise<string[]> {
    const out = await this.run(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
    return out
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => entry.slice(3));
  }

  /** The names of the configured remotes. */
  async remotes(): Promise<string[]> {
    return (await this.run(['remote']))
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
  }

  /** The commit `branch` points at on `remote` (asked with `git ls-remote`), or undefined when it has no such branch. */
  async remoteBranch(remote: string, branch: string): Promise<string | undefined> {
    const ref = `refs/heads/${branch}`;
    const out = await this.run(['ls-remote', '--refs', remote, ref]);
    for (const line of out.split('\n')) {
      const [sha, name] = line.split('\t');
      if (name === ref && sha) return sha.trim();
    }
    return undefined;
  }

  /** Stages these paths as they are in the working tree, ignored ones too (`git add --force`); pathspecs are literal. */
  async stagePaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.runAs('add', ['--literal-pathspecs', 'add', '--all', '--force', '--', ...paths]);
  }

  /** Removes these paths from the index, leaving the working tree (`git rm --cached`); unknown paths are skipped. */
  async unstagePaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.runAs('rm', [
      '--literal-pathspecs',
      'rm',
      '--cached',
      '--quiet',
      '--ignore-unmatch',
      '--',
      ...paths,
    ]);
  }

  /** Of these paths, those whose staged content differs from HEAD (added, changed or deleted). */
  async stagedPaths(paths: string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    const out = await this.runAs('diff', [
      '--literal-pathspecs',
      'diff',
      '--cached',
      '--name-only',
      '-z',
      '--no-renames',
      'HEAD',
      '--',
      ...paths,
    ]);
    return out.split('\0').filter(Boolean);
  }

  /**
   * Commits these paths as they are in the working tree, and nothing else (`git commit --only`), as
   * `identity` (author and committer, given with `-c` to this command only: the repository's configuration
   * is not changed). No hooks, no signing. Returns the new commit's id.
   */
  async commitPaths(
    paths: string[],
    message: string,
    identity: { name: string; email: string },
  ): Promise<string> {
    const who = identityOptions(identity);
    await this.runAs('commit', [
      ...who,
      '-c',
      'commit.gpgSign=false',
      '--literal-pathspecs',
      'commit',
      '--quiet',
      '--no-verify',
      '--only',
      '-m',
      message,
      '--',
      ...paths,
    ]);
    return (await this.run(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
  }

  /**
   * Pushes `commit` to `refs/heads/<branch>` on `remote`, never with force (git refuses a branch that moved
   * elsewhere), and nothing else: no tags, no submodules, no pre-push hook. A refused push gives git's
   * whole answer.
   */
  async pushCommit(
    remote: string,
    commit: string,
    branch: string,
  ): Promise<{ ok: true } | { ok: false; message: string }> {
    const ref = `refs/heads/${branch}`;
    const args = [
      'push',
      '--porcelain',
      '--no-verify',
      '--no-follow-tags',
      '--no-signed',
      '--recurse-submodules=no',
      remote,
      `${commit}:${ref}`,
    ];
    let out: string;
    try {
      out = await this.git.raw(args);
    } catch (e: unknown) {
      if (isMissingGit(e)) throw this.wrap(args, e);
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    // --porcelain: `<flag>\t<from>:<to>\t<summary>`; `!` is a rejected ref even when git exits with 0.
    const line = out.split('\n').find((l) => l.split('\t')[1]?.endsWith(`:${ref}`));
    if (line !== undefined && !line.startsWith('!')) return { ok: true };
    return { ok: false, message: out.trim() || 'git push reported nothing for the branch' };
  }

  /** Moves HEAD back to `commit`, keeping the index and the working tree (`git reset --soft`). */
  async resetSoft(commit: string): Promise<void> {
    await this.run(['reset', '--quiet', '--soft', commit]);
  }

  /** Puts these paths in the index back as they are in `commit`, leaving the working tree. */
  async resetPaths(commit: string, paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    await this.runAs('reset', ['--literal-pathspecs', 'reset', '--quiet', commit, '--', ...paths]);
  }

  /** The blob id of each of these paths that is a file in `commit` (`git ls-tree`); others are left out. */
  async blobIds(commit: string, paths: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    if (paths.length === 0) return out;
    const wanted = new Set(paths);
    const listing = await this.runAs('ls-tree', [
      '--literal-pathspecs',
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      commit,
      '--',
      ...paths,
    ]);
    for (const entry of listing.split('\0')) {
      const tab = entry.indexOf('\t');
      const [, type, id] = entry.slice(0, tab).split(' ');
      const path = entry.slice(tab + 1);
      if (tab > 0 && type === 'blob' && id && wanted.has(path)) out.set(path, id);
    }
    return out;
  }

  /** `run` for commands with options before the verb: errors name the verb. */
  private async runAs(verb: string, args: string[]): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch (e: unknown) {
      throw this.wrap([verb], e);
    }
  }

  // --- End of split commits. ---

  // --- Expand commits (src/contract/expand-commit.ts): when a pending contract file landed on the default
  // branch, what a ref holds under a folder, and whether one commit is in another's history. ---

  /**
   * Commits that added `path` (`git log --diff-filter=A`), newest first, reachable from `ref` but not from
   * `exclude`. With `firstParent`, only `ref`'s first-parent line is walked and each merge is diffed against
   * its first parent (`--first-parent -m`), so a merge that brought the file in counts as adding it: the
   * commit where it landed on that branch. Dates are committer dates, ISO 8601 in UTC.
   */
  async commitsAdding(
    path: string,
    options: { ref: string; exclude?: string; firstParent?: boolean },
  ): Promise<Array<{ sha: string; committedAt: string; parents: string[] }>> {
    await this.mustExist(options.ref);
    if (options.exclude !== undefined) await this.mustExist(options.exclude);
    const out = await this.runAs('log', [
      // The user's configuration must not change what log prints or walks.
      '-c',
      'log.showSignature=false',
      '-c',
      'log.follow=false',
      '--literal-pathspecs',
      'log',
      '--no-color',
      '--no-renames',
      '--diff-filter=A',
      '--format=%H %cI %P',
      ...(options.firstParent ? ['--first-parent', '-m'] : []),
      '--end-of-options',
      options.ref,
      ...(options.exclude !== undefined ? [`^${options.exclude}`] : []),
      '--',
      path,
    ]);
    const commits: Array<{ sha: string; committedAt: string; parents: string[] }> = [];
    const seen = new Set<string>();
    for (const line of out.split('\n')) {
      const [sha, date, ...parents] = line.trim().split(/\s+/);
      if (!sha || !date || !/^[0-9a-f]{40,64}$/.test(sha) || seen.has(sha)) continue;
      seen.add(sha);
      commits.push({ sha, committedAt: new Date(date).toISOString(), parents });
    }
    return commits;
  }

  /** The files under folder `dir` at `ref` (`git ls-tree -r`), as paths from the repository root with `/`. */
  async filesUnder(ref: string, dir: string): Promise<string[]> {
    await this.mustExist(ref);
    const folder = `${dir.replace(/^\.?\//, '').replace(/\/+$/, '')}/`;
    const out = await this.runAs('ls-tree', [
      '--literal-pathspecs',
      'ls-tree',
      '-r',
      '-z',
      '--name-only',
      '--full-tree',
      '--end-of-options',
      ref,
      '--',
      folder,
    ]);
    return out.split('\0').filter((p) => p.startsWith(folder));
  }

  /**
   * True when `ancestor` is in `descendant`'s history (what `git merge-base --is-ancestor` answers: the
   * merge base of the two is `ancestor` itself), false when it is not; undefined when either commit is
   * not in this clone, or when a shallow clone cannot tell (its history stops before the answer).
   */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    if (!this.inRepo) return undefined;
    if (!(await this.refExists(ancestor)) || !(await this.refExists(descendant))) return undefined;
    const sha = (
      await this.run(['rev-parse', '--verify', '--end-of-options', `${ancestor}^{commit}`])
    ).trim();
    if ((await this.mergeBase(ancestor, descendant)) === sha) return true;
    return (await this.isShallow()) ? undefined : false;
  }

  // --- End of expand commits. ---

  // --- Contract branches (src/contract/schedule-git.ts): a throwaway worktree at a commit, a commit made
  // from its index without moving any branch, the commits a branch holds beyond another, and fetching one
  // branch. No hooks run; the identity is given with `-c` to the one command. ---

  /**
   * A new worktree at `dir` (which must not exist, or be empty) holding `commit`, detached: its files and
   * index as in `commit`. No hook runs (`--no-checkout`, then `read-tree`).
   */
  async addWorktree(dir: string, commit: string): Promise<Git> {
    await this.mustExist(commit);
    await this.runAs('worktree', [
      'worktree',
      'add',
      '--detach',
      '--no-checkout',
      '--quiet',
      '--',
      dir,
      commit,
    ]);
    const tree = await Git.create(dir);
    await tree.runAs('read-tree', ['read-tree', '--reset', '-u', 'HEAD']);
    return tree;
  }

  /** Removes a worktree made by {@link addWorktree}, files and all (`git worktree remove --force`). */
  async removeWorktree(dir: string): Promise<void> {
    await this.runAs('worktree', ['worktree', 'remove', '--force', '--', dir]);
  }

  /** Forgets worktrees whose folders are gone (`git worktree prune`). */
  async pruneWorktrees(): Promise<void> {
    await this.runAs('worktree', ['worktree', 'prune']);
  }

  /** The tree the index holds (`git write-tree`). */
  async writeTree(): Promise<string> {
    return (await this.runAs('write-tree', ['write-tree'])).trim();
  }

  /**
   * A commit of `tree` with these parents (`git commit-tree`), as `identity` (author and committer, with
   * `-c`), unsigned. No branch or HEAD moves. Returns its id.
   */
  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    identity: { name: string; email: string },
  ): Promise<string> {
    const who = identityOptions(identity);
    const out = await this.runAs('commit-tree', [
      ...who,
      'commit-tree',
      '--no-gpg-sign',
      ...parents.flatMap((p) => ['-p', p]),
      '-m',
      message,
      tree,
    ]);
    return out.trim();
  }

  /** The commits reachable from `include` but not from `exclude`, newest first, with author and committer emails. */
  async commitsBeyond(
    exclude: string,
    include: string,
  ): Promise<Array<{ sha: string; authorEmail: string; committerEmail: string }>> {
    await this.mustExist(exclude);
    await this.mustExist(include);
    const out = await this.runAs('log', [
      '-c',
      'log.showSignature=false',
      'log',
      '--no-color',
      '--format=%H%x00%ae%x00%ce',
      '--end-of-options',
      include,
      `^${exclude}`,
      '--',
    ]);
    return out
      .split('\n')
      .filter((line) => line.includes('\0'))
      .map((line) => {
        const [sha = '', authorEmail = '', committerEmail = ''] = line.trim().split('\0');
        return { sha, authorEmail, committerEmail };
      });
  }

  /**
   * Fetches `refs/heads/<branch>` from `remote` into `refs/remotes/<remote>/<branch>` (no tags, no
   * submodules) and returns the commit it points at, or undefined when the remote has no such branch.
   */
  async fetchBranch(remote: string, branch: string): Promise<string | undefined> {
    return this.fetchRef(remote, `refs/heads/${branch}`, `refs/remotes/${remote}/${branch}`);
  }

  /**
   * Fetches a pull request's head as GitHub publishes it on the base repository (`refs/pull/<n>/head`,
   * which also holds the commits of a pull request from a fork) into `refs/expand-contract/pull/<n>`, and
   * returns its commit, or undefined when the remote has no such ref.
   */
  async fetchPullHead(remote: string, pullNumber: number): Promise<string | undefined> {
    return this.fetchRef(remote, `refs/pull/${pullNumber}/head`, `refs/expand-contract/pull/${pullNumber}`);
  }

  private async fetchRef(remote: string, source: string, tracking: string): Promise<string | undefined> {
    try {
      await this.runAs('fetch', [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        '--no-write-fetch-head',
        remote,
        `+${source}:${tracking}`,
      ]);
    } catch (e: unknown) {
      if (e instanceof GitError && /couldn't find remote ref/i.test(e.message)) return undefined;
      throw e;
    }
    return this.resolve(tracking);
  }

  // --- End of contract branches. ---

  private async mustExist(ref: string): Promise<void> {
    if (!this.inRepo) throw new GitError(`${this.root} is not inside a git repository.`);
    if (!(await this.refExists(ref))) {
      throw new GitRefError(
        ref,
        `git does not know the revision ${ref}; fetch it, or name a branch, tag or commit that exists.`,
      );
    }
  }

  private async run(args: string[]): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch (e: unknown) {
      throw this.wrap(args, e);
    }
  }

  private wrap(args: string[], e: unknown): Error {
    if (e instanceof GitError) return e;
    if (isMissingGit(e))
      return new GitError('git is not installed or not on PATH; install git to compare with a base.');
    const detail = e instanceof Error ? e.message.trim().split('\n')[0] : String(e);
    return new GitError(`git ${args[0] ?? ''} failed in ${this.root}: ${detail || 'no message'}`);
  }
}

function isMissingGit(e: unknown): boolean {
  return e instanceof Error && /\bspawn\b.*\bENOENT\b/.test(e.message);
}
