// Order inside one migration: a recipe may move a statement to the backfill or the contract only when
// no statement after it in the file depends on it having run; constraints on backfilled columns wait
// for the contract.
import { describe, expect, it } from 'vitest';
import { planOf, USERS } from './helpers.js';

const PARTITIONED = `CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at_idx ON events (at);`;

describe('drops that a later statement names again', () => {
  it('keeps a DROP TABLE in place when the table is created again below it', async () => {
    const plan = await planOf(
      USERS,
      'DROP TABLE orgs;\nCREATE TABLE orgs (id bigint PRIMARY KEY, label text);',
    );
    expect(plan.recipes.map((r) => r.recipe)).not.toContain('drop-table');
    expect(plan.contract).toBeNull();
    expect(plan.expand).toContain('DROP TABLE orgs;\nCREATE TABLE orgs');
    expect(plan.unplanned).toEqual([
      expect.objectContaining({
        rule: 'ban-drop-table',
        reason:
          'recipe drop-table: line 2 of this migration names public.orgs again after the drop (to create it anew or use it); the drop cannot wait for the contract without changing what that statement does, so it runs where it is',
      }),
    ]);
  });

  it('keeps a DROP TABLE in place when a materialized view takes its name', async () => {
    const plan = await planOf(USERS, 'DROP TABLE orgs;\nCREATE MATERIALIZED VIEW orgs AS SELECT 1 AS id;');
    expect(plan.recipes.map((r) => r.recipe)).not.toContain('drop-table');
  });

  it('still defers a DROP TABLE when nothing below names the table', async () => {
    const plan = await planOf(USERS, 'DROP TABLE orgs;\nCREATE TABLE organisations (id bigint PRIMARY KEY);');
    expect(plan.contract).toContain('DROP TABLE orgs;');
  });

  it('keeps a DROP COLUMN in place when the same ALTER TABLE adds the column back', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users DROP COLUMN email, ADD COLUMN email uuid;');
    expect(plan.recipes.map((r) => r.recipe)).not.toContain('drop-column');
    expect(plan.unplanned.find((u) => u.rule === 'ban-drop-column')?.reason).toContain(
      'a later command of the same ALTER TABLE names public.users.email again',
    );
    expect(plan.expand).toContain('DROP COLUMN email');
    // The rename the ORM probably meant is still offered beside it.
    expect(plan.contract ?? '').not.toContain('DROP COLUMN email');
  });
});

describe('statements that depend on a backfill', () => {
  it('makes a column added and filled in the same file NOT NULL in the contract, after the backfill', async () => {
    const plan = await planOf(
      USERS,
      `ALTER TABLE users ADD COLUMN display_name text;
UPDATE users SET display_name = full_name;
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;`,
    );
    expect(plan.expand).toBe("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN display_name text;");
    expect(plan.later).toEqual([]);
    expect(plan.backfill).toContain('UPDATE users SET display_name = full_name');
    expect(plan.contract).toBe(
      [
        "SET lock_timeout = '5s';",
        'ALTER TABLE users ADD CONSTRAINT users_display_name_not_null_check CHECK (display_name IS NOT NULL) NOT VALID;',
        'ALTER TABLE users VALIDATE CONSTRAINT users_display_name_not_null_check;',
        'ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;',
        'ALTER TABLE users DROP CONSTRAINT users_display_name_not_null_check;',
      ].join('\n'),
    );
    expect(plan.unplanned).toEqual([]);
  });

  it('validates the NOT NULL check of an existing column in the contract when the file backfills it first', async () => {
    const plan = await planOf(
      USERS,
      `UPDATE users SET email = '' WHERE email IS NULL;
ALTER TABLE users ALTER COLUMN email SET NOT NULL;`,
    );
    expect(plan.expand).toContain('CHECK (email IS NOT NULL) NOT VALID');
    expect(plan.later).toEqual([]);
    expect(plan.contract).toBe(
      [
        "SET lock_timeout = '5s';",
        'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check;',
        'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
        'ALTER TABLE users DROP CONSTRAINT users_email_not_null_check;',
      ].join('\n'),
    );
    expect(plan.recipes.find((r) => r.recipe === 'set-not-null')?.app.dualWrite[1]).toBe(
      'The backfill fills the existing rows; the contract validates the check after it.',
    );
  });

  it('adds a foreign key on a backfilled column in the contract, NOT VALID then validated', async () => {
    const plan = await planOf(
      USERS,
      `UPDATE users SET org_id = 1 WHERE org_id IS NULL;
ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id);`,
    );
    expect(plan.expand).not.toContain('users_org_fk');
    expect(plan.later).toEqual([]);
    expect(plan.contract).toContain(
      'ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_org_fk;',
    );
    expect(plan.recipes.find((r) => r.recipe === 'add-foreign-key-not-valid')?.rollback).toEqual([]);
  });

  it('keeps an UPDATE in the migration when a later unique constraint depends on the values it writes', async () => {
    const plan = await planOf(
      USERS,
      `UPDATE users SET email = lower(email);
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);`,
    );
    expect(plan.backfill).toBeNull();
    expect(plan.expand).toContain('UPDATE users SET email = lower(email);');
    expect(plan.unplanned.find((u) => u.rule === 'backfill-in-migration')?.reason).toBe(
      'recipe backfill: line 2 of this migration depends on public.users.email and must run after it, but it cannot wait for the backfill; the UPDATE stays in the migration',
    );
  });

  it('moves a DELETE that reads a backfilled column to the backfill too, in order', async () => {
    const plan = await planOf(
      USERS,
      `ALTER TABLE users ADD COLUMN nick text;
UPDATE users SET nick = user_name;
DELETE FROM users WHERE nick IS NULL;`,
    );
    const backfill = plan.backfill ?? '';
    expect(backfill.indexOf('SET nick = user_name')).toBeGreaterThan(0);
    expect(backfill.indexOf('DELETE FROM users')).toBeGreaterThan(backfill.indexOf('SET nick = user_name'));
    expect(plan.expand).not.toContain('DELETE');
  });

  it('leaves a plain index and a comment on a backfilled column where they are', async () => {
    const plan = await planOf(
      USERS,
      `UPDATE users SET age = 0 WHERE age IS NULL;
COMMENT ON COLUMN users.age IS 'years';`,
    );
    expect(plan.backfill).toContain('SET age = 0');
    expect(plan.expand).toContain("COMMENT ON COLUMN users.age IS 'years';");
  });
});

