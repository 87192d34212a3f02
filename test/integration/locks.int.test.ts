// The lock claims the planner rests on, proven on a real server with two sessions: session A runs a migration
// statement and holds its transaction open; session B, with `SET lock_timeout = '200ms'`, reads or writes the
// same table. The original form makes B fail with lock_not_available (55P03); the safe form lets B through.
//
// Every table is created with autovacuum off: an autovacuum worker holds SHARE UPDATE EXCLUSIVE, the same
// lock as CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT, and would make those steps wait at random.

import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../support/database.js';
import {
  backendPid,
  expectBlocked,
  expectNotBlocked,
  strongestLocks,
  Sessions,
  sqlState,
  waitUntil,
} from '../support/sessions.js';

const ROWS = 5_000;

const db = useFreshDatabase();
const sessions = new Sessions(() => db().url);
// registered after useFreshDatabase, so it runs first: sessions close before the database is dropped
afterEach(() => sessions.closeAll());

/** Session A (runs the migration), session B (the application, probing with a short lock_timeout). */
async function twoSessions(): Promise<{ a: pg.Client; b: pg.Client; aPid: number }> {
  const a = await sessions.connect('session A (migration)');
  const b = await sessions.connect('session B (application)');
  return { a, b, aPid: await backendPid(a) };
}

async function createTable(session: pg.Client): Promise<void> {
  await session.query(`
    CREATE TABLE parent (id integer PRIMARY KEY, name text) WITH (autovacuum_enabled = false);
    INSERT INTO parent (id, name) SELECT g, 'parent ' || g FROM generate_series(1, 100) AS g;
    CREATE TABLE t (id bigint PRIMARY KEY, c integer, p integer) WITH (autovacuum_enabled = false);
    INSERT INTO t (id, c, p) SELECT g, g, g % 100 + 1 FROM generate_series(1, ${ROWS}) AS g;
  `);
}

async function relfilenode(session: pg.Client, table: string): Promise<string> {
  const { rows } = await session.query<{ node: string }>(
    'SELECT pg_relation_filenode($1::regclass) AS node',
    [table],
  );
  return rows[0]?.node ?? '';
}

/** A statement that is still running in the background; the query's rejection is observed, never lost. */
function inBackground(session: pg.Client, sql: string): { done: Promise<unknown>; settled: () => boolean } {
  let settled = false;
  const done = session.query(sql).then(
    (result) => {
      settled = true;
      return result;
    },
    (error: unknown) => {
      settled = true;
      return Promise.reject(error);
    },
  );
  done.catch(() => {});
  return { done, settled: () => settled };
}

