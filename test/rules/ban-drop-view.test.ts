import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY, name text, email text);
CREATE VIEW active_users AS SELECT id, name, email FROM users;
CREATE SCHEMA reports;
CREATE MATERIALIZED VIEW reports.daily AS SELECT count(*) AS n FROM users;`;

describe('ban-drop-view', () => {
  it('reports dropping an existing view', async () => {
    await expectFindings(
      'ban-drop-view',
      '\nDROP VIEW active_users;',
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'public.active_users',
          lock: 'ACCESS EXCLUSIVE',
          message: 'Dropping view `public.active_users` breaks the running release',
        },
      ],
      { history },
    );
  });

  it('reports a schema-qualified materialized view', async () => {
    await expectFindings(
      'ban-drop-view',
      'DROP MATERIALIZED VIEW IF EXISTS\n  reports.daily;',
      [{ line: 1, object: 'reports.daily', message: 'Dropping materialized view `reports.daily`' }],
      { history },
    );
  });

  it('reports a view the model never saw', async () => {
    await expectFindings('ban-drop-view', 'DROP VIEW legacy;', [{ object: 'public.legacy' }]);
  });

  it('ignores a view dropped and recreated with the same columns in the release', async () => {
    await expectNoFindings(
      'ban-drop-view',
      'DROP VIEW active_users;\nCREATE VIEW active_users AS SELECT id, name, email, true AS active FROM users;',
      { history },
    );
  });

  it('ignores a recreation whose columns cannot be known (SELECT *)', async () => {
    await expectNoFindings(
      'ban-drop-view',
      'DROP VIEW active_users;\nCREATE VIEW active_users AS SELECT * FROM users;',
      {
        history,
      },
    );
  });

  it('reports a recreation that loses columns the running release selects', async () => {
    await expectFindings(
      'ban-drop-view',
      'DROP VIEW active_users;\nCREATE VIEW active_users (id, full_name) AS SELECT id, name FROM users;',
      [{ line: 1, object: 'public.active_users', message: 'without column(s) `name`, `email`' }],
      { history },
    );
  });

  it('ignores a view created in the same release', async () => {
    await expectNoFindings('ban-drop-view', 'CREATE VIEW v AS SELECT 1 AS one;\nDROP VIEW v;');
  });

  it('ignores tables', async () => {
    await expectNoFindings('ban-drop-view', 'DROP TABLE users;', { history });
  });
});
