// The proof on PGlite: the two examples, a broken plan, and a SET NOT NULL plan. Each database costs
// ~2 s and ~760 MB, so the split-name original run is shared by the three plans checked against it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MigrationPlan } from '../../src/plan/types.js';
import { proveAgainst, runOriginal, verifyPlan, type OriginalRun } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';

const example = (name: string, change: string): { history: string; sql: string } => ({
  history: readFileSync(`examples/${name}/migrations/001_create_users.sql`, 'utf8'),
  sql: readFileSync(`examples/${name}/migrations/${change}`, 'utf8'),
});

const inputs = (history: string, sql: string) => ({
  history: [file('001_history.sql', history)],
  migration: file('002_change.sql', sql),
});

describe('split-name', () => {
  const { history, sql } = example('split-name', '002_split_full_name.sql');
  let plan: MigrationPlan;
  let original: OriginalRun;

  beforeAll(async () => {
    plan = await planOf(history, sql);
    original = await runOriginal(inputs(history, sql));
  }, 60_000);

  it('proves the plan: same schema, and first_name/last_name hold what the UPDATE produced', async () => {
    expect(original.tables).toEqual(['public.users']);
    const rows = original.state?.data.get('public.users')?.rows ?? [];
    expect(rows.map((r) => [r.first_name, r.last_name])).toEqual([
      ['Ada', 'Lovelace'],
      ['Grace', 'Brewster Hopper'],
      ['Alan', 'Turing'],
      ['Edsger', 'Dijkstra'],
      ['Barbara', 'Liskov'],
    ]);
    const result = await proveAgainst(original, { ...inputs(history, sql), plan });
    expect(result).toEqual({ ok: true, differences: [], notes: [] });
  });

  it('fails a plan without its backfill, naming the values', async () => {
    const result = await proveAgainst(original, {
      ...inputs(history, sql),
      plan: { ...plan, backfill: null },
    });
    expect(result.ok).toBe(false);
    expect(result.differences).toContain(
      'data public.users.first_name, row id=1: "Ada" in the original, NULL after the plan',
    );
    expect(result.differences).toContain('data of public.users: 5 more differing values not shown');
  });

  it('fails a plan whose contract drops the wrong column', async () => {
    const wrong = { ...plan, contract: 'ALTER TABLE users DROP COLUMN email;' };
    const result = await proveAgainst(original, { ...inputs(history, sql), plan: wrong });
    expect(result.ok).toBe(false);
    expect(result.differences).toEqual(
      expect.arrayContaining([
        'column public.users.email: exists after the original migration, missing after the plan',
        'column public.users.full_name: missing after the original migration, left by the plan',
        'unique index on public.users (email) (public.users_email_key): exists after the original migration, missing after the plan',
      ]),
    );
  });
});

describe('rename-column', () => {
  it('proves the trigger-based rename', async () => {
    const { history, sql } = example('rename-column', '002_rename_user_name.sql');
    const plan = await planOf(history, sql);
    const result = await verifyPlan({ ...inputs(history, sql), plan });
    expect(result).toEqual({ ok: true, differences: [], notes: [] });
  }, 60_000);
});

describe('set-not-null', () => {
  const history = `CREATE TABLE accounts (id bigint PRIMARY KEY, email text, active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now());`;
  const sql = 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;';

  it('proves the CHECK NOT VALID plan, and names the phase and statement when a phase fails', async () => {
    const plan = await planOf(history, sql);
    expect(plan.recipes.map((r) => r.recipe)).toContain('set-not-null');
    const result = await verifyPlan({ ...inputs(history, sql), plan, sampleRows: 2 });
    expect(result).toEqual({ ok: true, differences: [], notes: [] });

    const broken = {
      ...plan,
      contract: `${plan.contract ?? ''}\nALTER TABLE accounts VALIDATE CONSTRAINT nope;`,
    };
    const failed = await verifyPlan({ ...inputs(history, sql), plan: broken, sampleRows: 2 });
    expect(failed.ok).toBe(false);
    expect(failed.differences).toEqual([
      'the contract phase fails: constraint "nope" of relation "accounts" does not exist (statement: ALTER TABLE accounts VALIDATE CONSTRAINT nope)',
    ]);
  }, 60_000);
});

describe('sample rows', () => {
  it('fill enums, foreign keys (referenced table first), uuids and json; skip tables they cannot fill', async () => {
    const history = `CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE orgs (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE members (id serial PRIMARY KEY, org_id integer NOT NULL REFERENCES orgs, mood mood NOT NULL,
  token uuid NOT NULL, extra jsonb, joined date NOT NULL, nickname varchar(4));
CREATE TABLE places (id integer PRIMARY KEY, at point NOT NULL);`;
    const sql = 'ALTER TABLE members ADD COLUMN note text;\nALTER TABLE places ADD COLUMN label text;';
    const run = await runOriginal({ ...inputs(history, sql), sampleRows: 3 });
    expect(run.tables).toEqual(['public.members', 'public.places']);
    expect(run.inserts.map((i) => i.table)).toEqual(['public.orgs', 'public.members']);
    expect(run.notes).toEqual(['no sample rows in public.places: cannot make a value for at (point)']);
    expect(run.state?.data.get('public.members')?.rows).toEqual([
      expect.objectContaining({
        id: 1,
        org_id: 1,
        mood: 'happy',
        extra: { n: 1 },
        joined: '2024-01-01',
        nickname: 'Ada ',
      }),
      expect.objectContaining({ id: 2, org_id: 2, token: '00000000-0000-4000-8000-000000000002' }),
      expect.objectContaining({ id: 3, org_id: 3, extra: null, nickname: null, note: null }),
    ]);
  }, 60_000);
});
