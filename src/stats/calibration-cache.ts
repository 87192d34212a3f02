// The calibration kept between runs: one small JSON file per machine and engine (PGlite's version, or the
// shadow server's address and version), in the tool's cache directory beside the replay cache
// (`<cache dir>/calibration/v1/<key>.json`). A file that cannot be read or does not hold a sane calibration is
// measured again and replaced: the cache is never a reason to fail.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { PGLITE_VERSION } from '../db/pglite.js';
import { isInside } from '../catalog/cache.js';
import { serverHost } from './calibrate.js';
import type { Calibration } from './estimate.js';

/** Bumped when the way calibrate() measures changes: older files are then never read. */
export const CALIBRATION_FORMAT = 5;
const SUBDIR = join('calibration', `v${CALIBRATION_FORMAT}`);

export interface LoadCalibrationOptions {
  /** The tool's cache directory (defaultCacheDir); null: no cache, always measure. */
  cacheDir: string | null;
  /** What was measured on: engineKey(db). */
  engineKey: string;
  /** Measures when nothing usable is cached (calibrate on the database). */
  measure: () => Promise<Calibration>;
  /** The machine (default machineKey()); tests pass another. */
  machine?: string;
  /** The repository's work tree: a cache directory inside it is not used (it would write into the repository). */
  workTree?: string;
}

export interface LoadedCalibration {
  calibration: Calibration;
  /** True when it was measured now (nothing usable was cached), false when read from the cache. */
  measured: boolean;
  /** The cache file, when a cache directory is in use. */
  path?: string;
}

/** The cached calibration for this machine and engine, else a fresh measurement, which is then cached. */
export async function loadCalibration(options: LoadCalibrationOptions): Promise<LoadedCalibration> {
  const usable = options.cacheDir && !(options.workTree && isInside(options.cacheDir, options.workTree));
  if (!usable) return { calibration: await options.measure(), measured: true };
  const key = calibrationKey(options.machine ?? machineKey(), options.engineKey);
  const path = join(options.cacheDir as string, SUBDIR, `${key}.json`);
  const cached = await readEntry(path, key);
  if (cached) return { calibration: cached, measured: false, path };
  const calibration = await options.measure();
  await writeEntry(path, key, calibration);
  return { calibration, measured: true, path };
}

/** This machine: its host name, CPU model and CPU count, hashed (the file names nothing in clear). */
export function machineKey(): string {
  const cpu = cpus();
  return sha256(`${hostname()}\n${cpu[0]?.model ?? '?'}\n${cpu.length}`).slice(0, 32);
}

/**
 * The engine a calibration is measured on: PGlite and its version, or the shadow server's address and
 * `version()` (its PostgreSQL version, build and platform).
 */
export async function engineKey(db: Database): Promise<string> {
  const [row] = await db.query<{ version: string }>('SELECT version() AS version');
  const version = row?.version ?? '?';
  return db.kind === 'pglite'
    ? `pglite ${PGLITE_VERSION}; ${version}`
    : `shadow ${serverHost(db) ?? '?'}; ${version}`;
}

/** The file name's key: the format, the machine and the engine, hashed. */
export function calibrationKey(machine: string, engine: string): string {
  return sha256(`expand-contract calibration ${CALIBRATION_FORMAT}\n${machine}\n${engine}`);
}

interface Entry {
  format: number;
  key: string;
  calibration: Calibration;
}

async function readEntry(path: string, key: string): Promise<Calibration | undefined> {
  try {
    const entry = JSON.parse(await readFile(path, 'utf8')) as Partial<Entry> | null;
    if (entry?.format === CALIBRATION_FORMAT && entry.key === key && isCalibration(entry.calibration))
      return entry.calibration;
  } catch {
    // missing, unreadable or not JSON: measured again below
  }
  return undefined;
}

async function writeEntry(path: string, key: string, calibration: Calibration): Promise<void> {
  const entry: Entry = { format: CALIBRATION_FORMAT, key, calibration };
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(tmp, `${JSON.stringify(entry, null, 2)}\n`);
    await rename(tmp, path);
  } catch {
    // a read-only or full disk: the calibration is used all the same, and measured again next time
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

const RATES = [
  'rewriteBytesPerSecond',
  'indexRowsPerSecond',
  'keyRebuildRowsPerSecond',
  'scanBytesPerSecond',
  'foreignKeyRowsPerSecond',
  'updateRowsPerSecond',
] as const;

/** A calibration whose every rate is a positive finite number, as calibrate() makes them. */
export function isCalibration(value: unknown): value is Calibration {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  const positive = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x > 0;
  return (
    RATES.every((k) => positive(c[k])) &&
    typeof c.engine === 'string' &&
    c.engine.length > 0 &&
    Number.isInteger(c.serverMajor) &&
    positive(c.rows) &&
    typeof c.measuredAt === 'string' &&
    !Number.isNaN(Date.parse(c.measuredAt))
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
