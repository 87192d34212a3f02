// From a planned migration to the files `split` puts in the repository, shared by the `split` command
// and the Action's split commit: is there anything to split, may it be written (proof, conflicts), and
// which files with which content. Reads the repository; writes nothing.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAlreadySplit, splitFiles, STATE_DIR, type SplitResult } from '../plan/split.js';
import type { MigrationFile } from '../types.js';
import type { PlannedMigration } from './plan-changes.js';

export type SplitOutcome =
  | { status: 'already-split' }
  | { status: 'nothing-to-split' }
  | { status: 'proof-failed'; differences: string[] }
  /** The files split would write, and those of them that already hold other content. */
  | { status: 'ready'; split: SplitResult; conflicts: string[] };

/** What splitting `entry` (planned from `migration`) means in the repository at `root`. */
export async function prepareSplit(
  entry: PlannedMigration,
  migration: MigrationFile,
  root: string,
  contractAfterDays: number,
): Promise<SplitOutcome> {
  const { plan } = entry;
  if (isAlreadySplit(plan, await readPending(root))) return { status: 'already-split' };
  if (plan.recipes.length === 0) return { status: 'nothing-to-split' };
  if (entry.status === 'failed')
    return { status: 'proof-failed', differences: entry.proof?.differences ?? [] };
  const split = splitFiles(plan, migration, {
    contractAfterDays,
    existing: await siblings(root, plan.source),
    readIndex: (path) => readIndexSync(join(root, path)),
  });
  return { status: 'ready', split, conflicts: await conflicting(root, split, migration.path) };
}

async function readPending(root: string): Promise<Array<{ path: string; content: string }>> {
  const dir = join(root, STATE_DIR, 'pending');
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: Array<{ path: string; content: string }> = [];
  for (const name of names.filter((n) => n.endsWith('.sql')))
    out.push({ path: `${STATE_DIR}/pending/${name}`, content: await readFile(join(dir, name), 'utf8') });
  return out;
}

async function siblings(root: string, path: string): Promise<string[]> {
  const dir = dirname(path);
  const names = await readdir(join(root, dir)).catch(() => [] as string[]);
  return names.map((n) => (dir === '.' ? n : `${dir}/${n}`));
}

/** Files split would write over that hold something else (the migration itself excepted). */
async function conflicting(root: string, split: SplitResult, source: string): Promise<string[]> {
  const out: string[] = [];
  for (const f of split.files) {
    if (f.path === source || f.role === 'index') continue;
    const current = await readFile(join(root, f.path), 'utf8').catch(() => null);
    if (current !== null && current !== f.content) out.push(f.path);
  }
  return out;
}

function readIndexSync(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
