// Stopping a backfill half-way, on the real server, with the command line as its own process: SIGKILL (no
// chance to clean up) and SIGINT / SIGTERM (stops between batches). Every committed batch is kept with its
// cursor, no batch is half-written, and running the same command again resumes after it and finishes.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/database.js';
import {
  count,
  FIRST,
  firstNameStep,
  progressRow,
  query,
  runnerGone,
  spawnCli,
  writeScript,
} from './helpers.js';

const ROWS = 100_000;
const PLAN = 'ec-00000000000000d1';
const db = useFreshDatabase();

const n = (value: number): string => value.toLocaleString('en-US');

async function table(): Promise<void> {
  await query(
    db().url,
    `CREATE TABLE t (id bigint PRIMARY KEY, full_name text NOT NULL, first_name text);
     INSERT INTO t (id, full_name) SELECT g, 'Given' || g || ' Family' FROM generate_series(1, ${ROWS}) g;
     ANALYZE t;`,
  );
}

/** Waits until the progress table shows at least `batches` committed batches. */
async function batchesDone(batches: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await progressRow(db().url, PLAN).catch(() => undefined); // the table may not exist yet
    if (row && row.batches >= batches) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${batches} batches after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/**
 * What a stopped run left: the progress row and the rows written, which must agree. Every row up to the
 * cursor is filled, none after it, and rows_done counts exactly the filled rows: no batch half-written.
 */
async function stoppedState(): Promise<{ rowsDone: number; batches: number }> {
  const row = await progressRow(db().url, PLAN);
  expect(row?.cursor).toHaveLength(1);
  const cursor = Number(row?.cursor?.[0]);
  const filled = await count(db().url, 'SELECT count(*) FROM t WHERE first_name IS NOT NULL');
  expect(filled).toBe(row?.rows_done);
  expect(filled).toBeGreaterThan(0);
  expect(filled).toBeLessThan(ROWS);
  expect(
    await count(db().url, 'SELECT count(*) FROM t WHERE id <= $1 AND first_name IS NULL', [cursor]),
  ).toBe(0);
  expect(
    await count(db().url, 'SELECT count(*) FROM t WHERE id > $1 AND first_name IS NOT NULL', [cursor]),
  ).toBe(0);
  return { rowsDone: filled, batches: row?.batches ?? 0 };
}

/** Runs the command again to the end: exit 0, says it resumed after `rowsDone`, every row right. */
async function resume(
  dir: string,
  file: string,
  before: { rowsDone: number; batches: number },
): Promise<void> {
  const again = spawnCli(['backfill', file, '--batch-size', '5000'], dir, { DATABASE_URL: db().url });
  const { code } = await again.exit;
  expect(again.stderr()).toContain(`public.t: resuming after ${n(before.rowsDone)} rows done earlier`);
  expect(code).toBe(0);
  const after = await progressRow(db().url, PLAN);
  expect(after?.rows_done).toBe(ROWS); // rows done earlier + rows done now, none counted twice
  expect(after?.batches).toBeGreaterThan(before.batches);
  expect(again.stdout()).toContain(
    `public.t: ${n(ROWS)} rows in ${n(after?.batches ?? 0)} batches; no row still needs it.`,
  );
  expect(await count(db().url, `SELECT count(*) FROM t WHERE first_name IS DISTINCT FROM ${FIRST}`)).toBe(0);
}

describe('a backfill stopped half-way', () => {
  it('SIGKILL: the committed batches stay, and the next run resumes after them and finishes', async () => {
    await table();
    const [dir, file] = await writeScript(PLAN, [firstNameStep('t')]);
    const args = ['backfill', file, '--batch-size', '500', '--pause', '20'];
    const first = spawnCli(args, dir, { DATABASE_URL: db().url });
    await batchesDone(5);
    first.kill('SIGKILL');
    expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
    // the server notices the lost connection, rolls back the open batch and lets go of the plan's lock
    await runnerGone(db().url);

    const before = await stoppedState();
    expect(before.batches).toBeGreaterThanOrEqual(5);
    await resume(dir, file, before);
  }, 60_000);

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: finishes the current batch, exits 1 saying to run again, and the next run finishes',
    async (signal) => {
      await table();
      const [dir, file] = await writeScript(PLAN, [firstNameStep('t')]);
      const first = spawnCli(['backfill', file, '--batch-size', '500', '--pause', '20'], dir, {
        DATABASE_URL: db().url,
      });
      await batchesDone(3);
      first.kill(signal);
      const { code } = await first.exit;

      expect(code).toBe(1);
      expect(first.stderr()).toContain(
        `expand-contract: ${signal}: finishing the current batch, then stopping`,
      );
      expect(first.stdout()).toMatch(
        new RegExp(`^Backfill ${PLAN} \\(migrations/002_change\\.sql\\): interrupted in`),
      );
      expect(first.stdout()).toContain('Stopped between batches; run the same command again to continue.');
      expect(first.stderr()).not.toMatch(/internal error|\bat .*\.ts:\d+/);
      // it let go of its connection itself
      await runnerGone(db().url, 1_000);

      const before = await stoppedState();
      // what it printed is what it kept
      expect(first.stdout()).toContain(
        `public.t: ${n(before.rowsDone)} rows in ${n(before.batches)} batches; stopped part-way.`,
      );
      expect(first.stdout()).not.toContain('every key visited');
      await resume(dir, file, before);
    },
    60_000,
  );
});
