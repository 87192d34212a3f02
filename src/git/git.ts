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
