// The keys a backfill walks, on the real server: a sparse key with deleted ranges, a composite primary key,
// a uuid primary key, a table without a primary key walked by a unique index over NOT NULL columns, and a
// table with no usable key at all (exit 2, one line). Every row that needs the step is filled; rows the
// application already wrote are left as they are.
import { describe, expect, it } from 'vitest';
import { runBackfill, type BackfillEvent } from '../../src/backfill/runner.js';
import { cli } from '../cli/helpers.js';
import { useFreshDatabase } from '../support/database.js';
import { count, FIRST, firstNameStep, planOf, progressRow, query, writeScript } from './helpers.js';

const db = useFreshDatabase();

/** Rows whose first_name is not what it must be after the run (`expected` saved before it). */
const WRONG = `SELECT count(*) FROM expected e FULL JOIN %T t USING (%K)
  WHERE e.first_name IS DISTINCT FROM t.first_name`;
const wrong = (table: string, key: string): Promise<number> =>
  count(db().url, WRONG.replace('%T', table).replace('%K', key));

/**
 * What every row must hold afterwards: the application's value where it wrote one, else the step's value
 * (NULL where full_name is NULL: nothing to write).
 */
const saveExpected = (table: string, key: string): Promise<unknown> =>
  query(
    db().url,
    `CREATE TABLE expected AS SELECT ${key}, coalesce(first_name, ${FIRST}) AS first_name FROM ${table}`,
  );

const needing = (table: string): Promise<number> =>
  count(db().url, `SELECT count(*) FROM ${table} WHERE first_name IS NULL AND full_name IS NOT NULL`);

async function run(planId: string, table: string, batchSize: number, key?: string[] | null) {
  const events: BackfillEvent[] = [];
  const result = await runBackfill({
    databaseUrl: db().url,
    plan: planOf(planId, [firstNameStep(table, key)]),
    batchSize,
    onEvent: (e) => events.push(e),
  });
  const start = events.find((e) => e.kind === 'step-start');
  const largest = Math.max(...events.map((e) => (e.kind === 'batch' ? e.rows : 0)));
  return { result, step: result.steps[0], start: start?.kind === 'step-start' ? start : undefined, largest };
}

describe('a key with gaps', () => {
  it('fills every row that needs it across deleted ranges and sparse ids, and leaves written rows alone', async () => {
    await query(
      db().url,
      `CREATE TABLE people (id bigint PRIMARY KEY, full_name text, first_name text);
       INSERT INTO people (id, full_name) SELECT g * 37, 'First' || g || ' Last' || g FROM generate_series(1, 6000) g;
       DELETE FROM people WHERE id BETWEEN 37 * 1000 AND 37 * 3500;     -- a deleted range of 2,500 keys
       DELETE FROM people WHERE id % 5 = 0;                              -- holes everywhere
       INSERT INTO people (id, full_name) VALUES (-43, 'Negative Key'), (9000000000000001, 'Far Away');
       UPDATE people SET first_name = 'App' || id WHERE id % 7 = 0;      -- written by the new code already
       UPDATE people SET full_name = NULL WHERE id % 11 = 0 AND first_name IS NULL;`,
    );
    await saveExpected('people', 'id');
    const todo = await needing('people');
    const written = await count(db().url, "SELECT count(*) FROM people WHERE first_name LIKE 'App%'");
    expect(todo).toBeGreaterThan(2_000);
    expect(await wrong('people', 'id')).toBe(todo);

    const { result, step, largest } = await run('ec-00000000000000b1', 'people', 97);

    expect(await wrong('people', 'id')).toBe(0);
    expect(
      await count(db().url, 'SELECT count(*) FROM people WHERE id = -43 AND first_name = $1', ['Negative']),
    ).toBe(1);
    expect(
      await count(db().url, 'SELECT count(*) FROM people WHERE id = 9000000000000001 AND first_name = $1', [
        'Far',
      ]),
    ).toBe(1);
    // the application's values are still there, untouched
    expect(await count(db().url, "SELECT count(*) FROM people WHERE first_name LIKE 'App%'")).toBe(written);
    expect(result.interrupted).toBe(false);
    expect(step).toMatchObject({ name: 'public.people', rowsDone: todo, remaining: 0, passes: 1 });
    // batches of at most 97 rows however sparse the key: at least as many as 97-row slices of the table
    expect(largest).toBeLessThanOrEqual(97);
    const rows = await count(db().url, 'SELECT count(*) FROM people');
    expect(step?.batches).toBeGreaterThanOrEqual(Math.ceil(rows / 97));
    expect(await progressRow(db().url, 'ec-00000000000000b1')).toMatchObject({ rows_done: todo });
  });
});

