// The files a pull request changes, as GitHub lists them: from git (the merge-base diff of base and
// head, renames followed) when the checkout has the history, otherwise from the pull request files
// API, saying so. And the first finding that needs no SQL at all: a pull request that edits, deletes
// or renames a migration the base branch already has.
import { relative, resolve } from 'node:path';
import { build } from '../discover/build.js';
import { DEFAULT_MAX_FILE_BYTES, InputError } from '../discover/index.js';
import { Git, GitError, type ChangedFile as GitChangedFile } from '../git/git.js';
import { ruleDocs, ruleMessage } from '../rules/meta.js';
import type { RuleMeta } from '../rules/types.js';
import type { Finding, FrameworkName, Severity } from '../types.js';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Relative to the repository root, with `/`; for a rename the new path. */
  path: string;
  status: ChangeStatus;
  /** For a rename, the old path. */
  from?: string;
}

export interface PrChanges {
  /** Where the list came from: the checkout's history, or the pull request files API. */
  source: 'git' | 'api';
  files: ChangedFile[];
  /** The API listed only the first MAX_API_FILES files. */
  truncated: boolean;
  /** Why the list came from the API, or that it is incomplete: show it to the user. */
  notice?: string;
}

/** A file as the pull request files API lists it (GitHub's statuses or ours). */
export interface ApiChangedFile {
  path: string;
  /** added, removed, modified, renamed, copied, changed, unchanged (or deleted). */
  status: string;
  previousPath?: string;
}

export interface ApiChanges {
  files: ApiChangedFile[];
  /** GitHub stopped listing at MAX_API_FILES. */
  truncated: boolean;
}

/** GitHub's pull request files API lists at most this many files. */
export const MAX_API_FILES = 3000;

export interface PullRequestChangesOptions {
  /** The workspace (any folder of the checkout). */
  cwd: string;
  /** pull_request.base.sha and pull_request.head.sha. */
  baseSha: string;
  headSha: string;
  /** The pull request files API, used when git cannot answer (a shallow checkout). */
  listFilesFromApi?: () => Promise<ApiChanges>;
}

/**
 * The pull request's files: `git diff <merge base> <head>` with rename detection, the same list GitHub
 * shows, when the checkout has both commits and their merge base (actions/checkout with fetch-depth: 0);
 * otherwise the files API, with a notice saying why. Throws InputError when neither can answer.
 */
export async function pullRequestChanges(options: PullRequestChangesOptions): Promise<PrChanges> {
  const why = await gitChanges(options);
  if (typeof why !== 'string') return { source: 'git', files: why.map(fromGit), truncated: false };
  if (!options.listFilesFromApi) {
    throw new InputError(
      `${why}, so the pull request's changed files are unknown; use actions/checkout with fetch-depth: 0 (or pass a github-token so the pull request files API can be read)`,
    );
  }
  const api = await options.listFilesFromApi();
  const files = api.files.flatMap(fromApi);
  const notes = [
    `${why}, so the changed files came from the pull request files API; use actions/checkout with fetch-depth: 0 to read them from git`,
  ];
  if (api.truncated) {
    notes.push(
      `the pull request changes more than ${MAX_API_FILES} files and the API lists only the first ${MAX_API_FILES}, so migrations among the rest were not checked`,
    );
  }
  const notice = notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}.`).join(' ');
  return { source: 'api', files, truncated: api.truncated, notice };
}

/** The changed files from git, or why git cannot give them (a sentence fragment). */
async function gitChanges(options: PullRequestChangesOptions): Promise<GitChangedFile[] | string> {
  let git: Git;
  try {
    git = await Git.create(options.cwd);
  } catch (e: unknown) {
    if (e instanceof GitError) return `git cannot be used (${e.message.replace(/[.;]\s*$/, '')})`;
    throw e;
  }
  if (!(await git.isRepo()))
    return `the workspace ${options.cwd} is not a git repository (no actions/checkout step?)`;
  const shallow = await git.isShallow();
  const depth = shallow ? ' (a shallow checkout: actions/checkout fetches one commit by default)' : '';
  if (!options.baseSha || !options.headSha) return 'the pull request event names no base or head commit';
  const hasBase = await git.refExists(options.baseSha);
  const hasHead = await git.refExists(options.headSha);
  if (!hasBase || !hasHead) {
    const lacks = [
      ...(hasBase ? [] : [`the base commit ${short(options.baseSha)}`]),
      ...(hasHead ? [] : [`the head commit ${short(options.headSha)}`]),
    ].join(' and ');
    return shallow ? `the checkout has no history${depth} and lacks ${lacks}` : `the checkout lacks ${lacks}`;
  }
  const mergeBase = await git.mergeBase(options.baseSha, options.headSha);
  if (!mergeBase) {
    return shallow
      ? `the checkout's history${depth} does not reach the merge base of ${short(options.baseSha)} and ${short(options.headSha)}`
      : `the base ${short(options.baseSha)} and head ${short(options.headSha)} share no history`;
  }
  return git.changedBetween(mergeBase, options.headSha);
}

