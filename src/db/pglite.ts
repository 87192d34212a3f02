// PGlite backend: PostgreSQL 18 compiled to WASM, in-process. Loaded lazily (the first call to
// openPglite pays for the import) so that `check`, which never needs a database, never loads it.
// An instance costs about 2 s and ~760 MB: callers close it in `finally`.
import type { Extension, PGlite, PGliteOptions, Transaction } from '@electric-sql/pglite';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DatabaseError, toDatabaseError, type Database, type Queryable } from './database.js';

const gunzipAsync = promisify(gunzip);

/** Loads one contrib extension bundle; static import paths keep bundlers able to follow them. */
const CONTRIB: Record<string, () => Promise<Extension>> = {
  amcheck: async () => (await import('@electric-sql/pglite/contrib/amcheck')).amcheck,
  bloom: async () => (await import('@electric-sql/pglite/contrib/bloom')).bloom,
  btree_gin: async () => (await import('@electric-sql/pglite/contrib/btree_gin')).btree_gin,
  btree_gist: async () => (await import('@electric-sql/pglite/contrib/btree_gist')).btree_gist,
  citext: async () => (await import('@electric-sql/pglite/contrib/citext')).citext,
  cube: async () => (await import('@electric-sql/pglite/contrib/cube')).cube,
  dict_int: async () => (await import('@electric-sql/pglite/contrib/dict_int')).dict_int,
  dict_xsyn: async () => (await import('@electric-sql/pglite/contrib/dict_xsyn')).dict_xsyn,
  earthdistance: async () => (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance,
  file_fdw: async () => (await import('@electric-sql/pglite/contrib/file_fdw')).file_fdw,
  fuzzystrmatch: async () => (await import('@electric-sql/pglite/contrib/fuzzystrmatch')).fuzzystrmatch,
  hstore: async () => (await import('@electric-sql/pglite/contrib/hstore')).hstore,
  intarray: async () => (await import('@electric-sql/pglite/contrib/intarray')).intarray,
  isn: async () => (await import('@electric-sql/pglite/contrib/isn')).isn,
  lo: async () => (await import('@electric-sql/pglite/contrib/lo')).lo,
  ltree: async () => (await import('@electric-sql/pglite/contrib/ltree')).ltree,
  moddatetime: async () => (await import('@electric-sql/pglite/contrib/moddatetime')).moddatetime,
  pageinspect: async () => (await import('@electric-sql/pglite/contrib/pageinspect')).pageinspect,
  pg_buffercache: async () => (await import('@electric-sql/pglite/contrib/pg_buffercache')).pg_buffercache,
  pg_freespacemap: async () => (await import('@electric-sql/pglite/contrib/pg_freespacemap')).pg_freespacemap,
  pg_stat_statements: async () =>
    (await import('@electric-sql/pglite/contrib/pg_stat_statements')).pg_stat_statements,
  pg_surgery: async () => (await import('@electric-sql/pglite/contrib/pg_surgery')).pg_surgery,
  pg_trgm: async () => (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm,
  pg_visibility: async () => (await import('@electric-sql/pglite/contrib/pg_visibility')).pg_visibility,
  pg_walinspect: async () => (await import('@electric-sql/pglite/contrib/pg_walinspect')).pg_walinspect,
  pgcrypto: async () => (await import('@electric-sql/pglite/contrib/pgcrypto')).pgcrypto,
  seg: async () => (await import('@electric-sql/pglite/contrib/seg')).seg,
  tablefunc: async () => (await import('@electric-sql/pglite/contrib/tablefunc')).tablefunc,
  tcn: async () => (await import('@electric-sql/pglite/contrib/tcn')).tcn,
  tsm_system_rows: async () => (await import('@electric-sql/pglite/contrib/tsm_system_rows')).tsm_system_rows,
  tsm_system_time: async () => (await import('@electric-sql/pglite/contrib/tsm_system_time')).tsm_system_time,
  unaccent: async () => (await import('@electric-sql/pglite/contrib/unaccent')).unaccent,
  'uuid-ossp': async () => (await import('@electric-sql/pglite/contrib/uuid_ossp')).uuid_ossp,
};

/** Extensions another one needs (`CREATE EXTENSION earthdistance CASCADE` installs cube). */
const REQUIRES: Record<string, string[]> = { earthdistance: ['cube'] };

/** The version of PGlite in use; part of the replay cache key (a data directory is tied to it). */
export const PGLITE_VERSION = '0.5.16';

/** True when PGlite ships the extension (`CREATE EXTENSION name` can succeed once it is loaded). */
export function pgliteHasExtension(name: string): boolean {
  return name === 'plpgsql' || Object.hasOwn(CONTRIB, name);
}

export interface PgliteOptions {
  /** Extensions to load (SQL names, as in CREATE EXTENSION); unknown ones are ignored. */
  extensions?: readonly string[];
  /** A data directory dumped by `dumpState()`: a tar archive (gzip-compressed or not). */
  state?: Uint8Array;
}

export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** The extensions loaded into this instance (SQL names, sorted). */
  readonly extensions: readonly string[];
  dumpState(): Promise<Uint8Array>;
  clone(): Promise<PgliteDatabase>;
}

/** Starts an in-memory PGlite, fresh or from a dumped state. Close it in `finally`. */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  let mod: typeof import('@electric-sql/pglite');
  try {
    mod = await import('@electric-sql/pglite');
  } catch (e: unknown) {
    throw new DatabaseError(
      `cannot load @electric-sql/pglite (${e instanceof Error ? e.message : String(e)}); reinstall the tool.`,
    );
  }
  const names = withRequirements(options.extensions ?? []);
  const extensions: Record<string, Extension> = {};
  for (const name of names)
    extensions[name.replace(/\W/g, '_')] = await (CONTRIB[name] as () => Promise<Extension>)();
  const pgOptions: PGliteOptions = { extensions };
  if (options.state) {
    // PGlite would reject a damaged archive from a promise nobody awaits, ending the process: check it first.
    const tar = await dataDirArchive(options.state);
    pgOptions.loadDataDir = new Blob([tar], { type: 'application/x-tar' });
  }
  let pg: PGlite | undefined;
  try {
    pg = new mod.PGlite(pgOptions);
    await pg.waitReady;
  } catch (e: unknown) {
    await pg?.close().catch(() => undefined);
    throw new DatabaseError(
      `PGlite did not start${options.state ? ' from the cached state' : ''}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return new PgliteBackend(pg, names);
}

/**
 * The uncompressed tar of a dumped data directory, after checking every header's checksum and size;
 * throws a DatabaseError for anything else.
 */
export async function dataDirArchive(state: Uint8Array): Promise<Uint8Array> {
  let tar = state;
  if (state[0] === 0x1f && state[1] === 0x8b) {
    try {
      tar = new Uint8Array(await gunzipAsync(state));
    } catch (e: unknown) {
      throw new DatabaseError(
        `the saved database state is damaged: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  const problem = tarProblem(tar);
  if (problem) throw new DatabaseError(`the saved database state is damaged: ${problem}`);
  return tar;
}

function tarProblem(tar: Uint8Array): string | undefined {
  const octal = (from: number, length: number): number =>
    parseInt(
      Buffer.from(tar.subarray(from, from + length))
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
  let at = 0;
  let files = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return files > 0 ? undefined : 'an empty archive';
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] as number);
    if (octal(at + 148, 8) !== sum) return `bad tar header at byte ${at}`;
    const size = octal(at + 124, 12);
    at += 512 + Math.ceil(size / 512) * 512;
    files++;
  }
  return at === tar.length && files > 0 ? undefined : 'a truncated archive';
}