describe('an index of a partitioned table', () => {
  it('is not dropped CONCURRENTLY, which PostgreSQL refuses', async () => {
    const plan = await planOf(PARTITIONED, 'DROP INDEX events_at_idx;');
    expect(plan.later).toEqual([]);
    expect(plan.expand).toContain('DROP INDEX events_at_idx;');
    expect(plan.unplanned[0]?.reason).toBe(
      'recipe drop-index-concurrently: public.events_at_idx is an index of the partitioned table public.events, which PostgreSQL cannot drop CONCURRENTLY; the DROP INDEX runs as written, under lock_timeout',
    );
  });
});

describe('a search_path set by the file', () => {
  const APP = 'CREATE SCHEMA app;\nCREATE TABLE app.tokens (id bigint PRIMARY KEY, value text);';

  it('is repeated at the top of the contract that drops in that schema, at session level outside a transaction', async () => {
    const plan = await planOf(APP, 'SET LOCAL search_path TO app;\nDROP TABLE tokens;', {
      transactional: false,
    });
    expect(plan.expand).toContain('SET LOCAL search_path TO app;');
    expect(plan.contract).toBe("SET lock_timeout = '5s';\nSET search_path TO app;\nDROP TABLE tokens;");
  });

  it('is repeated as written when the framework runs the contract in a transaction', async () => {
    const plan = await planOf(APP, 'SET LOCAL search_path TO app;\nDROP TABLE tokens;');
    expect(plan.contract).toContain('SET LOCAL search_path TO app;\nDROP TABLE tokens;');
  });

  it('opens the backfill and each later migration', async () => {
    // The schema model reads unqualified names as public ones, so the table lives there.
    const plan = await planOf(
      'CREATE TABLE tokens (id bigint PRIMARY KEY, value text);',
      "SET search_path TO app, public;\nUPDATE tokens SET value = '';\nCREATE INDEX tokens_value_idx ON tokens (value);",
    );
    expect(plan.backfill?.startsWith('SET search_path TO app, public;\nDO $backfill$')).toBe(true);
    expect(plan.later[0]?.sql).toBe(
      'SET search_path TO app, public;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS tokens_value_idx ON tokens (value)',
    );
  });
});

describe('later statements that need the old structure gone', () => {
  it('keeps a DROP COLUMN in place when the file then drops the column’s type', async () => {
    const plan = await planOf(
      "CREATE TYPE mood AS ENUM ('ok', 'bad');\nCREATE TABLE people (id bigint PRIMARY KEY, mood mood);",
      'ALTER TABLE people DROP COLUMN mood;\nDROP TYPE mood;',
    );
    expect(plan.contract ?? '').not.toContain('DROP COLUMN mood');
    expect(plan.unplanned.find((u) => u.rule === 'ban-drop-column')?.reason).toBe(
      'recipe drop-column: line 2 of this migration drops a type public.people.mood uses, which cannot go while public.people.mood exists; the drop runs where it is',
    );
  });

  it('refuses a type change when a later statement uses the column by name', async () => {
    const plan = await planOf(
      `CREATE TABLE clients (id uuid PRIMARY KEY);
CREATE TABLE codes (id bigint PRIMARY KEY, client_id uuid);`,
      `ALTER TABLE clients ALTER COLUMN id TYPE text USING id::text;
ALTER TABLE codes ALTER COLUMN client_id TYPE text USING client_id::text;
ALTER TABLE codes ADD CONSTRAINT codes_client_fk FOREIGN KEY (client_id) REFERENCES clients (id);`,
    );
    const reasons = plan.unplanned.filter((u) => u.rule === 'changing-column-type').map((u) => u.reason);
    expect(reasons).toEqual([
      'recipe change-column-type: line 3 of this migration uses public.clients.id after its type change; during the transition that name still means the old column, so plan the type change in a migration of its own',
      'recipe change-column-type: line 3 of this migration uses public.codes.client_id after its type change; during the transition that name still means the old column, so plan the type change in a migration of its own',
    ]);
  });
});
