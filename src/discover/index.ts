// discover: paths or changed files -> migration files, grouped into releases, with their history.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { AnalysisInput } from '../engine.js';
import { Git, GitError, GitRefError } from '../git/git.js';
import type { FrameworkName } from '../types.js';
import { build, type BuildOptions, type Built, type Selected } from './build.js';
import { walk, walkAll } from './folders.js';
import { globBase, globToRegExp, hasGlob } from './glob.js';
import { DEFAULT_MAX_FILE_BYTES } from './read.js';
import { slashes } from './text.js';

export { DEFAULT_MAX_FILE_BYTES } from './read.js';

export interface DiscoverConfig {
  /** Forces one framework instead of detecting it. */
  framework?: FrameworkName;
  /** Flyway `${name}` placeholders. */
  placeholders?: Record<string, string>;
  /** Files larger than this are reported, not read (default 5 MiB). */
  maxFileBytes?: number;
  /**
   * `paths:` globs of the configuration: when set, only matching files are migrations (files named
   * on the command line always are). Relative to `cwd` for discoverPaths, to the repository root for
   * discoverChanged.
   */
  paths?: string[];
}

/** A path or revision the user named that cannot be used at all (exit code 2). */
export class InputError extends Error {}

export type Discovery = AnalysisInput;

/**
 * Every migration under the given files, folders and globs; each file is its own release, in its
 * framework's order. `history` holds, for each folder, the migrations before the first one selected
 * that were not selected themselves (so a single file is checked against the schema before it).
 */
export async function discoverPaths(
  paths: string[],
  config: DiscoverConfig = {},
  cwd: string = process.cwd(),
): Promise<Discovery> {
  const selection: Selected[] = [];
  const groups: Array<{ given: string; files: Set<string> }> = [];
  for (const given of paths) {
    const abs = resolve(cwd, given);
    const info = await stat(abs).catch(() => undefined);
    if (!info && hasGlob(given)) {
      const matches = await expandGlob(given, cwd);
      if (matches.length === 0) {
        throw new InputError(
          `${given} matches no files (relative to ${cwd}); check the pattern, or run from the repository root.`,
        );
      }
      selection.push(...matches.map((m) => ({ abs: m, explicit: false })));
      groups.push({ given, files: new Set(matches) });
    } else if (!info) {
      throw new InputError(
        `${given}: no such file or directory (looked in ${cwd}); pass a migration file or a folder of migrations.`,
      );
    } else if (info.isDirectory()) {
      try {
        await readdir(abs);
      } catch (e: unknown) {
        throw new InputError(`cannot read the folder ${given} (${code(e)}); check its permissions.`);
      }
      const files = await walk(abs);
      selection.push(...files.map((f) => ({ abs: f, explicit: false })));
      groups.push({ given, files: new Set(files) });
    } else selection.push({ abs, explicit: true });
  }

  const allRelative = paths.every((p) => !isAbsolute(p));
  const built = await build(selection, {
    ...options(config, cwd),
    show: (abs) => (allRelative ? slashes(relative(cwd, abs)) || '.' : abs),
    plainNeedsHint: false,
  });
  for (const g of groups) {
    if (!built.selected.some((b) => b.runs && g.files.has(b.abs)))
      throw nothingUnder(g.given, built, g.files);
  }
  return { history: built.history, releases: built.selected.map((b) => [b.file]) };
}

/**
 * The migrations changed between `base` (its merge base with HEAD, when there is one) and the
 * working tree, untracked files included, as one release; `history` holds, for each folder, the
 * other migrations that sort before the first changed one, read from the working tree.
 * Paths are relative to the repository root. No changed migration gives no release.
 */
export async function discoverChanged(
  base: string,
  config: DiscoverConfig = {},
  cwd: string = process.cwd(),
): Promise<Discovery> {
  let git: Git;
  try {
    git = await Git.create(cwd);
  } catch (e: unknown) {
    if (e instanceof GitError) throw new InputError(e.message);
    throw e;
  }
  if (!(await git.isRepo())) {
    throw new InputError(
      `${cwd} is not inside a git repository, so there is nothing to compare with ${base}; run inside the repository or pass migration paths.`,
    );
  }
  let changes;
  try {
    if (!(await git.refExists(base))) throw new GitRefError(base, '');
    changes = await git.changedFiles((await git.mergeBase(base, 'HEAD')) ?? base);
  } catch (e: unknown) {
    if (e instanceof GitRefError) {
      throw new InputError(
        `git does not know the base ${base}; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0) or name a branch, tag or commit that exists.`,
      );
    }
    if (e instanceof GitError) throw new InputError(e.message);
    throw e;
  }

  const seen = new Set<string>();
  const selection: Selected[] = [];
  for (const c of changes) {
    if (c.status === 'deleted') continue;
    // A Flyway `<file>.sql.conf` changes how its script runs: check the script.
    const path = c.path.endsWith('.sql.conf') ? c.path.slice(0, -'.conf'.length) : c.path;
    if (!path.endsWith('.sql') || seen.has(path)) continue;
    seen.add(path);
    const abs = join(git.root, ...path.split('/'));
    if (await isFile(abs)) selection.push({ abs, explicit: false });
  }
  const root = git.root;
  const built = await build(selection, {
    ...options(config, root),
    show: (abs) => slashes(relative(root, abs)),
    plainNeedsHint: true,
  });
  return {
    history: built.history,
    releases: built.selected.length > 0 ? [built.selected.map((b) => b.file)] : [],
  };
}

function options(config: DiscoverConfig, globRoot: string): Omit<BuildOptions, 'show' | 'plainNeedsHint'> {
  return {
    ...(config.framework !== undefined ? { framework: config.framework } : {}),
    placeholders: config.placeholders ?? {},
    maxFileBytes: config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    globs: config.paths ?? [],
    globRoot,
  };
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const absolute = isAbsolute(pattern);
  const anchor = absolute ? resolve(globBase(pattern)) : resolve(cwd, globBase(pattern));
  const regex = globToRegExp(absolute ? slashes(pattern) : slashes(pattern).replace(/^(\.\/)+/, ''));
  const files = await walkAll(anchor);
  return files.filter((f) => regex.test(absolute ? slashes(f) : slashes(relative(cwd, f)))).sort();
}

function nothingUnder(given: string, built: Built, files: Set<string>): InputError {
  const skipped = built.selected.find((b) => !b.runs && files.has(b.abs));
  const why = skipped ? ` (${skipped.file.path}: ${skipped.file.diagnostics[0]?.message ?? 'not run'})` : '';
  return new InputError(
    `no migration files found under ${given}${why}; pass --framework or set paths: in the config`,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

function code(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const c = String((e as { code: unknown }).code);
    return c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c;
  }
  return e instanceof Error ? e.message : String(e);
}
