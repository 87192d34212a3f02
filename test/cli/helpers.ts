// Runs the command line in-process with captured output, over small repositories in temp folders.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.js';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    isTTY: false,
    env,
  });
  return { code, stdout, stderr };
}

/** A folder holding `files`; with `git: true`, a repository with them committed. */
export function repo(files: Record<string, string>, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ec-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (options.git) {
    const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'history');
  }
  return dir;
}

/** Every file under `dir` (relative, sorted), `.git` left out. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export const USERS =
  'CREATE TABLE users (id bigint PRIMARY KEY, full_name text NOT NULL, user_name text NOT NULL, email text);\n';

/** The seed scenario's migration (examples/split-name), as a user would write it. */
export const SPLIT_NAME = readFileSync(
  fileURLToPath(new URL('../../examples/split-name/migrations/002_split_full_name.sql', import.meta.url)),
  'utf8',
);
