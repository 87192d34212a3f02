// The contract branch of a plan (`expand-contract/contract-<plan-id>`), made and kept up to date on the
// checkout's `origin` as actions/checkout left it:
// - the commit is made in a throwaway worktree at the default branch's head (the checkout itself is not
//   touched: no file, index or HEAD of it changes), where the pending file becomes the framework's real
//   migration as of today (materializeContract) and is deleted; author and committer are the bot, given
//   with `-c` to that one command (a runner has no git identity, and none is configured);
// - it is pushed to `refs/heads/<branch>` without force: a new branch, or a branch whose every commit
//   beyond the default branch is the bot's, which then gets a new commit on top (parents: its tip and the
//   default branch's head, so the pull request shows only the contract); a branch with someone else's
//   commits is left as it is;
// - only branch names of the form `expand-contract/contract-*` are pushed to, never the default branch;
// - the code that still names the dropped objects is searched at the head the pull request will show.
// Git runs through src/git/git.ts only (argument arrays, no shell).
import { readFileSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Git, GitError } from '../git/git.js';
import { STATE_DIR, type PendingHeader } from '../plan/split.js';
import type { PendingPlan } from './expand-commit.js';
import { materializeContract } from './materialize.js';
import { STEM } from './materialize/context.js';
import { findReferences, type Reference } from './references.js';
import { accessProblem, gitSays } from '../git/push-errors.js';

/** Every branch the scheduled job pushes to starts with this. */
export const CONTRACT_BRANCH_PREFIX = 'expand-contract/contract-';

export interface Identity {
  name: string;
  email: string;
}

export interface ContractBranchInput {
  /** The checkout (its root or a folder in it). */
  git: Git;
  /** Default `origin`. */
  remote: string;
  branch: string;
  defaultBranch: string;
  /** The default branch's head commit (full id). */
  base: string;
  plan: PendingPlan;
  header: PendingHeader;
  now: Date;
  identity: Identity;
  /**
   * What to do with a branch that holds commits the bot did not make: `leave` it as it is (an open pull
   * request exists; its body is still refreshed), or `refuse` (no pull request is opened from it).
   */
  foreign: 'leave' | 'refuse';
}

export type ContractBranch =
  | {
      /** created: a new branch; updated: a new commit on top of the bot's branch; current: left as it was. */
      kind: 'created' | 'updated' | 'current';
      head: string;
      /** The contract migration the branch adds (null when none is found on a branch left as it was). */
      migrationPath: string | null;
      /** Code at `head` that still names what the plan drops. */
      references: Reference[];
      /** Why the branch was left as it was, or what changed. */
      notes: string[];
    }
  | { kind: 'refused'; reason: string };

/** A one-line refusal when `branch` is not a contract branch the job may push to. */
export async function checkContractBranch(
  git: Git,
  branch: string,
  defaultBranch: string,
): Promise<string | undefined> {
  if (!branch.startsWith(CONTRACT_BRANCH_PREFIX) || branch.length === CONTRACT_BRANCH_PREFIX.length)
    return `${JSON.stringify(branch)} is not a contract branch (${CONTRACT_BRANCH_PREFIX}<plan-id>); not pushing to it`;
  if (branch === defaultBranch) return `${branch} is the default branch; not pushing to it`;
  if (!(await git.isBranchName(branch)))
    return `${JSON.stringify(branch)} is not a branch name git accepts; not pushing to it`;
  return undefined;
}

