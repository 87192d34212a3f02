import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('rename-table', () => {
  it('renames and leaves an updatable view with the old name; the contract drops the view', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users RENAME TO people;');
    const r = plan.recipes[0];
    expect(r?.sql.expand).toEqual([
      'ALTER TABLE users RENAME TO people',
      'CREATE VIEW users AS SELECT * FROM people',
    ]);
    expect(r?.sql.contract).toEqual(['DROP VIEW IF EXISTS users']);
    expect(r?.rollback).toEqual(['DROP VIEW IF EXISTS users', 'ALTER TABLE people RENAME TO users']);
    expect(r?.drops).toEqual(['view public.users']);
  });

  it('keeps the schema and quoting the migration wrote', async () => {
    const plan = await planOf(
      'CREATE SCHEMA app; CREATE TABLE app."Order" (id int PRIMARY KEY);',
      'ALTER TABLE app."Order" RENAME TO "Purchase";',
    );
    expect(plan.recipes[0]?.sql.expand).toEqual([
      'ALTER TABLE app."Order" RENAME TO "Purchase"',
      'CREATE VIEW app."Order" AS SELECT * FROM app."Purchase"',
    ]);
  });
});