describe('CREATE INDEX', () => {
  it('plain CREATE INDEX holds SHARE: reads go on, writes wait', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);

    await a.query('BEGIN');
    await a.query('CREATE INDEX i ON t (c)');
    expect(await strongestLocks(b, aPid, ['t'])).toEqual({ t: 'ShareLock' });

    await expectNotBlocked(b, 'SELECT count(*) FROM t');
    await expectBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);
    await expectBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 1');
    await a.query('ROLLBACK');
  });

  // CREATE INDEX CONCURRENTLY cannot run inside a transaction block, so A cannot "hold" it the way it holds
  // the other statements. Instead A runs it in the background and B writes while it is demonstrably still
  // running. Racing a fast build would be flaky; both tests below hold the build at a point we can observe
  // in pg_stat_activity / pg_stat_progress_create_index before B writes.

  it('CREATE INDEX CONCURRENTLY lets writers through while it waits for an open transaction', async () => {
    // Deterministic hold: CIC's first phase waits for every transaction that was writing to the table when it
    // started ("waiting for writers before build"). Session C keeps one such transaction open, so CIC sits in
    // that phase (holding SHARE UPDATE EXCLUSIVE) for as long as we like. This is also the production case
    // that hurts: a long transaction. A plain CREATE INDEX would queue for SHARE behind C and every writer
    // would queue behind it.
    const { a, b, aPid } = await twoSessions();
    const c = await sessions.connect('session C (long transaction)');
    await createTable(a);
    await c.query('BEGIN');
    await c.query(`INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);

    const build = inBackground(a, 'CREATE INDEX CONCURRENTLY i ON t (c)');
    await waitUntil('CIC waits for the open transaction', async () => {
      const { rows } = await b.query<{ phase: string }>(
        'SELECT phase FROM pg_stat_progress_create_index WHERE pid = $1',
        [aPid],
      );
      return rows[0]?.phase === 'waiting for writers before build';
    });
    expect(await strongestLocks(b, aPid, ['t'])).toEqual({ t: 'ShareUpdateExclusiveLock' });

    await expectNotBlocked(b, 'SELECT count(*) FROM t');
    await expectNotBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 2}, 2)`);
    await expectNotBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 1');
    expect(build.settled()).toBe(false);

    await c.query('COMMIT');
    await build.done;
    const { rows } = await b.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'i'::regclass`,
    );
    expect(rows).toEqual([{ valid: true }]);
  });

  it('CREATE INDEX CONCURRENTLY lets writers through while it scans the table', async () => {
    // Deterministic slow build: the partial-index predicate calls a function that sleeps for one second on
    // one row (declared IMMUTABLE, which index predicates require; PostgreSQL takes our word for it). The
    // build scan evaluates the predicate on every row, so it is stuck in pg_sleep (wait event PgSleep, phase
    // "building index: scanning table") for a second: B's writes, each bounded by a 200 ms lock_timeout,
    // must all finish inside that window. The indexed column is still just `c`.
    const { a, b, aPid } = await twoSessions();
    await createTable(a);
    await a.query(`
      CREATE FUNCTION pause_on_first_row(id bigint) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        IF id = 1 THEN PERFORM pg_sleep(1); END IF;
        RETURN true;
      END $$`);

    const build = inBackground(a, 'CREATE INDEX CONCURRENTLY i ON t (c) WHERE pause_on_first_row(id)');
    await waitUntil('the CIC build scan sleeps on the first row', async () => {
      const { rows } = await b.query<{ phase: string | null; wait: string | null }>(
        `SELECT p.phase, a.wait_event AS wait
           FROM pg_stat_activity a LEFT JOIN pg_stat_progress_create_index p ON p.pid = a.pid
          WHERE a.pid = $1`,
        [aPid],
      );
      return rows[0]?.phase === 'building index: scanning table' && rows[0].wait === 'PgSleep';
    });

    await expectNotBlocked(b, 'SELECT count(*) FROM t');
    await expectNotBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);
    await expectNotBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 2');
    // still building: the writes did not wait for the build to end
    expect(build.settled()).toBe(false);

    await build.done;
    const { rows } = await b.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'i'::regclass`,
    );
    expect(rows).toEqual([{ valid: true }]);
  });
});

describe('SET NOT NULL', () => {
  it('ALTER COLUMN SET NOT NULL holds ACCESS EXCLUSIVE: even reads wait', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);

    await a.query('BEGIN');
    await a.query('ALTER TABLE t ALTER COLUMN c SET NOT NULL');
    expect(await strongestLocks(b, aPid, ['t'])).toEqual({ t: 'AccessExclusiveLock' });

    await expectBlocked(b, 'SELECT count(*) FROM t');
    await expectBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);
    await a.query('ROLLBACK');
  });

  it('CHECK (c IS NOT NULL) NOT VALID, then VALIDATE in its own transaction: reads and writes go on', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);

    // its own short transaction: ACCESS EXCLUSIVE, but only for a catalog change, no scan
    await a.query('ALTER TABLE t ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID');
    // new rows are checked at once, before validation
    const nullInsert = await b.query(`INSERT INTO t (id, c) VALUES (${ROWS + 9}, NULL)`).catch(sqlState);
    expect(nullInsert).toBe('23514');

    await a.query('BEGIN');
    await a.query('ALTER TABLE t VALIDATE CONSTRAINT c_nn');
    expect(await strongestLocks(b, aPid, ['t'])).toEqual({ t: 'ShareUpdateExclusiveLock' });

    await expectNotBlocked(b, 'SELECT count(*) FROM t');
    await expectNotBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);
    await expectNotBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 1');
    await a.query('COMMIT');

    const { rows } = await b.query<{ validated: boolean }>(
      `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'c_nn'`,
    );
    expect(rows).toEqual([{ validated: true }]);
  });
});

