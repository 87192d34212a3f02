import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE SCHEMA crm;\nCREATE TABLE crm.leads (id bigint);';

describe('ban-truncate', () => {
  it('reports truncating an existing table, at the table name', async () => {
    await expectFindings(
      'ban-truncate',
      '\nTRUNCATE TABLE users;',
      [
        {
          line: 2,
          column: 16,
          statementLine: 2,
          breaking: true,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Truncating `public.users` deletes every row the running release still reads, under an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.users`.',
        },
      ],
      { history },
    );
  });

  it('reports each table and says what CASCADE adds', async () => {
    await expectFindings(
      'ban-truncate',
      'TRUNCATE users,\n  crm.leads CASCADE;',
      [
        {
          line: 1,
          column: 10,
          object: 'public.users',
          message: 'with CASCADE deletes every row of it and of every table',
        },
        { line: 2, column: 3, object: 'crm.leads', message: 'with CASCADE' },
      ],
      { history },
    );
  });

  it('ignores tables created in the same release', async () => {
    await expectNoFindings('ban-truncate', 'CREATE TABLE staging (a int);\nTRUNCATE staging;');
  });
});
