// When the plan cannot be judged (the history does not load, the original fails on the sample rows), the
// proof says why in `inconclusive` instead of reporting the plan as wrong.
import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';

const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

describe('an inconclusive proof', () => {
  it('names the history file and line that does not replay', async () => {
    const plan = await planOf(history, 'ALTER TABLE users DROP COLUMN email;');
    const result = await verifyPlan({
      history: [file('001_history.sql', `${history}\nALTER TABLE nowhere ADD COLUMN x int;`)],
      migration: file('002_change.sql', 'ALTER TABLE users DROP COLUMN email;'),
      plan,
    });
    expect(result.ok).toBe(false);
    expect(result.inconclusive).toBe(
      'the history does not replay: 001_history.sql:2: relation "nowhere" does not exist',
    );
  }, 60_000);

  it('names the original statement that fails on the sample rows; a plan that is wrong is not inconclusive', async () => {
    const sql = "ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email = 'never');";
    const plan = await planOf(history, sql);
    const result = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan,
    });
    expect(result.inconclusive).toMatch(
      /^the original migration fails on the sample rows: .*users_email_check/,
    );

    const wrong = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', 'ALTER TABLE users DROP COLUMN email;'),
      plan: { ...(await planOf(history, 'ALTER TABLE users DROP COLUMN email;')), contract: null },
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.inconclusive).toBeUndefined();
  }, 60_000);
});
