// Where the repository still names what a contract drops: every file git tracks (binaries, files over
// 1 MB, node_modules, vendor, dist, build and lock files left out, and the `exclude` paths: the
// migration folders and .expand-contract) searched in one pass for the dropped columns' and tables'
// names, word-bounded (`full_name` does not match `full_names` or `user_full_name`), case-sensitive
// for names that need quoting in SQL (`"FullName"`) and case-insensitive otherwise, once per line and
// object. ORM schemas are read for what they map (src/contract/orm-schemas.ts): a Prisma field
// `fullName String @map("full_name")` in the model mapped to `users` is a reference to
// users.full_name on the field's line, while a `full_name` field of another model is not; Drizzle's
// `pgTable('users', { fullName: text('full_name') })` likewise.
// Only columns and relations (tables, views) are searched: triggers, functions, indexes and
// constraints the contract drops are the plan's own objects, not the application's.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { STATE_DIR } from '../plan/split.js';
import { drizzleTables, isDrizzleCandidate, prismaModels, type OrmHit } from './orm-schemas.js';

export interface Reference {
  /** Repository path, `/`-separated. */
  path: string;
  /** 1-based line and column (UTF-16 units) of the name. */
  line: number;
  column: number;
  /** The dropped object, as given in `drops`. */
  object: string;
  /** The line, trimmed, at most 200 characters. */
  text: string;
  /** `orm-schema`: an ORM schema maps this line to the object (a model, a field, a table definition). */
  kind: 'code' | 'orm-schema';
}

export interface FindReferencesOptions {
  /** The repository's root folder. */
  root: string;
  /** What the contract drops: `public.users.full_name`, `public.orgs`, `view public.users_v`, ... */
  drops: readonly string[];
  /** Repository paths (folders or files) not to search: the migration folders, `.expand-contract`. */
  exclude?: readonly string[];
  /** The files to search (repository paths); default: `git ls-files -z` in `root`. */
  listFiles?: (root: string) => Promise<string[]>;
}

/** A dropped column or relation, as searched for. */
export interface Target {
  /** The entry of `drops` it comes from. */
  object: string;
  kind: 'column' | 'table';
  schema: string | null;
  table: string;
  column: string | null;
  /** The name searched for: the column's, or the table's. */
  name: string;
  /** True when the name needs quoting in SQL, so only the exact spelling names it. */
  caseSensitive: boolean;
}

export class ReferencesError extends Error {
  override name = 'ReferencesError';
}

export const MAX_FILE_BYTES = 1024 * 1024;
const SKIPPED_DIRS = new Set(['node_modules', 'vendor', 'dist', 'build']);
const LOCK_FILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'bun.lock',
  'deno.lock',
  'composer.lock',
  'Gemfile.lock',
  'Cargo.lock',
  'poetry.lock',
  'Pipfile.lock',
  'pdm.lock',
  'uv.lock',
  'mix.lock',
  'pubspec.lock',
  'Podfile.lock',
  'flake.lock',
  'go.sum',
  'gradle.lockfile',
  'packages.lock.json',
  'project.assets.json',
]);
/** Extensions of files that are never text (not even read). */
const BINARY = new Set(
  (
    'png jpg jpeg gif bmp ico webp avif tif tiff psd svgz pdf zip gz tgz bz2 xz 7z rar jar war ear class ' +
    'so dll dylib exe bin o a lib wasm woff woff2 ttf otf eot mp3 mp4 m4a wav ogg webm mov avi mkv flac ' +
    'sqlite db pyc pyo node lockb dat pack idx keystore p12 pfx der'
  ).split(' '),
);

/** The objects of `drops` that code can name: columns and relations. */
export function targetsOf(drops: readonly string[]): Target[] {
  const out: Target[] = [];
  for (const object of drops) {
    const m = /^(?:(table|view|materialized view|foreign table|[a-z]+(?: [a-z]+)*) )?(.+)$/.exec(
      object.trim(),
    );
    const kind = m?.[1];
    if (kind !== undefined && !['table', 'view', 'materialized view', 'foreign table'].includes(kind))
      continue;
    const parts = splitName(m?.[2] ?? '');
    if (parts === null || parts.length === 0 || parts.length > 3) continue;
    const isColumn = kind === undefined && parts.length === 3;
    if (kind !== undefined && parts.length === 3) continue;
    const rel = isColumn ? parts.slice(0, 2) : parts;
    const [schema, table] = rel.length === 2 ? [rel[0] ?? null, rel[1] as Part] : [null, rel[0] as Part];
    const named = isColumn ? (parts[2] as Part) : table;
    out.push({
      object,
      kind: isColumn ? 'column' : 'table',
      schema: schema?.name ?? null,
      table: table.name,
      column: isColumn ? named.name : null,
      name: named.name,
      caseSensitive: named.quoted || !/^[a-z_][a-z0-9_$]*$/.test(named.name),
    });
  }
  return out;
}

interface Part {
  name: string;
  quoted: boolean;
}

