import { describe, it } from 'vitest';
import { expectFindings, expectNoFindings } from '../helpers/rule-tester.js';

describe('prefer-timestamptz', () => {
  it('reports timestamp columns in every spelling', async () => {
    await expectFindings(
      'prefer-timestamptz',
      'CREATE TABLE orders (\n  created_at timestamp NOT NULL DEFAULT now(),\n  shipped_at TIMESTAMP WITHOUT TIME ZONE,\n  paid_at timestamp(3)\n);',
      [
        {
          line: 2,
          column: 14,
          object: 'public.orders.created_at',
          severity: 'warning',
          breaking: false,
          message: 'Column `public.orders.created_at` is declared `timestamp` (without time zone)',
        },
        { line: 3, column: 14, object: 'public.orders.shipped_at', message: 'declare it `timestamptz`.' },
        { line: 4, column: 11, object: 'public.orders.paid_at', message: 'declare it `timestamptz(3)`.' },
      ],
    );
  });

  it('reports ADD COLUMN and ALTER COLUMN TYPE', async () => {
    await expectFindings(
      'prefer-timestamptz',
      'ALTER TABLE orders ADD COLUMN seen_at timestamp, ALTER COLUMN due TYPE timestamp;',
      [
        { line: 1, column: 39, object: 'public.orders.seen_at' },
        { line: 1, column: 72, object: 'public.orders.due' },
      ],
      { history: 'CREATE TABLE orders (id bigint, due date);' },
    );
  });

  it('ignores timestamptz, old timestamp columns, date and time', async () => {
    await expectNoFindings(
      'prefer-timestamptz',
      'CREATE TABLE a (x timestamptz, y timestamp with time zone, z date, w time);\nALTER TABLE orders RENAME COLUMN at TO created;',
      { history: 'CREATE TABLE orders (id bigint, at timestamp);' },
    );
  });
});
