// The column swap on the main path: the history replayed on PGlite, the planner's catalog a
// SeededCatalog of what pg_catalog holds (definitions from pg_get_indexdef and pg_get_constraintdef).
// The plans match those from the static model statement for statement (parse trees: PostgreSQL prints
// USING btree and parentheses the migrations may leave out), and the seeded plan passes the proof.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../../src/catalog/replay-seed.js';
import { historyCatalog } from '../../../src/catalog/replay-history.js';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../../../src/engine.js';
import { loadParser } from '../../../src/parse/index.js';
import { parseSql } from '../../../src/parse/libpg.js';
import { planMigration } from '../../../src/plan/planner.js';
import type { AppliedRecipe, MigrationPlan } from '../../../src/plan/types.js';
import { verifyPlan } from '../../../src/verify/verify.js';
import { expectPlanParses, file, planOf } from '../helpers.js';

const HISTORY = `CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text NOT NULL UNIQUE,
  price integer CHECK (price > 0),
  org_id integer REFERENCES orgs (id) ON DELETE CASCADE,
  note text,
  CONSTRAINT items_code_len CHECK (length(code) < 200)
);
CREATE INDEX items_price_idx ON items (price) WHERE note IS NULL;
CREATE INDEX ON items (lower(code));
ALTER TABLE items RENAME COLUMN note TO remark;`;

const CHANGES = [
  'ALTER TABLE items RENAME COLUMN code TO sku;',
  'ALTER TABLE items RENAME COLUMN price TO cost;',
  'ALTER TABLE items RENAME COLUMN org_id TO organization_id;',
  'ALTER TABLE items RENAME COLUMN id TO item_id;',
  'ALTER TABLE items ALTER COLUMN code TYPE varchar(300);',
  'ALTER TABLE items ALTER COLUMN price TYPE bigint;',
  'ALTER TABLE items ALTER COLUMN org_id TYPE bigint;',
];

let seed: CatalogSnapshot;

beforeAll(async () => {
  await loadParser();
  const outcome = await historyCatalog([file('001_history.sql', HISTORY)]); // closes its PGlite
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
  seed = outcome.catalog.snapshot;
}, 60_000);

/** Plans `sql` over the replayed history, as src/pipeline/plan-changes.ts does. */
async function seededPlanOf(sql: string): Promise<MigrationPlan> {
  const change = file('002_change.sql', sql);
  const analysis = await analyzeDetailed(
    { history: [file('001_history.sql', HISTORY)], releases: [[change]] },
    { ...DEFAULT_OPTIONS, postgresVersion: 16, today: '2026-01-01', seed },
  );
  const plan = planMigration(analysis, change.path, { postgresVersion: 16, contractAfterDays: 7 });
  await expectPlanParses(plan);
  return plan;
}

const swapOf = (plan: MigrationPlan): AppliedRecipe => {
  const r = plan.recipes[0];
  if (!r) expect.fail(`no recipe: ${JSON.stringify(plan.unplanned)}`);
  return r;
};

const steps = (r: AppliedRecipe): string[] => [
  ...r.sql.expand,
  ...r.sql.later.map((l) => l.sql),
  ...r.sql.contract,
];

/** A statement's parse tree without locations. */
const shape = (sql: string): string => {
  const parsed = parseSql(sql);
  if (!parsed.ok) return `unparsable: ${sql}`;
  return JSON.stringify(parsed.stmts, (k, v: unknown) =>
    k === 'location' || k === 'stmt_location' || k === 'stmt_len' ? undefined : v,
  );
};

describe('column swap over a replayed schema (SeededCatalog)', () => {
  it('plans the same statements as over the static model: unique, check, foreign key, indexes, primary key', async () => {
    for (const sql of CHANGES) {
      const seeded = swapOf(await seededPlanOf(sql));
      const local = swapOf(await planOf(HISTORY, sql));
      expect(seeded.recipe, sql).toBe(local.recipe);
      expect(steps(seeded).map(shape), sql).toEqual(steps(local).map(shape));
      expect(seeded.summary, sql).toBe(local.summary);
    }
  });

  it('copies from the definitions PostgreSQL prints', async () => {
    const r = swapOf(await seededPlanOf(CHANGES[0] as string));
    expect(r.sql.expand).toEqual([
      'ALTER TABLE items ADD COLUMN sku text',
      'ALTER TABLE items ADD CONSTRAINT items_sku_not_null_check CHECK (sku IS NOT NULL) NOT VALID',
      'ALTER TABLE items ADD CONSTRAINT items_code_len_new CHECK (length(sku) < 200) NOT VALID',
    ]);
    expect(r.sql.later.map((l) => l.sql)).toEqual([
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS items_code_key_new ON items (sku)',
      'ALTER TABLE items VALIDATE CONSTRAINT items_code_len_new',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS items_lower_idx_new ON items USING btree (lower(sku))',
    ]);
    const price = swapOf(await seededPlanOf(CHANGES[1] as string));
    expect(price.sql.later.map((l) => l.sql)).toContain(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS items_price_idx_new ON items USING btree (cost) WHERE (remark IS NULL)',
    );
    const fk = swapOf(await seededPlanOf(CHANGES[2] as string));
    expect(fk.sql.expand[1]).toBe(
      'ALTER TABLE items ADD CONSTRAINT items_org_id_fkey_new FOREIGN KEY (organization_id) REFERENCES orgs (id) ON DELETE CASCADE NOT VALID',
    );
  });

  it('refuses a column another table references, as the static model does', async () => {
    const plan = await seededPlanOf('ALTER TABLE orgs RENAME COLUMN id TO org_id;');
    expect(plan.unplanned.find((u) => u.rule === 'renaming-column')?.reason).toBe(
      'recipe rename-column: foreign key items_org_id_fkey on public.items references public.orgs.id; move that reference by hand first (drop it, or re-point it at the new column), then plan this change',
    );
  });

  it('the seeded plan ends at the original migration’s schema and data', async () => {
    const change = [CHANGES[0], CHANGES[5], CHANGES[2]].join('\n');
    const plan = await seededPlanOf(change);
    expect(
      plan.unplanned.filter((u) => ['renaming-column', 'changing-column-type'].includes(u.rule)),
    ).toEqual([]);
    // The type change keeps its _new column; the proof applies the recipe's follow-up rename back.
    const result = await verifyPlan({
      history: [file('001_history.sql', HISTORY)],
      migration: file('002_change.sql', change),
      plan,
      sampleRows: 3,
    });
    expect(result).toMatchObject({ ok: true, differences: [] });
  }, 120_000);
});
