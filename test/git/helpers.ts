// A real git repository in a temporary folder, for git and changed-file tests.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export interface TempRepo {
  root: string;
  git(...args: string[]): string;
  write(files: Record<string, string>): Promise<void>;
  commit(message: string): string;
  remove(): Promise<void>;
}

export async function tempRepo(): Promise<TempRepo> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'ec-git-')));
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, env: ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  return {
    root,
    git,
    async write(files) {
      for (const [rel, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, rel)), { recursive: true });
        await writeFile(join(root, rel), text);
      }
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    async remove() {
      await rm(root, { recursive: true, force: true });
    },
  };
}
