import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const history =
  'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE SCHEMA crm;\nCREATE TABLE crm.leads (id bigint);';

describe('adding-required-field', () => {
  it('reports a NOT NULL column without a default, at the column', async () => {
    await expectFindings(
      'adding-required-field',
      'ALTER TABLE users\n  ADD COLUMN plan text NOT NULL;',
      [
        {
          line: 2,
          column: 14,
          statementLine: 1,
          breaking: true,
          object: 'public.users.plan',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding `public.users.plan` as NOT NULL without a default breaks the running release, whose inserts into `public.users` do not set it, and fails outright if the table has rows',
        },
      ],
      { history },
    );
  });

  it('reports a primary key column, DEFAULT NULL, and schema-qualified or never-seen tables', async () => {
    await expectFindings(
      'adding-required-field',
      'ALTER TABLE crm.leads ADD owner_id bigint PRIMARY KEY, ADD score int NOT NULL DEFAULT NULL;\nALTER TABLE legacy ADD code text NOT NULL;',
      [
        { line: 1, column: 27, object: 'crm.leads.owner_id' },
        { line: 1, column: 60, object: 'crm.leads.score' },
        { line: 2, column: 24, object: 'public.legacy.code' },
      ],
      { history },
    );
  });

  it('ignores columns that get a value: default, identity, generated, serial', async () => {
    await expectNoFindings(
      'adding-required-field',
      [
        "ALTER TABLE users ADD plan text NOT NULL DEFAULT 'free';",
        'ALTER TABLE users ADD seq bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
        'ALTER TABLE users ADD twice bigint NOT NULL GENERATED ALWAYS AS (id * 2) STORED;',
        'ALTER TABLE users ADD n bigserial NOT NULL;',
        'ALTER TABLE users ADD note text;',
      ].join('\n'),
      { history },
    );
  });

  it('ignores a table created in the same release and ADD IF NOT EXISTS of an existing column', async () => {
    await expectNoFindings(
      'adding-required-field',
      'CREATE TABLE t (a int);\nALTER TABLE t ADD b int NOT NULL;\nALTER TABLE users ADD COLUMN IF NOT EXISTS id bigint NOT NULL;',
      { history },
    );
  });
});
