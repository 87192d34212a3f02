import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'require-lock-timeout';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY);`;

describe(RULE, () => {
  it('reports the first ACCESS EXCLUSIVE statement of a transaction, once', async () => {
    await expectFindings(
      RULE,
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS x ON users (email);\nALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE orders ADD COLUMN note text;',
      [
        {
          line: 2,
          column: 13,
          statementLine: 2,
          severity: 'warning',
          breaking: false,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message:
            "Taking an ACCESS EXCLUSIVE lock on `public.users` without a lock_timeout lets this statement wait behind any long-running query on the table while every later query on `public.users` queues behind it; run `SET lock_timeout = '2s';` (and a statement_timeout) first in this transaction.",
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports once per file when statements run on their own', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN a int;\nALTER TABLE orders ADD COLUMN a int;',
      [{ line: 1, object: 'public.users', message: 'first at the top of the file' }],
      { history },
    );
  });

  it('reports each explicit transaction that lacks a timeout', async () => {
    await expectFindings(
      RULE,
      "BEGIN;\nALTER TABLE users ADD COLUMN a int;\nCOMMIT;\nBEGIN;\nSET LOCAL lock_timeout = '1s';\nALTER TABLE users ADD COLUMN b int;\nCOMMIT;\nBEGIN;\nALTER TABLE orders ADD COLUMN c int;\nCOMMIT;",
      [{ line: 2 }, { line: 9, object: 'public.orders' }],
      { history },
    );
  });

  it('accepts a lock_timeout set for the session or the transaction', async () => {
    await expectNoFindings(
      RULE,
      "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a int;\nDROP TABLE orders;",
      { history },
    );
    await expectNoFindings(RULE, "SET LOCAL lock_timeout TO '2s';\nALTER TABLE users ADD COLUMN a int;", {
      history,
      transactional: true,
    });
  });

  it('reports when lock_timeout is 0 (wait forever)', async () => {
    await expectFindings(RULE, 'SET lock_timeout = 0;\nALTER TABLE users ADD COLUMN a int;', [{ line: 2 }], {
      history,
    });
  });

  it('accepts weaker locks and tables created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a int;\nCREATE INDEX CONCURRENTLY i ON users (email);\nALTER TABLE users VALIDATE CONSTRAINT c;\nUPDATE users SET email = NULL WHERE id = 1;',
      { history },
    );
  });
});
