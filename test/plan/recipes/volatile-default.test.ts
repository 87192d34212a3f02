import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('volatile-default', () => {
  it('adds without the default, sets it for new rows, backfills existing rows', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();');
    const r = plan.recipes[0];
    expect(r?.recipe).toBe('volatile-default');
    expect(r?.sql.expand).toEqual([
      'ALTER TABLE users ADD COLUMN token uuid',
      'ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid()',
    ]);
    expect(r?.sql.backfill[0]).toContain('UPDATE users SET token = gen_random_uuid()');
    expect(r?.sql.backfill[0]).toContain('AND (token IS NULL);');
    expect(r?.sql.contract).toEqual([]);
  });

  it('moves NOT NULL to the contract', async () => {
    const plan = await planOf(
      USERS,
      'ALTER TABLE users ADD COLUMN seen timestamptz NOT NULL DEFAULT clock_timestamp();',
    );
    expect(plan.recipes[0]?.sql.expand[0]).toBe('ALTER TABLE users ADD COLUMN seen timestamptz');
    expect(plan.recipes[0]?.sql.contract[2]).toBe('ALTER TABLE users ALTER COLUMN seen SET NOT NULL');
  });
});