/** Makes or updates the plan's contract branch; see the header of this file. */
export async function prepareContractBranch(input: ContractBranchInput): Promise<ContractBranch> {
  const { git, remote, branch, base, plan, identity } = input;
  const problem = await checkContractBranch(git, branch, input.defaultBranch);
  if (problem) return { kind: 'refused', reason: problem };
  if (!identity.name.trim() || !identity.email.trim() || /[<>\n\r\0]/.test(identity.name + identity.email))
    return {
      kind: 'refused',
      reason: `the commit identity ${identity.name} <${identity.email}> is not usable`,
    };
  if (!(await git.remotes()).includes(remote))
    return { kind: 'refused', reason: `this checkout has no git remote ${remote}` };

  let remoteHead: string | undefined;
  try {
    remoteHead = await git.remoteBranch(remote, branch);
  } catch (e: unknown) {
    if (!(e instanceof GitError)) throw e;
    return { kind: 'refused', reason: accessProblem(e.message, branch, remote) ?? e.message };
  }
  if (remoteHead === undefined) {
    const made = await buildCommit(input, [base]);
    const pushed = await push(git, remote, made.sha, branch);
    if (pushed) return { kind: 'refused', reason: pushed };
    return {
      kind: 'created',
      head: made.sha,
      migrationPath: made.migrationPath,
      references: made.references,
      notes: [],
    };
  }

  const tip = (await git.fetchBranch(remote, branch)) ?? remoteHead;
  const lacksContract = (await git.fileAt(tip, plan.path)) !== undefined;
  const upToDate = (await git.isAncestor(base, tip)) === true;
  if (!lacksContract && upToDate) {
    return {
      kind: 'current',
      head: tip,
      migrationPath: await migrationOn(git, base, tip),
      references: await referencesAt(input, tip),
      notes: [],
    };
  }
  const foreign = (await git.commitsBeyond(base, tip)).filter(
    (c) => c.authorEmail.toLowerCase() !== identity.email.toLowerCase(),
  );
  if (foreign.length > 0) {
    const why =
      `${branch} has ${foreign.length} commit${foreign.length === 1 ? '' : 's'} expand-contract did not make ` +
      `(${foreign
        .slice(0, 3)
        .map((c) => c.sha.slice(0, 7))
        .join(', ')}${foreign.length > 3 ? ', …' : ''})`;
    const stale = lacksContract
      ? 'it still holds the pending file'
      : `it does not contain ${input.defaultBranch} at ${base.slice(0, 7)}`;
    if (input.foreign === 'refuse')
      return {
        kind: 'refused',
        reason: `${why}; not opening a pull request from it. Delete the branch to have the next run recreate it, or open the pull request by hand`,
      };
    return {
      kind: 'current',
      head: tip,
      migrationPath: await migrationOn(git, base, tip),
      references: await referencesAt(input, tip),
      notes: [`${why}, so it was left as it is although ${stale}.`],
    };
  }
  // Every commit beyond the default branch is ours: a new commit on top, never a force push.
  const parents = (await git.isAncestor(tip, base)) === true ? [base] : [tip, base];
  const made = await buildCommit(input, parents);
  const pushed = await push(git, remote, made.sha, branch);
  if (pushed) return { kind: 'refused', reason: pushed };
  const why = lacksContract
    ? 'the branch still held the pending file'
    : `${input.defaultBranch} moved to ${base.slice(0, 7)}`;
  return {
    kind: 'updated',
    head: made.sha,
    migrationPath: made.migrationPath,
    references: made.references,
    notes: [`${why}: the contract was materialized again on top of it (${made.sha.slice(0, 7)}).`],
  };
}

