// A type change written the way ORMs write it, with a new default and NOT NULL in the same ALTER TABLE:
// the default and the NOT NULL fold into the replacement column, the plan is proven, and during the
// transition an old-version writer (old column only) and a new-version writer (new column only) both
// end up with the value they meant in each column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type PgliteDatabase } from '../../src/db/pglite.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';
import type { MigrationPlan } from '../../src/plan/types.js';

const history = `CREATE TABLE grants (id bigint PRIMARY KEY, scope varchar(255));`;
const sql = `ALTER TABLE grants
  ALTER COLUMN scope TYPE jsonb USING (CASE WHEN scope IS NULL OR btrim(scope) = '' THEN '[]'::jsonb ELSE to_jsonb(regexp_split_to_array(scope, ' ')) END),
  ALTER COLUMN scope SET DEFAULT '[]'::jsonb,
  ALTER COLUMN scope SET NOT NULL;`;

describe('a type change with its new default and NOT NULL', () => {
  let plan: MigrationPlan;
  let db: PgliteDatabase;
  beforeAll(async () => {
    plan = await planOf(history, sql);
    db = await openPglite();
    await db.exec(history);
    await db.exec(plan.expand);
  }, 120_000);
  afterAll(() => db?.close());

  it('folds them into the replacement column and answers all three findings', () => {
    expect(plan.recipes.map((r) => r.recipe)).toContain('change-column-type');
    expect(plan.unplanned).toEqual([]);
    expect(plan.expand).toContain("ALTER TABLE grants ALTER COLUMN scope_new SET DEFAULT '[]'::jsonb;");
    expect(plan.expand).toContain('CHECK (scope_new IS NOT NULL) NOT VALID');
    expect(plan.expand).not.toMatch(/ALTER COLUMN scope SET/);
    expect(plan.contract).toContain('ALTER TABLE grants ALTER COLUMN scope_new SET NOT NULL;');
    const swap = plan.recipes.find((r) => r.recipe === 'change-column-type');
    expect(swap?.rules.sort()).toEqual(['changing-column-type', 'setting-not-null']);
  });

  it('converts an old writer’s value and keeps a new writer’s', async () => {
    await db.exec(`INSERT INTO grants (id, scope) VALUES (1, 'read write')`);
    await db.exec(`INSERT INTO grants (id, scope_new) VALUES (2, '["admin"]')`);
    await db.exec(`INSERT INTO grants (id) VALUES (3)`);
    const rows = await db.query<{ id: string; scope: string | null; scope_new: unknown }>(
      'SELECT id::text, scope, scope_new FROM grants ORDER BY id',
    );
    expect(rows).toEqual([
      { id: '1', scope: 'read write', scope_new: ['read', 'write'] },
      { id: '2', scope: '["admin"]', scope_new: ['admin'] },
      { id: '3', scope: null, scope_new: [] },
    ]);
  });

  it('is proven', async () => {
    const result = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan,
    });
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('refuses when a later statement changes the column in a way the swap cannot carry', async () => {
    const refused = await planOf(
      history,
      "ALTER TABLE grants ALTER COLUMN scope TYPE text[] USING string_to_array(scope, ' ');\nALTER TABLE grants ALTER COLUMN scope TYPE jsonb USING to_jsonb(scope);",
    );
    expect(refused.unplanned[0]?.reason).toContain(
      'line 2 of this migration changes public.grants.scope again (AlterColumnType)',
    );
  });
});

describe('a change to json, a type without an equality operator', () => {
  const docs = 'CREATE TABLE docs (id bigint PRIMARY KEY, body text);';
  const change = 'ALTER TABLE docs ALTER COLUMN body TYPE json USING to_json(body);';

  it('keeps both columns in step through updates and is proven', async () => {
    const plan = await planOf(docs, change);
    expect(plan.backfill).toContain('(body_new)::text IS DISTINCT FROM ((to_json(body)))::text');
    const db = await openPglite();
    try {
      await db.exec(docs);
      await db.exec(`INSERT INTO docs VALUES (1, '{"a":1}')`);
      await db.exec(plan.expand);
      await db.exec(`UPDATE docs SET body = 'two' WHERE id = 1`);
      await db.exec(`UPDATE docs SET body_new = '{"a":3}' WHERE id = 1`);
      const rows = await db.query<{ body: string; body_new: string }>(
        'SELECT body, body_new::text AS body_new FROM docs',
      );
      expect(rows).toEqual([{ body: '{"a":3}', body_new: '{"a":3}' }]);
    } finally {
      await db.close();
    }
    const result = await verifyPlan({
      history: [file('001_history.sql', docs)],
      migration: file('002_change.sql', change),
      plan,
    });
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);
});
