// Proofs of plans whose statements depend on each other inside one file: a column added, filled and
// made NOT NULL; a table dropped and created again; a backfill that stamps rows with now().
import { describe, expect, it } from 'vitest';
import { verifyPlan } from '../../src/verify/verify.js';
import { file, planOf } from '../plan/helpers.js';

const history = `CREATE TABLE users (
  id bigint PRIMARY KEY,
  first_name text,
  last_name text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE tokens (id bigint PRIMARY KEY, value text);`;

async function prove(sql: string) {
  const plan = await planOf(history, sql);
  const result = await verifyPlan({
    history: [file('001_history.sql', history)],
    migration: file('002_change.sql', sql),
    plan,
  });
  return { plan, result };
}

describe('proofs of plans with dependent statements', () => {
  it('proves add, fill and NOT NULL with the NOT NULL in the contract', async () => {
    const { plan, result } = await prove(`ALTER TABLE users ADD COLUMN display_name text;
UPDATE users SET display_name = trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''));
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;`);
    expect(plan.contract).toContain('ALTER COLUMN display_name SET NOT NULL');
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('proves a table dropped and created again, the drop kept in place', async () => {
    const { plan, result } = await prove(
      'DROP TABLE tokens;\nCREATE TABLE tokens (id uuid PRIMARY KEY, value bytea);',
    );
    expect(plan.contract).toBeNull();
    expect(result.differences).toEqual([]);
    expect(result.ok).toBe(true);
  }, 120_000);

  it('counts timestamps written by now() a moment apart as the same, and says so', async () => {
    const { plan, result } = await prove(`ALTER TABLE users ADD COLUMN active boolean;
UPDATE users SET active = true, updated_at = now();`);
    expect(plan.backfill).toContain('updated_at = now()');
    expect(result.differences).toEqual([]);
    expect(result.notes.some((n) => /timestamp value\(s\) written by the clock/.test(n))).toBe(true);
  }, 120_000);

  it('still fails a plan whose timestamps differ by more than the proof took', async () => {
    const sql = `ALTER TABLE users ADD COLUMN active boolean;
UPDATE users SET active = true, updated_at = now() - interval '1 hour';`;
    const plan = await planOf(history, sql);
    const result = await verifyPlan({
      history: [file('001_history.sql', history)],
      migration: file('002_change.sql', sql),
      plan: { ...plan, backfill: (plan.backfill ?? '').replace("interval '1 hour'", "interval '2 hours'") },
    });
    expect(result.ok).toBe(false);
    expect(result.differences[0]).toMatch(/^data public\.users\.updated_at, row id=/);
  }, 120_000);
});
