// The backfill next to other sessions on the real server: an application that keeps inserting and updating
// the table while the run walks it (every row right at the end, none left), and a session that holds a lock
// on the table (retries, then exit 1 naming the table and the holder's pid; a rerun finishes once it is gone).
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { runBackfill, type BackfillEvent } from '../../src/backfill/runner.js';
import { cli } from '../cli/helpers.js';
import { useFreshDatabase } from '../support/database.js';
import { backendPid, Sessions } from '../support/sessions.js';
import { count, FIRST, firstNameStep, planOf, query, writeScript } from './helpers.js';

const db = useFreshDatabase();
const sessions = new Sessions(() => db().url);
// registered after useFreshDatabase, so it runs first: sessions close before the database is dropped
afterEach(() => sessions.closeAll());

/** Rows whose first_name is not the first word of full_name. */
const wrongRows = (): Promise<number> =>
  count(db().url, `SELECT count(*) FROM t WHERE first_name IS DISTINCT FROM ${FIRST}`);

describe('an application writing the table during the run', () => {
  it('ends with every row right and none left, with inserts behind the walk and updates racing batches', async () => {
    // even keys 2..40,000: the application inserts odd keys, ahead of the walk and behind it
    await query(
      db().url,
      `CREATE TABLE t (id bigint PRIMARY KEY, full_name text NOT NULL, first_name text, note text);
       INSERT INTO t (id, full_name) SELECT g * 2, 'Old' || g || ' Name' FROM generate_series(1, 20000) g;`,
    );
    const events: BackfillEvent[] = [];
    let batches = 0;
    let stepEnd = Infinity;
    const app = await sessions.connect('application');
    const wrote = { oldInserts: 0, newInserts: 0, dualUpdates: 0, otherUpdates: 0 };
    let writerEnd = 0;

    // Old code still running inserts rows without first_name; new code writes both; unrelated updates too.
    const writer = (async () => {
      while (batches < 3) await sleep(2);
      const oddBehind = [1, 3, 5, 7, 9]; // behind the cursor for sure: the walk is past key 200
      for (let i = 0; i < 400; i++) {
        const any = 1 + 2 * Math.floor(Math.random() * 20_000); // odd, anywhere in the key range
        const even = 2 * (1 + Math.floor(Math.random() * 20_000));
        const name = `New${i} Person`;
        switch (i % 4) {
          case 0:
            await app.query(
              'INSERT INTO t (id, full_name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', // old code
              [oddBehind[i / 4] ?? any, name],
            );
            wrote.oldInserts++;
            break;
          case 1:
            await app.query(
              `INSERT INTO t (id, full_name, first_name) VALUES ($1, $2, split_part($2, ' ', 1))
               ON CONFLICT (id) DO NOTHING`,
              [100_000 + i, name],
            );
            wrote.newInserts++;
            break;
          case 2:
            await app.query(
              `UPDATE t SET full_name = $2, first_name = split_part($2, ' ', 1) WHERE id = $1`,
              [even, name],
            );
            wrote.dualUpdates++;
            break;
          default:
            await app.query(`UPDATE t SET note = coalesce(note, '') || 'x' WHERE id = $1`, [even]);
            wrote.otherUpdates++;
        }
        if (i % 8 === 0) await sleep(1);
      }
      writerEnd = performance.now();
    })();

    const result = await runBackfill({
      databaseUrl: db().url,
      plan: planOf('ec-00000000000000c1', [firstNameStep('t')]),
      batchSize: 100,
      pauseMs: 5,
      onEvent: (e) => {
        events.push(e);
        if (e.kind === 'batch') batches++;
        if (e.kind === 'step-end') stepEnd = performance.now();
      },
    });
    await writer;

    // they overlapped: the writer began after the third batch and was done before the final check ended
    expect(writerEnd).toBeGreaterThan(0);
    expect(writerEnd).toBeLessThan(stepEnd);
    expect(wrote.oldInserts).toBe(100);
    expect(await wrongRows()).toBe(0);
    expect(await count(db().url, 'SELECT count(*) FROM t WHERE first_name IS NULL')).toBe(0);
    expect(await count(db().url, 'SELECT count(*) FROM t WHERE id IN (1, 3, 5, 7, 9)')).toBe(5);
    expect(result.interrupted).toBe(false);
    const [step] = result.steps;
    expect(step?.remaining).toBe(0);
    // the rows inserted behind the walk were found by the final check and filled by another pass
    expect(step?.passes).toBeGreaterThanOrEqual(2);
    expect(events.some((e) => e.kind === 'pass' && e.remaining >= 5)).toBe(true);
  }, 60_000);
});

describe('a lock held by another session', () => {
  const holds = {
    'row locks (SELECT ... FOR UPDATE)': 'SELECT count(*) FROM (SELECT id FROM t FOR UPDATE) AS locked',
    'a table lock (LOCK TABLE ... ACCESS EXCLUSIVE)': 'LOCK TABLE t IN ACCESS EXCLUSIVE MODE',
  };

  it.each(Object.entries(holds))(
    'retries, exits 1 naming the table and the holder, and a rerun finishes once it is gone: %s',
    async (_, hold) => {
      await query(
        db().url,
        `CREATE TABLE t (id bigint PRIMARY KEY, full_name text NOT NULL, first_name text);
         INSERT INTO t (id, full_name) SELECT g, 'Locked' || g || ' Row' FROM generate_series(1, 500) g;`,
      );
      const holder = await sessions.connect('nightly report', { statementTimeoutMs: 20_000 });
      const holderPid = await backendPid(holder);
      await holder.query('BEGIN');
      await holder.query(hold);
      const [dir, file] = await writeScript('ec-00000000000000c2', [firstNameStep('t')]);
      const args = ['backfill', file, '--database-url', db().url, '--batch-size', '100'];

      const started = performance.now();
      const blocked = await cli([...args, '--lock-timeout', '100', '--max-retries', '2'], dir);
      const seconds = (performance.now() - started) / 1000;

      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toMatch(/public\.t: lock timeout, retry 1 in \d+\.\d s/);
      expect(blocked.stderr).toMatch(/public\.t: lock timeout, retry 2 in \d+\.\d s/);
      expect(blocked.stderr).not.toContain('retry 3');
      const last = blocked.stderr.trimEnd().split('\n').at(-1) ?? '';
      expect(last).toContain(
        'expand-contract: could not lock rows of public.t within lock_timeout 100ms after 3 attempts',
      );
      expect(last).toContain(`pid ${holderPid} (nightly report, `);
      expect(last).toContain('run the same command again once the lock is gone to continue');
      expect(seconds).toBeLessThan(8); // it gave up, it did not queue behind the lock

      await holder.query('ROLLBACK');
      expect(await count(db().url, 'SELECT count(*) FROM t WHERE first_name IS NOT NULL')).toBe(0);
      const rerun = await cli(args, dir);

      expect(rerun.code).toBe(0);
      expect(rerun.stdout).toContain('public.t: 500 rows in');
      expect(rerun.stdout).toContain('no row still needs it');
      expect(await wrongRows()).toBe(0);
    },
    30_000,
  );
});
