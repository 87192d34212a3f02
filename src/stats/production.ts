// Production's side of a run, for the CLI and the Action alike: the statistics (from a read-only
// connection or a file), whether the file is stale, and the calibration that turns sizes into seconds
// (cached; measured once on the shadow server or the embedded database when none is cached).
import { readFile } from 'node:fs/promises';
import { connect } from '../db/connect.js';
import { PGLITE_VERSION, openPglite } from '../db/pglite.js';
import { openShadow } from '../db/shadow.js';
import type { ExposureConfig } from '../config/types.js';
import { calibrate } from './calibrate.js';
import { loadCalibration } from './calibration-cache.js';
import { collectStats, StatsError } from './collect.js';
import type { Calibration } from './estimate.js';
import type { ExposureContext } from './exposure.js';
import { ageInDays, parseStats, StatsFileError } from './file.js';
import type { StatsSnapshot } from './types.js';

/** Statistics that cannot be had: one line naming the file or the database, and what to do. */
export class ProductionStatsError extends Error {
  override name = 'ProductionStatsError';
}

export interface ProductionOptions {
  /** Read-only connection to production (or a replica). A secret. */
  statsDatabaseUrl?: string;
  /** A file `expand-contract stats` wrote (absolute path) and the name to show for it. */
  statsFile?: { path: string; shown: string };
  thresholds: ExposureConfig;
  /** The shadow server to calibrate on; else the embedded database. */
  shadowDatabaseUrl?: string;
  /** Where calibrations are cached (null: measure every time). */
  cacheDir: string | null;
  workTree?: string;
  /** Lines for the person running it: a stale file or a failed calibration (`warning`), calibrating (`info`). */
  note: (line: string, kind: 'info' | 'warning') => void;
  now?: Date;
}

/** The exposure context, or null when no statistics were given (then nothing changes). */
export async function productionContext(o: ProductionOptions): Promise<ExposureContext | null> {
  if (o.statsDatabaseUrl && o.statsFile)
    throw new ProductionStatsError('give production statistics once: a database URL or a file, not both');
  const stats = o.statsDatabaseUrl ? await live(o.statsDatabaseUrl) : o.statsFile ? await fromFile(o) : null;
  if (!stats) return null;
  const calibration = await calibrationFor(o);
  return { stats, calibration, thresholds: o.thresholds };
}

async function live(url: string): Promise<StatsSnapshot> {
  try {
    return await collectStats(url);
  } catch (e: unknown) {
    if (e instanceof StatsError) throw new ProductionStatsError(e.message);
    throw e;
  }
}

async function fromFile(o: ProductionOptions): Promise<StatsSnapshot> {
  const file = o.statsFile as { path: string; shown: string };
  let text: string;
  try {
    text = await readFile(file.path, 'utf8');
  } catch (e: unknown) {
    const code = (e as { code?: string }).code;
    throw new ProductionStatsError(
      `${file.shown}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}; export it with expand-contract stats --database-url URL > ${file.shown}`,
    );
  }
  let stats: StatsSnapshot;
  try {
    stats = parseStats(text, file.shown);
  } catch (e: unknown) {
    if (e instanceof StatsFileError) throw new ProductionStatsError(e.message);
    throw e;
  }
  const days = ageInDays(stats, o.now);
  if (days > o.thresholds.statsMaxAgeDays)
    o.note(
      `${file.shown} is ${Math.floor(days)} days old (taken ${stats.generatedAt.slice(0, 10)}; exposure.stats-max-age is ${o.thresholds.statsMaxAgeDays}): sizes and write rates may have moved; export it again with expand-contract stats`,
      'warning',
    );
  return stats;
}

/**
 * The calibration for this machine and engine: from the cache, else measured now on the shadow server or the
 * embedded database (said so, as it is the one time `check` starts a database). Null, with a note, when it
 * cannot be measured: sizes are then shown without durations.
 */
async function calibrationFor(o: ProductionOptions): Promise<Calibration | null> {
  const shadow = o.shadowDatabaseUrl;
  try {
    const engine = shadow ? await shadowEngine(shadow) : `pglite ${PGLITE_VERSION}`;
    const loaded = await loadCalibration({
      cacheDir: o.cacheDir,
      engineKey: engine,
      ...(o.workTree ? { workTree: o.workTree } : {}),
      measure: async () => {
        o.note(
          `calibrating lock-time estimates on ${shadow ? 'a scratch database of the shadow server' : 'the embedded database'} (once per machine and server version${o.cacheDir ? '; then cached' : ''})`,
          'info',
        );
        const db = shadow ? await openShadow(shadow) : await openPglite();
        try {
          return await calibrate(db);
        } finally {
          await db.close();
        }
      },
    });
    return loaded.calibration;
  } catch (e: unknown) {
    o.note(
      `no lock-time estimates: the calibration failed (${e instanceof Error ? e.message : String(e)}); sizes and write rates are shown without durations`,
      'warning',
    );
    return null;
  }
}

/** The shadow server's identity for the cache key: its address and version(), read on a short connection. */
async function shadowEngine(url: string): Promise<string> {
  const { client, display } = await connect(url, {
    what: 'the shadow database server',
    applicationName: 'expand-contract (calibration key)',
  });
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version() AS version');
    return `shadow ${display}; ${rows[0]?.version ?? '?'}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
