import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-vacuum-full';
const history = 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY);';

describe(RULE, () => {
  it('reports VACUUM FULL of an existing table, at the table name', async () => {
    await expectFindings(
      RULE,
      'VACUUM FULL users;',
      [
        {
          line: 1,
          column: 13,
          severity: 'error',
          breaking: false,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'VACUUM FULL rewrites `public.users` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
        },
      ],
      { history },
    );
  });

  it('reports each table of the option-list form', async () => {
    await expectFindings(
      RULE,
      'VACUUM (FULL, ANALYZE) users, orders;',
      [
        { column: 24, object: 'public.users' },
        { column: 31, object: 'public.orders' },
      ],
      { history },
    );
  });

  it('reports VACUUM FULL of the whole database', async () => {
    await expectFindings(RULE, 'VACUUM FULL;', [
      { object: null, message: 'rewrites every table in the database' },
    ]);
  });

  it('accepts plain VACUUM, ANALYZE and FULL false', async () => {
    await expectNoFindings(
      RULE,
      'VACUUM users;\nVACUUM (ANALYZE) users;\nANALYZE users;\nVACUUM (FULL false) users;',
      { history },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(RULE, 'CREATE TABLE t (a int);\nVACUUM FULL t;', { history });
  });
});
