import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('rename-column', () => {
  it('adds the new column with the exact type and default, NOT NULL as a NOT VALID check', async () => {
    const history =
      'CREATE TABLE items (id int PRIMARY KEY, price numeric(10,2) NOT NULL DEFAULT 0, label varchar(40));';
    const plan = await planOf(history, 'ALTER TABLE items RENAME COLUMN price TO amount;');
    const r = plan.recipes[0];
    expect(r?.sql.expand).toEqual([
      'ALTER TABLE items ADD COLUMN amount numeric(10,2)',
      'ALTER TABLE items ALTER COLUMN amount SET DEFAULT 0',
      'ALTER TABLE items ADD CONSTRAINT items_amount_not_null_check CHECK (amount IS NOT NULL) NOT VALID',
    ]);
    // With a default on the old column, an INSERT that sets one side is told apart from the default.
    expect(r?.sql.dualWrite[0]).toContain('ELSIF NEW.price IS NOT DISTINCT FROM (0) THEN');
    expect(r?.sql.contract).toEqual([
      'ALTER TABLE items VALIDATE CONSTRAINT items_amount_not_null_check',
      'ALTER TABLE items ALTER COLUMN amount SET NOT NULL',
      'ALTER TABLE items DROP CONSTRAINT items_amount_not_null_check',
      'DROP TRIGGER IF EXISTS items_price_amount_sync ON items',
      'DROP FUNCTION IF EXISTS items_price_amount_sync()',
      'ALTER TABLE items DROP COLUMN price',
    ]);
    expect(r?.rollback).toEqual([
      'DROP TRIGGER IF EXISTS items_price_amount_sync ON items',
      'DROP FUNCTION IF EXISTS items_price_amount_sync()',
      'ALTER TABLE items DROP COLUMN IF EXISTS amount',
    ]);
  });

  it('writes the trigger: INSERT copies whichever is set, UPDATE copies the one that changed', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE users RENAME COLUMN email TO mail;');
    expect(plan.recipes[0]?.sql.dualWrite).toEqual([
      [
        'CREATE FUNCTION users_email_mail_sync() RETURNS trigger',
        'LANGUAGE plpgsql AS $sync$',
        'BEGIN',
        "  IF TG_OP = 'INSERT' THEN",
        '    IF NEW.mail IS NULL THEN',
        '      NEW.mail := NEW.email;',
        '    ELSIF NEW.email IS NULL THEN',
        '      NEW.email := NEW.mail;',
        '    END IF;',
        '  ELSIF NEW.mail IS DISTINCT FROM OLD.mail AND NEW.email IS NOT DISTINCT FROM OLD.email THEN',
        '    NEW.email := NEW.mail;',
        '  ELSIF NEW.email IS DISTINCT FROM OLD.email AND NEW.mail IS NOT DISTINCT FROM OLD.mail THEN',
        '    NEW.mail := NEW.email;',
        '  ELSIF NEW.mail IS NULL AND OLD.mail IS NULL THEN',
        '    NEW.mail := NEW.email;',
        '  END IF;',
        '  RETURN NEW;',
        'END',
        '$sync$',
      ].join('\n'),
      'CREATE TRIGGER users_email_mail_sync BEFORE INSERT OR UPDATE ON users FOR EACH ROW EXECUTE FUNCTION users_email_mail_sync()',
    ]);
    // A nullable column: no check, no NOT NULL in the contract.
    expect(plan.recipes[0]?.sql.expand).toEqual(['ALTER TABLE users ADD COLUMN mail text']);
    expect(plan.recipes[0]?.sql.backfill[0]).toContain(
      'UPDATE users SET mail = email\n     WHERE users.id >= _ec_from AND users.id < _ec_from + 1000 AND (mail IS DISTINCT FROM email);',
    );
  });

  it('quotes mixed-case names and keeps the schema the migration wrote', async () => {
    const plan = await planOf(
      'CREATE SCHEMA app; CREATE TABLE app."User" (id uuid PRIMARY KEY, "userName" text);',
      'ALTER TABLE app."User" RENAME COLUMN "userName" TO "displayName";',
    );
    const r = plan.recipes[0];
    expect(r?.sql.expand).toEqual(['ALTER TABLE app."User" ADD COLUMN "displayName" text']);
    expect(r?.sql.dualWrite[1]).toBe(
      'CREATE TRIGGER "User_userName_displayName_sync" BEFORE INSERT OR UPDATE ON app."User" FOR EACH ROW EXECUTE FUNCTION app."User_userName_displayName_sync"()',
    );
    expect(r?.sql.backfill[0]).toContain('ORDER BY id OFFSET 999 LIMIT 1');
  });

  it('refuses when the column type is unknown: the rename passes through, unplanned with the reason', async () => {
    const plan = await planOf(USERS, 'ALTER TABLE ghosts RENAME COLUMN a TO b;');
    expect(plan.recipes.filter((r) => r.recipe === 'rename-column')).toEqual([]);
    expect(plan.passthrough.map((p) => p.sql)).toEqual(['ALTER TABLE ghosts RENAME COLUMN a TO b']);
    expect(plan.unplanned.find((u) => u.rule === 'renaming-column')?.reason).toBe(
      'recipe rename-column: the type of public.ghosts.a is not known from the migrations read',
    );
  });
});
