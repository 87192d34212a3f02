// Where each framework wants a migration file, and the path of the migrations the split adds right
// after the expand one: the next version (or timestamp + 1s) with `_later<N>` after the source's name.
import type { FrameworkName } from '../../types.js';
import { nextVersion, normal } from './versions.js';

/** A framework's file name: `prefix<version><rest><ext>`, where the name unit is a file or (prisma) a folder. */
interface Shape {
  unit: RegExp;
  ext: string;
  prefix: string;
  /** Flyway: later files take a sub-version (`V2_1__...`) so they sort right after the expand one. */
  subVersion?: boolean;
}

const SHAPES: Record<FrameworkName, Shape> = {
  flyway: { unit: /^V(\d+(?:[._]\d+)*)(__.*)\.sql$/, ext: '.sql', prefix: 'V', subVersion: true },
  goose: { unit: /^(\d+)(_.*)\.sql$/, ext: '.sql', prefix: '' },
  dbmate: { unit: /^(\d+)(.*)\.sql$/, ext: '.sql', prefix: '' },
  'golang-migrate': { unit: /^(\d+)(_.*)\.up\.sql$/, ext: '.up.sql', prefix: '' },
  supabase: { unit: /^(\d+)(_.*)\.sql$/, ext: '.sql', prefix: '' },
  drizzle: { unit: /^(\d+)(_.*)\.sql$/, ext: '.sql', prefix: '' },
  prisma: { unit: /^(\d+)(_.*)$/, ext: '/migration.sql', prefix: '' },
  sql: { unit: /^(\d+)(.*)\.sql$/, ext: '.sql', prefix: '' },
  sqitch: { unit: /^()(.*)\.sql$/, ext: '.sql', prefix: '' },
};

export interface SourceName {
  /** Folder holding the migration units, with a trailing `/` (or ''). */
  dir: string;
  version: string | null;
  /** What follows the version, without the extension (`_add_email`, `__add_email`). */
  rest: string;
}

/** The migrations directory of a source file (prisma: the folder holding `<ts>_<name>/`). */
export function migrationsDir(framework: FrameworkName, path: string): string {
  const dir = parseSource(framework, path).dir.replace(/\/$/, '');
  return dir === '' ? '.' : dir;
}

export function parseSource(framework: FrameworkName, path: string): SourceName {
  const shape = SHAPES[framework];
  const unitPath = framework === 'prisma' ? path.replace(/\/migration\.sql$/, '') : path;
  const slash = unitPath.lastIndexOf('/');
  const dir = unitPath.slice(0, slash + 1);
  const unit = unitPath.slice(slash + 1);
  const m = shape.unit.exec(unit);
  if (m && m[1] !== '') return { dir, version: m[1] as string, rest: m[2] as string };
  const stem = unit.replace(/\.(up\.)?sql$/, '');
  return { dir, version: null, rest: stem };
}

/** Paths of the `count` migrations that follow the source, reusing those already in `existing`. */
export function laterPaths(
  framework: FrameworkName,
  source: string,
  count: number,
  existing: readonly string[],
): string[] {
  const shape = SHAPES[framework];
  const src = parseSource(framework, source);
  const build = (version: string | null, rest: string): string =>
    `${src.dir}${version === null ? '' : shape.prefix + version}${rest}${shape.ext}`;
  const taken = new Set<string>();
  const own = new Map<number, string>();
  for (const path of existing) {
    const other = parseSource(framework, path);
    if (other.dir !== src.dir || !path.endsWith(shape.ext)) continue;
    const mine = other.rest.startsWith(`${src.rest}_later`)
      ? Number(other.rest.slice(src.rest.length + '_later'.length))
      : NaN;
    if (Number.isInteger(mine) && mine >= 1 && build(other.version, other.rest) === path) own.set(mine, path);
    else if (other.version !== null) taken.add(versionKey(other.version));
  }
  const out: string[] = [];
  let version = src.version;
  let sub = 0;
  for (let i = 1; i <= count; i++) {
    const reused = own.get(i);
    if (reused !== undefined) {
      out.push(reused);
      const v = parseSource(framework, reused).version;
      if (v !== null) taken.add(versionKey(v));
      continue;
    }
    if (version !== null && src.version !== null) {
      if (shape.subVersion) {
        do sub++;
        while (taken.has(versionKey(`${src.version}_${sub}`)));
        version = `${src.version}_${sub}`;
      } else version = nextVersion(version, taken);
      taken.add(versionKey(version));
    }
    out.push(build(version, `${src.rest}_later${i}`));
  }
  return out;
}

function versionKey(version: string): string {
  return version.split(/[._]/).map(normal).join('.');
}
