// The SQL the planner GENERATES, run on a real server with two sessions (locks.int.test.ts proves the same
// lock claims on hand-written SQL). For each breaking statement:
// - the original, held open by session A, makes session B (the application, `lock_timeout = '200ms'`) wait;
// - the plan runs the way a framework runs it: the expand file in one transaction, each `later` migration
//   in its own transaction (or on its own, outside any, for CREATE INDEX CONCURRENTLY), the backfill script
//   outside a transaction (it commits per batch), then the contract. A transactional step is held open while
//   B probes; an `outsideTransaction` step is caught while still running (session C keeps a write
//   transaction open, which CREATE INDEX CONCURRENTLY must wait for), and B probes then;
// - the schema reached equals the one the original statement gives, read from pg_catalog and compared with a
//   copy of the tables in schema `original` on which the original statement ran.
//
// The expand phases that add a column, a NOT VALID constraint or a trigger take a strong lock (ACCESS
// EXCLUSIVE, or SHARE ROW EXCLUSIVE for a foreign key) for a catalog change only: B waits while that
// transaction is held open, which the tests assert, and its writes go on while the file runs as a framework
// runs it (committed at once). The long parts (building the index, validating, backfilling) let B through.
//
// Every table is created with autovacuum off (see locks.int.test.ts): an autovacuum worker holds SHARE
// UPDATE EXCLUSIVE and would make CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT wait at random.

import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../src/parse/index.js';
import { statementsOf } from '../../src/plan/naming/statements.js';
import type { MigrationPlan } from '../../src/plan/types.js';
import { planOf } from '../plan/helpers.js';
import { useFreshDatabase } from '../support/database.js';
import {
  backendPid,
  expectBlocked,
  expectNotBlocked,
  type LockMode,
  Sessions,
  sqlState,
  strongestLocks,
  waitUntil,
} from '../support/sessions.js';

const ROWS = 5_000;
const TABLES = `
  CREATE TABLE parent (id integer PRIMARY KEY, name text) WITH (autovacuum_enabled = false);
  CREATE TABLE t (id bigint PRIMARY KEY, c integer, p integer) WITH (autovacuum_enabled = false);`;
const ROWS_SQL = `
  INSERT INTO parent (id, name) SELECT g, 'parent ' || g FROM generate_series(1, 100) AS g;
  INSERT INTO t (id, c, p) SELECT g, g, g % 100 + 1 FROM generate_series(1, ${ROWS}) AS g;`;

const db = useFreshDatabase();
const sessions = new Sessions(() => db().url);
// registered after useFreshDatabase, so it runs first: sessions close before the database is dropped
afterEach(() => sessions.closeAll());
beforeAll(() => loadParser());

/** The statements of a generated SQL text (null or empty: none). */
const statements = (sql: string | null): string[] => (sql ? statementsOf(sql).map((s) => s.text) : []);

/** Runs a transactional migration file in A, holding its transaction open while `probe` runs in B. */
async function heldOpen(
  a: pg.Client,
  sql: string,
  probe: () => Promise<void>,
  end = 'COMMIT',
): Promise<void> {
  await a.query('BEGIN');
  for (const statement of statements(sql)) await a.query(statement);
  await probe();
  await a.query(end);
}

/** Runs a transactional migration file in A and commits at once, as a framework does. */
const runFile = (a: pg.Client, sql: string | null): Promise<void> => heldOpen(a, sql ?? '', async () => {});

/**
 * Runs `work` while `write` keeps going in a loop in another session (lock_timeout 200 ms there). A write
 * that waits for a lock longer than that rejects, and fails the test. Returns how many writes ran.
 */
async function whileWriting(
  writers: Array<{ session: pg.Client; write: (i: number) => Promise<unknown> }>,
  work: () => Promise<unknown>,
): Promise<number> {
  let running = true;
  let writes = 0;
  const loops = writers.map(async ({ session, write }) => {
    await session.query(`SET lock_timeout = '200ms'`);
    for (let i = 0; running || i === 0; i++) {
      await write(i);
      writes++;
      await sleep(1);
    }
  });
  const all = Promise.all(loops);
  all.catch(() => {}); // observed below; a write that fails early must not be an unhandled rejection
  try {
    await work();
  } finally {
    running = false;
  }
  await all;
  return writes;
}