/** `a."B.c".d` -> parts, quotes honoured; null when a quote is not closed. */
function splitName(text: string): Part[] | null {
  const parts: Part[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let name = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return null;
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            name += '"';
            j += 2;
            continue;
          }
          break;
        }
        name += text[j];
        j++;
      }
      parts.push({ name, quoted: true });
      i = j + 1;
    } else {
      const dot = text.indexOf('.', i);
      const end = dot === -1 ? text.length : dot;
      parts.push({ name: text.slice(i, end), quoted: false });
      i = end;
    }
    if (i >= text.length) break;
    if (text[i] !== '.') return null;
    i++;
  }
  return parts.every((p) => p.name !== '') ? parts : null;
}

/** One regex for every name, and which targets a matched spelling names. */
export interface NameMatcher {
  regex: RegExp;
  targetsOf(matched: string): Target[];
}

const WORD = '\\p{L}\\p{N}_';

export function nameMatcher(targets: readonly Target[]): NameMatcher | null {
  const byLower = new Map<string, Target[]>();
  for (const t of targets) {
    const key = t.name.toLowerCase();
    byLower.set(key, [...(byLower.get(key) ?? []), t]);
  }
  if (byLower.size === 0) return null;
  const names = [...byLower.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const regex = new RegExp(`(?<![${WORD}])(?:${names.join('|')})(?![${WORD}])`, 'giu');
  return {
    regex,
    targetsOf: (matched) =>
      (byLower.get(matched.toLowerCase()) ?? []).filter((t) => !t.caseSensitive || t.name === matched),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function findReferences(options: FindReferencesOptions): Promise<Reference[]> {
  const targets = targetsOf(options.drops);
  const matcher = nameMatcher(targets);
  if (matcher === null) return [];
  const paths = await (options.listFiles ?? gitFiles)(options.root);
  const excluded = [...(options.exclude ?? []), STATE_DIR].map(normalPath).filter((p) => p !== '');
  const out: Reference[] = [];
  for (const path of paths) {
    if (!searchable(path, excluded)) continue;
    const text = readText(join(options.root, path));
    if (text === null) continue;
    out.push(...searchFile(path, text, targets, matcher));
  }
  return out.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.object < b.object ? -1 : a.object > b.object ? 1 : 0),
  );
}

/** The references of one file's text (exported for tests and callers holding the text already). */
export function searchFile(
  path: string,
  text: string,
  targets: readonly Target[],
  matcher: NameMatcher,
): Reference[] {
  let index: LineIndex | undefined;
  const found = new Map<string, Reference>();
  const add = (offset: number, object: string, kind: Reference['kind']): void => {
    const lines = (index ??= new LineIndex(text));
    const { line, column } = lines.at(offset);
    const key = `${line}\0${object}`;
    const had = found.get(key);
    if (had !== undefined && (had.kind === 'orm-schema' || kind === 'code')) return;
    found.set(key, { path, line, column, object, text: lines.text(line), kind });
  };

  let orm: { hits: OrmHit[]; owned: (offset: number, target: Target) => boolean } | null = null;
  if (path.endsWith('.prisma')) orm = prismaModels(text, targets);
  else if (isDrizzleCandidate(path, text)) orm = drizzleTables(text, targets);
  for (const hit of orm?.hits ?? []) add(hit.offset, hit.target.object, 'orm-schema');

  matcher.regex.lastIndex = 0;
  for (let m = matcher.regex.exec(text); m !== null; m = matcher.regex.exec(text)) {
    for (const t of matcher.targetsOf(m[0])) {
      if (orm?.owned(m.index, t)) continue;
      add(m.index, t.object, 'code');
    }
  }
  return [...found.values()];
}

/** Offsets -> 1-based lines and columns, and a line's text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }

  text(line: number): string {
    const start = this.starts[line - 1] ?? 0;
    const next = this.starts[line];
    const raw = this.source.slice(start, next === undefined ? undefined : next - 1);
    return raw.trim().slice(0, 200);
  }
}

function normalPath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '')
    .replace(/^\.$/, '');
}

function searchable(path: string, excluded: readonly string[]): boolean {
  if (excluded.some((e) => path === e || path.startsWith(`${e}/`))) return false;
  const segments = path.split('/');
  const name = segments[segments.length - 1] as string;
  if (segments.slice(0, -1).some((s) => SKIPPED_DIRS.has(s))) return false;
  if (LOCK_FILES.has(name) || name.endsWith('.lock')) return false;
  if (/\.min\.[cm]?js$|\.map$/.test(name)) return false;
  const dot = name.lastIndexOf('.');
  return dot === -1 || !BINARY.has(name.slice(dot + 1).toLowerCase());
}

/** A file's text; null when it is missing, not a file, over 1 MB or binary (a NUL byte early on). */
function readText(abs: string): string | null {
  try {
    const info = statSync(abs);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return null;
    const bytes = readFileSync(abs);
    if (bytes.subarray(0, 8000).includes(0)) return null;
    return bytes.toString('utf8');
  } catch {
    return null;
  }
}

const run = promisify(execFile);

/** The files git tracks under `root`, relative to it. */
async function gitFiles(root: string): Promise<string[]> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', 'ls-files', '-z'], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
    });
    return stdout.split('\0').filter((p) => p !== '');
  } catch (e: unknown) {
    const why =
      e instanceof Error
        ? (e.message.split('\n').find((l) => /fatal|error/i.test(l)) ?? e.message)
        : String(e);
    throw new ReferencesError(
      `cannot list the files git tracks in ${root} (${why.trim()}); run inside a git repository with git installed`,
    );
  }
}
