import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-unique-constraint';
const history = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, tenant int);';

describe(RULE, () => {
  it('reports ADD CONSTRAINT ... UNIQUE on an existing table', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
      [
        {
          line: 1,
          column: 23,
          severity: 'error',
          breaking: false,
          object: 'public.users.users_email_key',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding UNIQUE constraint `users_email_key` builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes on `public.users` until the index is built.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names an unnamed constraint as PostgreSQL does', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD UNIQUE (tenant, email);',
      [{ object: 'public.users.users_tenant_email_key' }],
      { history },
    );
  });

  it('reports a UNIQUE column added to an existing table', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
      [
        {
          object: 'public.users.users_handle_key',
          column: 42,
          message: 'Adding column `handle` with UNIQUE builds an index over every row',
        },
      ],
      { history },
    );
  });

  it('accepts UNIQUE USING INDEX', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;',
      { history },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(RULE, 'CREATE TABLE t (a int);\nALTER TABLE t ADD UNIQUE (a);', { history });
  });
});
