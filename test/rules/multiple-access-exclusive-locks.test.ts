import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'multiple-access-exclusive-locks';
const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);
CREATE TABLE items (id bigint PRIMARY KEY);
CREATE INDEX orders_user_idx ON orders (user_id);`;

describe(RULE, () => {
  it('reports the second table locked ACCESS EXCLUSIVE in one transaction, once', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN note text;\nALTER TABLE users ADD COLUMN note2 text;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE items ADD COLUMN note text;',
      [
        {
          line: 3,
          column: 13,
          statementLine: 3,
          severity: 'warning',
          breaking: false,
          object: 'public.orders',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Taking an ACCESS EXCLUSIVE lock on `public.orders` while this transaction already holds one on `public.users` (line 1) blocks reads and writes on both tables until commit, and a session locking them in the other order deadlocks with it.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('counts every kind of ACCESS EXCLUSIVE statement, including DROP INDEX through its table', async () => {
    await expectFindings(
      RULE,
      'BEGIN;\nDROP INDEX orders_user_idx;\nTRUNCATE items;\nCOMMIT;',
      [{ line: 3, object: 'public.items', message: 'already holds one on `public.orders` (line 2)' }],
      { history },
    );
  });

  it('reports again in the next transaction', async () => {
    await expectFindings(
      RULE,
      'BEGIN;\nLOCK users;\nLOCK orders;\nCOMMIT;\nBEGIN;\nLOCK orders;\nLOCK items;\nCOMMIT;',
      [
        { line: 3, object: 'public.orders' },
        { line: 7, object: 'public.items' },
      ],
      { history },
    );
  });

  it('accepts several statements on the same table', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE orders ADD COLUMN a int;\nDROP INDEX orders_user_idx;\nALTER TABLE orders RENAME COLUMN a TO b;',
      { history, transactional: true },
    );
  });

  it('accepts weaker locks on the other table', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN a int;\nCREATE INDEX orders_id ON orders (id);\nALTER TABLE items VALIDATE CONSTRAINT c;\nUPDATE orders SET user_id = 1;',
      { history, transactional: true },
    );
  });

  it('accepts tables created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE a (id int);\nALTER TABLE users ADD COLUMN n int;\nALTER TABLE a ADD COLUMN n int;',
      { history, transactional: true },
    );
  });

  it('accepts the same statements when each runs in its own transaction', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN a int;\nALTER TABLE orders ADD COLUMN a int;',
      { history },
    );
  });
});
