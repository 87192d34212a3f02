// The lock trace on PGlite: what pg_locks and pg_class report for the statements the planner cares
// about, that the traced run leaves nothing behind, and verifyPlan with `trace`. Each PGlite costs
// ~2 s and ~760 MB, so the statement tests share one.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite.js';
import { loadParser } from '../../src/parse/index.js';
import { runsOutsideTransaction, traceStatement } from '../../src/verify/trace.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';

const HISTORY = `CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE users (id serial PRIMARY KEY, org_id integer, age integer, email text);
CREATE TABLE teams (id integer PRIMARY KEY, org_id integer);
INSERT INTO orgs VALUES (1, 'a');
INSERT INTO users (org_id, age) VALUES (1, 30), (1, 40);
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs NOT VALID;`;

describe('traceStatement', () => {
  let db: Database;
  const one = async <T extends object>(sql: string): Promise<T> => (await db.query<T>(sql))[0] as T;
  const exists = async (name: string): Promise<boolean> =>
    (await one<{ oid: unknown }>(`SELECT to_regclass('${name}') AS oid`)).oid !== null;
  const columnType = async (column: string): Promise<string | undefined> =>
    (
      await db.query<{ t: string }>(
        `SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute
          WHERE attrelid = 'users'::regclass AND attname = $1 AND NOT attisdropped`,
        [column],
      )
    )[0]?.t;

  beforeAll(async () => {
    await loadParser();
    db = await openPglite();
    await db.exec(HISTORY);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('ALTER COLUMN TYPE bigint: ACCESS EXCLUSIVE and a rewrite, rolled back', async () => {
    const t = await traceStatement(db, 'ALTER TABLE users ALTER COLUMN age TYPE bigint');
    expect(t.traced).toBe(true);
    expect(t.locks[0]).toEqual({ relation: 'public.users', kind: 'table', mode: 'ACCESS EXCLUSIVE' });
    expect(t.locks).toContainEqual({
      relation: 'public.users_pkey',
      kind: 'index',
      mode: 'ACCESS EXCLUSIVE',
    });
    expect(t.rewritten).toEqual(['public.users', 'public.users_pkey']);
    expect(t.ms).toBeGreaterThanOrEqual(0);
    expect(t.locks.map((l) => l.relation).filter((r) => /^pg_/.test(r))).toEqual([]);
    expect(await columnType('age')).toBe('integer');
  });

  it('ADD COLUMN nullable: ACCESS EXCLUSIVE, no rewrite, and the column is gone afterwards', async () => {
    const t = await traceStatement(db, 'ALTER TABLE users ADD COLUMN nickname text');
    expect(t).toEqual({
      sql: 'ALTER TABLE users ADD COLUMN nickname text',
      traced: true,
      locks: [{ relation: 'public.users', kind: 'table', mode: 'ACCESS EXCLUSIVE' }],
      rewritten: [],
      ms: expect.any(Number),
    });
    expect(await columnType('nickname')).toBeUndefined();
  });

  it('CREATE INDEX: SHARE on the table; the new index is named in the note and does not remain', async () => {
    const t = await traceStatement(db, 'CREATE INDEX users_email_idx ON users (email)');
    expect(t.locks).toEqual([{ relation: 'public.users', kind: 'table', mode: 'SHARE' }]);
    expect(t.rewritten).toEqual([]);
    expect(t.note).toMatch(/^creates public\.users_email_idx /);
    expect(await exists('users_email_idx')).toBe(false);
  });

  it('CREATE INDEX CONCURRENTLY: not traced, with the documented lock', async () => {
    const sql = 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email)';
    expect(runsOutsideTransaction(sql)).toBe(true);
    expect(await traceStatement(db, sql)).toEqual({
      sql,
      traced: false,
      locks: [],
      rewritten: [],
      ms: 0,
      note: 'runs outside a transaction (CONCURRENTLY): not traced; PostgreSQL documents SHARE UPDATE EXCLUSIVE',
    });
    expect(await exists('users_email_idx')).toBe(false);
  });

  it('ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables', async () => {
    const t = await traceStatement(
      db,
      'ALTER TABLE teams ADD CONSTRAINT teams_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)',
    );
    const tables = t.locks.filter((l) => l.kind === 'table');
    expect(tables).toEqual([
      { relation: 'public.orgs', kind: 'table', mode: 'SHARE ROW EXCLUSIVE' },
      { relation: 'public.teams', kind: 'table', mode: 'SHARE ROW EXCLUSIVE' },
    ]);
    const left = await one<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'teams_org_fk'",
    );
    expect(left.n).toBe(0);
  });

  it('VALIDATE CONSTRAINT: SHARE UPDATE EXCLUSIVE on the table', async () => {
    const t = await traceStatement(db, 'ALTER TABLE users VALIDATE CONSTRAINT users_org_fk');
    expect(t.locks[0]).toEqual({ relation: 'public.users', kind: 'table', mode: 'SHARE UPDATE EXCLUSIVE' });
    expect(t.locks.find((l) => l.relation === 'public.orgs')?.mode).toBe('ROW SHARE');
    const fk = await one<{ v: boolean }>(
      "SELECT convalidated AS v FROM pg_constraint WHERE conname = 'users_org_fk'",
    );
    expect(fk.v).toBe(false);
  });

  it('DROP TABLE: the lock on the dropped table is named, and the table remains', async () => {
    const t = await traceStatement(db, 'DROP TABLE teams');
    expect(t.locks[0]).toEqual({ relation: 'public.teams', kind: 'table', mode: 'ACCESS EXCLUSIVE' });
    expect(await exists('teams')).toBe(true);
  });

  it('sets back the sequences an INSERT advanced', async () => {
    const before = await one<{ v: string }>('SELECT last_value::text AS v FROM users_id_seq');
    const t = await traceStatement(db, 'INSERT INTO users (org_id, age) VALUES (1, 50), (1, 60)');
    expect(t.locks[0]).toEqual({ relation: 'public.users', kind: 'table', mode: 'ROW EXCLUSIVE' });
    expect(t.locks).toContainEqual({
      relation: 'public.users_id_seq',
      kind: 'sequence',
      mode: 'ROW EXCLUSIVE',
    });
    expect(await one<{ v: string }>('SELECT last_value::text AS v FROM users_id_seq')).toEqual(before);
    expect(await one<{ n: number }>('SELECT count(*)::int AS n FROM users')).toEqual({ n: 2 });
  });

  it('a failing statement rethrows and leaves the session usable, outside any transaction', async () => {
    await expect(traceStatement(db, 'ALTER TABLE users ADD COLUMN email text')).rejects.toThrow(
      /column "email" of relation "users" already exists/,
    );
    await expect(db.exec('SAVEPOINT probe')).rejects.toThrow(/transaction blocks/);
    expect(await one<{ n: number }>('SELECT count(*)::int AS n FROM users')).toEqual({ n: 2 });
    const t = await traceStatement(db, 'ALTER TABLE users ADD COLUMN nickname text');
    expect(t.traced).toBe(true);
  });

  it("inside the migration's own BEGIN: a savepoint, so the earlier statements survive", async () => {
    await db.exec('BEGIN');
    try {
      await db.exec('CREATE TABLE scratch (id integer)');
      await db.exec('LOCK TABLE orgs IN SHARE MODE');
      const t = await traceStatement(db, 'ALTER TABLE orgs ADD COLUMN extra text');
      expect(t.locks).toEqual([{ relation: 'public.orgs', kind: 'table', mode: 'ACCESS EXCLUSIVE' }]);
      expect(t.note).toMatch(/own transaction/);
      expect(await exists('scratch')).toBe(true);
      expect(await exists('orgs')).toBe(true);
    } finally {
      await db.exec('ROLLBACK');
    }
  });

  it('does not trace transaction control, or a DO block that commits', async () => {
    expect(await traceStatement(db, 'COMMIT')).toMatchObject({
      traced: false,
      note: 'transaction control (COMMIT): not traced',
    });
    const commits = 'DO $$BEGIN UPDATE users SET age = age + 1; COMMIT; END$$';
    expect(runsOutsideTransaction(commits)).toBe(true);
    expect(await traceStatement(db, commits)).toMatchObject({
      traced: false,
      note: 'runs outside a transaction (COMMIT or ROLLBACK inside DO): not traced',
    });
    expect(await one<{ n: number }>('SELECT sum(age)::int AS n FROM users')).toEqual({ n: 70 });
  });

  it('falls back on the server when the parser cannot tell (a procedure that commits)', async () => {
    await db.exec(
      `CREATE PROCEDURE bump() LANGUAGE plpgsql AS $$BEGIN UPDATE users SET age = age; COMMIT; END$$`,
    );
    expect(runsOutsideTransaction('CALL bump()')).toBe(false);
    const t = await traceStatement(db, 'CALL bump()');
    expect(t.traced).toBe(false);
    expect(t.note).toMatch(/^cannot run inside a transaction block \(.*\): not traced$/);
  });
});

