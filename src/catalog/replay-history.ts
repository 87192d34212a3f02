// The schema before a change, from a real database: replay the history on PGlite (or on a scratch
// database of a shadow server), read pg_catalog, and keep the result in the replay cache so the
// next run with the same history loads it instead of replaying.
import type { Database } from '../db/database.js';
import { openPglite, pgliteHasExtension } from '../db/pglite.js';
import { openShadow } from '../db/shadow.js';
import type { MigrationFile } from '../types.js';
import { historyKey, isInside, ReplayCache, type CacheEntry } from './cache.js';
import { PgCatalog } from './pg-catalog.js';
import { historyExtensions, replayHistory, type ReplayFailure, type ReplaySuccess } from './replay.js';

export interface HistoryOptions {
  /** Replay cache directory (PGlite only); without it nothing is cached. */
  cacheDir?: string;
  /** The repository's working tree: a cache directory inside it is not used (we never write there). */
  workTree?: string;
  /** A PostgreSQL server URL: replay on a scratch database there instead of PGlite (not cached). */
  shadowDatabaseUrl?: string;
  /** Tool version in the cache key (default: this build's). */
  toolVersion?: string;
}

export type HistoryOutcome =
  | {
      ok: true;
      /** Open, at the state after the history; the caller closes it (in `finally`). */
      db: Database;
      catalog: PgCatalog;
      replay: ReplaySuccess;
      /** `cache` when the data directory was loaded instead of replaying. */
      source: 'replay' | 'cache';
      notices: string[];
    }
  | { ok: false; failure: ReplayFailure; source: 'replay' | 'cache'; backend: string; notices: string[] };

/**
 * Opens a database at the state after `history`. On a replay failure the database is closed and the
 * failure returned, so the caller can fall back to the static model (see replayNotice).
 * Throws only when the database itself cannot start (DatabaseError).
 */
export async function openHistory(
  history: readonly MigrationFile[],
  options: HistoryOptions = {},
): Promise<HistoryOutcome> {
  const notices: string[] = [];
  if (options.shadowDatabaseUrl) {
    const db = await openShadow(options.shadowDatabaseUrl);
    return finish(db, await replayOn(db, history), 'replay', notices);
  }

  const cache = usableCache(options, notices);
  const key = historyKey(history, { ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}) });
  const cached = await cache?.read(key);
  if (cached && !cached.result.ok)
    return { ok: false, failure: cached.result, source: 'cache', backend: 'PGlite', notices };
  if (cached?.result.ok && cached.state && cached.snapshot) {
    try {
      const db = await openPglite({ extensions: cached.extensions, state: cached.state });
      return {
        ok: true,
        db,
        catalog: PgCatalog.fromSnapshot(cached.snapshot),
        replay: cached.result,
        source: 'cache',
        notices,
      };
    } catch (e: unknown) {
      notices.push(
        `The cached schema could not be loaded (${e instanceof Error ? e.message : String(e)}); replaying.`,
      );
      await cache?.remove(key);
    }
  }

  const extensions = historyExtensions(history).filter(pgliteHasExtension);
  const db = await openPglite({ extensions });
  let entry: CacheEntry;
  try {
    const result = await replayHistory(history, db);
    entry = { result, extensions };
    if (result.ok) {
      const catalog = await PgCatalog.read(db);
      entry.snapshot = catalog.snapshot;
      if (cache) entry.state = await db.dumpState();
    }
  } catch (e: unknown) {
    await db.close();
    throw e;
  }
  if (cache && !(await cache.write(key, entry)))
    notices.push(`Could not write the replay cache in ${options.cacheDir}.`);
  return finish(
    db,
    entry.result,
    'replay',
    notices,
    entry.snapshot ? PgCatalog.fromSnapshot(entry.snapshot) : undefined,
  );
}

/**
 * The schema after `history` alone, as a catalog; the database is closed before returning. A cache hit
 * reads the stored schema and starts no database at all.
 */
export async function historyCatalog(
  history: readonly MigrationFile[],
  options: HistoryOptions = {},
): Promise<
  | { ok: true; catalog: PgCatalog; source: 'replay' | 'cache'; notices: string[] }
  | { ok: false; failure: ReplayFailure; source: 'replay' | 'cache'; backend: string; notices: string[] }
> {
  if (!options.shadowDatabaseUrl) {
    const notices: string[] = [];
    const cache = usableCache(options, notices);
    const key = historyKey(history, { ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}) });
    const cached = await cache?.read(key, false);
    if (cached?.result.ok && cached.snapshot)
      return { ok: true, catalog: PgCatalog.fromSnapshot(cached.snapshot), source: 'cache', notices };
    if (cached && !cached.result.ok)
      return { ok: false, failure: cached.result, source: 'cache', backend: 'PGlite', notices };
  }
  const outcome = await openHistory(history, options);
  if (!outcome.ok) return outcome;
  await outcome.db.close();
  return { ok: true, catalog: outcome.catalog, source: outcome.source, notices: outcome.notices };
}

function usableCache(options: HistoryOptions, notices: string[]): ReplayCache | undefined {
  if (!options.cacheDir) return undefined;
  if (options.workTree && isInside(options.cacheDir, options.workTree)) {
    notices.push(`The cache directory ${options.cacheDir} is inside the repository; not caching.`);
    return undefined;
  }
  return new ReplayCache(options.cacheDir);
}

async function replayOn(
  db: Database,
  history: readonly MigrationFile[],
): Promise<ReplaySuccess | ReplayFailure> {
  try {
    return await replayHistory(history, db);
  } catch (e: unknown) {
    await db.close();
    throw e;
  }
}

async function finish(
  db: Database,
  result: ReplaySuccess | ReplayFailure,
  source: 'replay' | 'cache',
  notices: string[],
  known?: PgCatalog,
): Promise<HistoryOutcome> {
  if (!result.ok) {
    await db.close();
    return { ok: false, failure: result, source, backend: db.description, notices };
  }
  try {
    const catalog = known ?? (await PgCatalog.read(db));
    return { ok: true, db, catalog, replay: result, source, notices };
  } catch (e: unknown) {
    await db.close();
    throw e;
  }
}
