// Shared by the plan tests: analyse a small history plus one migration, plan it, and check that
// every SQL text of the plan parses (PL/pgSQL bodies included) so a typo fails the test.
import { expect } from 'vitest';
import { loadModule, parsePlPgSQLSync, parseSync } from 'libpg-query';
import { analyzeDetailed, DEFAULT_OPTIONS } from '../../src/engine.js';
import { planMigration } from '../../src/plan/planner.js';
import type { MigrationPlan, PlanOptions } from '../../src/plan/types.js';
import type { FrameworkName, MigrationFile } from '../../src/types.js';

export const file = (
  path: string,
  sql: string,
  options: { framework?: FrameworkName; transactional?: boolean } = {},
): MigrationFile => ({
  path,
  framework: options.framework ?? 'sql',
  orderKey: path,
  transactional: options.transactional ?? true,
  sql,
  diagnostics: [],
});

export const USERS = `CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  full_name text NOT NULL,
  user_name text NOT NULL,
  email text,
  age integer,
  org_id integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orgs (id integer PRIMARY KEY, name text);`;

/** orgs and items, whose columns have every kind of dependent: UNIQUE, CHECK, FK, partial and expression indexes. */
export const ITEMS = `CREATE TABLE orgs (id integer PRIMARY KEY, name text);
CREATE TABLE items (
  id integer PRIMARY KEY,
  code text NOT NULL UNIQUE,
  price integer CHECK (price > 0),
  org_id integer REFERENCES orgs ON DELETE CASCADE,
  note text,
  CONSTRAINT items_code_len CHECK (length(code) < 200)
);
CREATE INDEX items_price_idx ON items (price) WHERE note IS NULL;
CREATE INDEX ON items (lower(code));`;

/** Plans `sql` (002_change.sql) over the history `history` (001_history.sql). */
export async function planOf(
  history: string,
  sql: string,
  options: Partial<PlanOptions> & { framework?: FrameworkName; transactional?: boolean } = {},
): Promise<MigrationPlan> {
  const change = file('002_change.sql', sql, options);
  const analysis = await analyzeDetailed(
    { history: [file('001_history.sql', history)], releases: [[change]] },
    { ...DEFAULT_OPTIONS, postgresVersion: options.postgresVersion ?? 16, today: '2026-01-01' },
  );
  const plan = planMigration(analysis, change.path, {
    postgresVersion: 16,
    contractAfterDays: 7,
    ...options,
  });
  await expectPlanParses(plan);
  return plan;
}

/** Every SQL text of a plan parses. */
export async function expectPlanParses(plan: MigrationPlan): Promise<void> {
  const texts = [
    plan.expand,
    plan.backfill,
    plan.contract,
    ...plan.later.map((l) => l.sql),
    ...[...plan.recipes, ...plan.alternatives].flatMap((r) => [
      ...r.sql.expand,
      ...r.sql.dualWrite,
      ...r.sql.backfill,
      ...r.sql.contract,
      ...r.sql.later.map((l) => l.sql),
      ...r.rollback,
    ]),
  ];
  for (const t of texts) if (t) await expectParses(t);
}

/** Parses SQL with PostgreSQL's parser, and the PL/pgSQL of DO blocks and functions it contains. */
export async function expectParses(sql: string): Promise<void> {
  await loadModule();
  let tree: { stmts?: Array<{ stmt: Record<string, Record<string, unknown>> }> };
  try {
    tree = parseSync(sql) as unknown as typeof tree;
  } catch (error: unknown) {
    expect.fail(`does not parse: ${String(error)}\n${sql}`);
  }
  for (const { stmt } of tree.stmts ?? []) {
    const body = plpgsqlBody(stmt);
    if (body === undefined) continue;
    const wrapped = `CREATE FUNCTION ec_check() RETURNS trigger LANGUAGE plpgsql AS $ec_check$${body}$ec_check$`;
    try {
      parsePlPgSQLSync(wrapped);
    } catch (error: unknown) {
      expect.fail(`PL/pgSQL does not parse: ${String(error)}\n${body}`);
    }
  }
}

function plpgsqlBody(stmt: Record<string, Record<string, unknown>>): string | undefined {
  const node = stmt.DoStmt ?? stmt.CreateFunctionStmt;
  if (!node) return undefined;
  const options = (node.args ?? node.options ?? []) as Array<{
    DefElem?: {
      defname?: string;
      arg?: { String?: { sval?: string }; List?: { items?: Array<{ String?: { sval?: string } }> } };
    };
  }>;
  let body: string | undefined;
  for (const o of options) {
    const d = o.DefElem;
    if (d?.defname !== 'as') continue;
    body = d.arg?.String?.sval ?? d.arg?.List?.items?.[0]?.String?.sval;
  }
  return body;
}
