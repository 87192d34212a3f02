import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-alter-domain-with-add-constraint';
const history = 'CREATE DOMAIN email AS text;\nCREATE TABLE users (id int, mail email);';

describe(RULE, () => {
  it('reports ALTER DOMAIN ADD CONSTRAINT, at the constraint', async () => {
    await expectFindings(
      RULE,
      "ALTER DOMAIN email ADD CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');",
      [
        {
          line: 1,
          column: 24,
          severity: 'error',
          breaking: false,
          object: 'public.email.email_has_at',
          lock: 'SHARE',
          message:
            'Adding constraint `email_has_at` to domain `public.email` checks every column of that domain in every table, holding a SHARE lock that blocks writes on each of those tables until its check finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names an unnamed constraint as PostgreSQL does, and reports SET NOT NULL', async () => {
    await expectFindings(
      RULE,
      "ALTER DOMAIN email ADD CHECK (VALUE <> '');\nALTER DOMAIN email SET NOT NULL;",
      [
        { line: 1, object: 'public.email.email_check' },
        { line: 2, object: 'public.email', message: 'Setting NOT NULL on domain `public.email`' },
      ],
      { history },
    );
  });

  it('accepts NOT VALID, VALIDATE, and other ALTER DOMAIN forms', async () => {
    await expectNoFindings(
      RULE,
      "ALTER DOMAIN email ADD CONSTRAINT c CHECK (VALUE LIKE '%@%') NOT VALID;\nALTER DOMAIN email VALIDATE CONSTRAINT c;\nALTER DOMAIN email DROP NOT NULL;\nALTER DOMAIN email SET DEFAULT 'x';",
      { history },
    );
  });

  it('accepts a domain created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE DOMAIN code AS text;\nALTER DOMAIN code ADD CHECK (length(VALUE) = 3);',
      { history },
    );
  });
});