let nextId = ROWS;
/** What the application does to each table: one INSERT and one UPDATE, valid under every constraint. */
function writesTo(table: 't' | 'parent'): string[] {
  nextId++;
  return table === 't'
    ? [`INSERT INTO t (id, c, p) VALUES (${nextId}, ${nextId}, 1)`, 'UPDATE t SET c = c + 1 WHERE id = 1']
    : [
        `INSERT INTO parent (id, name) VALUES (${nextId}, 'new')`,
        `UPDATE parent SET name = 'x' WHERE id = 1`,
      ];
}

/** Columns, indexes (valid or not), constraints (validated or not), triggers and functions of a schema. */
async function schemaOf(session: pg.Client, schema: string): Promise<string[]> {
  const { rows } = await session.query<{ line: string }>(
    `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END AS line
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = $1::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     UNION ALL
     SELECT 'index ' || pg_get_indexdef(i.indexrelid)
              || CASE WHEN i.indisvalid AND i.indisready THEN '' ELSE ' INVALID' END
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relnamespace = $1::regnamespace
     UNION ALL
     SELECT 'constraint ' || c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
              || CASE WHEN k.convalidated THEN '' ELSE ' NOT VALIDATED' END
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = $1::regnamespace
     UNION ALL
     SELECT 'trigger ' || g.tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
      WHERE c.relnamespace = $1::regnamespace AND NOT g.tgisinternal
     UNION ALL
     SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = $1::regnamespace
     ORDER BY line`,
    [schema],
  );
  return rows.map((r) => r.line.replaceAll(`${schema}.`, ''));
}

interface Case {
  original: string;
  /** Which of B's statements the original makes wait: ACCESS EXCLUSIVE makes reads wait too. */
  originalBlocksReads: boolean;
  /** Tables B writes while each phase runs. */
  tables: Array<'t' | 'parent'>;
  /** Strongest locks A holds while the expand transaction is open; null when the expand phase is empty. */
  expandLocks: Record<string, LockMode> | null;
  /** The planned schema differs from the original's only by this documented name (`from` -> `to`). */
  renamed?: { from: string; to: string };
}

const CASES: Case[] = [
  { original: 'CREATE INDEX i ON t (c)', originalBlocksReads: false, tables: ['t'], expandLocks: null },
  {
    original: 'ALTER TABLE t ALTER COLUMN c SET NOT NULL',
    originalBlocksReads: true,
    tables: ['t'],
    expandLocks: { t: 'AccessExclusiveLock' },
  },
  {
    original: 'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES parent (id)',
    originalBlocksReads: false,
    tables: ['t', 'parent'],
    expandLocks: { t: 'ShareRowExclusiveLock', parent: 'ShareRowExclusiveLock' },
  },
  {
    // change-column-type keeps the replacement's name `c_new` (a rename back is a migration of its own)
    original: 'ALTER TABLE t ALTER COLUMN c TYPE bigint',
    originalBlocksReads: true,
    tables: ['t'],
    expandLocks: { t: 'AccessExclusiveLock' },
    renamed: { from: 't.c_new ', to: 't.c ' },
  },
];

