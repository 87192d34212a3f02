import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('drop-column', () => {
  it('expands nothing and drops the column in the contract', async () => {
    const plan = await planOf(USERS, 'SET lock_timeout = 1000;\nALTER TABLE users DROP COLUMN email;');
    const [r] = plan.recipes;
    expect(r?.recipe).toBe('drop-column');
    expect(r?.sql.expand).toEqual([]);
    expect(r?.sql.contract).toEqual(['ALTER TABLE users DROP COLUMN email']);
    expect(r?.drops).toEqual(['public.users.email']);
    expect(r?.app.switchReads[0]).toContain('Stop reading and writing email');
    expect(r?.app.ignore.map((n) => n.orm)).toEqual([
      'Rails (ActiveRecord)',
      'Django',
      'Prisma',
      'TypeORM',
      'SQLAlchemy',
    ]);
    expect(r?.app.ignore[0]?.how).toContain('ignored_columns');
    expect(plan.expand).toBe('SET lock_timeout = 1000;');
    expect(plan.contract).toBe("SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN email;");
  });

  it('splits a multi-command ALTER TABLE: the other commands pass through untouched', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN email;');
    expect(plan.passthrough.map((p) => p.sql)).toEqual(['ALTER TABLE users ADD COLUMN nickname text']);
    expect(plan.contract).toContain('ALTER TABLE users DROP COLUMN email;');
    expect(plan.expand).toBe("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;");
  });

  it('keeps quoted identifiers quoted', async () => {
    const plan = await planOf(
      'CREATE TABLE "User" (id int PRIMARY KEY, "firstName" text);',
      'ALTER TABLE "User" DROP COLUMN "firstName";',
    );
    expect(plan.recipes[0]?.sql.contract).toEqual(['ALTER TABLE "User" DROP COLUMN "firstName"']);
    expect(plan.recipes[0]?.object).toBe('public.User.firstName');
  });

  it('leaves a suppressed finding alone: the statement passes through', async () => {
    const plan = await planOf(
      USERS,
      '-- expand-contract-ignore ban-drop-column,require-lock-timeout nobody reads it\nALTER TABLE users DROP COLUMN email;',
    );
    expect(plan.recipes).toEqual([]);
    expect(plan.passthrough[0]?.sql).toContain('ALTER TABLE users DROP COLUMN email');
    expect(plan.contract).toBeNull();
  });
});