describe('FOREIGN KEY', () => {
  it('ADD FOREIGN KEY holds SHARE ROW EXCLUSIVE on both tables: writes to either wait', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);

    await a.query('BEGIN');
    await a.query('ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id)');
    expect(await strongestLocks(b, aPid, ['t', 'parent'])).toEqual({
      parent: 'ShareRowExclusiveLock',
      t: 'ShareRowExclusiveLock',
    });

    await expectNotBlocked(b, 'SELECT count(*) FROM t');
    await expectNotBlocked(b, 'SELECT count(*) FROM parent');
    await expectBlocked(b, `INSERT INTO t (id, c, p) VALUES (${ROWS + 1}, 1, 1)`);
    await expectBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 1');
    await expectBlocked(b, `INSERT INTO parent (id, name) VALUES (1000, 'new')`);
    await expectBlocked(b, `UPDATE parent SET name = 'renamed' WHERE id = 1`);
    await a.query('ROLLBACK');
  });

  it('NOT VALID, then VALIDATE in its own transaction: writes to both tables go on', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);

    await a.query('ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id) NOT VALID');
    const orphan = await b.query(`INSERT INTO t (id, c, p) VALUES (${ROWS + 9}, 1, 999)`).catch(sqlState);
    expect(orphan).toBe('23503');

    await a.query('BEGIN');
    await a.query('ALTER TABLE t VALIDATE CONSTRAINT fk');
    expect(await strongestLocks(b, aPid, ['t', 'parent'])).toEqual({
      parent: 'RowShareLock',
      t: 'ShareUpdateExclusiveLock',
    });

    await expectNotBlocked(b, `INSERT INTO t (id, c, p) VALUES (${ROWS + 1}, 1, 1)`);
    await expectNotBlocked(b, 'UPDATE t SET c = c + 1 WHERE id = 1');
    await expectNotBlocked(b, `INSERT INTO parent (id, name) VALUES (1000, 'new')`);
    await expectNotBlocked(b, `UPDATE parent SET name = 'renamed' WHERE id = 1`);
    await a.query('COMMIT');

    const { rows } = await b.query<{ validated: boolean }>(
      `SELECT convalidated AS validated FROM pg_constraint WHERE conname = 'fk'`,
    );
    expect(rows).toEqual([{ validated: true }]);
  });
});

describe('ALTER COLUMN TYPE', () => {
  it('ALTER COLUMN c TYPE bigint rewrites the table under ACCESS EXCLUSIVE: reads and writes wait', async () => {
    const { a, b, aPid } = await twoSessions();
    await createTable(a);
    const before = await relfilenode(a, 't');

    await a.query('BEGIN');
    await a.query('ALTER TABLE t ALTER COLUMN c TYPE bigint');
    expect(await relfilenode(a, 't')).not.toBe(before); // a new heap file: the table was rewritten
    expect(await strongestLocks(b, aPid, ['t'])).toEqual({ t: 'AccessExclusiveLock' });

    await expectBlocked(b, 'SELECT count(*) FROM t');
    await expectBlocked(b, `INSERT INTO t (id, c) VALUES (${ROWS + 1}, 1)`);
    await a.query('ROLLBACK');
  });

  it('ADD COLUMN c_new bigint is instant; a batched backfill lets writers go on', async () => {
    const { a, b } = await twoSessions();
    await createTable(a);
    const before = await relfilenode(a, 't');

    // expand: a new nullable column without a default is a catalog change only (no rewrite), and the
    // dual-write trigger keeps it in step for writers that only know `c` (old application code)
    await a.query(`SET lock_timeout = '1s'`);
    await a.query('ALTER TABLE t ADD COLUMN c_new bigint');
    expect(await relfilenode(a, 't')).toBe(before);
    await a.query(`
      CREATE FUNCTION t_sync_c_new() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.c_new := NEW.c;
        RETURN NEW;
      END $$;
      CREATE TRIGGER t_sync_c_new BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION t_sync_c_new();
    `);

    // backfill in A, one transaction per batch, while B keeps writing with a 200 ms lock_timeout
    await b.query(`SET lock_timeout = '200ms'`);
    let backfilling = true;
    const writes: number[] = [];
    const writer = (async () => {
      let next = ROWS + 1;
      while (backfilling) {
        const started = performance.now();
        if (next % 2 === 0) await b.query('INSERT INTO t (id, c) VALUES ($1, $2)', [next, next]);
        else await b.query('UPDATE t SET c = c + 1 WHERE id = $1', [((next * 7919) % ROWS) + 1]);
        writes.push(performance.now() - started);
        next++;
        await sleep(1);
      }
    })();
    const batch = 500;
    let batches = 0;
    try {
      for (let low = 1; low <= ROWS; low += batch) {
        await a.query('UPDATE t SET c_new = c WHERE id BETWEEN $1 AND $2 AND c_new IS DISTINCT FROM c', [
          low,
          low + batch - 1,
        ]);
        batches++;
        await sleep(5); // a real backfill pauses between batches too
      }
    } finally {
      backfilling = false;
    }
    await writer; // rejects (and fails the test) if any write hit the lock_timeout

    expect(batches).toBe(ROWS / batch);
    expect(writes.length).toBeGreaterThanOrEqual(batches);
    const { rows } = await a.query<{ behind: string }>(
      'SELECT count(*) AS behind FROM t WHERE c_new IS DISTINCT FROM c',
    );
    expect(rows).toEqual([{ behind: '0' }]);
  });
});

