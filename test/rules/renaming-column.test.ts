import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY, name text);
CREATE SCHEMA crm;
CREATE TABLE crm.contacts (id bigint, phone text);
CREATE VIEW user_names AS SELECT id, name FROM users;`;

describe('renaming-column', () => {
  it('reports renaming a column of an existing table', async () => {
    await expectFindings(
      'renaming-column',
      '-- naming\nALTER TABLE users\n  RENAME COLUMN name TO full_name;',
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'public.users.name',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Renaming column `public.users.name` to `full_name` breaks the running release, whose queries still name `name` and fail with "column does not exist"',
        },
      ],
      { history },
    );
  });

  it('reports schema-qualified tables, the short form and views', async () => {
    await expectFindings(
      'renaming-column',
      'ALTER TABLE crm.contacts RENAME phone TO mobile;',
      [{ object: 'crm.contacts.phone', message: 'on table `crm.contacts`' }],
      { history },
    );
    await expectFindings(
      'renaming-column',
      'ALTER VIEW user_names RENAME COLUMN name TO label;',
      [{ object: 'public.user_names.name', message: 'on view `public.user_names`' }],
      { history },
    );
  });

  it('reports a table the model never saw', async () => {
    await expectFindings('renaming-column', 'ALTER TABLE accounts RENAME COLUMN login TO username;', [
      { object: 'public.accounts.login' },
    ]);
  });

  it('ignores a column added in the same release', async () => {
    await expectNoFindings(
      'renaming-column',
      'ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME nick TO handle;',
      {
        history,
      },
    );
  });

  it('ignores a table created in the same release', async () => {
    await expectNoFindings('renaming-column', 'CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;');
  });

  it('ignores renaming constraints, indexes and triggers', async () => {
    await expectNoFindings(
      'renaming-column',
      'ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;\nALTER INDEX users_pkey RENAME TO pk;\nALTER TRIGGER t ON users RENAME TO u;',
      { history },
    );
  });
});
