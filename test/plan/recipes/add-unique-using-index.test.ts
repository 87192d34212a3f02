import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('add-unique-using-index', () => {
  it('builds the unique index concurrently, then attaches it as the constraint', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);');
    expect(plan.expand).toBe('');
    expect(plan.later.map((l) => [l.sql, l.outsideTransaction])).toEqual([
      ['CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email)', true],
      ['ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key', false],
    ]);
  });

  it('does the same for a primary key, with the default name', async () => {
    const plan = await planOf(
      'CREATE TABLE t (code text NOT NULL);',
      'ALTER TABLE t ADD PRIMARY KEY (code);',
    );
    expect(plan.later.map((l) => l.sql)).toEqual([
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_pkey ON t (code)',
      'ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey',
    ]);
  });
});
