import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history = `CREATE TABLE users (id bigint PRIMARY KEY, email text, CONSTRAINT users_email_key UNIQUE (email));
CREATE VIEW user_emails AS SELECT id, email FROM users;
CREATE TYPE mood AS ENUM ('happy');`;

describe('ban-drop-cascade', () => {
  it('reports DROP TABLE ... CASCADE on an existing table', async () => {
    await expectFindings(
      'ban-drop-cascade',
      '\nDROP TABLE users CASCADE;',
      [
        {
          line: 2,
          column: 1,
          breaking: true,
          object: 'public.users',
          lock: 'ACCESS EXCLUSIVE',
          message: '`DROP TABLE ... CASCADE` on `public.users` also drops',
        },
      ],
      { history },
    );
  });

  it('reports a type at its name, with no table lock of its own', async () => {
    await expectFindings(
      'ban-drop-cascade',
      'DROP TYPE\n  mood CASCADE;',
      [{ line: 2, column: 3, object: 'public.mood', lock: null, message: '`DROP TYPE ... CASCADE`' }],
      { history },
    );
  });

  it('reports functions, which the model does not track', async () => {
    await expectFindings('ban-drop-cascade', 'DROP FUNCTION app.touch_updated_at() CASCADE;', [
      { object: 'app.touch_updated_at', lock: null, message: '`DROP FUNCTION ... CASCADE`' },
    ]);
  });

  it('names triggers by their table', async () => {
    await expectFindings('ban-drop-cascade', 'DROP TRIGGER audit ON billing.invoices CASCADE;', [
      { object: 'billing.invoices.audit', lock: 'ACCESS EXCLUSIVE' },
    ]);
  });

  it('reports ALTER TABLE DROP COLUMN / DROP CONSTRAINT ... CASCADE', async () => {
    await expectFindings(
      'ban-drop-cascade',
      'ALTER TABLE users\n  DROP COLUMN email CASCADE,\n  DROP CONSTRAINT users_email_key CASCADE;',
      [
        {
          line: 2,
          column: 3,
          object: 'public.users.email',
          lock: 'ACCESS EXCLUSIVE',
          message: '`DROP COLUMN ... CASCADE`',
        },
        {
          line: 3,
          column: 3,
          object: 'public.users.users_email_key',
          message: 'blocking reads and writes on `public.users`',
        },
      ],
      { history },
    );
  });

  it('ignores drops without CASCADE', async () => {
    await expectNoFindings(
      'ban-drop-cascade',
      'DROP VIEW user_emails;\nALTER TABLE users DROP COLUMN email;',
      { history },
    );
  });

  it('ignores objects created in the same release', async () => {
    await expectNoFindings(
      'ban-drop-cascade',
      [
        'CREATE TABLE t (a int, b int, CONSTRAINT t_b_key UNIQUE (b));',
        'ALTER TABLE users ADD COLUMN nickname text;',
        'ALTER TABLE users DROP COLUMN nickname CASCADE;',
        'ALTER TABLE t DROP CONSTRAINT t_b_key CASCADE;',
        'DROP TABLE t CASCADE;',
      ].join('\n'),
      { history },
    );
  });

  it('ignores an object replaced later in the release', async () => {
    await expectNoFindings(
      'ban-drop-cascade',
      'DROP VIEW IF EXISTS user_emails CASCADE;\nCREATE VIEW user_emails AS SELECT id, email FROM users;',
      { history },
    );
  });

  it('ignores the idempotent "DROP FUNCTION IF EXISTS f CASCADE; CREATE FUNCTION f"', async () => {
    await expectNoFindings(
      'ban-drop-cascade',
      "DROP FUNCTION IF EXISTS touch() CASCADE;\nCREATE FUNCTION touch() RETURNS int LANGUAGE sql AS 'select 1';",
    );
  });
});

describe('ban-drop-cascade on constraints', () => {
  it('warns without calling it breaking: dependent foreign keys stop being enforced, queries keep working', async () => {
    await expectFindings(
      'ban-drop-cascade',
      'ALTER TABLE accounts DROP CONSTRAINT accounts_pkey CASCADE;',
      [
        {
          breaking: false,
          severity: 'warning',
          object: 'public.accounts.accounts_pkey',
          message: 'foreign keys of other tables',
        },
      ],
      { history: 'CREATE TABLE accounts (id bigint PRIMARY KEY);' },
    );
  });
});
