import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.js';
import {
  calibrationKey,
  CALIBRATION_FORMAT,
  engineKey,
  isCalibration,
  loadCalibration,
  machineKey,
} from '../../src/stats/calibration-cache.js';
import type { Calibration } from '../../src/stats/estimate.js';

const ENGINE_15 = 'shadow db.internal:5432; PostgreSQL 15.20 on x86_64-pc-linux-gnu, 64-bit';
const ENGINE_16 = 'shadow db.internal:5432; PostgreSQL 16.4 on x86_64-pc-linux-gnu, 64-bit';

function calibration(overrides: Partial<Calibration> = {}): Calibration {
  return {
    rewriteBytesPerSecond: 80_000_000,
    indexRowsPerSecond: 300_000,
    keyRebuildRowsPerSecond: 1_200_000,
    scanBytesPerSecond: 350_000_000,
    foreignKeyRowsPerSecond: 1_000_000,
    updateRowsPerSecond: 80_000,
    engine: 'PostgreSQL 15.20 (shadow server db.internal:5432)',
    serverMajor: 15,
    rows: 200_000,
    measuredAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ec-calibration-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = async (): Promise<string[]> =>
  (await readdir(join(dir, 'calibration', `v${CALIBRATION_FORMAT}`)).catch(() => [])).sort();

describe('loadCalibration', () => {
  it('measures on a miss, caches, and reads the cache on the next run without measuring', async () => {
    const measure = vi.fn(async () => calibration());
    const first = await loadCalibration({ cacheDir: dir, engineKey: ENGINE_15, measure, machine: 'm1' });
    expect(first.measured).toBe(true);
    expect(first.path).toBe(
      join(dir, 'calibration', `v${CALIBRATION_FORMAT}`, `${calibrationKey('m1', ENGINE_15)}.json`),
    );
    expect(await files()).toEqual([`${calibrationKey('m1', ENGINE_15)}.json`]);

    const second = await loadCalibration({ cacheDir: dir, engineKey: ENGINE_15, measure, machine: 'm1' });
    expect(second).toEqual({ calibration: calibration(), measured: false, path: first.path });
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('keeps one entry per server version and per machine', async () => {
    const measure = vi.fn(async () => calibration());
    await loadCalibration({ cacheDir: dir, engineKey: ENGINE_15, measure, machine: 'm1' });
    const otherVersion = await loadCalibration({
      cacheDir: dir,
      engineKey: ENGINE_16,
      measure,
      machine: 'm1',
    });
    const otherMachine = await loadCalibration({
      cacheDir: dir,
      engineKey: ENGINE_15,
      measure,
      machine: 'm2',
    });
    expect(otherVersion.measured).toBe(true);
    expect(otherMachine.measured).toBe(true);
    expect(measure).toHaveBeenCalledTimes(3);
    expect(await files()).toHaveLength(3);
    expect(calibrationKey('m1', ENGINE_15)).not.toBe(calibrationKey('m1', ENGINE_16));
    expect(calibrationKey('m1', ENGINE_15)).not.toBe(calibrationKey('m2', ENGINE_15));
  });

  it.each([
    ['not JSON', '{"format": 1, "key": '],
    ['JSON null', 'null'],
    ['another format', (key: string) => JSON.stringify({ format: 0, key, calibration: calibration() })],
    [
      'another key',
      () => JSON.stringify({ format: CALIBRATION_FORMAT, key: 'x', calibration: calibration() }),
    ],
    [
      'a rate of zero',
      (key: string) =>
        JSON.stringify({
          format: CALIBRATION_FORMAT,
          key,
          calibration: calibration({ indexRowsPerSecond: 0 }),
        }),
    ],
    [
      'a missing field',
      (key: string) => {
        const { engine: _engine, ...rest } = calibration();
        return JSON.stringify({ format: CALIBRATION_FORMAT, key, calibration: rest });
      },
    ],
  ])('measures again over a corrupt entry (%s) and replaces it', async (_what, content) => {
    const key = calibrationKey('m1', ENGINE_15);
    const measure = vi.fn(async () => calibration({ rows: 123_456 }));
    const first = await loadCalibration({
      cacheDir: dir,
      engineKey: ENGINE_15,
      measure: async () => calibration(),
      machine: 'm1',
    });
    await writeFile(first.path as string, typeof content === 'string' ? content : content(key));

    const again = await loadCalibration({ cacheDir: dir, engineKey: ENGINE_15, measure, machine: 'm1' });
    expect(again.measured).toBe(true);
    expect(again.calibration.rows).toBe(123_456);
    expect(measure).toHaveBeenCalledTimes(1);
    const stored = JSON.parse(await readFile(first.path as string, 'utf8')) as { calibration: Calibration };
    expect(stored.calibration.rows).toBe(123_456);
  });

  it('measures every time without a cache directory', async () => {
    const measure = vi.fn(async () => calibration());
    const a = await loadCalibration({ cacheDir: null, engineKey: ENGINE_15, measure });
    const b = await loadCalibration({ cacheDir: null, engineKey: ENGINE_15, measure });
    expect([a.measured, b.measured]).toEqual([true, true]);
    expect(a.path).toBeUndefined();
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it('does not write a cache inside the work tree', async () => {
    const measure = vi.fn(async () => calibration());
    const cacheDir = join(dir, '.cache');
    const result = await loadCalibration({ cacheDir, engineKey: ENGINE_15, measure, workTree: dir });
    expect(result).toEqual({ calibration: calibration(), measured: true });
    expect(await readdir(dir)).toEqual([]);
  });

  it('still answers when the cache directory cannot be written', async () => {
    const blocked = join(dir, 'a-file');
    await writeFile(blocked, 'not a directory');
    const measure = vi.fn(async () => calibration());
    const result = await loadCalibration({ cacheDir: blocked, engineKey: ENGINE_15, measure, machine: 'm1' });
    expect(result.measured).toBe(true);
    expect(result.calibration).toEqual(calibration());
  });

  it('lets a failed measurement throw and caches nothing', async () => {
    const measure = vi.fn(async (): Promise<Calibration> => {
      throw new Error('the server went away');
    });
    await expect(loadCalibration({ cacheDir: dir, engineKey: ENGINE_15, measure })).rejects.toThrow(
      'the server went away',
    );
    expect(await files()).toEqual([]);
  });
});

describe('keys', () => {
  it('names this machine by a stable hash', () => {
    expect(machineKey()).toMatch(/^[0-9a-f]{32}$/);
    expect(machineKey()).toBe(machineKey());
  });

  it('names the engine by kind, server address and version()', async () => {
    const fake = (kind: 'pglite' | 'shadow', description: string): Database =>
      ({
        kind,
        description,
        query: async () => [{ version: 'PostgreSQL 16.4 on x86_64-pc-linux-gnu, 64-bit' }],
      }) as unknown as Database;
    expect(await engineKey(fake('shadow', 'shadow database expand_contract_0123456789ab on db:5433'))).toBe(
      'shadow db:5433; PostgreSQL 16.4 on x86_64-pc-linux-gnu, 64-bit',
    );
    expect(await engineKey(fake('pglite', 'PGlite'))).toMatch(
      /^pglite \d+\.\d+\.\d+; PostgreSQL 16\.4 on x86_64/,
    );
  });

  it('accepts only sane calibrations', () => {
    expect(isCalibration(calibration())).toBe(true);
    expect(isCalibration(calibration({ scanBytesPerSecond: Number.POSITIVE_INFINITY }))).toBe(false);
    expect(isCalibration(calibration({ updateRowsPerSecond: -1 }))).toBe(false);
    expect(isCalibration(calibration({ measuredAt: 'yesterday' }))).toBe(false);
    expect(isCalibration(calibration({ serverMajor: 15.5 }))).toBe(false);
    expect(isCalibration('calibration')).toBe(false);
  });
});
