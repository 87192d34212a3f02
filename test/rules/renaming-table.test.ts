import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY);
CREATE SCHEMA archive;
CREATE VIEW active_users AS SELECT id FROM users;`;

describe('renaming-table', () => {
  it('reports renaming an existing table', async () => {
    await expectFindings(
      'renaming-table',
      'SELECT 1;\n\nALTER TABLE users\n  RENAME TO accounts;',
      [
        {
          line: 3,
          column: 1,
          breaking: true,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message: 'Renaming table `public.users` to `accounts` breaks the running release',
        },
      ],
      { history },
    );
  });

  it('reports views, materialized views and foreign tables', async () => {
    await expectFindings(
      'renaming-table',
      'ALTER VIEW active_users RENAME TO current_users;\nALTER MATERIALIZED VIEW stats.daily RENAME TO days;\nALTER FOREIGN TABLE remote.t RENAME TO u;',
      [
        { line: 1, object: 'public.active_users', message: 'Renaming view' },
        { line: 2, object: 'stats.daily', message: 'Renaming materialized view' },
        { line: 3, object: 'remote.t', message: 'Renaming foreign table' },
      ],
      { history },
    );
  });

  it('reports moving a table to another schema', async () => {
    await expectFindings(
      'renaming-table',
      'ALTER TABLE public.users SET SCHEMA archive;',
      [
        {
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message: 'Moving table `public.users` to schema `archive`',
        },
      ],
      { history },
    );
  });

  it('ignores the expand step: rename plus a view under the old name, in the same release', async () => {
    await expectNoFindings(
      'renaming-table',
      'BEGIN;\nALTER TABLE users RENAME TO accounts;\nCREATE VIEW users AS SELECT * FROM accounts;\nCOMMIT;',
      { history },
    );
  });

  it('ignores tables created in the same release, and renames of indexes, types and sequences', async () => {
    await expectNoFindings(
      'renaming-table',
      'CREATE TABLE t (a int);\nALTER TABLE t RENAME TO u;\nALTER TABLE u SET SCHEMA archive;\nALTER INDEX users_pkey RENAME TO pk;\nALTER TYPE mood RENAME TO feeling;\nALTER SEQUENCE s RENAME TO q;',
      { history },
    );
  });
});
