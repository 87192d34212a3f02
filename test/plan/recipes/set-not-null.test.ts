import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('set-not-null', () => {
  it('adds a NOT VALID check, validates it later, sets NOT NULL and drops the check in the contract', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;');
    expect(plan.expand).toBe(
      "SET lock_timeout = '5s';\nALTER TABLE users ADD CONSTRAINT users_email_not_null_check CHECK (email IS NOT NULL) NOT VALID;",
    );
    expect(plan.later).toEqual([
      {
        sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null_check',
        outsideTransaction: false,
        why: expect.stringContaining('SHARE UPDATE EXCLUSIVE'),
      },
    ]);
    expect(plan.contract).toBe(
      "SET lock_timeout = '5s';\nALTER TABLE users ALTER COLUMN email SET NOT NULL;\nALTER TABLE users DROP CONSTRAINT users_email_not_null_check;",
    );
    expect(plan.recipes[0]?.rollback).toEqual([
      'ALTER TABLE users DROP CONSTRAINT IF EXISTS users_email_not_null_check',
    ]);
    expect(plan.recipes[0]?.app.dualWrite[1]).toContain('WHERE email IS NULL must be 0');
  });

  it('says that PostgreSQL before 12 still scans', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', {
      postgresVersion: 11,
    });
    expect(plan.recipes[0]?.summary).toContain('PostgreSQL before 12 still scans');
  });
});
