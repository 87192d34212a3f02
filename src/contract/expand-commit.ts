// The expand commit: the commit on the default branch where a plan's pending contract file
// (`.expand-contract/pending/<plan-id>.sql`, written by `split` next to the expand migration) landed.
// The contract is due N days after that expand phase reached production; the deploy-age sources
// (src/contract/deploy-age/) date it, starting from this commit. Also: the pending plans a ref holds, and
// whether one commit is in another's history. Git is asked through src/git/git.ts only (argument arrays,
// no shell).
import { Git } from '../git/git.js';
import { pendingPath, readPendingHeader, STATE_DIR, type PendingHeader } from '../plan/split.js';

export type ExpandCommit =
  | {
      kind: 'found';
      /**
       * The first-parent commit of the default branch that added the pending file: the commit itself when
       * it was made (or squashed, or rebased) onto the branch, the merge commit when a merge brought it in.
       */
      sha: string;
      /** Its committer date (ISO 8601, UTC): when it landed on the default branch. */
      committedAt: string;
      /** Set when `sha` is a merge commit: the merge's committer date (the same instant as `committedAt`). */
      mergedAt?: string;
      /** For a merge, the commit on the merged branch that added the file (informational: not on the default branch). */
      branchCommit?: { sha: string; committedAt: string };
      /** The pending file's path from the repository root. */
      path: string;
      /** The default branch as it was asked for, e.g. `origin/main`. */
      ref: string;
    }
  | { kind: 'not-found'; reason: string }
  | { kind: 'shallow'; reason: string };

/** An expand commit that was found. */
export type FoundExpandCommit = Extract<ExpandCommit, { kind: 'found' }>;

export interface FindExpandCommitOptions {
  /** A folder inside the repository. */
  cwd: string;
  planId: string;
  /** The default branch as git knows it here: `origin/main` in a CI checkout, or `main`. */
  defaultBranch: string;
}

/** A plan id is one path segment of safe characters (`split` makes `ec-` and 16 hex digits). */
const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Finds the commit on `defaultBranch`'s first-parent line that added the plan's pending contract file.
 * In a shallow clone the answer is always `shallow`: git sees the clone's oldest commit as adding every file
 * it holds, so a date found there would be wrong.
 */
export async function findExpandCommit(options: FindExpandCommitOptions): Promise<ExpandCommit> {
  const { planId, defaultBranch: ref } = options;
  if (!PLAN_ID.test(planId))
    throw new Error(`"${planId}" is not a plan id (expected e.g. ec-0123456789abcdef)`);
  const path = pendingPath(planId);
  const git = await Git.create(options.cwd);
  if (!(await git.isRepo())) {
    return {
      kind: 'not-found',
      reason: `${git.root} is not inside a git repository, so ${path} has no history.`,
    };
  }
  if (await git.isShallow()) {
    return {
      kind: 'shallow',
      reason:
        `the checkout in ${git.root} is shallow, so its history is incomplete and git cannot tell when ${path} ` +
        `landed on ${ref}. Fetch the whole history: set \`fetch-depth: 0\` on actions/checkout (or run ` +
        '`git fetch --unshallow`).',
    };
  }
  if (!(await git.refExists(ref))) {
    return {
      kind: 'not-found',
      reason:
        `git does not know ${ref} in ${git.root}; fetch the default branch (actions/checkout with ` +
        '`fetch-depth: 0` fetches every branch) or name it as git knows it here, e.g. origin/main.',
    };
  }
  const [added] = await git.commitsAdding(path, { ref, firstParent: true });
  if (added === undefined) {
    return {
      kind: 'not-found',
      reason:
        `no commit on ${ref}'s first-parent history added ${path}: the expand phase of plan ${planId} ` +
        `has not landed on ${ref}.`,
    };
  }
  const found: FoundExpandCommit = {
    kind: 'found',
    sha: added.sha,
    committedAt: added.committedAt,
    path,
    ref,
  };
  const [firstParent] = added.parents;
  if (added.parents.length > 1 && firstParent !== undefined) {
    found.mergedAt = added.committedAt;
    const [onBranch] = await git.commitsAdding(path, { ref: added.sha, exclude: firstParent });
    if (onBranch !== undefined) found.branchCommit = { sha: onBranch.sha, committedAt: onBranch.committedAt };
  }
  return found;
}

export interface PendingPlan {
  /** Path from the repository root, `.expand-contract/pending/<plan-id>.sql`. */
  path: string;
  /** The file's name without `.sql`. */
  planId: string;
  /** The parsed header, or null when the file does not start with a pending contract header. */
  header: PendingHeader | null;
}

/**
 * The pending contract files on `ref`, read through git at that ref (not the working tree), with their
 * headers, by path. Throws GitError when `cwd` is not in a repository, GitRefError when git does not know
 * `ref`.
 */
export async function listPendingPlans(options: { cwd: string; ref: string }): Promise<PendingPlan[]> {
  const git = await Git.create(options.cwd);
  const folder = `${STATE_DIR}/pending`;
  const paths = (await git.filesUnder(options.ref, folder))
    .filter((p) => /^[^/]+\.sql$/.test(p.slice(folder.length + 1)))
    .sort();
  const plans: PendingPlan[] = [];
  for (const path of paths) {
    const content = await git.fileAt(options.ref, path);
    plans.push({
      path,
      planId: path.slice(folder.length + 1, -'.sql'.length),
      header: content === undefined ? null : readPendingHeader(content.toString('utf8')),
    });
  }
  return plans;
}

/**
 * True when `ancestor` is in `descendant`'s history, false when it is not; undefined when either commit is
 * missing from this clone (or a shallow clone cannot tell), so the caller can ask GitHub's compare API.
 */
export async function containsCommit(
  cwd: string,
  ancestor: string,
  descendant: string,
): Promise<boolean | undefined> {
  const git = await Git.create(cwd);
  return git.isAncestor(ancestor, descendant);
}
