import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('lost-rename', () => {
  it('offers the rename plan beside the literal DROP + ADD (as Prisma writes a rename)', async () => {
    const plan = await planOf(
      USERS,
      'ALTER TABLE users DROP COLUMN user_name,\nADD COLUMN "userName" TEXT NOT NULL;',
    );
    // The literal plan: the drop waits for the contract, the required column is added nullable.
    expect(plan.recipes.map((r) => r.recipe)).toEqual(['drop-column', 'add-required-column', 'lock-timeout']);
    expect(plan.alternatives.map((a) => [a.recipe, a.object])).toEqual([
      ['lost-rename', 'public.users.user_name'],
    ]);
    const alt = plan.alternatives[0];
    expect(alt?.summary).toContain('Likely a lost rename');
    expect(alt?.sql.expand[0]).toBe('ALTER TABLE users ADD COLUMN "userName" text');
    expect(alt?.sql.backfill[0]).toContain('UPDATE users SET "userName" = user_name');
    // Alternatives are not part of the assembled phases.
    expect(plan.expand).not.toContain('CREATE FUNCTION');
  });

  it('says nothing when the added column has another type', async () => {
    const plan = await planOf(
      USERS,
      'ALTER TABLE users DROP COLUMN user_name;\nALTER TABLE users ADD COLUMN n integer;',
    );
    expect(plan.alternatives).toEqual([]);
  });
});

describe('lost-rename, data moved', () => {
  it('stays quiet when an UPDATE of the migration copies the dropped column first', async () => {
    const plan = await planOf(
      USERS,
      'ALTER TABLE users ADD COLUMN login text;\nUPDATE users SET login = user_name;\nALTER TABLE users DROP COLUMN user_name;',
    );
    expect(plan.alternatives).toEqual([]);
  });
});
