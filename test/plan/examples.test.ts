// The two examples in examples/, planned and compared with the expected plans in test/fixtures/plans/.
// Regenerate after a deliberate change with EC_UPDATE_PLANS=1 and review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planOf } from './helpers.js';

const example = (name: string, change: string): { history: string; sql: string } => ({
  history: readFileSync(`examples/${name}/migrations/001_create_users.sql`, 'utf8'),
  sql: readFileSync(`examples/${name}/migrations/${change}`, 'utf8'),
});

function expectFixture(name: string, plan: unknown): void {
  const path = `test/fixtures/plans/${name}.json`;
  if (process.env.EC_UPDATE_PLANS) writeFileSync(path, `${JSON.stringify(plan, null, 2)}\n`);
  expect(plan).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe('examples', () => {
  it('split-name: the ADDs expand, the UPDATE becomes a batched backfill, the DROP waits for the contract', async () => {
    const { history, sql } = example('split-name', '002_split_full_name.sql');
    const plan = await planOf(history, sql);
    expect(plan.expand).toBe(
      [
        "SET lock_timeout = '5s';",
        '-- Split users.full_name into first_name and last_name.',
        'ALTER TABLE users ADD COLUMN first_name text;',
        'ALTER TABLE users ADD COLUMN last_name text;',
      ].join('\n'),
    );
    expect(plan.backfill).toContain("SET first_name = split_part(full_name, ' ', 1),");
    // Only rows no writer has filled yet: both new columns still NULL, and values to put there.
    expect(plan.backfill).toContain(
      "WHERE users.id >= _ec_from AND users.id < _ec_from + 1000 AND (first_name IS NULL AND last_name IS NULL AND ROW((split_part(full_name, ' ', 1)), (substr(full_name, length(split_part(full_name, ' ', 1)) + 2))) IS DISTINCT FROM ROW(NULL, NULL));",
    );
    expect(plan.backfillSteps.map((s) => [s.name, s.verb, s.check, s.key, s.where])).toEqual([
      ['public.users', 'UPDATE', 'predicate', ['id'], null],
    ]);
    expect(plan.backfill).toContain('COMMIT;');
    expect(plan.contract).toBe("SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN full_name;");
    expect(plan.recipes.map((r) => [r.recipe, r.statementLine, r.rules])).toEqual([
      ['backfill', 5, ['backfill-in-migration']],
      ['drop-column', 9, ['ban-drop-column']],
      ['lock-timeout', 2, ['require-lock-timeout']],
    ]);
    expect(plan.unplanned).toEqual([]);
    expect(plan.placeholders).toEqual([]);
    expectFixture('split-name', plan);
  });

  it('rename-column: new column, sync trigger, backfill, contract drops the old column', async () => {
    const { history, sql } = example('rename-column', '002_rename_user_name.sql');
    const plan = await planOf(history, sql);
    expect(plan.recipes.map((r) => r.recipe)).toEqual(['rename-column', 'lock-timeout']);
    expect(plan.passthrough).toEqual([]);
    expect(plan.later).toEqual([]);
    expectFixture('rename-column', plan);
  });

  it('gives the same plan id when planned twice, and another for other statements', async () => {
    const { history, sql } = example('split-name', '002_split_full_name.sql');
    const a = await planOf(history, sql);
    const b = await planOf(history, sql);
    const c = await planOf(history, sql.replace('DROP COLUMN full_name', 'DROP COLUMN email'));
    expect(a.planId).toBe(b.planId);
    expect(a.planId).toMatch(/^ec-[0-9a-f]{16}$/);
    expect(c.planId).not.toBe(a.planId);
  });
});
