// calibrate() on a shadow database of the real server (test/support/README.md): sane throughputs, and nothing
// left behind, neither its tables in the scratch database nor the scratch database itself.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openShadow } from '../../src/db/shadow.js';
import { calibrate } from '../../src/stats/calibrate.js';
import { engineKey, isCalibration } from '../../src/stats/calibration-cache.js';
import { testDatabase } from '../support/database.js';

async function databases(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>('SELECT datname FROM pg_database')).rows.map(
      (r) => r.datname,
    );
  } finally {
    await client.end();
  }
}

describe('calibrate on a shadow database', () => {
  it('measures sane throughputs and leaves nothing behind', async () => {
    const server = await testDatabase();
    const db = await openShadow(server.url);
    try {
      const c = await calibrate(db, { rows: 20_000 });
      expect(isCalibration(c)).toBe(true);
      expect(c.rows).toBe(20_000);
      expect(c.engine).toMatch(/^PostgreSQL \d+\.\d+.* \(shadow server [^ ]+:\d+\)$/);
      expect(c.serverMajor).toBe(Math.floor(db.serverVersion / 10000));
      // Orders of magnitude any server reaches and none exceeds: 1 MB/s to 100 GB/s, 1,000 to 1e9 rows/s.
      for (const bytes of [c.rewriteBytesPerSecond, c.scanBytesPerSecond]) {
        expect(bytes).toBeGreaterThan(1e6);
        expect(bytes).toBeLessThan(1e11);
      }
      for (const rows of [
        c.indexRowsPerSecond,
        c.keyRebuildRowsPerSecond,
        c.foreignKeyRowsPerSecond,
        c.updateRowsPerSecond,
      ]) {
        expect(rows).toBeGreaterThan(1e3);
        expect(rows).toBeLessThan(1e9);
      }
      expect(c.scanBytesPerSecond).toBeGreaterThan(c.rewriteBytesPerSecond);
      const left = await db.query<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relname LIKE 'expand\\_contract\\_calibration%'",
      );
      expect(left).toEqual([]);
      expect(await engineKey(db)).toMatch(/^shadow [^ ]+:\d+; PostgreSQL \d+/);
    } finally {
      await db.close();
    }
    expect(await databases(server.url)).not.toContain(db.name);
  }, 120_000);
});