describe('runsOutsideTransaction', () => {
  beforeAll(() => loadParser());

  it.each([
    ['DROP INDEX CONCURRENTLY users_email_idx', true],
    ['REINDEX INDEX CONCURRENTLY users_pkey', true],
    ['REINDEX (CONCURRENTLY) TABLE users', true],
    ['REINDEX TABLE users', false],
    ['VACUUM users', true],
    ['VACUUM (FULL) users', true],
    ['ANALYZE users', false],
    ['CLUSTER', true],
    ['CLUSTER users USING users_pkey', false],
    ['ALTER TABLE p DETACH PARTITION c CONCURRENTLY', true],
    ['ALTER TABLE p DETACH PARTITION c', false],
    ["ALTER SYSTEM SET work_mem = '8MB'", true],
    ['CREATE DATABASE other', true],
    ['DO $$BEGIN PERFORM 1; END$$', false],
    ['DO $$BEGIN PERFORM 1; ROLLBACK; END$$', true],
    ['CREATE INDEX users_email_idx ON users (email)', false],
    ['SELECT 1; CREATE INDEX CONCURRENTLY i ON t (c)', true],
  ])('%s -> %s', (sql, outside) => {
    expect(runsOutsideTransaction(sql)).toBe(outside);
  });
});

describe('verifyPlan with trace', () => {
  it('traces the original rename and each phase of its plan', async () => {
    const history = readFileSync('examples/rename-column/migrations/001_create_users.sql', 'utf8');
    const sql = readFileSync('examples/rename-column/migrations/002_rename_user_name.sql', 'utf8');
    const plan = await planOf(history, sql);
    const result = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan,
      trace: true,
    });
    expect(result.ok).toBe(true);
    const phases = result.trace ?? [];
    expect(phases.map((p) => p.phase)).toEqual([
      'original',
      ...(['expand', plan.backfill ? 'backfill' : null, plan.contract ? 'contract' : null].filter(
        Boolean,
      ) as string[]),
    ]);
    const [original, expand] = phases;
    expect(original?.statements).toEqual([
      expect.objectContaining({
        sql: 'ALTER TABLE users RENAME COLUMN user_name TO display_name',
        traced: true,
        locks: [{ relation: 'public.users', kind: 'table', mode: 'ACCESS EXCLUSIVE' }],
        rewritten: [],
      }),
    ]);
    expect(expand?.statements.length).toBeGreaterThan(0);
    expect(expand?.statements.some((s) => s.traced && s.locks.length > 0)).toBe(true);
    expect(expand?.statements.every((s) => s.traced || /transaction/.test(s.note ?? ''))).toBe(true);
  }, 60_000);
});