/** The contract migration a branch adds (a file named with materialize's stem), if there is one. */
async function migrationOn(git: Git, base: string, tip: string): Promise<string | null> {
  const from = (await git.mergeBase(base, tip)) ?? base;
  const added = (await git.changedBetween(from, tip))
    .filter((f) => f.status === 'added' || f.status === 'renamed' || f.status === 'copied')
    .map((f) => f.path)
    .filter((p) => p.includes(STEM) && !/\.down\.sql$|\.conf$|\.json$|(^|\/)(revert|verify)\//.test(p))
    .sort();
  return added[0] ?? null;
}

interface Built {
  sha: string;
  migrationPath: string;
  references: Reference[];
}

/** Materializes the plan at `input.base` in a worktree and commits it with these parents (not pushed). */
async function buildCommit(input: ContractBranchInput, parents: string[]): Promise<Built> {
  const { git, base, plan, now, identity } = input;
  const pending = await git.fileAt(base, plan.path);
  if (pending === undefined) throw new GitError(`${plan.path} is not on ${input.defaultBranch} any more`);
  return withWorktree(git, base, async (tree, root) => {
    const made = materializeContract({
      root,
      pendingPath: plan.path,
      content: pending.toString('utf8'),
      today: now,
      existing: [],
      readIndex: (path) => readIndexFile(root, path),
    });
    for (const path of [...made.files.map((f) => f.path), ...made.deleted]) {
      const unsafe = await unsafePath(root, path);
      if (unsafe) throw new GitError(unsafe);
    }
    for (const file of made.files) {
      await mkdir(dirname(join(root, file.path)), { recursive: true });
      await writeFile(join(root, file.path), file.content);
    }
    for (const path of made.deleted) await rm(join(root, path), { force: true });
    await tree.stagePaths(made.files.map((f) => f.path));
    await tree.unstagePaths(made.deleted);
    const sha = await tree.commitTree(
      await tree.writeTree(),
      parents,
      commitMessage(input, made.migrationPath, parents),
      identity,
    );
    return { sha, migrationPath: made.migrationPath, references: await searchReferences(input, root) };
  });
}

function commitMessage(input: ContractBranchInput, migrationPath: string, parents: string[]): string {
  const { plan, header, now } = input;
  const drops = header.drops.length ? header.drops.join(', ') : 'nothing named in the pending file';
  const lines = [
    `expand-contract: contract phase of plan ${header.planId}`,
    '',
    `Drops ${drops}.`,
    `Turns ${plan.path} into ${migrationPath} (as of ${now.toISOString().slice(0, 10)}).`,
  ];
  if (parents.length > 1)
    lines.push(`Brings in ${input.defaultBranch} at ${input.base.slice(0, 12)}, so the contract runs last.`);
  return `${lines.join('\n')}\n`;
}

async function referencesAt(input: ContractBranchInput, commit: string): Promise<Reference[]> {
  return withWorktree(input.git, commit, (_tree, root) => searchReferences(input, root));
}

function searchReferences(input: ContractBranchInput, root: string): Promise<Reference[]> {
  const dir = input.header.migrationsDir.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return findReferences({
    root,
    drops: input.header.drops,
    exclude: [...(dir && dir !== '.' ? [dir] : []), STATE_DIR],
  });
}

/** Runs `fn` in a new worktree at `commit` (a temp folder outside the checkout), removed afterwards. */
async function withWorktree<T>(
  git: Git,
  commit: string,
  fn: (tree: Git, root: string) => Promise<T>,
): Promise<T> {
  const temp = await mkdtemp(join(tmpdir(), 'expand-contract-'));
  const root = join(temp, 'tree');
  try {
    const tree = await git.addWorktree(root, commit);
    return await fn(tree, tree.root);
  } finally {
    await git.removeWorktree(root).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    await git.pruneWorktrees().catch(() => undefined);
  }
}

function readIndexFile(root: string, path: string): string | null {
  // Synchronous by materializeContract's contract; index files are small.
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return null;
  }
}

/** Why a path cannot be written in the worktree (outside it, in .git, through a link), if it cannot. */
async function unsafePath(root: string, path: string): Promise<string | undefined> {
  const parts = path.split('/');
  if (
    path === '' ||
    /[\\\0]/.test(path) ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git')
  )
    return `${JSON.stringify(path)} is not a plain path inside the repository`;
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    const info = await lstat(join(root, sub)).catch(() => undefined);
    if (!info) break;
    if (info.isSymbolicLink())
      return `${path} goes through the symbolic link ${sub}; expand-contract does not write through links`;
  }
  return undefined;
}

/** Pushes without force; undefined when the branch is at `sha` afterwards, else one line saying why not. */
async function push(git: Git, remote: string, sha: string, branch: string): Promise<string | undefined> {
  const pushed = await git.pushCommit(remote, sha, branch);
  if (pushed.ok) return undefined;
  const access = accessProblem(pushed.message, branch, remote);
  if (access) return access;
  const now = await git.remoteBranch(remote, branch).catch(() => undefined);
  if (now === sha) return undefined;
  if (now !== undefined)
    return `${branch} moved on ${remote} while this run worked (now ${now.slice(0, 7)}); nothing was forced, the next run tries again`;
  return `git push to ${branch} failed: ${gitSays(pushed.message)}`;
}