function fromGit(c: GitChangedFile): ChangedFile {
  switch (c.status) {
    case 'renamed':
      return { path: c.path, status: 'renamed', from: c.from ?? c.path };
    case 'deleted':
      return { path: c.path, status: 'deleted' };
    // A copy leaves its source alone: the new path is a new file.
    case 'added':
    case 'copied':
    case 'untracked':
      return { path: c.path, status: 'added' };
    default:
      return { path: c.path, status: 'modified' };
  }
}

function fromApi(f: ApiChangedFile): ChangedFile[] {
  switch (f.status) {
    case 'unchanged':
      return [];
    case 'renamed':
      return [{ path: f.path, status: 'renamed', from: f.previousPath ?? f.path }];
    case 'removed':
    case 'deleted':
      return [{ path: f.path, status: 'deleted' }];
    case 'added':
    case 'copied':
      return [{ path: f.path, status: 'added' }];
    default:
      return [{ path: f.path, status: 'modified' }];
  }
}

function short(sha: string): string {
  return /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

// --- Which changed paths are migrations ---------------------------------------------------------

export interface MigrationMatcherOptions {
  /** Any folder of the checkout; paths are taken relative to its repository root. */
  cwd: string;
  /** The paths to classify (relative to the repository root), e.g. every path and `from` of a PrChanges. */
  paths: readonly string[];
  /** Forced framework (the `framework` input or config key). */
  framework?: FrameworkName;
  /** `paths:` globs of the configuration (or the `migrations` input), relative to the repository root. */
  globs?: readonly string[];
}

/**
 * Decides which of the given paths are migrations the way changed-file discovery does: a `.sql` file
 * that its folder's framework (detected from the checkout, or forced) runs; a plain `.sql` folder counts
 * only when its path mentions migrations; with `globs`, only matching files count. A path that is gone
 * from the checkout (deleted, or the old side of a rename) is judged by the folder it was in.
 */
export async function migrationMatcher(options: MigrationMatcherOptions): Promise<(path: string) => boolean> {
  let root = resolve(options.cwd);
  try {
    root = (await Git.create(options.cwd)).root;
  } catch (e: unknown) {
    if (!(e instanceof GitError)) throw e;
  }
  const candidates = [...new Set(options.paths.map(tidy).filter((p) => p.endsWith('.sql')))];
  const show = (abs: string): string => relative(root, abs).split('\\').join('/');
  const built = await build(
    candidates.map((p) => ({ abs: resolve(root, ...p.split('/')), explicit: false })),
    {
      ...(options.framework !== undefined ? { framework: options.framework } : {}),
      placeholders: {},
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      globs: options.globs ?? [],
      globRoot: root,
      show,
      plainNeedsHint: true,
    },
  );
  const migrations = new Set(built.selected.filter((b) => b.runs).map((b) => b.file.path));
  return (path) => migrations.has(tidy(path));
}

/** The paths of a PrChanges that may name a migration (new and old sides). */
export function changedPaths(changes: PrChanges): string[] {
  return changes.files.flatMap((f) => (f.from !== undefined ? [f.path, f.from] : [f.path]));
}

/** Reads files at a commit of the checkout; undefined when the checkout lacks the commit. */
export async function gitFileReader(
  cwd: string,
  ref: string,
): Promise<((path: string) => Promise<string | undefined>) | undefined> {
  let git: Git;
  try {
    git = await Git.create(cwd);
  } catch (e: unknown) {
    if (e instanceof GitError) return undefined;
    throw e;
  }
  if (!(await git.isRepo()) || !(await git.refExists(ref))) return undefined;
  return async (path) => (await git.fileAt(ref, path))?.toString('utf8');
}

function tidy(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

// --- editing-applied-migration -------------------------------------------------------------------

/** The rule's metadata (the engine's built-in ids should include it). */
export const EDITING_APPLIED_MIGRATION = {
  id: 'editing-applied-migration',
  type: 'breaking',
  severity: 'error',
  breaking: true,
  description:
    'Editing, deleting or renaming a migration file that the base branch already has, and that has probably run in production.',
  help: 'Revert the change to the existing migration and add a new migration that makes the change instead.',
  messages: {
    edited:
      '`{{path}}` already exists on the base branch, so it has probably run in production; editing it changes nothing there and makes environments differ. Revert the edit and add a new migration instead.',
    deleted:
      '`{{path}}` already exists on the base branch, so it has probably run in production; deleting it undoes nothing there and makes new environments differ from production. Restore the file and add a new migration that reverses it instead.',
    renamed:
      '`{{from}}` already exists on the base branch, so it has probably run in production; renaming it to `{{path}}` changes its identity and order, so the migration tool may run it again or report it missing. Restore the old name and add a new migration instead.',
  },
} as const satisfies RuleMeta;

export interface AppliedMigrationOptions {
  /** The configured severity (`rules: { editing-applied-migration: { severity } }`); 'off' reports nothing. */
  severity?: Severity | 'off';
}

/**
 * One finding per changed file that edits, deletes or renames a migration the base branch has (any
 * change of content counts, comments and white space included). `readBase` gives a file's content on
 * the base branch, or undefined when it is not there. The finding points at line 1 of the file: the
 * new path of a rename, the old path of a deletion.
 */
export async function appliedMigrationEdits(
  changes: PrChanges,
  isMigration: (path: string) => boolean,
  readBase: (path: string) => Promise<string | undefined>,
  options: AppliedMigrationOptions = {},
): Promise<Finding[]> {
  const severity = options.severity ?? EDITING_APPLIED_MIGRATION.severity;
  if (severity === 'off') return [];
  const out: Finding[] = [];
  for (const file of changes.files) {
    if (file.status === 'added') continue;
    const old = file.status === 'renamed' ? (file.from ?? file.path) : file.path;
    const migration = isMigration(old) || (file.status === 'renamed' && isMigration(file.path));
    if (!migration || (await readBase(old)) === undefined) continue;
    const messageId = file.status === 'modified' ? 'edited' : file.status;
    out.push({
      rule: EDITING_APPLIED_MIGRATION.id,
      severity,
      breaking: EDITING_APPLIED_MIGRATION.breaking,
      path: file.path,
      line: 1,
      column: 1,
      statementLine: 1,
      object: null,
      lock: null,
      message: ruleMessage(EDITING_APPLIED_MIGRATION, messageId, { path: file.path, from: old }),
      help: EDITING_APPLIED_MIGRATION.help,
      docs: ruleDocs(EDITING_APPLIED_MIGRATION.id),
    });
  }
  return out;
}
