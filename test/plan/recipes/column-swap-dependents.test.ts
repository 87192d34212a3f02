import { describe, expect, it } from 'vitest';
import type { AppliedRecipe } from '../../../src/plan/types.js';
import { ITEMS, planOf } from '../helpers.js';

const swapOf = async (history: string, sql: string): Promise<AppliedRecipe> => {
  const plan = await planOf(history, sql);
  const r = plan.recipes[0];
  if (!r) expect.fail(`no recipe: ${JSON.stringify(plan.unplanned)}`);
  return r;
};

const laterOf = (r: AppliedRecipe): Array<[string, boolean]> =>
  r.sql.later.map((l) => [l.sql, l.outsideTransaction]);

describe('column swap: what depends on the column', () => {
  it('rename: a UNIQUE constraint, a CHECK and an expression index', async () => {
    const r = await swapOf(ITEMS, 'ALTER TABLE items RENAME COLUMN code TO sku;');
    expect(r.sql.expand).toEqual([
      'ALTER TABLE items ADD COLUMN sku text',
      'ALTER TABLE items ADD CONSTRAINT items_sku_not_null_check CHECK (sku IS NOT NULL) NOT VALID',
      'ALTER TABLE items ADD CONSTRAINT items_code_len_new CHECK (length(sku) < 200) NOT VALID',
    ]);
    expect(laterOf(r)).toEqual([
      ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code_key_new ON items (sku)', true],
      ['ALTER TABLE items VALIDATE CONSTRAINT items_code_len_new', false],
      ['CREATE INDEX CONCURRENTLY IF NOT EXISTS items_lower_idx_new ON items (lower(sku))', true],
    ]);
    expect(r.sql.contract.slice(-4)).toEqual([
      'ALTER TABLE items DROP COLUMN code',
      'ALTER TABLE items ADD CONSTRAINT items_code_key UNIQUE USING INDEX items_code_key_new',
      'ALTER TABLE items RENAME CONSTRAINT items_code_len_new TO items_code_len',
      'ALTER INDEX items_lower_idx_new RENAME TO items_lower_idx',
    ]);
    expect(r.summary).toContain(
      'What depends on code (items_code_key, items_code_len, items_lower_idx) is copied onto sku',
    );
  });

  it('rename: a column CHECK and a partial index whose WHERE reads another column', async () => {
    const r = await swapOf(ITEMS, 'ALTER TABLE items RENAME COLUMN price TO cost;');
    expect(r.sql.expand).toEqual([
      'ALTER TABLE items ADD COLUMN cost integer',
      'ALTER TABLE items ADD CONSTRAINT items_price_check_new CHECK (cost > 0) NOT VALID',
    ]);
    expect(laterOf(r)).toEqual([
      ['ALTER TABLE items VALIDATE CONSTRAINT items_price_check_new', false],
      [
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS items_price_idx_new ON items (cost) WHERE note IS NULL',
        true,
      ],
    ]);
    expect(r.sql.contract.slice(-3)).toEqual([
      'ALTER TABLE items DROP COLUMN price',
      'ALTER TABLE items RENAME CONSTRAINT items_price_check_new TO items_price_check',
      'ALTER INDEX items_price_idx_new RENAME TO items_price_idx',
    ]);
  });

  it('rename: a foreign key from the column, NOT VALID then validated, with its actions', async () => {
    const r = await swapOf(ITEMS, 'ALTER TABLE items RENAME COLUMN org_id TO organization_id;');
    expect(r.sql.expand[1]).toBe(
      'ALTER TABLE items ADD CONSTRAINT items_org_id_fkey_new FOREIGN KEY (organization_id) REFERENCES orgs ON DELETE CASCADE NOT VALID',
    );
    expect(laterOf(r)).toEqual([['ALTER TABLE items VALIDATE CONSTRAINT items_org_id_fkey_new', false]]);
    expect(r.sql.contract.slice(-2)).toEqual([
      'ALTER TABLE items DROP COLUMN org_id',
      'ALTER TABLE items RENAME CONSTRAINT items_org_id_fkey_new TO items_org_id_fkey',
    ]);
  });

  it('rename: the primary key moves in the contract, after SET NOT NULL, and the plan says so', async () => {
    const r = await swapOf(ITEMS, 'ALTER TABLE items RENAME COLUMN id TO item_id;');
    expect(laterOf(r)).toEqual([
      ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_pkey_new ON items (item_id)', true],
    ]);
    expect(r.sql.contract).toEqual([
      'ALTER TABLE items VALIDATE CONSTRAINT items_item_id_not_null_check',
      'ALTER TABLE items ALTER COLUMN item_id SET NOT NULL',
      'ALTER TABLE items DROP CONSTRAINT items_item_id_not_null_check',
      'DROP TRIGGER IF EXISTS items_id_item_id_sync ON items',
      'DROP FUNCTION IF EXISTS items_id_item_id_sync()',
      'ALTER TABLE items DROP COLUMN id',
      'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_new',
    ]);
    expect(r.summary).toContain('The primary key items_pkey moves to item_id in the contract');
    expect(r.app.switchReads.join('\n')).toContain('foreign keys added to reference public.items');
  });

  it('change type: the copies read the new column, as ALTER TYPE re-reads them, and keep the names', async () => {
    const history = `CREATE TABLE orgs (id integer PRIMARY KEY);
CREATE TABLE parts (id integer PRIMARY KEY, label text UNIQUE, weight integer CONSTRAINT parts_weight_positive CHECK (weight >= 0), org_id integer REFERENCES orgs (id));
CREATE INDEX parts_weight_idx ON parts USING btree (weight DESC NULLS LAST);`;
    const weight = await swapOf(history, 'ALTER TABLE parts ALTER COLUMN weight TYPE bigint;');
    expect(weight.sql.expand).toEqual([
      'ALTER TABLE parts ADD COLUMN weight_new bigint',
      'ALTER TABLE parts ADD CONSTRAINT parts_weight_positive_new CHECK (weight_new >= 0) NOT VALID',
    ]);
    expect(laterOf(weight)).toEqual([
      ['ALTER TABLE parts VALIDATE CONSTRAINT parts_weight_positive_new', false],
      [
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS parts_weight_idx_new ON parts USING btree (weight_new DESC NULLS LAST)',
        true,
      ],
    ]);
    expect(weight.sql.contract.slice(-2)).toEqual([
      'ALTER TABLE parts RENAME CONSTRAINT parts_weight_positive_new TO parts_weight_positive',
      'ALTER INDEX parts_weight_idx_new RENAME TO parts_weight_idx',
    ]);
    const label = await swapOf(history, 'ALTER TABLE parts ALTER COLUMN label TYPE varchar(40);');
    expect(laterOf(label)).toEqual([
      ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS parts_label_key_new ON parts (label_new)', true],
    ]);
    expect(label.sql.contract.at(-1)).toBe(
      'ALTER TABLE parts ADD CONSTRAINT parts_label_key UNIQUE USING INDEX parts_label_key_new',
    );
    const fk = await swapOf(history, 'ALTER TABLE parts ALTER COLUMN org_id TYPE bigint;');
    expect(fk.sql.expand[1]).toBe(
      'ALTER TABLE parts ADD CONSTRAINT parts_org_id_fkey_new FOREIGN KEY (org_id_new) REFERENCES orgs (id) NOT VALID',
    );
  });

  it('validates a CHECK that may reject NULL in the contract, after the backfill, before the drop', async () => {
    const r = await swapOf(
      'CREATE TABLE t (id int PRIMARY KEY, a int CONSTRAINT t_a_set CHECK (coalesce(a, 0) >= 0));',
      'ALTER TABLE t RENAME COLUMN a TO b;',
    );
    expect(r.sql.expand[1]).toBe(
      'ALTER TABLE t ADD CONSTRAINT t_a_set_new CHECK (coalesce(b, 0) >= 0) NOT VALID',
    );
    expect(r.sql.later).toEqual([]);
    expect(r.sql.contract).toEqual([
      'ALTER TABLE t VALIDATE CONSTRAINT t_a_set_new',
      'DROP TRIGGER IF EXISTS t_a_b_sync ON t',
      'DROP FUNCTION IF EXISTS t_a_b_sync()',
      'ALTER TABLE t DROP COLUMN a',
      'ALTER TABLE t RENAME CONSTRAINT t_a_set_new TO t_a_set',
    ]);
  });

  it('lost rename: the alternative carries the dropped column’s index over to the added one', async () => {
    const plan = await planOf(
      'CREATE TABLE users (id int PRIMARY KEY, user_name text NOT NULL);\nCREATE UNIQUE INDEX users_user_name_idx ON users (user_name);',
      'ALTER TABLE users DROP COLUMN user_name,\nADD COLUMN "userName" TEXT NOT NULL;',
    );
    const alt = plan.alternatives[0];
    expect(alt?.sql.later.map((l) => l.sql)).toEqual([
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_user_name_idx_new ON users ("userName")',
    ]);
    expect(alt?.sql.contract.at(-1)).toBe(
      'ALTER INDEX users_user_name_idx_new RENAME TO users_user_name_idx',
    );
  });
});
