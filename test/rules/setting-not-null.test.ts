import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE SCHEMA crm;\nCREATE TABLE crm.leads (id bigint, source text);';

describe('setting-not-null', () => {
  it('reports SET NOT NULL on an existing column', async () => {
    await expectFindings(
      'setting-not-null',
      '\nALTER TABLE users\n  ALTER COLUMN email SET NOT NULL;',
      [
        {
          line: 3,
          column: 3,
          breaking: true,
          object: 'public.users.email',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Setting `public.users.email` NOT NULL breaks the running release wherever it still writes NULL to it, and scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.users`.',
        },
      ],
      { history },
    );
  });

  it('reports schema-qualified and never-seen tables', async () => {
    await expectFindings(
      'setting-not-null',
      'ALTER TABLE crm.leads ALTER source SET NOT NULL;\nALTER TABLE t ALTER c SET NOT NULL;',
      [
        { line: 1, object: 'crm.leads.source' },
        { line: 2, object: 'public.t.c' },
      ],
      { history },
    );
  });

  it('reports a column added in this release without a default', async () => {
    await expectFindings(
      'setting-not-null',
      'ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = $$free$$;\nALTER TABLE users ALTER plan SET NOT NULL;',
      [
        {
          line: 3,
          object: 'public.users.plan',
          message: 'whose inserts into `public.users` do not know the new column',
        },
      ],
      { history },
    );
  });

  it('reports ADD COLUMN and SET NOT NULL in one statement as a new column', async () => {
    await expectFindings(
      'setting-not-null',
      'ALTER TABLE users ADD COLUMN plan text, ALTER plan SET NOT NULL;',
      [{ object: 'public.users.plan', message: 'without a default' }],
      { history },
    );
  });

  it('ignores a new column that has a default (now, in the same statement or later in the release)', async () => {
    await expectNoFindings(
      'setting-not-null',
      [
        "ALTER TABLE users ADD COLUMN a text DEFAULT 'x';",
        'ALTER TABLE users ALTER a SET NOT NULL;',
        'ALTER TABLE users ADD COLUMN b text;',
        "ALTER TABLE users ALTER b SET DEFAULT 'y', ALTER b SET NOT NULL;",
        'ALTER TABLE users ADD COLUMN c text, ALTER c SET NOT NULL;',
        'ALTER TABLE users ADD COLUMN d bigint GENERATED ALWAYS AS IDENTITY, ALTER d SET NOT NULL;',
      ].join('\n'),
      { history, sameRelease: ["ALTER TABLE users ALTER c SET DEFAULT 'z';"] },
    );
  });

  it('ignores the contract step after a NOT NULL check from an earlier release (strong_migrations)', async () => {
    await expectNoFindings('setting-not-null', 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', {
      history: `${history}\nALTER TABLE users ADD CONSTRAINT users_email_null CHECK (email IS NOT NULL) NOT VALID;`,
    });
  });

  it('still reports when the check is added in the same release, or is named for another column', async () => {
    await expectFindings(
      'setting-not-null',
      'ALTER TABLE users ADD CONSTRAINT users_email_null CHECK (email IS NOT NULL) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT users_email_null;\nALTER TABLE users ALTER email SET NOT NULL;',
      [{ line: 3, object: 'public.users.email' }],
      { history },
    );
    await expectFindings(
      'setting-not-null',
      'ALTER TABLE users ALTER email SET NOT NULL;',
      [{ object: 'public.users.email' }],
      {
        history: `${history}\nALTER TABLE users ADD CONSTRAINT users_id_null CHECK (id IS NOT NULL);`,
      },
    );
  });

  it('ignores a table created in the same release', async () => {
    await expectNoFindings(
      'setting-not-null',
      'CREATE TABLE t (a int);\nALTER TABLE t ALTER a SET NOT NULL;',
    );
  });
});