describe.each(CASES)('the generated plan for $original', (spec) => {
  it('the original blocks the application; each generated phase lets it write; same schema at the end', async () => {
    const a = await sessions.connect('session A (migration)');
    const b = await sessions.connect('session B (application)');
    const aPid = await backendPid(a);
    const tables = spec.tables;
    await a.query(`CREATE SCHEMA original; SET search_path = original; ${TABLES} ${spec.original};
                   RESET search_path; ${TABLES} ${ROWS_SQL}`);
    const plan: MigrationPlan = await planOf(TABLES, `${spec.original};`, { batchSize: 500 });
    expect(plan.unplanned).toEqual([]);
    expect(plan.placeholders).toEqual([]);
    expect(plan.transactional).toBe(true);

    // 1. the original statement, held open: B's writes (and reads, under ACCESS EXCLUSIVE) wait
    await heldOpen(
      a,
      spec.original,
      async () => {
        if (spec.originalBlocksReads) await expectBlocked(b, 'SELECT count(*) FROM t');
        else await expectNotBlocked(b, 'SELECT count(*) FROM t');
        for (const table of tables) for (const write of writesTo(table)) await expectBlocked(b, write);
      },
      'ROLLBACK',
    );

    // 2. expand: a catalog change under a strong lock; held open, B's writes wait (rolled back after)...
    if (spec.expandLocks === null) {
      expect(statements(plan.expand)).toEqual([]);
    } else {
      const node = await a.query<{ n: string }>(`SELECT pg_relation_filenode('t') AS n`);
      await heldOpen(
        a,
        plan.expand,
        async () => {
          expect(await strongestLocks(b, aPid, tables)).toEqual(spec.expandLocks);
          for (const table of tables) await expectBlocked(b, writesTo(table)[0] ?? '');
        },
        'ROLLBACK',
      );
      // ...run as the framework runs it (committed at once), B keeps writing throughout
      const writes = await whileWriting([{ session: b, write: () => b.query(writesTo('t')[0] ?? '') }], () =>
        runFile(a, plan.expand),
      );
      expect(writes).toBeGreaterThan(0);
      // no table rewrite
      expect((await a.query(`SELECT pg_relation_filenode('t') AS n`)).rows).toEqual(node.rows);
    }

    // 3. later migrations: B writes while each one runs
    for (const step of plan.later) {
      if (!step.outsideTransaction) {
        await heldOpen(a, step.sql, async () => {
          for (const table of tables) for (const write of writesTo(table)) await expectNotBlocked(b, write);
        });
        continue;
      }
      const [only, ...rest] = statements(step.sql);
      expect(rest).toEqual([]);
      // C's open write transaction holds the step in its wait phase, where we can watch it
      const c = await sessions.connect('session C (long transaction)');
      await c.query('BEGIN');
      await c.query(writesTo('t')[0] ?? '');
      let settled = false;
      const running = a.query(only ?? '').finally(() => (settled = true));
      running.catch(() => {});
      await waitUntil('the step waits for session C', async () => {
        const { rows } = await b.query<{ wait: string | null }>(
          'SELECT wait_event_type AS wait FROM pg_stat_activity WHERE pid = $1',
          [aPid],
        );
        return rows[0]?.wait === 'Lock';
      });
      for (const table of tables) for (const write of writesTo(table)) await expectNotBlocked(b, write);
      expect(settled).toBe(false);
      await c.query('COMMIT');
      await running;
    }

    // 4. backfill: one script committing per batch, outside a transaction block, while B writes
    if (plan.backfill !== null) {
      const backfill = statements(plan.backfill);
      const writes = await whileWriting(
        [
          {
            session: b,
            write: (i) => b.query('UPDATE t SET c = c + 1 WHERE id = $1', [((i * 7919) % ROWS) + 1]),
          },
        ],
        async () => {
          for (const statement of backfill) await a.query(statement);
        },
      );
      expect(writes).toBeGreaterThan(0);
      const { rows } = await a.query<{ behind: string }>(
        'SELECT count(*) AS behind FROM t WHERE c_new IS DISTINCT FROM c::bigint',
      );
      expect(rows).toEqual([{ behind: '0' }]);
    }

    // 5. contract; then the schema is the one the original statement gives
    await runFile(a, plan.contract);
    let planned = await schemaOf(a, 'public');
    if (spec.renamed) {
      const { from, to } = spec.renamed;
      expect(planned.filter((line) => line.startsWith(from))).toHaveLength(1);
      planned = planned.map((line) => (line.startsWith(from) ? to + line.slice(from.length) : line)).sort();
    }
    expect(planned).toEqual(await schemaOf(a, 'original'));
  });
});