function withRequirements(requested: readonly string[]): string[] {
  const out = new Set<string>();
  const add = (name: string): void => {
    if (!Object.hasOwn(CONTRIB, name) || out.has(name)) return;
    for (const r of REQUIRES[name] ?? []) add(r);
    out.add(name);
  };
  for (const name of requested) add(name);
  return [...out].sort();
}

class PgliteBackend implements PgliteDatabase {
  readonly kind = 'pglite';
  readonly description = 'PGlite';
  private closed = false;

  constructor(
    private readonly pg: PGlite,
    readonly extensions: readonly string[],
  ) {}

  async exec(sql: string): Promise<void> {
    return run(this.live(), sql);
  }
  async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return select<T>(this.live(), sql, params);
  }
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    try {
      return await this.live().transaction((tx) =>
        fn({ exec: (sql) => run(tx, sql), query: (sql, params = []) => select(tx, sql, params) }),
      );
    } catch (e: unknown) {
      throw toDatabaseError(e, 'transaction failed');
    }
  }
  async dumpState(): Promise<Uint8Array> {
    try {
      const file = await this.live().dumpDataDir('none');
      return new Uint8Array(await file.arrayBuffer());
    } catch (e: unknown) {
      throw toDatabaseError(e, 'cannot dump the PGlite data directory');
    }
  }
  async clone(): Promise<PgliteDatabase> {
    try {
      return new PgliteBackend((await this.live().clone()) as PGlite, this.extensions);
    } catch (e: unknown) {
      throw toDatabaseError(e, 'cannot copy the PGlite database');
    }
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pg.close();
  }
  private live(): PGlite {
    if (this.closed) throw new DatabaseError('the PGlite database is closed');
    return this.pg;
  }
}

async function run(target: PGlite | Transaction, sql: string): Promise<void> {
  try {
    await target.exec(sql);
  } catch (e: unknown) {
    throw toDatabaseError(e, 'PGlite failed');
  }
}

async function select<T extends object>(
  target: PGlite | Transaction,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  try {
    return (await target.query<T>(sql, [...params])).rows;
  } catch (e: unknown) {
    throw toDatabaseError(e, 'PGlite failed');
  }
}
