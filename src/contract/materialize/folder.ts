// The migrations folder around the new migration: the files on disk as deep as the framework looks,
// the check that the framework's own ordering runs the new migration last, and repository path helpers.
import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { frameworkNamed } from '../../discover/frameworks/index.js';
import { compareOrderKeys } from '../../discover/text.js';
import type { FrameworkName } from '../../types.js';
import { MaterializeError, type Context, type Made } from './context.js';

/** The framework's own ordering of the folder with the new migration puts it last (repeatables aside). */
export function expectLast(ctx: Context, made: Made): void {
  const rels = ctx.existing.flatMap((p) => {
    const rel = under(p, made.folder);
    return rel !== null && rel.endsWith('.sql') && depthFits(ctx.header.framework, rel) ? [rel] : [];
  });
  const files = [...new Set([...rels, made.rel])].sort();
  const ordered = frameworkNamed(ctx.header.framework).order({
    root: join(ctx.input.root, made.folder),
    files,
    text: () => undefined,
    aux: (rel) => made.aux[rel] ?? ctx.input.readIndex(join2(made.folder, rel)) ?? undefined,
  });
  const entries = ordered.entries
    .filter((e) => !e.repeatable)
    .sort((a, b) => compareOrderKeys(a.orderKey, b.orderKey) || compareOrderKeys(a.rel, b.rel));
  const at = entries.findIndex((e) => e.rel === made.rel);
  if (at !== -1 && at === entries.length - 1) return;
  const after = entries[entries.length - 1]?.rel;
  const why =
    at === -1
      ? `${ctx.header.framework} would not run ${made.migrationPath}`
      : `${ctx.header.framework} would run ${join2(made.folder, after ?? '')} after ${made.migrationPath}`;
  throw new MaterializeError(
    `${ctx.input.pendingPath}: ${why}, so no generated name puts the contract last in ${made.folder || '.'}; write the migration by hand from the SQL in ${ctx.input.pendingPath}`,
  );
}

/** Whether the framework's folder (as src/discover lists it) holds a file at this depth. */
export function depthFits(framework: FrameworkName, rel: string): boolean {
  if (framework === 'sqitch' || framework === 'flyway') return true;
  if (framework === 'prisma') return /^[^/]+\/migration\.sql$/.test(rel);
  return !rel.includes('/');
}

/**
 * Repository paths of the files in the migrations directory on disk, as deep as the framework looks
 * (flyway: subfolders too; prisma: one folder per migration; sqitch: the whole project beside deploy/).
 */
export function onDisk(root: string, dir: string, framework: FrameworkName): string[] {
  const sqitch = framework === 'sqitch' ? /^(?:(.*)\/)?deploy(?:\/.*)?$/.exec(dir) : null;
  const base = sqitch ? (sqitch[1] ?? '') : dir;
  const depth = framework === 'flyway' || framework === 'sqitch' ? 6 : framework === 'prisma' ? 2 : 1;
  const out: string[] = [];
  const walk = (rel: string, left: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join2(rel, e.name);
      if (e.isFile()) out.push(path);
      else if (e.isDirectory() && left > 1 && !e.name.startsWith('.') && e.name !== 'node_modules') {
        walk(path, left - 1);
      }
    }
  };
  if (sqitch) for (const sub of ['deploy', 'revert', 'verify']) walk(join2(base, sub), depth);
  else walk(base, depth);
  return out;
}

export function slashPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** `path` relative to `dir` when it is below it, else null. */
export function under(path: string, dir: string): string | null {
  const p = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (dir === '') return p;
  return p.startsWith(`${dir}/`) ? p.slice(dir.length + 1) : null;
}

export function join2(dir: string, rel: string): string {
  return dir === '' ? rel : `${dir}/${rel}`;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
