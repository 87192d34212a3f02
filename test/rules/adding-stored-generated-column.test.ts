import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'adding-stored-generated-column';
const history = 'CREATE TABLE items (id bigint PRIMARY KEY, price numeric, qty int);';

describe(RULE, () => {
  it('reports a STORED generated column added to an existing table, at GENERATED', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;',
      [
        {
          line: 1,
          column: 44,
          severity: 'error',
          breaking: false,
          object: 'public.items.total',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding stored generated column `total` rewrites every row of `public.items` to compute it, under an ACCESS EXCLUSIVE lock that blocks reads and writes on it until the rewrite finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('accepts a VIRTUAL generated column (PostgreSQL 18), which computes on read', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL;',
      {
        history,
        postgresVersion: 18,
      },
    );
    await expectNoFindings(
      RULE,
      'ALTER TABLE items ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty);',
      {
        history,
        postgresVersion: 18,
      },
    );
  });

  it('accepts a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int GENERATED ALWAYS AS (a * 2) STORED;',
      { history },
    );
  });
});
