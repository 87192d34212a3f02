// Commits the files `expand-contract split --write` would write to the pull request's own branch and pushes
// them there: never with force, never to another branch, never into a fork, never over someone's work.
// Everything that stops it is a one-line refusal a pull request comment can show; an unexpected git
// failure throws, after the checkout is put back as it was. Git runs through src/git/git.ts only
// (argument arrays, no shell): branch and file names from the pull request are passed literally.
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Git, GitError } from '../git/git.js';
import { accessProblem, gitSays } from '../git/push-errors.js';

export interface SplitCommitFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  content: string;
}

export interface SplitCommitIdentity {
  name: string;
  email: string;
}

export interface SplitCommitOptions {
  /** The checkout (its repository root or a folder in it). */
  cwd: string;
  /** The pull request's head branch (`pull_request.head.ref`), without `refs/heads/`. */
  branch: string;
  /** The head commit the run analysed (`pull_request.head.sha`); HEAD and the remote branch must be there. */
  expectedHead: string;
  /** What split would write; files that already hold this content in HEAD change nothing. */
  files: SplitCommitFile[];
  /** Paths to remove, when split replaces a file. */
  deleted?: string[];
  message: string;
  /** Default {@link SPLIT_COMMIT_IDENTITY}. */
  author?: SplitCommitIdentity;
  /** Default `origin`. */
  remote?: string;
  /** The head branch lives in a fork (`pull_request.head.repo.fork`, or a head repository other than the base). */
  isFork: boolean;
  /** The migrations that were split, for the command a refusal suggests; `<migration>` when not given. */
  sources?: string[];
}

export type SplitCommitResult =
  | { status: 'committed'; sha: string; files: string[] }
  | { status: 'nothing-to-commit' }
  | { status: 'refused'; reason: string };

export const SPLIT_COMMIT_IDENTITY: SplitCommitIdentity = {
  name: 'expand-contract[bot]',
  email: 'expand-contract[bot]@users.noreply.github.com',
};

/** How many unrelated paths a dirty-tree refusal names. */
const LISTED = 5;

