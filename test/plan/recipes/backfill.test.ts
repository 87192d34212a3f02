import { describe, expect, it } from 'vitest';
import { planOf, USERS } from '../helpers.js';

describe('backfill', () => {
  it('batches an UPDATE over integer primary-key ranges, keeping its SET and WHERE', async () => {
    const plan = await planOf(
      USERS,
      'UPDATE users u SET email = lower(email) WHERE email <> lower(email) RETURNING id;',
      {
        batchSize: 500,
      },
    );
    expect(plan.expand).toBe('');
    expect(plan.backfill).toBe(
      [
        'DO $backfill$',
        'DECLARE',
        '  _ec_from bigint;',
        '  _ec_last bigint;',
        'BEGIN',
        '  SELECT min(id), max(id) INTO _ec_from, _ec_last FROM users;',
        '  WHILE _ec_from <= _ec_last LOOP',
        '    UPDATE users u SET email = lower(email)',
        '     WHERE u.id >= _ec_from AND u.id < _ec_from + 500 AND (email <> lower(email));',
        '    COMMIT;',
        '    _ec_from := _ec_from + 500;',
        '  END LOOP;',
        'END',
        '$backfill$;',
      ].join('\n'),
    );
    expect(plan.recipes[0]?.app.dualWrite[0]).toContain('writes the new values itself');
  });

  it('walks a uuid key with keyset pagination', async () => {
    const plan = await planOf(
      'CREATE TABLE events (id uuid PRIMARY KEY, kind text);',
      "DELETE FROM events WHERE kind = 'debug';",
    );
    expect(plan.backfill).toBe(
      [
        'DO $backfill$',
        'DECLARE',
        '  _ec_after uuid;',
        '  _ec_upto uuid;',
        'BEGIN',
        '  LOOP',
        '    SELECT id INTO _ec_upto FROM events',
        '     WHERE _ec_after IS NULL OR id > _ec_after ORDER BY id OFFSET 999 LIMIT 1;',
        '    DELETE FROM events',
        "     WHERE (_ec_after IS NULL OR events.id > _ec_after) AND (_ec_upto IS NULL OR events.id <= _ec_upto) AND (kind = 'debug');",
        '    COMMIT;',
        '    EXIT WHEN _ec_upto IS NULL;',
        '    _ec_after := _ec_upto;',
        '  END LOOP;',
        'END',
        '$backfill$;',
      ].join('\n'),
    );
  });

  it('puts a placeholder naming what is missing when no key fits', async () => {
    const plan = await planOf('CREATE TABLE logs (a text, b text);', 'UPDATE logs SET b = a;');
    expect(plan.backfill).toBe(
      "SELECT expand_contract_todo('batch this change by hand or run expand-contract backfill: public.logs has no primary key; the DO block needs a single-column integer, bigint or uuid primary key');",
    );
    expect(plan.placeholders).toEqual([
      {
        recipe: 'backfill',
        phase: 'backfill',
        statementLine: 1,
        description:
          'batch this change by hand or run expand-contract backfill: public.logs has no primary key; the DO block needs a single-column integer, bigint or uuid primary key',
        marker:
          "expand_contract_todo('batch this change by hand or run expand-contract backfill: public.logs has no primary key; the DO block needs a single-column integer, bigint or uuid primary key')",
      },
    ]);
  });

  it('names a text primary key as the missing piece', async () => {
    const plan = await planOf(
      'CREATE TABLE codes (code text PRIMARY KEY, n int);',
      'UPDATE codes SET n = 0;',
    );
    expect(plan.placeholders[0]?.description).toContain(
      'the primary key public.codes.code is text, not integer, bigint or uuid',
    );
  });

  it('leaves a data-modifying WITH query in place, unplanned with the reason', async () => {
    const plan = await planOf(
      USERS,
      'WITH x AS (UPDATE users SET age = 0 RETURNING id) SELECT count(*) FROM x;',
    );
    expect(plan.passthrough).toHaveLength(1);
    expect(plan.unplanned.map((u) => u.reason)).toEqual([
      'recipe backfill: only a plain UPDATE or DELETE is moved to a backfill (not one inside a WITH query)',
    ]);
  });

  it('refuses before PostgreSQL 11 (no COMMIT in DO blocks)', async () => {
    const plan = await planOf(USERS, 'UPDATE users SET age = 0;', { postgresVersion: 10 });
    expect(plan.backfill).toBeNull();
    expect(plan.unplanned[0]?.reason).toContain('needs PostgreSQL 11 or later');
  });

  describe('the steps `expand-contract backfill` runs', () => {
    it('fills columns the same file added only where no writer has yet', async () => {
      const plan = await planOf(
        USERS,
        [
          'ALTER TABLE users ADD COLUMN email_lower text;',
          'UPDATE users SET email_lower = lower(email) WHERE email IS NOT NULL;',
        ].join('\n'),
      );
      expect(plan.backfillSteps).toEqual([
        {
          name: 'public.users',
          table: 'users',
          ref: 'users',
          alias: null,
          verb: 'UPDATE',
          head: 'UPDATE users SET email_lower = lower(email)',
          from: null,
          where: 'email IS NOT NULL',
          needs: '(email IS NOT NULL) AND (email_lower IS NULL AND (lower(email)) IS NOT NULL)',
          check: 'predicate',
          key: ['id'],
          searchPath: null,
        },
      ]);
    });

    it('visits each key once when the SET writes a column that existed before (done rows look alike)', async () => {
      const plan = await planOf(USERS, 'UPDATE users SET email = lower(email);');
      expect(plan.backfillSteps.map((s) => [s.check, s.needs])).toEqual([['visited', null]]);
    });

    it('treats a column added with a default as existing: NULL does not mean unwritten', async () => {
      const plan = await planOf(
        USERS,
        "ALTER TABLE users ADD COLUMN tier text DEFAULT 'free';\nUPDATE users SET tier = 'pro' WHERE id < 10;",
      );
      expect(plan.backfillSteps.map((s) => [s.check, s.needs])).toEqual([['visited', 'id < 10']]);
    });

    it('keeps an alias and cuts the FROM list off the head, for the runner to join', async () => {
      const plan = await planOf(
        `${USERS}\nCREATE TABLE emails (user_id bigint, address text);`,
        'ALTER TABLE users ADD COLUMN primary_email text;\nUPDATE users AS u SET primary_email = e.address FROM emails e WHERE e.user_id = u.id;',
      );
      const [step] = plan.backfillSteps;
      expect([step?.ref, step?.alias, step?.head, step?.from, step?.where]).toEqual([
        'u',
        'u',
        'UPDATE users AS u SET primary_email = e.address',
        'emails e',
        'e.user_id = u.id',
      ]);
      expect(step?.needs).toBe('(e.user_id = u.id) AND (primary_email IS NULL AND (e.address) IS NOT NULL)');
    });

    it('deletes what its WHERE still matches, and checks that at the end', async () => {
      const plan = await planOf(USERS, "DELETE FROM users WHERE email LIKE '%@example.invalid';");
      expect(plan.backfillSteps.map((s) => [s.verb, s.head, s.needs, s.check])).toEqual([
        ['DELETE', 'DELETE FROM users', "email LIKE '%@example.invalid'", 'predicate'],
      ]);
    });

    it('gives up on telling done rows apart for a (a, b) = (...) SET', async () => {
      const plan = await planOf(
        USERS,
        'ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;\nUPDATE users SET (a, b) = (email, email);',
      );
      expect(plan.backfillSteps.map((s) => s.check)).toEqual(['visited']);
    });
  });
});
