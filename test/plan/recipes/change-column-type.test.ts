import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('change-column-type', () => {
  it('adds a column of the new type, syncs it with a cast, backfills, drops the old one', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ALTER COLUMN age TYPE bigint;');
    const r = plan.recipes[0];
    expect(r?.recipe).toBe('change-column-type');
    expect(r?.sql.expand).toEqual(['ALTER TABLE users ADD COLUMN age_new bigint']);
    expect(r?.sql.dualWrite[0]).toContain('NEW.age_new := (NEW.age)::bigint;');
    expect(r?.sql.dualWrite[0]).toContain('NEW.age := (NEW.age_new)::integer;');
    expect(r?.sql.backfill[0]).toContain('UPDATE users SET age_new = age::bigint');
    expect(r?.sql.contract).toEqual([
      'DROP TRIGGER IF EXISTS users_age_age_new_sync ON users',
      'DROP FUNCTION IF EXISTS users_age_age_new_sync()',
      'ALTER TABLE users DROP COLUMN age',
    ]);
    expect(r?.app.switchReads[1]).toContain(
      'RENAME COLUMN age_new TO age: expand-contract plans that rename the same way',
    );
  });

  it('uses the USING expression, over NEW in the trigger', async () => {
    const plan = await planOf(
      USERS,
      "ALTER TABLE users ALTER COLUMN age TYPE text USING age::text || ' years';",
    );
    const r = plan.recipes[0];
    expect(r?.sql.dualWrite[0]).toContain("NEW.age_new := (NEW.age::text || ' years');");
    expect(r?.sql.backfill[0]).toContain("UPDATE users SET age_new = (age::text || ' years')");
  });

  it('carries NOT NULL through a NOT VALID check validated in the contract', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users ALTER COLUMN full_name TYPE varchar(200);');
    const r = plan.recipes[0];
    expect(r?.sql.expand).toEqual([
      'ALTER TABLE users ADD COLUMN full_name_new varchar(200)',
      'ALTER TABLE users ADD CONSTRAINT users_full_name_new_not_null_check CHECK (full_name_new IS NOT NULL) NOT VALID',
    ]);
    expect(r?.sql.contract.slice(0, 2)).toEqual([
      'ALTER TABLE users VALIDATE CONSTRAINT users_full_name_new_not_null_check',
      'ALTER TABLE users ALTER COLUMN full_name_new SET NOT NULL',
    ]);
  });
});
