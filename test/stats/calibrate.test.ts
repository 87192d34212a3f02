// calibrate() on PGlite (a few thousand rows: the embedded database is slow to start and to write), and the
// names it gives the engine. The same on a real server: calibrate.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite, type PgliteDatabase } from '../../src/db/pglite.js';
import { calibrate, engineName, serverHost } from '../../src/stats/calibrate.js';
import { isCalibration } from '../../src/stats/calibration-cache.js';

let db: PgliteDatabase;
beforeAll(async () => {
  db = await openPglite();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const userTables = async (): Promise<string[]> =>
  (
    await db.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace ORDER BY 1",
    )
  ).map((r) => r.name);

describe('calibrate on PGlite', () => {
  it('measures positive throughputs, names the engine and leaves nothing behind', async () => {
    const steps: string[] = [];
    const timings: string[] = [];
    const measured = new Map<string, number>();
    const c = await calibrate(db, {
      rows: 5000,
      onStep: (s) => steps.push(s),
      onMeasure: (what, seconds) => {
        expect(seconds).toBeGreaterThan(0);
        timings.push(what);
        measured.set(what, seconds);
      },
    });
    expect(isCalibration(c)).toBe(true);
    expect(c.rows).toBe(5000);
    expect(c.engine).toMatch(/^PGlite \d+\.\d+\.\d+ \(PostgreSQL \d+\.\d+, WebAssembly\)$/);
    expect(c.serverMajor).toBeGreaterThanOrEqual(17);
    expect(Date.now() - Date.parse(c.measuredAt)).toBeLessThan(120_000);
    // Each rate is what its own timing says (the order between them is left to the bench: on 5,000 rows a busy
    // machine can invert two of them).
    expect(c.updateRowsPerSecond / (5000 / (measured.get('update') as number))).toBeCloseTo(1, 6);
    expect(steps[0]).toBe('generating 5,000 rows');
    expect(timings).toEqual(['scan', 'index', 'foreign key', 'key rebuild', 'rewrite', 'update']);
    expect(await userTables()).toEqual([]);
  }, 120_000);

  it('drops its tables when a step fails', async () => {
    const failing: Database = {
      ...db,
      kind: 'pglite',
      description: 'PGlite',
      query: (sql, params) => db.query(sql, params),
      transaction: (fn) => db.transaction(fn),
      close: async () => undefined,
      exec: async (sql) => {
        if (sql.startsWith('REINDEX')) throw new Error('the disk is full');
        await db.exec(sql);
      },
    };
    await expect(calibrate(failing, { rows: 1000 })).rejects.toThrow('the disk is full');
    expect(await userTables()).toEqual([]);
  }, 120_000);

  it('leaves alone a table of the same name it did not create', async () => {
    await db.exec('CREATE TABLE expand_contract_calibration (mine int)');
    try {
      await expect(calibrate(db, { rows: 1000 })).rejects.toThrow(/already exists/);
      expect(await userTables()).toEqual(['expand_contract_calibration']);
    } finally {
      await db.exec('DROP TABLE expand_contract_calibration');
    }
  }, 120_000);
});

describe('engine names', () => {
  const shadow = {
    kind: 'shadow',
    description: 'shadow database expand_contract_0123456789ab on db.internal:5432',
  };
  it('names a shadow server by version and address', () => {
    expect(serverHost(shadow as Database)).toBe('db.internal:5432');
    expect(engineName(shadow as Database, '16.4', 16)).toBe(
      'PostgreSQL 16.4 (shadow server db.internal:5432)',
    );
    expect(serverHost({ kind: 'pglite', description: 'PGlite' } as Database)).toBeUndefined();
  });
});
