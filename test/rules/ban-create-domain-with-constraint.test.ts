import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'ban-create-domain-with-constraint';

describe(RULE, () => {
  it('reports CREATE DOMAIN with a CHECK, at the first CHECK', async () => {
    await expectFindings(
      RULE,
      "CREATE DOMAIN app.email AS text NOT NULL\n  CHECK (VALUE LIKE '%@%')\n  CHECK (length(VALUE) < 300);",
      [
        {
          line: 2,
          column: 3,
          severity: 'warning',
          breaking: false,
          object: 'app.email',
          lock: null,
          message:
            'Domain `app.email` carries a CHECK constraint, which cannot be changed later without checking every column of the domain in every table under locks',
        },
      ],
      { transactional: true },
    );
  });

  it('accepts domains without a CHECK', async () => {
    await expectNoFindings(
      RULE,
      "CREATE DOMAIN email AS text;\nCREATE DOMAIN code AS text NOT NULL DEFAULT 'x';",
    );
  });
});
