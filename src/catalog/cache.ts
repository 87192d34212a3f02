// Replayed history kept between runs: PGlite's data directory, the schema read from it and the
// replay's outcome, keyed by a hash of the history's content. Lives outside the working tree
// (the CLI passes the directory; see defaultCacheDir). Every read is checked, and an entry that
// cannot be used is dropped and rebuilt: the cache is never a reason to fail.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { dataDirArchive, PGLITE_VERSION } from '../db/pglite.js';
import type { MigrationFile } from '../types.js';
import { VERSION } from '../version.js';
import { isCatalogSnapshot, type CatalogSnapshot } from './replay-seed.js';
import type { ReplayResult } from './replay.js';

const gzipAsync = promisify(gzip);

/** Bumped when the entry layout changes; old entries are then simply never read (2: definitions). */
const FORMAT = 2;
const SUBDIR = `v${FORMAT}`;

/**
 * Where the cache lives when the user does not say: `$RUNNER_TOOL_CACHE/expand-contract` on a GitHub
 * runner, else `$XDG_CACHE_HOME/expand-contract`, else `~/.cache/expand-contract`. The caller passes
 * the environment (the engine reads none).
 */
export function defaultCacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (env.RUNNER_TOOL_CACHE) return join(env.RUNNER_TOOL_CACHE, 'expand-contract');
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME))
    return join(env.XDG_CACHE_HOME, 'expand-contract');
  return join(home, '.cache', 'expand-contract');
}

/** True when `dir` is `root` or lies under it (a cache there would write into the repository). */
export function isInside(dir: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The cache key of a history: its files' content and order, the tool's version and the backend's. */
export function historyKey(
  files: readonly MigrationFile[],
  options: { toolVersion?: string; backend?: string; createMissingRoles?: boolean } = {},
): string {
  const hash = createHash('sha256');
  const part = (s: string): void => {
    hash.update(`${Buffer.byteLength(s)}:`);
    hash.update(s);
  };
  part(`expand-contract replay cache ${FORMAT}`);
  part(options.toolVersion ?? VERSION);
  part(options.backend ?? `pglite ${PGLITE_VERSION}`);
  part(String(options.createMissingRoles ?? true));
  for (const f of files) {
    part(f.path);
    part(f.framework);
    part(`${f.transactional} ${f.repeatable ?? false}`);
    part(f.sql);
  }
  return hash.digest('hex');
}

/** One cached replay: the outcome, and for a success the data directory and the schema read from it. */
export interface CacheEntry {
  result: ReplayResult;
  /** Extensions the data directory needs loaded (PGlite loads them at start). */
  extensions: string[];
  /** Present when `result.ok`. */
  snapshot?: CatalogSnapshot;
  /** PGlite data directory as an uncompressed tar; present when `result.ok`. */
  state?: Uint8Array;
}

interface Meta {
  format: number;
  key: string;
  toolVersion: string;
  created: string;
  result: ReplayResult;
  extensions: string[];
  snapshot?: CatalogSnapshot;
  stateSha256?: string;
}

export interface ReplayCacheOptions {
  /** Entries kept; the least recently used beyond this are removed after a write (default 6). */
  maxEntries?: number;
}

export class ReplayCache {
  private readonly root: string;

  constructor(
    dir: string,
    private readonly options: ReplayCacheOptions = {},
  ) {
    this.root = join(dir, SUBDIR);
  }

  /**
   * The entry for `key`, or undefined when there is none or it cannot be trusted (unreadable,
   * truncated, checksum mismatch): such an entry is removed so the next write replaces it.
   * With `withState: false` the data directory is not read (the schema alone is wanted).
   */
  async read(key: string, withState = true): Promise<CacheEntry | undefined> {
    const metaPath = this.path(key, 'json');
    let meta: Meta;
    try {
      meta = JSON.parse(await readFile(metaPath, 'utf8')) as Meta;
    } catch (e: unknown) {
      if ((e as { code?: string }).code !== 'ENOENT') await this.remove(key);
      return undefined;
    }
    try {
      if (!validMeta(meta, key)) throw new Error('not a cache entry of this version');
      const entry: CacheEntry = { result: meta.result, extensions: meta.extensions };
      if (meta.result.ok) {
        entry.snapshot = meta.snapshot as CatalogSnapshot;
        if (withState) {
          const gz = await readFile(this.path(key, 'tar.gz'));
          if (sha256(gz) !== meta.stateSha256) throw new Error('checksum mismatch');
          entry.state = await dataDirArchive(gz);
        }
      }
      const now = new Date();
      await utimes(metaPath, now, now).catch(() => undefined);
      return entry;
    } catch {
      await this.remove(key);
      return undefined;
    }
  }

  /** Stores an entry; returns false (and leaves no partial entry) when the disk refuses. */
  async write(key: string, entry: CacheEntry): Promise<boolean> {
    try {
      await mkdir(this.root, { recursive: true });
      const meta: Meta = {
        format: FORMAT,
        key,
        toolVersion: VERSION,
        created: new Date().toISOString(),
        result: entry.result,
        extensions: entry.extensions,
      };
      if (entry.result.ok) {
        if (!entry.state || !entry.snapshot)
          throw new Error('a successful replay needs its state and schema');
        const gz = await gzipAsync(entry.state, { level: 1 });
        meta.snapshot = entry.snapshot;
        meta.stateSha256 = sha256(gz);
        // The state first: a meta file is only ever next to a complete state.
        await this.atomicWrite(this.path(key, 'tar.gz'), gz);
      }
      await this.atomicWrite(this.path(key, 'json'), JSON.stringify(meta));
      await this.prune(key);
      return true;
    } catch {
      await this.remove(key);
      return false;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key, 'json'), { force: true }).catch(() => undefined);
    await rm(this.path(key, 'tar.gz'), { force: true }).catch(() => undefined);
  }

  private path(key: string, ext: 'json' | 'tar.gz'): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
    return join(this.root, `${key}.${ext}`);
  }

  private async atomicWrite(path: string, data: Uint8Array | string): Promise<void> {
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, data);
      await rename(tmp, path);
    } finally {
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /** Removes the least recently used entries beyond `maxEntries`, and stray temporary files. */
  private async prune(keep: string): Promise<void> {
    const max = Math.max(1, this.options.maxEntries ?? 6);
    const names = await readdir(this.root).catch(() => [] as string[]);
    const entries: Array<{ key: string; used: number }> = [];
    for (const name of names) {
      const m = /^([0-9a-f]{64})\.json$/.exec(name);
      if (m?.[1] && m[1] !== keep) {
        const info = await stat(join(this.root, name)).catch(() => undefined);
        if (info) entries.push({ key: m[1], used: info.mtimeMs });
      } else if (name.endsWith('.tmp')) {
        const info = await stat(join(this.root, name)).catch(() => undefined);
        // Another process may be writing it right now: only old leftovers go.
        if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(join(this.root, name), { force: true });
      }
    }
    entries.sort((a, b) => b.used - a.used);
    for (const e of entries.slice(max - 1)) await this.remove(e.key);
  }
}

function validMeta(meta: Meta, key: string): boolean {
  const result = meta?.result as Partial<ReplayResult> | undefined;
  return (
    meta.format === FORMAT &&
    meta.key === key &&
    meta.toolVersion === VERSION &&
    Array.isArray(meta.extensions) &&
    meta.extensions.every((e) => typeof e === 'string') &&
    typeof result?.ok === 'boolean' &&
    (!result.ok || (isCatalogSnapshot(meta.snapshot) && typeof meta.stateSha256 === 'string'))
  );
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
