import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('add-foreign-key-not-valid', () => {
  it('adds the foreign key NOT VALID, named, and validates it in a later migration', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD FOREIGN KEY (org_id) REFERENCES orgs (id);');
    expect(plan.recipes[0]?.sql.expand).toEqual([
      'ALTER TABLE users ADD CONSTRAINT users_org_id_fkey FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID',
    ]);
    expect(plan.later.map((l) => [l.sql, l.outsideTransaction])).toEqual([
      ['ALTER TABLE users VALIDATE CONSTRAINT users_org_id_fkey', false],
    ]);
    expect(plan.recipes[0]?.rollback).toEqual([
      'ALTER TABLE users DROP CONSTRAINT IF EXISTS users_org_id_fkey',
    ]);
  });
});
