import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-field-with-default';
const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text);';

describe(RULE, () => {
  it('reports a volatile default on PostgreSQL 11 and later, at the DEFAULT clause', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      [
        {
          line: 1,
          column: 41,
          severity: 'error',
          breaking: false,
          object: 'public.users.token',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding column `token` with the volatile default `gen_random_uuid()` rewrites every row of `public.users` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the rewrite finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('reports each volatile column of one statement', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users\n  ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp(),\n  ADD COLUMN score float8 DEFAULT random(),\n  ADD COLUMN n int DEFAULT 0;',
      [
        { line: 2, column: 34, object: 'public.users.seen_at', message: '`clock_timestamp()`' },
        { line: 3, column: 27, object: 'public.users.score', message: '`random()`' },
      ],
      { history },
    );
  });

  it('accepts constant and stable defaults on PostgreSQL 11 and later', async () => {
    await expectNoFindings(
      RULE,
      "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;\nALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();\nALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}';\nALTER TABLE users ADD COLUMN at date DEFAULT CURRENT_DATE;",
      { history },
    );
  });

  it('reports any default before PostgreSQL 11', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN active boolean DEFAULT true;',
      [
        {
          object: 'public.users.active',
          message:
            'rewrites every row of `public.users` on PostgreSQL 10 (11 and later store a constant default without a rewrite)',
        },
      ],
      { history, postgresVersion: 10 },
    );
  });

  it('accepts DEFAULT NULL, which is no default, on any version', async () => {
    await expectNoFindings(RULE, 'ALTER TABLE users ADD COLUMN note text DEFAULT NULL;', {
      history,
      postgresVersion: 10,
    });
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid();',
      { history },
    );
  });

  it('reports a table the history never showed', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE billing.invoices ADD COLUMN ref uuid DEFAULT gen_random_uuid();',
      [{ object: 'billing.invoices.ref' }],
    );
  });
});