describe('keys of several columns and of other types', () => {
  it('walks a composite primary key (tenant_id int, id bigint), batches crossing tenants', async () => {
    await query(
      db().url,
      `CREATE TABLE accounts (tenant_id int, id bigint, full_name text, first_name text, PRIMARY KEY (tenant_id, id));
       INSERT INTO accounts (tenant_id, id, full_name)
         SELECT t, i, 'T' || t || 'n' || i || ' Surname' FROM generate_series(1, 7) t, generate_series(1, 700) i
          WHERE (t + i) % 9 <> 0;
       DELETE FROM accounts WHERE tenant_id = 4;                          -- a whole tenant gone
       UPDATE accounts SET first_name = 'Kept' WHERE id % 13 = 0;`,
    );
    await saveExpected('accounts', 'tenant_id, id');
    const todo = await needing('accounts');

    const { step, start } = await run('ec-00000000000000b2', 'accounts', 64, ['tenant_id', 'id']);

    expect(await wrong('accounts', 'tenant_id, id')).toBe(0);
    expect(step).toMatchObject({ rowsDone: todo, remaining: 0 });
    expect(start?.table.keySource).toBe('primary key');
    expect(start?.table.key.map((k) => k.name)).toEqual(['tenant_id', 'id']);
    expect(await count(db().url, "SELECT count(*) FROM accounts WHERE first_name = 'Kept'")).toBe(
      await count(db().url, "SELECT count(*) FROM expected WHERE first_name = 'Kept'"),
    );
    // the cursor is kept as the key's two values
    expect((await progressRow(db().url, 'ec-00000000000000b2'))?.cursor).toHaveLength(2);
  });

  it('walks a uuid primary key', async () => {
    await query(
      db().url,
      `CREATE TABLE devices (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), full_name text, first_name text);
       INSERT INTO devices (full_name) SELECT 'Device' || g || ' X' FROM generate_series(1, 3000) g;
       UPDATE devices SET first_name = 'Mine' WHERE full_name LIKE 'Device1%';`,
    );
    await saveExpected('devices', 'id');
    const todo = await needing('devices');

    const { step, start } = await run('ec-00000000000000b3', 'devices', 128);

    expect(await wrong('devices', 'id')).toBe(0);
    expect(step).toMatchObject({ rowsDone: todo, remaining: 0 });
    expect(start?.table.key).toEqual([{ name: 'id', type: 'uuid' }]);
    expect(step?.batches).toBeGreaterThanOrEqual(Math.ceil(3000 / 128));
  });

  it('walks a table without a primary key by its unique index over NOT NULL columns, and says so', async () => {
    await query(
      db().url,
      `CREATE TABLE legacy (code text NOT NULL, alt int, full_name text, first_name text);
       CREATE UNIQUE INDEX legacy_alt_key ON legacy (alt);                -- nullable: cannot be walked
       CREATE UNIQUE INDEX legacy_code_key ON legacy (code);
       INSERT INTO legacy (code, alt, full_name)
         SELECT CASE WHEN g % 2 = 0 THEN 'K-' ELSE 'k-' END || lpad(g::text, 5, '0'), CASE WHEN g % 50 <> 0 THEN g END,
                'Leg' || g || ' Acy' FROM generate_series(1, 2500) g;
       UPDATE legacy SET first_name = 'Early' WHERE code LIKE '%7';`,
    );
    await saveExpected('legacy', 'code');
    const todo = await needing('legacy');
    const [dir, file] = await writeScript('ec-00000000000000b4', [firstNameStep('legacy', null)]);

    const out = await cli(['backfill', file, '--database-url', db().url, '--batch-size', '100'], dir);

    expect(out.stderr).toContain('public.legacy: starting; key unique index legacy_code_key (code)');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`public.legacy: ${todo.toLocaleString('en-US')} rows in`);
    expect(out.stdout).toContain('no row still needs it');
    expect(await wrong('legacy', 'code')).toBe(0);
  });
});

describe('a table with no usable key', () => {
  it('exits 2 with one line naming the table and what to do, and changes nothing', async () => {
    await query(
      db().url,
      `CREATE TABLE heap (code text, full_name text, first_name text);
       CREATE UNIQUE INDEX heap_code_key ON heap (code);                  -- code may be NULL
       CREATE UNIQUE INDEX heap_lower_key ON heap (lower(full_name));     -- an expression
       INSERT INTO heap (code, full_name) SELECT 'c' || g, 'Heap' || g || ' Row' FROM generate_series(1, 50) g;`,
    );
    const [dir, file] = await writeScript('ec-00000000000000b5', [firstNameStep('heap', null)]);

    const out = await cli(['backfill', file, '--database-url', db().url], dir);

    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^expand-contract: the table public\.heap has no primary key and no unique index/,
    );
    expect(lines[0]).toContain('add a primary key');
    expect(out.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(await count(db().url, 'SELECT count(*) FROM heap WHERE first_name IS NOT NULL')).toBe(0);
  });
});
