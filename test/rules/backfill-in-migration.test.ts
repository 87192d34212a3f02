import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE, status text, full_name text);
CREATE TABLE plans (code text NOT NULL, price int);
CREATE UNIQUE INDEX plans_code ON plans (code);`;

describe('backfill-in-migration', () => {
  it('reports an UPDATE of every row of an existing table', async () => {
    await expectFindings(
      'backfill-in-migration',
      'ALTER TABLE users ADD COLUMN name text;\n\nUPDATE users SET name = full_name;',
      [
        {
          line: 3,
          column: 1,
          object: 'public.users',
          lock: 'ROW EXCLUSIVE',
          severity: 'warning',
          breaking: false,
          message: '`UPDATE` of existing table `public.users`',
        },
      ],
      { history },
    );
  });

  it('names expand-contract backfill as the way to run it', async () => {
    await expectFindings(
      'backfill-in-migration',
      "DELETE FROM users WHERE status = 'spam';",
      [
        {
          line: 1,
          column: 1,
          object: 'public.users',
          message: 'run it in batches with `expand-contract backfill`',
        },
      ],
      { history },
    );
  });

  it('reports a table it has never seen (it existed before the history we read)', async () => {
    await expectFindings(
      'backfill-in-migration',
      'UPDATE billing.invoices SET total = 0 WHERE total IS NULL;',
      [{ line: 1, column: 1, object: 'billing.invoices' }],
    );
  });

  it('reports a range or a non-key column, which can match many rows', async () => {
    await expectFindings(
      'backfill-in-migration',
      "UPDATE users SET status = 'x' WHERE id > 100;\nUPDATE users SET status = 'x' WHERE id = 1 OR status IS NULL;",
      [{ line: 1 }, { line: 2 }],
      { history },
    );
  });

  it('reports a data-modifying CTE at its name', async () => {
    await expectFindings(
      'backfill-in-migration',
      'WITH moved AS (DELETE FROM users WHERE status = $1 RETURNING id)\nSELECT count(*) FROM moved;',
      [{ line: 1, column: 6, object: 'public.users', message: '`DELETE` from existing table' }],
      { history },
    );
  });

  it('reports an UPDATE inside a DO block at its own line', async () => {
    await expectFindings(
      'backfill-in-migration',
      "DO $$\nBEGIN\n  UPDATE users SET status = 'active';\nEND\n$$;",
      [{ line: 3, column: 3, statementLine: 3, object: 'public.users' }],
      { history },
    );
  });

  it('ignores a table created in the same release', async () => {
    await expectNoFindings(
      'backfill-in-migration',
      "CREATE TABLE audit (id bigint, kind text);\nINSERT INTO audit VALUES (1, 'a');\nUPDATE audit SET kind = 'b';\nDELETE FROM audit;",
      { history },
    );
  });

  it('ignores a fix of rows pinned by a unique key', async () => {
    await expectNoFindings(
      'backfill-in-migration',
      [
        "UPDATE users SET status = 'admin' WHERE id = 1;",
        "UPDATE users u SET status = 'x' WHERE u.email = 'a@example.com' AND status IS NULL;",
        "DELETE FROM plans WHERE code IN ('legacy', 'trial');",
        'UPDATE users SET status = NULL WHERE 7 = id;',
      ].join('\n'),
      { history },
    );
  });

  it('ignores INSERT ... SELECT and a DO block that commits in batches', async () => {
    await expectNoFindings(
      'backfill-in-migration',
      `INSERT INTO users (id, email) SELECT id, email FROM users;
DO $$
DECLARE n int;
BEGIN
  LOOP
    UPDATE users SET status = 'active' WHERE id IN (SELECT id FROM users WHERE status IS NULL LIMIT 1000);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n = 0;
    COMMIT;
  END LOOP;
END
$$;`,
      { history },
    );
  });
});
