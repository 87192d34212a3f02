import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

const RULE = 'constraint-missing-not-valid';
const history = 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, qty int);';

describe(RULE, () => {
  it('reports ADD CONSTRAINT ... CHECK on an existing table, at the constraint', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0);',
      [
        {
          line: 1,
          column: 24,
          severity: 'error',
          breaking: false,
          object: 'public.orders.total_positive',
          lock: 'ACCESS EXCLUSIVE',
          message:
            'Adding CHECK constraint `total_positive` scans every row of `public.orders` under an ACCESS EXCLUSIVE lock, blocking reads and writes on it until the scan finishes.',
        },
      ],
      { history, transactional: true },
    );
  });

  it('names unnamed checks as PostgreSQL does', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE orders ADD CHECK (qty > 0), ADD CHECK (qty < total);',
      [{ object: 'public.orders.orders_qty_check' }, { object: 'public.orders.orders_check' }],
      { history },
    );
  });

  it('reports a CHECK on a column added to an existing table (PostgreSQL still scans the table)', async () => {
    await expectFindings(
      RULE,
      'ALTER TABLE orders ADD COLUMN discount int CHECK (discount >= 0);',
      [
        {
          object: 'public.orders.orders_discount_check',
          message: 'Adding column `discount` with CHECK constraint',
        },
      ],
      { history },
    );
  });

  it('accepts NOT VALID, VALIDATE and NOT ENFORCED', async () => {
    await expectNoFindings(
      RULE,
      'ALTER TABLE orders ADD CONSTRAINT c CHECK (qty > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;\nALTER TABLE orders ADD CONSTRAINT d CHECK (qty < 99) NOT ENFORCED;',
      { history },
    );
  });

  it('accepts checks on a table created in the same release', async () => {
    await expectNoFindings(
      RULE,
      'CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0);',
      { history },
    );
  });

  it('leaves foreign keys to adding-foreign-key-constraint', async () => {
    await expectNoFindings(RULE, 'ALTER TABLE orders ADD FOREIGN KEY (id) REFERENCES orders;', { history });
  });
});
