import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

const HISTORY = `${USERS}\nCREATE INDEX users_email_idx ON users (email);`;

describe('drop-index-concurrently', () => {
  it('drops the index CONCURRENTLY in its own migration outside a transaction', async () => {
    const plan = await planOf(HISTORY, 'DROP INDEX users_email_idx;');
    expect(plan.expand).toBe('');
    expect(plan.later).toEqual([
      {
        sql: 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx',
        outsideTransaction: true,
        why: expect.stringContaining('cannot run inside a transaction block'),
      },
    ]);
  });

  it('refuses CASCADE', async () => {
    const plan = await planOf(HISTORY, 'DROP INDEX users_email_idx CASCADE;');
    expect(plan.later).toEqual([]);
    expect(plan.unplanned.find((u) => u.rule === 'require-concurrent-index-deletion')?.reason).toContain(
      'cannot CASCADE',
    );
  });
});
