// The proof that a column swap carries what depends on the column: one history, one migration with
// four renames and three type changes (one NOT NULL swap per table, first: an UPDATE that fills one
// new column leaves another one NULL, which a NOT NULL copy's NOT VALID check would reject) (indexes plain, partial and on an expression, UNIQUE, PRIMARY
// KEY, CHECK and FOREIGN KEY), two PGlite databases. Besides verifyPlan's comparison, the definitions
// (pg_get_constraintdef, pg_indexes) must match by name, so expressions and WHERE clauses are compared too.
import { expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openPglite } from '../../src/db/pglite.js';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, ITEMS, planOf } from '../plan/helpers.js';

const HISTORY = `${ITEMS}
CREATE TABLE parts (
  id integer PRIMARY KEY,
  label text UNIQUE,
  weight integer CHECK (weight >= 0),
  org_id integer REFERENCES orgs (id)
);
CREATE INDEX parts_weight_idx ON parts (weight);
CREATE INDEX ON parts (lower(label));
CREATE TABLE tags (id integer PRIMARY KEY, label text);`;

const CHANGE = `ALTER TABLE items RENAME COLUMN code TO sku;
ALTER TABLE items RENAME COLUMN price TO cost;
ALTER TABLE items RENAME COLUMN org_id TO organization_id;
ALTER TABLE tags RENAME COLUMN id TO tag_id;
ALTER TABLE parts ALTER COLUMN label TYPE varchar(40);
ALTER TABLE parts ALTER COLUMN weight TYPE bigint;
ALTER TABLE parts ALTER COLUMN org_id TYPE bigint;`;

const DEFINITIONS = `SELECT c.relname || ' ' || x.conname || ': ' || pg_get_constraintdef(x.oid) AS d
  FROM pg_constraint x JOIN pg_class c ON c.oid = x.conrelid
 WHERE c.relname IN ('items', 'parts', 'tags') AND x.contype IN ('c', 'f', 'p', 'u')
UNION ALL
SELECT tablename || ' ' || indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('items', 'parts', 'tags')
ORDER BY 1`;

/** A PGlite database that reads the definitions of items, parts and tags just before it closes. */
async function capturing(into: string[][]): Promise<Database> {
  const db = await openPglite();
  return {
    kind: db.kind,
    description: db.description,
    exec: (sql) => db.exec(sql),
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction(fn),
    close: async () => {
      into.push((await db.query<{ d: string }>(DEFINITIONS)).map((r) => r.d));
      await db.close();
    },
  };
}

it('renames and type changes end at the original schema: indexes, unique, primary key, checks, foreign keys', async () => {
  const plan = await planOf(HISTORY, CHANGE);
  const swaps = ['renaming-column', 'changing-column-type'];
  expect(plan.unplanned.filter((u) => swaps.includes(u.rule))).toEqual([]);
  expect(plan.recipes.map((r) => r.recipe)).toEqual([
    ...Array<string>(4).fill('rename-column'),
    ...Array<string>(3).fill('change-column-type'),
    'lock-timeout',
  ]);
  // The type changes keep their _new columns; the proof applies each recipe's follow-up rename back.
  expect(plan.recipes.flatMap((r) => r.followUp)).toEqual(
    ['label', 'weight', 'org_id'].map((c) => `ALTER TABLE parts RENAME COLUMN ${c}_new TO ${c}`),
  );
  const defs: string[][] = [];
  const result = await verifyPlan({
    history: [file('001_history.sql', HISTORY)],
    migration: file('002_change.sql', CHANGE),
    plan,
    sampleRows: 3,
    open: () => capturing(defs),
  });
  expect(result).toMatchObject({ ok: true, differences: [] });
  // Every table holds sample rows: the backfills and the constraints' validations ran over data.
  expect(result.notes.filter((n) => n.startsWith('no sample rows'))).toEqual([]);
  const [original, planned] = defs;
  expect(original).toContain('items items_code_len: CHECK ((length(sku) < 200))');
  expect(original).toContain(
    'items items_price_idx: CREATE INDEX items_price_idx ON public.items USING btree (cost) WHERE (note IS NULL)',
  );
  expect(original).toContain('parts parts_weight_check: CHECK ((weight >= 0))');
  expect(original).toContain('tags tags_pkey: PRIMARY KEY (tag_id)');
  expect(planned).toEqual(original);
}, 120_000);
