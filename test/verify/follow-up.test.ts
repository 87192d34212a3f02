// A type change ends with its new column under a temporary name; the proof applies the rename the plan
// describes before comparing, and says so, so a right plan is proven and a wrong one still fails.
import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, age integer NOT NULL);';
const sql = 'ALTER TABLE users ALTER COLUMN age TYPE bigint;';

describe('proof of a type change', () => {
  it('is proven after the follow-up rename, which the notes name', async () => {
    const plan = await planOf(history, sql);
    expect(plan.recipes.find((r) => r.recipe === 'change-column-type')?.followUp).toEqual([
      'ALTER TABLE users RENAME COLUMN age_new TO age',
    ]);
    const result = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan,
    });
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.notes).toContain(
      'compared after the follow-up rename the plan describes: ALTER TABLE users RENAME COLUMN age_new TO age',
    );

    // Without its backfill the values differ: the follow-up does not hide a wrong plan.
    const broken = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan: { ...plan, backfill: null },
    });
    expect(broken.ok).toBe(false);
  }, 120_000);
});