describe('rename column through expand and contract', () => {
  // The dual-write trigger the planner emits for RENAME COLUMN user_name TO display_name. Rules:
  // - INSERT: an old-version writer never names display_name, so it arrives NULL (the expand phase adds the
  //   column without a default, on purpose): copy user_name into it. Otherwise display_name was written by
  //   new code (user_name is NULL, or its own default): copy display_name into user_name.
  // - UPDATE that changed display_name (alone, or together with user_name): new code wrote it, it wins.
  // - UPDATE that changed only user_name, or neither (another column): copy user_name into display_name;
  //   with neither changed this also fills a row the backfill has not reached yet.
  const expandSql = `
    ALTER TABLE users ADD COLUMN display_name text;

    CREATE FUNCTION users_sync_user_name_display_name() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        IF NEW.display_name IS NULL THEN
          NEW.display_name := NEW.user_name;
        ELSE
          NEW.user_name := NEW.display_name;
        END IF;
      ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
        NEW.user_name := NEW.display_name;
      ELSE
        NEW.display_name := NEW.user_name;
      END IF;
      RETURN NEW;
    END
    $$;

    CREATE TRIGGER users_sync_user_name_display_name
      BEFORE INSERT OR UPDATE ON users
      FOR EACH ROW EXECUTE FUNCTION users_sync_user_name_display_name();
  `;
  const contractSql = `
    DROP TRIGGER users_sync_user_name_display_name ON users;
    DROP FUNCTION users_sync_user_name_display_name();
    ALTER TABLE users DROP COLUMN user_name;
  `;

  async function row(session: pg.Client, id: number): Promise<{ user_name: string; display_name: string }> {
    const { rows } = await session.query<{ user_name: string; display_name: string }>(
      'SELECT user_name, display_name FROM users WHERE id = $1',
      [id],
    );
    const found = rows[0];
    if (found === undefined) throw new Error(`no user ${id}`);
    return found;
  }

  it('old and new writers both work and both columns stay equal; backfill; contract', async () => {
    const migration = await sessions.connect('migration');
    const oldApp = await sessions.connect('old-version writer');
    const newApp = await sessions.connect('new-version writer');
    await migration.query(`
      CREATE TABLE users (
        id integer PRIMARY KEY,
        user_name text NOT NULL,
        last_seen timestamptz
      ) WITH (autovacuum_enabled = false);
      INSERT INTO users (id, user_name) SELECT g, 'user ' || g FROM generate_series(1, 3000) AS g;
    `);

    // expand, in one short transaction that gives up rather than queue behind traffic
    await migration.query('BEGIN');
    await migration.query(`SET LOCAL lock_timeout = '1s'`);
    await migration.query(expandSql);
    await migration.query('COMMIT');

    // INSERT naming only the old column / only the new column (user_name is NOT NULL: the BEFORE trigger
    // fills it before the constraint is checked)
    await oldApp.query(`INSERT INTO users (id, user_name) VALUES (10001, 'old insert')`);
    await newApp.query(`INSERT INTO users (id, display_name) VALUES (10002, 'new insert')`);
    expect(await row(newApp, 10001)).toEqual({ user_name: 'old insert', display_name: 'old insert' });
    expect(await row(oldApp, 10002)).toEqual({ user_name: 'new insert', display_name: 'new insert' });

    // UPDATE changing only one of the two, across each other's rows
    await oldApp.query(`UPDATE users SET user_name = 'old update' WHERE id = 10002`);
    expect(await row(newApp, 10002)).toEqual({ user_name: 'old update', display_name: 'old update' });
    await newApp.query(`UPDATE users SET display_name = 'new update' WHERE id = 10001`);
    expect(await row(oldApp, 10001)).toEqual({ user_name: 'new update', display_name: 'new update' });

    // rows from before the expand, not backfilled yet (display_name NULL)
    await oldApp.query(`UPDATE users SET user_name = 'old on old row' WHERE id = 1`);
    expect(await row(newApp, 1)).toEqual({ user_name: 'old on old row', display_name: 'old on old row' });
    await newApp.query(`UPDATE users SET display_name = 'new on old row' WHERE id = 2`);
    expect(await row(oldApp, 2)).toEqual({ user_name: 'new on old row', display_name: 'new on old row' });
    // an UPDATE of neither column fills the copy too
    await oldApp.query('UPDATE users SET last_seen = now() WHERE id = 3');
    expect(await row(newApp, 3)).toEqual({ user_name: 'user 3', display_name: 'user 3' });
    // a writer that sets both to different values: the new column wins
    await newApp.query(`UPDATE users SET user_name = 'ignored', display_name = 'both' WHERE id = 4`);
    expect(await row(oldApp, 4)).toEqual({ user_name: 'both', display_name: 'both' });
    // new code clearing a name the old schema requires is refused, as the old schema would refuse it
    const cleared = await newApp
      .query('UPDATE users SET display_name = NULL WHERE id = 10001')
      .catch(sqlState);
    expect(cleared).toBe('23502');

    // backfill in batches, one transaction each, while both versions keep writing
    await oldApp.query(`SET lock_timeout = '200ms'`);
    await newApp.query(`SET lock_timeout = '200ms'`);
    let backfilling = true;
    let written = 0;
    const keepWriting = async (session: pg.Client, column: 'user_name' | 'display_name', firstId: number) => {
      for (let id = firstId; backfilling; id += 2) {
        await session.query(`INSERT INTO users (id, ${column}) VALUES ($1, $2)`, [id, `${column} ${id}`]);
        await session.query(`UPDATE users SET ${column} = $2 WHERE id = $1`, [
          (id % 3000) + 1,
          `${column} ${id}`,
        ]);
        written += 2;
        await sleep(1);
      }
    };
    const writers = Promise.all([
      keepWriting(oldApp, 'user_name', 20001),
      keepWriting(newApp, 'display_name', 20002),
    ]);
    try {
      for (let low = 1; low <= 3000; low += 1000) {
        await migration.query(
          'UPDATE users SET display_name = user_name WHERE id BETWEEN $1 AND $2 AND display_name IS NULL',
          [low, low + 999],
        );
        await sleep(5);
      }
    } finally {
      backfilling = false;
    }
    await writers;
    expect(written).toBeGreaterThan(0);
    const { rows: drift } = await migration.query<{ unequal: string; missing: string }>(`
      SELECT count(*) FILTER (WHERE display_name IS DISTINCT FROM user_name) AS unequal,
             count(*) FILTER (WHERE display_name IS NULL) AS missing
        FROM users`);
    expect(drift).toEqual([{ unequal: '0', missing: '0' }]);

    // contract, once no old-version code runs: drop the trigger, its function and the old column
    await migration.query('BEGIN');
    await migration.query(`SET LOCAL lock_timeout = '1s'`);
    await migration.query(contractSql);
    await migration.query('COMMIT');

    await newApp.query(`INSERT INTO users (id, display_name) VALUES (10003, 'after contract')`);
    const { rows } = await newApp.query('SELECT display_name FROM users WHERE id = 10003');
    expect(rows).toEqual([{ display_name: 'after contract' }]);
    const late = await oldApp
      .query(`INSERT INTO users (id, user_name) VALUES (10004, 'too late')`)
      .catch(sqlState);
    expect(late).toBe('42703'); // undefined_column: why the contract waits until old code is gone
  });
});
