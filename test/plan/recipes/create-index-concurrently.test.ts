import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('create-index-concurrently', () => {
  it('moves CREATE INDEX to its own migration, CONCURRENTLY and IF NOT EXISTS, outside a transaction', async () => {
    const plan = await planOf(USERS, 'CREATE INDEX users_email_idx ON users (lower(email));');
    expect(plan.expand).toBe('');
    expect(plan.later).toEqual([
      {
        sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (lower(email))',
        outsideTransaction: true,
        why: expect.stringContaining('cannot run inside a transaction block'),
      },
    ]);
    expect(plan.recipes[0]?.object).toBe('public.users_email_idx');
  });

  it('keeps UNIQUE, an existing IF NOT EXISTS, and an unnamed index without IF NOT EXISTS', async () => {
    const a = await planOf(USERS, 'CREATE UNIQUE INDEX IF NOT EXISTS u ON users (email);');
    expect(a.later[0]?.sql).toBe('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS u ON users (email)');
    const b = await planOf(USERS, 'CREATE INDEX ON users (age);');
    expect(b.later[0]?.sql).toBe('CREATE INDEX CONCURRENTLY ON users (age)');
  });

  it('moves a CONCURRENTLY index out of a transactional migration', async () => {
    const plan = await planOf(USERS, 'CREATE INDEX CONCURRENTLY users_age_idx ON users (age);');
    expect(plan.later[0]?.sql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS users_age_idx ON users (age)');
    expect(plan.expand).toBe('');
  });

  it('refuses on a partitioned table', async () => {
    const plan = await planOf(
      'CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);',
      'CREATE INDEX m_at ON m (at);',
    );
    expect(plan.later).toEqual([]);
    expect(plan.unplanned[0]?.reason).toContain('does not work on a partitioned table');
  });
});
