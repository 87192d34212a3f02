// Where a migration file's folder is, and which files that folder holds. Most frameworks keep one
// flat folder; sqitch keeps deploy/revert/verify trees beside `sqitch.plan`; prisma keeps one
// `<timestamp>_<name>/migration.sql` folder per migration.
import type { Dirent } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { FrameworkName } from '../types.js';
import { slashes } from './text.js';

export type FolderKind = 'dir' | 'sqitch' | 'prisma';

export interface FolderPlace {
  root: string;
  kind: FolderKind;
}

const SQITCH_DIRS = ['deploy', 'revert', 'verify'];
const PRISMA_DIR = /^\d+_/;
/** Folders of other people's code, never searched for migrations. */
const SKIPPED_DIRS = new Set(['node_modules', 'vendor']);

/** Caches file-system probes for one discovery run. */
export class Probe {
  private readonly seen = new Map<string, Promise<boolean>>();

  isFile(path: string): Promise<boolean> {
    let hit = this.seen.get(path);
    if (!hit) {
      hit = Promise.resolve(isFileSync(path));
      this.seen.set(path, hit);
    }
    return hit;
  }
}

/** The migrations folder a file belongs to. */
export async function placeOf(file: string, probe: Probe, forced?: FrameworkName): Promise<FolderPlace> {
  if (forced === undefined || forced === 'sqitch') {
    for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
      if (SQITCH_DIRS.includes(basename(dir)) && (await probe.isFile(join(dirname(dir), 'sqitch.plan')))) {
        return { root: dirname(dir), kind: 'sqitch' };
      }
    }
  }
  if ((forced === undefined || forced === 'prisma') && basename(file) === 'migration.sql') {
    const parent = dirname(file);
    if (PRISMA_DIR.test(basename(parent))) return { root: dirname(parent), kind: 'prisma' };
  }
  return { root: dirname(file), kind: 'dir' };
}

/** Candidate migration files of a folder, relative to its root with `/`, sorted. */
export async function listFolder(place: FolderPlace): Promise<string[]> {
  const out: string[] = [];
  if (place.kind === 'dir') {
    for (const e of await entries(place.root)) if (isSqlName(e.name)) out.push(e.name);
  } else if (place.kind === 'sqitch') {
    for (const d of SQITCH_DIRS) {
      for (const f of await walk(join(place.root, d))) out.push(slashes(relative(place.root, f)));
    }
  } else {
    for (const e of await entries(place.root)) {
      if (e.isDirectory() && PRISMA_DIR.test(e.name)) {
        const script = `${e.name}/migration.sql`;
        if ((await entries(join(place.root, e.name))).some((f) => f.name === 'migration.sql'))
          out.push(script);
      }
    }
  }
  return out.sort();
}

/** Every `.sql` file below a folder (not following links to folders, skipping hidden and vendored ones). */
export async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await entries(dir)) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) out.push(...(await walk(full)));
      if (isSqlName(e.name)) out.push(full);
    } else if (isSqlName(e.name)) out.push(full);
  }
  return out;
}

/** Every file below a folder, for glob expansion. */
export async function walkAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await entries(dir)) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) out.push(...(await walkAll(full)));
    } else out.push(full);
  }
  return out;
}

export function isSqlName(name: string): boolean {
  return name.endsWith('.sql');
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    const list = readdirSync(dir, { withFileTypes: true });
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function isFileSync(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