/** The commit message for split files: a subject line, then each source with its plan id. */
export function splitCommitMessage(planIds: string[], sources: string[]): string {
  const clean = (s: string): string => oneLine(s).trim();
  const ids = planIds.map(clean);
  const paths = sources.map(clean);
  const what = paths.length === 1 ? paths[0] : paths.length > 1 ? `${paths.length} migrations` : 'migrations';
  const lines = [`expand-contract: split ${what} into expand, backfill and contract`];
  const body: string[] = [];
  for (let i = 0; i < Math.max(ids.length, paths.length); i++) {
    const id = ids[i];
    const path = paths[i];
    if (id && path) body.push(`Plan ${id}: ${path}`);
    else if (id) body.push(`Plan ${id}`);
    else if (path) body.push(`Split ${path}`);
  }
  if (body.length) lines.push('', ...body);
  const commands = paths.filter(Boolean).map((p) => `npx expand-contract split ${shellQuote(p)} --write`);
  if (commands.length)
    lines.push('', `Written by expand-contract; regenerate with ${commands.join(' and ')}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes `files` into the checkout, commits exactly those paths as the bot, and pushes the commit to
 * `refs/heads/<branch>` without force. Refuses (changing nothing) for a fork, a checkout that is not at
 * `expectedHead`, unrelated uncommitted changes, a branch that moved, or a push the token may not make.
 */
export async function commitSplit(options: SplitCommitOptions): Promise<SplitCommitResult> {
  const remote = options.remote ?? 'origin';
  const identity = options.author ?? SPLIT_COMMIT_IDENTITY;
  const deleted = options.deleted ?? [];
  const { branch } = options;
  if (options.isFork)
    return refused(
      `the branch lives in a fork; expand-contract cannot push to it with this token — run ${localCommands(options.sources)} locally and push`,
    );
  const problem = checkOptions(options, identity, remote);
  if (problem) return refused(problem);
  const expected = options.expectedHead.toLowerCase();

  const git = await Git.create(options.cwd);
  if (!(await git.isRepo())) return refused(`${options.cwd} is not in a git repository`);
  if (!(await git.isBranchName(branch)))
    return refused(`${JSON.stringify(branch)} is not a branch name git accepts; not pushing to it`);
  const head = (await git.refExists('HEAD')) ? await git.resolve('HEAD') : undefined;
  if (head !== expected)
    return refused(
      `the checkout is at ${head ? short(head) : 'no commit'}, not at the pull request head ${short(expected)} this run analysed; check out the head commit (actions/checkout with ref: \${{ github.event.pull_request.head.sha }})`,
    );

  const changing = await differFromHead(git, expected, options.files, deleted);
  if (changing.length === 0) return { status: 'nothing-to-commit' };

  if (!(await git.remotes()).includes(remote)) return refused(`this checkout has no git remote ${remote}`);
  const unrelated = await notOurs(git, options.files, deleted);
  if (unrelated.length)
    return refused(
      `the working tree has uncommitted changes expand-contract did not make (${listed(unrelated)}); commit or remove them first`,
    );
  const unsafe = await unsafePath(git.root, [...options.files.map((f) => f.path), ...deleted]);
  if (unsafe) return refused(unsafe);

  let remoteHead: string | undefined;
  try {
    remoteHead = await git.remoteBranch(remote, branch);
  } catch (e: unknown) {
    if (!(e instanceof GitError)) throw e;
    return refused(
      accessProblem(e.message, branch, remote) ?? `cannot read ${branch} from ${remote}: ${e.message}`,
    );
  }
  if (remoteHead === undefined)
    return refused(`the branch ${branch} is not on ${remote} (deleted, or in a fork); nothing was pushed`);
  if (remoteHead !== expected) return refused(moved(remoteHead));

  return writeCommitPush(git, options, { expected, remote, identity, deleted });
}

interface Plan {
  expected: string;
  remote: string;
  identity: SplitCommitIdentity;
  deleted: string[];
}

interface Saved {
  path: string;
  /** The file's bytes and mode before, or null when it was not there. */
  before: { bytes: Buffer; mode: number } | null;
}

async function writeCommitPush(
  git: Git,
  options: SplitCommitOptions,
  plan: Plan,
): Promise<SplitCommitResult> {
  const { expected, remote, identity, deleted } = plan;
  const { branch } = options;
  const paths = [...options.files.map((f) => f.path), ...deleted];
  const saved: Saved[] = await Promise.all(
    paths.map(async (path) => ({ path, before: await readSaved(git.root, path) })),
  );
  const createdDirs: Array<{ top: string; leaf: string }> = [];
  let touchedIndex = false;

  // Puts HEAD, the index entries of our paths and their files back as they were before this run.
  const restore = async (): Promise<void> => {
    if ((await git.resolve('HEAD')) !== expected) await git.resetSoft(expected);
    if (touchedIndex) await git.resetPaths(expected, paths);
    for (const { path, before } of saved) {
      const full = join(git.root, path);
      if (before === null) await rm(full, { force: true });
      else if (!(await sameFile(full, before.bytes))) await writeAtomically(full, before.bytes, before.mode);
    }
    for (const dirs of createdDirs.reverse()) await removeEmptyDirs(dirs.leaf, dirs.top);
  };

  try {
    for (const file of options.files) {
      const full = join(git.root, file.path);
      const bytes = Buffer.from(file.content, 'utf8');
      if (await sameFile(full, bytes)) continue;
      const made = await mkdir(dirname(full), { recursive: true });
      if (made) createdDirs.push({ top: made, leaf: dirname(full) });
      const before = saved.find((s) => s.path === file.path)?.before;
      await writeAtomically(full, bytes, before?.mode);
    }
    for (const path of deleted) await rm(join(git.root, path), { force: true });

    touchedIndex = true;
    await git.stagePaths(options.files.map((f) => f.path));
    await git.unstagePaths(deleted);
    const changed = await git.stagedPaths(paths);
    if (changed.length === 0) {
      await restore();
      return { status: 'nothing-to-commit' };
    }
    const sha = await git.commitPaths(changed, options.message, identity);
    const pushed = await git.pushCommit(remote, sha, branch);
    if (pushed.ok) return { status: 'committed', sha, files: inOrder(paths, changed) };

    // Refused: the branch may have moved (or even took this very commit), or the token may not push.
    const access = accessProblem(pushed.message, branch, remote);
    const now = access ? undefined : await git.remoteBranch(remote, branch).catch(() => undefined);
    if (now === sha) return { status: 'committed', sha, files: inOrder(paths, changed) };
    await restore();
    if (access) return refused(access);
    if (now !== undefined && now !== expected) return refused(moved(now));
    return refused(`git push to ${branch} failed: ${gitSays(pushed.message)}`);
  } catch (e: unknown) {
    try {
      await restore();
    } catch (again: unknown) {
      const why = again instanceof Error ? again.message : String(again);
      throw new GitError(
        `${e instanceof Error ? e.message : String(e)} (and putting the checkout back at ${short(expected)} failed: ${why})`,
      );
    }
    throw e;
  }
}

/** Paths whose wanted content is not what `head` holds (files), or that `head` still holds (deleted). */
async function differFromHead(
  git: Git,
  head: string,
  files: SplitCommitFile[],
  deleted: string[],
): Promise<string[]> {
  const ids = await git.blobIds(head, [...files.map((f) => f.path), ...deleted]);
  // Git's object id of the content as a blob (sha1, or sha256 in a repository that uses it).
  const blobId = (content: string): string => {
    const bytes = Buffer.from(content, 'utf8');
    return createHash(head.length === 64 ? 'sha256' : 'sha1')
      .update(`blob ${bytes.length}\0`)
      .update(bytes)
      .digest('hex');
  };
  return [
    ...files.filter((f) => ids.get(f.path) !== blobId(f.content)).map((f) => f.path),
    ...deleted.filter((path) => ids.has(path)),
  ];
}

/**
 * Uncommitted changes this run would overwrite or commit without having made them: any path it does not
 * write, and its own paths unless they already hold what it writes (the caller ran split --write first).
 */
async function notOurs(git: Git, files: SplitCommitFile[], deleted: string[]): Promise<string[]> {
  const wanted = new Map(files.map((f) => [f.path, Buffer.from(f.content, 'utf8')]));
  const gone = new Set(deleted);
  const out: string[] = [];
  for (const path of await git.uncommittedPaths()) {
    const bytes = wanted.get(path);
    const full = join(git.root, path);
    if (bytes ? await sameFile(full, bytes) : gone.has(path) && !(await exists(full))) continue;
    out.push(path);
  }
  return out;
}

async function exists(full: string): Promise<boolean> {
  return lstat(full).then(
    () => true,
    () => false,
  );
}

/** What is wrong with the options themselves, if anything. */
function checkOptions(
  options: SplitCommitOptions,
  identity: SplitCommitIdentity,
  remote: string,
): string | undefined {
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(options.expectedHead))
    return `the expected head ${JSON.stringify(options.expectedHead)} is not a full commit id`;
  if (!options.message.trim()) return 'the commit message is empty';
  if (!identity.name.trim() || !identity.email.trim() || /[<>\n\r\0]/.test(identity.name + identity.email))
    return `the commit identity ${JSON.stringify(`${identity.name} <${identity.email}>`)} is not usable`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(remote)) return `${JSON.stringify(remote)} is not a remote name`;
  const seen = new Set<string>();
  for (const path of [...options.files.map((f) => f.path), ...(options.deleted ?? [])]) {
    if (!isPlainPath(path)) return `${JSON.stringify(path)} is not a plain path inside the repository`;
    if (seen.has(path)) return `${path} is listed twice`;
    seen.add(path);
  }
  return undefined;
}

/** Relative, with `/`, no empty, `.` or `..` segment, nothing inside `.git`. */
function isPlainPath(path: string): boolean {
  if (typeof path !== 'string' || path === '' || /[\\\0]/.test(path) || /^[A-Za-z]:/.test(path)) return false;
  return path
    .split('/')
    .every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');
}

/** A path that would be written through a symbolic link, or over something that is not a file. */
async function unsafePath(root: string, paths: string[]): Promise<string | undefined> {
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      const info = await lstat(join(root, sub)).catch(() => undefined);
      if (!info) break;
      if (info.isSymbolicLink())
        return `${path} goes through the symbolic link ${sub}; expand-contract does not write through links`;
      if (i < parts.length && !info.isDirectory()) return `${path} cannot be written: ${sub} is not a folder`;
      if (i === parts.length && !info.isFile()) return `${path} cannot be written: it is not a regular file`;
    }
  }
  return undefined;
}

async function readSaved(root: string, path: string): Promise<Saved['before']> {
  const full = join(root, path);
  const info = await lstat(full).catch(() => undefined);
  if (!info) return null;
  return { bytes: await readFile(full), mode: info.mode & 0o7777 };
}

async function sameFile(full: string, bytes: Buffer): Promise<boolean> {
  const current = await readFile(full).catch(() => undefined);
  return current !== undefined && current.equals(bytes);
}

async function writeAtomically(full: string, bytes: Buffer, mode?: number): Promise<void> {
  const temp = `${full}.expand-contract-${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, full);
  } catch (e: unknown) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Removes the folders from `leaf` up to `top` (which this run created) while they are empty. */
async function removeEmptyDirs(leaf: string, top: string): Promise<void> {
  for (let dir = leaf; dir.length >= top.length; dir = dirname(dir)) {
    if (
      !(await rmdir(dir).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (dir === top) return;
  }
}

function moved(now: string): string {
  return `the branch moved since this run started (now ${short(now)}); re-run the job`;
}

/** A refusal: one line, whatever the names in it hold. */
function refused(reason: string): SplitCommitResult {
  return { status: 'refused', reason: oneLine(reason) };
}

function oneLine(s: string): string {
  return [...s].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '?' : c)).join('');
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

function listed(paths: string[]): string {
  const shown = paths.slice(0, LISTED).join(', ');
  return paths.length > LISTED ? `${shown} and ${paths.length - LISTED} more` : shown;
}

function inOrder(paths: string[], subset: string[]): string[] {
  const keep = new Set(subset);
  return paths.filter((p) => keep.has(p));
}

function localCommands(sources: string[] | undefined): string {
  const list = sources?.length ? sources : ['<migration>'];
  return list
    .map((s) => `\`npx expand-contract split ${s === '<migration>' ? s : shellQuote(s)} --write\``)
    .join(' and ');
}

/** A path as a POSIX shell word, for commands a person copies. */
function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