describe('the generated plan for RENAME COLUMN', () => {
  const USERS = `CREATE TABLE users (id integer PRIMARY KEY, user_name text NOT NULL, last_seen timestamptz)
    WITH (autovacuum_enabled = false);`;
  const USERS_ROWS = 3_000;

  it('old and new writers both work through the expand and backfill; the contract ends at display_name', async () => {
    const migration = await sessions.connect('migration');
    const oldApp = await sessions.connect('old-version writer');
    const newApp = await sessions.connect('new-version writer');
    await migration.query(`${USERS}
      INSERT INTO users (id, user_name) SELECT g, 'user ' || g FROM generate_series(1, ${USERS_ROWS}) AS g;`);
    const expected = new Map<number, string>();
    for (let id = 1; id <= USERS_ROWS; id++) expected.set(id, `user ${id}`);

    const plan = await planOf(USERS, 'ALTER TABLE users RENAME COLUMN user_name TO display_name;', {
      batchSize: 100,
    });
    expect(plan.recipes.map((r) => r.recipe)).toContain('rename-column');
    expect(plan.later).toEqual([]);
    expect(plan.expand).toMatch(/CREATE TRIGGER/);
    await runFile(migration, plan.expand);

    /** Every row by id. */
    const rowsOf = async (): Promise<Map<number, { user_name: string | null; display_name: string }>> => {
      const { rows } = await migration.query<{ id: number; user_name: string | null; display_name: string }>(
        'SELECT id, user_name, display_name FROM users',
      );
      return new Map(rows.map(({ id, ...row }) => [id, row]));
    };
    type Column = 'user_name' | 'display_name';
    /** An INSERT (a new id) or UPDATE naming only `column`, as one version of the application writes. */
    const write = async (session: pg.Client, column: Column, id: number, value: string, insert = false) => {
      await session.query(
        insert
          ? `INSERT INTO users (id, ${column}) VALUES ($1, $2)`
          : `UPDATE users SET ${column} = $2 WHERE id = $1`,
        [id, value],
      );
      expected.set(id, value);
    };

    // each version names only its own column: INSERT, UPDATE across each other's rows, and on rows the
    // backfill has not reached yet, plus an UPDATE of neither column on such a row
    await write(oldApp, 'user_name', 10001, 'old', true);
    await write(newApp, 'display_name', 10002, 'new', true);
    await write(oldApp, 'user_name', 10002, 'old on new');
    await write(newApp, 'display_name', 10001, 'new on old');
    await write(oldApp, 'user_name', 1, 'old, not backfilled');
    await write(newApp, 'display_name', 2, 'new, not backfilled');
    const untouched = await oldApp.query('UPDATE users SET last_seen = now() WHERE id = 3').catch(sqlState);
    expect(untouched, 'an UPDATE of another column on a row not backfilled yet').not.toBe('23514');
    let rows = await rowsOf();
    for (const id of [10001, 10002, 1, 2]) {
      expect(rows.get(id)).toEqual({ user_name: expected.get(id), display_name: expected.get(id) });
    }

    // the generated backfill (a DO block committing per batch) outside a transaction block, while both
    // versions keep writing concurrently: the old one odd rows, the new one even rows, each inserting too
    const backfill = statements(plan.backfill);
    expect(backfill.length).toBeGreaterThan(0);
    const writer = (session: pg.Client, column: Column, parity: number) => ({
      session,
      write: async (i: number) => {
        const inserted = 20_000 + 2 * i + parity;
        const value = `${column} ${i}`;
        await write(session, column, inserted, value, true);
        const updated = ((i * 37) % (USERS_ROWS / 2 - 2)) * 2 + 5 + parity; // rows 5-3000, not 1-4
        await write(session, column, updated, value);
      },
    });
    const writes = await whileWriting(
      [writer(oldApp, 'user_name', 1), writer(newApp, 'display_name', 0)],
      async () => {
        for (const statement of backfill) await migration.query(statement);
      },
    );
    expect(writes).toBeGreaterThan(0);
    rows = await rowsOf();
    const drift = [...rows].filter(
      ([id, row]) => row.user_name !== row.display_name || row.display_name !== expected.get(id),
    );
    expect(drift).toEqual([]);

    // contract, then only display_name is left, NOT NULL, every value right
    await runFile(migration, plan.contract);
    const { rows: columns } = await migration.query<{ column: string; type: string; notnull: boolean }>(
      `SELECT attname AS column, format_type(atttypid, atttypmod) AS type, attnotnull AS notnull
         FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    );
    expect(columns).toEqual([
      { column: 'id', type: 'integer', notnull: true },
      { column: 'last_seen', type: 'timestamp with time zone', notnull: false },
      { column: 'display_name', type: 'text', notnull: true },
    ]);
    const { rows: final } = await migration.query<{ id: number; display_name: string }>(
      'SELECT id, display_name FROM users',
    );
    expect(final).toHaveLength(expected.size);
    expect(final.filter(({ id, display_name }) => expected.get(id) !== display_name)).toEqual([]);
    const { rows: leftovers } = await migration.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'users'::regclass AND NOT tgisinternal
       UNION ALL SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'c'`,
    );
    expect(leftovers).toEqual([]);
  });
});
